// The engine keeps a request's prepared structures between calls and brings them up to date from
// the store's and the accountant's change logs. Under random sequences of placements and of
// everything else that changes a cluster (tasks stopping, status and agent changes, running-task
// counts, attributes, tasks of other groups, instances joining and leaving), one engine reused
// across the whole sequence must place exactly as the naive placer does, call after call.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/collections/journal.js';
import { PlacementEngine } from '../../src/placement/engine.js';
import { naivePlaceTasks } from '../../src/placement/naive.js';
import { PluginRegistry } from '../../src/placement/plugins/registry.js';
import type { StrategyPlugin } from '../../src/placement/plugins/types.js';
import type { PlacementRequest } from '../../src/placement/types.js';
import type { Reservation } from '../../src/resources/types.js';
import { SeededRandom } from '../../src/sim/random.js';
import { buildCluster, context, plain, req, type Cluster, type InstanceSpec } from './fixtures.js';

const AZ = 'ecs.availability-zone';

/** A strategy plug-in: the fewest tasks of any group on the instance (reads the store through the view). */
const fewestTasks: StrategyPlugin = {
  name: 'fewest-web-and-api',
  score: (candidates, view) => Array.from(candidates, (slot) => view.tasksInGroup(slot) + view.tasksInGroup(slot, 'service:api')),
};

const REQUESTS: Omit<PlacementRequest, 'count'>[] = [
  { requirements: req({ cpu: 256, memory: 512 }), group: 'service:web', constraints: [], strategies: [{ type: 'binpack', field: 'memory' }] },
  { requirements: req({ cpu: 128, memory: 256 }), group: 'service:web', constraints: [], strategies: [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: 'instanceId' }] },
  { requirements: req({ memory: 512, tcpPorts: [80] }), group: 'service:api', constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'spread', field: 'attribute:stack' }] },
  {
    requirements: req({ cpu: 100, memory: 100 }), group: 'service:api',
    constraints: [{ type: 'memberOf', expression: 'runningTasksCount < 6 and not(task:group == database)' }],
    strategies: [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'binpack', field: 'cpu' }],
  },
  { requirements: req({ memory: 128, udpPorts: [53] }), group: 'service:web', constraints: [], strategies: [{ type: `plugin:${fewestTasks.name}` }, { type: 'binpack', field: 'memory' }] },
  // A rack per instance: from 32 racks on, the rack level is indexed (value-index.ts).
  { requirements: req({ cpu: 64, memory: 64 }), group: 'service:web', constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: `attribute:${AZ}` }] },
];

type Op =
  | { op: 'place'; request: number; count: number }
  | { op: 'stop'; pick: number }
  | { op: 'reserve'; pick: number }
  | { op: 'status'; pick: number; status: string }
  | { op: 'agent'; pick: number; connected: boolean }
  | { op: 'running'; pick: number; n: number }
  | { op: 'attribute'; pick: number; value: string }
  | { op: 'otherGroup'; pick: number; add: boolean }
  | { op: 'register'; az: string }
  | { op: 'deregister'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('place' as const), request: fc.nat(REQUESTS.length - 1), count: fc.integer({ min: 1, max: 4 }) }), weight: 8 },
  { arbitrary: fc.record({ op: fc.constant('stop' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('reserve' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom('ACTIVE', 'DRAINING') }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('agent' as const), pick: fc.nat(), connected: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('running' as const), pick: fc.nat(), n: fc.nat(9) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('attribute' as const), pick: fc.nat(), value: fc.constantFrom('prod', 'dev', 'zzz') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('otherGroup' as const), pick: fc.nat(), add: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('register' as const), az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1q') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('deregister' as const), pick: fc.nat() }), weight: 1 },
);

const spec: fc.Arbitrary<InstanceSpec> = fc.record({
  cpu: fc.constantFrom(512, 1024, 2048),
  memory: fc.constantFrom(1024, 2048, 4096),
  az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
  stack: fc.constantFrom('prod', 'dev'),
  groups: fc.array(fc.constantFrom('service:web', 'service:api', 'database'), { maxLength: 2 }),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING'),
}).map((r) => ({ cpu: r.cpu, memory: r.memory, groups: r.groups, status: r.status, attributes: { [AZ]: r.az, stack: r.stack } }));

/** Each instance in its own rack. */
const specs = fc.array(spec, { minLength: 1, maxLength: 45 }).map((xs) => xs.map((s, i) => ({ ...s, attributes: { ...s.attributes, rack: `r${i}` } })));

/** One side of the comparison: a cluster, the tasks placed on it so far, and how it places. */
interface Side {
  cluster: Cluster;
  /** tasks placed, and reservations taken without a task (group null) */
  live: { slot: number; group: string | null; reservation: Reservation }[];
  others: number;
  joined: number;
}

/** Applies a non-placement op to a side (both sides get the same ops and so stay alike). */
function apply(side: Side, o: Exclude<Op, { op: 'place' }>): void {
  const { store, accountant } = side.cluster;
  const liveSlots = [...Array(store.size).keys()].filter((s) => store.isLive(s));
  const pickSlot = (pick: number) => liveSlots[pick % liveSlots.length];
  switch (o.op) {
    case 'stop': {
      if (side.live.length === 0) return;
      const [t] = side.live.splice(o.pick % side.live.length, 1);
      accountant.release(t!.reservation);
      if (t!.group !== null) store.removeTask(store.arns[t!.slot]!, t!.group);
      return;
    }
    case 'reserve': {
      // Resources taken with no task group change (as restoring a snapshot does): only the accountant's log hears of it.
      const slot = pickSlot(o.pick);
      const small = req({ cpu: 200, memory: 300 });
      if (slot !== undefined && accountant.fits(slot, small) === null) side.live.push({ slot, group: null, reservation: accountant.reserve(slot, small) });
      return;
    }
    case 'status': case 'agent': case 'running': case 'attribute': case 'otherGroup': case 'deregister': {
      const slot = pickSlot(o.pick);
      if (slot === undefined) return;
      const arn = store.arns[slot]!;
      if (o.op === 'status') store.setStatus(arn, o.status);
      else if (o.op === 'agent') store.setAgentConnected(arn, o.connected);
      else if (o.op === 'running') store.setRunningTasksCount(arn, o.n);
      else if (o.op === 'attribute') store.putAttribute(arn, 'stack', o.value);
      else if (o.op === 'otherGroup') {
        if (o.add) store.addTask(arn, 'database');
        else if (store.groupCountAt(slot, 'database') > 0) store.removeTask(arn, 'database');
      } else {
        side.live = side.live.filter((t) => t.slot !== slot);
        accountant.removeInstance(slot);
        store.deregister(arn);
      }
      return;
    }
    case 'register': {
      const slot = store.register({
        containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/test/joined-${side.joined++}`,
        status: 'ACTIVE', agentConnected: true, attributes: [{ name: AZ, value: o.az }, { name: 'stack', value: 'prod' }],
      });
      accountant.addInstance(slot, [{ name: 'CPU', type: 'INTEGER', integerValue: 1024 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 2048 }], [], 2);
    }
  }
}

describe('an engine reused across calls', () => {
  it('places as the naive placer does under random sequences of placements and cluster changes', () => {
    fc.assert(fc.property(specs, fc.array(op, { minLength: 1, maxLength: 40 }), fc.integer(), (specs, ops, seed) => {
      const engine = new PlacementEngine();
      engine.register(fewestTasks);
      const plugins = new PluginRegistry();
      plugins.register(fewestTasks);
      const sides = [0, 1].map((): Side => ({ cluster: buildCluster(specs), live: [], others: 0, joined: 0 }));
      const ctxs = sides.map((s) => context(s.cluster, seed));
      for (const o of ops) {
        if (o.op !== 'place') {
          for (const side of sides) apply(side, o);
          continue;
        }
        const request: PlacementRequest = { ...REQUESTS[o.request]!, count: o.count };
        const outcomes = sides.map((side, i) => {
          const outcome = i === 0 ? engine.place(ctxs[i]!, request) : naivePlaceTasks(ctxs[i]!, request, { plugins });
          for (const p of outcome.placements) side.live.push({ slot: p.slot, group: request.group, reservation: p.reservation });
          return { outcome: plain(outcome), random: ctxs[i]!.random.state };
        });
        expect(outcomes[0]).toEqual(outcomes[1]);
      }
    }), { seed: 2718, numRuns: 150 });
  });

  it('reuses what it prepared when only the call itself changed the cluster, and rebuilds after a change it cannot localise', () => {
    const c = buildCluster(Array.from({ length: 30 }, (_, i): InstanceSpec => ({ cpu: 4096, memory: 8192, attributes: { [AZ]: `az-${i % 3}` } })));
    const engine = new PlacementEngine();
    const ctx = context(c, 5);
    const request: PlacementRequest = { requirements: req({ memory: 256 }), group: 'service:web', count: 1, constraints: [], strategies: [{ type: 'spread', field: `attribute:${AZ}` }] };
    // The prepared structures are internal; their reuse shows as the same ranker object.
    const prepared = () => (engine as unknown as { reused: WeakMap<object, { peek(k: string): { ranker: object } | undefined }> })
      .reused.get(c.store)?.peek(JSON.stringify([request.requirements, request.group, request.constraints, request.strategies]))?.ranker;
    engine.place(ctx, request);
    const first = prepared();
    expect(first).toBeDefined();
    engine.place(ctx, request);
    c.store.setPendingTasksCount(c.store.arns[0]!, 3); // a slot-local change: refreshed, not rebuilt
    engine.place(ctx, request);
    expect(prepared()).toBe(first);
    c.store.putAttribute(c.store.arns[1]!, 'stack', 'prod'); // attribute values: rebuilt
    engine.place(ctx, request);
    expect(prepared()).not.toBe(first);
  });

  it('hears of resources taken without a task (the accountant\'s change log)', () => {
    const specs = Array.from({ length: 5 }, (_, i): InstanceSpec => ({ cpu: 1024, memory: 2048 + i * 100 }));
    const request: PlacementRequest = { requirements: req({ memory: 256 }), group: 'service:web', count: 1, constraints: [], strategies: [{ type: 'binpack', field: 'memory' }] };
    const c = buildCluster(specs);
    const engine = new PlacementEngine();
    const ctx = context(c, 1);
    expect(engine.place(ctx, request).placements[0]!.slot).toBe(c.slots[0]);
    c.accountant.reserve(c.slots[4]!, req({ memory: 2000 })); // now the fullest that fits
    expect(engine.place(ctx, request).placements[0]!.slot).toBe(c.slots[4]);
  });

  it('re-keys a value whose count changed on an instance it does not rank (an indexed spread level)', () => {
    // 66 instances, two per rack (33 racks: the rack level is indexed). Every rack holds one task
    // of service:web, except r0, whose two tasks sit on its DRAINING instance (slot 0).
    const specs = Array.from({ length: 66 }, (_, i): InstanceSpec => ({
      cpu: 4096, memory: 8192, attributes: { rack: `r${String(i >> 1).padStart(2, '0')}` },
      ...(i === 0 ? { status: 'DRAINING', groups: ['service:web', 'service:web'] } : i % 2 === 0 ? { groups: ['service:web'] } : {}),
    }));
    const c = buildCluster(specs);
    const engine = new PlacementEngine();
    const ctx = context(c, 9);
    const request: PlacementRequest = { requirements: req({ memory: 64 }), group: 'service:other', count: 1, constraints: [], strategies: [] };
    const spreadRack: PlacementRequest = { requirements: req({ memory: 64 }), group: 'service:web', count: 1, constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }] };
    // Prepare the spread request, then undo its placement so the cluster is as built.
    const first = engine.place(ctx, spreadRack).placements[0]!;
    c.accountant.release(first.reservation);
    c.store.removeTask(c.store.arns[first.slot]!, 'service:web');
    engine.place(ctx, request);
    // Both tasks on the DRAINING instance stop: r0 now holds none, so its ACTIVE instance (slot 1) is the one choice.
    c.store.removeTask(c.store.arns[c.slots[0]!]!, 'service:web');
    c.store.removeTask(c.store.arns[c.slots[0]!]!, 'service:web');
    expect(engine.place(ctx, spreadRack).placements[0]!.slot).toBe(c.slots[1]);
  });

  it('sees a status no instance had when it prepared (ACTIVE after all were DRAINING)', () => {
    const c = buildCluster([{ status: 'DRAINING' }, { status: 'DRAINING' }]);
    const engine = new PlacementEngine();
    const ctx = context(c, 1);
    const request: PlacementRequest = { requirements: req({ memory: 64 }), group: 'service:web', count: 1, constraints: [], strategies: [] };
    expect(engine.place(ctx, request).unplaced).toBe(1);
    c.store.setStatus(c.store.arns[c.slots[1]!]!, 'ACTIVE');
    expect(engine.place(ctx, request).placements.map((p) => p.slot)).toEqual([c.slots[1]]);
  });
});

// The same, over a family of what-if forks sharing one engine: the engine's structures move from
// store to store of the family (a fork, its original, a sibling, a fork of a fork), brought up to
// date from the change logs between them. Forks are made, entered and left at random; the
// original changes after its forks were made; forks are made inside a transaction that then rolls
// back. Every placement, on any store, must be the naive placer's on the same store.
type FamilyOp =
  | Op
  | { op: 'fork'; enter: boolean }
  | { op: 'switch'; pick: number }
  | { op: 'rollback'; inner: Op[]; forkAt: number }
  // Many slot-local changes at once: the store moves farther from the family's root than a
  // refresh reaches, so what the engine keeps from it is kept for it alone (engine.ts, `own`).
  | { op: 'churn'; n: number };

const familyOp: fc.Arbitrary<FamilyOp> = fc.oneof(
  { arbitrary: op, weight: 12 },
  { arbitrary: fc.record({ op: fc.constant('fork' as const), enter: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('switch' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('rollback' as const), inner: fc.array(op, { minLength: 1, maxLength: 6 }), forkAt: fc.integer({ min: -1, max: 5 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('churn' as const), n: fc.integer({ min: 60, max: 140 }) }), weight: 1 },
);

/** A store and accountant of the family, with what was placed on it and its random sequence. */
interface Member extends Side {
  ctx: ReturnType<typeof context>;
}

function forkOf(m: Member): Member {
  const store = m.cluster.store.clone();
  const accountant = m.cluster.accountant.cloneFor(store);
  const cluster = { store, accountant, slots: m.cluster.slots };
  return { cluster, live: [...m.live], others: m.others, joined: m.joined, ctx: { store, accountant, random: new SeededRandom(m.ctx.random.state) } };
}

describe('an engine reused across a family of what-if forks', () => {
  it('keeps what it prepared on a fork that moved far from the root in a family of that fork\'s own: the root\'s stays for the next fork', () => {
    const c = buildCluster(Array.from({ length: 30 }, (_, i): InstanceSpec => ({ cpu: 4096, memory: 8192, attributes: { [AZ]: `az-${i % 3}` } })));
    const engine = new PlacementEngine();
    const request: PlacementRequest = { requirements: req({ memory: 256 }), group: 'service:web', count: 1, constraints: [], strategies: [{ type: 'spread', field: `attribute:${AZ}` }] };
    const key = JSON.stringify([request.requirements, request.group, request.constraints, request.strategies]);
    // The structures kept in the family a store anchors (internal: their reuse shows as the same ranker object).
    const keptBy = (anchor: object) => (engine as unknown as { reused: WeakMap<object, { peek(k: string): { ranker: object } | undefined }> }).reused.get(anchor)?.peek(key)?.ranker;
    const original: Member = { cluster: c, live: [], others: 0, joined: 0, ctx: context(c, 1) };
    engine.place(original.ctx, request);
    const root = keptBy(c.store);
    expect(root).toBeDefined();
    // More slot-local changes than a refresh takes (REFRESH_MIN: 64): the fork builds its own.
    const far = forkOf(original);
    for (let k = 0; k < 80; k++) far.cluster.store.setRunningTasksCount(far.cluster.store.arns[k % 30]!, k % 5);
    engine.place(far.ctx, request);
    const forks = keptBy(far.cluster.store);
    expect(forks).toBeDefined();
    expect(forks).not.toBe(root);
    expect(keptBy(c.store)).toBe(root);
    // The fork's next call refreshes its own; a new fork near the root refreshes the root's.
    engine.place(far.ctx, request);
    expect(keptBy(far.cluster.store)).toBe(forks);
    const near = forkOf(original);
    near.cluster.store.setRunningTasksCount(near.cluster.store.arns[0]!, 2);
    engine.place(near.ctx, request);
    expect(keptBy(c.store)).toBe(root);
  });

  it('places on every store of the family as the naive placer does, under random forks, switches, changes and rollbacks', () => {
    fc.assert(fc.property(specs, fc.array(familyOp, { minLength: 1, maxLength: 40 }), fc.integer(), (specs, ops, seed) => {
      const engine = new PlacementEngine();
      engine.register(fewestTasks);
      const plugins = new PluginRegistry();
      plugins.register(fewestTasks);
      // [0]: the engine's family, [1]: the naive placer's; both get the same operations.
      const families = [0, 1].map((): Member[] => {
        const cluster = buildCluster(specs);
        return [{ cluster, live: [], others: 0, joined: 0, ctx: context(cluster, seed) }];
      });
      let current = 0;
      const place = (o: Extract<Op, { op: 'place' }>) => {
        const request: PlacementRequest = { ...REQUESTS[o.request]!, count: o.count };
        const outcomes = families.map((family, i) => {
          const m = family[current]!;
          const outcome = i === 0 ? engine.place(m.ctx, request) : naivePlaceTasks(m.ctx, request, { plugins });
          for (const p of outcome.placements) m.live.push({ slot: p.slot, group: request.group, reservation: p.reservation });
          return { outcome: plain(outcome), random: m.ctx.random.state };
        });
        expect(outcomes[0]).toEqual(outcomes[1]);
      };
      const step = (o: Op) => {
        if (o.op === 'place') place(o);
        else for (const family of families) apply(family[current]!, o);
      };
      for (const o of ops) {
        if (o.op === 'fork') {
          for (const family of families) family.push(forkOf(family[current]!));
          if (o.enter) current = families[0]!.length - 1;
        } else if (o.op === 'switch') {
          current = o.pick % families[0]!.length;
        } else if (o.op === 'churn') {
          for (const family of families) for (let k = 0; k < o.n; k++) apply(family[current]!, { op: 'running', pick: k, n: k % 7 });
        } else if (o.op === 'rollback') {
          const saved = families.map((family) => {
            const m = family[current]!;
            const journal = new Journal();
            m.cluster.store.useJournal(journal);
            m.cluster.accountant.useJournal(journal);
            journal.begin();
            return { journal, live: [...m.live], joined: m.joined };
          });
          o.inner.forEach((inner, i) => {
            if (i === o.forkAt) for (const family of families) family.push(forkOf(family[current]!));
            step(inner);
          });
          families.forEach((family, i) => {
            const m = family[current]!;
            saved[i]!.journal.rollback();
            m.cluster.store.useJournal(null);
            m.cluster.accountant.useJournal(null);
            m.live = saved[i]!.live;
            m.joined = saved[i]!.joined;
          });
        } else step(o);
      }
    }), { seed: 1618, numRuns: 200 });
  });
});

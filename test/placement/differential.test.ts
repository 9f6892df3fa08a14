// The incremental engine against the naive placer on
// random clusters, requirements, constraints and strategy chains: identical placements,
// rejections, tallies and random state. Each side gets its own cluster, built from the same data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { print } from '../../src/cql/index.js';
import { PlacementEngine, placeTasks } from '../../src/placement/engine.js';
import { naivePlaceTasks } from '../../src/placement/naive.js';
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../../src/placement/types.js';
import { AGENT_VERSIONS, ATTRIBUTE_VALUES, cqlExpression, EC2_IDS, TASK_GROUPS } from '../../src/testing/cql.js';
import { buildCluster, context, plain, req, type InstanceSpec } from './fixtures.js';

const AZ = 'ecs.availability-zone';
const TYPE = 'ecs.instance-type';
const ENI_CAP = 'ecs.capability.task-eni';

const maybe = <T>(a: fc.Arbitrary<T>, freq = 3) => fc.option(a, { nil: undefined, freq });

const instance = (): fc.Arbitrary<InstanceSpec> => fc.record({
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING', 'REGISTERING'),
  agentConnected: fc.constantFrom<boolean | null>(true, true, true, true, true, true, true, true, false, null),
  az: maybe(fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'), 6),
  type: maybe(fc.constantFrom('t2.small', 'g2.2xlarge', 'm5.large'), 4),
  eniCap: fc.constantFrom(true, true, true, false),
  stack: maybe(fc.constantFrom(...ATTRIBUTE_VALUES.slice(0, 4)), 2),
  team: maybe(fc.constantFrom('prod', 'dev', 'a b'), 2),
  cpu: fc.constantFrom(0, 512, 1024, 2048, 4096, 8192, 8192, 16384),
  memory: fc.constantFrom(0, 512, 1000, 2048, 4096, 4096, 8192, 8192),
  ports: fc.subarray([22, 80, 443, 8080], { maxLength: 2 }),
  udpPorts: fc.subarray([53, 123]),
  gpus: fc.constantFrom(0, 1, 2, 4),
  eniLimit: fc.constantFrom(0, 1, 2, 3, 10),
  groups: fc.array(fc.constantFrom(...TASK_GROUPS), { maxLength: 3 }),
  used: maybe(fc.record({ cpu: fc.constantFrom(0, 128, 512), memory: fc.constantFrom(0, 128, 700), tcpPorts: fc.constantFrom([], [], [], [80], [443]) })),
  ec2InstanceId: maybe(fc.constantFrom(...EC2_IDS)),
  agentVersion: maybe(fc.constantFrom(...AGENT_VERSIONS)),
  registeredAt: maybe(fc.integer({ min: Date.UTC(2018, 1, 12), max: Date.UTC(2019, 0, 2) })),
  runningTasksCount: fc.integer({ min: 0, max: 12 }),
}).map((r) => {
  const attributes: Record<string, string | null> = {};
  if (r.az !== undefined) attributes[AZ] = r.az;
  if (r.type !== undefined) attributes[TYPE] = r.type;
  if (r.eniCap) attributes[ENI_CAP] = null;
  if (r.stack !== undefined) attributes['stack'] = r.stack;
  if (r.team !== undefined) attributes['team'] = r.team;
  const spec: InstanceSpec = {
    status: r.status, agentConnected: r.agentConnected, attributes, cpu: r.cpu, memory: r.memory, ports: r.ports, udpPorts: r.udpPorts,
    gpus: r.gpus, eniLimit: r.eniLimit, groups: r.groups, runningTasksCount: r.runningTasksCount,
    ...(r.used === undefined ? {} : { used: r.used }),
    ...(r.ec2InstanceId === undefined ? {} : { ec2InstanceId: r.ec2InstanceId }),
    ...(r.agentVersion === undefined ? {} : { agentVersion: r.agentVersion }),
    ...(r.registeredAt === undefined ? {} : { registeredAt: r.registeredAt }),
  };
  return spec;
});

const HANDPICKED = [
  'task:group == service:web', 'not(task:group == service:web)', 'task:group == database', 'not(task:group == database)',
  `attribute:${AZ} in [us-east-1a, us-east-1b]`, `attribute:${TYPE} =~ t2.*`, 'task:group exists', 'not(task:group exists)',
  `task:group == service:web or attribute:${AZ} == us-east-1c`, 'attribute:stack != prod', `attribute:${ENI_CAP} exists`,
];

const constraint: fc.Arbitrary<PlacementConstraint> = fc.oneof(
  { arbitrary: fc.constant({ type: 'distinctInstance' }), weight: 2 },
  { arbitrary: fc.constantFrom(...HANDPICKED).map((expression) => ({ type: 'memberOf', expression })), weight: 3 },
  { arbitrary: cqlExpression(3).map((ast) => ({ type: 'memberOf', expression: print(ast) })), weight: 1 },
);

const strategy: fc.Arbitrary<PlacementStrategy> = fc.constantFrom<PlacementStrategy>(
  { type: 'random' },
  { type: 'binpack', field: 'cpu' },
  { type: 'binpack', field: 'memory' },
  { type: 'binpack', field: 'memory' },
  { type: 'spread', field: 'instanceId' },
  { type: 'spread', field: 'host' },
  { type: 'spread', field: `attribute:${AZ}` },
  { type: 'spread', field: `attribute:${AZ}` },
  { type: 'spread', field: `attribute:${TYPE}` },
  { type: 'spread', field: 'attribute:stack' },
  { type: 'spread', field: 'attribute:nowhere' },
);

const requirements = fc.record({
  cpu: fc.constantFrom(0, 0, 128, 256, 512, 1024),
  memory: fc.constantFrom(0, 64, 128, 256, 512),
  tcpPorts: fc.constantFrom([], [], [], [], [], [], [], [], [], [80], [8080], [80, 443]),
  udpPorts: fc.constantFrom([], [], [], [], [], [53]),
  gpus: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1),
  eni: fc.constantFrom(false, false, false, true),
  attributes: fc.constantFrom([], [], [], [], [], [], [], [], [ENI_CAP], ['stack'], [ENI_CAP, 'stack']),
}).map((r) => req(r));

interface Scenario {
  specs: InstanceSpec[];
  extra: InstanceSpec[];
  request: Omit<PlacementRequest, 'onlySlots'>;
  only: number[] | undefined;
  seed: number;
}

export function scenario(minInstances: number, maxInstances: number, maxCount: number, strategies = strategy): fc.Arbitrary<Scenario> {
  return fc.record({
    specs: fc.array(fc.tuple(instance(), fc.nat(9)), { minLength: minInstances, maxLength: maxInstances, size: 'max' }).map((xs) => xs.map(([s, r]) => ({ ...s, removed: r === 0 }))),
    extra: fc.array(instance(), { maxLength: 3 }),
    request: fc.record({
      requirements,
      group: fc.constantFrom(...TASK_GROUPS),
      count: fc.integer({ min: 1, max: maxCount }),
      constraints: fc.array(constraint, { maxLength: 2 }),
      strategies: fc.array(strategies, { maxLength: 5 }),
    }),
    only: maybe(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), 6),
    seed: fc.integer(),
  });
}

/** Runs one scenario through every implementation on fresh clusters; all must agree. */
export function agree(s: Scenario): void {
  const outcomes = (['naive', 'engine'] as const).map((impl) => {
    const c = buildCluster(s.specs, s.extra);
    const live = c.slots.filter((slot) => c.store.isLive(slot));
    const onlySlots = s.only === undefined || live.length === 0 ? undefined : s.only.map((i) => live[i % live.length]!);
    const request: PlacementRequest = { ...s.request, ...(onlySlots === undefined ? {} : { onlySlots }) };
    const ctx = context(c, s.seed);
    const outcome = impl === 'naive' ? naivePlaceTasks(ctx, request) : placeTasks(ctx, request);
    // The store's task groups afterwards, with counts (the engine records a bulk call's tasks at
    // its end, per instance), and the group's slot list.
    const groups = c.slots.map((slot) => (c.store.isLive(slot) ? c.store.taskGroupsAt(slot).map((g) => [g, c.store.groupCountAt(slot, g)]) : null));
    const withGroup = [...c.store.slotsWithGroup(request.group)];
    return { outcome: plain(outcome), random: ctx.random.state, groups, withGroup };
  });
  expect(outcomes[1]).toEqual(outcomes[0]);
}

describe('placeTasks agrees with naivePlaceTasks', () => {
  it('on small random clusters (500 runs)', () => {
    fc.assert(fc.property(scenario(2, 40, 30), agree), { seed: 424242, numRuns: 500 });
  });

  it('on larger clusters, where leaves turn into bitsets and ties span several of them', () => {
    // Lean instances (mostly fit), spread-heavy chains, more tasks.
    const spreadHeavy = fc.constantFrom<PlacementStrategy>(
      { type: 'spread', field: 'instanceId' }, { type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: `attribute:${TYPE}` },
      { type: 'binpack', field: 'memory' }, { type: 'random' },
    );
    fc.assert(fc.property(scenario(150, 400, 120, spreadHeavy), agree), { seed: 777, numRuns: 40 });
  });
});

/**
 * `fill` against `place` of the same request: where fill answers, every instance takes as many
 * tasks as `place` put on it and turns the next one down for the same reason; it declines only
 * for a memberOf over task:group (or a scheduler plug-in, not drawn here), or when `place` reached
 * the count. Returns whether fill answered.
 */
function fillAgrees(s: Scenario): boolean {
  const c = buildCluster(s.specs, s.extra);
  const live = c.slots.filter((slot) => c.store.isLive(slot));
  const onlySlots = s.only === undefined || live.length === 0 ? undefined : s.only.map((i) => live[i % live.length]!);
  const request: PlacementRequest = { ...s.request, ...(onlySlots === undefined ? {} : { onlySlots }) };
  const engine = new PlacementEngine();
  const ctx = context(c, s.seed);
  const before = JSON.stringify([[...c.store.remainingCpu], [...c.store.remainingMemory], c.slots.map((slot) => (c.store.isLive(slot) ? c.store.taskGroupsAt(slot) : null))]);
  const full = engine.fill(ctx, request);
  // fill changes nothing
  expect(JSON.stringify([[...c.store.remainingCpu], [...c.store.remainingMemory], c.slots.map((slot) => (c.store.isLive(slot) ? c.store.taskGroupsAt(slot) : null))])).toBe(before);
  const outcome = engine.place(ctx, request);
  if (full === null) {
    const readsGroups = request.constraints.some((k) => k.type === 'memberOf' && /task:group/.test(k.expression!));
    if (!readsGroups) expect(outcome.unplaced).toBe(0);
    return false;
  }
  const placedOn = new Map<number, number>();
  for (const p of outcome.placements) placedOn.set(p.slot, (placedOn.get(p.slot) ?? 0) + 1);
  expect([...full.slots].map((slot, i) => [slot, full.counts[i]])).toEqual([...placedOn].sort(([a], [b]) => a - b));
  expect(full.tasks).toBe(outcome.placements.length);
  expect(outcome.unplaced).toBe(request.count - full.tasks);
  expect([...full.rejections]).toEqual([...outcome.rejections]);
  return true;
}

describe('PlacementEngine.fill agrees with place', () => {
  it('on small random clusters, for counts more than fit', () => {
    let answered = 0;
    fc.assert(fc.property(scenario(2, 40, 400), (s) => void (answered += fillAgrees(s) ? 1 : 0)), { seed: 8080, numRuns: 400 });
    // Most requests run out of room before 400 tasks: fill answers them.
    expect(answered).toBeGreaterThan(150);
  });
});

/**
 * n instances with the same CPU, memory in three sizes, the given attributes, and every
 * `drainedEvery`-th one (from the first) DRAINING (0: none).
 */
function evenFleet(n: number, attributes: (i: number) => Record<string, string>, drainedEvery = 0): InstanceSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    cpu: 4096, memory: 8192 + 1024 * (i % 3),
    attributes: attributes(i),
    ...(drainedEvery > 0 && i % drainedEvery === 0 ? { status: 'DRAINING' } : {}),
  }));
}

/** Both placers place `count` 1 GiB tasks of service:web on a fresh copy of the fleet, alike. */
function agreeOnFleet(specs: InstanceSpec[], seed: number, count: number, strategies: PlacementStrategy[], constraints: PlacementConstraint[]): void {
  agree({
    specs, extra: [], only: undefined, seed,
    request: { requirements: req({ memory: 1024 }), group: 'service:web', count, constraints, strategies },
  });
}

describe('placeTasks agrees with naivePlaceTasks on big, even clusters', () => {
  // Many identical, eligible instances: leaves hold hundreds of slots (bitsets), and spread over
  // AZs or types ties several of them, so the pick runs over unions of bitsets and lists.
  it('spread chains over fresh fleets', () => {
    const chains: PlacementStrategy[][] = [
      [{ type: 'spread', field: `attribute:${AZ}` }],
      [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: `attribute:${TYPE}` }],
      [{ type: 'spread', field: `attribute:${TYPE}` }, { type: 'spread', field: 'instanceId' }],
      [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: 'instanceId' }],
      [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'binpack', field: 'memory' }],
      [],
      // racks: up to 300 values, so the last per-value level is indexed even when not first
      [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: 'attribute:rack' }],
      [{ type: 'spread', field: 'instanceId' }, { type: 'spread', field: 'attribute:rack' }],
      [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'instanceId' }],
      [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: `attribute:${AZ}` }],
    ];
    const fleet = fc.record({
      n: fc.integer({ min: 200, max: 1500 }),
      azs: fc.integer({ min: 1, max: 4 }),
      types: fc.integer({ min: 1, max: 3 }),
      typeEvery: fc.integer({ min: 1, max: 40 }),
      drained: fc.integer({ min: 0, max: 30 }),
      perRack: fc.integer({ min: 1, max: 8 }),
      chain: fc.nat(chains.length - 1),
      count: fc.integer({ min: 1, max: 200 }),
      distinct: fc.boolean(),
      seed: fc.integer(),
    });
    fc.assert(fc.property(fleet, (f) => {
      const specs = evenFleet(f.n, (i) => ({ [AZ]: `az-${i % f.azs}`, [TYPE]: `type-${Math.floor(i / f.typeEvery) % f.types}`, rack: `rack-${Math.floor(i / f.perRack)}` }), f.drained);
      agreeOnFleet(specs, f.seed, f.count, chains[f.chain]!, f.distinct ? [{ type: 'distinctInstance' }] : []);
    }), { seed: 99, numRuns: 40 });
  });

  // Two many-valued spreads (hundreds of racks and of power domains): both levels indexed, one
  // nested in the other, so a placement re-keys children and their indexed parents, and tied
  // classes interleave with scanned levels (AZ, type) in the canonical order.
  it('chains with two many-valued spreads', () => {
    const chains: PlacementStrategy[][] = [
      [{ type: 'spread', field: 'attribute:pdu' }, { type: 'spread', field: 'attribute:rack' }],
      [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'attribute:pdu' }],
      [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: 'attribute:pdu' }],
      [{ type: 'spread', field: 'attribute:pdu' }, { type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'instanceId' }],
      [{ type: 'spread', field: `attribute:${TYPE}` }, { type: 'spread', field: 'attribute:rack' }, { type: 'binpack', field: 'memory' }, { type: 'spread', field: 'attribute:pdu' }],
    ];
    const fleet = fc.record({
      n: fc.integer({ min: 800, max: 1600 }),
      azs: fc.integer({ min: 1, max: 3 }),
      perRack: fc.integer({ min: 1, max: 3 }),
      // power domains: runs of consecutive instances, so they nest in racks or span several
      perPdu: fc.integer({ min: 1, max: 3 }),
      chain: fc.nat(chains.length - 1),
      count: fc.integer({ min: 1, max: 300 }),
      seed: fc.integer(),
    });
    fc.assert(fc.property(fleet, (f) => {
      const specs = evenFleet(f.n, (i) => ({ [AZ]: `az-${i % f.azs}`, [TYPE]: `type-${Math.floor(i / 7) % 2}`, rack: `rack-${Math.floor(i / f.perRack)}`, pdu: `pdu-${Math.floor(i / f.perPdu)}` }));
      agreeOnFleet(specs, f.seed, f.count, chains[f.chain]!, []);
    }), { seed: 2024, numRuns: 25 });
  });

  // The engine keeps the order of a column's values between calls (they only grow); a value that
  // arrives later and sorts first must still come first in the next call's canonical order.
  it('call after call on one cluster while instances with new attribute values join', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 5 }), fc.integer(), (rounds, seed) => {
      const sides = (['naive', 'engine'] as const).map((impl) => ({ impl, c: buildCluster([]), ctx: null as ReturnType<typeof context> | null, n: 0 }));
      for (const racks of rounds) {
        const outcomes = sides.map((side) => {
          for (const rack of racks) {
            const slot = side.c.store.register({
              containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/test/late-${side.n++}`,
              status: 'ACTIVE', agentConnected: true, attributes: [{ name: 'rack', value: `r${rack}` }],
            });
            side.c.accountant.addInstance(slot, [{ name: 'CPU', type: 'INTEGER', integerValue: 4096 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }], [], 2);
          }
          side.ctx ??= context(side.c, seed);
          const request: PlacementRequest = {
            requirements: req({ memory: 256 }), group: 'service:web', count: 7, constraints: [],
            strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'instanceId' }],
          };
          return plain((side.impl === 'naive' ? naivePlaceTasks : placeTasks)(side.ctx, request));
        });
        expect(outcomes[1]).toEqual(outcomes[0]);
      }
    }), { seed: 5150, numRuns: 60 });
  });
});

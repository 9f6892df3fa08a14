// Rolling back a transaction must leave the store equal to one that never saw the rolled-back
// changes: through every query path (against the naive store) and through every read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/collections/journal.js';
import type { Expr } from '../../src/cql/index.js';
import type { ContainerInstance } from '../../src/shapes.js';
import { DictionaryColumn } from '../../src/store/dictionary-column.js';
import { NaiveInstanceStore } from '../../src/store/naive.js';
import { InstanceStore } from '../../src/store/store.js';
import { AGENT_VERSIONS, ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, cqlExpression, EC2_IDS, instanceWithGroups, TASK_GROUPS } from '../../src/testing/cql.js';

const STATUSES = ['ACTIVE', 'DRAINING', 'INACTIVE'];
// Names no pooled instance has, so that changes create (and undos drop) columns and posting lists.
const NAMES = [...ATTRIBUTE_NAMES, 'fresh-a', 'fresh-b'];
const GROUPS = [...TASK_GROUPS, 'fresh-group'];
const VALUES = [...ATTRIBUTE_VALUES, 'fresh-value'];

type Change =
  | { op: 'register'; n: number }
  | { op: 'deregister'; pick: number }
  | { op: 'putAttribute'; pick: number; name: string; value: string | undefined }
  | { op: 'deleteAttribute'; pick: number; name: string }
  | { op: 'setStatus'; pick: number; status: string }
  | { op: 'setAgentConnected'; pick: number; connected: boolean }
  | { op: 'setAgentVersion'; pick: number; version: string | undefined }
  | { op: 'setRunningTasksCount'; pick: number; count: number }
  | { op: 'setPendingTasksCount'; pick: number; count: number }
  | { op: 'setRemainingResources'; pick: number; cpu: number; memory: number; enis: number }
  | { op: 'addTask'; pick: number; group: string }
  | { op: 'removeTask'; pick: number; group: string };

type Step = Change | { op: 'begin' } | { op: 'commit' } | { op: 'rollback' } | { op: 'fork' } | { op: 'query'; asts: Expr[] };

// Few instances take most changes, so one slot is changed in several transactions.
const pick = fc.oneof(fc.nat(5), fc.nat());
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('deregister' as const), pick }),
  fc.record({ op: fc.constant('putAttribute' as const), pick, name: fc.constantFrom(...NAMES), value: fc.option(fc.constantFrom(...VALUES), { nil: undefined }) }),
  fc.record({ op: fc.constant('deleteAttribute' as const), pick, name: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('setStatus' as const), pick, status: fc.constantFrom(...STATUSES, 'FRESH') }),
  fc.record({ op: fc.constant('setAgentConnected' as const), pick, connected: fc.boolean() }),
  fc.record({ op: fc.constant('setAgentVersion' as const), pick, version: fc.option(fc.constantFrom(...AGENT_VERSIONS, '9.9.9'), { nil: undefined }) }),
  fc.record({ op: fc.constant('setRunningTasksCount' as const), pick, count: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ op: fc.constant('setPendingTasksCount' as const), pick, count: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ op: fc.constant('setRemainingResources' as const), pick, cpu: fc.nat(4096), memory: fc.nat(8192), enis: fc.nat(4) }),
  fc.record({ op: fc.constant('addTask' as const), pick, group: fc.constantFrom(...GROUPS) }),
  fc.record({ op: fc.constant('removeTask' as const), pick, group: fc.constantFrom(...GROUPS) }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: change, weight: 10 },
  { arbitrary: fc.constant({ op: 'begin' as const }), weight: 2 },
  { arbitrary: fc.constant({ op: 'commit' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'rollback' as const }), weight: 2 },
  { arbitrary: fc.constant({ op: 'fork' as const }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('query' as const), asts: fc.array(cqlExpression(3), { minLength: 1, maxLength: 2 }) }), weight: 2 },
);

type Pool = { instance: ContainerInstance; taskGroups: string[] }[];

/** Applies a change to an indexed store (and a naive one); false if it does not apply (nothing to pick, no such task). */
function apply(store: InstanceStore, naive: NaiveInstanceStore | null, arns: string[], c: Change, pool: Pool, counter: { next: number }): void {
  if (c.op === 'register') {
    const { instance, taskGroups } = pool[c.n % pool.length]!;
    const full = { ...instance, containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${counter.next++}`, status: STATUSES[c.n % STATUSES.length] };
    store.register(full, taskGroups);
    naive?.register(full, taskGroups);
    arns.push(full.containerInstanceArn);
    return;
  }
  if (arns.length === 0) return;
  const i = c.pick % arns.length;
  const arn = arns[i]!;
  const both = (f: (s: InstanceStore | NaiveInstanceStore) => void) => {
    f(store);
    if (naive !== null) f(naive);
  };
  switch (c.op) {
    case 'deregister': both((s) => s.deregister(arn)); arns.splice(i, 1); return;
    case 'putAttribute': both((s) => s.putAttribute(arn, c.name, c.value)); return;
    case 'deleteAttribute': both((s) => s.deleteAttribute(arn, c.name)); return;
    case 'setStatus': both((s) => s.setStatus(arn, c.status)); return;
    case 'setAgentConnected': both((s) => s.setAgentConnected(arn, c.connected)); return;
    case 'setAgentVersion': both((s) => s.setAgentVersion(arn, c.version)); return;
    case 'setRunningTasksCount': both((s) => s.setRunningTasksCount(arn, c.count)); return;
    case 'setPendingTasksCount': store.setPendingTasksCount(arn, c.count); return;
    case 'setRemainingResources': store.setRemainingResources(store.slotOf(arn), c.cpu, c.memory, c.enis); return;
    case 'addTask': both((s) => s.addTask(arn, c.group)); return;
    case 'removeTask':
      if (store.groupCountAt(store.slotOf(arn), c.group) > 0) both((s) => s.removeTask(arn, c.group));
  }
}

/** Everything a reader can see of a store, slot numbers included. */
function image(store: InstanceStore, arns: readonly string[]): unknown {
  return {
    liveCount: store.liveCount,
    ordinals: NAMES.map((n) => store.attributeOrdinal(n)),
    attributeNames: [...store.attributes.keys()],
    groupNames: [...store.groupPostings.keys()],
    groups: GROUPS.map((g) => [...store.slotsWithGroup(g)]),
    ec2: EC2_IDS.map((id) => store.slotsWithEc2Id(id)),
    slotOrderDiffers: store.slotOrderDiffers,
    all: store.query(null),
    instances: arns.map((arn) => {
      const slot = store.slotOf(arn);
      return {
        arn, slot, sequence: store.sequence[slot], attributes: store.attributesAt(slot), groups: [...(store.groupsAt(slot) ?? [])],
        status: store.status.get(slot), connected: store.agentConnected.get(slot), version: store.agentVersion.get(slot),
        ec2: store.ec2InstanceIds[slot], counts: [store.runningTasksCount[slot], store.pendingTasksCount[slot], store.registeredAt[slot]],
        remaining: [store.remainingCpu[slot], store.remainingMemory[slot], store.enisInUse[slot]],
      };
    }),
  };
}

/** The image of a clone after two more registrations (which slots they take). */
function withProbes(store: InstanceStore, arns: readonly string[]): unknown {
  const clone = store.clone();
  const probes = ['probe-1', 'probe-2'].map((id) => `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${id}`);
  for (const arn of probes) clone.register({ containerInstanceArn: arn, status: 'ACTIVE' });
  return image(clone, [...arns, ...probes]);
}

describe('InstanceStore under a journal', () => {
  it('after random changes, savepoints and rollbacks it equals a store that never saw the rolled-back changes', () => {
    fc.assert(
      fc.property(fc.array(instanceWithGroups(), { minLength: 20, maxLength: 80 }), fc.array(step, { minLength: 20, maxLength: 80 }), (pool, steps) => {
        const journal = new Journal();
        const store = new InstanceStore();
        const counter = { next: 0 };
        const arns: string[] = [];
        for (let n = 0; n < pool.length; n++) apply(store, null, arns, { op: 'register', n }, pool, counter);
        store.useJournal(journal);
        // The changes that count: those outside any transaction or in committed ones. Each open
        // transaction keeps the index where its changes start, to drop them on rollback.
        const log: Change[] = [];
        const marks: number[] = [];
        const clones: { clone: InstanceStore; arns: string[]; image: unknown }[] = [];
        const replay = () => {
          const fresh = new InstanceStore();
          const naive = new NaiveInstanceStore();
          const freshArns: string[] = [];
          const c = { next: 0 };
          for (let n = 0; n < pool.length; n++) apply(fresh, naive, freshArns, { op: 'register', n }, pool, c);
          for (const ch of log) apply(fresh, naive, freshArns, ch, pool, c);
          return { fresh, naive, freshArns, next: c.next };
        };
        for (const s of steps) {
          if (s.op === 'begin') {
            journal.begin();
            marks.push(log.length);
          } else if (s.op === 'commit') {
            if (marks.pop() !== undefined) journal.commit();
          } else if (s.op === 'rollback') {
            const mark = marks.pop();
            if (mark === undefined) continue;
            journal.rollback();
            log.length = mark;
            const { fresh, freshArns, next } = replay();
            arns.splice(0, arns.length, ...freshArns);
            counter.next = next;
            expect(image(store, arns)).toEqual(image(fresh, freshArns));
            // Free slots too: the next registrations take the same slots in both.
            expect(withProbes(store, arns)).toEqual(withProbes(fresh, freshArns));
          } else if (s.op === 'fork') {
            const clone = store.clone();
            clones.push({ clone, arns: [...arns], image: image(clone, arns) });
          } else if (s.op === 'query') {
            const { naive } = replay();
            for (const ast of s.asts) {
              const expected = naive.query(ast);
              for (const path of ['auto', 'bitsets', 'postings'] as const) expect(store.query(ast, { path })).toEqual(expected);
            }
          } else {
            apply(store, null, arns, s, pool, counter);
            log.push(s);
          }
        }
        for (let mark = marks.pop(); mark !== undefined; mark = marks.pop()) {
          journal.rollback();
          log.length = mark;
        }
        const { fresh, naive, freshArns } = replay();
        expect(image(store, freshArns)).toEqual(image(fresh, freshArns));
        for (const ast of steps.flatMap((s) => (s.op === 'query' ? s.asts : []))) {
          for (const path of ['auto', 'bitsets', 'postings'] as const) expect(store.query(ast, { path })).toEqual(naive.query(ast));
        }
        // Undos write through copy-on-write: a clone made mid-transaction keeps what it saw.
        for (const c of clones) expect(image(c.clone, c.arns)).toEqual(c.image);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('a change that throws half-way (a bug) is undone by its before-image', () => {
    const pool = fc.sample(instanceWithGroups(), { seed: 9, numRuns: 40 });
    const rich: ContainerInstance = {
      containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/new', status: 'ACTIVE', agentConnected: true,
      versionInfo: { agentVersion: '1.29.0' }, ec2InstanceId: EC2_IDS[0],
      attributes: [{ name: 'stack', value: 'prod' }, { name: 'fresh-a', value: 'x' }, { name: 'fresh-b' }],
    };
    const original = DictionaryColumn.prototype.set;
    for (let k = 0; ; k++) {
      const store = new InstanceStore();
      const arns: string[] = [];
      for (let n = 0; n < pool.length; n++) apply(store, null, arns, { op: 'register', n }, pool, { next: n });
      const before = image(store, arns);
      const journal = new Journal();
      store.useJournal(journal);
      let calls = 0;
      DictionaryColumn.prototype.set = function (this: DictionaryColumn, slot: number, value: string) {
        if (calls++ === k) throw new Error('bug');
        original.call(this, slot, value);
      };
      let threw = false;
      try {
        journal.atomically(() => {
          store.register(rich, ['fresh-group', 'service:web']);
          store.putAttribute(arns[0]!, 'fresh-b', 'y');
          store.deregister(arns[1]!);
        });
      } catch {
        threw = true;
      } finally {
        DictionaryColumn.prototype.set = original;
      }
      if (!threw) break;
      expect(image(store, arns)).toEqual(before);
    }
  });
});

describe('InstanceStore journal: once per slot and transaction', () => {
  it('saves a slot\'s resources and groups again in every new transaction and savepoint', () => {
    const store = new InstanceStore();
    const arn = 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/once';
    const slot = store.register({ containerInstanceArn: arn, status: 'ACTIVE' });
    const journal = new Journal();
    store.useJournal(journal);
    journal.atomically(() => {
      store.setRemainingResources(slot, 1, 1, 1);
      store.addTaskAtSlot(slot, 'g');
    });
    journal.begin();
    store.setRemainingResources(slot, 2, 2, 2);
    store.addTaskAtSlot(slot, 'g');
    journal.begin();
    store.setRemainingResources(slot, 3, 3, 3);
    store.addTaskAtSlot(slot, 'h');
    journal.rollback();
    expect([store.remainingCpu[slot], store.groupsAt(slot)?.get('g'), store.groupsAt(slot)?.has('h')]).toEqual([2, 2, false]);
    journal.rollback();
    expect([store.remainingCpu[slot], store.remainingMemory[slot], store.enisInUse[slot]]).toEqual([1, 1, 1]);
    expect([...store.groupsAt(slot)!]).toEqual([['g', 1]]);
    expect(journal.writePoints).toBe(6);
  });
});

// Bulk registration (`registerAll`) and bulk task groups (`addTasksAtSlots`), which loading a dump
// or a snapshot uses, against registering and adding one by one: the same slots, rows, indexes,
// capacity and answers, on a fresh store, one with freed slots, and a fork of one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/cql/index.js';
import type { ContainerInstance } from '../../src/shapes.js';
import { InstanceStore } from '../../src/store/store.js';
import { cqlExpression, instanceWithGroups } from '../../src/testing/cql.js';

const arnOf = (n: number) => `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${n}`;

/** Everything a reader of the store can see of it. */
function view(store: InstanceStore, probes: readonly Expr[]) {
  const slots = Array.from({ length: store.size }, (_, slot) => slot).filter((slot) => store.isLive(slot));
  return {
    size: store.size,
    capacity: store.capacity,
    liveCount: store.liveCount,
    rows: slots.map((slot) => ({
      slot,
      arn: store.arns[slot],
      sequence: store.sequence[slot],
      counts: [store.runningTasksCount[slot], store.pendingTasksCount[slot], store.registeredAt[slot]],
      fixed: [store.status.get(slot), store.agentConnected.get(slot), store.agentVersion.get(slot), store.ec2InstanceIds[slot]],
      attributes: store.attributesAt(slot),
      groups: [...(store.groupsAt(slot) ?? [])],
    })),
    attributeNames: [...store.attributes.keys()].map((name) => [name, store.attributeOrdinal(name)]),
    groups: [...store.groupPostings.keys()].map((group) => [group, [...store.slotsWithGroup(group)]]),
    ec2: slots.map((slot) => store.ec2InstanceIds[slot]).filter((id): id is string => id !== undefined).map((id) => [id, store.slotsWithEc2Id(id)]),
    answers: probes.map((ast) => store.query(ast)),
  };
}

const setUp = fc.record({
  /** instances registered one by one first, and which of them are then deregistered (freed slots) */
  before: fc.array(instanceWithGroups(), { maxLength: 30 }),
  freed: fc.array(fc.nat(), { maxLength: 10 }),
  fork: fc.boolean(),
  added: fc.array(instanceWithGroups(), { maxLength: 150, size: 'max' }),
  probes: fc.array(cqlExpression(4), { minLength: 1, maxLength: 4 }),
});

describe('bulk registration and task groups equal one-by-one', () => {
  it('registerAll + addTasksAtSlots builds the store register + addTaskAtSlot builds', () => {
    fc.assert(fc.property(setUp, ({ before, freed, fork, added, probes }) => {
      const make = (): InstanceStore => {
        let store = new InstanceStore();
        before.forEach(({ instance, taskGroups }, n) => store.register({ ...instance, containerInstanceArn: arnOf(n) }, taskGroups));
        for (const k of new Set(freed)) if (k < before.length) store.deregister(arnOf(k));
        if (fork) store = store.clone();
        return store;
      };
      const instances: ContainerInstance[] = added.map(({ instance }, n) => ({ ...instance, containerInstanceArn: arnOf(1000 + n), status: n % 3 === 0 ? 'DRAINING' : 'ACTIVE' }));

      const one = make();
      const oneSlots = instances.map((instance) => one.register(instance));
      added.forEach(({ taskGroups }, n) => taskGroups.forEach((group) => one.addTaskAtSlot(oneSlots[n]!, group)));

      const bulk = make();
      const bulkSlots = bulk.registerAll(instances);
      const slots: number[] = [];
      const groups: string[] = [];
      added.forEach(({ taskGroups }, n) => taskGroups.forEach((group) => (slots.push(bulkSlots[n]!), groups.push(group))));
      bulk.addTasksAtSlots(slots, groups);

      expect(bulkSlots).toEqual(oneSlots);
      expect(view(bulk, probes)).toEqual(view(one, probes));
    }), { seed: 5, numRuns: 300 });
  });

  it('a refused bulk registration registers none', () => {
    const store = new InstanceStore();
    store.register({ containerInstanceArn: arnOf(0), status: 'ACTIVE' });
    expect(() => store.registerAll([{ containerInstanceArn: arnOf(1), status: 'ACTIVE' }, { containerInstanceArn: arnOf(0), status: 'ACTIVE' }])).toThrow(/already in the store/);
    expect(() => store.registerAll([{ containerInstanceArn: arnOf(2) }, { containerInstanceArn: arnOf(2) }])).toThrow(/already in the store/);
    expect(store.has(arnOf(1)) || store.has(arnOf(2))).toBe(false);
    expect(store.liveCount).toBe(1);
  });
});

// Loading a dump or a snapshot builds the store, the accountant and the live-task indexes in bulk
// (`addInstances`, `registerAll`, `addTasksAtSlots`, `indexTasks`). Differential test: over
// generated clusters, the cluster a load builds equals one built from the same records one by one
// (`store.register`, `accountant.addInstance` / `restore`, `store.addTaskAtSlot`, `indexTask`),
// and a restore of its snapshot equals both.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCluster, type ClusterRecord } from '../../../src/ecs/clusters/record.js';
import { storeView } from '../../../src/ecs/container-instances/instances.js';
import { indexTask } from '../../../src/ecs/tasks/task-index.js';
import { EcsSimulator } from '../../../src/index.js';
import { eniTaskLimit } from '../../../src/resources/eni-limits.js';
import { generateCluster } from '../../../src/sim/cluster-generator.js';

/** The cluster's records rebuilt with the one-by-one operations, in the order a load adds them. */
function oneByOne(loaded: ClusterRecord): ClusterRecord {
  const cluster = newCluster(loaded.name, loaded.arn, null);
  for (const record of loaded.instances.values()) {
    cluster.instances.set(record.arn, record);
    cluster.arnById.set(record.id, record.arn);
    const slot = cluster.store.register(storeView(record));
    cluster.accountant.addInstance(slot, record.registeredResources, record.platformDevices.map((d) => d.id), eniTaskLimit(record.instanceType, record.trunked));
  }
  for (const task of loaded.tasks.values()) {
    if (task.reservation.slot < 0) continue;
    const slot = cluster.store.slotOf(task.containerInstanceArn!);
    cluster.accountant.restore({ ...task.reservation, slot });
    cluster.store.addTaskAtSlot(slot, task.group);
  }
  // (a dump's unattributed use is held after the tasks')
  for (const record of loaded.instances.values()) {
    if (record.unattributed !== undefined) cluster.accountant.restore({ ...record.unattributed, slot: cluster.store.slotOf(record.arn), eni: false });
  }
  for (const task of loaded.tasks.values()) {
    cluster.tasks.set(task.arn, task);
    cluster.taskIdToArn.set(task.id, task.arn);
    if (task.lastStatus !== 'STOPPED') indexTask(cluster, task);
  }
  return cluster;
}

/** What queries and placement read of a cluster: per instance its store row, remaining resources and reservations; the task indexes. */
function view(cluster: ClusterRecord) {
  const { store, accountant } = cluster;
  return {
    capacity: store.capacity,
    instances: [...cluster.instances.values()].map((record) => {
      const slot = store.slotOf(record.arn);
      return {
        slot,
        arn: record.arn,
        sequence: store.sequence[slot],
        counts: [store.runningTasksCount[slot], store.pendingTasksCount[slot], store.registeredAt[slot], store.remainingCpu[slot], store.remainingMemory[slot], store.enisInUse[slot]],
        fixed: [store.status.get(slot), store.agentConnected.get(slot), store.agentVersion.get(slot), store.ec2InstanceIds[slot]],
        attributes: store.attributesAt(slot),
        groups: [...(store.groupsAt(slot) ?? [])],
        remaining: accountant.remainingResources(slot),
        reservations: accountant.reservations(slot).map((r) => ({ ...r })),
      };
    }),
    attributeNames: [...store.attributes.keys()],
    groups: [...store.groupPostings.keys()].map((group) => [group, [...store.slotsWithGroup(group)]]),
    ids: [...cluster.arnById],
    taskIds: [...cluster.taskIdToArn],
    byInstance: [...cluster.tasksByInstance].map(([k, arns]) => [k, [...arns]]),
    byService: [...cluster.tasksByService].map(([k, arns]) => [k, [...arns]]),
    queries: ['attribute:ecs.availability-zone == us-east-1a', 'task:group exists', 'attribute:ecs.instance-type =~ m5.*'].map((q) => store.query(q)),
  };
}

describe('a loaded cluster equals the same records added one by one', () => {
  it('fromDescribeOutput and restore build the store, accountant and task indexes one-by-one addition builds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 120 }), (seed, instances) => {
      const dump = generateCluster({ instances, seed });
      const sim = EcsSimulator.fromDescribeOutput(dump);
      const loaded = sim.state.clusters.get('sample')!;
      const expected = view(oneByOne(loaded));
      expect(view(loaded)).toEqual(expected);
      const restored = EcsSimulator.restore(JSON.stringify(sim.snapshot()));
      expect(view(restored.state.clusters.get('sample')!)).toEqual(expected);
      expect(restored.snapshot()).toEqual(sim.snapshot());
    }), { seed: 8, numRuns: 25 });
  });
});

// A container instance's life end to end: registration, draining, deregistration (refused while
// tasks run, then forced), the trunk ENI path (REGISTERING → ACTIVE → DEREGISTERING → INACTIVE),
// a trunk failure (REGISTRATION_FAILED → INACTIVE), and an agent update across a disconnect —
// checking after every step that each record and its cluster store agree.
import { describe, expect, it } from 'vitest';
import { AGENT_UPDATE_STEP_MS } from '../../src/ecs/container-instances/agent.js';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { TRUNK_PROVISIONING_MS, TRUNK_RELEASE_MS } from '../../src/ecs/container-instances/trunking.js';
import type { ContainerInstance, ContainerInstanceStatus } from '../../src/shapes.js';

const RESOURCES = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 3705 },
];

function register(sim: EcsSimulator, instanceId: string, agentVersion = '1.20.0'): ContainerInstance {
  return sim.registerContainerInstance({
    cluster: 'c',
    instanceIdentityDocument: JSON.stringify({ instanceId, instanceType: 'c5.large', availabilityZone: 'us-east-1a', imageId: 'ami-1' }),
    totalResources: RESOURCES,
    versionInfo: { agentVersion },
  }).containerInstance!;
}

function describeOne(sim: EcsSimulator, arn: string): ContainerInstance {
  return sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!;
}

function list(sim: EcsSimulator, status?: ContainerInstanceStatus): string[] {
  return sim.listContainerInstances(status === undefined ? { cluster: 'c' } : { cluster: 'c', status }).containerInstanceArns!;
}

/** Every record of cluster c and the store agree on what the store mirrors. */
function expectStoreInStep(sim: EcsSimulator) {
  const cluster = sim.state.clusters.get('c')!;
  for (const record of cluster.instances.values()) {
    const slot = cluster.store.slotOf(record.arn);
    expect(
      {
        status: cluster.store.status.get(slot),
        agentConnected: cluster.store.agentConnected.get(slot),
        agentVersion: cluster.store.agentVersion.get(slot),
        runningTasksCount: cluster.store.runningTasksCount[slot],
        pendingTasksCount: cluster.store.pendingTasksCount[slot],
        attributes: cluster.store.attributesAt(slot).sort((a, b) => a.name!.localeCompare(b.name!)),
      },
      record.arn,
    ).toEqual({
      status: record.status,
      agentConnected: String(record.agentConnected),
      agentVersion: record.versionInfo.agentVersion,
      runningTasksCount: record.runningTasksCount,
      pendingTasksCount: record.pendingTasksCount,
      attributes: record.attributes.map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })).sort((a, b) => a.name!.localeCompare(b.name!)),
    });
  }
}

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).name;
  }
  return 'no error';
}

describe('container instance lifecycle', () => {
  it('register → drain → refused deregistration while a task runs → forced deregistration', () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'c' });
    const ci = register(sim, 'i-1');
    const other = register(sim, 'i-2').containerInstanceArn!;
    const arn = ci.containerInstanceArn!;
    expect(ci.status).toBe('ACTIVE');
    expect(list(sim)).toEqual([arn, other]);
    expectStoreInStep(sim);

    // Drain: only the status filter DRAINING lists it now.
    const drained = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'DRAINING' });
    expect(drained.containerInstances![0]!.status).toBe('DRAINING');
    expect(list(sim, 'DRAINING')).toEqual([arn]);
    expect(list(sim, 'ACTIVE')).toEqual([other]);
    expect(list(sim)).toEqual([arn, other]);
    expectStoreInStep(sim);

    // A task still runs there (tasks come later: set the counts directly, record and store).
    sim.state.clusters.get('c')!.instances.get(arn)!.runningTasksCount = 1;
    sim.state.clusters.get('c')!.store.setRunningTasksCount(arn, 1);
    const before = describeOne(sim, arn);
    expect(rejection(() => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn }))).toBe('InvalidParameterException');
    expect(describeOne(sim, arn)).toEqual(before);
    expect(list(sim, 'DRAINING')).toEqual([arn]);
    expectStoreInStep(sim);

    // Forced: INACTIVE at once, the task orphaned.
    const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: true });
    expect(out.containerInstance!.status).toBe('INACTIVE');
    expect(out.containerInstance!.runningTasksCount).toBe(0);
    expect(out.containerInstance!.version).toBe(before.version! + 1);
    expect(list(sim)).toEqual([other]);
    expect(list(sim, 'DRAINING')).toEqual([]);
    expect(describeOne(sim, arn).status).toBe('INACTIVE');
    expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]!.registeredContainerInstancesCount).toBe(1);
    expectStoreInStep(sim);

    // Gone for good: neither state changes nor a second deregistration apply.
    expect(rejection(() => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'ACTIVE' }))).toBe('ClientException');
    expect(rejection(() => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: true }))).toBe('ClientException');
    expect(rejection(() => sim.updateContainerAgent({ cluster: 'c', containerInstance: arn }))).toBe('ClientException');
  });

  it('trunked: REGISTERING → ACTIVE → DEREGISTERING → INACTIVE on the clock', () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'c' });
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    const ci = register(sim, 'i-1', '1.28.1');
    const arn = ci.containerInstanceArn!;
    const versions = [ci.version!];
    expect(ci.status).toBe('REGISTERING');
    expect(list(sim, 'REGISTERING')).toEqual([arn]);
    expect(rejection(() => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'DRAINING' }))).toBe('ClientException');
    expectStoreInStep(sim);

    sim.advance(TRUNK_PROVISIONING_MS);
    const active = describeOne(sim, arn);
    versions.push(active.version!);
    expect(active.status).toBe('ACTIVE');
    expect(sim.query('attribute:ecs.awsvpc-trunk-id exists', { cluster: 'c' })).toEqual([arn]);
    expect(list(sim, 'ACTIVE')).toEqual([arn]);
    expectStoreInStep(sim);

    // Draining and back works once ACTIVE.
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'DRAINING' });
    versions.push(describeOne(sim, arn).version!);
    expectStoreInStep(sim);

    const deregistering = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn }).containerInstance;
    versions.push(deregistering!.version!);
    expect(deregistering!.status).toBe('DEREGISTERING');
    expect(list(sim, 'DEREGISTERING')).toEqual([arn]);
    expect(list(sim)).toEqual([arn]);
    expectStoreInStep(sim);

    sim.advance(TRUNK_RELEASE_MS);
    const inactive = describeOne(sim, arn);
    versions.push(inactive.version!);
    expect(inactive.status).toBe('INACTIVE');
    expect(inactive.attachments!.map((a) => a.status)).toEqual(['DELETED']);
    expect(list(sim)).toEqual([]);
    expectStoreInStep(sim);
    // Every step was a change: the version went up by one each time.
    expect(versions).toEqual([1, 2, 3, 4, 5]);
  });

  it('trunk failure: REGISTRATION_FAILED with a statusReason → deregistered → INACTIVE', () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'c' });
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    sim.injectFault('trunk-failure');
    const arn = register(sim, 'i-1', '1.28.1').containerInstanceArn!;
    sim.advance(TRUNK_PROVISIONING_MS);
    const failed = describeOne(sim, arn);
    expect(failed.status).toBe('REGISTRATION_FAILED');
    expect(failed.statusReason).toMatch(/^Unexpected EC2 error while attempting to Create Network Interface in subnet 'subnet-[0-9a-f]+': InvalidParameterValue$/);
    expect(list(sim, 'REGISTRATION_FAILED')).toEqual([arn]);
    expect(rejection(() => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'ACTIVE' }))).toBe('ClientException');
    expect(describeOne(sim, arn)).toEqual(failed);
    expectStoreInStep(sim);

    const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
    expect(out.containerInstance!.status).toBe('INACTIVE');
    expect(list(sim)).toEqual([]);
    expect(sim.state.clock.pending()).toEqual([]);
    expectStoreInStep(sim);
  });

  it('an agent update survives a disconnect and lands the latest version, while the instance drains and returns', () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'c' });
    const arn = register(sim, 'i-1').containerInstanceArn!;
    expect(sim.updateContainerAgent({ cluster: 'c', containerInstance: arn }).containerInstance!.agentUpdateStatus).toBe('PENDING');
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'DRAINING' });
    sim.advance(AGENT_UPDATE_STEP_MS);
    expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');

    sim.setAgentConnection('c', arn, false);
    expect(sim.query('agentConnected == false', { cluster: 'c' })).toEqual([arn]);
    expectStoreInStep(sim);
    sim.advance(10 * AGENT_UPDATE_STEP_MS);
    expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');

    sim.setAgentConnection('c', arn, true);
    sim.advance(3 * AGENT_UPDATE_STEP_MS);
    const updated = describeOne(sim, arn);
    expect(updated.agentUpdateStatus).toBe('UPDATED');
    expect(updated.versionInfo!.agentVersion).toBe('1.29.0');
    expect(sim.query('agentVersion >= 1.29.0', { cluster: 'c', status: 'DRAINING' })).toEqual([arn]);
    expectStoreInStep(sim);

    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'ACTIVE' });
    expect(list(sim, 'ACTIVE')).toEqual([arn]);
    expect(rejection(() => sim.updateContainerAgent({ cluster: 'c', containerInstance: arn }))).toBe('NoUpdateAvailableException');
    expectStoreInStep(sim);
  });

  it('replays identically from the same seed', () => {
    const run = () => {
      const sim = new EcsSimulator({ seed: 1 });
      sim.createCluster({ clusterName: 'c' });
      sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
      const a = register(sim, 'i-1', '1.28.1').containerInstanceArn!;
      sim.advance(TRUNK_PROVISIONING_MS);
      sim.updateContainerAgent({ cluster: 'c', containerInstance: a });
      sim.advance(4 * AGENT_UPDATE_STEP_MS);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: a });
      sim.advance(TRUNK_RELEASE_MS);
      return describeOne(sim, a);
    };
    expect(run()).toEqual(run());
  });
});

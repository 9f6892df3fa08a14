import type { DeregisterContainerInstanceCommandOutput } from '@aws-sdk/client-ecs';
import { describeOne, expectRejected, registerC5Large, simWithCluster, BAD_INPUT } from '../fixtures.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { TRUNK_PROVISIONING_MS, TRUNK_RELEASE_MS } from '../../../src/ecs/container-instances/trunking.js';
import type { ContainerInstance } from '../../../src/shapes.js';

// What the simulator answers (the SDK-mirrored responses of src/shapes.ts).
type DeregisterContainerInstanceOutput = ReturnType<EcsSimulator['deregisterContainerInstance']>;

const ALL_STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED', 'INACTIVE'];

const setup = () => simWithCluster({ seed: 1 });

const register = registerC5Large;

/** With trunking enabled: a c5.large with agent 1.28.1 (the first that supports trunking) registers REGISTERING. */
function registerTrunked(sim: EcsSimulator, instanceId = 'i-1'): ContainerInstance {
  sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
  return register(sim, instanceId, 'c', '1.28.1');
}

function idOf(arn: string): string {
  return arn.split('/').pop()!;
}

/** Pretends the instance runs tasks (tasks come later): the record and the store. */
function setTasks(sim: EcsSimulator, arn: string, running: number, pending = 0) {
  const cluster = sim.state.clusters.get('c')!;
  const record = cluster.instances.get(arn)!;
  record.runningTasksCount = running;
  record.pendingTasksCount = pending;
  cluster.store.setRunningTasksCount(arn, running);
  cluster.store.setPendingTasksCount(arn, pending);
}

function storeTasks(sim: EcsSimulator, arn: string) {
  const store = sim.state.clusters.get('c')!.store;
  const slot = store.slotOf(arn);
  return { running: store.runningTasksCount[slot], pending: store.pendingTasksCount[slot] };
}



describe('DeregisterContainerInstance', () => {
  describe('an instance without a trunk ENI', () => {
    it('becomes INACTIVE at once; the answer already says INACTIVE, version bumped by one', () => {
      const sim = setup();
      const ci = register(sim);
      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: ci.containerInstanceArn });
      expect(out.containerInstance!.status).toBe('INACTIVE');
      expect(out.containerInstance!.version).toBe(ci.version! + 1);
      expect(out.containerInstance!.containerInstanceArn).toBe(ci.containerInstanceArn);
      expect(out.containerInstance).toEqual({ ...describeOne(sim, ci.containerInstanceArn!), tags: [] });
      expect(sim.state.clock.pending()).toEqual([]);
    });

    it('stays describable but leaves the default listing, the status listings and queries', () => {
      const sim = setup();
      const a = register(sim, 'i-1').containerInstanceArn!;
      const b = register(sim, 'i-2').containerInstanceArn!;
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: a });
      expect(describeOne(sim, a).status).toBe('INACTIVE');
      expect(sim.describeContainerInstances({ cluster: 'c', containerInstances: [a] }).failures).toEqual([]);
      expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([b]);
      expect(sim.listContainerInstances({ cluster: 'c', status: 'ACTIVE' }).containerInstanceArns).toEqual([b]);
      expect(sim.query(null, { cluster: 'c' })).toEqual([b]);
      expect(sim.query(null, { cluster: 'c', status: 'INACTIVE' })).toEqual([a]);
      expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]!.registeredContainerInstancesCount).toBe(1);
    });

    it('accepts the instance id as well as its ARN', () => {
      const sim = setup();
      const ci = register(sim);
      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: idOf(ci.containerInstanceArn!) });
      expect(out.containerInstance!.status).toBe('INACTIVE');
    });

    it('deregisters a DRAINING instance', () => {
      const sim = setup();
      const ci = register(sim);
      sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' });
      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: ci.containerInstanceArn });
      expect(out.containerInstance!.status).toBe('INACTIVE');
      expect(out.containerInstance!.version).toBe(ci.version! + 2);
      expect(sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns).toEqual([]);
    });

    it('leaves agentConnected as it was (deregistration does not stop the agent)', () => {
      const sim = setup();
      const ci = register(sim);
      expect(sim.deregisterContainerInstance({ cluster: 'c', containerInstance: ci.containerInstanceArn }).containerInstance!.agentConnected).toBe(true);
    });
  });

  describe('tasks on the instance', () => {
    it('refuses without force while tasks run: InvalidParameterException "Found running tasks on the instance."', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      setTasks(sim, arn, 1);
      expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn }),
        'InvalidParameterException',
        /^Found running tasks on the instance\.$/,
      );
      expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: false }), 'InvalidParameterException');
    });

    it('counts PENDING tasks too', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      setTasks(sim, arn, 0, 2);
      expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn }), 'InvalidParameterException', /Found running tasks/);
    });

    it('with force, deregisters anyway and orphans the tasks: both counts drop to 0 in the record and the store', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      setTasks(sim, arn, 3, 1);
      expect(sim.query('runningTasksCount > 0', { cluster: 'c' })).toEqual([arn]);
      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: true });
      expect(out.containerInstance!.status).toBe('INACTIVE');
      expect(out.containerInstance!.runningTasksCount).toBe(0);
      expect(out.containerInstance!.pendingTasksCount).toBe(0);
      expect(out.containerInstance!.version).toBe(2);
      expect(storeTasks(sim, arn)).toEqual({ running: 0, pending: 0 });
      expect(sim.query('runningTasksCount > 0', { cluster: 'c', status: ALL_STATUSES })).toEqual([]);
    });

    it('with force and no tasks, behaves as without force', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      expect(sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: true }).containerInstance!.status).toBe('INACTIVE');
    });
  });

  describe('an instance with a trunk ENI', () => {
    it('goes ACTIVE → DEREGISTERING (trunk ENI DETACHING) → INACTIVE (trunk ENI DELETED) after TRUNK_RELEASE_MS', () => {
      const sim = setup();
      const ci = registerTrunked(sim);
      const arn = ci.containerInstanceArn!;
      expect(ci.status).toBe('REGISTERING');
      sim.advance(TRUNK_PROVISIONING_MS);
      const active = describeOne(sim, arn);
      expect(active.status).toBe('ACTIVE');
      expect(active.attachments![0]!.status).toBe('ATTACHED');

      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      expect(out.containerInstance!.status).toBe('DEREGISTERING');
      expect(out.containerInstance!.attachments![0]!.status).toBe('DETACHING');
      expect(out.containerInstance!.version).toBe(active.version! + 1);
      expect(sim.listContainerInstances({ cluster: 'c', status: 'DEREGISTERING' }).containerInstanceArns).toEqual([arn]);
      expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([arn]);

      sim.advance(TRUNK_RELEASE_MS - 1);
      expect(describeOne(sim, arn).status).toBe('DEREGISTERING');
      sim.advance(1);
      const inactive = describeOne(sim, arn);
      expect(inactive.status).toBe('INACTIVE');
      expect(inactive.attachments![0]!.status).toBe('DELETED');
      expect(inactive.version).toBe(active.version! + 2);
      expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([]);
      expect(sim.query(null, { cluster: 'c', status: 'INACTIVE' })).toEqual([arn]);
    });

    it('answers a second deregistration while DEREGISTERING with the instance as it is, scheduling nothing more', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      sim.advance(TRUNK_PROVISIONING_MS);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      const before = describeOne(sim, arn);
      const pending = sim.state.clock.pending().length;
      const again = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: true });
      expect(again.containerInstance).toEqual({ ...before, tags: [] });
      expect(sim.state.clock.pending().length).toBe(pending);
    });

    it('deregisters a REGISTERING instance through DEREGISTERING; it never becomes ACTIVE', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      const early = 1_000;
      sim.advance(early);
      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      expect(out.containerInstance!.status).toBe('DEREGISTERING');
      // The trunk ENI would have been ready now: the instance stays DEREGISTERING.
      sim.advance(TRUNK_PROVISIONING_MS - early);
      expect(describeOne(sim, arn).status).toBe('DEREGISTERING');
      sim.advance(TRUNK_RELEASE_MS);
      expect(describeOne(sim, arn).status).toBe('INACTIVE');
      expect(describeOne(sim, arn).version).toBe(3);
    });

    it('takes a REGISTRATION_FAILED instance to INACTIVE at once and clears its statusReason', () => {
      const sim = setup();
      sim.injectFault('trunk-failure');
      const arn = registerTrunked(sim).containerInstanceArn!;
      sim.advance(TRUNK_PROVISIONING_MS);
      const failed = describeOne(sim, arn);
      expect(failed.status).toBe('REGISTRATION_FAILED');
      expect(failed.statusReason).toMatch(/Create Network Interface/);
      const out = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      expect(out.containerInstance!.status).toBe('INACTIVE');
      expect(out.containerInstance!.statusReason).toBeUndefined();
      expect(out.containerInstance!.version).toBe(failed.version! + 1);
      expect(sim.state.clock.pending()).toEqual([]);
    });
  });

  describe('errors', () => {
    it('answers ClientException for an instance already INACTIVE', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      for (const force of [false, true]) {
        expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force }),
          'ClientException',
          new RegExp(`^Container instance ${idOf(arn)} is inactive\\.$`),
        );
      }
    });

    it('answers ClientException for an unknown instance, or one of another cluster', () => {
      const sim = setup();
      sim.createCluster({ clusterName: 'other' });
      const mine = register(sim).containerInstanceArn!;
      const elsewhere = register(sim, 'i-2', 'other').containerInstanceArn!;
      expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: '0123456789abcdef0123456789abcdef' }), 'ClientException', /not found/);
      expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: elsewhere }), 'ClientException', /not found/);
      expect(describeOne(sim, elsewhere, 'other').status).toBe('ACTIVE');
    });

    it('answers InvalidParameterException for a missing or malformed containerInstance or a non-boolean force', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      for (const request of [
        { cluster: 'c' },
        { cluster: 'c', containerInstance: '' },
        { cluster: 'c', containerInstance: 42 },
        { cluster: 'c', containerInstance: 'not an id!' },
        { cluster: 'c', containerInstance: arn, force: 'yes' },
      ]) {
        expectRejected(sim, () => sim.deregisterContainerInstance(request as never), BAD_INPUT);
      }
    });

    it('answers ClusterNotFoundException for an unknown cluster', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      expectRejected(sim, () => sim.deregisterContainerInstance({ cluster: 'nope', containerInstance: arn }), 'ClusterNotFoundException');
    });
  });

  it('has the response type of the SDK (minus $metadata), with every member present', () => {
    type Sdk = Omit<DeregisterContainerInstanceCommandOutput, '$metadata'>;
    expectTypeOf<keyof DeregisterContainerInstanceOutput>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<DeregisterContainerInstanceOutput>().toExtend<Sdk>();
    const sim = setup();
    const out: Sdk = sim.deregisterContainerInstance({ cluster: 'c', containerInstance: register(sim).containerInstanceArn });
    expect(Object.keys(out)).toEqual(['containerInstance']);
  });
});

import type { Failure as SdkFailure, UpdateContainerInstancesStateCommandOutput } from '@aws-sdk/client-ecs';
import { describeOne, expectRejected, registerC5Large, simWithCluster, BAD_INPUT } from '../fixtures.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import type { ContainerInstance } from '../../../src/shapes.js';

// What the simulator answers (the SDK-mirrored responses of src/shapes.ts).
type UpdateContainerInstancesStateOutput = ReturnType<EcsSimulator['updateContainerInstancesState']>;


const setup = () => simWithCluster({ seed: 1 });

const register = registerC5Large;

/** A c5.large with agent 1.28.1, the first that supports trunking: REGISTERING when trunking is enabled. */
function registerTrunked(sim: EcsSimulator, instanceId = 'i-1'): ContainerInstance {
  return register(sim, instanceId, 'c', '1.28.1');
}

function enableTrunking(sim: EcsSimulator) {
  sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
}

function idOf(arn: string): string {
  return arn.split('/').pop()!;
}


/** What the cluster store answers about statuses and agents. */

describe('UpdateContainerInstancesState', () => {
  describe('ACTIVE ↔ DRAINING', () => {
    it('drains an ACTIVE instance and answers the full instance, version bumped by one', () => {
      const sim = setup();
      const ci = register(sim);
      const out = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' });
      expect(out.failures).toEqual([]);
      expect(out.containerInstances).toHaveLength(1);
      const updated = out.containerInstances![0]!;
      expect(updated.status).toBe('DRAINING');
      expect(updated.version).toBe(ci.version! + 1);
      expect(updated.containerInstanceArn).toBe(ci.containerInstanceArn);
      // The full object: everything describe shows, plus tags (as the AWS CLI example shows).
      expect(updated).toEqual({ ...describeOne(sim, ci.containerInstanceArn!), tags: [] });
      expect(describeOne(sim, ci.containerInstanceArn!).status).toBe('DRAINING');
    });

    it('keeps the store in step: status filters of ListContainerInstances and query see the new status', () => {
      const sim = setup();
      const a = register(sim, 'i-1').containerInstanceArn!;
      const b = register(sim, 'i-2').containerInstanceArn!;
      sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [a], status: 'DRAINING' });
      expect(sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns).toEqual([a]);
      expect(sim.listContainerInstances({ cluster: 'c', status: 'ACTIVE' }).containerInstanceArns).toEqual([b]);
      expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([a, b]);
      expect(sim.query(null, { cluster: 'c', status: 'DRAINING' })).toEqual([a]);
      sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [a], status: 'ACTIVE' });
      expect(sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns).toEqual([]);
      expect(sim.listContainerInstances({ cluster: 'c', status: 'ACTIVE' }).containerInstanceArns).toEqual([a, b]);
    });

    it('sets a DRAINING instance back to ACTIVE, bumping the version again', () => {
      const sim = setup();
      const ci = register(sim);
      sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' });
      const out = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'ACTIVE' });
      expect(out.containerInstances![0]!.status).toBe('ACTIVE');
      expect(out.containerInstances![0]!.version).toBe(ci.version! + 2);
    });

    it('accepts ids and full ARNs, several instances at once, answering them in request order', () => {
      const sim = setup();
      const a = register(sim, 'i-1');
      const b = register(sim, 'i-2');
      const out = sim.updateContainerInstancesState({
        cluster: 'c',
        containerInstances: [idOf(b.containerInstanceArn!), a.containerInstanceArn!],
        status: 'DRAINING',
      });
      expect(out.containerInstances!.map((i) => i.containerInstanceArn)).toEqual([b.containerInstanceArn, a.containerInstanceArn]);
      expect(out.containerInstances!.map((i) => i.status)).toEqual(['DRAINING', 'DRAINING']);
    });

    it('accepts the cluster by ARN', () => {
      const sim = setup();
      const ci = register(sim);
      const out = sim.updateContainerInstancesState({
        cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/c',
        containerInstances: [ci.containerInstanceArn!],
        status: 'DRAINING',
      });
      expect(out.containerInstances![0]!.status).toBe('DRAINING');
    });

    it('applies and answers an instance named twice (id and ARN) once, with one version bump', () => {
      const sim = setup();
      const ci = register(sim);
      const out = sim.updateContainerInstancesState({
        cluster: 'c',
        containerInstances: [ci.containerInstanceArn!, idOf(ci.containerInstanceArn!), ci.containerInstanceArn!],
        status: 'DRAINING',
      });
      expect(out.containerInstances).toHaveLength(1);
      expect(out.containerInstances![0]!.version).toBe(ci.version! + 1);
    });

    it('accepts re-applying the current status silently: no change, no version bump', () => {
      const sim = setup();
      const ci = register(sim);
      const active = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'ACTIVE' });
      expect(active.containerInstances![0]!.status).toBe('ACTIVE');
      expect(active.containerInstances![0]!.version).toBe(ci.version);
      sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' });
      const again = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' });
      expect(again.containerInstances![0]!.status).toBe('DRAINING');
      expect(again.containerInstances![0]!.version).toBe(ci.version! + 1);
      expect(again.failures).toEqual([]);
    });

    it('drains an instance whose agent is disconnected (the status is the control plane’s)', () => {
      const sim = setup();
      const ci = register(sim);
      sim.setAgentConnection('c', ci.containerInstanceArn!, false);
      const out = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' });
      expect(out.containerInstances![0]!.status).toBe('DRAINING');
      expect(out.containerInstances![0]!.agentConnected).toBe(false);
    });
  });

  describe('unknown instances', () => {
    it('reports an unknown id as a MISSING failure with the ARN built from it, and still updates the others', () => {
      const sim = setup();
      const ci = register(sim);
      const out = sim.updateContainerInstancesState({
        cluster: 'c',
        containerInstances: ['0123456789abcdef0123456789abcdef', ci.containerInstanceArn!],
        status: 'DRAINING',
      });
      expect(out.failures).toEqual([
        { arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123456789abcdef0123456789abcdef', reason: 'MISSING' },
      ]);
      expect(out.containerInstances!.map((i) => i.status)).toEqual(['DRAINING']);
    });

    it('reports an unknown full ARN as given, and an instance of another cluster as MISSING', () => {
      const sim = setup();
      sim.createCluster({ clusterName: 'other' });
      const elsewhere = register(sim, 'i-9', 'other');
      const unknown = 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/ffffffffffffffffffffffffffffffff';
      const out = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [unknown, elsewhere.containerInstanceArn!], status: 'DRAINING' });
      expect(out.containerInstances).toEqual([]);
      expect(out.failures).toEqual([
        { arn: unknown, reason: 'MISSING' },
        { arn: elsewhere.containerInstanceArn, reason: 'MISSING' },
      ]);
      expect(describeOne(sim, elsewhere.containerInstanceArn!, 'other').status).toBe('ACTIVE');
    });
  });

  describe('instances that cannot be updated', () => {
    it('rejects a REGISTERING instance with ClientException and changes nothing, not even the other instances named', () => {
      const sim = setup();
      const plain = register(sim, 'i-0', 'c');
      enableTrunking(sim);
      const registering = registerTrunked(sim, 'i-1');
      expect(registering.status).toBe('REGISTERING');
      for (const status of ['DRAINING', 'ACTIVE'] as const) {
        expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [plain.containerInstanceArn!, registering.containerInstanceArn!], status }),
          'ClientException',
          /REGISTERING/,
        );
      }
    });

    it('rejects a REGISTRATION_FAILED instance with ClientException', () => {
      const sim = setup();
      enableTrunking(sim);
      sim.injectFault('trunk-failure');
      const ci = registerTrunked(sim);
      sim.advance(60_000);
      expect(describeOne(sim, ci.containerInstanceArn!).status).toBe('REGISTRATION_FAILED');
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' }),
        'ClientException',
        /REGISTRATION_FAILED/,
      );
    });

    it('rejects a DEREGISTERING instance with ClientException', () => {
      const sim = setup();
      enableTrunking(sim);
      const ci = registerTrunked(sim);
      sim.advance(60_000);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: ci.containerInstanceArn });
      expect(describeOne(sim, ci.containerInstanceArn!).status).toBe('DEREGISTERING');
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'ACTIVE' }),
        'ClientException',
        /DEREGISTERING/,
      );
    });

    it('rejects an INACTIVE instance with ClientException "is inactive"', () => {
      const sim = setup();
      const ci = register(sim);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: ci.containerInstanceArn });
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status: 'ACTIVE' }),
        'ClientException',
        new RegExp(`Container instance ${idOf(ci.containerInstanceArn!)} is inactive`),
      );
    });

    it('rejects the call even when an unknown id comes first (the error wins over failures)', () => {
      const sim = setup();
      const ok = register(sim, 'i-0');
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: register(sim, 'i-1').containerInstanceArn });
      const inactive = sim.listContainerInstances({ cluster: 'c', status: 'ACTIVE' }).containerInstanceArns;
      expect(inactive).toEqual([ok.containerInstanceArn]);
      const gone = sim.query(null, { cluster: 'c', status: 'INACTIVE' })[0]!;
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: ['abcdef', ok.containerInstanceArn!, gone], status: 'DRAINING' }),
        'ClientException',
      );
    });
  });

  describe('request validation', () => {
    it('rejects a status other than ACTIVE or DRAINING with InvalidParameterException', () => {
      const sim = setup();
      const ci = register(sim);
      for (const status of ['REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED', 'INACTIVE', 'draining', 'bogus', 7]) {
        expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!], status } as never),
          BAD_INPUT,
        );
      }
    });

    it('requires status', () => {
      const sim = setup();
      const ci = register(sim);
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!] } as never),
        'InvalidParameterException',
        /status is required/,
      );
    });

    it('requires 1 to 10 container instances, each a non-empty string', () => {
      const sim = setup();
      const ci = register(sim);
      const arn = ci.containerInstanceArn!;
      const bad: unknown[] = [undefined, [], 'not-a-list', [arn, ''], [arn, 42], Array.from({ length: 11 }, () => arn)];
      for (const containerInstances of bad) {
        expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances, status: 'DRAINING' } as never),
          BAD_INPUT,
        );
      }
      // Ten is fine.
      const ten = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: Array.from({ length: 10 }, () => arn), status: 'DRAINING' });
      expect(ten.containerInstances).toHaveLength(1);
    });

    it('rejects a malformed reference even after valid ones, changing nothing', () => {
      const sim = setup();
      const ci = register(sim);
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [ci.containerInstanceArn!, 'not an id!'], status: 'DRAINING' }),
        'InvalidParameterException',
      );
    });

    it('answers ClusterNotFoundException for an unknown cluster', () => {
      const sim = setup();
      const ci = register(sim);
      expectRejected(sim, () => sim.updateContainerInstancesState({ cluster: 'nope', containerInstances: [ci.containerInstanceArn!], status: 'DRAINING' }),
        'ClusterNotFoundException',
      );
    });
  });

  it('has the response type of the SDK (minus $metadata), with every member present', () => {
    type Sdk = Omit<UpdateContainerInstancesStateCommandOutput, '$metadata'>;
    // Same members, and ours can be answered as the SDK's.
    expectTypeOf<keyof UpdateContainerInstancesStateOutput>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<UpdateContainerInstancesStateOutput>().toExtend<Sdk>();
    expectTypeOf<NonNullable<UpdateContainerInstancesStateOutput['failures']>[number]>().toExtend<SdkFailure>();
    const sim = setup();
    const out: Sdk = sim.updateContainerInstancesState({ cluster: 'c', containerInstances: ['x'], status: 'ACTIVE' });
    expect(Object.keys(out).sort()).toEqual(['containerInstances', 'failures']);
  });
});

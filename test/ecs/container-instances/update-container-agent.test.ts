import { AgentUpdateStatus as SdkAgentUpdateStatus, type ContainerInstance as SdkContainerInstance, type UpdateContainerAgentCommandOutput } from '@aws-sdk/client-ecs';
import { expectRejected, BAD_INPUT } from '../fixtures.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AGENT_UPDATE_EVENT, AGENT_UPDATE_STATUSES, AGENT_UPDATE_STEP_MS, type AgentUpdateStatus } from '../../../src/ecs/container-instances/agent.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { TRUNK_PROVISIONING_MS } from '../../../src/ecs/container-instances/trunking.js';
import type { ContainerInstance } from '../../../src/shapes.js';

// What the simulator answers (the SDK-mirrored responses of src/shapes.ts).
type UpdateContainerAgentOutput = ReturnType<EcsSimulator['updateContainerAgent']>;

const RESOURCES = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 3705 },
];

function setup(options: ConstructorParameters<typeof EcsSimulator>[0] = {}) {
  const sim = new EcsSimulator({ seed: 1, ...options });
  sim.createCluster({ clusterName: 'c' });
  return sim;
}

interface RegisterOptions {
  instanceId?: string;
  versionInfo?: Record<string, string> | undefined;
  attributes?: { name: string; value?: string }[];
  architecture?: string;
}

/** Agent 1.20.0 by default (latest is 1.29.0). */
function register(sim: EcsSimulator, options: RegisterOptions = {}): ContainerInstance {
  const doc: Record<string, string> = { instanceId: options.instanceId ?? 'i-1', instanceType: 'c5.large', availabilityZone: 'us-east-1a', imageId: 'ami-1' };
  if (options.architecture) doc['architecture'] = options.architecture;
  return sim.registerContainerInstance({
    cluster: 'c',
    instanceIdentityDocument: JSON.stringify(doc),
    totalResources: RESOURCES,
    ...('versionInfo' in options ? (options.versionInfo === undefined ? {} : { versionInfo: options.versionInfo }) : { versionInfo: { agentVersion: '1.20.0' } }),
    ...(options.attributes ? { attributes: options.attributes } : {}),
  }).containerInstance!;
}

function describeOne(sim: EcsSimulator, arn: string): ContainerInstance {
  return sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!;
}

function idOf(arn: string): string {
  return arn.split('/').pop()!;
}

function update(sim: EcsSimulator, arn: string) {
  return sim.updateContainerAgent({ cluster: 'c', containerInstance: arn });
}

function agentEvents(sim: EcsSimulator) {
  return sim.state.clock.pending().filter((e) => e.kind === AGENT_UPDATE_EVENT);
}


describe('UpdateContainerAgent', () => {
  describe('a successful update', () => {
    it('answers the instance with agentUpdateStatus PENDING and version bumped by one', () => {
      const sim = setup();
      const ci = register(sim);
      expect(ci.agentUpdateStatus).toBeUndefined();
      const out = update(sim, ci.containerInstanceArn!);
      expect(out.containerInstance!.agentUpdateStatus).toBe('PENDING');
      expect(out.containerInstance!.version).toBe(ci.version! + 1);
      expect(out.containerInstance!.versionInfo).toEqual({ agentVersion: '1.20.0' });
      expect(out.containerInstance).toEqual({ ...describeOne(sim, ci.containerInstanceArn!), tags: [] });
    });

    it('accepts the instance id as well as its ARN', () => {
      const sim = setup();
      const ci = register(sim);
      expect(update(sim, idOf(ci.containerInstanceArn!)).containerInstance!.agentUpdateStatus).toBe('PENDING');
    });

    it('moves PENDING → STAGING → STAGED → UPDATING → UPDATED, one stage per AGENT_UPDATE_STEP_MS, bumping version each time', () => {
      const sim = setup();
      const ci = register(sim);
      const arn = ci.containerInstanceArn!;
      update(sim, arn);
      const seen: [string | undefined, number | undefined][] = [];
      const look = () => {
        const d = describeOne(sim, arn);
        seen.push([d.agentUpdateStatus, d.version]);
      };
      look();
      sim.advance(AGENT_UPDATE_STEP_MS - 1);
      look();
      for (let i = 0; i < 4; i++) {
        sim.advance(i === 0 ? 1 : AGENT_UPDATE_STEP_MS);
        look();
      }
      const v = ci.version!;
      expect(seen).toEqual([
        ['PENDING', v + 1],
        ['PENDING', v + 1],
        ['STAGING', v + 2],
        ['STAGED', v + 3],
        ['UPDATING', v + 4],
        ['UPDATED', v + 5],
      ]);
      expect(agentEvents(sim)).toEqual([]);
    });

    it('installs the latest version when UPDATED, in the record and the store', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      expect(sim.query('agentVersion == 1.20.0', { cluster: 'c' })).toEqual([arn]);
      update(sim, arn);
      sim.advance(3 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).versionInfo!.agentVersion).toBe('1.20.0');
      sim.advance(AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).versionInfo).toEqual({ agentVersion: '1.29.0' });
      expect(sim.query('agentVersion == 1.29.0', { cluster: 'c' })).toEqual([arn]);
      expect(sim.query('agentVersion == 1.20.0', { cluster: 'c' })).toEqual([]);
    });

    it('installs the configured latestAgentVersion and gives the new build a new hash, keeping dockerVersion', () => {
      const sim = setup({ latestAgentVersion: '1.30.1' });
      const arn = register(sim, { versionInfo: { agentVersion: '1.29.0', agentHash: 'aabe65ee', dockerVersion: 'DockerVersion: 18.06.1-ce' } }).containerInstanceArn!;
      update(sim, arn);
      sim.advance(4 * AGENT_UPDATE_STEP_MS);
      const info = describeOne(sim, arn).versionInfo!;
      expect(info.agentVersion).toBe('1.30.1');
      expect(info.dockerVersion).toBe('DockerVersion: 18.06.1-ce');
      expect(info.agentHash).toMatch(/^[0-9a-f]{8}$/);
      expect(info.agentHash).not.toBe('aabe65ee');
    });

    it('updates an agent on a DRAINING instance', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'DRAINING' });
      update(sim, arn);
      sim.advance(4 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('UPDATED');
    });

    it('only reports agentUpdateStatus values of the API enum', () => {
      expect([...AGENT_UPDATE_STATUSES].sort()).toEqual(Object.values(SdkAgentUpdateStatus).sort());
    });
  });

  describe('UpdateInProgressException', () => {
    it('answers it in each stage of an update in progress (PENDING, STAGING, STAGED, UPDATING)', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      update(sim, arn);
      for (const stage of ['PENDING', 'STAGING', 'STAGED', 'UPDATING']) {
        expect(describeOne(sim, arn).agentUpdateStatus).toBe(stage);
        expectRejected(sim, () => update(sim, arn), 'UpdateInProgressException', new RegExp(stage));
        sim.advance(AGENT_UPDATE_STEP_MS);
      }
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('UPDATED');
    });
  });

  describe('NoUpdateAvailableException', () => {
    it('answers it when the agent already runs the latest version, or a newer one', () => {
      const sim = setup();
      for (const [i, agentVersion] of ['1.29.0', '1.29', '1.30.0', '2.0.0'].entries()) {
        const arn = register(sim, { instanceId: `i-${i}`, versionInfo: { agentVersion } }).containerInstanceArn!;
        expectRejected(sim, () => update(sim, arn), 'NoUpdateAvailableException', new RegExp(agentVersion.replace(/\./g, '\\.')));
      }
    });

    it('answers it after a completed update', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      update(sim, arn);
      sim.advance(4 * AGENT_UPDATE_STEP_MS);
      expectRejected(sim, () => update(sim, arn), 'NoUpdateAvailableException');
    });

    it('compares versions numerically (1.9.0 < 1.29.0 < 1.100.0)', () => {
      const sim = setup({ latestAgentVersion: '1.100.0' });
      const arn = register(sim, { versionInfo: { agentVersion: '1.29.0' } }).containerInstanceArn!;
      expect(update(sim, arn).containerInstance!.agentUpdateStatus).toBe('PENDING');
      const sim2 = setup();
      const arn2 = register(sim2, { versionInfo: { agentVersion: '1.9.0' } }).containerInstanceArn!;
      expect(update(sim2, arn2).containerInstance!.agentUpdateStatus).toBe('PENDING');
    });
  });

  describe('MissingVersionException', () => {
    it('answers it when the agent reported no version', () => {
      const sim = setup();
      const none = register(sim, { instanceId: 'i-1', versionInfo: undefined }).containerInstanceArn!;
      const noAgentVersion = register(sim, { instanceId: 'i-2', versionInfo: { dockerVersion: 'DockerVersion: 18.06.1-ce' } }).containerInstanceArn!;
      expectRejected(sim, () => update(sim, none), 'MissingVersionException');
      expectRejected(sim, () => update(sim, noAgentVersion), 'MissingVersionException');
    });

    it('answers it when the reported version is not a dotted version', () => {
      const sim = setup();
      for (const [i, agentVersion] of ['custom-build', 'v1.20.0', '', '1.20.0-rc1'].entries()) {
        const arn = register(sim, { instanceId: `i-${i}`, versionInfo: { agentVersion } }).containerInstanceArn!;
        expectRejected(sim, () => update(sim, arn), 'MissingVersionException');
      }
    });
  });

  describe('FAILED through the agent-update-failure fault', () => {
    it('fails the next update from STAGING, consumes the fault, and lets a retry succeed', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      sim.injectFault('agent-update-failure');
      const v = update(sim, arn).containerInstance!.version!;
      sim.advance(AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');
      expect(sim.state.faults.get('agent-update-failure')).toBe(1);
      sim.advance(AGENT_UPDATE_STEP_MS);
      const failed = describeOne(sim, arn);
      expect(failed.agentUpdateStatus).toBe('FAILED');
      expect(failed.version).toBe(v + 2);
      expect(failed.versionInfo!.agentVersion).toBe('1.20.0');
      expect(sim.state.faults.get('agent-update-failure')).toBe(0);
      expect(agentEvents(sim)).toEqual([]);
      sim.advance(10 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('FAILED');

      // FAILED is not in progress: the update can be retried.
      expect(update(sim, arn).containerInstance!.agentUpdateStatus).toBe('PENDING');
      sim.advance(4 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('UPDATED');
      expect(describeOne(sim, arn).versionInfo!.agentVersion).toBe('1.29.0');
    });

    it('fails as many updates as the count says, in the order they finish STAGING', () => {
      const sim = setup();
      const a = register(sim, { instanceId: 'i-1' }).containerInstanceArn!;
      const b = register(sim, { instanceId: 'i-2' }).containerInstanceArn!;
      const c = register(sim, { instanceId: 'i-3' }).containerInstanceArn!;
      sim.injectFault('agent-update-failure', 2);
      update(sim, a);
      sim.advance(1);
      update(sim, b);
      sim.advance(1);
      update(sim, c);
      sim.advance(4 * AGENT_UPDATE_STEP_MS);
      expect([a, b, c].map((arn) => describeOne(sim, arn).agentUpdateStatus)).toEqual(['FAILED', 'FAILED', 'UPDATED']);
      expect(sim.state.faults.get('agent-update-failure')).toBe(0);
    });
  });

  describe('a disconnected agent', () => {
    it('accepts an update for a disconnected agent; it stays PENDING until the agent reconnects', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      sim.setAgentConnection('c', arn, false);
      expect(update(sim, arn).containerInstance!.agentUpdateStatus).toBe('PENDING');
      sim.advance(60 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('PENDING');
      sim.setAgentConnection('c', arn, true);
      sim.advance(AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');
      sim.advance(3 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('UPDATED');
    });

    it('holds an update in its stage while the agent is away and resumes it on reconnect (the stage starts over)', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      update(sim, arn);
      sim.advance(AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');
      sim.advance(2_000);
      sim.setAgentConnection('c', arn, false);
      sim.advance(60 * AGENT_UPDATE_STEP_MS);
      const held = describeOne(sim, arn);
      expect(held.agentUpdateStatus).toBe('STAGING');
      expect(held.agentConnected).toBe(false);
      expect(agentEvents(sim)).toEqual([]);
      sim.setAgentConnection('c', arn, true);
      expect(agentEvents(sim)).toHaveLength(1);
      sim.advance(AGENT_UPDATE_STEP_MS - 1);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');
      sim.advance(1);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGED');
      sim.advance(2 * AGENT_UPDATE_STEP_MS);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('UPDATED');
    });

    it('loses nothing to a disconnect shorter than the stage: no second step is scheduled', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      update(sim, arn);
      sim.advance(1_000);
      sim.setAgentConnection('c', arn, false);
      sim.advance(1_000);
      sim.setAgentConnection('c', arn, true);
      expect(agentEvents(sim)).toHaveLength(1);
      sim.advance(AGENT_UPDATE_STEP_MS - 2_000);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');
      sim.advance(AGENT_UPDATE_STEP_MS - 1);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGING');
      sim.advance(1);
      expect(describeOne(sim, arn).agentUpdateStatus).toBe('STAGED');
    });

    it('abandons an update when the instance is deregistered: the stage stays as it was', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      update(sim, arn);
      sim.advance(AGENT_UPDATE_STEP_MS);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      sim.advance(10 * AGENT_UPDATE_STEP_MS);
      const d = describeOne(sim, arn);
      expect(d.status).toBe('INACTIVE');
      expect(d.agentUpdateStatus).toBe('STAGING');
      expect(d.versionInfo!.agentVersion).toBe('1.20.0');
    });
  });

  describe('instances that cannot be updated', () => {
    it('answers ClientException for an unknown instance', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      expectRejected(sim, () => update(sim, '0123456789abcdef0123456789abcdef'), 'ClientException', /not found/);
    });

    it('answers ClientException "is inactive" for an INACTIVE instance', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      expectRejected(sim, () => update(sim, arn), 'ClientException', new RegExp(`Container instance ${idOf(arn)} is inactive`));
    });

    it('answers ClientException for REGISTERING, REGISTRATION_FAILED and DEREGISTERING instances', () => {
      const sim = setup();
      sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
      const trunked = (instanceId: string) => register(sim, { instanceId, versionInfo: { agentVersion: '1.28.1' } }).containerInstanceArn!;
      sim.injectFault('trunk-failure');
      const failed = trunked('i-2');
      sim.advance(TRUNK_PROVISIONING_MS);
      expect(describeOne(sim, failed).status).toBe('REGISTRATION_FAILED');
      expectRejected(sim, () => update(sim, failed), 'ClientException', /REGISTRATION_FAILED/);
      const registering = trunked('i-1');
      expectRejected(sim, () => update(sim, registering), 'ClientException', /REGISTERING/);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: registering });
      expect(describeOne(sim, registering).status).toBe('DEREGISTERING');
      expectRejected(sim, () => update(sim, registering), 'ClientException', /DEREGISTERING/);
    });

    it('answers ClientException for a Windows instance (ecs.os-type windows)', () => {
      const sim = setup();
      const arn = register(sim, { attributes: [{ name: 'ecs.os-type', value: 'windows' }] }).containerInstanceArn!;
      expectRejected(sim, () => update(sim, arn), 'ClientException', /Windows/);
    });

    it('answers ClientException for an arm64 instance (ecs.cpu-architecture arm64)', () => {
      const sim = setup();
      const arn = register(sim, { architecture: 'arm64' }).containerInstanceArn!;
      expect(describeOne(sim, arn).attributes).toContainEqual({ name: 'ecs.cpu-architecture', value: 'arm64' });
      expectRejected(sim, () => update(sim, arn), 'ClientException', /arm64/);
    });

    it('answers InvalidParameterException for a missing or malformed containerInstance', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      for (const request of [{ cluster: 'c' }, { cluster: 'c', containerInstance: '' }, { cluster: 'c', containerInstance: 1 }, { cluster: 'c', containerInstance: 'a b' }]) {
        expectRejected(sim, () => sim.updateContainerAgent(request as never), BAD_INPUT);
      }
    });

    it('answers ClusterNotFoundException for an unknown cluster', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      expectRejected(sim, () => sim.updateContainerAgent({ cluster: 'nope', containerInstance: arn }), 'ClusterNotFoundException');
    });
  });

  describe('setAgentConnection', () => {
    it('disconnects and reconnects the agent, bumping version and keeping the store in step', () => {
      const sim = setup();
      const a = register(sim, { instanceId: 'i-1' });
      const b = register(sim, { instanceId: 'i-2' }).containerInstanceArn!;
      const arn = a.containerInstanceArn!;
      const off = sim.setAgentConnection('c', arn, false);
      expect(off.agentConnected).toBe(false);
      expect(off.version).toBe(a.version! + 1);
      expect(describeOne(sim, arn).agentConnected).toBe(false);
      expect(sim.query('agentConnected == false', { cluster: 'c' })).toEqual([arn]);
      expect(sim.query('agentConnected == true', { cluster: 'c' })).toEqual([b]);
      const on = sim.setAgentConnection('c', arn, true);
      expect(on.agentConnected).toBe(true);
      expect(on.version).toBe(a.version! + 2);
      expect(sim.query('agentConnected == false', { cluster: 'c' })).toEqual([]);
    });

    it('changes nothing when the agent already is in that state', () => {
      const sim = setup();
      const ci = register(sim);
      const same = sim.setAgentConnection('c', ci.containerInstanceArn!, true);
      expect(same.version).toBe(ci.version);
      expect(same).toEqual(describeOne(sim, ci.containerInstanceArn!));
    });

    it('accepts ids and cluster ARNs, and works on INACTIVE instances', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      const off = sim.setAgentConnection('arn:aws:ecs:us-east-1:123456789012:cluster/c', idOf(arn), false);
      expect(off.agentConnected).toBe(false);
      expect(off.status).toBe('INACTIVE');
      expect(sim.query('agentConnected == false', { cluster: 'c', status: 'INACTIVE' })).toEqual([arn]);
    });

    it('rejects unknown instances (ClientException), unknown clusters and bad arguments, changing nothing', () => {
      const sim = setup();
      const arn = register(sim).containerInstanceArn!;
      expectRejected(sim, () => sim.setAgentConnection('c', '0123456789abcdef0123456789abcdef', false), 'ClientException');
      expectRejected(sim, () => sim.setAgentConnection('nope', arn, false), 'ClusterNotFoundException');
      expectRejected(sim, () => sim.setAgentConnection('c', arn, 'no' as unknown as boolean), 'InvalidParameterException');
      expectRejected(sim, () => sim.setAgentConnection('c', '' as string, false), 'InvalidParameterException');
      expectRejected(sim, () => sim.setAgentConnection(7 as unknown as string, arn, false), 'InvalidParameterException');
    });
  });

  it('has the response type of the SDK (minus $metadata), with every member present', () => {
    type Sdk = Omit<UpdateContainerAgentCommandOutput, '$metadata'>;
    expectTypeOf<keyof UpdateContainerAgentOutput>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<UpdateContainerAgentOutput>().toExtend<Sdk>();
    expectTypeOf<AgentUpdateStatus>().toEqualTypeOf<SdkAgentUpdateStatus>();
    // setAgentConnection answers an instance the SDK's type accepts too.
    expectTypeOf<ReturnType<EcsSimulator['setAgentConnection']>>().toExtend<SdkContainerInstance>();
    const sim = setup();
    const out: Sdk = update(sim, register(sim).containerInstanceArn!);
    expect(Object.keys(out)).toEqual(['containerInstance']);
  });
});

describe('re-registration after a disconnect', () => {
  it('resumes an agent update the disconnect paused', async () => {
    const { simWithCluster, register } = await import('../fixtures.js');
    const sim = simWithCluster();
    const arn = register(sim, 1, { versionInfo: { agentVersion: '1.20.0' } });
    sim.updateContainerAgent({ cluster: 'c', containerInstance: arn });
    sim.setAgentConnection('c', arn, false);
    sim.advance(60_000);
    const status = () => sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!.agentUpdateStatus;
    expect(status()).toBe('PENDING');
    sim.registerContainerInstance({ cluster: 'c', containerInstanceArn: arn, versionInfo: { agentVersion: '1.20.0' } });
    sim.advance(60_000);
    expect(status()).toBe('UPDATED');
  });
});

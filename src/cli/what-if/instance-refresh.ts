/**
 * An instance refresh, as an operator does one: for each instance to replace, launch a new EC2
 * instance of the same type in the same AZ with the same resources and custom attributes, from
 * the current ECS-optimized AMI (so with the newest agent and its capabilities), and register it
 * now — under the account settings of now: with awsvpcTrunking enabled a trunk-capable
 * replacement gets its trunk ENI (reference §2.5.6: "only instances launched after opting in";
 * trunking also needs agent 1.28.1, which is why a refresh and not a restart). Then wait for the
 * trunk ENIs, drain the old instances and let the service scheduler move their tasks, and
 * deregister them (standalone tasks on them stop, as forced deregistration stops them). Runs on
 * the simulator it is given.
 */
import { compare, type WhatIfReport } from '../../ecs/what-if/report.js';
import { TASK_STOP_MS } from '../../ecs/tasks/lifecycle.js';
import { TRUNK_PROVISIONING_MS } from '../../ecs/container-instances/trunking.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import type { Attribute, ContainerInstance } from '../../shapes.js';
import { AGENT_RELEASES, agentHash, capabilityAttributes, hash8, type AgentRelease } from '../../sim/agent-versions.js';
import type { SeededRandom } from '../../sim/random.js';
import { describeAll } from '../describe-all.js';
import { attributeOf } from '../format.js';

/** Time for the scheduler to replace service tasks orphaned by the deregistrations. */
const AFTER_DEREGISTRATION_MS = 60_000;

export interface RefreshOutcome {
  report: WhatIfReport;
  replaced: number;
  trunked: number;
  registrationFailed: number;
  standaloneStopped: number;
}

const isCapability = (name: string) => name.startsWith('ecs.capability.') || name.startsWith('com.amazonaws.ecs.capability.');

/** The newest agent release the simulator knows (what the current AMI runs). */
function currentAgent(sim: EcsSimulator): AgentRelease {
  return AGENT_RELEASES.find((r) => r.version === sim.state.options.latestAgentVersion) ?? AGENT_RELEASES[AGENT_RELEASES.length - 1]!;
}

/**
 * What the replacement registers with: the old instance's attributes (type, AZ, OS,
 * architecture, custom ones) with the current agent's capabilities instead of the old agent's,
 * without the old trunk ENI and AMI id. The capability list is as long as the old one's was
 * (compact when the old one left out the Docker remote API flags).
 */
function replacementAttributes(instance: ContainerInstance, agent: AgentRelease): Attribute[] {
  const old = instance.attributes ?? [];
  const compact = !old.some((a) => (a.name ?? '').startsWith('com.amazonaws.ecs.capability.docker-remote-api.'));
  const kept = old.filter((a) => !isCapability(a.name!) && a.name !== 'ecs.awsvpc-trunk-id' && a.name !== 'ecs.ami-id');
  return [...kept, ...capabilityAttributes(agent, compact).map((a) => ({ ...a }))];
}

export function refreshInstances(sim: EcsSimulator, cluster: string, filter: string, settleSeconds: number, random: SeededRandom): RefreshOutcome {
  const before = sim.fork();
  const old = sim.query(filter, { cluster, status: 'ACTIVE' });
  const record = sim.state.clusters.get(cluster)!;
  const replacements: string[] = [];
  const agent = currentAgent(sim);
  const imageId = `ami-0${hash8(`ecs-optimized-${agent.version}`)}${hash8(`amzn2-${agent.version}`)}`;
  for (const instance of describeAll(sim, cluster, old)) {
    const devices = record.instances.peek(instance.containerInstanceArn!)?.platformDevices ?? [];
    const { containerInstance } = sim.registerContainerInstance({
      cluster,
      instanceIdentityDocument: JSON.stringify({
        instanceId: `i-${random.hex(17)}`,
        instanceType: attributeOf(instance, 'ecs.instance-type') || undefined,
        availabilityZone: attributeOf(instance, 'ecs.availability-zone') || undefined,
        imageId,
      }),
      totalResources: instance.registeredResources ?? [],
      versionInfo: { agentVersion: agent.version, agentHash: agentHash(agent), dockerVersion: agent.dockerVersion },
      attributes: replacementAttributes(instance, agent),
      platformDevices: devices.map((d) => ({ id: d.id, type: d.type as 'GPU' })),
    });
    replacements.push(containerInstance!.containerInstanceArn!);
  }
  // Trunk ENIs attach while the replacements are REGISTERING.
  sim.advance(TRUNK_PROVISIONING_MS + 1_000);
  for (let i = 0; i < old.length; i += 10) sim.updateContainerInstancesState({ cluster, containerInstances: old.slice(i, i + 10), status: 'DRAINING' });
  sim.advance(settleSeconds * 1000);
  // Standalone tasks do not move (ECS leaves them to their owner): the operator stops them,
  // and the instances are then empty when they are deregistered.
  const oldSet = new Set(old);
  const standalone: string[] = [];
  for (const t of record.tasks.values()) if (t.serviceName === undefined && t.desiredStatus === 'RUNNING' && t.containerInstanceArn !== undefined && oldSet.has(t.containerInstanceArn)) standalone.push(t.arn);
  for (const task of standalone) sim.stopTask({ cluster, task, reason: 'Instance refresh: container instance replaced' });
  sim.advance(TASK_STOP_MS + 1_000);
  for (const arn of old) sim.deregisterContainerInstance({ cluster, containerInstance: arn, force: true });
  sim.advance(AFTER_DEREGISTRATION_MS);
  const now = describeAll(sim, cluster, replacements);
  return {
    report: compare(before.state.clusters.get(cluster)!, sim.state.clusters.get(cluster)!, old),
    replaced: old.length,
    trunked: now.filter((i) => attributeOf(i, 'ecs.awsvpc-trunk-id') !== '').length,
    registrationFailed: now.filter((i) => i.status === 'REGISTRATION_FAILED').length,
    standaloneStopped: standalone.length,
  };
}

/**
 * How a planned instance joins the cluster: the RegisterContainerInstance request its agent
 * would send (the catalogue's registered CPU, memory and GPUs, the agent's reserved ports, the
 * capability attributes of its release, the built-in `ecs.*` attributes, the custom attributes the
 * plan gives it). The same attribute list answers "could a task's memberOf constraint pick this
 * instance?" before it exists (`candidateInstance`), so the planner and the verification agree.
 */
import type { EcsSimulator } from '../ecs/simulator.js';
import type { Attribute, ContainerInstance, RegisterContainerInstanceRequest } from '../shapes.js';
import { AGENT_RELEASES, AGENT_RESERVED_TCP_PORTS, agentHash, atLeast, capabilityAttributes, type AgentRelease } from '../sim/agent-versions.js';
import type { CatalogueType } from './catalogue.js';
import type { ClusterFacts } from './cluster-facts.js';

/** What every planned instance of one plan shares. */
export interface RegistrationContext {
  readonly agentVersion: string;
  readonly release: AgentRelease;
  readonly facts: ClusterFacts;
}

/** The newest known agent release not newer than `version` (its capabilities are the ones reported). */
export function releaseFor(version: string): AgentRelease {
  let best = AGENT_RELEASES[0]!;
  for (const r of AGENT_RELEASES) if (atLeast(version, r.version)) best = r;
  return best;
}

/** The attributes a new instance of `type` in `availabilityZone` reports, custom ones last. */
export function registeredAttributes(ctx: RegistrationContext, type: CatalogueType, availabilityZone: string, custom: readonly Attribute[]): Attribute[] {
  const flavour = type.gpus > 0 ? 'gpu' : type.architecture;
  const network = ctx.facts.networkByAz.get(availabilityZone);
  const out: Attribute[] = capabilityAttributes(ctx.release).map((a) => ({ ...a }));
  out.push(
    { name: 'ecs.ami-id', value: ctx.facts.amiByFlavour.get(flavour) ?? `ami-planned-${flavour}` },
    { name: 'ecs.availability-zone', value: availabilityZone },
    { name: 'ecs.instance-type', value: type.instanceType },
    { name: 'ecs.os-type', value: 'linux' },
    { name: 'ecs.cpu-architecture', value: type.architecture },
  );
  if (network !== undefined) out.push({ name: 'ecs.vpc-id', value: network.vpc }, { name: 'ecs.subnet-id', value: network.subnet });
  for (const a of custom) out.push({ ...a });
  return out;
}

/** The request a new instance's agent sends (`n` makes its EC2 id and GPU ids unique in the plan). */
export function registrationRequest(
  ctx: RegistrationContext, cluster: string, type: CatalogueType, availabilityZone: string, custom: readonly Attribute[], n: number,
): RegisterContainerInstanceRequest {
  const instanceId = `i-0plan${n.toString(16).padStart(11, '0')}`;
  const totalResources: NonNullable<RegisterContainerInstanceRequest['totalResources']> = [
    { name: 'CPU', type: 'INTEGER', integerValue: type.cpu },
    { name: 'MEMORY', type: 'INTEGER', integerValue: type.memory },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: [...AGENT_RESERVED_TCP_PORTS] },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
  ];
  if (type.gpus > 0) totalResources.push({ name: 'GPU', type: 'INTEGER', integerValue: type.gpus });
  return {
    cluster,
    instanceIdentityDocument: JSON.stringify({ instanceId, instanceType: type.instanceType, availabilityZone, region: availabilityZone.slice(0, -1), architecture: type.architecture }),
    totalResources,
    versionInfo: { agentVersion: ctx.agentVersion, agentHash: agentHash(ctx.release), dockerVersion: ctx.release.dockerVersion },
    attributes: registeredAttributes(ctx, type, availabilityZone, custom),
    ...(type.gpus > 0 ? { platformDevices: Array.from({ length: type.gpus }, (_, g) => ({ id: `GPU-${instanceId}-${g}`, type: 'GPU' as const })) } : {}),
  };
}

/** The instance as CQL sees it right after registering: no tasks, connected, registered now. */
export function candidateInstance(ctx: RegistrationContext, type: CatalogueType, availabilityZone: string, custom: readonly Attribute[], now: number): ContainerInstance {
  return {
    ec2InstanceId: 'i-0plan00000000000',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    registeredAt: new Date(now),
    versionInfo: { agentVersion: ctx.agentVersion },
    attributes: registeredAttributes(ctx, type, availabilityZone, custom),
  };
}

/** Registers every planned instance on `sim` (a fork) and returns their ARNs. */
export function registerPlanned(
  sim: EcsSimulator, ctx: RegistrationContext, cluster: string,
  instances: readonly { type: CatalogueType; availabilityZone: string; attributes: readonly Attribute[]; count: number }[],
): string[] {
  const arns: string[] = [];
  let n = 0;
  for (const group of instances) {
    for (let i = 0; i < group.count; i++) {
      const { containerInstance } = sim.registerContainerInstance(registrationRequest(ctx, cluster, group.type, group.availabilityZone, group.attributes, n++));
      arns.push(containerInstance!.containerInstanceArn!);
    }
  }
  return arns;
}

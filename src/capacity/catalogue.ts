/**
 * The instance-type catalogue a capacity plan draws from: what a new instance of each type
 * registers (CPU units, MiB, GPUs, ENI task limits with and without trunking), derived from the
 * cluster generator's EC2 facts and agent rules (`sim/instance-types.ts`, `resources/eni-limits.ts`),
 * never restated here.
 */
import { eniTaskLimit, trunkSupported } from '../resources/eni-limits.js';
import { INSTANCE_TYPES, registeredCpuUnits, registeredMemoryMiB, type InstanceTypeInfo } from '../sim/instance-types.js';

/** One instance type as a plan sees it: what the agent registers for it. */
export interface CatalogueType {
  readonly instanceType: string;
  /** CPU units the agent registers (1024 per vCPU) */
  readonly cpu: number;
  /** MiB the agent registers (a little below nominal) */
  readonly memory: number;
  readonly gpus: number;
  readonly architecture: 'x86_64' | 'arm64';
  /** awsvpc tasks at once without a trunk ENI */
  readonly eniTasks: number;
  /** awsvpc tasks at once with a trunk ENI (the same as `eniTasks` for types without trunking) */
  readonly eniTasksTrunked: number;
  /** the EC2 facts it came from */
  readonly info: InstanceTypeInfo;
}

/** A catalogue entry from the generator's facts for one type. */
export function catalogueType(info: InstanceTypeInfo): CatalogueType {
  return Object.freeze({
    instanceType: info.name,
    cpu: registeredCpuUnits(info),
    memory: registeredMemoryMiB(info),
    gpus: info.gpus,
    architecture: info.architecture,
    eniTasks: eniTaskLimit(info.name, false),
    eniTasksTrunked: eniTaskLimit(info.name, true),
    info,
  });
}

/**
 * The default catalogue: every 2019 type the dataset generator knows (`INSTANCE_TYPES`).
 * @example defaultCatalogue().find((t) => t.instanceType === 'c5.large') // { cpu: 2048, memory: 3705, eniTasks: 2, eniTasksTrunked: 10, ... }
 */
export function defaultCatalogue(): readonly CatalogueType[] {
  return DEFAULT;
}

const DEFAULT: readonly CatalogueType[] = Object.freeze(INSTANCE_TYPES.map(catalogueType));

/** Whether an instance of this type, with this agent, gets a trunk ENI when trunking is on. */
export function trunkable(type: CatalogueType, agentVersion: string): boolean {
  return trunkSupported(type.instanceType, agentVersion);
}

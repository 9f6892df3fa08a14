/**
 * What a task needs from a container instance, and what an instance has left: the vocabulary
 * shared by the accountant (this folder) and the placement engine.
 */

/**
 * Why a task does not fit an instance's resources (reference §2.5.7). `RESOURCE:PORTS_UDP` (a UDP
 * host port is taken) is this simulator's own code: ECS documents no such reason and reports
 * port conflicts as `RESOURCE:PORTS` (placement/reasons.ts holds the ECS text of each code).
 */
export type ResourceReason = 'RESOURCE:CPU' | 'RESOURCE:MEMORY' | 'RESOURCE:PORTS' | 'RESOURCE:PORTS_UDP' | 'RESOURCE:GPU' | 'RESOURCE:ENI';

/** What one task reserves on the instance it is placed on. */
export interface TaskRequirements {
  /** CPU units (1 vCPU = 1024) */
  readonly cpu: number;
  /** MiB */
  readonly memory: number;
  /** static host ports, TCP */
  readonly tcpPorts: readonly number[];
  /** static host ports, UDP */
  readonly udpPorts: readonly number[];
  /** whole GPUs */
  readonly gpus: number;
  /** true for `awsvpc` tasks: one ENI (or branch ENI) per task */
  readonly eni: boolean;
  /** attributes the instance must have (ATTRIBUTE failure otherwise), e.g. `ecs.capability.task-eni` */
  readonly attributes: readonly string[];
}

/** What a placed task holds; handed back to `release` when it stops. */
export interface Reservation {
  readonly slot: number;
  readonly cpu: number;
  readonly memory: number;
  readonly tcpPorts: readonly number[];
  readonly udpPorts: readonly number[];
  readonly gpuIds: readonly string[];
  readonly eni: boolean;
}

/** The order in which `fits` checks resources, and so which reason a task that fails several gets. */
export const RESOURCE_REASONS: readonly ResourceReason[] = ['RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'RESOURCE:PORTS_UDP', 'RESOURCE:GPU', 'RESOURCE:ENI'];

/** A port mapping as far as resources care (structurally an ECS `PortMapping`). */
export interface PortMappingResources {
  readonly containerPort?: number | undefined;
  readonly hostPort?: number | undefined;
  readonly protocol?: string | undefined;
}

/** A container definition as far as resources care (structurally an ECS `ContainerDefinition`). */
export interface ContainerResources {
  readonly cpu?: number | undefined;
  readonly memory?: number | undefined;
  readonly memoryReservation?: number | undefined;
  readonly portMappings?: readonly PortMappingResources[] | undefined;
  readonly resourceRequirements?: readonly { readonly type?: string | undefined; readonly value?: string | undefined }[] | undefined;
}

/**
 * A task definition as far as resources care: any ECS `TaskDefinition` (as RegisterTaskDefinition
 * returns it, or as the SDK types it) fits this shape.
 */
export interface TaskDefinitionResources {
  readonly networkMode?: string | undefined;
  /** task-level CPU: units (`"1024"`) or vCPUs (`"1 vCPU"`) */
  readonly cpu?: string | undefined;
  /** task-level memory: MiB (`"2048"`) or GB (`"2 GB"`) */
  readonly memory?: string | undefined;
  readonly containerDefinitions?: readonly ContainerResources[] | undefined;
}

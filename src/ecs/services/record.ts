/** The record of a service: its configuration and its event log. */
import type { PlacementConstraint, PlacementStrategy } from '../../placement/types.js';
import type { NetworkConfiguration, Tag } from '../../shapes.js';
import type { TaskSetRecord } from '../task-sets/record.js';

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  readonly name: string;
  readonly arn: string;
  readonly clusterName: string;
  /** the task definition of its tasks; '' for an EXTERNAL service (its task sets carry theirs) */
  taskDefinitionArn: string;
  /** REPLICA: the count asked for; DAEMON: the number of instances that satisfy its constraints, kept by the scheduler */
  desiredCount: number;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  minimumHealthyPercent: number;
  maximumPercent: number;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  readonly createdAt: number;
  readonly longTaskArns: boolean;
  /** newest first, at most 100 */
  events: ServiceEvent[];
  tags: Tag[];
  /** the last placement failure reported, so the same one is not repeated every pass */
  lastFailure: string | undefined;
  /** REPLICA: desiredCount tasks; DAEMON: one task on each ACTIVE instance that satisfies its constraints */
  readonly schedulingStrategy: 'REPLICA' | 'DAEMON';
  /** FARGATE tasks have no container instance and hold nothing on one */
  readonly launchType: 'EC2' | 'FARGATE';
  readonly networkConfiguration: NetworkConfiguration | undefined;
  /** ECS: the scheduler deploys; EXTERNAL / CODE_DEPLOY: task sets do (`taskSets`) */
  readonly deploymentController: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  /** where its tasks' tags come from, besides the managed ones */
  propagateTags: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  enableECSManagedTags: boolean;
  /** the task sets of an EXTERNAL or CODE_DEPLOY service, oldest first */
  taskSets: TaskSetRecord[];
}

/** The members older snapshots and dumps do not have. */
export type ServiceExtras = Pick<ServiceRecord, 'schedulingStrategy' | 'launchType' | 'networkConfiguration' | 'deploymentController' | 'propagateTags' | 'enableECSManagedTags' | 'taskSets'>;

/**
 * What a service record holds for the members older snapshots and dumps do not have: a REPLICA
 * EC2 service deployed by ECS, without tag propagation or task sets.
 * @example const service: ServiceRecord = { ...serviceDefaults(), ...fromSnapshot };
 */
export function serviceDefaults(): ServiceExtras {
  return {
    schedulingStrategy: 'REPLICA',
    launchType: 'EC2',
    networkConfiguration: undefined,
    deploymentController: 'ECS',
    propagateTags: 'NONE',
    enableECSManagedTags: false,
    taskSets: [],
  };
}

/**
 * A service record from a snapshot: members it lacks (taken before they existed) get their
 * defaults, after the others, so a record that has them all keeps its shape exactly.
 * @example withServiceDefaults(snapshot.clusters[0].services[0]).schedulingStrategy // 'REPLICA'
 */
export function withServiceDefaults(s: Omit<ServiceRecord, keyof ServiceExtras> & Partial<ServiceExtras>): ServiceRecord {
  const out: Record<string, unknown> = { ...s };
  for (const [key, value] of Object.entries(serviceDefaults())) if (!(key in out)) out[key] = value;
  return out as unknown as ServiceRecord;
}

/**
 * A copy of a service record for a fork's side: its lists and tags are its own; events and
 * placement entries are never changed in place, so those objects stay shared (a structuredClone of
 * every service made forks of loaded datasets cost milliseconds).
 */
export function cloneService(s: ServiceRecord): ServiceRecord {
  return {
    ...s,
    placementConstraints: [...s.placementConstraints],
    placementStrategy: [...s.placementStrategy],
    events: [...s.events],
    tags: s.tags.map((t) => ({ ...t })),
    // Task sets change in place (scale, status, stability, tags): each side its own.
    taskSets: s.taskSets.map((t) => ({ ...t, tags: t.tags.map((x) => ({ ...x })) })),
  };
}

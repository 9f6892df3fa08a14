/** The record of a service: its configuration and its event log. */
import type { PlacementConstraint, PlacementStrategy, RejectionReason } from '../../placement/types.js';
import type { LoadBalancer, NetworkConfiguration, ServiceRegistry, Tag } from '../../shapes.js';
import type { ClientTokenRecord } from '../shared/client-token.js';
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
  /**
   * Its reason as data: the closest matching instance's reason code (undefined with the failure
   * when no instance was considered at all, or with no failure). Absent in older snapshots.
   */
  lastFailureReason?: RejectionReason | undefined;
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
  /**
   * Load balancers, service registries and the health-check grace period as CreateService took
   * them (UpdateService changes the grace period): kept and echoed, not simulated. Absent in older
   * snapshots and dumps (shown as none).
   */
  readonly loadBalancers?: LoadBalancer[] | undefined;
  readonly serviceRegistries?: ServiceRegistry[] | undefined;
  healthCheckGracePeriodSeconds?: number | undefined;
  /**
   * UpdateService `forceNewDeployment`: the cluster's next task seq when it was asked; the
   * service's tasks of lower seq belong to an earlier deployment and are replaced, as tasks of
   * another task definition are. Absent until then.
   */
  replaceTasksBeforeSeq?: number | undefined;
  /** the client token CreateService was called with, and its request (`shared/client-token.ts`) */
  readonly clientToken?: ClientTokenRecord | undefined;
}

/**
 * Whether a task of the service belongs to an earlier deployment: another task definition, or
 * started before a forced new deployment. The one rule the scheduler's views and summaries and
 * the daemon scheduler use.
 */
export function ofEarlierDeployment(service: ServiceRecord, task: { readonly taskDefinitionArn: string; readonly seq: number }): boolean {
  return task.taskDefinitionArn !== service.taskDefinitionArn || (service.replaceTasksBeforeSeq !== undefined && task.seq < service.replaceTasksBeforeSeq);
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

/** What the scheduler keeps about a service's live tasks between passes (`task-summary.ts`): sets of task ARNs. */
export interface ServiceTaskSummary {
  /** told to stop, not yet STOPPED */
  readonly stopping: Set<string>;
  /** placed, not yet RUNNING nor STOPPED */
  readonly pending: Set<string>;
  /** not told to stop, on an instance that is not ACTIVE or of another task definition than the service's */
  readonly outdated: Set<string>;
}

/** A fork's own copy of a summary. */
export function copySummary(s: ServiceTaskSummary): ServiceTaskSummary {
  return { stopping: new Set(s.stopping), pending: new Set(s.pending), outdated: new Set(s.outdated) };
}

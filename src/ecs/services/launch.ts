/**
 * How the service scheduler starts a service's tasks, whatever deploys them (REPLICA, DAEMON, a
 * task set): the launch request (the task definition's and the service's constraints, the
 * service's strategy or the default spread, its launch type, the tags its tasks get), and the
 * service events that report what was started and what could not be placed.
 */
import { placementStage, serviceEventText } from '../../placement/reasons.js';
import type { PlacementStrategy, RejectionReason } from '../../placement/types.js';
import type { Tag } from '../../shapes.js';
import type { ClusterRecord } from '../clusters/record.js';
import { managedTags } from '../shared/tags.js';
import type { SimState } from '../state/state.js';
import { launchTasks, type LaunchRequest } from '../tasks/lifecycle.js';
import type { TaskRecord } from '../tasks/record.js';
import type { ServiceRecord } from './record.js';

const MAX_EVENTS = 100;

/** Default strategy of REPLICA services without one: spread over AZs, then over instances. */
export const DEFAULT_SERVICE_STRATEGY: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

/** Adds a service event (newest first, at most 100 kept). */
export function addEvent(state: SimState, service: ServiceRecord, message: string): void {
  service.events.unshift({ id: state.random.uuid(), createdAt: state.clock.now, message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
}

/** The "closest matching" instance of an ECS service event: the one that got furthest. */
function closestRejection(rejections: ReadonlyMap<number, RejectionReason>): [number, RejectionReason] | undefined {
  // (forEach, not for-of: a failing launch's rejections name most of the fleet, and every pass retries it)
  let best: [number, RejectionReason] | undefined;
  let bestStage = -Infinity;
  rejections.forEach((reason, slot) => {
    const stage = placementStage(reason);
    if (best === undefined || stage > bestStage) {
      best = [slot, reason];
      bestStage = stage;
    }
  });
  return best;
}

/**
 * The tags a service's new task gets: the service's or the task definition's (`propagateTags`),
 * and with `enableECSManagedTags` the cluster's and service's names.
 * @example serviceTaskTags(state, service, service.taskDefinitionArn) // [{ key: 'aws:ecs:clusterName', value: 'prod' }, ...]
 */
export function serviceTaskTags(state: SimState, service: ServiceRecord, taskDefinitionArn: string): Tag[] {
  const propagated = service.propagateTags === 'SERVICE' ? service.tags : service.propagateTags === 'TASK_DEFINITION' ? state.taskDefinitions.tagsOf(taskDefinitionArn) : [];
  const tags = propagated.map((t) => ({ ...t }));
  if (service.enableECSManagedTags) tags.push(...managedTags(service.clusterName, service.name));
  return tags;
}

/** The launch request of `count` tasks of `service` with task definition `taskDefinitionArn`. */
export function serviceLaunchRequest(
  state: SimState, service: ServiceRecord, taskDefinitionArn: string, count: number,
  extra: Pick<Partial<LaunchRequest>, 'onlySlots' | 'taskSetId' | 'launchType' | 'startedBy'>,
): LaunchRequest {
  const td = state.taskDefinitions.resolve(taskDefinitionArn);
  return {
    taskDefinitionArn,
    requirements: state.taskDefinitions.requirementsOf(taskDefinitionArn),
    containers: (td.containerDefinitions ?? []).map((c) => c.name ?? ''),
    cpu: td.cpu,
    memory: td.memory,
    group: `service:${service.name}`,
    count,
    constraints: [...(td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression })), ...service.placementConstraints],
    strategies: service.placementStrategy.length > 0 || service.schedulingStrategy === 'DAEMON' ? service.placementStrategy : DEFAULT_SERVICE_STRATEGY,
    startedBy: `ecs-svc/${service.arn.split('/').pop()}`,
    serviceName: service.name,
    longArn: service.longTaskArns,
    tags: serviceTaskTags(state, service, taskDefinitionArn),
    launchType: service.launchType,
    ...extra,
  };
}

/**
 * Launches a service's tasks and tells the service's event log: the tasks started, and (once per
 * distinct failure) why one could not be placed, naming the instance that got furthest. `waiting`:
 * some could not be placed, so the scheduler tries the service again on every pass.
 */
export function launchServiceTasks(state: SimState, cluster: ClusterRecord, service: ServiceRecord, request: LaunchRequest): { tasks: TaskRecord[]; waiting: boolean } {
  const { tasks: placed, outcome } = launchTasks(state, cluster, request);
  if (placed.length > 0) addEvent(state, service, `(service ${service.name}) has started ${placed.length} tasks: ${placed.map((t) => `(task ${t.id})`).join(' ')}.`);
  if (outcome.unplaced > 0) {
    const first = closestRejection(outcome.rejections);
    const message = first === undefined
      ? `(service ${service.name}) was unable to place a task because no container instance met all of its requirements.`
      : `(service ${service.name}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${cluster.store.arns[first[0]]!.split('/').pop()}) ${serviceEventText(first[1])}.`;
    if (message !== service.lastFailure) addEvent(state, service, message);
    service.lastFailure = message;
    service.lastFailureReason = first?.[1];
  } else service.lastFailure = service.lastFailureReason = undefined;
  return { tasks: placed, waiting: outcome.unplaced > 0 };
}

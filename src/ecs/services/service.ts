/**
 * What the service operations and the scheduler share: a service's tasks, the DescribeServices
 * shape of a service, and the request members CreateService and UpdateService both take.
 */
import { ClientException, cut, InvalidParameterException } from '../../errors.js';
import type { Deployment, PlacementConstraint, PlacementStrategy, Service } from '../../shapes.js';
import type { ClusterRecord } from '../clusters/record.js';
import { optionalInteger, type Input } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import type { TaskDefinition } from '../task-definitions/registry.js';
import { describeTaskSet } from '../task-sets/task-set.js';
import { FARGATE_PLATFORM_VERSION } from '../tasks/output.js';
import type { TaskRecord } from '../tasks/record.js';
import { liveTasksOf } from '../tasks/task-index.js';
import type { ServiceRecord } from './record.js';

/** The service's tasks not told to stop, in creation order (from the live-task index: O(its tasks)). */
export function serviceTasks(cluster: ClusterRecord, service: ServiceRecord): TaskRecord[] {
  return liveTasksOf(cluster, service.name).filter((t) => t.desiredStatus === 'RUNNING');
}

/** The service's one deployment (PRIMARY), with the counts of its tasks of the current task definition. */
function deployment(state: SimState, service: ServiceRecord, all: readonly TaskRecord[]): Deployment {
  const tasks = all.filter((t) => t.taskDefinitionArn === service.taskDefinitionArn);
  return {
    id: `ecs-svc/${service.arn.split('/').pop()}`,
    status: 'PRIMARY',
    taskDefinition: service.taskDefinitionArn,
    desiredCount: service.desiredCount,
    pendingCount: tasks.filter((t) => t.lastStatus === 'PENDING').length,
    runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    createdAt: new Date(service.createdAt),
    updatedAt: new Date(state.clock.now),
    launchType: service.launchType,
    ...(service.launchType === 'FARGATE' ? { platformVersion: FARGATE_PLATFORM_VERSION } : {}),
    ...(service.networkConfiguration === undefined ? {} : { networkConfiguration: structuredClone(service.networkConfiguration) }),
  };
}

/** The task definition a service shows: its own, or its PRIMARY task set's (none before one is chosen). */
function taskDefinitionShown(service: ServiceRecord): string | undefined {
  if (service.deploymentController === 'ECS') return service.taskDefinitionArn;
  return service.taskSets.find((s) => s.status === 'PRIMARY')?.taskDefinitionArn;
}

/**
 * The DescribeServices shape of a service (tags only when asked for). A service deployed by task
 * sets shows them (`taskSets`) instead of a deployment, and no task definition of its own.
 */
export function describeService(state: SimState, cluster: ClusterRecord, service: ServiceRecord, includeTags = false): Service {
  const tasks = serviceTasks(cluster, service);
  const bySets = service.deploymentController !== 'ECS';
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: cluster.arn,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingCount: tasks.filter((t) => t.lastStatus === 'PENDING').length,
    launchType: service.launchType,
    ...(service.launchType === 'FARGATE' ? { platformVersion: FARGATE_PLATFORM_VERSION } : {}),
    ...(taskDefinitionShown(service) === undefined ? {} : { taskDefinition: taskDefinitionShown(service) }),
    loadBalancers: structuredClone(service.loadBalancers ?? []),
    serviceRegistries: structuredClone(service.serviceRegistries ?? []),
    ...(service.healthCheckGracePeriodSeconds === undefined ? {} : { healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds }),
    deploymentConfiguration: { maximumPercent: service.maximumPercent, minimumHealthyPercent: service.minimumHealthyPercent },
    ...(bySets
      ? { taskSets: service.taskSets.map((set) => describeTaskSet(cluster, service, set, tasks, false)), deployments: [] }
      : { deployments: [deployment(state, service, tasks)] }),
    events: service.events.map((e) => ({ id: e.id, createdAt: new Date(e.createdAt), message: e.message })),
    createdAt: new Date(service.createdAt),
    // Types and fields were checked when the service took them (shared/placement-params.ts).
    placementConstraints: service.placementConstraints.map((c) => ({ ...c }) as PlacementConstraint),
    placementStrategy: service.placementStrategy.map((s) => ({ ...s }) as PlacementStrategy),
    ...(service.networkConfiguration === undefined ? {} : { networkConfiguration: structuredClone(service.networkConfiguration) }),
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: { type: service.deploymentController },
    propagateTags: service.propagateTags,
    enableECSManagedTags: service.enableECSManagedTags,
    ...(includeTags ? { tags: service.tags.map((t) => ({ ...t })) } : {}),
  };
}

/** ECS's words for a grace period on a service without load balancers. */
const GRACE_WITHOUT_BALANCERS = 'Health check grace period is only valid for services configured to use load balancers';

/**
 * `healthCheckGracePeriodSeconds` of a request (0 to 2,147,483,647 s), for a service with
 * `loadBalancers`; undefined when not given.
 */
export function gracePeriod(input: Input, loadBalancers: readonly unknown[]): number | undefined {
  const seconds = optionalInteger(input, 'healthCheckGracePeriodSeconds', 0, 2_147_483_647);
  if (seconds !== undefined && loadBalancers.length === 0) throw new InvalidParameterException(GRACE_WITHOUT_BALANCERS);
  return seconds;
}

/** The request's deploymentConfiguration over the current one (defaults 100 / 200 %). */
export function deploymentConfiguration(input: Input, current?: { minimumHealthyPercent: number; maximumPercent: number }) {
  const v = input['deploymentConfiguration'];
  let min = current?.minimumHealthyPercent ?? 100;
  let max = current?.maximumPercent ?? 200;
  if (v !== undefined && v !== null) {
    if (typeof v !== 'object' || Array.isArray(v)) throw new InvalidParameterException('deploymentConfiguration must be an object');
    const c = v as Input;
    min = optionalInteger(c, 'minimumHealthyPercent', 0, 100) ?? min;
    max = optionalInteger(c, 'maximumPercent', 100, 200_000) ?? max;
  }
  return { minimumHealthyPercent: min, maximumPercent: max };
}

/** The launchable task definition a service names (its launch type is checked by `launchTypeOf`). */
export function taskDefinitionFor(state: SimState, reference: string): TaskDefinition {
  return state.taskDefinitions.resolveLaunchable(reference);
}

/** The service a reference (name or ARN) names; ClientException "Service not found" otherwise. */
export function serviceFor(cluster: ClusterRecord, reference: string): ServiceRecord {
  const name = reference.startsWith('arn:') ? reference.split('/').pop()! : reference;
  const service = cluster.services.peek(name);
  if (service === undefined || (reference.startsWith('arn:') && service.arn !== reference)) {
    throw new ClientException(`Service not found: ${cut(reference)}`);
  }
  return cluster.services.get(name)!; // this side's own copy: the caller may change it
}


/**
 * What the task-set operations and the task-set scheduler share (reference §7): the service a
 * request names (it must use the EXTERNAL or CODE_DEPLOY deployment controller), the task set a
 * reference names, a new task set, how many tasks one wants, and its TaskSet shape.
 */
import type { ClientTokenRecord } from '../shared/client-token.js';
import { unusedId } from '../shared/ids.js';
import { InvalidParameterException, ServiceNotActiveException, ServiceNotFoundException, TaskSetNotFoundException, quote } from '../../errors.js';
import type { NetworkConfiguration, Tag, TaskSet } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import type { ClusterRecord } from '../clusters/record.js';
import type { ServiceRecord } from '../services/record.js';
import { isTaskSetId, taskSetArn } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import { FARGATE_PLATFORM_VERSION } from '../tasks/output.js';
import type { TaskRecord } from '../tasks/record.js';
import type { TaskSetRecord } from './record.js';

/** What a new task set is made of. */
export interface TaskSetSpec {
  readonly taskDefinitionArn: string;
  readonly launchType: 'EC2' | 'FARGATE';
  readonly networkConfiguration: NetworkConfiguration | undefined;
  readonly scalePercent: number;
  readonly externalId: string | undefined;
  readonly tags: Tag[];
  /** the service's first task set of a CODE_DEPLOY service is PRIMARY from the start */
  readonly primary: boolean;
  /** CreateTaskSet's client token and request (`shared/client-token.ts`) */
  readonly clientToken?: ClientTokenRecord | undefined;
}

/** A new task set of `service` (not yet added to it), STABILIZING until its tasks run. */
export function newTaskSet(state: SimState, cluster: ClusterRecord, service: ServiceRecord, spec: TaskSetSpec): TaskSetRecord {
  // `ecs-svc/` and 19 digits, the first not 0, as ECS writes them.
  const id = unusedId(() => {
    let digits = String(1 + Math.floor(state.random.next() * 9));
    while (digits.length < 19) digits += String(Math.floor(state.random.next() * 10));
    return `ecs-svc/${digits}`;
  }, (id) => service.taskSets.some((set) => set.id === id));
  return {
    id,
    arn: taskSetArn(state.ctx, cluster.name, service.name, id),
    externalId: spec.externalId,
    status: spec.primary ? 'PRIMARY' : 'ACTIVE',
    taskDefinitionArn: spec.taskDefinitionArn,
    launchType: spec.launchType,
    networkConfiguration: spec.networkConfiguration,
    scalePercent: spec.scalePercent,
    createdAt: state.clock.now,
    updatedAt: state.clock.now,
    stabilityStatus: 'STABILIZING',
    stabilityStatusAt: state.clock.now,
    tags: spec.tags,
    ...(spec.clientToken === undefined ? {} : { clientToken: spec.clientToken }),
  };
}

/**
 * The cluster and the service a task-set request names: ServiceNotFoundException for an unknown
 * one, ServiceNotActiveException for one that is not ACTIVE, InvalidParameterException for a
 * service the ECS deployment controller deploys. The service record may be fork-shared: an
 * operation that changes it takes its own copy (`cluster.services.get`).
 */
export function taskSetService(state: SimState, request: { readonly cluster?: string | undefined; readonly service?: string | undefined }): { cluster: ClusterRecord; service: ServiceRecord } {
  const cluster = clusterFor(state, { cluster: request.cluster });
  const reference = request.service!;
  const name = reference.startsWith('arn:') ? reference.split('/').pop()! : reference;
  const service = cluster.services.peek(name);
  if (service === undefined || (reference.startsWith('arn:') && service.arn !== reference)) throw new ServiceNotFoundException();
  if (service.status !== 'ACTIVE') throw new ServiceNotActiveException();
  if (service.deploymentController === 'ECS') {
    throw new InvalidParameterException(`service ${service.name} uses the ECS deployment controller; task sets belong to services with the EXTERNAL or CODE_DEPLOY deployment controller.`);
  }
  return { cluster, service };
}

/** The task set of `service` a reference (id or ARN) names; TaskSetNotFoundException otherwise. */
export function taskSetFor(service: ServiceRecord, reference: string, member = 'taskSet'): TaskSetRecord {
  if (!reference.startsWith('arn:') && !isTaskSetId(reference)) throw new InvalidParameterException(`${member}: ${quote(reference)} is neither a task set id (ecs-svc/ and 19 digits) nor a task set ARN.`);
  const set = service.taskSets.find((s) => s.id === reference || s.arn === reference);
  if (set === undefined) throw new TaskSetNotFoundException(`The specified task set does not exist: ${quote(reference)}.`);
  return set;
}

/**
 * A request's `scale` as a percentage: `{ value: 0..100, unit: 'PERCENT' }` (the type checked by
 * the model already); `fallback` when absent.
 * @example scalePercentOf({ value: 50, unit: 'PERCENT' }, 100) // 50
 */
export function scalePercentOf(scale: { value?: number | undefined; unit?: string | undefined } | undefined, fallback: number): number {
  if (scale === undefined) return fallback;
  if (scale.unit !== undefined && scale.unit !== 'PERCENT') throw new InvalidParameterException(`scale.unit must be PERCENT; got ${quote(scale.unit)}`);
  const value = scale.value ?? fallback;
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new InvalidParameterException(`scale.value: a percentage from 0 to 100; got ${String(value)}`);
  return value;
}

/**
 * The tasks a task set wants: the service's desiredCount times its scale, rounded up; none once it
 * is DRAINING (deleted) or its service is.
 * @example computedDesiredCount(service, set) // desiredCount 3, scale 50% → 2
 */
export function computedDesiredCount(service: ServiceRecord, set: TaskSetRecord): number {
  if (set.status === 'DRAINING' || service.status !== 'ACTIVE') return 0;
  return Math.ceil((service.desiredCount * set.scalePercent) / 100);
}

/** The TaskSet shape of a task set, counting `tasks` (its service's tasks not told to stop). */
export function describeTaskSet(cluster: ClusterRecord, service: ServiceRecord, set: TaskSetRecord, tasks: readonly TaskRecord[], includeTags: boolean): TaskSet {
  let pending = 0;
  let running = 0;
  for (const t of tasks) {
    if (t.taskSetId !== set.id) continue;
    if (t.lastStatus === 'PENDING') pending++;
    else if (t.lastStatus === 'RUNNING') running++;
  }
  return {
    id: set.id,
    taskSetArn: set.arn,
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    ...(set.externalId === undefined ? {} : { externalId: set.externalId }),
    startedBy: service.deploymentController === 'CODE_DEPLOY' ? 'CodeDeploy' : 'EXTERNAL',
    status: set.status,
    taskDefinition: set.taskDefinitionArn,
    computedDesiredCount: computedDesiredCount(service, set),
    pendingCount: pending,
    runningCount: running,
    createdAt: new Date(set.createdAt),
    updatedAt: new Date(set.updatedAt),
    launchType: set.launchType,
    ...(set.launchType === 'FARGATE' ? { platformVersion: FARGATE_PLATFORM_VERSION } : {}),
    ...(set.networkConfiguration === undefined ? {} : { networkConfiguration: structuredClone(set.networkConfiguration) }),
    loadBalancers: [],
    serviceRegistries: [],
    scale: { value: set.scalePercent, unit: 'PERCENT' },
    stabilityStatus: set.stabilityStatus,
    stabilityStatusAt: new Date(set.stabilityStatusAt),
    ...(includeTags ? { tags: set.tags.map((t) => ({ ...t })) } : {}),
  };
}

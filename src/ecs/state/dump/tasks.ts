/**
 * The tasks of a dump (DescribeTasks' shape): EC2 tasks on the dump's instances, FARGATE tasks on
 * none; a service's task by its `group` (`service:<name>`), a task set's by its `startedBy` (the
 * task set id, as ECS starts them). What each not STOPPED holds — CPU, memory, static host
 * ports, GPUs (those named in `containers[].gpuIds`, else the lowest free), an ENI for awsvpc —
 * is reserved when the cluster is put together (`describe-output.ts`).
 */
import { requirementsOf } from '../../../resources/requirements.js';
import type { Reservation, TaskRequirements } from '../../../resources/types.js';
import type { Task } from '../../../shapes.js';
import type { ServiceRecord } from '../../services/record.js';
import { parseTaskArn } from '../../shared/arns.js';
import type { TaskDefinition } from '../../task-definitions/registry.js';
import { FARGATE_RESERVATION, type TaskRecord } from '../../tasks/record.js';
import { DESIRED_STATUSES, TASK_STATUSES } from '../consistency.js';
import type { SimState } from '../state.js';
import { countOf, fault, sameAccount, shaped, supported, tagsOf, timeOf, type DumpCluster } from './faults.js';
import type { Dumped } from './instances.js';
import type { DefinitionLookup } from './services.js';

export interface LoadedTask {
  /** its place in `tasks` */
  readonly index: number;
  /** the record, its reservation set when the cluster is put together (FARGATE's nothing until then) */
  readonly task: Omit<TaskRecord, 'reservation'> & { reservation: Reservation };
  readonly requirements: TaskRequirements;
  /** GPU ids the task names, if it names any */
  readonly gpuIds: readonly string[] | undefined;
  /** a long task ARN (`task/<cluster>/<id>`) */
  readonly longArn: boolean;
}

/** Per definition, what each of its tasks shares: one frozen requirements object (as the registry keeps them), its container names. */
const perDefinition = new WeakMap<TaskDefinition, { requirements: TaskRequirements; containers: readonly string[] }>();

function sharedOf(td: TaskDefinition): { requirements: TaskRequirements; containers: readonly string[] } {
  let shared = perDefinition.get(td);
  if (shared === undefined) perDefinition.set(td, (shared = { requirements: requirementsOf(td), containers: Object.freeze((td.containerDefinitions ?? []).map((c) => c.name ?? '')) }));
  return shared;
}

/** One element of `tasks`; `services` are the dump's, by name. */
export function loadTask(
  state: SimState, raw: unknown, index: number, clusterName: string, dumpCluster: DumpCluster,
  definitions: DefinitionLookup, services: ReadonlyMap<string, ServiceRecord>,
): LoadedTask {
  const o = shaped<Dumped<Task>>('Task', raw);
  const arn = o.taskArn ?? undefined;
  const m = arn === undefined ? null : parseTaskArn(arn);
  if (m === null) return fault('taskArn', 'expected a task ARN');
  sameAccount(state.ctx, m, 'taskArn', arn!);
  if (m.clusterName !== null) dumpCluster.see(m.clusterName, 'taskArn');
  dumpCluster.seeArn(state.ctx, o.clusterArn, 'clusterArn');
  const launchType = supported(o.launchType, 'launchType', ['EC2', 'FARGATE'] as const, 'EC2');
  const tdArn = o.taskDefinitionArn ?? undefined;
  const td = tdArn === undefined ? undefined : definitions(tdArn);
  if (td === undefined) return fault('taskDefinitionArn', `${tdArn ?? 'nothing'} is not among the taskDefinitions (nor registered)`);
  if (launchType === 'FARGATE' && !(td.compatibilities ?? []).includes('FARGATE')) fault('taskDefinitionArn', 'Task definition does not support launch_type FARGATE.');
  const lastStatus = supported(o.lastStatus, 'lastStatus', TASK_STATUSES, 'RUNNING');
  const desiredStatus = supported(o.desiredStatus, 'desiredStatus', DESIRED_STATUSES, lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING');
  if (lastStatus === 'STOPPED' && desiredStatus !== 'STOPPED') fault('desiredStatus', 'a STOPPED task wants to be STOPPED');
  const group = o.group ?? `family:${td.family}`;
  const service = group.startsWith('service:') ? services.get(group.slice(8)) : undefined;
  const startedBy = o.startedBy ?? undefined;
  // A task of a service deployed by task sets belongs to the one that started it.
  let taskSetId: string | undefined;
  if (service !== undefined && service.deploymentController !== 'ECS') {
    taskSetId = service.taskSets.find((s) => s.id === startedBy)?.id;
    if (taskSetId === undefined && lastStatus !== 'STOPPED') fault('startedBy', `a task of service ${service.name} is started by one of its task sets (startedBy: the task set id); got ${startedBy ?? 'nothing'}`);
  }
  let gpuIds: string[] | undefined;
  const containers = o.containers ?? [];
  for (const c of containers) if (c.gpuIds !== undefined && c.gpuIds !== null && c.gpuIds.length > 0) gpuIds = [...(gpuIds ?? []), ...c.gpuIds];
  const { requirements, containers: names } = sharedOf(td);
  if (launchType === 'FARGATE' && gpuIds !== undefined) fault('containers', 'a FARGATE task holds no GPUs');
  if (gpuIds !== undefined && gpuIds.length !== requirements.gpus) fault('containers', `the task names ${gpuIds.length} GPUs; its task definition asks for ${requirements.gpus}`);
  const task: LoadedTask['task'] = {
    arn: arn!,
    id: m.id,
    seq: index,
    clusterName,
    taskDefinitionArn: td.taskDefinitionArn!,
    containerInstanceArn: o.containerInstanceArn ?? undefined,
    launchType,
    group,
    startedBy,
    serviceName: service?.name,
    ...(taskSetId === undefined ? {} : { taskSetId }),
    lastStatus,
    desiredStatus,
    createdAt: timeOf(o.createdAt, 'createdAt') ?? state.clock.now,
    startedAt: timeOf(o.startedAt, 'startedAt'),
    stoppingAt: timeOf(o.stoppingAt, 'stoppingAt'),
    stoppedAt: timeOf(o.stoppedAt, 'stoppedAt'),
    stoppedReason: o.stoppedReason ?? undefined,
    version: Math.max(1, countOf(o.version, 'version') ?? 1),
    containers: names,
    cpu: td.cpu,
    memory: td.memory,
    tags: tagsOf(o.tags),
    reservation: FARGATE_RESERVATION,
  };
  return { index, task, requirements, gpuIds, longArn: m.clusterName !== null };
}

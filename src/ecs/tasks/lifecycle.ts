/**
 * Tasks: how they come to be (through the placement engine) and how they move
 * PENDING → RUNNING → STOPPED on the simulated clock. Every change keeps three things in step:
 * the accountant's reservations, the store's task groups (what `task:group` and spread see), and
 * the instance's `runningTasksCount` / `pendingTasksCount`, and the live-task indexes
 * (`task-index.ts`). Every step — placed, told to stop, RUNNING, STOPPED — is a `task-state-change`
 * on the state's event bus (the service scheduler and what-if reports listen).
 *
 * Tasks live here rather than in sim/ because every step changes ECS records (instance counts,
 * versions); sim/ keeps the clock and randomness they run on.
 */
import { idInAnyCluster, unusedId } from '../shared/ids.js';
import { cut, InvalidParameterException } from '../../errors.js';
import type { Tag, TaskOverride } from '../../shapes.js';
import type { PlacementConstraint, PlacementOutcome, PlacementStrategy } from '../../placement/types.js';
import type { Reservation, TaskRequirements } from '../../resources/types.js';
import type { ClusterRecord } from '../clusters/record.js';
import { touch } from '../container-instances/instances.js';
import { isResourceId, parseTaskArn, taskArn } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import { FARGATE_RESERVATION, type TaskRecord } from './record.js';
import { indexNewTask, unindexTask } from './task-index.js';

/** Simulated time from placement to RUNNING (image pull, container start). */
export const TASK_START_MS = 5_000;
/** Simulated time from a stop request to STOPPED (the containers' stop timeout). */
export const TASK_STOP_MS = 5_000;
/** How long a STOPPED task stays describable (ECS keeps stopped tasks for about an hour). */
export const STOPPED_TASK_RETENTION_MS = 3_600_000;

export interface LaunchRequest {
  readonly taskDefinitionArn: string;
  readonly requirements: TaskRequirements;
  readonly containers: readonly string[];
  readonly cpu: string | undefined;
  readonly memory: string | undefined;
  readonly group: string;
  readonly count: number;
  readonly constraints: readonly PlacementConstraint[];
  readonly strategies: readonly PlacementStrategy[];
  readonly startedBy?: string;
  readonly serviceName?: string;
  readonly onlySlots?: readonly number[];
  readonly tags?: Tag[];
  /** EC2 (default): placed on a container instance; FARGATE: on none */
  readonly launchType?: 'EC2' | 'FARGATE';
  /** the task set the tasks belong to (a service with the EXTERNAL deployment controller) */
  readonly taskSetId?: string;
  /** long (`task/<cluster>/<id>`) or short (`task/<uuid>`) task ARNs */
  readonly longArn: boolean;
  /** RunTask's / StartTask's `overrides`, kept on the tasks (`requirements` already reflect them) */
  readonly overrides?: TaskOverride;
}

/**
 * Places and creates up to `count` tasks; returns the new records and the placement outcome. A
 * FARGATE launch places nothing: its tasks run on no container instance and hold nothing on one.
 */
export function launchTasks(state: SimState, cluster: ClusterRecord, request: LaunchRequest): { tasks: TaskRecord[]; outcome: PlacementOutcome } {
  if (request.launchType === 'FARGATE') {
    const tasks = Array.from({ length: request.count }, () => newTask(state, cluster, request, undefined, FARGATE_RESERVATION));
    return { tasks, outcome: { placements: [], unplaced: 0, rejections: new Map(), tally: new Map() } };
  }
  const outcome = state.placement.place(
    { store: cluster.store, accountant: cluster.accountant, random: state.random },
    {
      requirements: request.requirements,
      group: request.group,
      count: request.count,
      constraints: request.constraints,
      strategies: request.strategies,
      ...(request.onlySlots === undefined ? {} : { onlySlots: request.onlySlots }),
    },
  );
  const tasks = outcome.placements.map(({ slot, reservation }) => newTask(state, cluster, request, cluster.store.arns[slot]!, reservation));
  return { tasks, outcome };
}

/** A new PENDING task of `request`, on an instance (EC2) or none (FARGATE), RUNNING after TASK_START_MS. */
function newTask(state: SimState, cluster: ClusterRecord, request: LaunchRequest, instanceArn: string | undefined, reservation: Reservation): TaskRecord {
  // (The cluster's own map first: with one cluster, the only one to ask. The closures stay
  // unnamed: tsx keeps names, and a named one costs a defineProperty per task.)
  const id = unusedId(
    () => (request.longArn ? state.random.hex(32) : state.random.uuid()),
    (id) => cluster.taskIdToArn.has(id) || (state.clusters.size > 1 && idInAnyCluster(state.clusters, 'taskIdToArn', id)),
  );
  const arn = taskArn(state.ctx, cluster.name, id, request.longArn);
  const task: TaskRecord = {
    arn,
    id,
    seq: cluster.nextTaskSeq++,
    clusterName: cluster.name,
    taskDefinitionArn: request.taskDefinitionArn,
    containerInstanceArn: instanceArn,
    launchType: request.launchType ?? 'EC2',
    group: request.group,
    startedBy: request.startedBy,
    serviceName: request.serviceName,
    ...(request.taskSetId === undefined ? {} : { taskSetId: request.taskSetId }),
    ...(request.overrides === undefined ? {} : { overrides: request.overrides }),
    lastStatus: 'PENDING',
    desiredStatus: 'RUNNING',
    createdAt: state.clock.now,
    startedAt: undefined,
    stoppingAt: undefined,
    stoppedAt: undefined,
    stoppedReason: undefined,
    version: 1,
    reservation,
    containers: request.containers,
    cpu: request.cpu,
    memory: request.memory,
    tags: request.tags ?? [],
  };
  cluster.tasks.set(arn, task);
  cluster.taskIdToArn.set(id, arn);
  indexNewTask(cluster, task);
  adjustCounts(cluster, instanceArn, 0, +1);
  state.clock.schedule(TASK_START_MS, 'task-started', { cluster: cluster.name, arn });
  emitTaskStateChange(state, task);
  return task;
}

/** Changes an instance's task counts in its record and in the store, and bumps its version. */
export function adjustCounts(cluster: ClusterRecord, instanceArn: string | undefined, running: number, pending: number): void {
  if (instanceArn === undefined) return;
  const record = cluster.instances.get(instanceArn);
  if (record === undefined) return;
  record.runningTasksCount += running;
  record.pendingTasksCount += pending;
  cluster.store.setRunningTasksCount(instanceArn, record.runningTasksCount);
  cluster.store.setPendingTasksCount(instanceArn, record.pendingTasksCount);
  touch(record);
}

/** PENDING → RUNNING, unless a stop came first. */
export function onTaskStarted(state: SimState, clusterName: string, arn: string): void {
  const cluster = state.clusters.get(clusterName);
  const task = cluster?.tasks.get(arn);
  if (cluster === undefined || task === undefined || task.lastStatus !== 'PENDING' || task.desiredStatus !== 'RUNNING') return;
  task.lastStatus = 'RUNNING';
  task.startedAt = state.clock.now;
  task.version++;
  adjustCounts(cluster, task.containerInstanceArn, +1, -1);
  emitTaskStateChange(state, task);
}

/** Asks a task to stop: desiredStatus STOPPED now, STOPPED after TASK_STOP_MS. Idempotent. */
export function requestStop(state: SimState, cluster: ClusterRecord, seen: TaskRecord, reason: string): void {
  if (seen.desiredStatus === 'STOPPED') return;
  const task = cluster.tasks.get(seen.arn)!; // this side's own copy (the caller may hold a fork-shared one)
  task.desiredStatus = 'STOPPED';
  task.stoppingAt = state.clock.now;
  task.stoppedReason = reason;
  task.version++;
  state.clock.schedule(TASK_STOP_MS, 'task-stopped', { cluster: cluster.name, arn: task.arn });
  emitTaskStateChange(state, task);
}

/** The task has stopped: its resources and group are released, the counts drop. */
export function onTaskStopped(state: SimState, clusterName: string, arn: string): void {
  const cluster = state.clusters.get(clusterName);
  const task = cluster?.tasks.get(arn);
  if (cluster === undefined || task === undefined || task.lastStatus === 'STOPPED') return;
  finishStop(state, cluster, task);
}

/** A STOPPED task is forgotten after STOPPED_TASK_RETENTION_MS: DescribeTasks reports it MISSING. */
export function onTaskExpired(state: SimState, clusterName: string, arn: string): void {
  const cluster = state.clusters.get(clusterName);
  const task = cluster?.tasks.get(arn);
  if (cluster === undefined || task === undefined || task.lastStatus !== 'STOPPED') return;
  cluster.tasks.delete(arn);
  cluster.taskIdToArn.delete(task.id);
}

/** Moves a task to STOPPED at once (used by the stop event and by forced deregistration). */
export function finishStop(state: SimState, cluster: ClusterRecord, seen: TaskRecord, reason?: string): void {
  const task = cluster.tasks.get(seen.arn)!; // this side's own copy (the caller may hold a fork-shared one)
  if (reason !== undefined) task.stoppedReason ??= reason;
  const was = task.lastStatus;
  task.lastStatus = 'STOPPED';
  task.desiredStatus = 'STOPPED';
  task.stoppedAt = state.clock.now;
  task.stoppingAt ??= state.clock.now;
  task.version++;
  unindexTask(cluster, task);
  if (task.containerInstanceArn !== undefined && cluster.store.has(task.containerInstanceArn)) {
    cluster.accountant.release(task.reservation);
    cluster.store.removeTask(task.containerInstanceArn, task.group);
  }
  adjustCounts(cluster, task.containerInstanceArn, was === 'RUNNING' ? -1 : 0, was === 'PENDING' ? -1 : 0);
  state.clock.schedule(STOPPED_TASK_RETENTION_MS, 'task-expired', { cluster: cluster.name, arn: task.arn });
  emitTaskStateChange(state, task);
}

function emitTaskStateChange(state: SimState, task: TaskRecord): void {
  state.events.emit({
    kind: 'task-state-change',
    cluster: task.clusterName,
    taskArn: task.arn,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    serviceName: task.serviceName,
    containerInstanceArn: task.containerInstanceArn,
  });
}

/** The task a reference (id or ARN) names in `cluster`, or null. */
export function findTask(cluster: ClusterRecord, reference: string): TaskRecord | null {
  if (parseTaskArn(reference) !== null) return cluster.tasks.get(reference) ?? null;
  if (!isResourceId(reference)) throw new InvalidParameterException(`'${cut(reference)}' is neither a task id nor a task ARN`);
  const arn = cluster.taskIdToArn.get(reference);
  return arn === undefined ? null : cluster.tasks.get(arn)!;
}

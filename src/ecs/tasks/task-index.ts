/**
 * The cluster's live tasks (not yet STOPPED) by container instance and by service: sets of task
 * ARNs in creation order (`ArnSet`: a fork's copy costs what it changes), in CowMaps so a fork
 * shares them until it changes one. Stopping a task,
 * losing an instance and a service's scheduler pass read only the tasks they touch; a scan of
 * every task made a forced deregistration on 20,000 instances cost minutes.
 *
 * A task enters both indexes when it is created or loaded (unless already STOPPED) and leaves
 * them when it becomes STOPPED (`finishStop`).
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { CowMap } from '../../collections/cow-map.js';
import { ArnSet } from './arn-set.js';
import type { TaskRecord } from './record.js';

function add(index: CowMap<string, ArnSet>, key: string, arn: string): void {
  const set = index.get(key);
  if (set === undefined) index.set(key, new ArnSet([arn]));
  else set.add(arn);
}

function remove(index: CowMap<string, ArnSet>, key: string, arn: string): void {
  const set = index.peek(key);
  if (set === undefined) return;
  // (A live task is in its sets: no `has` before the delete, a lookup in a set of thousands.)
  if (set.size === 1) {
    if (set.has(arn)) index.delete(key);
  } else index.get(key)!.delete(arn);
}

function addNew(index: CowMap<string, ArnSet>, key: string, arn: string): void {
  const set = index.get(key);
  if (set === undefined) index.set(key, new ArnSet([arn]));
  else set.addNew(arn);
}

/**
 * Records a task just created (so in no set yet) in the indexes: as `indexTask`, without asking
 * a set of thousands whether it holds the ARN already.
 */
export function indexNewTask(cluster: ClusterRecord, task: TaskRecord): void {
  if (task.containerInstanceArn !== undefined) addNew(cluster.tasksByInstance, task.containerInstanceArn, task.arn);
  if (task.serviceName !== undefined) addNew(cluster.tasksByService, task.serviceName, task.arn);
}

/** Records a live task in the indexes. */
export function indexTask(cluster: ClusterRecord, task: TaskRecord): void {
  // (a FARGATE task is on no instance)
  if (task.containerInstanceArn !== undefined) add(cluster.tasksByInstance, task.containerInstanceArn, task.arn);
  if (task.serviceName !== undefined) add(cluster.tasksByService, task.serviceName, task.arn);
}

/**
 * {@link indexTask} of many live tasks at once, in order (loading a dump or a snapshot): each
 * instance's and service's set made once with all its tasks; the same indexes as indexing them
 * one by one.
 *
 * @example
 * indexTasks(cluster, records.filter((t) => t.lastStatus !== 'STOPPED'));
 */
export function indexTasks(cluster: ClusterRecord, tasks: readonly TaskRecord[]): void {
  const byInstance = new Map<string, string[]>();
  const byService = new Map<string, string[]>();
  for (const task of tasks) {
    if (task.containerInstanceArn !== undefined) collect(byInstance, task.containerInstanceArn, task.arn);
    if (task.serviceName !== undefined) collect(byService, task.serviceName, task.arn);
  }
  addAll(cluster.tasksByInstance, byInstance);
  addAll(cluster.tasksByService, byService);
}

function collect(lists: Map<string, string[]>, key: string, arn: string): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [arn]);
  else list.push(arn);
}

function addAll(index: CowMap<string, ArnSet>, lists: Map<string, string[]>): void {
  for (const [key, arns] of lists) {
    if (index.peek(key) === undefined) index.set(key, new ArnSet(arns));
    else for (const arn of arns) add(index, key, arn);
  }
}

/** Takes a task that became STOPPED out of the indexes. */
export function unindexTask(cluster: ClusterRecord, task: TaskRecord): void {
  if (task.containerInstanceArn !== undefined) remove(cluster.tasksByInstance, task.containerInstanceArn, task.arn);
  if (task.serviceName !== undefined) remove(cluster.tasksByService, task.serviceName, task.arn);
}

function records(cluster: ClusterRecord, arns: ArnSet | undefined): TaskRecord[] {
  if (arns === undefined) return [];
  const out: TaskRecord[] = [];
  arns.forEach((arn) => out.push(cluster.tasks.peek(arn)!));
  return out;
}

/**
 * The live tasks on a container instance, in creation order (records that may be fork-shared:
 * read them, or `cluster.tasks.get` the ones to change). O(tasks on the instance).
 */
export function liveTasksOn(cluster: ClusterRecord, containerInstanceArn: string): TaskRecord[] {
  return records(cluster, cluster.tasksByInstance.peek(containerInstanceArn));
}

/** The live tasks of a service, in creation order (read-only records, as `liveTasksOn`). O(its tasks). */
export function liveTasksOf(cluster: ClusterRecord, serviceName: string): TaskRecord[] {
  return records(cluster, cluster.tasksByService.peek(serviceName));
}

/**
 * A service's tasks as a scheduler pass reads them (`ServiceTasksView`): how many are not told
 * to stop, how many of those run, the outdated ones (to be replaced), and — only when a pass
 * scales in — all of them. Two ways to get one: from every task of the service (`fullView`, the
 * reference) or from the scheduler's summary (`summaryView`: O(outdated and pending tasks)).
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { TaskRecord } from '../tasks/record.js';
import { ofEarlierDeployment, type ServiceRecord } from './record.js';
import { serviceTasks } from './service.js';
import { aliveCount, summarise } from './task-summary.js';

export interface ServiceTasksView {
  /** tasks not told to stop */
  readonly alive: number;
  /** of them, RUNNING */
  readonly running: number;
  /** of them, on an instance that is not ACTIVE or of an older task definition: oldest first (createdAt, then ARN) */
  readonly outdated: readonly TaskRecord[];
  /** every task not told to stop, in creation order (read for scaling in) */
  all(): readonly TaskRecord[];
}

const oldestFirst = (a: TaskRecord, b: TaskRecord) => a.createdAt - b.createdAt || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0);

/** The view from every task of the service: O(its tasks). */
export function fullView(cluster: ClusterRecord, service: ServiceRecord): ServiceTasksView {
  const tasks = serviceTasks(cluster, service);
  const statusOf = new Map<string, boolean>();
  const active = (arn: string) => {
    let a = statusOf.get(arn);
    if (a === undefined) statusOf.set(arn, (a = cluster.instances.peek(arn)?.status === 'ACTIVE'));
    return a;
  };
  let running = 0;
  const outdated: TaskRecord[] = [];
  for (const t of tasks) {
    if (t.lastStatus === 'RUNNING') running++;
    // (a FARGATE task has no instance to drain)
    if (ofEarlierDeployment(service, t) || (t.containerInstanceArn !== undefined && !active(t.containerInstanceArn))) outdated.push(t);
  }
  return { alive: tasks.length, running, outdated: outdated.sort(oldestFirst), all: () => tasks };
}

/** The view from the scheduler's summary of the service (made first if it has none). */
export function summaryView(cluster: ClusterRecord, service: ServiceRecord): ServiceTasksView {
  const summary = cluster.serviceSummaries.peek(service.name) ?? summarise(cluster, service.name);
  const alive = aliveCount(cluster, service.name, summary);
  let pendingAlive = 0;
  for (const arn of summary.pending) if (!summary.stopping.has(arn)) pendingAlive++;
  const outdated: TaskRecord[] = [];
  for (const arn of summary.outdated) outdated.push(cluster.tasks.peek(arn)!);
  return { alive, running: alive - pendingAlive, outdated: outdated.sort(oldestFirst), all: () => serviceTasks(cluster, service) };
}

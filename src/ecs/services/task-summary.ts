/**
 * What the scheduler keeps about each service's live tasks between passes, so that a pass over a
 * service with nothing to do — and a what-if report's row for it — costs O(1) rather than
 * O(its tasks) (a daemon-like service of thousands of tasks is touched by almost every drain):
 *
 * - `stopping`: told to stop, not yet STOPPED;
 * - `pending`: placed, not yet RUNNING nor STOPPED;
 * - `outdated`: not told to stop, and on an instance that is not ACTIVE or of another task
 *   definition than the service's — the tasks a pass would replace.
 *
 * A summary is made from the tasks on a service's first pass (`summarise`) and kept up to date
 * from the state's events (`noteTaskEvent`, `noteInstanceEvent`); a service without one (just
 * loaded or restored, or its task definition changed by an API call) gets a full pass. The
 * scheduler's differential test holds the passes that use summaries to the full ones.
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { TaskStateChange } from '../state/events.js';
import { ofEarlierDeployment, type ServiceRecord, type ServiceTaskSummary } from './record.js';
import type { TaskRecord } from '../tasks/record.js';
import { liveTasksOf } from '../tasks/task-index.js';

function isOutdated(cluster: ClusterRecord, t: TaskRecord, service: ServiceRecord): boolean {
  // (a FARGATE task has no instance to drain)
  return t.desiredStatus === 'RUNNING' && (ofEarlierDeployment(service, t) || (t.containerInstanceArn !== undefined && cluster.instances.peek(t.containerInstanceArn)?.status !== 'ACTIVE'));
}

/** A service's summary as its live tasks say now (the invariant checks hold kept summaries to it). */
export function summaryOf(cluster: ClusterRecord, serviceName: string): ServiceTaskSummary {
  const service = cluster.services.peek(serviceName)!;
  const summary: ServiceTaskSummary = { stopping: new Set(), pending: new Set(), outdated: new Set() };
  for (const t of liveTasksOf(cluster, serviceName)) {
    if (t.desiredStatus === 'STOPPED') summary.stopping.add(t.arn);
    if (t.lastStatus === 'PENDING') summary.pending.add(t.arn);
    if (isOutdated(cluster, t, service)) summary.outdated.add(t.arn);
  }
  return summary;
}

/** Makes (or remakes) a service's summary from its live tasks. */
export function summarise(cluster: ClusterRecord, serviceName: string): ServiceTaskSummary {
  const summary = summaryOf(cluster, serviceName);
  cluster.serviceSummaries.set(serviceName, summary);
  return summary;
}

/**
 * Makes the summary of every service that has none (a state just restored or loaded, or a service
 * whose task definition changed) — before forking, so that the forks share them: a fork's own
 * summary of a service dies with the fork, and the next fork would walk the service's tasks again.
 */
export function summariseMissing(cluster: ClusterRecord): void {
  // (Every fork asks: forEach makes no list of the services.)
  cluster.services.forEach((_, name) => {
    if (!cluster.serviceSummaries.has(name)) summarise(cluster, name);
  });
}

/** Forgets a service's summary: its next pass is a full one (its task definition may have changed). */
export function forgetSummary(cluster: ClusterRecord, serviceName: string): void {
  cluster.serviceSummaries.delete(serviceName);
}

/** A task of a service was placed, told to stop, became RUNNING or STOPPED. */
export function noteTaskEvent(cluster: ClusterRecord, e: TaskStateChange): void {
  if (e.serviceName === undefined) return;
  const s = cluster.serviceSummaries.get(e.serviceName);
  if (s === undefined) return;
  if (e.lastStatus === 'STOPPED') {
    s.stopping.delete(e.taskArn);
    s.pending.delete(e.taskArn);
    s.outdated.delete(e.taskArn);
    return;
  }
  if (e.desiredStatus === 'STOPPED') {
    s.stopping.add(e.taskArn);
    s.outdated.delete(e.taskArn);
    return;
  }
  if (e.lastStatus === 'PENDING') {
    s.pending.add(e.taskArn);
    const service = cluster.services.peek(e.serviceName)!;
    if (isOutdated(cluster, cluster.tasks.peek(e.taskArn)!, service)) s.outdated.add(e.taskArn);
  } else {
    s.pending.delete(e.taskArn);
  }
}

/**
 * An instance changed status: its services' tasks on it (`tasksOnIt`, its live tasks) may have
 * become (or stopped being) outdated.
 */
export function noteInstanceEvent(cluster: ClusterRecord, tasksOnIt: readonly TaskRecord[]): void {
  for (const t of tasksOnIt) {
    if (t.serviceName === undefined) continue;
    const s = cluster.serviceSummaries.get(t.serviceName);
    if (s === undefined) continue;
    const service = cluster.services.peek(t.serviceName);
    if (service !== undefined && isOutdated(cluster, t, service)) s.outdated.add(t.arn);
    else s.outdated.delete(t.arn);
  }
}

/** Tasks of the service not told to stop, from its summary and live-task index: O(1). */
export function aliveCount(cluster: ClusterRecord, serviceName: string, s: ServiceTaskSummary): number {
  return (cluster.tasksByService.peek(serviceName)?.size ?? 0) - s.stopping.size;
}

/**
 * What the container agent reports of a task and its containers (SubmitTaskStateChange,
 * SubmitContainerStateChange; reference §7 "Agent reports"), checked before anything changes:
 * the task (ClientException if the cluster has no such task: the identifier is not valid), the
 * statuses (PENDING, RUNNING, STOPPED), the containers (by name, as the task definition names
 * them). A report about a task already STOPPED is acknowledged and changes nothing (the agent
 * repeats reports it is not sure arrived).
 */
import { ClientException, InvalidParameterException, quote } from '../../errors.js';
import type { ClusterRecord } from '../clusters/record.js';
import type { SimState } from '../state/state.js';
import { findTask } from './lifecycle.js';
import type { ContainerReport, TaskRecord } from './record.js';

/** What the agent reports back: ECS answers every accepted report with this acknowledgment. */
export const REPORT_ACKNOWLEDGMENT = 'ACK';

/** The stoppedReason of a task whose essential container exited [DG "Stopped tasks errors"]. */
export const ESSENTIAL_CONTAINER_EXITED = 'Essential container in task exited';

/** The statuses a task or container report may carry. */
const STATUSES = ['PENDING', 'RUNNING', 'STOPPED'] as const;
export type ReportedStatus = (typeof STATUSES)[number];

/** A checked report status. */
export function reportedStatus(value: string | undefined, member: string): ReportedStatus {
  if (value === undefined) throw new InvalidParameterException(`${member} is required`);
  if (!(STATUSES as readonly string[]).includes(value)) throw new InvalidParameterException(`${member} must be one of ${STATUSES.join(', ')}; got ${quote(value)}`);
  return value as ReportedStatus;
}

/** The task a report names; ClientException if there is none. */
export function reportedTask(cluster: ClusterRecord, reference: string | undefined): TaskRecord {
  if (reference === undefined || reference === '') throw new InvalidParameterException('task is required');
  const task = findTask(cluster, reference);
  if (task === null) throw new ClientException(`The referenced task was not found: ${quote(reference)}`);
  return task;
}

/** A checked container report of `task` (its container `name` must be one of the task's). */
export function containerReport(task: TaskRecord, name: string | undefined, status: string | undefined, exitCode: number | undefined, reason: string | undefined, where: string): [string, ContainerReport] {
  if (name === undefined || !task.containers.includes(name)) {
    throw new InvalidParameterException(`${where}containerName: ${quote(name)} is not a container of task ${task.id} (${task.containers.join(', ')})`);
  }
  return [name, { lastStatus: reportedStatus(status, `${where}status`), exitCode, reason }];
}

/** Records container reports on the task (this side's own copy of it). */
export function recordContainerReports(state: SimState, cluster: ClusterRecord, seen: TaskRecord, reports: readonly [string, ContainerReport][]): TaskRecord {
  const task = cluster.tasks.get(seen.arn)!;
  if (reports.length === 0) return task;
  task.containerReports = { ...task.containerReports, ...Object.fromEntries(reports) };
  task.version++;
  return task;
}

/** Whether the named container of the task is essential (the default) in its task definition. */
export function isEssential(state: SimState, task: TaskRecord, name: string): boolean {
  const td = state.taskDefinitions.get(task.taskDefinitionArn);
  return td?.containerDefinitions?.find((c) => c.name === name)?.essential !== false;
}

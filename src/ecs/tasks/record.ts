/** The record of a task: what DescribeTasks shows of it and what it holds. */
import type { Reservation } from '../../resources/types.js';
import type { Tag, TaskOverride } from '../../shapes.js';

export type TaskStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

/** What the agent last reported of one container (SubmitContainerStateChange / SubmitTaskStateChange). */
export interface ContainerReport {
  readonly lastStatus: string;
  readonly exitCode: number | undefined;
  readonly reason: string | undefined;
}

export interface TaskRecord {
  readonly arn: string;
  readonly id: string;
  /** its place among the cluster's tasks, ascending in creation order and never reused (ListTasks pages by it) */
  readonly seq: number;
  readonly clusterName: string;
  readonly taskDefinitionArn: string;
  /** the instance it runs on; undefined for a FARGATE task */
  readonly containerInstanceArn: string | undefined;
  readonly launchType: 'EC2' | 'FARGATE';
  readonly group: string;
  readonly startedBy: string | undefined;
  /** the service that owns the task, if any */
  readonly serviceName: string | undefined;
  /** the task set (of that service) the task belongs to, if any */
  readonly taskSetId?: string | undefined;
  /** RunTask's / StartTask's `overrides`, as given (what it reserves is in `reservation`) */
  readonly overrides?: TaskOverride | undefined;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  /** epoch ms */
  readonly createdAt: number;
  startedAt: number | undefined;
  stoppingAt: number | undefined;
  stoppedAt: number | undefined;
  stoppedReason: string | undefined;
  version: number;
  /** what the task holds until it is STOPPED (nothing, slot -1, for a FARGATE task) */
  readonly reservation: Reservation;
  /** container names, from the task definition */
  readonly containers: readonly string[];
  /** container name → what the agent reported of it; a container not reported follows the task */
  containerReports?: Record<string, ContainerReport>;
  /** task-level cpu / memory as the task definition gave them */
  readonly cpu: string | undefined;
  readonly memory: string | undefined;
  tags: Tag[];
}

/** A copy of a task record; its reservation is frozen and stays shared (the accountant tracks it by identity). */
export function cloneTask(t: TaskRecord): TaskRecord {
  return {
    ...t,
    tags: t.tags.map((x) => ({ ...x })),
    ...(t.containerReports === undefined ? {} : { containerReports: { ...t.containerReports } }),
  };
}

/** What a FARGATE task holds on container instances: nothing. */
export const FARGATE_RESERVATION: Reservation = Object.freeze({
  slot: -1, cpu: 0, memory: 0, tcpPorts: Object.freeze([]), udpPorts: Object.freeze([]), gpuIds: Object.freeze([]), eni: false,
});

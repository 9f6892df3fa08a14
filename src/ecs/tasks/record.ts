/** The record of a task: what DescribeTasks shows of it and what it holds. */
import type { Reservation } from '../../resources/types.js';
import type { Tag } from '../../shapes.js';

export type TaskStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

export interface TaskRecord {
  readonly arn: string;
  readonly id: string;
  readonly clusterName: string;
  readonly taskDefinitionArn: string;
  readonly containerInstanceArn: string;
  readonly group: string;
  readonly startedBy: string | undefined;
  /** the service that owns the task, if any */
  readonly serviceName: string | undefined;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  /** epoch ms */
  readonly createdAt: number;
  startedAt: number | undefined;
  stoppingAt: number | undefined;
  stoppedAt: number | undefined;
  stoppedReason: string | undefined;
  version: number;
  /** what the task holds until it is STOPPED */
  readonly reservation: Reservation;
  /** container names, from the task definition */
  readonly containers: readonly string[];
  /** task-level cpu / memory as the task definition gave them */
  readonly cpu: string | undefined;
  readonly memory: string | undefined;
  readonly tags: Tag[];
}

/** A copy of a task record; its reservation is frozen and stays shared (the accountant tracks it by identity). */
export function cloneTask(t: TaskRecord): TaskRecord {
  return { ...t, tags: t.tags.map((x) => ({ ...x })) };
}

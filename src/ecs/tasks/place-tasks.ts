/**
 * The bulk what-if placement (not an ECS operation): RunTask without its limit of 10 tasks,
 * answering the tasks placed and a tally of why instances were turned down.
 */
import type { RejectionReason } from '../../placement/reasons.js';
import type { RunTaskRequest } from '../../shapes.js';
import { operation } from '../operation.js';
import { tasksByAttribute } from '../shared/tasks-by-attribute.js';
import { requestObject } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { placeAsRunTask } from './launch.js';

/**
 * What `placeTasks` takes: RunTask's request, with `count` up to 10,000,000 instead of 10.
 * @example const request: PlaceTasksRequest = { cluster: 'prod', taskDefinition: 'web', count: 100_000 };
 */
export interface PlaceTasksRequest extends Omit<RunTaskRequest, 'count'> {
  /** how many tasks to place, 1 to 10,000,000 (default 1) */
  count?: number | undefined;
}

/** The answer of the bulk what-if placement. */
export interface PlaceTasksResult {
  /** ARNs of the tasks placed, in placement order */
  taskArns: string[];
  /** container instance ARN of each placed task, in the same order */
  containerInstanceArns: string[];
  /** tasks that could not be placed */
  unplaced: number;
  /** instance verdicts per reason code over the whole call: why not here (codes in stage order) */
  rejections: Partial<Record<RejectionReason, number>>;
  /** tasks placed per Availability Zone (`ecs.availability-zone`), by zone name */
  byAvailabilityZone: Record<string, number>;
  /** tasks placed per instance type (`ecs.instance-type`), by type */
  byInstanceType: Record<string, number>;
}

/**
 * Places `count` tasks (any number) as RunTask would, one after another, and reports where they
 * went (per AZ and instance type) and why instances were turned down (reason codes). The tasks
 * are real: they run, hold resources and can be stopped.
 */
export const placeTasks = operation({ name: 'PlaceTasks', mutates: true, handler, requestOf: 'RunTask' });

function handler(state: SimState, request: PlaceTasksRequest, call: CallContext | undefined): PlaceTasksResult {
  const { cluster, tasks, outcome } = placeAsRunTask(state, requestObject(request, 'placeTasks'), call, 10_000_000, false);
  // (placeTasks places on container instances only: every task has one)
  const taken = new Map<number, number>();
  for (const { slot } of outcome.placements) taken.set(slot, (taken.get(slot) ?? 0) + 1);
  return {
    taskArns: tasks.map((t) => t.arn),
    containerInstanceArns: tasks.map((t) => t.containerInstanceArn!),
    unplaced: outcome.unplaced,
    rejections: Object.fromEntries([...outcome.tally].map(([reason, n]) => [reason, n])),
    byAvailabilityZone: tasksByAttribute(cluster.store, taken, 'ecs.availability-zone'),
    byInstanceType: tasksByAttribute(cluster.store, taken, 'ecs.instance-type'),
  };
}

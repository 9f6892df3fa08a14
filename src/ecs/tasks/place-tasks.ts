/**
 * The bulk what-if placement (not an ECS operation): RunTask without its limit of 10 tasks,
 * answering the tasks placed and a tally of why instances were turned down.
 */
import type { RejectionReason } from '../../placement/reasons.js';
import type { RunTaskRequest } from '../../shapes.js';
import type { ClusterRecord } from '../clusters/record.js';
import { operation } from '../operation.js';
import { requestObject } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { placeAsRunTask } from './launch.js';
import type { TaskRecord } from './record.js';

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

/** Tasks per value of an instance attribute, keys sorted; each instance's value looked up once. */
function countBy(cluster: ClusterRecord, tasks: readonly TaskRecord[], attribute: string): Record<string, number> {
  const valueOf = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const t of tasks) {
    // (placeTasks places on container instances only: every task has one)
    const arn = t.containerInstanceArn!;
    let value = valueOf.get(arn);
    if (value === undefined) {
      value = cluster.instances.peek(arn)?.attributes.find((a) => a.name === attribute)?.value ?? '(none)';
      valueOf.set(arn, value);
    }
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Places `count` tasks (any number) as RunTask would, one after another, and reports where they
 * went (per AZ and instance type) and why instances were turned down (reason codes). The tasks
 * are real: they run, hold resources and can be stopped.
 */
export const placeTasks = operation({ name: 'PlaceTasks', mutates: true, handler, requestOf: 'RunTask' });

function handler(state: SimState, request: PlaceTasksRequest, call: CallContext | undefined): PlaceTasksResult {
  const { cluster, tasks, outcome } = placeAsRunTask(state, requestObject(request, 'placeTasks'), call, 10_000_000, false);
  return {
    taskArns: tasks.map((t) => t.arn),
    containerInstanceArns: tasks.map((t) => t.containerInstanceArn!),
    unplaced: outcome.unplaced,
    rejections: Object.fromEntries([...outcome.tally].map(([reason, n]) => [reason, n])),
    byAvailabilityZone: countBy(cluster, tasks, 'ecs.availability-zone'),
    byInstanceType: countBy(cluster, tasks, 'ecs.instance-type'),
  };
}

/**
 * RunTask and StartTask (reference §2): validate, resolve the task definition, place through
 * the placement engine, and answer `{ tasks, failures }` with ECS failure reasons. Also the bulk
 * what-if `placeTasks`, without RunTask's limit of 10, answering a tally of reasons.
 */
import { InvalidParameterException } from '../errors.js';
import { failureReason } from '../placement/reasons.js';
import type { PlacementConstraint, PlacementOutcome } from '../placement/types.js';
import { checkTags } from './attribute-rules.js';
import { clusterFor } from './clusters.js';
import { findInstance } from './instances.js';
import { placementConstraints, placementStrategies } from './placement-params.js';
import { callerOf, effectiveSetting } from './settings.js';
import type { CallContext, ClusterRecord, SimState } from './state.js';
import { describeTask, type TaskOutput } from './task-output.js';
import type { TaskDefinition } from './task-definitions.js';
import { launchTasks, type LaunchRequest, type TaskRecord } from './tasks.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, requestObject, requiredArray, requiredString, stringList, type Input } from './validate.js';

export interface TaskFailure {
  arn: string;
  reason: string;
}

/** The task definition's memberOf constraints, in the request's shape. */
function inheritedConstraints(td: TaskDefinition): PlacementConstraint[] {
  return (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
}

function launchRequest(state: SimState, td: TaskDefinition, call: CallContext | undefined, extra: Pick<LaunchRequest, 'group' | 'count' | 'constraints' | 'strategies'> & Partial<LaunchRequest>): LaunchRequest {
  return {
    taskDefinitionArn: td.taskDefinitionArn!,
    requirements: state.taskDefinitions.requirementsOf(td.taskDefinitionArn!),
    containers: (td.containerDefinitions ?? []).map((c) => c.name ?? ''),
    cpu: td.cpu,
    memory: td.memory,
    longArn: effectiveSetting(state, callerOf(state, call), 'taskLongArnFormat').value === 'enabled',
    ...extra,
  };
}

/** ECS failures from an outcome: one per instance turned down for the first task that did not fit. */
function failuresOf(cluster: ClusterRecord, outcome: PlacementOutcome): TaskFailure[] {
  return [...outcome.rejections].map(([slot, reason]) => ({ arn: cluster.store.arns[slot]!, reason: failureReason(reason) }));
}

function requireInstances(cluster: ClusterRecord): void {
  // Counted from the store's status index: iterating the records would copy the whole record list
  // on every call in a fork.
  const { status, liveCount } = cluster.store;
  const inactive = status.codeOf('INACTIVE');
  if (liveCount > (inactive === 0 ? 0 : status.postings[inactive]!.length)) return;
  throw new InvalidParameterException('No Container Instances were found in your cluster.');
}

function commonInput(state: SimState, input: Input) {
  const cluster = clusterFor(state, input);
  const td = state.taskDefinitions.resolveLaunchable(requiredString(input, 'taskDefinition'));
  const launchType = optionalEnum(input, 'launchType', ['EC2', 'FARGATE'] as const);
  if (launchType === 'FARGATE') throw new InvalidParameterException('launchType FARGATE is not simulated: placement applies to the EC2 launch type');
  if ((td.requiresCompatibilities ?? []).length > 0 && !td.requiresCompatibilities!.includes('EC2')) {
    throw new InvalidParameterException(`Task definition ${td.taskDefinitionArn} does not support the EC2 launch type.`);
  }
  const startedBy = optionalString(input, 'startedBy', 36);
  const group = optionalString(input, 'group', 255) ?? `family:${td.family}`;
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  return { cluster, td, startedBy, group, tags };
}

export function runTask(state: SimState, request: unknown, call?: CallContext): { tasks: TaskOutput[]; failures: TaskFailure[] } {
  const input = requestObject(request, 'RunTask');
  const { cluster, td, startedBy, group, tags } = commonInput(state, input);
  const count = optionalInteger(input, 'count', 1, 10) ?? 1;
  const inherited = inheritedConstraints(td);
  const constraints = [...inherited, ...placementConstraints(input, inherited)];
  const strategies = placementStrategies(input);
  requireInstances(cluster);
  const { tasks, outcome } = launchTasks(state, cluster, launchRequest(state, td, call, {
    group, count, constraints, strategies, tags,
    ...(startedBy === undefined ? {} : { startedBy }),
  }));
  return { tasks: tasks.map((t) => describeTask(state, t, false)), failures: failuresOf(cluster, outcome) };
}

export function startTask(state: SimState, request: unknown, call?: CallContext): { tasks: TaskOutput[]; failures: TaskFailure[] } {
  const input = requestObject(request, 'StartTask');
  const { cluster, td, startedBy, group, tags } = commonInput(state, input);
  const references = stringList(requiredArray(input, 'containerInstances', 10), 'containerInstances');
  // StartTask places one task on each named instance; strategies and constraints do not apply.
  const tasks: TaskRecord[] = [];
  const failures: TaskFailure[] = [];
  for (const reference of references) {
    const record = findInstance(cluster, reference);
    if (record === null) {
      failures.push({ arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${state.ctx.region}:${state.ctx.accountId}:container-instance/${cluster.name}/${reference}`, reason: 'MISSING' });
      continue;
    }
    if (record.status === 'INACTIVE') {
      failures.push({ arn: record.arn, reason: 'INACTIVE' });
      continue;
    }
    const slot = cluster.store.slotOf(record.arn);
    const { tasks: placed, outcome } = launchTasks(state, cluster, launchRequest(state, td, call, {
      group, count: 1, constraints: [], strategies: [], onlySlots: [slot], tags,
      ...(startedBy === undefined ? {} : { startedBy }),
    }));
    tasks.push(...placed);
    failures.push(...failuresOf(cluster, outcome));
  }
  return { tasks: tasks.map((t) => describeTask(state, t, false)), failures };
}

/** The answer of the bulk what-if placement. */
export interface PlaceTasksResult {
  /** ARNs of the tasks placed, in placement order */
  taskArns: string[];
  /** container instance ARN of each placed task, in the same order */
  containerInstanceArns: string[];
  /** tasks that could not be placed */
  unplaced: number;
  /** instance verdicts per reason over the whole call: why not here */
  rejections: Record<string, number>;
}

/**
 * Places `count` tasks (any number) as RunTask would, one after another, and reports why
 * instances were turned down. The tasks are real: they run, hold resources and can be stopped.
 */
export function placeTasksBulk(state: SimState, request: unknown, call?: CallContext): PlaceTasksResult {
  const input = requestObject(request, 'placeTasks');
  const { cluster, td, startedBy, group, tags } = commonInput(state, input);
  const count = optionalInteger(input, 'count', 1, 10_000_000) ?? 1;
  const inherited = inheritedConstraints(td);
  const constraints = [...inherited, ...placementConstraints(input, inherited)];
  const strategies = placementStrategies(input);
  const { tasks, outcome } = launchTasks(state, cluster, launchRequest(state, td, call, {
    group, count, constraints, strategies, tags,
    ...(startedBy === undefined ? {} : { startedBy }),
  }));
  return {
    taskArns: tasks.map((t) => t.arn),
    containerInstanceArns: tasks.map((t) => t.containerInstanceArn),
    unplaced: outcome.unplaced,
    rejections: Object.fromEntries([...outcome.tally].map(([reason, n]) => [reason, n])),
  };
}

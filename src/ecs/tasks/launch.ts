/**
 * What RunTask, StartTask and the bulk what-if `placeTasks` share (reference §2): the request's
 * cluster, task definition, group and tags, the launch request to the placement engine, and ECS
 * failure reasons.
 */
import { InvalidParameterException } from '../../errors.js';
import { failureReason } from '../../placement/reasons.js';
import type { PlacementConstraint, PlacementOutcome } from '../../placement/types.js';
import { callerOf, effectiveSetting } from '../account-settings/settings.js';
import { clusterFor } from '../clusters/cluster.js';
import type { ClusterRecord } from '../clusters/record.js';
import { checkTags, managedTags, mergeTags } from '../shared/tags.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { optionalArray, optionalBoolean, optionalEnum, optionalInteger, optionalString, requiredString, type Input } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import type { TaskDefinition } from '../task-definitions/registry.js';
import { launchTypeOf } from './launch-type.js';
import { taskOverrides } from './overrides.js';
import { launchTasks, type LaunchRequest } from './lifecycle.js';
import type { TaskRecord } from './record.js';

/** A `failures` entry of RunTask / StartTask. */
export interface TaskFailure {
  arn: string;
  reason: string;
}

/** The task definition's memberOf constraints, in the request's shape. */
export function inheritedConstraints(td: TaskDefinition): PlacementConstraint[] {
  return (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
}

export function launchRequest(state: SimState, td: TaskDefinition, call: CallContext | undefined, extra: Pick<LaunchRequest, 'group' | 'count' | 'constraints' | 'strategies'> & Partial<LaunchRequest>): LaunchRequest {
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
export function failuresOf(cluster: ClusterRecord, outcome: PlacementOutcome): TaskFailure[] {
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

/**
 * What RunTask, StartTask and `placeTasks` take alike: the cluster, the task definition, the launch
 * type (`launch-type.ts`; FARGATE only where `fargate` allows it), `startedBy`, `group`, and the
 * tags of the new tasks: the task definition's when `propagateTags` is TASK_DEFINITION, the
 * request's over them, and `aws:ecs:clusterName` with `enableECSManagedTags`; the `overrides`
 * and what a task reserves with them (`overrides.ts`).
 */
export function commonInput(state: SimState, input: Input, fargate: boolean) {
  const cluster = clusterFor(state, input);
  const td = state.taskDefinitions.resolveLaunchable(requiredString(input, 'taskDefinition'));
  const placement = (optionalArray(input, 'placementConstraints') ?? []).length > 0 || (optionalArray(input, 'placementStrategy') ?? []).length > 0;
  const { launchType } = launchTypeOf(input, td, placement);
  if (launchType === 'FARGATE' && !fargate) throw new InvalidParameterException('launchType: FARGATE tasks run on no container instance; this call places tasks on container instances (EC2).');
  const startedBy = optionalString(input, 'startedBy', 36);
  const group = optionalString(input, 'group', 255) ?? `family:${td.family}`;
  const own = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  const propagate = optionalEnum(input, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const) ?? 'NONE';
  if (propagate === 'SERVICE') throw new InvalidParameterException('propagateTags: SERVICE applies to the tasks of a service; a task run on its own takes TASK_DEFINITION or NONE.');
  const managed = optionalBoolean(input, 'enableECSManagedTags') ?? false;
  const tags = mergeTags(propagate === 'TASK_DEFINITION' ? state.taskDefinitions.tagsOf(td.taskDefinitionArn!) : [], own, 'tags');
  if (managed) tags.push(...managedTags(cluster.name));
  const { overrides, requirements } = taskOverrides(state, input, td);
  return { cluster, td, startedBy, group, tags, launchType, requirements, ...(overrides === undefined ? {} : { overrides }) };
}

/**
 * RunTask's placement, also the bulk `placeTasks`'s: `count` (1 to `maxCount`) tasks of the
 * request's task definition, with its constraints plus the task definition's and its strategies.
 * RunTask itself (`runTask`) refuses an EC2 launch in a cluster without instances and also runs
 * FARGATE tasks; `placeTasks` places on instances only, and reports nothing placed.
 */
export function placeAsRunTask(
  state: SimState, input: Input, call: CallContext | undefined, maxCount: number, runTask: boolean,
): { cluster: ClusterRecord; tasks: TaskRecord[]; outcome: PlacementOutcome } {
  const { cluster, td, startedBy, group, tags, launchType, requirements, overrides } = commonInput(state, input, runTask);
  const count = optionalInteger(input, 'count', 1, maxCount) ?? 1;
  const inherited = inheritedConstraints(td);
  const constraints = [...inherited, ...placementConstraints(input, inherited)];
  const strategies = placementStrategies(input, 'placementStrategy', state.placement);
  if (runTask && launchType === 'EC2') requireInstances(cluster);
  const { tasks, outcome } = launchTasks(state, cluster, launchRequest(state, td, call, {
    group, count, constraints, strategies, tags, launchType, requirements,
    ...(startedBy === undefined ? {} : { startedBy }),
    ...(overrides === undefined ? {} : { overrides }),
  }));
  return { cluster, tasks, outcome };
}

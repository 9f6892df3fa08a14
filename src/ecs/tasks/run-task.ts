/**
 * RunTask (reference §2): validate, resolve the task definition, place `count` (1–10) tasks
 * through the placement engine with the request's and the task definition's constraints and the
 * request's strategies, and answer `{ tasks, failures }` with ECS failure reasons.
 */
import type { RunTaskRequest, RunTaskResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { optionalInteger, requestObject } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { commonInput, failuresOf, inheritedConstraints, launchRequest, requireInstances } from './launch.js';
import { launchTasks } from './lifecycle.js';
import { describeTask } from './output.js';

/** @example sim.runTask({ cluster: 'prod', taskDefinition: 'web', count: 3, placementStrategy: [{ type: 'binpack', field: 'memory' }] }) */
export const runTask = operation({ name: 'RunTask', mutates: true, handler });

function handler(state: SimState, request: RunTaskRequest, call: CallContext | undefined): RunTaskResponse {
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

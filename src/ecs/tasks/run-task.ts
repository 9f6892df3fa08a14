/**
 * RunTask (reference §2): validate, resolve the task definition, place `count` (1–10) tasks
 * through the placement engine with the request's and the task definition's constraints and the
 * request's strategies, and answer `{ tasks, failures }` with ECS failure reasons.
 */
import type { RunTaskRequest, RunTaskResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { requestObject } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { failuresOf, placeAsRunTask } from './launch.js';
import { describeTask } from './output.js';

/** @example sim.runTask({ cluster: 'prod', taskDefinition: 'web', count: 3, placementStrategy: [{ type: 'binpack', field: 'memory' }] }) */
export const runTask = operation({ name: 'RunTask', mutates: true, handler });

function handler(state: SimState, request: RunTaskRequest, call: CallContext | undefined): RunTaskResponse {
  const { cluster, tasks, outcome } = placeAsRunTask(state, requestObject(request, 'RunTask'), call, 10, true);
  return { tasks: tasks.map((t) => describeTask(state, t, false)), failures: failuresOf(cluster, outcome) };
}

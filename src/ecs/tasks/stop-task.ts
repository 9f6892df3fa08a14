/**
 * StopTask: the task's desiredStatus becomes STOPPED at once, its lastStatus after the containers'
 * stop timeout (TASK_STOP_MS); a task already told to stop is answered as it is.
 */
import { InvalidParameterException, inEcsWords } from '../../errors.js';
import type { StopTaskRequest, StopTaskResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { optionalString, requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { findTask, requestStop } from './lifecycle.js';
import { describeTask } from './output.js';

/** @example sim.stopTask({ cluster: 'prod', task: taskArn, reason: 'scaling in' }) */
export const stopTask = operation({ name: 'StopTask', mutates: true, handler });

function handler(state: SimState, request: StopTaskRequest): StopTaskResponse {
  const input = requestObject(request, 'StopTask');
  const cluster = clusterFor(state, input);
  const reference = requiredString(input, 'task');
  const reason = optionalString(input, 'reason', 255) ?? 'Task stopped by user';
  const task = findTask(cluster, reference);
  if (task === null) throw inEcsWords(new InvalidParameterException('The referenced task was not found'), 'task');
  requestStop(state, cluster, task, reason);
  return { task: describeTask(state, task, false) };
}

/**
 * DescribeTasks: up to 100 tasks by id or ARN; unknown ones (and STOPPED tasks past their
 * retention) are `failures` with reason MISSING; `include: ['TAGS']` adds tags.
 */
import { cut, InvalidParameterException } from '../../errors.js';
import type { DescribeTasksRequest, DescribeTasksResponse, Failure } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { taskArn } from '../shared/arns.js';
import { optionalArray, requestObject, requiredArray, stringList } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { findTask } from './lifecycle.js';
import { describeTask, type TaskOutput } from './output.js';

/** @example sim.describeTasks({ cluster: 'prod', tasks: [taskArn], include: ['TAGS'] }) */
export const describeTasks = operation({ name: 'DescribeTasks', mutates: false, handler });

function handler(state: SimState, request: DescribeTasksRequest): DescribeTasksResponse {
  const input = requestObject(request, 'DescribeTasks');
  const cluster = clusterFor(state, input);
  const references = stringList(requiredArray(input, 'tasks', 100), 'tasks');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  for (const v of include) if (v !== 'TAGS') throw new InvalidParameterException(`include: the only value is TAGS; got '${cut(v)}'`);
  const tasks: TaskOutput[] = [];
  const failures: Failure[] = [];
  for (const reference of references) {
    const task = findTask(cluster, reference);
    if (task === null) {
      const arn = reference.startsWith('arn:') ? reference : taskArn(state.ctx, cluster.name, reference, true);
      failures.push({ arn, reason: 'MISSING' });
    } else tasks.push(describeTask(state, task, include.includes('TAGS')));
  }
  return { tasks, failures };
}

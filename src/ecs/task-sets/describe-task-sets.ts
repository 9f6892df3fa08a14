/**
 * DescribeTaskSets: a service's task sets (all of them, or those named by id or ARN; unknown
 * ones are `failures` MISSING), tags with `include: ['TAGS']`. Not paged (the API has no token).
 */
import { validateRequest } from '../../model/validate.js';
import type { DescribeTaskSetsRequest, DescribeTaskSetsResponse, Failure, TaskSet } from '../../shapes.js';
import { operation } from '../operation.js';
import { serviceTasks } from '../services/service.js';
import { taskSetArn } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import { describeTaskSet, taskSetService } from './task-set.js';

/** @example sim.describeTaskSets({ cluster: 'prod', service: 'web', include: ['TAGS'] }) */
export const describeTaskSets = operation({ name: 'DescribeTaskSets', mutates: false, handler });

function handler(state: SimState, request: DescribeTaskSetsRequest): DescribeTaskSetsResponse {
  const input = validateRequest('DescribeTaskSets', request);
  const { cluster, service } = taskSetService(state, input);
  const includeTags = (input.include ?? []).includes('TAGS');
  const tasks = serviceTasks(cluster, service);
  const taskSets: TaskSet[] = [];
  const failures: Failure[] = [];
  if (input.taskSets === undefined) {
    for (const set of service.taskSets) taskSets.push(describeTaskSet(cluster, service, set, tasks, includeTags));
  } else {
    for (const reference of input.taskSets) {
      const set = service.taskSets.find((s) => s.id === reference || s.arn === reference);
      if (set !== undefined) taskSets.push(describeTaskSet(cluster, service, set, tasks, includeTags));
      else failures.push({ arn: reference.startsWith('arn:') ? reference : taskSetArn(state.ctx, cluster.name, service.name, reference), reason: 'MISSING' });
    }
  }
  return { taskSets, failures };
}

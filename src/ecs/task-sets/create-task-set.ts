/**
 * CreateTaskSet: a new task set of a service with the EXTERNAL (or CODE_DEPLOY) deployment
 * controller — its own task definition, launch type and network configuration
 * (`tasks/launch-type.ts`), `scale` (default 100%) of the service's desiredCount, `externalId`
 * and tags. It is ACTIVE until UpdateServicePrimaryTaskSet makes it PRIMARY; the scheduler
 * starts its tasks on its next pass, placed like any service task.
 */
import { validateRequest } from '../../model/validate.js';
import type { CreateTaskSetRequest, CreateTaskSetResponse } from '../../shapes.js';
import { quote } from '../../errors.js';
import { operation } from '../operation.js';
import { clientTokenOf, isRetry } from '../shared/client-token.js';
import { scheduleReconcile } from '../services/scheduler.js';
import { serviceTasks } from '../services/service.js';
import { checkTags } from '../shared/tags.js';
import type { SimState } from '../state/state.js';
import { launchTypeOf } from '../tasks/launch-type.js';
import { describeTaskSet, newTaskSet, scalePercentOf, taskSetService } from './task-set.js';

/**
 * @example sim.createTaskSet({ cluster: 'prod', service: 'web', taskDefinition: 'web:2', scale: { value: 10, unit: 'PERCENT' }, externalId: 'canary' })
 */
export const createTaskSet = operation({ name: 'CreateTaskSet', mutates: true, handler });

function handler(state: SimState, request: CreateTaskSetRequest): CreateTaskSetResponse {
  const input = validateRequest('CreateTaskSet', request);
  const { cluster, service: seen } = taskSetService(state, input);
  const td = state.taskDefinitions.resolveLaunchable(input.taskDefinition!);
  const { launchType, networkConfiguration } = launchTypeOf({ launchType: input.launchType, networkConfiguration: input.networkConfiguration, platformVersion: input.platformVersion }, td, false);
  const scalePercent = scalePercentOf(input.scale, 100);
  const tags = checkTags(input.tags ?? [], 'tags');
  const token = clientTokenOf(input);
  // A retry with the same client token and parameters answers the task set the first call made.
  const made = seen.taskSets.find((set) => isRetry(set.clientToken, token, `clientToken ${quote(token?.clientToken)} was used to create task set ${set.id} with other parameters`));
  if (made !== undefined) return { taskSet: describeTaskSet(cluster, seen, made, serviceTasks(cluster, seen), false) };
  const service = cluster.services.get(seen.name)!; // this side's own copy, to change
  const set = newTaskSet(state, cluster, service, {
    taskDefinitionArn: td.taskDefinitionArn!, launchType, networkConfiguration, scalePercent, externalId: input.externalId, tags, primary: false,
    ...(token === undefined ? {} : { clientToken: token }),
  });
  service.taskSets.push(set);
  scheduleReconcile(state, cluster, service.name);
  return { taskSet: describeTaskSet(cluster, service, set, serviceTasks(cluster, service), false) };
}

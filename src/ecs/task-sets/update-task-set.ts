/**
 * UpdateTaskSet: a task set's `scale` (a percentage of its service's desiredCount); the
 * scheduler starts or stops tasks on its next pass. A deleted (DRAINING) task set cannot change.
 */
import { InvalidParameterException } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { UpdateTaskSetRequest, UpdateTaskSetResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { scheduleReconcile } from '../services/scheduler.js';
import { serviceTasks } from '../services/service.js';
import type { SimState } from '../state/state.js';
import { describeTaskSet, scalePercentOf, taskSetFor, taskSetService } from './task-set.js';

/** @example sim.updateTaskSet({ cluster: 'prod', service: 'web', taskSet: 'ecs-svc/1234567890123456789', scale: { value: 50, unit: 'PERCENT' } }) */
export const updateTaskSet = operation({ name: 'UpdateTaskSet', mutates: true, handler });

function handler(state: SimState, request: UpdateTaskSetRequest): UpdateTaskSetResponse {
  const input = validateRequest('UpdateTaskSet', request);
  const { cluster, service: seen } = taskSetService(state, input);
  const found = taskSetFor(seen, input.taskSet!);
  const scalePercent = scalePercentOf(input.scale, found.scalePercent);
  if (found.status === 'DRAINING') throw new InvalidParameterException(`taskSet: ${found.id} is being deleted (DRAINING) and cannot be updated.`);
  const service = cluster.services.get(seen.name)!; // this side's own copy, to change
  const set = service.taskSets.find((s) => s.id === found.id)!;
  set.scalePercent = scalePercent;
  set.updatedAt = state.clock.now;
  scheduleReconcile(state, cluster, service.name);
  return { taskSet: describeTaskSet(cluster, service, set, serviceTasks(cluster, service), false) };
}

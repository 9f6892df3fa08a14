/**
 * UpdateServicePrimaryTaskSet: the named task set becomes the service's PRIMARY one (the one
 * before, if any, ACTIVE); the service shows the primary's task definition. A DRAINING task set
 * cannot become primary.
 */
import { InvalidParameterException } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { UpdateServicePrimaryTaskSetRequest, UpdateServicePrimaryTaskSetResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { serviceTasks } from '../services/service.js';
import type { SimState } from '../state/state.js';
import { describeTaskSet, taskSetFor, taskSetService } from './task-set.js';

/** @example sim.updateServicePrimaryTaskSet({ cluster: 'prod', service: 'web', primaryTaskSet: 'ecs-svc/1234567890123456789' }) */
export const updateServicePrimaryTaskSet = operation({ name: 'UpdateServicePrimaryTaskSet', mutates: true, handler });

function handler(state: SimState, request: UpdateServicePrimaryTaskSetRequest): UpdateServicePrimaryTaskSetResponse {
  const input = validateRequest('UpdateServicePrimaryTaskSet', request);
  const { cluster, service: seen } = taskSetService(state, input);
  const found = taskSetFor(seen, input.primaryTaskSet!, 'primaryTaskSet');
  if (found.status === 'DRAINING') throw new InvalidParameterException(`primaryTaskSet: ${found.id} is being deleted (DRAINING) and cannot become primary.`);
  const service = cluster.services.get(seen.name)!; // this side's own copy, to change
  const set = service.taskSets.find((s) => s.id === found.id)!;
  for (const other of service.taskSets) {
    if (other !== set && other.status === 'PRIMARY') {
      other.status = 'ACTIVE';
      other.updatedAt = state.clock.now;
    }
  }
  if (set.status !== 'PRIMARY') {
    set.status = 'PRIMARY';
    set.updatedAt = state.clock.now;
  }
  return { taskSet: describeTaskSet(cluster, service, set, serviceTasks(cluster, service), false) };
}

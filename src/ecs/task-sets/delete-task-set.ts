/**
 * DeleteTaskSet: the task set goes DRAINING — it wants no tasks any more, the scheduler stops
 * them, and it is gone from the service once they have been told to stop. Refused while it is
 * scaled above 0%, unless `force` [API DeleteTaskSet.force]; a task set already DRAINING is
 * answered as it is.
 */
import { InvalidParameterException } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { DeleteTaskSetRequest, DeleteTaskSetResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { scheduleReconcile } from '../services/scheduler.js';
import { serviceTasks } from '../services/service.js';
import type { SimState } from '../state/state.js';
import { describeTaskSet, taskSetFor, taskSetService } from './task-set.js';

/** @example sim.deleteTaskSet({ cluster: 'prod', service: 'web', taskSet: 'ecs-svc/1234567890123456789', force: true }) */
export const deleteTaskSet = operation({ name: 'DeleteTaskSet', mutates: true, handler });

function handler(state: SimState, request: DeleteTaskSetRequest): DeleteTaskSetResponse {
  const input = validateRequest('DeleteTaskSet', request);
  const { cluster, service: seen } = taskSetService(state, input);
  const found = taskSetFor(seen, input.taskSet!);
  if (found.status !== 'DRAINING' && found.scalePercent > 0 && input.force !== true) {
    throw new InvalidParameterException(`taskSet: ${found.id} is scaled to ${found.scalePercent}%; scale it to 0 first, or delete it with force.`);
  }
  const service = found.status === 'DRAINING' ? seen : cluster.services.get(seen.name)!; // changed: this side's own copy
  const set = service.taskSets.find((s) => s.id === found.id)!;
  if (set.status !== 'DRAINING') {
    set.status = 'DRAINING';
    set.updatedAt = state.clock.now;
    scheduleReconcile(state, cluster, service.name);
  }
  return { taskSet: describeTaskSet(cluster, service, set, serviceTasks(cluster, service), false) };
}

/**
 * DeregisterContainerInstance (reference §3.5).
 *
 * - Unknown instance → ClientException; INACTIVE → ClientException "Container instance <id> is inactive."
 *   (the text ECS answers an inactive instance's re-registration with).
 * - Tasks on the instance (runningTasksCount + pendingTasksCount > 0) without `force` →
 *   InvalidParameterException "Found running tasks on the instance."; nothing changes.
 * - With `force` the tasks are orphaned: ECS no longer accounts for them, so both counts drop to 0.
 * - Not trunked, or REGISTRATION_FAILED (no trunk ENI to remove) → INACTIVE at once.
 * - Trunked (ACTIVE, DRAINING, or REGISTERING while its trunk ENI is provisioned) → DEREGISTERING,
 *   the trunk ENI attachment DETACHING, and after TRUNK_RELEASE_MS the `trunk-released` event
 *   makes it INACTIVE (attachment DELETED).
 * - DEREGISTERING already → answered as it is (no change, no second release).
 * The instance stays describable; ListContainerInstances' default status filter omits INACTIVE.
 */
import { InvalidParameterException } from '../../errors.js';
import type { DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { optionalBoolean, requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { instanceOutput, requireInstance } from './agent.js';
import { retireInstance } from './retire.js';

/** @example sim.deregisterContainerInstance({ cluster: 'prod', containerInstance: id, force: true }) */
export const deregisterContainerInstance = operation({ name: 'DeregisterContainerInstance', mutates: true, handler });

function handler(state: SimState, request: DeregisterContainerInstanceRequest): DeregisterContainerInstanceResponse {
  const input = requestObject(request, 'DeregisterContainerInstance');
  const cluster = clusterFor(state, input);
  const reference = requiredString(input, 'containerInstance');
  const force = optionalBoolean(input, 'force') ?? false;
  const record = requireInstance(cluster, reference, false);
  if (record.status === 'DEREGISTERING') return { containerInstance: instanceOutput(cluster, record, true) };
  const tasks = record.runningTasksCount + record.pendingTasksCount;
  if (tasks > 0 && !force) throw new InvalidParameterException('Found running tasks on the instance.');

  // Forced: the tasks are orphaned — ECS stops tracking them, their holds are released, and
  // services replace them elsewhere.
  retireInstance(state, cluster, record, 'Container instance deregistered');
  return { containerInstance: instanceOutput(cluster, record, true) };
}

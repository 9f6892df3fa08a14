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
import { finishStop } from '../tasks/lifecycle.js';
import { liveTasksOn } from '../tasks/task-index.js';
import { instanceOutput, requireInstance } from './agent.js';
import { setStatus } from './instances.js';
import { TRUNK_RELEASE_MS } from './trunking.js';

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

  if (tasks > 0) {
    // Forced: the tasks are orphaned — ECS stops tracking them, their holds are released, and
    // services replace them elsewhere. (The instance's own tasks only: O(tasks on the instance).)
    for (const task of liveTasksOn(cluster, record.arn)) finishStop(state, cluster, task, 'Container instance deregistered');
    // Counts the simulator did not place (e.g. loaded from a describe output) go too.
    record.runningTasksCount = 0;
    record.pendingTasksCount = 0;
    cluster.store.setRunningTasksCount(record.arn, 0);
    cluster.store.setPendingTasksCount(record.arn, 0);
  }
  if (record.trunked && record.status !== 'REGISTRATION_FAILED') {
    for (const a of record.attachments) if (a.type === 'ElasticNetworkInterface') a.status = 'DETACHING';
    setStatus(state, cluster, record, 'DEREGISTERING');
    state.clock.schedule(TRUNK_RELEASE_MS, 'trunk-released', { cluster: cluster.name, arn: record.arn });
  } else {
    setStatus(state, cluster, record, 'INACTIVE');
  }
  return { containerInstance: instanceOutput(cluster, record, true) };
}

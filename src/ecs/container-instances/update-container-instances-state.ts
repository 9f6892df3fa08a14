/**
 * UpdateContainerInstancesState (reference §3.3): ACTIVE ↔ DRAINING for up to 10 instances.
 *
 * - `status` must be ACTIVE or DRAINING (InvalidParameterException otherwise, REGISTERING etc.
 *   included, although they are values of the ContainerInstanceStatus enum).
 * - References that name nothing in the cluster are `failures` `{arn, reason: 'MISSING'}`.
 * - An instance in REGISTERING, REGISTRATION_FAILED, DEREGISTERING or INACTIVE rejects the whole
 *   call with a ClientException naming it ("an error will be received"); nothing changes.
 * - Re-applying the current status is accepted and changes nothing (no version bump).
 * - A reference repeated (or an id and the ARN of the same instance) is applied and returned once.
 * Every instance that changes gets `version` + 1 and its store status updated. Draining only
 * changes the status here; what happens to tasks belongs to the task scheduler.
 */
import { ClientException, cut, InvalidParameterException } from '../../errors.js';
import type { Failure, UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { optionalString, requestObject, requiredArray, stringList } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { instanceOutput } from './agent.js';
import { findInstance, missingArn, setStatus } from './instances.js';
import type { InstanceRecord } from './record.js';

/** The statuses UpdateContainerInstancesState can set. */
const SETTABLE_STATUSES = ['ACTIVE', 'DRAINING'] as const;

/** At most this many instances per call. */
const MAX_INSTANCES_PER_UPDATE = 10;

/** @example sim.updateContainerInstancesState({ cluster: 'prod', containerInstances: [id], status: 'DRAINING' }) */
export const updateContainerInstancesState = operation({ name: 'UpdateContainerInstancesState', mutates: true, handler });

function handler(state: SimState, request: UpdateContainerInstancesStateRequest): UpdateContainerInstancesStateResponse {
  const input = requestObject(request, 'UpdateContainerInstancesState');
  const cluster = clusterFor(state, input);
  const references = stringList(requiredArray(input, 'containerInstances', MAX_INSTANCES_PER_UPDATE), 'containerInstances');
  const status = optionalString(input, 'status');
  if (status === undefined || status === '') throw new InvalidParameterException('status is required');
  if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) {
    throw new InvalidParameterException(`Container instance status should be one of [ACTIVE, DRAINING]; got '${cut(status)}'`);
  }

  // Validate every reference before changing anything.
  const found: InstanceRecord[] = [];
  const failures: Failure[] = [];
  for (const reference of references) {
    const record = findInstance(cluster, reference);
    if (record === null) {
      const arn = missingArn(state, cluster, reference);
      if (!failures.some((f) => f.arn === arn)) failures.push({ arn, reason: 'MISSING' });
      continue;
    }
    if (found.includes(record)) continue;
    if (record.status === 'INACTIVE') {
      throw new ClientException(`Container instance ${record.id} is inactive.`);
    }
    if (record.status !== 'ACTIVE' && record.status !== 'DRAINING') {
      throw new ClientException(
        `Container instance ${record.id} is ${record.status}; only ACTIVE or DRAINING container instances can be set to ${status}.`,
      );
    }
    found.push(record);
  }

  for (const record of found) {
    if (record.status !== status) setStatus(state, cluster, record, status);
  }
  return { containerInstances: found.map((r) => instanceOutput(cluster, r, true)), failures };
}

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
import { ClientException, InvalidParameterException } from '../../errors.js';
import type { ContainerInstance } from '../../shapes.js';
import { instanceOutput } from './agent.js';
import { clusterFor } from '../clusters/cluster.js';
import { findInstance, missingArn, setStatus } from './instances.js';
import { scheduleReconcile } from '../services/scheduler.js';
import type { CallContext, InstanceRecord, SimState } from '../state/state.js';
import { optionalString, requestObject, requiredArray, stringList } from '../shared/validate.js';

/** A `failures` entry (the 2019 `Failure` shape: `arn` and `reason`). */
export interface Failure {
  arn: string;
  reason: string;
}

/** The UpdateContainerInstancesState response (`UpdateContainerInstancesStateResponse` of the SDK). */
export interface UpdateContainerInstancesStateOutput {
  containerInstances: ContainerInstance[];
  failures: Failure[];
}

/** The statuses UpdateContainerInstancesState can set. */
export const SETTABLE_STATUSES = ['ACTIVE', 'DRAINING'] as const;

/** At most this many instances per call. */
export const MAX_INSTANCES_PER_UPDATE = 10;

export function updateContainerInstancesState(state: SimState, request: unknown, _call?: CallContext): UpdateContainerInstancesStateOutput {
  const input = requestObject(request, 'UpdateContainerInstancesState');
  const cluster = clusterFor(state, input);
  const references = stringList(requiredArray(input, 'containerInstances', MAX_INSTANCES_PER_UPDATE), 'containerInstances');
  const status = optionalString(input, 'status');
  if (status === undefined || status === '') throw new InvalidParameterException('status is required');
  if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) {
    throw new InvalidParameterException(`Container instance status should be one of [ACTIVE, DRAINING]; got '${status}'`);
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
    if (record.status !== status) setStatus(cluster, record, status);
  }
  // Draining moves service tasks (and reactivation adds capacity): the scheduler acts next.
  scheduleReconcile(state, cluster);
  return { containerInstances: found.map((r) => instanceOutput(cluster, r, true)), failures };
}

/**
 * StartTask: one task on each named container instance (up to 10); strategies and constraints do
 * not apply. Unknown instances are `failures` MISSING, deregistered ones INACTIVE.
 */
import type { StartTaskRequest, StartTaskResponse } from '../../shapes.js';
import { findInstance } from '../container-instances/instances.js';
import { operation } from '../operation.js';
import { containerInstanceArn } from '../shared/arns.js';
import { requestObject, requiredArray, stringList } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { commonInput, failuresOf, launchRequest, type TaskFailure } from './launch.js';
import { launchTasks } from './lifecycle.js';
import { describeTask } from './output.js';
import type { TaskRecord } from './record.js';

/** @example sim.startTask({ cluster: 'prod', taskDefinition: 'web', containerInstances: [id] }) */
export const startTask = operation({ name: 'StartTask', mutates: true, handler });

function handler(state: SimState, request: StartTaskRequest, call: CallContext | undefined): StartTaskResponse {
  const input = requestObject(request, 'StartTask');
  const { cluster, td, startedBy, group, tags, requirements, overrides } = commonInput(state, input, false);
  const references = stringList(requiredArray(input, 'containerInstances', 10), 'containerInstances');
  // StartTask places one task on each named instance; strategies and constraints do not apply.
  const tasks: TaskRecord[] = [];
  const failures: TaskFailure[] = [];
  for (const reference of references) {
    const record = findInstance(cluster, reference);
    if (record === null) {
      failures.push({ arn: reference.startsWith('arn:') ? reference : containerInstanceArn(state.ctx, cluster.name, reference, true), reason: 'MISSING' });
      continue;
    }
    if (record.status === 'INACTIVE') {
      failures.push({ arn: record.arn, reason: 'INACTIVE' });
      continue;
    }
    const slot = cluster.store.slotOf(record.arn);
    const { tasks: placed, outcome } = launchTasks(state, cluster, launchRequest(state, td, call, {
      group, count: 1, constraints: [], strategies: [], onlySlots: [slot], tags, requirements,
      ...(startedBy === undefined ? {} : { startedBy }),
      ...(overrides === undefined ? {} : { overrides }),
    }));
    tasks.push(...placed);
    failures.push(...failuresOf(cluster, outcome));
  }
  return { tasks: tasks.map((t) => describeTask(state, t, false)), failures };
}

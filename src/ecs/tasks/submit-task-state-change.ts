/**
 * SubmitTaskStateChange (agent-only): the agent reports that a task changed state, with what
 * its containers did. STOPPED: the task is STOPPED at once (the agent says its containers have
 * exited), releasing its resources; a service replaces it on its next pass. RUNNING: a PENDING
 * task is RUNNING now. PENDING: nothing moves. The containers' reports (status, exit code,
 * reason) are recorded and shown by DescribeTasks. Answers `{ acknowledgment: 'ACK' }`.
 */
import { validateRequest } from '../../model/validate.js';
import type { SubmitTaskStateChangeRequest, SubmitTaskStateChangeResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { containerReport, ESSENTIAL_CONTAINER_EXITED, recordContainerReports, reportedStatus, reportedTask, REPORT_ACKNOWLEDGMENT } from './agent-reports.js';
import { finishStop, onTaskStarted } from './lifecycle.js';

/**
 * @example sim.submitTaskStateChange({ cluster: 'prod', task: taskArn, status: 'STOPPED', reason: 'OutOfMemoryError',
 *   containers: [{ containerName: 'app', status: 'STOPPED', exitCode: 137 }] }) // → { acknowledgment: 'ACK' }
 */
export const submitTaskStateChange = operation({ name: 'SubmitTaskStateChange', mutates: true, handler });

function handler(state: SimState, request: SubmitTaskStateChangeRequest): SubmitTaskStateChangeResponse {
  const input = validateRequest('SubmitTaskStateChange', request);
  const cluster = clusterFor(state, { cluster: input.cluster });
  const seen = reportedTask(cluster, input.task);
  const status = reportedStatus(input.status, 'status');
  const reports = (input.containers ?? []).map((c, i) => containerReport(seen, c.containerName, c.status, c.exitCode, c.reason, `containers[${i}].`));
  if (seen.lastStatus === 'STOPPED') return { acknowledgment: REPORT_ACKNOWLEDGMENT };
  const task = recordContainerReports(state, cluster, seen, reports);
  if (status === 'STOPPED') {
    const exited = reports.some(([, r]) => r.exitCode !== undefined);
    finishStop(state, cluster, task, input.reason ?? (exited ? ESSENTIAL_CONTAINER_EXITED : 'Task stopped by the container agent'));
  } else if (status === 'RUNNING') onTaskStarted(state, cluster.name, task.arn);
  return { acknowledgment: REPORT_ACKNOWLEDGMENT };
}

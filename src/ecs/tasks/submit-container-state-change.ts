/**
 * SubmitContainerStateChange (agent-only): the agent reports that one container of a task
 * changed state (status, exit code, reason). The report is recorded and shown by DescribeTasks.
 * An essential container (the default) reported STOPPED stops its task as ECS does: desiredStatus
 * STOPPED now, "Essential container in task exited", STOPPED once the other containers have had
 * their stop timeout (TASK_STOP_MS); a service replaces it. Answers `{ acknowledgment: 'ACK' }`.
 */
import { validateRequest } from '../../model/validate.js';
import type { SubmitContainerStateChangeRequest, SubmitContainerStateChangeResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { containerReport, ESSENTIAL_CONTAINER_EXITED, isEssential, recordContainerReports, reportedTask, REPORT_ACKNOWLEDGMENT } from './agent-reports.js';
import { requestStop } from './lifecycle.js';

/**
 * @example sim.submitContainerStateChange({ cluster: 'prod', task: taskArn, containerName: 'app', status: 'STOPPED', exitCode: 1 })
 * // → { acknowledgment: 'ACK' }; the task stops and its service replaces it
 */
export const submitContainerStateChange = operation({ name: 'SubmitContainerStateChange', mutates: true, handler });

function handler(state: SimState, request: SubmitContainerStateChangeRequest): SubmitContainerStateChangeResponse {
  const input = validateRequest('SubmitContainerStateChange', request);
  const cluster = clusterFor(state, { cluster: input.cluster });
  const seen = reportedTask(cluster, input.task);
  const report = containerReport(seen, input.containerName, input.status, input.exitCode, input.reason, '');
  if (seen.lastStatus === 'STOPPED') return { acknowledgment: REPORT_ACKNOWLEDGMENT };
  const task = recordContainerReports(state, cluster, seen, [report]);
  if (report[1].lastStatus === 'STOPPED' && isEssential(state, task, report[0])) requestStop(state, cluster, task, ESSENTIAL_CONTAINER_EXITED);
  return { acknowledgment: REPORT_ACKNOWLEDGMENT };
}

/**
 * An instance leaving the cluster, by deregistration (`DeregisterContainerInstance` with force)
 * or because its EC2 instance was terminated (the `fail` what-ifs): its tasks stop at once, their
 * holds are released (ECS no longer tracks them; services replace them), and the instance goes
 * INACTIVE — through DEREGISTERING while a trunk ENI is removed (reference §3.2, §3.5, §7).
 * Only the instance's own tasks are read (the live-task index): O(tasks on the instance).
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { SimState } from '../state/state.js';
import { finishStop } from '../tasks/lifecycle.js';
import { liveTasksOn } from '../tasks/task-index.js';
import { setStatus } from './instances.js';
import type { InstanceRecord } from './record.js';
import { TRUNK_RELEASE_MS } from './trunking.js';

/** ECS's stopped reason for the tasks of a terminated host (reference §7). */
export function hostTerminatedReason(record: InstanceRecord): string {
  return `Host EC2 (instance ${record.ec2InstanceId ?? record.id}) terminated.`;
}

/** Stops the instance's tasks with `stoppedReason` and takes it out of the cluster. */
export function retireInstance(state: SimState, cluster: ClusterRecord, record: InstanceRecord, stoppedReason: string): void {
  if (record.runningTasksCount + record.pendingTasksCount > 0) {
    for (const task of liveTasksOn(cluster, record.arn)) finishStop(state, cluster, task, stoppedReason);
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
}

/**
 * The EC2 instance behind a container instance was terminated: its agent is gone
 * (`agentConnected` false), its tasks stop with "Host EC2 (instance i-…) terminated.", and it
 * goes INACTIVE. An instance already INACTIVE or DEREGISTERING is left as it is.
 */
export function terminateInstance(state: SimState, cluster: ClusterRecord, containerInstanceArn: string): void {
  const seen = cluster.instances.peek(containerInstanceArn);
  if (seen === undefined || seen.status === 'INACTIVE' || seen.status === 'DEREGISTERING') return;
  const record = cluster.instances.get(containerInstanceArn)!;
  if (record.agentConnected) {
    record.agentConnected = false;
    cluster.store.setAgentConnected(record.arn, false);
  }
  retireInstance(state, cluster, record, hostTerminatedReason(record));
}

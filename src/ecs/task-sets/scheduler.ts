/**
 * The scheduler's pass over a service deployed by task sets (EXTERNAL or CODE_DEPLOY controller,
 * reference §7): each task set keeps `computedDesiredCount` tasks of its own task definition and
 * launch type, placed by the same engine as any service task; tasks on instances that are no
 * longer ACTIVE are replaced; above the count, the newest stop first (PENDING before RUNNING). A
 * task set is STEADY_STATE when exactly its count of tasks runs and none is pending, else
 * STABILIZING. A task set's tasks are started by it (`startedBy`: its id, as ECS writes the
 * deployment that started a service's task: how a dump tells whose they are). A deleted
 * (DRAINING) task set goes once its tasks have been told to stop; the service, DRAINING once
 * deleted, goes INACTIVE when it has no task left.
 */
import type { ClusterRecord } from '../clusters/record.js';
import { launchServiceTasks, serviceLaunchRequest } from '../services/launch.js';
import type { ServiceRecord } from '../services/record.js';
import type { SimState } from '../state/state.js';
import { requestStop } from '../tasks/lifecycle.js';
import type { TaskRecord } from '../tasks/record.js';
import { computedDesiredCount } from './task-set.js';

/**
 * One pass over a task-set service; `known` are its tasks not told to stop. Returns whether a task
 * set could not place all it wants (the scheduler then tries the service on every pass).
 */
export function reconcileTaskSets(
  state: SimState, cluster: ClusterRecord, service: ServiceRecord, known: readonly TaskRecord[], active: (instanceArn: string) => boolean,
): boolean {
  const bySet = new Map<string, TaskRecord[]>();
  for (const t of known) {
    const key = t.taskSetId ?? '';
    const list = bySet.get(key);
    if (list === undefined) bySet.set(key, [t]);
    else list.push(t);
  }
  let left = 0;
  let waiting = false;
  // Tasks of no (longer existing) task set stop.
  for (const [id, tasks] of bySet) if (!service.taskSets.some((s) => s.id === id)) for (const t of tasks) requestStop(state, cluster, t, 'Task set deleted');
  for (const set of [...service.taskSets]) {
    const desired = computedDesiredCount(service, set);
    let live: TaskRecord[] = [];
    for (const t of bySet.get(set.id) ?? []) {
      if (t.containerInstanceArn !== undefined && !active(t.containerInstanceArn)) requestStop(state, cluster, t, 'Task set: task moved off a draining instance');
      else live.push(t);
    }
    if (live.length < desired) {
      const launched = launchServiceTasks(state, cluster, service, serviceLaunchRequest(state, service, set.taskDefinitionArn, desired - live.length, { taskSetId: set.id, launchType: set.launchType, startedBy: set.id }));
      live.push(...launched.tasks);
      waiting ||= launched.waiting;
    }
    if (live.length > desired) {
      // Newest first, PENDING before RUNNING.
      const order = [...live].sort((a, b) => (a.lastStatus === 'PENDING' ? 0 : 1) - (b.lastStatus === 'PENDING' ? 0 : 1) || b.createdAt - a.createdAt);
      const excess = live.length - desired;
      for (const t of order.slice(0, excess)) requestStop(state, cluster, t, 'Task set scaled in');
      live = order.slice(excess);
    }
    left += live.length;
    const steady = live.length === desired && live.every((t) => t.lastStatus === 'RUNNING');
    const stability = steady ? 'STEADY_STATE' : 'STABILIZING';
    if (stability !== set.stabilityStatus) {
      set.stabilityStatus = stability;
      set.stabilityStatusAt = state.clock.now;
    }
    if (set.status === 'DRAINING' && live.length === 0) service.taskSets.splice(service.taskSets.indexOf(set), 1);
  }
  if (service.status === 'DRAINING' && left === 0) service.status = 'INACTIVE';
  return waiting;
}

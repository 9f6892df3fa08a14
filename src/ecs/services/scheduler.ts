/**
 * The service scheduler (reference §3.4): REPLICA services here; DAEMON services (`daemon.ts`) and
 * services deployed by task sets (`../task-sets/scheduler.ts`) are passed to their own policies,
 * DAEMON ones first in each pass. For a REPLICA service, on the simulated clock: keep
 * `desiredCount` tasks, replace tasks on DRAINING instances and tasks of an older task definition
 * within `minimumHealthyPercent` / `maximumPercent`, and scale in from the busiest instances
 * first. It looks at a cluster 1 s after something changed: a service changed (the service
 * operations call `scheduleReconcile`), or an event on the state's bus — a service task became
 * RUNNING (what it replaces may stop), a task STOPPED (capacity freed, a service may be short),
 * a container instance registered or changed status (draining moves tasks; new capacity).
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { SimEvent } from '../state/events.js';
import type { SimState } from '../state/state.js';
import { requestStop } from '../tasks/lifecycle.js';
import type { TaskRecord } from '../tasks/record.js';
import { reconcileTaskSets } from '../task-sets/scheduler.js';
import type { ServiceRecord } from './record.js';
import { reconcileDaemon } from './daemon.js';
import { addEvent, launchServiceTasks, serviceLaunchRequest } from './launch.js';
import { serviceTasks } from './service.js';

/** Simulated delay between a change and the scheduler acting on it. */
export const RECONCILE_DELAY_MS = 1_000;
/**
 * Subscribes the scheduler to a state's events (each state, a fork included, once: see
 * `state/wiring.ts`). The events carry the service and instance they touched; the scheduler still
 * looks at every service of the cluster on its next pass.
 */
export function subscribeScheduler(state: SimState): void {
  state.events.subscribe((event) => onEvent(state, event));
}

function onEvent(state: SimState, event: SimEvent): void {
  // A task of no service becoming RUNNING frees nothing and replaces nothing.
  if (event.kind === 'task-state-change' && event.lastStatus === 'RUNNING' && event.serviceName === undefined) return;
  const cluster = state.clusters.get(event.cluster);
  if (cluster !== undefined) scheduleReconcile(state, cluster);
}

/** Asks the scheduler to look at a cluster's services soon (once, however often it is asked). */
export function scheduleReconcile(state: SimState, cluster: ClusterRecord): void {
  if (cluster.services.size === 0 || cluster.reconcilePending) return;
  cluster.reconcilePending = true;
  state.clock.schedule(RECONCILE_DELAY_MS, 'services-reconcile', { cluster: cluster.name });
}

export function onReconcile(state: SimState, clusterName: string): void {
  const cluster = state.clusters.get(clusterName);
  if (cluster === undefined) return;
  cluster.reconcilePending = false;
  // One pass over the tasks for all services, not one per service per step: with hundreds of
  // services and tens of thousands of tasks the per-service scans dominated every clock tick.
  const byService = new Map<string, TaskRecord[]>();
  for (const t of cluster.tasks.values()) {
    if (t.serviceName === undefined || t.desiredStatus !== 'RUNNING') continue;
    const list = byService.get(t.serviceName);
    if (list === undefined) byService.set(t.serviceName, [t]);
    else list.push(t);
  }
  const active = activeInstances(cluster);
  // DAEMON services first: a new instance gets its daemons before replica tasks take its room.
  const services = [...cluster.services.values()].filter((s) => s.status !== 'INACTIVE');
  for (const service of [...services.filter((s) => s.schedulingStrategy === 'DAEMON'), ...services.filter((s) => s.schedulingStrategy !== 'DAEMON')]) {
    reconcile(state, cluster, service, byService.get(service.name) ?? [], active);
  }
}

/**
 * Whether an instance is ACTIVE, looked up once per instance for a scheduler pass (no pass
 * changes an instance's status).
 */
function activeInstances(cluster: ClusterRecord): (instanceArn: string) => boolean {
  const memo = new Map<string, boolean>();
  return (arn) => {
    let active = memo.get(arn);
    if (active === undefined) memo.set(arn, (active = cluster.instances.peek(arn)?.status === 'ACTIVE'));
    return active;
  };
}

/** One pass of the service scheduler. */
export function reconcile(
  state: SimState,
  cluster: ClusterRecord,
  service: ServiceRecord,
  tasksAtStart?: readonly TaskRecord[],
  active = activeInstances(cluster),
): void {
  if (service.schedulingStrategy === 'DAEMON') return reconcileDaemon(state, cluster, service, tasksAtStart ?? serviceTasks(cluster, service));
  if (service.deploymentController !== 'ECS') return reconcileTaskSets(state, cluster, service, tasksAtStart ?? serviceTasks(cluster, service), active);
  // A task to be replaced: on a DRAINING (or gone) instance, or of an older task definition.
  // (a FARGATE task has no instance to drain)
  const outdated = (t: TaskRecord) => t.taskDefinitionArn !== service.taskDefinitionArn || (t.containerInstanceArn !== undefined && !active(t.containerInstanceArn));
  // The service's tasks not told to stop at the start of the pass. The pass does not rescan them:
  // it notes the ones it stops (their records may be fork-shared copies, so their own
  // desiredStatus is not what to read) and keeps the ones it starts apart. One pass can run over
  // tens of thousands of tasks every simulated second, so it counts rather than copies.
  const known = tasksAtStart ?? serviceTasks(cluster, service);
  const stopped = new Set<string>();
  const stop = (t: TaskRecord, reason: string) => {
    requestStop(state, cluster, t, reason);
    stopped.add(t.arn);
  };
  const alive = (t: TaskRecord) => stopped.size === 0 || !stopped.has(t.arn);
  let placed: readonly TaskRecord[] = [];
  const desired = service.status === 'DRAINING' ? 0 : service.desiredCount;
  // PENDING tasks that must move stop at once; they were not serving yet.
  for (const t of known) if (t.lastStatus === 'PENDING' && outdated(t)) stop(t, 'Service scheduler: task moved off a draining instance or replaced by a new deployment');
  const old: TaskRecord[] = [];
  let total = 0;
  for (const t of known) {
    if (!alive(t)) continue;
    total++;
    if (outdated(t)) old.push(t);
  }
  const current = total - old.length;
  const maxTotal = Math.floor((desired * service.maximumPercent) / 100);
  const minHealthy = Math.ceil((desired * service.minimumHealthyPercent) / 100);

  // Start: up to desired current tasks, never above maximumPercent of desired in total.
  const start = Math.max(0, Math.min(desired - current, maxTotal - total));
  if (start > 0) {
    placed = launchServiceTasks(state, cluster, service, serviceLaunchRequest(state, service, service.taskDefinitionArn, start, {}));
  }

  // Stop old tasks while at least minimumHealthyPercent of desired stay RUNNING.
  // (the tasks just started are PENDING)
  let running = 0;
  for (const t of known) if (t.lastStatus === 'RUNNING' && alive(t)) running++;
  let stoppable = Math.max(0, running - minHealthy);
  for (const t of old) {
    if (stoppable === 0) break;
    if (t.lastStatus !== 'RUNNING') continue;
    stop(t, 'Service scheduler: task replaced (instance draining or new deployment)');
    stoppable--;
  }

  // Scale in: current tasks above desired stop, one at a time, each from the AZ and then the
  // instance holding the most of the service's tasks at that moment (the mirror of the default
  // spread; reference §2.3), PENDING before RUNNING, newest first.
  // (the old-task loop above stops old tasks only, and started tasks are current)
  const excess = current + placed.length - desired;
  if (excess > 0) {
    const currentTasks = [...known.filter((t) => alive(t) && !outdated(t)), ...placed];
    // (FARGATE tasks, on no instance, count as one AZ and one instance: '')
    const instanceOf = (t: TaskRecord) => t.containerInstanceArn ?? '';
    const azOf = (t: TaskRecord) => cluster.instances.peek(instanceOf(t))?.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? '';
    const perAz = new Map<string, number>();
    const perInstance = new Map<string, number>();
    for (const t of currentTasks) {
      perAz.set(azOf(t), (perAz.get(azOf(t)) ?? 0) + 1);
      perInstance.set(instanceOf(t), (perInstance.get(instanceOf(t)) ?? 0) + 1);
    }
    const remaining = [...currentTasks];
    for (let k = 0; k < excess; k++) {
      let best = 0;
      for (let i = 1; i < remaining.length; i++) {
        const a = remaining[i]!;
        const b = remaining[best]!;
        // Positive when a is the better one to stop.
        const order = (a.lastStatus === 'PENDING' ? 1 : 0) - (b.lastStatus === 'PENDING' ? 1 : 0)
          || perAz.get(azOf(a))! - perAz.get(azOf(b))!
          || perInstance.get(instanceOf(a))! - perInstance.get(instanceOf(b))!
          || a.createdAt - b.createdAt;
        if (order > 0) best = i;
      }
      const victim = remaining.splice(best, 1)[0]!;
      perAz.set(azOf(victim), perAz.get(azOf(victim))! - 1);
      perInstance.set(instanceOf(victim), perInstance.get(instanceOf(victim))! - 1);
      stop(victim, 'Service scheduler: scaling in');
    }
    addEvent(state, service, `(service ${service.name}) has stopped ${excess} running tasks.`);
  }
  if (service.status === 'DRAINING' && placed.length === 0 && !known.some(alive)) service.status = 'INACTIVE';
}

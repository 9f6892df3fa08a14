/**
 * The service scheduler (reference §3.4): REPLICA services here; DAEMON services (`daemon.ts`) and
 * services deployed by task sets (`../task-sets/scheduler.ts`) are passed to their own policies,
 * DAEMON ones first in each pass. For a REPLICA service, on the simulated clock: keep
 * `desiredCount` tasks, replace tasks on DRAINING instances and tasks of an older task definition
 * within `minimumHealthyPercent` / `maximumPercent`, and scale in from the busiest instances
 * first. It looks at a cluster 1 s after something changed: a service changed (the service
 * operations call `scheduleReconcile`), or an event on the state's bus — a service task became
 * RUNNING (what it replaces may stop), a task STOPPED (capacity freed, a service may be short),
 * a container instance registered or changed status (draining moves tasks; new capacity) — and
 * then only at the services those changes concern (see `subscribeScheduler`).
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { SimEvent } from '../state/events.js';
import type { SimState } from '../state/state.js';
import { requestStop } from '../tasks/lifecycle.js';
import type { TaskRecord } from '../tasks/record.js';
import { liveTasksOn } from '../tasks/task-index.js';
import { reconcileTaskSets } from '../task-sets/scheduler.js';
import { reconcileDaemon } from './daemon.js';
import { addEvent, launchServiceTasks, serviceLaunchRequest } from './launch.js';
import type { ServiceRecord } from './record.js';
import { aliveCount, forgetSummary, noteInstanceEvent, noteTaskEvent, summarise } from './task-summary.js';
import { fullView, summaryView, type ServiceTasksView } from './task-view.js';

/** Simulated delay between a change and the scheduler acting on it. */
export const RECONCILE_DELAY_MS = 1_000;
/**
 * Subscribes the scheduler to a state's events (each state, a fork included, once: see
 * `state/wiring.ts`). The events carry the service and instance they touched; the scheduler notes
 * which services they concern (`dirtyServices`) and its next pass looks at those, plus the
 * services still waiting to place tasks (`waitingServices`), instead of every service.
 *
 * Why that is the same as looking at every service: a pass changes nothing for a service whose
 * last pass placed all it wanted, unless since then the service changed (API calls mark it), one
 * of its tasks changed (placed, told to stop, RUNNING, STOPPED: its events mark it), or an instance
 * holding one of its tasks changed status (marked through the tasks-by-instance index). A service
 * that could not place everything depends on the whole cluster, so it is tried on every pass, as
 * before. `test/ecs/services/scheduler-differential.test.ts` holds the two modes to the same states.
 */
export function subscribeScheduler(state: SimState): void {
  state.events.subscribe((event) => onEvent(state, event));
}

function onEvent(state: SimState, event: SimEvent): void {
  const cluster = state.clusters.get(event.cluster);
  if (cluster === undefined || cluster.services.size === 0) return;
  if (event.kind === 'task-state-change') {
    noteTaskEvent(cluster, event);
    // Placed: by a pass (which counted it) or RunTask; it takes capacity and frees none.
    if (event.lastStatus === 'PENDING' && event.desiredStatus === 'RUNNING') return;
    if (event.serviceName !== undefined) cluster.dirtyServices.add(event.serviceName);
    // Told to stop: its service looks again on the next pass; the STOPPED event that follows
    // asks for that pass.
    if (event.lastStatus !== 'STOPPED' && event.desiredStatus === 'STOPPED') return;
    // A task of no service becoming RUNNING frees nothing and replaces nothing.
    if (event.lastStatus === 'RUNNING' && event.serviceName === undefined) return;
  } else {
    const tasksOnIt = liveTasksOn(cluster, event.containerInstanceArn);
    noteInstanceEvent(cluster, tasksOnIt);
    for (const t of tasksOnIt) if (t.serviceName !== undefined) cluster.dirtyServices.add(t.serviceName);
  }
  if (cluster.dirtyServices.size > 0 || cluster.waitingServices.size > 0) schedulePass(state, cluster);
}

/**
 * Asks the scheduler to look at a service soon (API calls), or — without a service — at every
 * service of the cluster (a cluster just loaded). One pass, however often it is asked.
 */
export function scheduleReconcile(state: SimState, cluster: ClusterRecord, serviceName?: string): void {
  // Its task definition may have changed: its summary is made again on its next pass.
  if (serviceName !== undefined) {
    cluster.dirtyServices.add(serviceName);
    forgetSummary(cluster, serviceName);
  } else for (const name of cluster.services.keys()) cluster.dirtyServices.add(name);
  schedulePass(state, cluster);
}

function schedulePass(state: SimState, cluster: ClusterRecord): void {
  if (cluster.services.size === 0 || cluster.reconcilePending) return;
  cluster.reconcilePending = true;
  state.clock.schedule(RECONCILE_DELAY_MS, 'services-reconcile', { cluster: cluster.name });
}

/** A scheduler pass: the services marked since the last one and those waiting to place, in creation order. */
export function onReconcile(state: SimState, clusterName: string): void {
  const cluster = state.clusters.get(clusterName);
  if (cluster === undefined) return;
  cluster.reconcilePending = false;
  const dirty = [...cluster.dirtyServices];
  cluster.dirtyServices.clear();
  const { waitingServices: waiting } = cluster;
  const names = cluster.everyServicePass ? [...cluster.services.keys()] : inCreationOrder(cluster, new Set([...dirty, ...waiting]));
  // DAEMON services first: a new instance gets its daemons before replica tasks take its room.
  const isDaemon = (name: string) => cluster.services.peek(name)?.schedulingStrategy === 'DAEMON';
  for (const name of [...names.filter(isDaemon), ...names.filter((n) => !isDaemon(n))]) {
    const seen = cluster.services.peek(name);
    if (seen?.status !== 'ACTIVE' && seen?.status !== 'DRAINING') continue;
    if (!cluster.everyServicePass && settled(cluster, seen)) {
      waiting.delete(name);
      continue;
    }
    const service = cluster.services.get(name)!;
    const view = cluster.everyServicePass ? fullView(cluster, service) : summaryView(cluster, service);
    if (reconcile(state, cluster, service, view)) waiting.add(name);
    else waiting.delete(name);
    if (!cluster.serviceSummaries.has(name)) summarise(cluster, name);
  }
}

/**
 * Whether a pass would change nothing for an ACTIVE REPLICA service the scheduler deploys, from
 * its summary: none of its tasks is outdated and as many as desired are not told to stop (then it
 * starts, stops and scales in nothing). A service without a summary is not known to be settled;
 * DAEMON services and task sets depend on more than their tasks.
 */
function settled(cluster: ClusterRecord, service: ServiceRecord): boolean {
  if (service.status !== 'ACTIVE' || service.schedulingStrategy !== 'REPLICA' || service.deploymentController !== 'ECS') return false;
  const summary = cluster.serviceSummaries.peek(service.name);
  return summary !== undefined && summary.outdated.size === 0 && aliveCount(cluster, service.name, summary) === service.desiredCount;
}

/** The named services in the order of the cluster's service map (the order a full pass visits them). */
function inCreationOrder(cluster: ClusterRecord, names: Set<string>): string[] {
  if (names.size === 0) return [];
  // Few names: sort them by position; many: walk the map (both give map order).
  if (names.size * 8 < cluster.services.size) {
    const present = [...names].filter((n) => cluster.services.has(n));
    const position = servicePositions(cluster, present);
    return present.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  const out: string[] = [];
  for (const name of cluster.services.keys()) if (names.has(name)) out.push(name);
  return out;
}

// (Keyed by the service map: a cluster record is copied in every transaction, its map is not.)
const positions = new WeakMap<ClusterRecord['services'], { size: number; position: Map<string, number> }>();

/**
 * Each service's place in the map; services are never removed, so it holds while the count does
 * and knows every name asked for (a service added in a transaction that was rolled back may have
 * left a place that another one now has).
 */
function servicePositions(cluster: ClusterRecord, names: readonly string[]): Map<string, number> {
  const kept = positions.get(cluster.services);
  if (kept !== undefined && kept.size === cluster.services.size && names.every((n) => kept.position.has(n))) return kept.position;
  // (Made once per fork: its map's forEach makes no list of the services first.)
  const position = new Map<string, number>();
  cluster.services.forEach((_, name) => position.set(name, position.size));
  positions.set(cluster.services, { size: cluster.services.size, position });
  return position;
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

/**
 * One service's pass: a function of the service, its tasks (a view of them, `task-view.ts`) and
 * the status of the instances they are on. Returns whether the service still waits to place
 * tasks (it wanted more than placement found room for), so the next pass tries it again.
 */
export function reconcile(state: SimState, cluster: ClusterRecord, service: ServiceRecord, view: ServiceTasksView): boolean {
  if (service.schedulingStrategy === 'DAEMON') return reconcileDaemon(state, cluster, service, view.all());
  if (service.deploymentController !== 'ECS') return reconcileTaskSets(state, cluster, service, view.all(), activeInstances(cluster));
  // The pass does not rescan the tasks: it notes the ones it stops (their records may be
  // fork-shared copies, so their own desiredStatus is not what to read) and keeps the ones it
  // starts apart. It reads every task only to scale in.
  const stopped = new Set<string>();
  const stop = (t: TaskRecord, reason: string) => {
    requestStop(state, cluster, t, reason);
    stopped.add(t.arn);
  };
  const alive = (t: TaskRecord) => stopped.size === 0 || !stopped.has(t.arn);
  let placed: readonly TaskRecord[] = [];
  let waiting = false;
  const desired = service.status === 'DRAINING' ? 0 : service.desiredCount;
  // PENDING tasks that must move stop at once; they were not serving yet.
  for (const t of view.outdated) if (t.lastStatus === 'PENDING') stop(t, 'Service scheduler: task moved off a draining instance or replaced by a new deployment');
  // Tasks to be replaced (on a DRAINING or gone instance, or of an older task definition), oldest first.
  const old = view.outdated.filter(alive);
  const total = view.alive - stopped.size;
  const current = total - old.length;
  const maxTotal = Math.floor((desired * service.maximumPercent) / 100);
  const minHealthy = Math.ceil((desired * service.minimumHealthyPercent) / 100);

  // Start: up to desired current tasks, never above maximumPercent of desired in total.
  const start = Math.max(0, Math.min(desired - current, maxTotal - total));
  if (start > 0) {
    ({ tasks: placed, waiting } = launchServiceTasks(state, cluster, service, serviceLaunchRequest(state, service, service.taskDefinitionArn, start, {})));
  }

  // Stop old tasks while at least minimumHealthyPercent of desired stay RUNNING.
  // (the tasks just started are PENDING, and the ones stopped above were)
  let stoppable = Math.max(0, view.running - minHealthy);
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
    const outdated = new Set(old.map((t) => t.arn));
    const currentTasks = [...view.all().filter((t) => alive(t) && !outdated.has(t.arn)), ...placed];
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
  if (service.status === 'DRAINING' && placed.length === 0 && total === 0) service.status = 'INACTIVE';
  return waiting;
}

/**
 * The DAEMON scheduling strategy (reference §7): exactly one task of the service on each ACTIVE
 * container instance that satisfies its placement constraints (the task definition's memberOf
 * and the service's), instances registered later included; `desiredCount` is how many such
 * instances there are. A task on an instance that no longer qualifies stops — on a DRAINING
 * instance only once every other (non-daemon) task there has stopped, so the daemon outlives the
 * tasks it serves. A new task definition replaces each task by stopping it first and starting the
 * new one once it has stopped (a daemon's instance has room for one). The scheduler passes DAEMON
 * services before REPLICA ones, so a new instance gets its daemons before its replica tasks.
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { SimState } from '../state/state.js';
import { requestStop } from '../tasks/lifecycle.js';
import type { TaskRecord } from '../tasks/record.js';
import { liveTasksOf, liveTasksOn } from '../tasks/task-index.js';
import { launchServiceTasks, serviceLaunchRequest } from './launch.js';
import { ofEarlierDeployment, type ServiceRecord } from './record.js';

/** ECS's own messages for what a DAEMON service does not take (observed: `kayac/ecspresso#20`, `#402`). */
export const DAEMON_DESIRED_COUNT = 'The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again';
export const DAEMON_STRATEGY = 'The daemon scheduling strategy does not support placement strategies. Remove the placement strategy and try again';

/**
 * The ARNs of the instances a DAEMON service wants a task on: ACTIVE and selected by every
 * memberOf constraint of its task definition and its own.
 * @example daemonInstances(state, cluster, service).length // the service's desiredCount
 */
export function daemonInstances(state: SimState, cluster: ClusterRecord, service: ServiceRecord): string[] {
  if (service.status !== 'ACTIVE') return [];
  const td = state.taskDefinitions.resolve(service.taskDefinitionArn);
  const expressions = [
    ...(td.placementConstraints ?? []).map((c) => c.expression),
    ...service.placementConstraints.filter((c) => c.type === 'memberOf').map((c) => c.expression),
  ].filter((e): e is string => e !== undefined && e.trim() !== '');
  let eligible = cluster.store.query(null, { status: 'ACTIVE' });
  for (const expression of expressions) {
    const selected = new Set(cluster.store.query(expression, { status: 'ACTIVE' }));
    eligible = eligible.filter((arn) => selected.has(arn));
  }
  return eligible;
}

/** How many live tasks on an instance belong to DAEMON services (any of them). */
function daemonTasksOn(cluster: ClusterRecord, instanceArn: string): number {
  let n = 0;
  for (const t of liveTasksOn(cluster, instanceArn)) if (t.serviceName !== undefined && cluster.services.peek(t.serviceName)?.schedulingStrategy === 'DAEMON') n++;
  return n;
}

/**
 * One scheduler pass of a DAEMON service; `known` are its tasks not told to stop. Returns true
 * while the service is ACTIVE: which instances it wants depends on every instance of the cluster
 * (a registration, a status change), so the scheduler tries it on every pass, as a service
 * waiting to place.
 */
export function reconcileDaemon(state: SimState, cluster: ClusterRecord, service: ServiceRecord, known: readonly TaskRecord[]): boolean {
  const eligible = daemonInstances(state, cluster, service);
  service.desiredCount = eligible.length;
  const wanted = new Set(eligible);
  // Instances with a task of this service on its way out: nothing new there until it has stopped.
  const stopping = new Set<string>();
  let left = known.length;
  const stop = (t: TaskRecord, reason: string) => {
    requestStop(state, cluster, t, reason);
    stopping.add(t.containerInstanceArn!);
    left--;
  };

  // Tasks on instances that no longer qualify; on DRAINING ones, only once the others are gone.
  const kept = new Map<string, TaskRecord>();
  const draining: TaskRecord[] = [];
  for (const t of known) {
    const instance = t.containerInstanceArn!;
    if (!wanted.has(instance)) {
      if (cluster.instances.peek(instance)?.status === 'DRAINING') draining.push(t);
      else stop(t, 'Service scheduler: the container instance no longer satisfies the daemon service');
    } else if (kept.has(instance)) stop(t, 'Service scheduler: one daemon task per container instance');
    else if (ofEarlierDeployment(service, t)) stop(t, 'Service scheduler: task replaced by a new deployment');
    else kept.set(instance, t);
  }
  for (const t of draining) {
    const record = cluster.instances.peek(t.containerInstanceArn!)!;
    const others = record.runningTasksCount + record.pendingTasksCount - daemonTasksOn(cluster, t.containerInstanceArn!);
    if (others === 0) stop(t, 'Service scheduler: the container instance is draining and its other tasks have stopped');
  }

  if (service.status === 'DRAINING' && left === 0) service.status = 'INACTIVE';
  const waiting = service.status === 'ACTIVE';

  // A new task where there is none, and none of this service is still stopping (told to stop in an
  // earlier pass: its live tasks not desired RUNNING).
  for (const t of liveTasksOf(cluster, service.name)) if (t.desiredStatus === 'STOPPED' && t.containerInstanceArn !== undefined) stopping.add(t.containerInstanceArn);
  const free = eligible.filter((arn) => !kept.has(arn) && !stopping.has(arn));
  if (free.length === 0) return waiting;
  // One call for all of them: distinctInstance keeps it to one task per instance.
  const request = serviceLaunchRequest(state, service, service.taskDefinitionArn, free.length, { onlySlots: free.map((arn) => cluster.store.slotOf(arn)) });
  launchServiceTasks(state, cluster, service, { ...request, constraints: [{ type: 'distinctInstance' }, ...request.constraints] });
  return waiting;
}

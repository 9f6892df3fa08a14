/**
 * Services (REPLICA): CreateService, UpdateService, DeleteService, DescribeServices,
 * ListServices, and the scheduler that reconciles them on the simulated clock (reference §3.4):
 * keep `desiredCount` tasks, replace tasks on DRAINING instances and tasks of an older task
 * definition within `minimumHealthyPercent` / `maximumPercent`, and scale in from the busiest
 * instances first.
 */
import { ClientException, InvalidParameterException } from '../errors.js';
import { placementStage, serviceEventText } from '../placement/reasons.js';
import type { PlacementConstraint, PlacementStrategy, RejectionReason } from '../placement/types.js';
import { checkTags } from './attribute-rules.js';
import { clusterFor } from './clusters.js';
import { pageOf } from './pagination.js';
import { placementConstraints, placementStrategies } from './placement-params.js';
import { callerOf, effectiveSetting } from './settings.js';
import type { CallContext, ClusterRecord, SimState } from './state.js';
import type { TaskDefinition } from './task-definitions.js';
import { launchTasks, requestStop, type TaskRecord } from './tasks.js';
import { optionalArray, optionalBoolean, optionalInteger, optionalString, requestObject, requiredString, stringList, type Input } from './validate.js';
import type { Tag } from '../shapes.js';

/** Simulated delay between a change and the scheduler acting on it. */
export const RECONCILE_DELAY_MS = 1_000;
const MAX_EVENTS = 100;

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  readonly name: string;
  readonly arn: string;
  readonly clusterName: string;
  taskDefinitionArn: string;
  desiredCount: number;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  minimumHealthyPercent: number;
  maximumPercent: number;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  readonly createdAt: number;
  readonly longTaskArns: boolean;
  /** newest first, at most 100 */
  events: ServiceEvent[];
  tags: Tag[];
  /** the last placement failure reported, so the same one is not repeated every pass */
  lastFailure: string | undefined;
}

/** Default strategy of REPLICA services without one: spread over AZs, then over instances. */
export const DEFAULT_SERVICE_STRATEGY: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

/** The "closest matching" instance of an ECS service event: the one that got furthest. */
function closestRejection(rejections: ReadonlyMap<number, RejectionReason>): [number, RejectionReason] | undefined {
  let best: [number, RejectionReason] | undefined;
  for (const entry of rejections) if (best === undefined || placementStage(entry[1]) > placementStage(best[1])) best = entry;
  return best;
}

function addEvent(state: SimState, service: ServiceRecord, message: string): void {
  service.events.unshift({ id: state.random.uuid(), createdAt: state.clock.now, message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
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
  for (const service of cluster.services.values()) if (service.status !== 'INACTIVE') reconcile(state, cluster, service, byService.get(service.name) ?? [], active);
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

/** The service's tasks not told to stop, in creation order (a scan of every task). */
function serviceTasks(cluster: ClusterRecord, service: ServiceRecord): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const t of cluster.tasks.values()) if (t.serviceName === service.name && t.desiredStatus === 'RUNNING') out.push(t);
  return out;
}

/** One pass of the service scheduler. */
export function reconcile(
  state: SimState,
  cluster: ClusterRecord,
  service: ServiceRecord,
  tasksAtStart?: readonly TaskRecord[],
  active = activeInstances(cluster),
): void {
  // A task to be replaced: on a DRAINING (or gone) instance, or of an older task definition.
  const outdated = (t: TaskRecord) => t.taskDefinitionArn !== service.taskDefinitionArn || !active(t.containerInstanceArn);
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
    const td = state.taskDefinitions.resolve(service.taskDefinitionArn);
    const launched = launchTasks(state, cluster, {
      taskDefinitionArn: service.taskDefinitionArn,
      requirements: state.taskDefinitions.requirementsOf(service.taskDefinitionArn),
      containers: (td.containerDefinitions ?? []).map((c) => c.name ?? ''),
      cpu: td.cpu,
      memory: td.memory,
      group: `service:${service.name}`,
      count: start,
      constraints: [...(td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression })), ...service.placementConstraints],
      strategies: service.placementStrategy.length > 0 ? service.placementStrategy : DEFAULT_SERVICE_STRATEGY,
      startedBy: `ecs-svc/${service.arn.split('/').pop()}`,
      serviceName: service.name,
      longArn: service.longTaskArns,
    });
    const outcome = launched.outcome;
    placed = launched.tasks;
    if (placed.length > 0) addEvent(state, service, `(service ${service.name}) has started ${placed.length} tasks: ${placed.map((t) => `(task ${t.id})`).join(' ')}.`);
    if (outcome.unplaced > 0) {
      const first = closestRejection(outcome.rejections);
      const message = first === undefined
        ? `(service ${service.name}) was unable to place a task because no container instance met all of its requirements.`
        : `(service ${service.name}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${cluster.store.arns[first[0]]!.split('/').pop()}) ${serviceEventText(first[1])}.`;
      if (message !== service.lastFailure) addEvent(state, service, message);
      service.lastFailure = message;
    } else service.lastFailure = undefined;
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
    const azOf = (t: TaskRecord) => cluster.instances.peek(t.containerInstanceArn)?.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? '';
    const perAz = new Map<string, number>();
    const perInstance = new Map<string, number>();
    for (const t of currentTasks) {
      perAz.set(azOf(t), (perAz.get(azOf(t)) ?? 0) + 1);
      perInstance.set(t.containerInstanceArn, (perInstance.get(t.containerInstanceArn) ?? 0) + 1);
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
          || perInstance.get(a.containerInstanceArn)! - perInstance.get(b.containerInstanceArn)!
          || a.createdAt - b.createdAt;
        if (order > 0) best = i;
      }
      const victim = remaining.splice(best, 1)[0]!;
      perAz.set(azOf(victim), perAz.get(azOf(victim))! - 1);
      perInstance.set(victim.containerInstanceArn, perInstance.get(victim.containerInstanceArn)! - 1);
      stop(victim, 'Service scheduler: scaling in');
    }
    addEvent(state, service, `(service ${service.name}) has stopped ${excess} running tasks.`);
  }
  if (service.status === 'DRAINING' && placed.length === 0 && !known.some(alive)) service.status = 'INACTIVE';
}

// ---- the API -------------------------------------------------------------------------------

function deployment(state: SimState, cluster: ClusterRecord, service: ServiceRecord) {
  const tasks = serviceTasks(cluster, service).filter((t) => t.taskDefinitionArn === service.taskDefinitionArn);
  return {
    id: `ecs-svc/${service.arn.split('/').pop()}`,
    status: 'PRIMARY',
    taskDefinition: service.taskDefinitionArn,
    desiredCount: service.desiredCount,
    pendingCount: tasks.filter((t) => t.lastStatus === 'PENDING').length,
    runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    createdAt: new Date(service.createdAt),
    updatedAt: new Date(state.clock.now),
    launchType: 'EC2' as const,
  };
}

export function describeService(state: SimState, cluster: ClusterRecord, service: ServiceRecord, includeTags = false) {
  const tasks = serviceTasks(cluster, service);
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: cluster.arn,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingCount: tasks.filter((t) => t.lastStatus === 'PENDING').length,
    launchType: 'EC2' as const,
    taskDefinition: service.taskDefinitionArn,
    deploymentConfiguration: { maximumPercent: service.maximumPercent, minimumHealthyPercent: service.minimumHealthyPercent },
    deployments: [deployment(state, cluster, service)],
    events: service.events.map((e) => ({ id: e.id, createdAt: new Date(e.createdAt), message: e.message })),
    createdAt: new Date(service.createdAt),
    placementConstraints: service.placementConstraints.map((c) => ({ ...c })),
    placementStrategy: service.placementStrategy.map((s) => ({ ...s })),
    schedulingStrategy: 'REPLICA' as const,
    ...(includeTags ? { tags: service.tags.map((t) => ({ ...t })) } : {}),
  };
}

export type ServiceOutput = ReturnType<typeof describeService>;

function deploymentConfiguration(input: Input, current?: { minimumHealthyPercent: number; maximumPercent: number }) {
  const v = input['deploymentConfiguration'];
  let min = current?.minimumHealthyPercent ?? 100;
  let max = current?.maximumPercent ?? 200;
  if (v !== undefined && v !== null) {
    if (typeof v !== 'object' || Array.isArray(v)) throw new InvalidParameterException('deploymentConfiguration must be an object');
    const c = v as Input;
    min = optionalInteger(c, 'minimumHealthyPercent', 0, 100) ?? min;
    max = optionalInteger(c, 'maximumPercent', 100, 200_000) ?? max;
  }
  return { minimumHealthyPercent: min, maximumPercent: max };
}

function taskDefinitionFor(state: SimState, reference: string): TaskDefinition {
  const td = state.taskDefinitions.resolveLaunchable(reference);
  if ((td.requiresCompatibilities ?? []).length > 0 && !td.requiresCompatibilities!.includes('EC2')) {
    throw new InvalidParameterException(`Task definition ${td.taskDefinitionArn} does not support the EC2 launch type.`);
  }
  return td;
}

function serviceFor(cluster: ClusterRecord, reference: string): ServiceRecord {
  const name = reference.startsWith('arn:') ? reference.split('/').pop()! : reference;
  const service = cluster.services.get(name);
  if (service === undefined || (reference.startsWith('arn:') && service.arn !== reference)) {
    throw new ClientException(`Service not found: ${reference}`);
  }
  return service;
}

export function createService(state: SimState, request: unknown, call?: CallContext): { service: ServiceOutput } {
  const input = requestObject(request, 'CreateService');
  const cluster = clusterFor(state, input);
  const name = requiredString(input, 'serviceName');
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw new InvalidParameterException(`serviceName: up to 255 letters, numbers, hyphens and underscores; got '${name}'`);
  const td = taskDefinitionFor(state, requiredString(input, 'taskDefinition'));
  const scheduling = optionalString(input, 'schedulingStrategy') ?? 'REPLICA';
  if (scheduling !== 'REPLICA') throw new InvalidParameterException(`schedulingStrategy ${scheduling} is not simulated; only REPLICA services are`);
  const launchType = optionalString(input, 'launchType') ?? 'EC2';
  if (launchType !== 'EC2') throw new InvalidParameterException(`launchType ${launchType} is not simulated: placement applies to the EC2 launch type`);
  const desiredCount = optionalInteger(input, 'desiredCount', 0, 1_000_000);
  if (desiredCount === undefined) throw new InvalidParameterException('desiredCount is required for REPLICA services');
  const inherited = (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
  const constraints = placementConstraints(input, inherited);
  const strategies = placementStrategies(input);
  const config = deploymentConfiguration(input);
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  const existing = cluster.services.get(name);
  if (existing !== undefined && existing.status !== 'INACTIVE') throw new InvalidParameterException('Creation of service was not idempotent.');
  const caller = callerOf(state, call);
  const longService = effectiveSetting(state, caller, 'serviceLongArnFormat').value === 'enabled';
  const service: ServiceRecord = {
    name,
    arn: longService
      ? `arn:aws:ecs:${state.ctx.region}:${state.ctx.accountId}:service/${cluster.name}/${name}`
      : `arn:aws:ecs:${state.ctx.region}:${state.ctx.accountId}:service/${name}`,
    clusterName: cluster.name,
    taskDefinitionArn: td.taskDefinitionArn!,
    desiredCount,
    status: 'ACTIVE',
    ...config,
    placementConstraints: constraints,
    placementStrategy: strategies,
    createdAt: state.clock.now,
    longTaskArns: effectiveSetting(state, caller, 'taskLongArnFormat').value === 'enabled',
    events: [],
    tags,
    lastFailure: undefined,
  };
  cluster.services.set(name, service);
  scheduleReconcile(state, cluster);
  return { service: describeService(state, cluster, service) };
}

export function updateService(state: SimState, request: unknown, _call?: CallContext): { service: ServiceOutput } {
  const input = requestObject(request, 'UpdateService');
  const cluster = clusterFor(state, input);
  const service = serviceFor(cluster, requiredString(input, 'service'));
  if (service.status !== 'ACTIVE') throw new ClientException(`Service ${service.name} is not ACTIVE.`);
  const desiredCount = optionalInteger(input, 'desiredCount', 0, 1_000_000);
  const tdRef = optionalString(input, 'taskDefinition');
  const td = tdRef === undefined ? undefined : taskDefinitionFor(state, tdRef);
  const config = deploymentConfiguration(input, service);
  // Omitted: keep; an empty list: remove; a list: replace (reference §2.2, §2.3).
  const constraints = input['placementConstraints'] === undefined ? undefined : placementConstraints(input);
  const strategies = input['placementStrategy'] === undefined ? undefined : placementStrategies(input);
  optionalBoolean(input, 'forceNewDeployment');
  if (desiredCount !== undefined) service.desiredCount = desiredCount;
  if (td !== undefined) service.taskDefinitionArn = td.taskDefinitionArn!;
  service.minimumHealthyPercent = config.minimumHealthyPercent;
  service.maximumPercent = config.maximumPercent;
  if (constraints !== undefined) service.placementConstraints = constraints;
  if (strategies !== undefined) service.placementStrategy = strategies;
  scheduleReconcile(state, cluster);
  return { service: describeService(state, cluster, service) };
}

export function deleteService(state: SimState, request: unknown, _call?: CallContext): { service: ServiceOutput } {
  const input = requestObject(request, 'DeleteService');
  const cluster = clusterFor(state, input);
  const service = serviceFor(cluster, requiredString(input, 'service'));
  const force = optionalBoolean(input, 'force') ?? false;
  if (service.status !== 'ACTIVE') throw new ClientException(`Service ${service.name} is not ACTIVE.`);
  if (service.desiredCount > 0 && !force) throw new InvalidParameterException('The service cannot be stopped while it is scaled above 0.');
  service.status = 'DRAINING';
  service.desiredCount = 0;
  scheduleReconcile(state, cluster);
  return { service: describeService(state, cluster, service) };
}

export function describeServices(state: SimState, request: unknown, _call?: CallContext): { services: ServiceOutput[]; failures: { arn: string; reason: string }[] } {
  const input = requestObject(request, 'DescribeServices');
  const cluster = clusterFor(state, input);
  const items = optionalArray(input, 'services', 10);
  if (items === undefined || items.length === 0) throw new InvalidParameterException('services is required');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  const services: ServiceOutput[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of stringList(items, 'services')) {
    const name = reference.startsWith('arn:') ? reference.split('/').pop()! : reference;
    const service = cluster.services.get(name);
    if (service === undefined) failures.push({ arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${state.ctx.region}:${state.ctx.accountId}:service/${cluster.name}/${name}`, reason: 'MISSING' });
    else services.push(describeService(state, cluster, service, include.includes('TAGS')));
  }
  return { services, failures };
}

export function listServices(state: SimState, request: unknown, _call?: CallContext): { serviceArns: string[]; nextToken?: string } {
  const input = requestObject(request, 'ListServices');
  const cluster = clusterFor(state, input);
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 10;
  const arns = [...cluster.services.values()].filter((s) => s.status !== 'INACTIVE').map((s) => s.arn);
  const page = pageOf(state, 'ListServices', cluster.arn, arns, (a) => a, maxResults, optionalString(input, 'nextToken'));
  return page.nextToken === undefined ? { serviceArns: page.items } : { serviceArns: page.items, nextToken: page.nextToken };
}


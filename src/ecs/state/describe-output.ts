/**
 * Loading a cluster from what the ECS API describes: a DescribeContainerInstances response
 * (`{ containerInstances: [...] }`, as `aws ecs describe-container-instances` prints it),
 * optionally with the cluster's `tasks` (DescribeTasks' shape), `taskDefinitions`
 * (DescribeTaskDefinition's `taskDefinition` shape) and `services` (DescribeServices' shape) —
 * what `generateCluster` writes.
 *
 * What a loaded cluster holds:
 * - every instance as described (ARN, ids, versions, statuses, attributes, attachments, tags,
 *   timestamps kept as given; `platformDevices` when the dump has them — DescribeContainerInstances
 *   does not return them, so for an instance whose registered `GPU` count has no ids the loader
 *   names its GPUs `<instance id>-GPU-<n>`);
 * - the task definitions registered at the revisions given (a family may have gaps), checked by
 *   RegisterTaskDefinition's rules;
 * - every task not STOPPED on its instance: its reservation (CPU, memory, static host ports, GPUs —
 *   the ids the task names in `containers[].gpuIds`, else the lowest free — and an ENI for
 *   awsvpc) held by the accountant, its group counted for `task:group`; PENDING tasks start and
 *   stopping tasks stop on the simulated clock as placed ones do;
 * - the services, whose scheduler then looks after them.
 *
 * A real dump usually lists no tasks, yet its `remainingResources` are below the registered ones:
 * what the dump shows in use beyond the listed tasks is held as the instance's *unattributed* use
 * (`InstanceRecord.unattributed`), so every instance describes again exactly as it was dumped and
 * placement sees the capacity that is really left; it is never released (nothing knows which
 * tasks hold it). `runningTasksCount` / `pendingTasksCount` are kept as given (they may count
 * tasks the dump did not list) but must be at least the listed tasks'; without them they are the
 * listed tasks'.
 *
 * Bad input is an InvalidParameterException naming the element and member
 * (`fromDescribeOutput: tasks[3].taskDefinitionArn: ...`); the state is then unchanged (everything
 * is built on a new cluster record, put in place at the end).
 */
import { EcsError, InvalidParameterException } from '../../errors.js';
import { AccountantError, portsOf } from '../../resources/accountant.js';
import { requirementsOf } from '../../resources/requirements.js';
import type { Reservation, TaskRequirements } from '../../resources/types.js';
import type { AgentUpdateStatus, Attachment, Resource } from '../../shapes.js';
import { checkAttributes, isCustomAttribute, MAX_CUSTOM_ATTRIBUTES } from '../attributes/rules.js';
import { newCluster, type ClusterRecord } from '../clusters/record.js';
import { checkPlatformDevices, checkResources, checkVersionInfo } from '../container-instances/checks.js';
import { addInstance } from '../container-instances/instances.js';
import type { InstanceRecord, PlatformDevice, UnattributedUse } from '../container-instances/record.js';
import { serviceDefaults, type ServiceEvent, type ServiceRecord } from '../services/record.js';
import { scheduleReconcile } from '../services/scheduler.js';
import { indexTask } from '../tasks/task-index.js';
import { clusterArn, parseContainerInstanceArn, parseServiceArn, parseTaskArn, parseTaskDefinitionArn, serviceArn } from '../shared/arns.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { checkTags } from '../shared/tags.js';
import type { Input } from '../shared/validate.js';
import { buildTaskDefinition } from '../task-definitions/build.js';
import type { TaskDefinition } from '../task-definitions/registry.js';
import { STOPPED_TASK_RETENTION_MS, TASK_START_MS, TASK_STOP_MS } from '../tasks/lifecycle.js';
import type { TaskRecord } from '../tasks/record.js';
import type { SimState } from './state.js';

const clone = <T>(x: T): T => structuredClone(x);


/** Every status a ContainerInstance may have (reference §3.1). */
const INSTANCE_STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'REGISTRATION_FAILED', 'DEREGISTERING', 'INACTIVE'];
const AGENT_UPDATE_STATUSES: readonly AgentUpdateStatus[] = ['PENDING', 'STAGING', 'STAGED', 'UPDATING', 'UPDATED', 'FAILED'];
const INT32_MAX = 2 ** 31 - 1;

/** Region and account of the first container-instance ARN in a response, if any. */
export function arnContextOf(json: unknown): { region: string; accountId: string } | null {
  const first = (json as { containerInstances?: { containerInstanceArn?: unknown }[] })?.containerInstances?.[0]?.containerInstanceArn;
  const m = typeof first === 'string' ? parseContainerInstanceArn(first) : null;
  return m ? { region: m.region, accountId: m.accountId } : null;
}

/**
 * When a dump was taken, as far as it says: the generator's recorded `at`, else the latest
 * timestamp in it (epoch ms), else null. `fromDescribeOutput` starts the clock there so loaded
 * timestamps are in the past.
 */
export function dumpTimeOf(json: unknown): number | null {
  const body = json as { generatedBy?: { options?: { at?: unknown } }; containerInstances?: unknown; tasks?: unknown; services?: unknown } | null;
  if (typeof body !== 'object' || body === null) return null;
  const at = body.generatedBy?.options?.at;
  if (typeof at === 'string' && Number.isFinite(Date.parse(at))) return Date.parse(at);
  let latest = -Infinity;
  const see = (v: unknown) => {
    const t = typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : v instanceof Date ? v.getTime() : NaN;
    if (Number.isFinite(t) && t > latest) latest = t;
  };
  const each = (list: unknown, keys: string[]) => {
    if (!Array.isArray(list)) return;
    for (const item of list) if (typeof item === 'object' && item !== null) for (const k of keys) see((item as Input)[k]);
  };
  each(body.containerInstances, ['registeredAt']);
  each(body.tasks, ['createdAt', 'startedAt', 'stoppingAt', 'stoppedAt']);
  each(body.services, ['createdAt']);
  return Number.isFinite(latest) ? Math.ceil(latest / 1000) * 1000 : null;
}

// ---- small checks ------------------------------------------------------------------------------

function bad(where: string, message: string): InvalidParameterException {
  return new InvalidParameterException(`fromDescribeOutput: ${where}: ${message}`);
}

/** Runs a check written for API requests; its error gets the dump location in front. */
function at<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof EcsError || e instanceof AccountantError) throw bad(where, e.message);
    throw e;
  }
}

function objectOf(v: unknown, where: string): Input {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(where, 'must be an object');
  return v as Input;
}

function listOf(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(where, 'must be a list');
  return v;
}

function stringOf(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(where, 'must be a string');
  return v;
}

function countOf(v: unknown, where: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > INT32_MAX) throw bad(where, `must be a whole number from 0; got ${JSON.stringify(v)}`);
  return v;
}

function oneOf<T extends string>(v: unknown, where: string, values: readonly T[]): T | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw bad(where, `must be one of ${values.join(', ')}; got ${JSON.stringify(v)}`);
  return v as T;
}

/** On the wire a timestamp is epoch seconds; SDKs give Dates; tools print ISO-8601. */
function timeOf(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string' && Number.isFinite(Date.parse(value))) return Date.parse(value);
  throw bad(where, 'expected epoch seconds, a Date or ISO-8601 text');
}

function sameAccount(state: SimState, region: string, account: string, where: string, arn: string): void {
  if (region !== state.ctx.region || account !== state.ctx.accountId) throw bad(where, `${arn} is not in ${state.ctx.region} / ${state.ctx.accountId}`);
}

/** The number a registered INTEGER / LONG / DOUBLE resource carries (as the accountant reads it). */
function amount(r: Resource | undefined): number {
  if (r === undefined) return 0;
  const v = r.type === 'LONG' ? r.longValue : r.type === 'DOUBLE' ? r.doubleValue : (r.integerValue ?? r.longValue ?? r.doubleValue);
  return Math.floor(v ?? 0);
}

const byName = (list: readonly Resource[]) => new Map(list.map((r) => [r.name!, r]));

// ---- container instances -----------------------------------------------------------------------

interface LoadedInstance {
  readonly record: InstanceRecord;
  readonly where: string;
  /** as given, or undefined */
  readonly remaining: Resource[] | undefined;
  readonly running: number | undefined;
  readonly pending: number | undefined;
}

function loadInstance(state: SimState, raw: unknown, i: number, clusterName: string): LoadedInstance {
  const where = `containerInstances[${i}]`;
  const o = objectOf(raw, where);
  const arn = o['containerInstanceArn'];
  const parsed = typeof arn === 'string' ? parseContainerInstanceArn(arn) : null;
  if (parsed === null || typeof arn !== 'string') throw bad(`${where}.containerInstanceArn`, 'expected a container instance ARN');
  sameAccount(state, parsed.region, parsed.accountId, `${where}.containerInstanceArn`, arn);
  const attributes = at(`${where}.attributes`, () => checkAttributes(listOf(o['attributes'], `${where}.attributes`), 'attributes'));
  const custom = attributes.filter((a) => isCustomAttribute(a.name!)).length;
  if (custom > MAX_CUSTOM_ATTRIBUTES) throw bad(`${where}.attributes`, `at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes per container instance; got ${custom}`);
  const registeredResources = at(`${where}.registeredResources`, () => checkResources(listOf(o['registeredResources'], `${where}.registeredResources`), 'registeredResources'));
  const registered = byName(registeredResources);
  for (const name of ['CPU', 'MEMORY', 'GPU']) {
    const n = amount(registered.get(name));
    if (!Number.isFinite(n) || n < 0 || n > INT32_MAX) throw bad(`${where}.registeredResources`, `${name} must be a whole number from 0 to ${INT32_MAX}`);
  }
  const remaining = o['remainingResources'] === undefined || o['remainingResources'] === null
    ? undefined
    : at(`${where}.remainingResources`, () => checkResources(listOf(o['remainingResources'], `${where}.remainingResources`), 'remainingResources'));
  let platformDevices: PlatformDevice[] = at(`${where}.platformDevices`, () => checkPlatformDevices(listOf(o['platformDevices'], `${where}.platformDevices`), 'platformDevices'));
  const gpus = amount(registered.get('GPU'));
  if (o['platformDevices'] === undefined && gpus > 0) {
    platformDevices = Array.from({ length: gpus }, (_, k) => ({ id: `${parsed.id}-GPU-${k}`, type: 'GPU' }));
  } else if (registered.has('GPU') && gpus !== platformDevices.length) {
    throw bad(`${where}.platformDevices`, `the instance registered ${gpus} GPUs but lists ${platformDevices.length} devices`);
  }
  const status = oneOf(o['status'], `${where}.status`, INSTANCE_STATUSES) ?? 'ACTIVE';
  const agentConnected = o['agentConnected'];
  if (agentConnected !== undefined && agentConnected !== null && typeof agentConnected !== 'boolean') throw bad(`${where}.agentConnected`, 'must be true or false');
  const version = countOf(o['version'], `${where}.version`);
  const tags = at(`${where}.tags`, () => checkTags(listOf(o['tags'], `${where}.tags`), 'tags'));
  const attachments = listOf(o['attachments'], `${where}.attachments`).map((a, k): Attachment => {
    const x = objectOf(a, `${where}.attachments[${k}]`);
    const details = listOf(x['details'], `${where}.attachments[${k}].details`).map((d, j) => {
      const y = objectOf(d, `${where}.attachments[${k}].details[${j}]`);
      return { name: stringOf(y['name'], `${where}.attachments[${k}].details[${j}].name`), value: stringOf(y['value'], `${where}.attachments[${k}].details[${j}].value`) };
    });
    return {
      id: stringOf(x['id'], `${where}.attachments[${k}].id`),
      type: stringOf(x['type'], `${where}.attachments[${k}].type`),
      status: stringOf(x['status'], `${where}.attachments[${k}].status`),
      details,
    };
  });
  const running = countOf(o['runningTasksCount'], `${where}.runningTasksCount`);
  const pending = countOf(o['pendingTasksCount'], `${where}.pendingTasksCount`);
  const record: InstanceRecord = {
    arn,
    id: parsed.id,
    clusterName,
    ec2InstanceId: stringOf(o['ec2InstanceId'], `${where}.ec2InstanceId`),
    registeredResources,
    versionInfo: at(`${where}.versionInfo`, () => checkVersionInfo(o['versionInfo'], 'versionInfo')),
    status,
    statusReason: stringOf(o['statusReason'], `${where}.statusReason`),
    agentConnected: agentConnected !== false,
    agentUpdateStatus: oneOf(o['agentUpdateStatus'], `${where}.agentUpdateStatus`, AGENT_UPDATE_STATUSES),
    registeredAt: timeOf(o['registeredAt'], `${where}.registeredAt`) ?? state.clock.now,
    version: version === undefined || version === 0 ? 1 : version,
    attributes,
    attachments,
    tags,
    runningTasksCount: running ?? 0,
    pendingTasksCount: pending ?? 0,
    platformDevices,
    instanceType: attributes.find((a) => a.name === 'ecs.instance-type')?.value,
    trunked: attributes.some((a) => a.name === 'ecs.awsvpc-trunk-id'),
  };
  return { record, where, remaining, running, pending };
}

// ---- task definitions --------------------------------------------------------------------------

function loadTaskDefinition(state: SimState, raw: unknown, i: number): TaskDefinition {
  const where = `taskDefinitions[${i}]`;
  const o = objectOf(raw, where);
  const arn = stringOf(o['taskDefinitionArn'], `${where}.taskDefinitionArn`);
  const m = arn === undefined ? null : parseTaskDefinitionArn(arn);
  if (arn === undefined || m === null || m.revision === undefined || !/^[1-9]\d*$/.test(m.revision)) throw bad(`${where}.taskDefinitionArn`, 'expected a task definition ARN with its revision');
  sameAccount(state, m.region, m.accountId, `${where}.taskDefinitionArn`, arn);
  const revision = Number(m.revision);
  if (o['family'] !== undefined && o['family'] !== m.family) throw bad(`${where}.family`, `'${String(o['family'])}' is not the family of ${arn}`);
  if (o['revision'] !== undefined && o['revision'] !== revision) throw bad(`${where}.revision`, `${String(o['revision'])} is not the revision of ${arn}`);
  const status = oneOf(o['status'], `${where}.status`, ['ACTIVE', 'INACTIVE'] as const) ?? 'ACTIVE';
  // The definition as RegisterTaskDefinition checks and builds it, at the dump's revision.
  const { taskDefinition } = at(where, () => buildTaskDefinition(state, { ...o, family: m.family }, revision));
  return { ...taskDefinition, status };
}

// ---- services ----------------------------------------------------------------------------------

function loadService(state: SimState, raw: unknown, i: number, clusterName: string, definitions: ReadonlyMap<string, TaskDefinition>): ServiceRecord {
  const where = `services[${i}]`;
  const o = objectOf(raw, where);
  const arn = stringOf(o['serviceArn'], `${where}.serviceArn`);
  const m = arn === undefined ? null : parseServiceArn(arn);
  if (arn !== undefined && m === null) throw bad(`${where}.serviceArn`, 'expected a service ARN');
  if (m !== null) sameAccount(state, m.region, m.accountId, `${where}.serviceArn`, arn!);
  const name = stringOf(o['serviceName'], `${where}.serviceName`) ?? m?.serviceName;
  if (name === undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw bad(`${where}.serviceName`, 'a service name (up to 255 letters, digits, - and _) is required');
  if (m !== null && m.serviceName !== name) throw bad(`${where}.serviceArn`, `${arn} is not the ARN of service ${name}`);
  const tdArn = stringOf(o['taskDefinition'], `${where}.taskDefinition`);
  const td = tdArn === undefined ? undefined : definitions.get(tdArn) ?? state.taskDefinitions.get(tdArn);
  if (td === undefined) throw bad(`${where}.taskDefinition`, `${String(tdArn)} is not among the taskDefinitions (nor registered)`);
  oneOf(o['schedulingStrategy'], `${where}.schedulingStrategy`, ['REPLICA'] as const);
  oneOf(o['launchType'], `${where}.launchType`, ['EC2'] as const);
  const config = o['deploymentConfiguration'] === undefined || o['deploymentConfiguration'] === null ? {} : objectOf(o['deploymentConfiguration'], `${where}.deploymentConfiguration`);
  const min = countOf(config['minimumHealthyPercent'], `${where}.deploymentConfiguration.minimumHealthyPercent`) ?? 100;
  const max = countOf(config['maximumPercent'], `${where}.deploymentConfiguration.maximumPercent`) ?? 200;
  if (min > 100 || max < 100) throw bad(`${where}.deploymentConfiguration`, 'minimumHealthyPercent is at most 100 and maximumPercent at least 100');
  const inherited = (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
  const events = listOf(o['events'], `${where}.events`).slice(0, 100).map((e, k): ServiceEvent => {
    const x = objectOf(e, `${where}.events[${k}]`);
    return {
      id: stringOf(x['id'], `${where}.events[${k}].id`) ?? '',
      createdAt: timeOf(x['createdAt'], `${where}.events[${k}].createdAt`) ?? state.clock.now,
      message: stringOf(x['message'], `${where}.events[${k}].message`) ?? '',
    };
  });
  const strategies = at(where, () => placementStrategies(o));
  return {
    name,
    arn: arn ?? serviceArn(state.ctx, clusterName, name, true),
    clusterName,
    taskDefinitionArn: td.taskDefinitionArn!,
    desiredCount: countOf(o['desiredCount'], `${where}.desiredCount`) ?? 0,
    status: oneOf(o['status'], `${where}.status`, ['ACTIVE', 'DRAINING', 'INACTIVE'] as const) ?? 'ACTIVE',
    minimumHealthyPercent: min,
    maximumPercent: max,
    placementConstraints: at(where, () => placementConstraints(o, inherited)),
    // [] places with the default spread, as for a created service.
    placementStrategy: strategies,
    createdAt: timeOf(o['createdAt'], `${where}.createdAt`) ?? state.clock.now,
    // Set from the service's tasks below (short task ARNs → short ones for new tasks too).
    longTaskArns: true,
    events,
    tags: at(`${where}.tags`, () => checkTags(listOf(o['tags'], `${where}.tags`), 'tags')),
    lastFailure: undefined,
    ...serviceDefaults(),
  };
}

// ---- tasks ---------------------------------------------------------------------------------------

const requirementsCache = new WeakMap<TaskDefinition, TaskRequirements>();

interface LoadedTask {
  readonly where: string;
  readonly task: Omit<TaskRecord, 'reservation' | 'containerInstanceArn'> & { readonly containerInstanceArn: string };
  readonly requirements: TaskRequirements;
  /** GPU ids the task names, if it names any */
  readonly gpuIds: readonly string[] | undefined;
  /** a long task ARN (`task/<cluster>/<id>`) */
  readonly longArn: boolean;
}

function loadTask(
  state: SimState, raw: unknown, i: number, clusterName: string,
  definitions: ReadonlyMap<string, TaskDefinition>, instances: ReadonlyMap<string, LoadedInstance>, services: ReadonlyMap<string, ServiceRecord>,
): LoadedTask {
  const where = `tasks[${i}]`;
  const o = objectOf(raw, where);
  const arn = stringOf(o['taskArn'], `${where}.taskArn`);
  const m = arn === undefined ? null : parseTaskArn(arn);
  if (arn === undefined || m === null) throw bad(`${where}.taskArn`, 'expected a task ARN');
  sameAccount(state, m.region, m.accountId, `${where}.taskArn`, arn);
  const instanceArn = stringOf(o['containerInstanceArn'], `${where}.containerInstanceArn`);
  if (instanceArn === undefined || !instances.has(instanceArn)) throw bad(`${where}.containerInstanceArn`, `${String(instanceArn)} is not among the containerInstances`);
  const tdArn = stringOf(o['taskDefinitionArn'], `${where}.taskDefinitionArn`);
  const td = tdArn === undefined ? undefined : definitions.get(tdArn) ?? state.taskDefinitions.get(tdArn);
  if (td === undefined) throw bad(`${where}.taskDefinitionArn`, `${String(tdArn)} is not among the taskDefinitions (nor registered)`);
  const lastStatus = oneOf(o['lastStatus'], `${where}.lastStatus`, ['PENDING', 'RUNNING', 'STOPPED'] as const) ?? 'RUNNING';
  const desiredStatus = oneOf(o['desiredStatus'], `${where}.desiredStatus`, ['RUNNING', 'STOPPED'] as const) ?? (lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING');
  if (lastStatus === 'STOPPED' && desiredStatus !== 'STOPPED') throw bad(`${where}.desiredStatus`, 'a STOPPED task wants to be STOPPED');
  const group = stringOf(o['group'], `${where}.group`) ?? `family:${td.family}`;
  const serviceName = group.startsWith('service:') && services.has(group.slice(8)) ? group.slice(8) : undefined;
  const names = (td.containerDefinitions ?? []).map((c) => c.name ?? '');
  let gpuIds: string[] | undefined;
  listOf(o['containers'], `${where}.containers`).forEach((c, k) => {
    const x = objectOf(c, `${where}.containers[${k}]`);
    const ids = listOf(x['gpuIds'], `${where}.containers[${k}].gpuIds`);
    ids.forEach((id, j) => {
      if (typeof id !== 'string') throw bad(`${where}.containers[${k}].gpuIds[${j}]`, 'must be a string');
    });
    if (ids.length > 0) gpuIds = [...(gpuIds ?? []), ...(ids as string[])];
  });
  // One frozen requirements object per definition (as the registry keeps them).
  let requirements = requirementsCache.get(td);
  if (requirements === undefined) requirementsCache.set(td, (requirements = requirementsOf(td)));
  if (gpuIds !== undefined && gpuIds.length !== requirements.gpus) throw bad(`${where}.containers`, `the task names ${gpuIds.length} GPUs; its task definition asks for ${requirements.gpus}`);
  const createdAt = timeOf(o['createdAt'], `${where}.createdAt`) ?? state.clock.now;
  const task: LoadedTask['task'] = {
    arn,
    id: m.id,
    seq: i,
    clusterName,
    taskDefinitionArn: td.taskDefinitionArn!,
    containerInstanceArn: instanceArn,
    launchType: 'EC2',
    group,
    startedBy: stringOf(o['startedBy'], `${where}.startedBy`),
    serviceName,
    lastStatus,
    desiredStatus,
    createdAt,
    startedAt: timeOf(o['startedAt'], `${where}.startedAt`),
    stoppingAt: timeOf(o['stoppingAt'], `${where}.stoppingAt`),
    stoppedAt: timeOf(o['stoppedAt'], `${where}.stoppedAt`),
    stoppedReason: stringOf(o['stoppedReason'], `${where}.stoppedReason`),
    version: Math.max(1, countOf(o['version'], `${where}.version`) ?? 1),
    containers: names,
    cpu: td.cpu,
    memory: td.memory,
    tags: at(`${where}.tags`, () => checkTags(listOf(o['tags'], `${where}.tags`), 'tags')),
  };
  return { where, task, requirements, gpuIds, longArn: m.clusterName !== null };
}

// ---- putting it together -------------------------------------------------------------------------

/** Unattributed use of one instance: what the dump shows in use beyond the tasks' reservations. */
function unattributedUse(loaded: LoadedInstance, held: readonly Reservation[], freeGpus: readonly string[]): UnattributedUse | undefined {
  const { remaining, where } = loaded;
  if (remaining === undefined) return undefined;
  const record = loaded.record;
  const registered = byName(record.registeredResources);
  const left = byName(remaining);
  const sum = (f: (r: Reservation) => number) => held.reduce((n, r) => n + f(r), 0);
  const use = (name: 'CPU' | 'MEMORY', taken: number): number => {
    if (!left.has(name)) return 0;
    const extra = amount(registered.get(name)) - taken - amount(left.get(name));
    if (extra < 0) throw bad(`${where}.remainingResources`, `${name} ${amount(left.get(name))} remaining, but the instance registered ${amount(registered.get(name))} and its listed tasks reserve ${taken}`);
    return extra;
  };
  const ports = (name: 'PORTS' | 'PORTS_UDP', taken: (r: Reservation) => readonly number[]): number[] => {
    if (!left.has(name)) return [];
    const occupied = portsOf(left.get(name));
    const reserved = portsOf(registered.get(name));
    for (const text of occupied.other) if (!reserved.other.includes(text)) throw bad(`${where}.remainingResources`, `${name} lists '${text}', which is neither a port number nor registered`);
    const known = new Set(reserved.ports);
    for (const r of held) for (const p of taken(r)) known.add(p);
    for (const p of known) if (!occupied.ports.has(p)) throw bad(`${where}.remainingResources`, `${name} does not list port ${p}, which the agent or a listed task holds`);
    return [...occupied.ports].filter((p) => !known.has(p)).sort((a, b) => a - b);
  };
  const cpu = use('CPU', sum((r) => r.cpu));
  const memory = use('MEMORY', sum((r) => r.memory));
  const tcpPorts = ports('PORTS', (r) => r.tcpPorts);
  const udpPorts = ports('PORTS_UDP', (r) => r.udpPorts);
  let gpuIds: string[] = [];
  if (left.has('GPU')) {
    const extra = freeGpus.length - amount(left.get('GPU'));
    if (extra < 0) throw bad(`${where}.remainingResources`, `GPU ${amount(left.get('GPU'))} remaining, but only ${freeGpus.length} are not held by its listed tasks`);
    gpuIds = freeGpus.slice(0, extra);
  }
  if (cpu === 0 && memory === 0 && tcpPorts.length === 0 && udpPorts.length === 0 && gpuIds.length === 0) return undefined;
  return Object.freeze({ cpu, memory, tcpPorts: Object.freeze(tcpPorts), udpPorts: Object.freeze(udpPorts), gpuIds: Object.freeze(gpuIds) });
}

/**
 * Loads a dump (see the file comment) into `clusterName`, which must not exist yet or be empty.
 * Returns the cluster; on bad input throws InvalidParameterException and changes nothing.
 */
export function loadDescribeOutput(state: SimState, json: unknown, clusterName: string): ClusterRecord {
  const body = json as Input | null;
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Array.isArray(body!['containerInstances'])) {
    throw new InvalidParameterException('fromDescribeOutput: expected a DescribeContainerInstances response: { "containerInstances": [...] } (with "tasks", "taskDefinitions" and "services" if wanted)');
  }
  const existing = state.clusters.get(clusterName);
  if (existing !== undefined && (existing.instances.size > 0 || existing.tasks.size > 0 || existing.services.size > 0)) {
    throw new InvalidParameterException(`fromDescribeOutput: cluster ${clusterName} already has container instances, tasks or services; load into a new or empty cluster`);
  }

  // 1. Everything checked and built as plain records first.
  const instances = new Map<string, LoadedInstance>();
  (body!['containerInstances'] as unknown[]).forEach((raw, i) => {
    const loaded = loadInstance(state, raw, i, clusterName);
    if (instances.has(loaded.record.arn)) throw bad(`containerInstances[${i}].containerInstanceArn`, `${loaded.record.arn} appears twice`);
    instances.set(loaded.record.arn, loaded);
  });
  const ids = new Set<string>();
  for (const { record, where } of instances.values()) {
    if (ids.has(record.id)) throw bad(`${where}.containerInstanceArn`, `the id ${record.id} appears twice`);
    ids.add(record.id);
  }

  const definitions = new Map<string, TaskDefinition>();
  listOf(body!['taskDefinitions'], 'taskDefinitions').forEach((raw, i) => {
    const td = loadTaskDefinition(state, raw, i);
    if (definitions.has(td.taskDefinitionArn!) || state.taskDefinitions.get(td.taskDefinitionArn!) !== undefined) {
      throw bad(`taskDefinitions[${i}].taskDefinitionArn`, `${td.taskDefinitionArn} appears twice (or is registered already)`);
    }
    if (td.revision! < state.taskDefinitions.nextRevision(td.family!)) {
      throw bad(`taskDefinitions[${i}].revision`, `${td.family} is registered up to revision ${state.taskDefinitions.nextRevision(td.family!) - 1} already`);
    }
    definitions.set(td.taskDefinitionArn!, td);
  });

  const services = new Map<string, ServiceRecord>();
  listOf(body!['services'], 'services').forEach((raw, i) => {
    const s = loadService(state, raw, i, clusterName, definitions);
    if (services.has(s.name)) throw bad(`services[${i}].serviceName`, `${s.name} appears twice`);
    services.set(s.name, s);
  });

  const tasks: LoadedTask[] = [];
  const taskArns = new Set<string>();
  const taskIds = new Set<string>();
  listOf(body!['tasks'], 'tasks').forEach((raw, i) => {
    const t = loadTask(state, raw, i, clusterName, definitions, instances, services);
    if (taskArns.has(t.task.arn) || taskIds.has(t.task.id)) throw bad(`${t.where}.taskArn`, `${t.task.arn} appears twice`);
    taskArns.add(t.task.arn);
    taskIds.add(t.task.id);
    tasks.push(t);
  });
  // A service whose tasks have short ARNs gets short ones for its new tasks too.
  for (const t of tasks) {
    const s = t.task.serviceName === undefined ? undefined : services.get(t.task.serviceName);
    if (s !== undefined && !t.longArn && s.longTaskArns) services.set(s.name, { ...s, longTaskArns: false });
  }

  // 2. Counts: the listed tasks are a lower bound of what the dump says.
  const listed = new Map<string, { running: number; pending: number }>();
  for (const { task } of tasks) {
    const c = listed.get(task.containerInstanceArn) ?? { running: 0, pending: 0 };
    if (task.lastStatus === 'RUNNING') c.running++;
    if (task.lastStatus === 'PENDING') c.pending++;
    listed.set(task.containerInstanceArn, c);
  }
  for (const loaded of instances.values()) {
    const c = listed.get(loaded.record.arn) ?? { running: 0, pending: 0 };
    if (loaded.running !== undefined && loaded.running < c.running) throw bad(`${loaded.where}.runningTasksCount`, `${loaded.running}, but ${c.running} RUNNING tasks on it are listed`);
    if (loaded.pending !== undefined && loaded.pending < c.pending) throw bad(`${loaded.where}.pendingTasksCount`, `${loaded.pending}, but ${c.pending} PENDING tasks on it are listed`);
    loaded.record.runningTasksCount = loaded.running ?? c.running;
    loaded.record.pendingTasksCount = loaded.pending ?? c.pending;
  }

  // 3. A new cluster record: instances, then the tasks' reservations, then the unattributed use.
  const cluster = newCluster(clusterName, existing?.arn ?? clusterArn(state.ctx, clusterName), state.journal);
  // A cluster put in place of an existing (empty) one is a new incarnation: its tokens are its own.
  cluster.generation = (existing?.generation ?? 0) + 1;
  if (existing !== undefined) {
    cluster.status = existing.status;
    cluster.tags = clone(existing.tags);
  }
  for (const { record } of instances.values()) addInstance(cluster, record);
  const heldGpus = new Map<string, Set<string>>();
  const records: TaskRecord[] = [];
  for (const t of tasks) {
    const { task, requirements: req } = t;
    const slot = cluster.store.slotOf(task.containerInstanceArn);
    if (task.lastStatus === 'STOPPED') {
      records.push({ ...task, reservation: Object.freeze({ slot: -1, cpu: req.cpu, memory: req.memory, tcpPorts: req.tcpPorts, udpPorts: req.udpPorts, gpuIds: Object.freeze([...(t.gpuIds ?? [])]), eni: req.eni }) });
      continue;
    }
    const devices = instances.get(task.containerInstanceArn)!.record.platformDevices.map((d) => d.id);
    const held = heldGpus.get(task.containerInstanceArn) ?? new Set<string>();
    heldGpus.set(task.containerInstanceArn, held);
    const gpuIds = t.gpuIds ?? devices.filter((id) => !held.has(id)).slice(0, req.gpus);
    for (const id of gpuIds) {
      if (!devices.includes(id)) throw bad(`${t.where}.containers`, `GPU ${id} is not a device of ${task.containerInstanceArn}`);
      if (held.has(id)) throw bad(`${t.where}.containers`, `GPU ${id} is held by another task`);
    }
    const reservation = at(t.where, () => {
      try {
        return cluster.accountant.restore({ slot, cpu: req.cpu, memory: req.memory, tcpPorts: req.tcpPorts, udpPorts: req.udpPorts, gpuIds, eni: req.eni });
      } catch (e) {
        const reason = (e as { reason?: string }).reason;
        throw reason === undefined ? e : new InvalidParameterException(`does not fit on ${task.containerInstanceArn} beside the tasks listed before it (${reason})`);
      }
    });
    for (const id of gpuIds) held.add(id);
    cluster.store.addTask(task.containerInstanceArn, task.group);
    records.push({ ...task, reservation });
  }
  for (const loaded of instances.values()) {
    const slot = cluster.store.slotOf(loaded.record.arn);
    const held = cluster.accountant.reservations(slot);
    const taken = heldGpus.get(loaded.record.arn) ?? new Set<string>();
    const use = unattributedUse(loaded, held, loaded.record.platformDevices.map((d) => d.id).filter((id) => !taken.has(id)));
    if (use === undefined) continue;
    at(`${loaded.where}.remainingResources`, () => cluster.accountant.restore({ ...use, slot, eni: false }));
    loaded.record.unattributed = use;
  }

  // 4. Nothing can fail from here: put it all in place.
  for (const td of [...definitions.values()].sort((a, b) => (a.family! < b.family! ? -1 : a.family! > b.family! ? 1 : a.revision! - b.revision!))) {
    state.taskDefinitions.add(td);
  }
  cluster.nextTaskSeq = tasks.length;
  for (const task of records) {
    cluster.tasks.set(task.arn, task);
    cluster.taskIdToArn.set(task.id, task.arn);
    if (task.lastStatus !== 'STOPPED') indexTask(cluster, task);
  }
  for (const s of services.values()) cluster.services.set(s.name, s);
  state.clusters.set(clusterName, cluster);
  const now = state.clock.now;
  for (const task of records) {
    const payload = { cluster: clusterName, arn: task.arn };
    if (task.lastStatus === 'STOPPED') state.clock.schedule(Math.max(0, (task.stoppedAt ?? now) + STOPPED_TASK_RETENTION_MS - now), 'task-expired', payload);
    else if (task.desiredStatus === 'STOPPED') state.clock.schedule(Math.max(0, (task.stoppingAt ?? now) + TASK_STOP_MS - now), 'task-stopped', payload);
    else if (task.lastStatus === 'PENDING') state.clock.schedule(Math.max(0, task.createdAt + TASK_START_MS - now), 'task-started', payload);
  }
  scheduleReconcile(state, cluster);
  return cluster;
}

/**
 * What `restore` accepts: a snapshot whose every field has the type and range the simulator keeps,
 * and whose records agree with each other as the simulator keeps them — each task once, statuses
 * from their enums, tasks not yet STOPPED on a live instance of their cluster and counted by it,
 * services of known task definitions, a clock and random state that are numbers. Anything else is
 * an InvalidParameterException naming the JSON path (`restore: clusters[0].tasks[3].lastStatus: …`).
 * The checks follow the snapshot format, never the input, so deep or cyclic input costs one step
 * past the first wrong value. Reservations that do not fit their instance are found while loading
 * (the accountant refuses them) and reported at their path too.
 */
import { EcsError, InvalidParameterException, messageWithMember, quote } from '../../errors.js';
import { checkAttributes } from '../attributes/rules.js';
import { checkPlatformDevices, checkResources, checkVersionInfo } from '../container-instances/checks.js';
import { validateShape } from '../../model/validate.js';
import { checkTags } from '../shared/tags.js';
import { AGENT_UPDATE_STATUSES, ClusterConsistency, DESIRED_STATUSES, INSTANCE_STATUSES, TASK_STATUSES } from './consistency.js';
import { EVENT_HANDLERS } from './wiring.js';

type Json = Record<string, unknown>;

/** Tags as the simulator stores them: the ECS managed `aws:` tags of tasks included. */
const STORED = { reserved: true } as const;

/** The error of a snapshot's value at `path`. */
export function badSnapshot(path: string, what: string): InvalidParameterException {
  return new InvalidParameterException(`restore: ${path}: ${what}`);
}

/** Runs a check written for requests (its message names the member); the error gets the path in front. */
export function atPath<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof EcsError && !e.message.startsWith('restore: ')) throw badSnapshot(path, messageWithMember(e));
    throw e;
  }
}

/**
 * A member's path, built only for a fault: `at.of('arn')` is member `arn` of the record at
 * `path`. One object per record, set again for each member (the checks below use it at once): a
 * restore checks ~25 members of each of ~37,000 records, and a string each was a quarter of its
 * garbage.
 */
class MemberPath {
  private member = '';
  constructor(private readonly path: string) {}
  of(member: string): this {
    this.member = member;
    return this;
  }
  toString(): string {
    return `${this.path}.${this.member}`;
  }
}

type Where = string | MemberPath;

/** A value in a message: cut to 200 characters; a missing member is "nothing". */
const shown = (v: unknown): string => (v === undefined ? 'nothing' : quote(v));

const own = (o: Json, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

function object(v: unknown, path: Where): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badSnapshot(`${path}`, `must be an object; got ${shown(v)}`);
  return v as Json;
}

function list(v: unknown, path: Where, optional = false): unknown[] {
  if (optional && v === undefined) return [];
  if (!Array.isArray(v)) throw badSnapshot(`${path}`, `must be a list; got ${shown(v)}`);
  return v;
}

function text(v: unknown, path: Where, optional = false): string | undefined {
  if (optional && v === undefined) return undefined;
  if (typeof v !== 'string') throw badSnapshot(`${path}`, `must be a string; got ${shown(v)}`);
  return v;
}

/** A whole number in [min, max]. */
function whole(v: unknown, path: Where, min = 0, max = Number.MAX_SAFE_INTEGER, optional = false): number | undefined {
  if (optional && v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw badSnapshot(`${path}`, `must be a whole number from ${min} to ${max}; got ${shown(v)}`);
  return v;
}

/** A time in epoch ms that a Date can hold. */
function time(v: unknown, path: Where, optional = false): number | undefined {
  if (optional && v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 8.64e15) throw badSnapshot(`${path}`, `must be a time in epoch milliseconds; got ${shown(v)}`);
  return v;
}

function oneOf(v: unknown, path: Where, values: readonly string[], optional = false): string | undefined {
  if (optional && v === undefined) return undefined;
  if (typeof v !== 'string' || !values.includes(v)) throw badSnapshot(`${path}`, `must be one of ${values.join(', ')}; got ${shown(v)}`);
  return v;
}

function bool(v: unknown, path: Where, optional = false): void {
  if (optional && v === undefined) return;
  if (typeof v !== 'boolean') throw badSnapshot(`${path}`, `must be true or false; got ${shown(v)}`);
}

const FAULTS = ['trunk-failure', 'agent-update-failure'];
const SETTINGS = ['serviceLongArnFormat', 'taskLongArnFormat', 'containerInstanceLongArnFormat', 'awsvpcTrunking'];

function checkEvent(raw: unknown, path: string, sequence: number): void {
  const e = object(raw, path);
  time(own(e, 'at'), `${path}.at`);
  whole(own(e, 'seq'), `${path}.seq`, 0, Math.max(0, sequence - 1));
  const kind = text(own(e, 'kind'), `${path}.kind`)!;
  if (!Object.prototype.hasOwnProperty.call(EVENT_HANDLERS, kind)) throw badSnapshot(`${path}.kind`, `not an event the simulator schedules; got ${quote(kind)}`);
  const payload = object(own(e, 'payload'), `${path}.payload`);
  for (const [k, v] of Object.entries(payload)) {
    if (typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) throw badSnapshot(`${path}.payload.${k}`, `must be a string, number or boolean; got ${shown(v)}`);
  }
}

const PORT_LISTS = ['tcpPorts', 'udpPorts'] as const;
const LATER_TIMES = ['startedAt', 'stoppingAt', 'stoppedAt'] as const;

function checkReservation(raw: unknown, path: string): void {
  const at = new MemberPath(path);
  const r = object(raw, path);
  whole(own(r, 'cpu'), at.of('cpu'), 0, 2 ** 31 - 1);
  whole(own(r, 'memory'), at.of('memory'), 0, 2 ** 31 - 1);
  for (const k of PORT_LISTS) {
    const ports = list(own(r, k), at.of(k));
    for (let i = 0; i < ports.length; i++) whole(ports[i], `${path}.${k}[${i}]`, 1, 65535);
  }
  const gpuIds = list(own(r, 'gpuIds'), at.of('gpuIds'));
  for (let i = 0; i < gpuIds.length; i++) text(gpuIds[i], `${path}.gpuIds[${i}]`);
  bool(own(r, 'eni'), at.of('eni'));
}

function checkInstance(raw: unknown, path: string, clusterName: string, index: number, facts: ClusterConsistency): void {
  const at = new MemberPath(path);
  const r = object(raw, path);
  const arn = text(own(r, 'arn'), at.of('arn'))!;
  text(own(r, 'id'), at.of('id'));
  if (own(r, 'clusterName') !== clusterName) throw badSnapshot(`${path}.clusterName`, `must be the cluster's name ${quote(clusterName)}; got ${shown(own(r, 'clusterName'))}`);
  text(own(r, 'ec2InstanceId'), at.of('ec2InstanceId'), true);
  atPath(path, () => checkResources(list(own(r, 'registeredResources'), at.of('registeredResources')), 'registeredResources'));
  atPath(path, () => checkVersionInfo(object(own(r, 'versionInfo'), at.of('versionInfo')), 'versionInfo'));
  const status = oneOf(own(r, 'status'), at.of('status'), INSTANCE_STATUSES)!;
  text(own(r, 'statusReason'), at.of('statusReason'), true);
  bool(own(r, 'agentConnected'), at.of('agentConnected'));
  oneOf(own(r, 'agentUpdateStatus'), at.of('agentUpdateStatus'), AGENT_UPDATE_STATUSES, true);
  time(own(r, 'registeredAt'), at.of('registeredAt'));
  whole(own(r, 'version'), at.of('version'), 1);
  atPath(path, () => checkAttributes(list(own(r, 'attributes'), at.of('attributes')), 'attributes'));
  list(own(r, 'attachments'), at.of('attachments')).forEach((a, i) => {
    const o = object(a, `${path}.attachments[${i}]`);
    for (const k of ['id', 'type', 'status']) text(own(o, k), `${path}.attachments[${i}].${k}`, true);
    list(own(o, 'details'), `${path}.attachments[${i}].details`, true).forEach((d, j) => {
      const x = object(d, `${path}.attachments[${i}].details[${j}]`);
      for (const k of ['name', 'value']) text(own(x, k), `${path}.attachments[${i}].details[${j}].${k}`, true);
    });
  });
  atPath(path, () => checkTags(list(own(r, 'tags'), at.of('tags')), 'tags', STORED));
  const running = whole(own(r, 'runningTasksCount'), at.of('runningTasksCount'), 0, 2 ** 31 - 1)!;
  const pending = whole(own(r, 'pendingTasksCount'), at.of('pendingTasksCount'), 0, 2 ** 31 - 1)!;
  facts.instance(index, arn, status, running, pending);
  atPath(path, () => checkPlatformDevices(list(own(r, 'platformDevices'), at.of('platformDevices')), 'platformDevices'));
  text(own(r, 'instanceType'), at.of('instanceType'), true);
  bool(own(r, 'trunked'), at.of('trunked'));
  if (own(r, 'unattributed') !== undefined) checkReservation({ ...object(own(r, 'unattributed'), at.of('unattributed')), eni: false }, `${path}.unattributed`);
}

function checkTask(raw: unknown, path: string, clusterName: string, index: number, facts: ClusterConsistency): void {
  const at = new MemberPath(path);
  const t = object(raw, path);
  const arn = text(own(t, 'arn'), at.of('arn'))!;
  text(own(t, 'id'), at.of('id'));
  if (own(t, 'clusterName') !== clusterName) throw badSnapshot(`${path}.clusterName`, `must be the cluster's name ${quote(clusterName)}; got ${shown(own(t, 'clusterName'))}`);
  text(own(t, 'taskDefinitionArn'), at.of('taskDefinitionArn'));
  const launchType = oneOf(own(t, 'launchType'), at.of('launchType'), ['EC2', 'FARGATE'], true) ?? 'EC2';
  const instance = text(own(t, 'containerInstanceArn'), at.of('containerInstanceArn'), true);
  text(own(t, 'group'), at.of('group'));
  text(own(t, 'startedBy'), at.of('startedBy'), true);
  text(own(t, 'serviceName'), at.of('serviceName'), true);
  const last = oneOf(own(t, 'lastStatus'), at.of('lastStatus'), TASK_STATUSES)!;
  oneOf(own(t, 'desiredStatus'), at.of('desiredStatus'), DESIRED_STATUSES);
  time(own(t, 'createdAt'), at.of('createdAt'));
  for (const k of LATER_TIMES) time(own(t, k), at.of(k), true);
  text(own(t, 'stoppedReason'), at.of('stoppedReason'), true);
  whole(own(t, 'version'), at.of('version'), 1);
  checkReservation(own(t, 'reservation'), `${path}.reservation`);
  list(own(t, 'containers'), at.of('containers')).forEach((c, i) => text(c, `${path}.containers[${i}]`));
  atPath(path, () => checkTags(list(own(t, 'tags'), at.of('tags')), 'tags', STORED));
  if (own(t, 'overrides') !== undefined) atPath(path, () => validateShape('TaskOverride', own(t, 'overrides'), { where: 'overrides' }));
  facts.task(index, arn, last, launchType, instance);
}

/** A resource's client token and request (`shared/client-token.ts`), when it has one. */
function checkClientToken(raw: unknown, path: string): void {
  if (raw === undefined) return;
  const t = object(raw, path);
  text(own(t, 'clientToken'), `${path}.clientToken`);
  text(own(t, 'request'), `${path}.request`);
}

/**
 * Checks a snapshot (already the object `restore` was given or parsed) before anything is loaded;
 * throws an InvalidParameterException naming the JSON path of the first fault.
 */
export function checkSnapshot(snapshot: unknown): void {
  const s = object(snapshot, 'snapshot');
  const options = object(own(s, 'options'), 'options');
  for (const k of ['region', 'accountId', 'principalArn', 'latestAgentVersion']) text(own(options, k), `options.${k}`);
  whole(own(options, 'seed'), 'options.seed', Number.MIN_SAFE_INTEGER);
  oneOf(own(options, 'longArnFormatDefault'), 'options.longArnFormatDefault', ['enabled', 'disabled']);
  time(own(options, 'startTime'), 'options.startTime');
  const clock = object(own(s, 'clock'), 'clock');
  time(own(clock, 'now'), 'clock.now');
  const sequence = whole(own(clock, 'sequence'), 'clock.sequence')!;
  list(own(clock, 'events'), 'clock.events').forEach((e, i) => checkEvent(e, `clock.events[${i}]`, sequence));
  const random = own(s, 'random');
  if (typeof random !== 'number' || !Number.isSafeInteger(random)) throw badSnapshot('random', `must be a state of the seeded random source (an integer); got ${shown(random)}`);
  list(own(s, 'faults'), 'faults').forEach((f, i) => {
    const entry = list(f, `faults[${i}]`);
    oneOf(entry[0], `faults[${i}][0]`, FAULTS);
    whole(entry[1], `faults[${i}][1]`, 0, 2 ** 31 - 1);
  });
  if (own(s, 'taskDefinitions') !== undefined) list(own(object(own(s, 'taskDefinitions'), 'taskDefinitions'), 'entries'), 'taskDefinitions.entries').forEach((e, i) => object(e, `taskDefinitions.entries[${i}]`));
  list(own(s, 'settings'), 'settings').forEach((p, i) => {
    const entry = list(p, `settings[${i}]`);
    text(entry[0], `settings[${i}][0]`);
    list(entry[1], `settings[${i}][1]`).forEach((kv, j) => {
      const pair = list(kv, `settings[${i}][1][${j}]`);
      oneOf(pair[0], `settings[${i}][1][${j}][0]`, SETTINGS);
      oneOf(pair[1], `settings[${i}][1][${j}][1]`, ['enabled', 'disabled']);
    });
  });
  const names = new Set<string>();
  list(own(s, 'clusters'), 'clusters').forEach((raw, c) => {
    const path = `clusters[${c}]`;
    const cluster = object(raw, path);
    const name = text(own(cluster, 'name'), `${path}.name`)!;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw badSnapshot(`${path}.name`, `not a cluster name; got ${quote(name)}`);
    if (names.has(name)) throw badSnapshot(`${path}.name`, `cluster ${quote(name)} appears twice`);
    names.add(name);
    text(own(cluster, 'arn'), `${path}.arn`);
    oneOf(own(cluster, 'status'), `${path}.status`, ['ACTIVE', 'INACTIVE']);
    atPath(path, () => checkTags(list(own(cluster, 'tags'), `${path}.tags`), 'tags', STORED));
    const facts = new ClusterConsistency({
      instance: (i) => `${path}.instances[${i}]`, instanceArn: 'arn',
      task: (i) => `${path}.tasks[${i}]`, taskArn: 'arn',
      fail: badSnapshot,
    });
    list(own(cluster, 'instances'), `${path}.instances`).forEach((r, i) => checkInstance(r, `${path}.instances[${i}]`, name, i, facts));
    whole(own(cluster, 'generation'), `${path}.generation`, 1, 2 ** 31 - 1, true);
    const nextSeq = whole(own(cluster, 'nextTaskSeq'), `${path}.nextTaskSeq`, 0, Number.MAX_SAFE_INTEGER, true);
    let lastSeq = -1;
    list(own(cluster, 'tasks'), `${path}.tasks`, true).forEach((t, i) => {
      checkTask(t, `${path}.tasks[${i}]`, name, i, facts);
      // Tasks are listed in creation order, their seqs ascending (ListTasks pages by them).
      const seq = whole(own(t as Json, 'seq'), `${path}.tasks[${i}].seq`, lastSeq + 1, nextSeq === undefined ? Number.MAX_SAFE_INTEGER : nextSeq - 1, true);
      if (seq !== undefined) lastSeq = seq;
    });
    // An instance counts at least its live tasks (a loaded dump may count tasks it did not list).
    facts.finish();
    const services = new Set<string>();
    list(own(cluster, 'services'), `${path}.services`, true).forEach((raw, i) => {
      const where = `${path}.services[${i}]`;
      const svc = object(raw, where);
      const svcName = text(own(svc, 'name'), `${where}.name`)!;
      if (services.has(svcName)) throw badSnapshot(`${where}.name`, `service ${quote(svcName)} appears twice`);
      services.add(svcName);
      text(own(svc, 'arn'), `${where}.arn`);
      text(own(svc, 'taskDefinitionArn'), `${where}.taskDefinitionArn`);
      whole(own(svc, 'desiredCount'), `${where}.desiredCount`, 0, 2 ** 31 - 1);
      oneOf(own(svc, 'status'), `${where}.status`, ['ACTIVE', 'DRAINING', 'INACTIVE']);
      whole(own(svc, 'minimumHealthyPercent'), `${where}.minimumHealthyPercent`, 0, 100);
      whole(own(svc, 'maximumPercent'), `${where}.maximumPercent`, 100, 200_000);
      list(own(svc, 'placementConstraints'), `${where}.placementConstraints`).forEach((x, k) => object(x, `${where}.placementConstraints[${k}]`));
      list(own(svc, 'placementStrategy'), `${where}.placementStrategy`).forEach((x, k) => object(x, `${where}.placementStrategy[${k}]`));
      time(own(svc, 'createdAt'), `${where}.createdAt`);
      list(own(svc, 'events'), `${where}.events`).forEach((x, k) => object(x, `${where}.events[${k}]`));
      atPath(where, () => checkTags(list(own(svc, 'tags'), `${where}.tags`), 'tags', STORED));
      list(own(svc, 'taskSets'), `${where}.taskSets`, true).forEach((x, k) => checkClientToken(own(object(x, `${where}.taskSets[${k}]`), 'clientToken'), `${where}.taskSets[${k}].clientToken`));
      // Kept and echoed as CreateService took them: the model's shapes.
      for (const [member, shape] of [['loadBalancers', 'LoadBalancers'], ['serviceRegistries', 'ServiceRegistries']] as const) {
        if (own(svc, member) !== undefined) atPath(where, () => validateShape(shape, own(svc, member), { where: member }));
      }
      whole(own(svc, 'healthCheckGracePeriodSeconds'), `${where}.healthCheckGracePeriodSeconds`, 0, 2 ** 31 - 1, true);
      whole(own(svc, 'replaceTasksBeforeSeq'), `${where}.replaceTasksBeforeSeq`, 0, Number.MAX_SAFE_INTEGER, true);
      checkClientToken(own(svc, 'clientToken'), `${where}.clientToken`);
    });
    bool(own(cluster, 'reconcilePending'), `${path}.reconcilePending`, true);
    for (const k of ['dirtyServices', 'waitingServices']) {
      list(own(cluster, k), `${path}.${k}`, true).forEach((n, i) => {
        if (typeof n !== 'string' || !services.has(n)) throw badSnapshot(`${path}.${k}[${i}]`, `must name a service of the cluster; got ${shown(n)}`);
      });
    }
  });
}

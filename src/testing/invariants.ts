/**
 * What must hold in every simulator state, whatever happened before: the resource accountant,
 * the indexed store and the ECS records all agree with the tasks. Checked after every command
 * of the model-based suite (commands/), after snapshot round trips and on forks.
 *
 * Per container instance, with "live tasks" the tasks on it that are not STOPPED:
 * - accountant: remaining CPU and memory are the registered amounts minus what the live tasks
 *   reserve, never negative; the reservations it holds are exactly the live tasks'; the TCP and
 *   UDP host ports of live tasks are disjoint from each other and from the agent's, and
 *   `remainingResources` lists exactly those; the GPUs live tasks hold are distinct devices of
 *   the instance and the free count is the rest; a task asking for one more GPU, or one more ENI
 *   than the live awsvpc tasks use, is refused (`RESOURCE:GPU`, `RESOURCE:ENI`) exactly when
 *   the instance is full, and the ENIs in use are the live awsvpc tasks;
 * - records: runningTasksCount / pendingTasksCount count the live RUNNING / PENDING tasks; an
 *   INACTIVE instance has none;
 * - store: the instance's row (status, attributes, agent, ec2InstanceId, registeredAt, running
 *   and pending task counts) equals its record, its task groups are the live tasks' groups;
 * - indexes: point queries select exactly what the records say, through the posting lists and
 *   through bitsets — `attribute:x exists` for every attribute name (the records' and the
 *   store's), `attribute:x == v` for one value of each (another one as the store changes),
 *   `task:group == g` for every group, `ec2InstanceId == i` for the first and last ids,
 *   `agentConnected == true`.
 */
import { CompareNode, ExistsNode, Subject, type Expr } from '../cql/ast.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import type { ClusterRecord } from '../ecs/clusters/record.js';
import type { InstanceRecord } from '../ecs/container-instances/record.js';
import { summaryOf } from '../ecs/services/task-summary.js';
import type { TaskRecord } from '../ecs/tasks/record.js';
import { instanceAt } from '../placement/naive.js';
import type { TaskRequirements } from '../resources/types.js';
import type { Resource } from '../shapes.js';

export interface InvariantOptions {
  /** Run the index point queries (the costliest part); default true. */
  readonly indexQueries?: boolean;
}

/** A broken invariant; `violations` lists every one found. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
  constructor(readonly violations: readonly string[]) {
    super(`${violations.length} invariant${violations.length === 1 ? '' : 's'} broken:\n- ${violations.slice(0, 20).join('\n- ')}`);
  }
}

const NOTHING: TaskRequirements = Object.freeze({ cpu: 0, memory: 0, tcpPorts: Object.freeze([]), udpPorts: Object.freeze([]), gpus: 0, eni: false, attributes: Object.freeze([]) });
const ONE_ENI: TaskRequirements = Object.freeze({ ...NOTHING, eni: true });

function integer(resources: readonly Resource[], name: string): number | undefined {
  return resources.find((r) => r.name === name)?.integerValue;
}

function stringSet(resources: readonly Resource[], name: string): readonly string[] {
  return resources.find((r) => r.name === name)?.stringSetValue ?? [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const show = (v: unknown) => JSON.stringify(v);

/** Live (not STOPPED) tasks per instance ARN, in task order. */
export function liveTasksByInstance(cluster: ClusterRecord): Map<string, TaskRecord[]> {
  const out = new Map<string, TaskRecord[]>();
  for (const t of cluster.tasks.values()) {
    if (t.lastStatus === 'STOPPED' || t.containerInstanceArn === undefined) continue;
    let list = out.get(t.containerInstanceArn);
    if (list === undefined) out.set(t.containerInstanceArn, (list = []));
    list.push(t);
  }
  return out;
}

function checkAccountant(cluster: ClusterRecord, record: InstanceRecord, slot: number, live: readonly TaskRecord[], problems: string[]): void {
  const where = `${cluster.name}/${record.id}`;
  const accountant = cluster.accountant;
  if (!accountant.has(slot)) {
    problems.push(`${where}: the accountant does not know the instance`);
    return;
  }
  const remaining = accountant.remainingResources(slot);
  // A loaded dump's use beyond its listed tasks is held too, as one more reservation.
  const extra = record.unattributed;
  const sum = (f: (t: TaskRecord) => number) => live.reduce((n, t) => n + f(t), 0);
  for (const [name, take] of [['CPU', (t: TaskRecord) => t.reservation.cpu], ['MEMORY', (t: TaskRecord) => t.reservation.memory]] as const) {
    const expected = (integer(record.registeredResources, name) ?? 0) - sum(take) - (extra === undefined ? 0 : name === 'CPU' ? extra.cpu : extra.memory);
    const actual = integer(remaining, name);
    if (actual !== expected) problems.push(`${where}: remaining ${name} is ${actual}, registered minus live tasks is ${expected}`);
    if (actual !== undefined && actual < 0) problems.push(`${where}: remaining ${name} is negative (${actual})`);
  }
  const held = accountant.reservations(slot);
  const mine = live.map((t) => t.reservation);
  if (held.length !== mine.length + (extra === undefined ? 0 : 1) || !mine.every((r) => held.includes(r))) {
    problems.push(`${where}: the accountant holds ${held.length} reservations, the instance has ${mine.length} live tasks (or they differ)`);
  }
  for (const [name, key] of [['PORTS', 'tcpPorts'], ['PORTS_UDP', 'udpPorts']] as const) {
    const agent = stringSet(record.registeredResources, name);
    const taken = [...live.flatMap((t) => t.reservation[key].map(String)), ...(extra?.[key].map(String) ?? [])];
    const all = [...agent, ...taken];
    if (new Set(all).size !== all.length) problems.push(`${where}: ${name} reserved twice: ${show(all)}`);
    if (!sameSet(stringSet(remaining, name), [...new Set(all)])) {
      problems.push(`${where}: remaining ${name} ${show(stringSet(remaining, name))} is not the agent's plus the live tasks' ${show(all)}`);
    }
  }
  const devices = record.platformDevices.map((d) => d.id);
  const gpus = [...live.flatMap((t) => t.reservation.gpuIds), ...(extra?.gpuIds ?? [])];
  if (new Set(gpus).size !== gpus.length || gpus.some((g) => !devices.includes(g))) problems.push(`${where}: GPUs held ${show(gpus)} are not distinct devices of ${show(devices)}`);
  if (devices.length > 0 && integer(remaining, 'GPU') !== devices.length - gpus.length) {
    problems.push(`${where}: remaining GPU is ${integer(remaining, 'GPU')}, devices minus held is ${devices.length - gpus.length}`);
  }
  const free = devices.length - gpus.length;
  if (accountant.fits(slot, { ...NOTHING, gpus: free + 1 }) !== 'RESOURCE:GPU') problems.push(`${where}: a task asking for ${free + 1} GPUs fits, but only ${free} are free`);
  const enis = live.filter((t) => t.reservation.eni).length;
  if (cluster.store.enisInUse[slot] !== enis) problems.push(`${where}: ${cluster.store.enisInUse[slot]} ENIs in use, ${enis} live awsvpc tasks`);
  const limit = accountant.eniLimit(slot);
  if (enis > limit) problems.push(`${where}: ${enis} awsvpc tasks exceed the ENI limit ${limit}`);
  const eniVerdict = accountant.fits(slot, ONE_ENI);
  if ((eniVerdict === 'RESOURCE:ENI') !== (enis >= limit)) problems.push(`${where}: ${enis} of ${limit} ENIs in use, yet one more awsvpc task ${eniVerdict === null ? 'fits' : 'does not fit'}`);
}

function checkRecord(cluster: ClusterRecord, record: InstanceRecord, live: readonly TaskRecord[], problems: string[]): void {
  const where = `${cluster.name}/${record.id}`;
  const running = live.filter((t) => t.lastStatus === 'RUNNING').length;
  const pending = live.filter((t) => t.lastStatus === 'PENDING').length;
  if (record.runningTasksCount !== running) problems.push(`${where}: runningTasksCount is ${record.runningTasksCount}, ${running} live tasks are RUNNING`);
  if (record.pendingTasksCount !== pending) problems.push(`${where}: pendingTasksCount is ${record.pendingTasksCount}, ${pending} live tasks are PENDING`);
  if (record.status === 'INACTIVE' && live.length > 0) problems.push(`${where}: INACTIVE with ${live.length} live tasks`);
}

function checkStoreRow(cluster: ClusterRecord, record: InstanceRecord, slot: number, live: readonly TaskRecord[], problems: string[]): void {
  const where = `${cluster.name}/${record.id}`;
  const row = instanceAt(cluster.store, slot);
  const expected = {
    status: record.status,
    attributes: record.attributes.map((a) => `${a.name}=${a.value ?? ''}`).sort(),
    agentConnected: record.agentConnected,
    agentVersion: record.versionInfo.agentVersion,
    ec2InstanceId: record.ec2InstanceId,
    registeredAt: record.registeredAt,
    runningTasksCount: record.runningTasksCount,
  };
  const actual = {
    status: row.status,
    attributes: (row.attributes ?? []).map((a) => `${a.name}=${a.value ?? ''}`).sort(),
    agentConnected: row.agentConnected,
    agentVersion: row.versionInfo?.agentVersion,
    ec2InstanceId: row.ec2InstanceId,
    registeredAt: row.registeredAt?.getTime(),
    runningTasksCount: row.runningTasksCount,
  };
  if (show(actual) !== show(expected)) problems.push(`${where}: the store row ${show(actual)} differs from the record ${show(expected)}`);
  if (cluster.store.pendingTasksCount[slot] !== record.pendingTasksCount) problems.push(`${where}: the store's pendingTasksCount is ${cluster.store.pendingTasksCount[slot]}, the record's ${record.pendingTasksCount}`);
  const groups = [...new Set(live.map((t) => t.group))];
  if (!sameSet(cluster.store.taskGroupsAt(slot), groups)) problems.push(`${where}: the store has task groups ${show(cluster.store.taskGroupsAt(slot))}, the live tasks ${show(groups)}`);
}

/** Probe ASTs by key, so the store's plan cache (keyed by AST identity) serves repeated probes. */
const probeCache = new Map<string, Expr>();
function probe(key: string, make: () => Expr): Expr {
  let ast = probeCache.get(key);
  if (ast === undefined) {
    if (probeCache.size >= 10_000) probeCache.clear();
    probeCache.set(key, (ast = make()));
  }
  return ast;
}

/** At most this many `ec2InstanceId` probes per check: ids are nearly unique, so more add cost, not coverage. */
const MAX_ID_PROBES = 2;

/** Instance ARNs per probe key, in registration order: what each point query must select. */
class Expected {
  readonly byKey = new Map<string, string[]>();
  add(key: string, arn: string): void {
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [arn]);
    // An instance is listed once per key (two tasks of one group on it count once).
    else if (list[list.length - 1] !== arn) list.push(arn);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Point queries through the indexes, each compared with what the records say. */
function checkIndexes(cluster: ClusterRecord, liveTasks: ReadonlyMap<string, TaskRecord[]>, problems: string[]): void {
  const expected = new Expected();
  const values = new Map<string, string[]>();
  const ids: string[] = [];
  for (const r of cluster.instances.values()) {
    for (const a of r.attributes) {
      const value = a.value ?? '';
      expected.add(`e\0${a.name}`, r.arn);
      const key = `a\0${a.name}\0${value}`;
      if (!expected.byKey.has(key)) values.set(a.name!, [...(values.get(a.name!) ?? []), value]);
      expected.add(key, r.arn);
    }
    for (const t of liveTasks.get(r.arn) ?? []) expected.add(`g\0${t.group}`, r.arn);
    if (r.ec2InstanceId !== undefined) {
      if (!expected.byKey.has(`i\0${r.ec2InstanceId}`)) ids.push(r.ec2InstanceId);
      expected.add(`i\0${r.ec2InstanceId}`, r.arn);
    }
    if (r.agentConnected) expected.add('c', r.arn);
  }
  const probes: [key: string, ast: () => Expr, label: () => string][] = [];
  // Each attribute name: `exists`, and one of its values, which one chosen by the store's
  // revision so that successive checks of a changing cluster probe every value, reproducibly.
  // Names only the store knows (a column left behind) must select nothing.
  for (const name of cluster.store.attributes.keys()) if (!values.has(name)) values.set(name, []);
  let turn = cluster.store.revision;
  for (const [name, vs] of values) {
    const subject = Subject.of('attribute', name);
    probes.push([`e\0${name}`, () => ExistsNode.create(subject, false), () => `attribute:${name} exists`]);
    if (vs.length === 0) continue;
    const value = vs[turn++ % vs.length]!;
    probes.push([`a\0${name}\0${value}`, () => CompareNode.create(subject, '==', value), () => `attribute:${name} == ${show(value)}`]);
  }
  for (const key of expected.byKey.keys()) {
    if (!key.startsWith('g\0')) continue;
    const group = key.slice(2);
    probes.push([key, () => CompareNode.create(Subject.of('task:group'), '==', group), () => `task:group == ${show(group)}`]);
  }
  // The first and last ids (registration order).
  for (const id of new Set(ids.length <= MAX_ID_PROBES ? ids : [ids[0]!, ids[ids.length - 1]!])) {
    probes.push([`i\0${id}`, () => CompareNode.create(Subject.of('ec2InstanceId'), '==', id), () => `ec2InstanceId == ${show(id)}`]);
  }
  probes.push(['c', () => CompareNode.create(Subject.of('agentConnected'), '==', 'true'), () => 'agentConnected == true']);
  for (const [key, make, label] of probes) {
    const ast = probe(key, make);
    const want = expected.byKey.get(key) ?? [];
    for (const path of ['postings', 'bitsets'] as const) {
      // No status filter: every instance of the cluster, INACTIVE ones included, is in the store.
      const actual = cluster.store.query(ast, { path });
      if (!sameList(actual, want)) problems.push(`${cluster.name}: ${label()} (${path}) selects ${show(actual)}; the records say ${show(want)}`);
    }
  }
}

/** The task indexes by instance and by service (`tasks/task-index.ts`) list exactly the live tasks. */
function checkTaskIndexes(cluster: ClusterRecord, problems: string[]): void {
  const byInstance = new Map<string, string[]>();
  const byService = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const t of cluster.tasks.values()) {
    if (t.lastStatus === 'STOPPED') continue;
    if (t.containerInstanceArn !== undefined) push(byInstance, t.containerInstanceArn, t.arn);
    if (t.serviceName !== undefined) push(byService, t.serviceName, t.arn);
  }
  for (const [what, index, want] of [['instance', cluster.tasksByInstance, byInstance], ['service', cluster.tasksByService, byService]] as const) {
    const keys = new Set([...index.keys(), ...want.keys()]);
    for (const key of keys) {
      const a = [...(index.peek(key) ?? [])];
      const b = want.get(key) ?? [];
      if (!sameList(a, b)) problems.push(`${cluster.name}: the task index by ${what} lists ${show(a)} under ${show(key)}; the tasks say ${show(b)}`);
    }
  }
}

/** The scheduler's kept summaries (`services/task-summary.ts`) say what the service's live tasks say. */
function checkServiceSummaries(cluster: ClusterRecord, problems: string[]): void {
  for (const [name, kept] of cluster.serviceSummaries) {
    if (!cluster.services.has(name)) {
      problems.push(`${cluster.name}: a task summary of ${show(name)}, which is not a service of the cluster`);
      continue;
    }
    const want = summaryOf(cluster, name);
    for (const part of ['stopping', 'pending', 'outdated'] as const) {
      const a = [...kept[part]].sort();
      const b = [...want[part]].sort();
      if (!sameList(a, b)) problems.push(`${cluster.name}/${name}: the kept summary's ${part} is ${show(a)}; the tasks say ${show(b)}`);
    }
  }
}

/**
 * Every broken invariant of the simulator's state, in words (empty when all hold).
 *
 * @example
 * expect(invariantViolations(sim)).toEqual([]);
 */
export function invariantViolations(sim: EcsSimulator, options: InvariantOptions = {}): string[] {
  const problems: string[] = [];
  for (const cluster of sim.state.clusters.values()) {
    const liveTasks = liveTasksByInstance(cluster);
    for (const arn of liveTasks.keys()) if (!cluster.instances.has(arn)) problems.push(`${cluster.name}: live tasks on ${arn}, which is not an instance of the cluster`);
    if (cluster.store.liveCount !== cluster.instances.size) problems.push(`${cluster.name}: the store holds ${cluster.store.liveCount} instances, the cluster ${cluster.instances.size}`);
    for (const record of cluster.instances.values()) {
      if (!cluster.store.has(record.arn)) {
        problems.push(`${cluster.name}/${record.id}: not in the store`);
        continue;
      }
      const slot = cluster.store.slotOf(record.arn);
      const live = liveTasks.get(record.arn) ?? [];
      checkRecord(cluster, record, live, problems);
      checkStoreRow(cluster, record, slot, live, problems);
      if (record.status !== 'INACTIVE') checkAccountant(cluster, record, slot, live, problems);
    }
    checkTaskIndexes(cluster, problems);
    checkServiceSummaries(cluster, problems);
    if (options.indexQueries !== false) checkIndexes(cluster, liveTasks, problems);
  }
  return problems;
}

/**
 * Throws an `InvariantViolation` listing every broken invariant of the simulator's state.
 *
 * @example
 * sim.runTask({ cluster: 'prod', taskDefinition: 'web', count: 3 });
 * checkInvariants(sim);
 */
export function checkInvariants(sim: EcsSimulator, options: InvariantOptions = {}): void {
  const problems = invariantViolations(sim, options);
  if (problems.length > 0) throw new InvariantViolation(problems);
}

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
 * - every EC2 task not STOPPED on its instance: its reservation (CPU, memory, static host ports,
 *   GPUs — the ids the task names in `containers[].gpuIds`, else the lowest free — and an ENI for
 *   awsvpc) held by the accountant, its group counted for `task:group`; FARGATE tasks on no
 *   instance; PENDING tasks start and stopping tasks stop on the simulated clock as placed ones do;
 * - the services of every kind (REPLICA / DAEMON, EC2 / FARGATE, deployed by ECS or by the task
 *   sets DescribeServices shows), whose scheduler then looks after them (`dump/services.ts`).
 *
 * A real dump usually lists no tasks, yet its `remainingResources` are below the registered ones:
 * what the dump shows in use beyond the listed tasks is held as the instance's *unattributed* use
 * (`InstanceRecord.unattributed`), so every instance describes again exactly as it was dumped and
 * placement sees the capacity that is really left; it is never released (nothing knows which
 * tasks hold it). `runningTasksCount` / `pendingTasksCount` are kept as given (they may count
 * tasks the dump did not list) but must be at least the listed tasks'; without them they are the
 * listed tasks'.
 *
 * Only a consistent state loads: each record is checked as the model's shape, by the rules of the
 * operation that makes it, and against the others as `restore` checks a snapshot's
 * (`consistency.ts`); reservations must fit. Anything else is an InvalidParameterException naming
 * the JSON path (`fromDescribeOutput: tasks[3].taskDefinitionArn: ...`), built only then
 * (`dump/faults.ts`); the state is unchanged (everything is built on a new cluster record, put in
 * place at the end).
 */
import { InvalidParameterException } from '../../errors.js';
import { describeValue } from '../../model/validate.js';
import type { Reservation } from '../../resources/types.js';
import { newCluster, type ClusterRecord } from '../clusters/record.js';
import { addInstances } from '../container-instances/instances.js';
import type { ServiceRecord } from '../services/record.js';
import { scheduleReconcile } from '../services/scheduler.js';
import { clusterArn, parseContainerInstanceArn } from '../shared/arns.js';
import type { Input } from '../shared/validate.js';
import type { TaskDefinition } from '../task-definitions/registry.js';
import { STOPPED_TASK_RETENTION_MS, TASK_START_MS, TASK_STOP_MS } from '../tasks/lifecycle.js';
import { FARGATE_RESERVATION, type TaskRecord } from '../tasks/record.js';
import { indexTasks } from '../tasks/task-index.js';
import { ClusterConsistency } from './consistency.js';
import { dumpError, DumpCluster, fault, located, MAX_TIME } from './dump/faults.js';
import { loadInstance, unattributedUse, type LoadedInstance } from './dump/instances.js';
import { loadService, loadTaskDefinition, type DefinitionLookup } from './dump/services.js';
import { loadTask, type LoadedTask } from './dump/tasks.js';
import type { SimState } from './state.js';

const clone = <T>(x: T): T => structuredClone(x);

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
    // (a time no Date holds is refused when its record is loaded)
    if (Math.abs(t) <= MAX_TIME && t > latest) latest = t;
  };
  const each = (list: unknown, keys: string[]) => {
    if (!Array.isArray(list)) return;
    // (index loops here and below: this runs once per load, mostly unoptimised, where for-of
    // makes an iterator result per step)
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item === 'object' && item !== null) for (let k = 0; k < keys.length; k++) see((item as Input)[keys[k]!]);
    }
  };
  each(body.containerInstances, ['registeredAt']);
  each(body.tasks, ['createdAt', 'startedAt', 'stoppingAt', 'stoppedAt']);
  each(body.services, ['createdAt']);
  return Number.isFinite(latest) ? Math.ceil(latest / 1000) * 1000 : null;
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
  const listOf = (member: string): unknown[] => {
    const v = body![member];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw dumpError(member, `must be a list; got ${describeValue(v)}`);
    return v;
  };
  const dumpCluster = new DumpCluster();
  const facts = new ClusterConsistency({
    instance: (i) => `containerInstances[${i}]`, instanceArn: 'containerInstanceArn',
    task: (i) => `tasks[${i}]`, taskArn: 'taskArn',
    fail: dumpError,
  });

  // 1. Everything checked and built as plain records first.
  const instances = new Map<string, LoadedInstance>();
  const instanceIds = new Set<string>();
  const rawInstances = body!['containerInstances'] as unknown[];
  for (let i = 0; i < rawInstances.length; i++) {
    let loaded: LoadedInstance;
    try {
      loaded = loadInstance(state, rawInstances[i], i, clusterName, dumpCluster);
    } catch (e) {
      throw located(e, `containerInstances[${i}]`);
    }
    const { record } = loaded;
    facts.instance(i, record.arn, record.status, loaded.running, loaded.pending);
    if (instanceIds.has(record.id)) throw dumpError(`containerInstances[${i}].containerInstanceArn`, `the id ${record.id} appears twice`);
    instanceIds.add(record.id);
    instances.set(record.arn, loaded);
  }

  const definitions = new Map<string, TaskDefinition>();
  listOf('taskDefinitions').forEach((raw, i) => {
    let td: TaskDefinition;
    try {
      td = loadTaskDefinition(state, raw);
    } catch (e) {
      throw located(e, `taskDefinitions[${i}]`);
    }
    if (definitions.has(td.taskDefinitionArn!) || state.taskDefinitions.get(td.taskDefinitionArn!) !== undefined) {
      throw dumpError(`taskDefinitions[${i}].taskDefinitionArn`, `${td.taskDefinitionArn} appears twice (or is registered already)`);
    }
    if (td.revision! < state.taskDefinitions.nextRevision(td.family!)) {
      throw dumpError(`taskDefinitions[${i}].revision`, `${td.family} is registered up to revision ${state.taskDefinitions.nextRevision(td.family!) - 1} already`);
    }
    definitions.set(td.taskDefinitionArn!, td);
  });
  const lookup: DefinitionLookup = (arn) => definitions.get(arn) ?? state.taskDefinitions.get(arn);

  const services = new Map<string, ServiceRecord>();
  listOf('services').forEach((raw, i) => {
    let s: ServiceRecord;
    try {
      s = loadService(state, raw, clusterName, dumpCluster, lookup);
    } catch (e) {
      throw located(e, `services[${i}]`);
    }
    if (services.has(s.name)) throw dumpError(`services[${i}].serviceName`, `${s.name} appears twice`);
    services.set(s.name, s);
  });

  const tasks: LoadedTask[] = [];
  const taskIds = new Set<string>();
  const rawTasks = listOf('tasks');
  for (let i = 0; i < rawTasks.length; i++) {
    let t: LoadedTask;
    try {
      t = loadTask(state, rawTasks[i], i, clusterName, dumpCluster, lookup, services);
    } catch (e) {
      throw located(e, `tasks[${i}]`);
    }
    const { task } = t;
    facts.task(i, task.arn, task.lastStatus, task.launchType, task.containerInstanceArn);
    if (taskIds.has(task.id)) throw dumpError(`tasks[${i}].taskArn`, `the id ${task.id} appears twice`);
    taskIds.add(task.id);
    tasks.push(t);
  }
  // A service whose tasks have short ARNs gets short ones for its new tasks too.
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    const s = t.task.serviceName === undefined ? undefined : services.get(t.task.serviceName);
    if (s !== undefined && !t.longArn && s.longTaskArns) services.set(s.name, { ...s, longTaskArns: false });
  }

  // 2. Counts: the listed tasks are a lower bound of what the dump says.
  for (const [arn, counts] of facts.finish()) {
    const record = instances.get(arn)!.record;
    record.runningTasksCount = counts.running;
    record.pendingTasksCount = counts.pending;
  }

  // 3. A new cluster record: instances, then the tasks' reservations, then the unattributed use.
  const cluster = newCluster(clusterName, existing?.arn ?? clusterArn(state.ctx, clusterName), state.journal);
  // A cluster put in place of an existing (empty) one is a new incarnation: its tokens are its own.
  cluster.generation = (existing?.generation ?? 0) + 1;
  if (existing !== undefined) {
    cluster.status = existing.status;
    cluster.tags = clone(existing.tags);
  }
  const loadedInstances = [...instances.values()];
  const slots = addInstances(cluster, loadedInstances.map((loaded) => loaded.record));
  loadedInstances.forEach((loaded, i) => (loaded.slot = slots[i]!));
  const heldGpus = new Map<string, Set<string>>();
  const held = new Map<string, Reservation[]>();
  // Each live EC2 task's group on its instance, counted for task:group once all are reserved.
  const taskSlots: number[] = [];
  const taskGroups: string[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    try {
      const reservation = (t.task.reservation = reserve(cluster, t, instances, heldGpus));
      if (reservation.slot < 0) continue;
      taskSlots.push(reservation.slot);
      taskGroups.push(t.task.group);
      const list = held.get(t.task.containerInstanceArn!);
      if (list === undefined) held.set(t.task.containerInstanceArn!, [reservation]);
      else list.push(reservation);
    } catch (e) {
      throw located(e, `tasks[${t.index}]`);
    }
  }
  cluster.store.addTasksAtSlots(taskSlots, taskGroups);
  for (const loaded of instances.values()) {
    const { record } = loaded;
    const taken = heldGpus.get(record.arn);
    try {
      const free = record.platformDevices.length === 0 ? [] : record.platformDevices.map((d) => d.id).filter((id) => taken === undefined || !taken.has(id));
      const use = unattributedUse(loaded, held.get(record.arn) ?? [], free);
      if (use === undefined) continue;
      cluster.accountant.restore({ ...use, slot: loaded.slot, eni: false });
      record.unattributed = use;
    } catch (e) {
      throw located(e, `containerInstances[${loaded.index}]`);
    }
  }

  // 4. Nothing can fail from here: put it all in place.
  const records: TaskRecord[] = tasks.map((t) => t.task);
  for (const td of [...definitions.values()].sort((a, b) => (a.family! < b.family! ? -1 : a.family! > b.family! ? 1 : a.revision! - b.revision!))) {
    state.taskDefinitions.add(td);
  }
  cluster.nextTaskSeq = tasks.length;
  for (let i = 0; i < records.length; i++) {
    const task = records[i]!;
    cluster.tasks.set(task.arn, task);
    cluster.taskIdToArn.set(task.id, task.arn);
  }
  indexTasks(cluster, records.filter((task) => task.lastStatus !== 'STOPPED'));
  for (const s of services.values()) cluster.services.set(s.name, s);
  state.clusters.set(clusterName, cluster);
  const now = state.clock.now;
  for (let i = 0; i < records.length; i++) {
    const task = records[i]!;
    const payload = { cluster: clusterName, arn: task.arn };
    if (task.lastStatus === 'STOPPED') state.clock.schedule(Math.max(0, (task.stoppedAt ?? now) + STOPPED_TASK_RETENTION_MS - now), 'task-expired', payload);
    else if (task.desiredStatus === 'STOPPED') state.clock.schedule(Math.max(0, (task.stoppingAt ?? now) + TASK_STOP_MS - now), 'task-stopped', payload);
    else if (task.lastStatus === 'PENDING') state.clock.schedule(Math.max(0, task.createdAt + TASK_START_MS - now), 'task-started', payload);
  }
  scheduleReconcile(state, cluster);
  return cluster;
}

/**
 * What a task holds: a live EC2 task its resources on its instance (the GPUs it names, else the
 * lowest free), beside the tasks listed before it; a STOPPED one nothing (its reservation kept as
 * it was); a FARGATE one nothing on any instance.
 */
function reserve(cluster: ClusterRecord, t: LoadedTask, instances: ReadonlyMap<string, LoadedInstance>, heldGpus: Map<string, Set<string>>): Reservation {
  const { task, requirements: req } = t;
  if (task.launchType === 'FARGATE') return FARGATE_RESERVATION;
  if (task.lastStatus === 'STOPPED') {
    return Object.freeze({ slot: -1, cpu: req.cpu, memory: req.memory, tcpPorts: req.tcpPorts, udpPorts: req.udpPorts, gpuIds: Object.freeze([...(t.gpuIds ?? [])]), eni: req.eni });
  }
  const instanceArn = task.containerInstanceArn!;
  const loaded = instances.get(instanceArn)!;
  let gpuIds: readonly string[] = [];
  if (req.gpus > 0 || t.gpuIds !== undefined) {
    const devices = loaded.record.platformDevices.map((d) => d.id);
    let held = heldGpus.get(instanceArn);
    if (held === undefined) heldGpus.set(instanceArn, (held = new Set<string>()));
    gpuIds = t.gpuIds ?? devices.filter((id) => !held!.has(id)).slice(0, req.gpus);
    for (const id of gpuIds) {
      if (!devices.includes(id)) fault('containers', `GPU ${id} is not a device of ${instanceArn}`);
      if (held.has(id)) fault('containers', `GPU ${id} is held by another task`);
    }
    for (const id of gpuIds) held.add(id);
  }
  const { slot } = loaded;
  let reservation: Reservation;
  try {
    reservation = cluster.accountant.restore({ slot, cpu: req.cpu, memory: req.memory, tcpPorts: req.tcpPorts, udpPorts: req.udpPorts, gpuIds, eni: req.eni });
  } catch (e) {
    const reason = (e as { reason?: string }).reason;
    if (reason === undefined) throw e;
    return fault('', `does not fit on ${instanceArn} beside the tasks listed before it (${reason})`);
  }
  return reservation;
}

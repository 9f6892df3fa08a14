/**
 * The container instances of a dump (DescribeContainerInstances' `containerInstances`): each
 * checked as the model's ContainerInstance and by RegisterContainerInstance's rules (attributes,
 * resources, devices, version info, tags), built as an InstanceRecord of the cluster; and what its
 * `remainingResources` show in use beyond the listed tasks (its *unattributed* use).
 */
import { portsOf } from '../../../resources/accountant.js';
import type { Reservation } from '../../../resources/types.js';
import type { Attachment, ContainerInstance, Resource } from '../../../shapes.js';
import { checkAttributes, isCustomAttribute, MAX_CUSTOM_ATTRIBUTES } from '../../attributes/rules.js';
import { checkPlatformDevices, checkResources, checkVersionInfo } from '../../container-instances/checks.js';
import type { InstanceRecord, PlatformDevice, UnattributedUse } from '../../container-instances/record.js';
import { parseContainerInstanceArn } from '../../shared/arns.js';
import type { SimState } from '../state.js';
import { AGENT_UPDATE_STATUSES, INSTANCE_STATUSES } from '../consistency.js';
import { countOf, fault, sameAccount, shaped, supported, tagsOf, timeOf, type DumpCluster } from './faults.js';

/** A member as a dump may hold it: absent or null alike. */
export type Dumped<T> = { [K in keyof T]?: T[K] | null };

export interface LoadedInstance {
  readonly record: InstanceRecord;
  /** its place in `containerInstances` */
  readonly index: number;
  /** as given, or undefined */
  readonly remaining: Resource[] | undefined;
  readonly running: number | undefined;
  readonly pending: number | undefined;
  /** its slot in the cluster's store, once added */
  slot: number;
}

/** The number a registered INTEGER / LONG / DOUBLE resource carries (as the accountant reads it). */
export function amount(r: Resource | undefined): number {
  if (r === undefined) return 0;
  const v = r.type === 'LONG' ? r.longValue : r.type === 'DOUBLE' ? r.doubleValue : (r.integerValue ?? r.longValue ?? r.doubleValue);
  return Math.floor(v ?? 0);
}

function find(list: readonly Resource[], name: string): Resource | undefined {
  for (const r of list) if (r.name === name) return r;
  return undefined;
}

function attachmentsOf(list: readonly Attachment[]): Attachment[] {
  return list.map((x) => ({
    id: x.id ?? undefined,
    type: x.type ?? undefined,
    status: x.status ?? undefined,
    details: (x.details ?? []).map((d) => ({ name: d.name ?? undefined, value: d.value ?? undefined })),
  }));
}

/** One element of `containerInstances`; faults name its members. */
export function loadInstance(state: SimState, raw: unknown, index: number, clusterName: string, dumpCluster: DumpCluster): LoadedInstance {
  const o = shaped<Dumped<ContainerInstance>>('ContainerInstance', raw);
  const arn = o.containerInstanceArn ?? undefined;
  const parsed = arn === undefined ? null : parseContainerInstanceArn(arn);
  if (parsed === null) return fault('containerInstanceArn', 'expected a container instance ARN');
  sameAccount(state.ctx, parsed, 'containerInstanceArn', arn!);
  if (parsed.clusterName !== null) dumpCluster.see(parsed.clusterName, 'containerInstanceArn');
  const attributes = checkAttributes(o.attributes ?? [], 'attributes');
  let custom = 0;
  for (const a of attributes) if (isCustomAttribute(a.name!)) custom++;
  if (custom > MAX_CUSTOM_ATTRIBUTES) fault('attributes', `at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes per container instance; got ${custom}`);
  const registeredResources = checkResources(o.registeredResources ?? [], 'registeredResources');
  const remaining = o.remainingResources === undefined || o.remainingResources === null ? undefined : checkResources(o.remainingResources, 'remainingResources');
  const given = (raw as { platformDevices?: unknown }).platformDevices;
  let platformDevices: PlatformDevice[] = given === undefined || given === null ? [] : checkPlatformDevices(Array.isArray(given) ? given : fault('platformDevices', 'must be a list'), 'platformDevices');
  const gpu = find(registeredResources, 'GPU');
  const gpus = amount(gpu);
  if ((given === undefined || given === null) && gpus > 0) {
    // DescribeContainerInstances does not return platformDevices: the GPUs get names.
    platformDevices = Array.from({ length: gpus }, (_, k) => ({ id: `${parsed.id}-GPU-${k}`, type: 'GPU' }));
  } else if (gpu !== undefined && gpus !== platformDevices.length) {
    fault('platformDevices', `the instance registered ${gpus} GPUs but lists ${platformDevices.length} devices`);
  }
  const status = supported(o.status, 'status', INSTANCE_STATUSES, 'ACTIVE');
  const version = countOf(o.version, 'version');
  const running = countOf(o.runningTasksCount, 'runningTasksCount');
  const pending = countOf(o.pendingTasksCount, 'pendingTasksCount');
  const record: InstanceRecord = {
    arn: arn!,
    id: parsed.id,
    clusterName,
    ec2InstanceId: o.ec2InstanceId ?? undefined,
    registeredResources,
    versionInfo: checkVersionInfo(o.versionInfo, 'versionInfo'),
    status,
    statusReason: o.statusReason ?? undefined,
    agentConnected: o.agentConnected !== false,
    agentUpdateStatus: supported(o.agentUpdateStatus, 'agentUpdateStatus', AGENT_UPDATE_STATUSES, undefined as never) ?? undefined,
    registeredAt: timeOf(o.registeredAt, 'registeredAt') ?? state.clock.now,
    version: version === undefined || version === 0 ? 1 : version,
    attributes,
    attachments: attachmentsOf(o.attachments ?? []),
    tags: tagsOf(o.tags),
    runningTasksCount: running ?? 0,
    pendingTasksCount: pending ?? 0,
    platformDevices,
    instanceType: attributes.find((a) => a.name === 'ecs.instance-type')?.value,
    trunked: attributes.some((a) => a.name === 'ecs.awsvpc-trunk-id'),
  };
  return { record, index, remaining, running, pending, slot: -1 };
}

/**
 * Whether the occupied ports a dump lists are exactly the agent's and the listed tasks' (the
 * common case, decided without parsing a port): as many, and each of those among them.
 */
function exactly(occupied: readonly string[], agent: readonly string[], held: readonly Reservation[], taken: (r: Reservation) => readonly number[]): boolean {
  let expected = agent.length;
  for (let i = 0; i < held.length; i++) expected += taken(held[i]!).length;
  if (occupied.length !== expected) return false;
  // (an instance lists ~5 ports: scans, where a set per instance made a load's garbage)
  const listed: { has(port: string): boolean; size: number } = occupied.length > 16 ? new Set(occupied) : { has: (p) => occupied.includes(p), size: distinct(occupied) };
  if (listed.size !== occupied.length) return false;
  for (let i = 0; i < agent.length; i++) if (!listed.has(agent[i]!)) return false;
  for (let i = 0; i < held.length; i++) {
    const ports = taken(held[i]!);
    for (let k = 0; k < ports.length; k++) if (!listed.has(String(ports[k]))) return false;
  }
  return true;
}

/** How many distinct entries a short list holds. */
function distinct(list: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (list.indexOf(list[i]!) === i) n++;
  return n;
}

/**
 * What the dump shows in use on an instance beyond the reservations of its listed tasks (`held`);
 * `freeGpus`: its devices no listed task holds. A remaining amount above what the tasks leave is
 * a fault of `remainingResources`.
 */
export function unattributedUse(loaded: LoadedInstance, held: readonly Reservation[], freeGpus: readonly string[]): UnattributedUse | undefined {
  const { remaining, record } = loaded;
  if (remaining === undefined) return undefined;
  const registered = record.registeredResources;
  const use = (name: 'CPU' | 'MEMORY', taken: number): number => {
    const left = find(remaining, name);
    if (left === undefined) return 0;
    const extra = amount(find(registered, name)) - taken - amount(left);
    if (extra < 0) fault('remainingResources', `${name} ${amount(left)} remaining, but the instance registered ${amount(find(registered, name))} and its listed tasks reserve ${taken}`);
    return extra;
  };
  const ports = (name: 'PORTS' | 'PORTS_UDP', taken: (r: Reservation) => readonly number[]): number[] => {
    const left = find(remaining, name);
    if (left === undefined) return [];
    if (exactly(left.stringSetValue ?? [], find(registered, name)?.stringSetValue ?? [], held, taken)) return [];
    const occupied = portsOf(left);
    const reserved = portsOf(find(registered, name));
    for (const text of occupied.other) if (!reserved.other.includes(text)) fault('remainingResources', `${name} lists '${text}', which is neither a port number nor registered`);
    let extra: number[] | undefined;
    for (const p of reserved.ports) if (!occupied.ports.has(p)) fault('remainingResources', `${name} does not list port ${p}, which the agent holds`);
    let listed = 0;
    for (const r of held) {
      for (const p of taken(r)) {
        if (!occupied.ports.has(p)) fault('remainingResources', `${name} does not list port ${p}, which a listed task holds`);
        if (!reserved.ports.has(p)) listed++;
      }
    }
    // Ports occupied beyond the agent's and the listed tasks' (the common case: none).
    if (occupied.ports.size > reserved.ports.size + listed) {
      const known = new Set(reserved.ports);
      for (const r of held) for (const p of taken(r)) known.add(p);
      extra = [...occupied.ports].filter((p) => !known.has(p)).sort((a, b) => a - b);
    }
    return extra ?? [];
  };
  let cpu = 0;
  let memory = 0;
  for (const r of held) {
    cpu += r.cpu;
    memory += r.memory;
  }
  cpu = use('CPU', cpu);
  memory = use('MEMORY', memory);
  const tcpPorts = ports('PORTS', (r) => r.tcpPorts);
  const udpPorts = ports('PORTS_UDP', (r) => r.udpPorts);
  let gpuIds: string[] = [];
  const gpuLeft = find(remaining, 'GPU');
  if (gpuLeft !== undefined) {
    const extra = freeGpus.length - amount(gpuLeft);
    if (extra < 0) fault('remainingResources', `GPU ${amount(gpuLeft)} remaining, but only ${freeGpus.length} are not held by its listed tasks`);
    gpuIds = freeGpus.slice(0, extra);
  }
  if (cpu === 0 && memory === 0 && tcpPorts.length === 0 && udpPorts.length === 0 && gpuIds.length === 0) return undefined;
  return Object.freeze({ cpu, memory, tcpPorts: Object.freeze(tcpPorts), udpPorts: Object.freeze(udpPorts), gpuIds: Object.freeze(gpuIds) });
}

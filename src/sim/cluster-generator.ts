/**
 * Seeded generator of realistic ECS clusters, as JSON a user could have dumped from a real
 * account in June 2019 (`aws ecs describe-container-instances`, `describe-tasks`,
 * `describe-task-definition`, `describe-services`), loadable with `EcsSimulator.fromDescribeOutput`.
 *
 * What a generated cluster holds (ranges the tests pin, for clusters of 1,000 instances or more):
 * - Instance types of 2019 (`instance-types.ts`) with their real vCPUs (×1024 CPU units) and the
 *   memory the agent registers (`registeredMemoryMiB`: slightly below nominal); ~2% GPU types
 *   (p2, p3, g3) with `platformDevices` and a `GPU` count in the resources; ~2% arm64 (a1).
 * - Three AZs of the region, each 28–39% of the instances, one subnet per AZ, one VPC.
 * - Agent releases 1.14.5 … 1.29.0 (`agent-versions.ts`), recent ones most common, each with
 *   the capability attributes it reports (valueless flags, and `ecs.capability.cni-plugin-version`
 *   with a value), the built-in `ecs.*` attributes, and the custom `stack` (prod ~70%, staging
 *   ~20%, dev ~10%) and `team` (on ~85%) attributes.
 * - ENI trunking: ~60% of the trunk-capable instances (c5, m5, r5, p3 with agent ≥ 1.28.1) carry a
 *   trunk ENI (`ecs.awsvpc-trunk-id`, an ATTACHED attachment) and so the higher awsvpc task limit.
 * - Statuses as a `list-container-instances | describe-container-instances` dump shows them:
 *   ACTIVE 90–97%, DRAINING 2–6%, and under 1.5% together REGISTERING (trunk being attached),
 *   REGISTRATION_FAILED (with its `statusReason`) and DEREGISTERING; never INACTIVE (listing
 *   omits INACTIVE instances, reference §3.6). ~2% of ACTIVE / DRAINING agents disconnected.
 * - Tasks already placed: services and standalone tasks (`workloads.ts`), fitting CPU, memory,
 *   host ports (TCP and UDP, the 100-port cap), GPUs and ENIs, honouring each service's memberOf
 *   and distinctInstance constraints; ACTIVE instances reserve on average `utilization` of their
 *   memory (±0.1); DRAINING ones keep only standalone tasks (draining moved the service tasks);
 *   instances that are registering or deregistering hold none. ~1.5% of the tasks are PENDING.
 *   `remainingResources`, `runningTasksCount` and `pendingTasksCount` follow from the tasks
 *   exactly as ECS computes them, and each service's `desiredCount` is its placed tasks.
 *
 * Deterministic: the same options give byte-identical JSON. Every instance draws from its own
 * seeded stream, so the work is linear and `writeCluster` can stream a million instances.
 */
import { quote } from '../errors.js';
import { eniTaskLimit, trunkSupported } from '../resources/eni-limits.js';
import { MAX_RESERVED_PORTS } from '../resources/accountant.js';
import type { Attribute } from '../shapes.js';
import { AGENT_RELEASES, AGENT_RESERVED_TCP_PORTS, agentHash, atLeast, capabilityAttributes, hash8, type AgentRelease } from './agent-versions.js';
import { INSTANCE_TYPES, registeredCpuUnits, registeredMemoryMiB, type InstanceTypeInfo } from './instance-types.js';
import { pickWeighted, SeededRandom } from './random.js';
import { STACKS, TEAMS, workloadsFor, type GeneratedTaskDefinition, type PlacementConstraintJson, type PlacementStrategyJson, type Workload } from './workloads.js';

export type { GeneratedTaskDefinition } from './workloads.js';

/** Options of `generateCluster`; only `instances` and `seed` are required. */
export interface GenerateClusterOptions {
  /** number of container instances, 0 to 1,000,000 */
  instances: number;
  /** any 32-bit integer; the same seed (and options) gives the same cluster */
  seed: number;
  /** AWS Region of every ARN and AZ; default `us-east-1` */
  region?: string;
  /** 12-digit account id; default `123456789012` */
  accountId?: string;
  /** cluster name; default `sample` */
  cluster?: string;
  /**
   * When the dump is taken (ISO-8601): every timestamp is before it. Default
   * `2019-06-06T00:00:00.000Z`, the simulator's default start time, so a loaded cluster's clock
   * continues from the moment of the dump.
   */
  at?: string;
  /** mean share of registered memory reserved by tasks on ACTIVE instances, 0–0.9; default 0.6 */
  utilization?: number;
  /**
   * Leave out what no query or placement reads, to keep big files small (about half the
   * bytes): the agent's Docker remote API and logging-driver flags, the zero numeric members of
   * each Resource (`doubleValue`, `longValue`, a STRINGSET's `integerValue`), and in tasks
   * `clusterArn`, containers' `lastStatus` and empty `networkBindings`. Default false: every
   * member a real dump has.
   */
  compact?: boolean;
}

/** A Resource as DescribeContainerInstances answers it: every numeric member present (unless `compact`). */
export interface ResourceJson {
  name: string;
  type: 'INTEGER' | 'STRINGSET';
  doubleValue?: 0;
  longValue?: 0;
  integerValue?: number;
  stringSetValue?: string[];
}

/**
 * One `containerInstances[]` element of DescribeContainerInstances (without `include: TAGS`),
 * `registeredAt` in epoch seconds as on the wire — plus `platformDevices` on GPU instances: the
 * GPU ids the agent registered (RegisterContainerInstance's member; DescribeContainerInstances
 * does not return it, so a real dump lacks it and the loader then names the GPUs itself).
 */
export interface GeneratedContainerInstance {
  containerInstanceArn: string;
  ec2InstanceId: string;
  version: number;
  versionInfo: { agentVersion: string; agentHash: string; dockerVersion: string };
  remainingResources: ResourceJson[];
  registeredResources: ResourceJson[];
  status: string;
  statusReason?: string;
  agentConnected: boolean;
  runningTasksCount: number;
  pendingTasksCount: number;
  agentUpdateStatus?: 'UPDATED' | 'FAILED';
  attributes: Attribute[];
  registeredAt: number;
  attachments: { id: string; type: string; status: string; details: { name: string; value: string }[] }[];
  platformDevices?: { id: string; type: 'GPU' }[];
}

/**
 * One `tasks[]` element of DescribeTasks, trimmed to what describes the placement (each
 * container's `containerArn` / `taskArn` and the empty `overrides` are left out to keep big
 * dumps small); timestamps in epoch seconds.
 */
export interface GeneratedTask {
  taskArn: string;
  /** absent when `compact` */
  clusterArn?: string;
  taskDefinitionArn: string;
  containerInstanceArn: string;
  lastStatus: 'RUNNING' | 'PENDING';
  desiredStatus: 'RUNNING';
  cpu?: string;
  memory?: string;
  containers: {
    name: string;
    /** absent when `compact` */
    lastStatus?: string;
    /** absent when `compact` and empty */
    networkBindings?: { bindIP: string; containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
    gpuIds?: string[];
  }[];
  startedBy?: string;
  version: number;
  createdAt: number;
  startedAt?: number;
  group: string;
  launchType: 'EC2';
  attachments?: { id: string; type: 'ElasticNetworkInterface'; status: 'ATTACHED'; details: { name: string; value: string }[] }[];
}

/** One `services[]` element of DescribeServices (REPLICA, EC2), trimmed of deployments and events. */
export interface GeneratedService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE';
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType: 'EC2';
  taskDefinition: string;
  deploymentConfiguration: { maximumPercent: number; minimumHealthyPercent: number };
  placementConstraints: PlacementConstraintJson[];
  placementStrategy: PlacementStrategyJson[];
  schedulingStrategy: 'REPLICA';
  createdAt: number;
}

/** The options a cluster was generated with, all filled in (so a file says how to regenerate it). */
export type ResolvedGenerateClusterOptions = Required<GenerateClusterOptions>;

/**
 * A generated cluster, ready for `JSON.stringify`. Key order is the file's: `generatedBy` (how to
 * regenerate it), then the four API responses' lists.
 */
export interface GeneratedCluster {
  generatedBy: { generator: typeof GENERATOR; options: ResolvedGenerateClusterOptions };
  containerInstances: GeneratedContainerInstance[];
  tasks: GeneratedTask[];
  taskDefinitions: GeneratedTaskDefinition[];
  services: GeneratedService[];
}

export const GENERATOR = 'ecs-cluster-sim/generateCluster@1';
export const MAX_GENERATED_INSTANCES = 1_000_000;

const DAY_MS = 86_400_000;
const RESERVED_TCP = AGENT_RESERVED_TCP_PORTS;
/** Docker's dynamic host ports: the AL kernel's ip_local_port_range (reference §2.5.4). */
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;

// ---- options -----------------------------------------------------------------------------------

function fail(message: string): never {
  throw new RangeError(`generateCluster: ${message}`);
}

/** Checks and fills in the options (throws RangeError on a bad one). */
export function resolveOptions(options: GenerateClusterOptions): ResolvedGenerateClusterOptions {
  const o = options ?? ({} as GenerateClusterOptions);
  if (!Number.isInteger(o.instances) || o.instances < 0 || o.instances > MAX_GENERATED_INSTANCES) fail(`instances must be an integer from 0 to ${MAX_GENERATED_INSTANCES}; got ${quote(o.instances)}`);
  if (!Number.isInteger(o.seed) || o.seed < -(2 ** 31) || o.seed > 2 ** 32 - 1) fail(`seed must be a 32-bit integer; got ${quote(o.seed)}`);
  const region = o.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) fail(`region '${region}' is not an AWS Region name`);
  const accountId = o.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) fail(`accountId must have 12 digits; got '${accountId}'`);
  const cluster = o.cluster ?? 'sample';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(cluster)) fail(`cluster '${cluster}' is not a cluster name (letters, digits, - and _)`);
  const at = o.at ?? '2019-06-06T00:00:00.000Z';
  const atMs = Date.parse(at);
  if (!Number.isFinite(atMs)) fail(`at must be an ISO-8601 time; got '${at}'`);
  const utilization = o.utilization ?? 0.6;
  if (typeof utilization !== 'number' || !(utilization >= 0 && utilization <= 0.9)) fail(`utilization must be from 0 to 0.9; got ${quote(utilization)}`);
  const compact = o.compact ?? false;
  if (typeof compact !== 'boolean') fail(`compact must be true or false; got ${quote(compact)}`);
  return { instances: o.instances, seed: o.seed, region, accountId, cluster, at: new Date(atMs).toISOString(), utilization, compact };
}

// ---- the plan shared by every instance ---------------------------------------------------------

interface Plan {
  readonly o: ResolvedGenerateClusterOptions;
  readonly at: number;
  readonly clusterArn: string;
  readonly arnPrefix: string;
  readonly azs: readonly string[];
  readonly subnets: readonly string[];
  readonly vpc: string;
  readonly workloads: readonly Workload[];
  /** eligible workloads (indexes) by instance category, with cumulative weights */
  readonly eligible: Map<string, { ids: number[]; cumulative: number[] }>;
  /** the GPU share and its phase: instance i is a GPU instance when ⌊(i+φ)·g⌋ changes */
  readonly gpuShare: number;
  readonly gpuPhase: number;
  /** agent releases out by the time of the dump (the oldest one if none is) */
  readonly releases: readonly AgentRelease[];
  /**
   * Values every instance shares, made once (frozen): attribute objects by name and value,
   * registered resources by instance type, AMI ids. Sharing keeps a 100k-instance cluster's
   * garbage (and so its generation time) down.
   */
  readonly shared: Map<string, Map<string, unknown>>;
}

const GPU_TYPES = INSTANCE_TYPES.filter((t) => t.gpus > 0);
const CPU_TYPES = INSTANCE_TYPES.filter((t) => t.gpus === 0);
/** GPU instances in a fleet (2%); the GPU types' weights only share these out among them. */
const GPU_SHARE = 0.02;

const STATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['ACTIVE', 938], ['DRAINING', 40], ['REGISTERING', 8], ['REGISTRATION_FAILED', 4], ['DEREGISTERING', 10],
];
const STACK_WEIGHTS = [70, 20, 10];

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Instance i's own random stream, counter-based: draw k is a hash of (seed, i, k). Streams of
 * different instances never coincide (for a given k the hash is a bijection of i), which a
 * generator seeded per instance (mulberry32 with seeds of its own) does not promise: its
 * sequences overlap once a few thousand instances each draw a hundred numbers, and two
 * instances then share task ids.
 */
class InstanceRandom {
  private counter = 0;
  private readonly key: number;
  private readonly salt: number;

  constructor(seed: number, i: number) {
    this.salt = fmix32((seed ^ 0x27d4eb2f) >>> 0);
    this.key = fmix32((i ^ this.salt) >>> 0);
  }

  /** A float in [0, 1). */
  next(): number {
    const c = fmix32((Math.imul(this.counter++, 0x9e3779b9) + this.salt) >>> 0);
    return fmix32((fmix32((this.key ^ c) >>> 0) + c) >>> 0) / 4294967296;
  }

  /** A version-4-shaped UUID. */
  uuid(): string {
    const h = hex(this, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(this.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

function categoryKey(stack: string, arm: boolean, gpu: boolean, draining: boolean): string {
  return `${stack}/${arm ? 'arm' : 'x86'}/${gpu ? 'gpu' : 'cpu'}/${draining ? 'd' : 'a'}`;
}

function makePlan(o: ResolvedGenerateClusterOptions): Plan {
  const at = Date.parse(o.at);
  const random = new SeededRandom(fmix32((o.seed ^ 0x3c6ef372) >>> 0));
  const azs = ['a', 'b', 'c'].map((s) => `${o.region}${s}`);
  const workloads = workloadsFor({ region: o.region, accountId: o.accountId, clusterName: o.cluster, at }, o.seed, o.instances);
  const eligible = new Map<string, { ids: number[]; cumulative: number[] }>();
  for (const stack of STACKS) {
    for (const arm of [false, true]) {
      for (const gpu of [false, true]) {
        for (const draining of [false, true]) {
          const ids: number[] = [];
          const cumulative: number[] = [];
          let total = 0;
          workloads.forEach((w, k) => {
            if (w.arm !== arm) return;
            if (w.stack !== undefined && w.stack !== stack) return;
            if (w.requirements.gpus > 0 && !gpu) return;
            if (draining && w.kind === 'service') return;
            // GPU instances exist for GPU work: it gets most of their tasks.
            total += w.weight * (gpu && w.requirements.gpus > 0 ? 40 : 1);
            ids.push(k);
            cumulative.push(total);
          });
          eligible.set(categoryKey(stack, arm, gpu, draining), { ids, cumulative });
        }
      }
    }
  }
  return {
    o,
    at,
    clusterArn: `arn:aws:ecs:${o.region}:${o.accountId}:cluster/${o.cluster}`,
    arnPrefix: `arn:aws:ecs:${o.region}:${o.accountId}:`,
    azs,
    subnets: azs.map(() => `subnet-${random.hex(17)}`),
    vpc: `vpc-${random.hex(17)}`,
    workloads,
    eligible,
    gpuShare: GPU_SHARE,
    gpuPhase: random.next(),
    releases: AGENT_RELEASES.some((r) => r.released < at) ? AGENT_RELEASES.filter((r) => r.released < at) : [AGENT_RELEASES[0]!],
    shared: new Map(),
  };
}

// ---- one instance and its tasks -----------------------------------------------------------------

function integer(name: string, value: number, compact: boolean): ResourceJson {
  return compact ? { name, type: 'INTEGER', integerValue: value } : { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

function stringSet(name: string, values: string[], compact: boolean): ResourceJson {
  return compact ? { name, type: 'STRINGSET', stringSetValue: values } : { name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: values };
}

/** Epoch ms → epoch seconds with milliseconds, as the wire carries timestamps. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** A value made once per plan and (kind, key), then shared. Two-level, so no key text is built per call. */
function shared<T>(plan: Plan, kind: string, key: string, make: () => T): T {
  let byKey = plan.shared.get(kind);
  if (byKey === undefined) plan.shared.set(kind, (byKey = new Map()));
  let v = byKey.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    byKey.set(key, v);
  }
  return v;
}

function attribute(plan: Plan, name: string, value: string): Attribute {
  return shared(plan, name, value, () => Object.freeze({ name, value }));
}

/** The ECS-optimized AMI of an agent release (one per release, architecture and GPU flavour). */
function amiOf(plan: Plan, release: AgentRelease, t: InstanceTypeInfo): string {
  const flavour = t.gpus > 0 ? 'gpu' : t.architecture;
  return shared(plan, `ami/${flavour}`, release.version, () => `ami-0${hash8(`${plan.o.region}/${release.version}/${flavour}`)}${hash8(`${flavour}/${release.version}`)}`);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** `n` hex digits, 8 per draw, without a number-to-text conversion per draw. */
function hex(random: { next(): number }, n: number): string {
  let s = '';
  while (s.length < n) {
    const x = Math.floor(random.next() * 0x100000000);
    s += HEX_BYTE[x >>> 24]! + HEX_BYTE[(x >>> 16) & 255]! + HEX_BYTE[(x >>> 8) & 255]! + HEX_BYTE[x & 255]!;
  }
  return s.length === n ? s : s.slice(0, n);
}

interface Generated {
  instance: GeneratedContainerInstance;
  tasks: GeneratedTask[];
  /** workload index of each task, for the service counts */
  workloadOf: number[];
}

function generateInstance(plan: Plan, i: number): Generated {
  const { o, at } = plan;
  const random = new InstanceRandom(o.seed, i);
  const gpu = Math.floor((i + 1 + plan.gpuPhase) * plan.gpuShare) !== Math.floor((i + plan.gpuPhase) * plan.gpuShare);
  const t = pickWeighted(random, gpu ? GPU_TYPES : CPU_TYPES, (x) => x.weight);
  const azIndex = Math.floor(random.next() * 3);
  const releases = plan.releases;
  let release = pickWeighted(random, releases, (r) => r.weight);
  // Graviton (a1) arrived in November 2018 with agent 1.22.
  if (t.architecture === 'arm64' && !atLeast(release.version, '1.22.0')) release = releases[releases.length - 1]!;
  // Some instances got a newer agent by UpdateContainerAgent and still run an older release's AMI.
  const updateRoll = random.next();
  let amiRelease = release;
  let agentUpdateStatus: 'UPDATED' | 'FAILED' | undefined;
  if (updateRoll < 0.06 && release === releases[releases.length - 1] && releases.length > 3) {
    amiRelease = releases[Math.floor(random.next() * (releases.length - 1))]!;
    agentUpdateStatus = 'UPDATED';
  } else if (updateRoll > 0.996 && release !== releases[releases.length - 1]) {
    agentUpdateStatus = 'FAILED';
  }
  const trunkCapable = trunkSupported(t.name, release.version);
  let status = pickWeighted(random, STATUS_WEIGHTS, (s) => s[1])[0];
  let trunked = trunkCapable && random.next() < 0.6;
  // REGISTERING / REGISTRATION_FAILED happen only while a trunk ENI is attached; DEREGISTERING
  // only while one is released (reference §3.1–3.2).
  if ((status === 'REGISTERING' || status === 'REGISTRATION_FAILED') && !trunkCapable) status = 'ACTIVE';
  if (status === 'DEREGISTERING' && !trunked) status = 'ACTIVE';
  if (status === 'REGISTERING' || status === 'REGISTRATION_FAILED') trunked = false;
  const agentConnected = status === 'ACTIVE' || status === 'DRAINING' ? random.next() >= 0.02 : true;

  const id = hex(random, 32);
  const arn = `${plan.arnPrefix}container-instance/${o.cluster}/${id}`;
  const ec2InstanceId = `i-0${hex(random, 16)}`;
  const earliest = Math.max(amiRelease.released, release.released, at - 400 * DAY_MS);
  const registeredAt = status === 'REGISTERING'
    ? at - 1000 - Math.floor(random.next() * 25_000)
    : earliest + Math.floor(random.next() * (at - 3_600_000 - earliest));
  const stackIndex = pickWeighted(random, [0, 1, 2], (k) => STACK_WEIGHTS[k]!);
  const stack = STACKS[stackIndex]!;
  const team = random.next() < 0.85 ? TEAMS[Math.floor(random.next() * TEAMS.length)] : undefined;

  const attributes: Attribute[] = [...capabilityAttributes(release, o.compact)];
  attributes.push(
    attribute(plan, 'ecs.ami-id', amiOf(plan, amiRelease, t)),
    attribute(plan, 'ecs.availability-zone', plan.azs[azIndex]!),
    attribute(plan, 'ecs.instance-type', t.name),
    attribute(plan, 'ecs.os-type', 'linux'),
    attribute(plan, 'ecs.cpu-architecture', t.architecture),
    attribute(plan, 'ecs.vpc-id', plan.vpc),
    attribute(plan, 'ecs.subnet-id', plan.subnets[azIndex]!),
  );
  const attachments: GeneratedContainerInstance['attachments'] = [];
  if (trunked || status === 'REGISTERING' || status === 'REGISTRATION_FAILED') {
    const eni = `eni-0${hex(random, 16)}`;
    const attachmentStatus = status === 'REGISTERING' ? 'PRECREATED' : status === 'REGISTRATION_FAILED' ? 'DELETED' : status === 'DEREGISTERING' ? 'DETACHING' : 'ATTACHED';
    attachments.push({
      id: random.uuid(),
      type: 'ElasticNetworkInterface',
      status: attachmentStatus,
      details: attachmentStatus === 'ATTACHED' || attachmentStatus === 'DETACHING'
        ? [{ name: 'networkInterfaceId', value: eni }, { name: 'subnetId', value: plan.subnets[azIndex]! }]
        : [],
    });
    if (trunked) attributes.push({ name: 'ecs.awsvpc-trunk-id', value: eni });
  }
  attributes.push(attribute(plan, 'stack', stack));
  if (team !== undefined) attributes.push(attribute(plan, 'team', team));

  // ---- resources and tasks
  const cpu = registeredCpuUnits(t);
  const memory = registeredMemoryMiB(t);
  const gpuIds: string[] = [];
  for (let g = 0; g < t.gpus; g++) gpuIds.push(`GPU-${random.uuid()}`);
  const tcp = new Set<number>(RESERVED_TCP.map(Number));
  const udp = new Set<number>();
  const dynamicPorts = new Set<number>();
  let cpuLeft = cpu;
  let memoryLeft = memory;
  let gpusLeft = t.gpus;
  let enis = 0;
  const eniLimit = eniTaskLimit(t.name, trunked);
  const taskEni = atLeast(release.version, '1.15.0');
  const tasks: GeneratedTask[] = [];
  const workloadOf: number[] = [];
  let running = 0;
  let pending = 0;

  const takesTasks = status === 'ACTIVE' || status === 'DRAINING';
  if (takesTasks) {
    // Memory budget: around `utilization` (three uniforms: a bell between ±0.3), new
    // instances (registered in the last day) mostly empty, DRAINING ones nearly drained.
    let target = o.utilization + (random.next() + random.next() + random.next() - 1.5) * 0.2;
    if (at - registeredAt < DAY_MS) target *= random.next();
    if (status === 'DRAINING') target *= 0.3 * random.next();
    // The budget caps CPU and memory alike, so whichever binds first ends near the target.
    const share = Math.min(0.97, Math.max(0, target));
    const memoryBudget = Math.floor(memory * share);
    const cpuBudget = Math.floor(cpu * share);
    const category = plan.eligible.get(categoryKey(stack, t.architecture === 'arm64', t.gpus > 0, status === 'DRAINING'))!;
    const used = new Set<number>();
    let misses = 0;
    while (misses < 24 && category.ids.length > 0) {
      const x = random.next() * category.cumulative[category.cumulative.length - 1]!;
      let lo = 0;
      let hi = category.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (category.cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      const k = category.ids[lo]!;
      const w = plan.workloads[k]!;
      const req = w.requirements;
      const newPorts = req.tcpPorts.length + req.udpPorts.length;
      const fits = memory - memoryLeft + req.memory <= memoryBudget && cpu - cpuLeft + req.cpu <= cpuBudget
        && req.tcpPorts.every((p) => !tcp.has(p)) && req.udpPorts.every((p) => !udp.has(p))
        && (newPorts === 0 || tcp.size + udp.size + newPorts <= MAX_RESERVED_PORTS)
        && req.gpus <= gpusLeft
        && (!req.eni || (taskEni && enis < eniLimit))
        && !(w.distinct && used.has(k));
      if (!fits) {
        misses++;
        continue;
      }
      used.add(k);
      cpuLeft -= req.cpu;
      memoryLeft -= req.memory;
      for (const p of req.tcpPorts) tcp.add(p);
      for (const p of req.udpPorts) udp.add(p);
      if (req.eni) enis++;
      const taskGpus = gpuIds.slice(t.gpus - gpusLeft, t.gpus - gpusLeft + req.gpus);
      gpusLeft -= req.gpus;
      const isPending = status === 'ACTIVE' && agentConnected && random.next() < 0.015;
      tasks.push(makeTask(plan, random, w, arn, registeredAt, isPending, taskGpus, dynamicPorts, plan.subnets[azIndex]!));
      workloadOf.push(k);
      if (isPending) pending++;
      else running++;
    }
  }

  const c = o.compact;
  const remaining: ResourceJson[] = [
    integer('CPU', cpuLeft, c),
    integer('MEMORY', memoryLeft, c),
    stringSet('PORTS', [...tcp].sort((a, b) => a - b).map(String), c),
    stringSet('PORTS_UDP', [...udp].sort((a, b) => a - b).map(String), c),
  ];
  // GPU as an INTEGER count, the representation the accountant answers (accountant.ts) [INF].
  if (t.gpus > 0) remaining.push(integer('GPU', gpusLeft, c));
  const registered = shared(plan, 'registeredResources', t.name, () => {
    const list = [integer('CPU', cpu, c), integer('MEMORY', memory, c), stringSet('PORTS', [...RESERVED_TCP], c), stringSet('PORTS_UDP', [], c)];
    if (t.gpus > 0) list.push(integer('GPU', t.gpus, c));
    for (const r of list) Object.freeze(r.stringSetValue);
    return Object.freeze(list.map((r) => Object.freeze(r))) as ResourceJson[];
  });
  const ageDays = (at - registeredAt) / DAY_MS;
  const instance: GeneratedContainerInstance = {
    containerInstanceArn: arn,
    ec2InstanceId,
    // Change counter: every placement and stop, agent reconnects and status changes bump it.
    version: 1 + 2 * (running + pending) + Math.floor(random.next() * 6 * ageDays),
    versionInfo: { agentVersion: release.version, agentHash: agentHash(release), dockerVersion: amiRelease.dockerVersion },
    remainingResources: remaining,
    registeredResources: registered,
    status,
    ...(status === 'REGISTRATION_FAILED'
      ? { statusReason: `Unexpected EC2 error while attempting to Create Network Interface in subnet '${plan.subnets[azIndex]}': InvalidParameterValue` }
      : {}),
    agentConnected,
    runningTasksCount: running,
    pendingTasksCount: pending,
    ...(agentUpdateStatus === undefined ? {} : { agentUpdateStatus }),
    attributes,
    registeredAt: seconds(registeredAt),
    attachments,
    ...(gpuIds.length > 0 ? { platformDevices: gpuIds.map((gid) => ({ id: gid, type: 'GPU' as const })) } : {}),
  };
  return { instance, tasks, workloadOf };
}

function makeTask(
  plan: Plan, random: InstanceRandom, w: Workload, instanceArn: string, registeredAt: number,
  isPending: boolean, gpuIds: string[], dynamicPorts: Set<number>, subnet: string,
): GeneratedTask {
  const td = w.taskDefinition;
  const id = hex(random, 32);
  const taskArn = `${plan.arnPrefix}task/${plan.o.cluster}/${id}`;
  const from = Math.max(registeredAt, w.createdAt) + 60_000;
  const createdAt = isPending ? plan.at - 500 - Math.floor(random.next() * 4000) : from + Math.floor(random.next() * Math.max(0, plan.at - 10_000 - from));
  const status = isPending ? 'PENDING' : 'RUNNING';
  const containers = td.containerDefinitions.map((c, n) => {
    const networkBindings: GeneratedTask['containers'][number]['networkBindings'] = [];
    if (td.networkMode !== 'awsvpc') {
      for (const m of c.portMappings) {
        let hostPort = td.networkMode === 'host' ? m.containerPort : m.hostPort;
        if (hostPort === 0) {
          // A dynamic port Docker picked from the ephemeral range (not a reservation).
          do hostPort = EPHEMERAL_LOW + Math.floor(random.next() * (EPHEMERAL_HIGH - EPHEMERAL_LOW + 1));
          while (dynamicPorts.has(hostPort));
          dynamicPorts.add(hostPort);
        }
        networkBindings.push({ bindIP: '0.0.0.0', containerPort: m.containerPort, hostPort, protocol: m.protocol });
      }
    }
    const compact = plan.o.compact;
    return {
      name: c.name,
      ...(compact ? {} : { lastStatus: status }),
      ...(compact && networkBindings.length === 0 ? {} : { networkBindings }),
      ...(n === 0 && gpuIds.length > 0 ? { gpuIds } : {}),
    };
  });
  const task: GeneratedTask = {
    taskArn,
    ...(plan.o.compact ? {} : { clusterArn: plan.clusterArn }),
    taskDefinitionArn: td.taskDefinitionArn,
    containerInstanceArn: instanceArn,
    lastStatus: status,
    desiredStatus: 'RUNNING',
    ...(td.cpu === undefined ? {} : { cpu: td.cpu }),
    ...(td.memory === undefined ? {} : { memory: td.memory }),
    containers,
    ...(w.startedBy === undefined ? {} : { startedBy: w.startedBy }),
    // 1 when created, 2 once RUNNING (as the simulator counts).
    version: isPending ? 1 : 2,
    createdAt: seconds(createdAt),
    ...(isPending ? {} : { startedAt: seconds(createdAt + 5_000 + Math.floor(random.next() * 40_000)) }),
    group: w.group,
    launchType: 'EC2',
  };
  if (td.networkMode === 'awsvpc') {
    task.attachments = [{
      id: random.uuid(),
      type: 'ElasticNetworkInterface',
      status: 'ATTACHED',
      details: [
        { name: 'subnetId', value: subnet },
        { name: 'networkInterfaceId', value: `eni-0${hex(random, 16)}` },
        { name: 'privateIPv4Address', value: `10.0.${Math.floor(random.next() * 256)}.${1 + Math.floor(random.next() * 254)}` },
      ],
    }];
  }
  return task;
}

function serviceJson(plan: Plan, w: Workload, running: number, pending: number): GeneratedService {
  return {
    serviceArn: `${plan.arnPrefix}service/${plan.o.cluster}/${w.name}`,
    serviceName: w.name,
    clusterArn: plan.clusterArn,
    status: 'ACTIVE',
    desiredCount: running + pending,
    runningCount: running,
    pendingCount: pending,
    launchType: 'EC2',
    taskDefinition: w.taskDefinition.taskDefinitionArn,
    deploymentConfiguration: { ...w.deployment },
    placementConstraints: w.constraints.map((c) => ({ ...c })),
    placementStrategy: w.strategy.map((s) => ({ ...s })),
    schedulingStrategy: 'REPLICA',
    createdAt: seconds(w.createdAt),
  };
}

/** Running / pending tasks per workload, counted over every instance. */
function counter(plan: Plan) {
  const running = new Array<number>(plan.workloads.length).fill(0);
  const pending = new Array<number>(plan.workloads.length).fill(0);
  return {
    add(g: Generated): void {
      g.tasks.forEach((task, n) => {
        if (task.lastStatus === 'PENDING') pending[g.workloadOf[n]!]!++;
        else running[g.workloadOf[n]!]!++;
      });
    },
    services(): GeneratedService[] {
      return plan.workloads.flatMap((w, k) => (w.kind === 'service' ? [serviceJson(plan, w, running[k]!, pending[k]!)] : []));
    },
  };
}

// ---- the public entry points --------------------------------------------------------------------

/**
 * A seeded, realistic cluster as DescribeContainerInstances / DescribeTasks /
 * DescribeTaskDefinition / DescribeServices JSON (see the file comment for what it holds).
 * Throws RangeError on bad options.
 *
 * @example
 * const cluster = generateCluster({ instances: 5000, seed: 7 });
 * const sim = EcsSimulator.fromDescribeOutput(cluster);   // cluster 'sample', tasks placed
 */
export function generateCluster(options: GenerateClusterOptions): GeneratedCluster {
  const o = resolveOptions(options);
  const plan = makePlan(o);
  const containerInstances: GeneratedContainerInstance[] = [];
  const tasks: GeneratedTask[] = [];
  const counts = counter(plan);
  for (let i = 0; i < o.instances; i++) {
    const g = generateInstance(plan, i);
    containerInstances.push(g.instance);
    for (const t of g.tasks) tasks.push(t);
    counts.add(g);
  }
  return {
    generatedBy: { generator: GENERATOR, options: o },
    containerInstances,
    tasks,
    taskDefinitions: plan.workloads.map((w) => w.taskDefinition),
    services: counts.services(),
  };
}

/**
 * Writes `JSON.stringify(generateCluster(options), null, indent)` piece by piece, without ever
 * holding the whole cluster: for clusters too big for one string (a million instances is several
 * GB of JSON). Instances are generated twice (once for their own list, once for the tasks), so
 * memory stays flat. `indent` is 0 (compact) or the spaces per level. `progress`, when given, is
 * told after each of the 2 × instances generations how many are done, of how many: the work is
 * those two passes, so that is an honest fraction of it.
 * @example writeCluster({ instances: 1000, seed: 7 }, (chunk) => out.write(chunk), 0, (done, total) => bar.update(done, total))
 */
export function writeCluster(options: GenerateClusterOptions, write: (chunk: string) => void, indent = 0, progress?: (done: number, total: number) => void): void {
  const o = resolveOptions(options);
  const plan = makePlan(o);
  const nl = indent > 0 ? '\n' : '';
  const pad = (level: number) => ' '.repeat(indent * level);
  const sep = indent > 0 ? ': ' : ':';
  // An element of a top-level list: stringified alone, then indented two levels.
  const item = indent > 0
    ? (value: unknown) => pad(2) + JSON.stringify(value, null, indent).replace(/\n/g, `\n${pad(2)}`)
    : (value: unknown) => JSON.stringify(value);
  const list = (key: string, last: boolean, each: (emit: (value: unknown) => void) => void) => {
    write(`${pad(1)}${JSON.stringify(key)}${sep}[`);
    let first = true;
    each((value) => {
      write(`${first ? '' : ','}${nl}${item(value)}`);
      first = false;
    });
    write(`${first ? '' : `${nl}${pad(1)}`}]${last ? '' : ','}${nl}`);
  };
  write(`{${nl}${pad(1)}"generatedBy"${sep}${JSON.stringify({ generator: GENERATOR, options: o }, null, indent || undefined).replace(/\n/g, `\n${pad(1)}`)},${nl}`);
  const counts = counter(plan);
  const total = 2 * o.instances;
  list('containerInstances', false, (emit) => {
    for (let i = 0; i < o.instances; i++) {
      const g = generateInstance(plan, i);
      counts.add(g);
      emit(g.instance);
      progress?.(i + 1, total);
    }
  });
  list('tasks', false, (emit) => {
    for (let i = 0; i < o.instances; i++) {
      for (const t of generateInstance(plan, i).tasks) emit(t);
      progress?.(o.instances + i + 1, total);
    }
  });
  list('taskDefinitions', false, (emit) => plan.workloads.forEach((w) => emit(w.taskDefinition)));
  list('services', true, (emit) => counts.services().forEach(emit));
  write('}');
}

/**
 * What runs on a generated cluster: REPLICA services and standalone task families, each with
 * the task definition ECS would describe for it (DescribeTaskDefinition's `taskDefinition`, the
 * members in the order RegisterTaskDefinition answers them) and what one of its tasks reserves.
 */
import { requirementsOf } from '../resources/requirements.js';
import type { TaskRequirements } from '../resources/types.js';
import { pickWeighted, SeededRandom } from './random.js';

/** A container definition as RegisterTaskDefinition normalises it (2019 members used here). */
export interface GeneratedContainerDefinition {
  name: string;
  image: string;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  portMappings: { containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
  essential: boolean;
  environment: { name: string; value: string }[];
  mountPoints: never[];
  volumesFrom: never[];
  resourceRequirements?: { type: 'GPU'; value: string }[];
}

/** DescribeTaskDefinition's `taskDefinition`, as this generator emits it. */
export interface GeneratedTaskDefinition {
  taskDefinitionArn: string;
  containerDefinitions: GeneratedContainerDefinition[];
  family: string;
  networkMode: 'bridge' | 'host' | 'awsvpc';
  revision: number;
  volumes: never[];
  status: 'ACTIVE';
  requiresAttributes?: { name: string }[];
  placementConstraints: never[];
  compatibilities: ('EC2' | 'FARGATE')[];
  cpu?: string;
  memory?: string;
}

export interface PlacementConstraintJson {
  type: 'memberOf' | 'distinctInstance';
  expression?: string;
}

export interface PlacementStrategyJson {
  type: 'spread' | 'binpack' | 'random';
  field?: string;
}

export interface Workload {
  readonly kind: 'service' | 'standalone';
  /** service name, or the family of a standalone task */
  readonly name: string;
  readonly taskDefinition: GeneratedTaskDefinition;
  readonly requirements: TaskRequirements;
  /** `service:<name>`, `family:<family>` or a RunTask group */
  readonly group: string;
  readonly startedBy: string | undefined;
  /** the service's memberOf constraint keeps it on instances with `attribute:stack == <stack>` */
  readonly stack: string | undefined;
  /** an arm64 image: runs only on arm64 instances (memberOf on ecs.cpu-architecture); others only on x86_64 */
  readonly arm: boolean;
  /** at most one task per instance (distinctInstance) */
  readonly distinct: boolean;
  /** relative share of the placed tasks */
  readonly weight: number;
  readonly constraints: readonly PlacementConstraintJson[];
  readonly strategy: readonly PlacementStrategyJson[];
  readonly deployment: { maximumPercent: number; minimumHealthyPercent: number };
  /** epoch ms */
  readonly createdAt: number;
}

export const TEAMS: readonly string[] = ['payments', 'search', 'platform', 'checkout', 'identity', 'catalog', 'ads', 'analytics', 'billing', 'messaging', 'orders', 'pricing'];
export const STACKS: readonly string[] = ['prod', 'staging', 'dev'];

const ROLES = ['api', 'worker', 'consumer', 'scheduler', 'gateway', 'indexer', 'renderer', 'sync', 'notifier', 'exporter'];

/** How a workload's containers look, before it becomes a task definition. */
interface Shape {
  networkMode: 'bridge' | 'host' | 'awsvpc';
  /** task-level sizes (awsvpc services mostly give them) */
  taskCpu?: number;
  taskMemory?: number;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  ports: { containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
  gpus?: number;
  sidecar?: boolean;
}

const STRATEGIES: readonly (readonly PlacementStrategyJson[])[] = [
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  [{ type: 'binpack', field: 'memory' }],
  [{ type: 'random' }],
];

/** Task sizes (CPU units, MiB), small ones most common. */
const SIZES: readonly (readonly [cpu: number, memory: number, weight: number])[] = [
  [256, 512, 6], [512, 1024, 10], [512, 2048, 8], [1024, 2048, 8], [1024, 4096, 6],
  [2048, 4096, 4], [2048, 8192, 3], [4096, 8192, 1],
];

export interface WorkloadContext {
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
  /** epoch ms of the dump */
  readonly at: number;
}

function containers(ctx: WorkloadContext, family: string, s: Shape): GeneratedContainerDefinition[] {
  const main: GeneratedContainerDefinition = {
    name: family,
    image: `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${family}:latest`,
    cpu: s.cpu,
    ...(s.memory === undefined ? {} : { memory: s.memory }),
    ...(s.memoryReservation === undefined ? {} : { memoryReservation: s.memoryReservation }),
    portMappings: s.ports.map((p) => ({ ...p })),
    essential: true,
    environment: [{ name: 'STAGE', value: 'live' }],
    mountPoints: [],
    volumesFrom: [],
    ...(s.gpus ? { resourceRequirements: [{ type: 'GPU' as const, value: String(s.gpus) }] } : {}),
  };
  if (!s.sidecar) return [main];
  // A log/metrics sidecar with a soft limit, as many 2019 services ran next to the app.
  return [main, {
    name: 'log-router', image: 'amazon/aws-for-fluent-bit:1.2.0', cpu: 32, memoryReservation: 64,
    portMappings: [], essential: false, environment: [], mountPoints: [], volumesFrom: [],
  }];
}

/** Fargate's task sizes (CPU units → MiB values) for the compatibilities ECS reports. */
function fargateFits(cpu: number | undefined, memory: number | undefined): boolean {
  if (cpu === undefined || memory === undefined) return false;
  const table: Record<number, [number, number]> = { 256: [512, 2048], 512: [1024, 4096], 1024: [2048, 8192], 2048: [4096, 16384], 4096: [8192, 30720] };
  const range = table[cpu];
  if (range === undefined) return false;
  return memory === 512 ? cpu === 256 : memory % 1024 === 0 && memory >= range[0] && memory <= range[1];
}

function taskDefinition(ctx: WorkloadContext, family: string, revision: number, s: Shape): GeneratedTaskDefinition {
  const td: GeneratedTaskDefinition = {
    taskDefinitionArn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:task-definition/${family}:${revision}`,
    containerDefinitions: containers(ctx, family, s),
    family,
    networkMode: s.networkMode,
    revision,
    volumes: [],
    status: 'ACTIVE',
    ...(s.networkMode === 'awsvpc' ? { requiresAttributes: [{ name: 'ecs.capability.task-eni' }] } : {}),
    placementConstraints: [],
    compatibilities: s.networkMode === 'awsvpc' && !s.gpus && fargateFits(s.taskCpu, s.taskMemory) ? ['EC2', 'FARGATE'] : ['EC2'],
    ...(s.taskCpu === undefined ? {} : { cpu: String(s.taskCpu) }),
    ...(s.taskMemory === undefined ? {} : { memory: String(s.taskMemory) }),
  };
  return td;
}

interface Spec {
  kind: 'service' | 'standalone';
  name: string;
  shape: Shape;
  group?: string;
  startedBy?: string;
  stack?: string;
  arm?: boolean;
  distinct?: boolean;
  weight: number;
  strategy?: number;
}

/** The services every generated cluster has (names the examples and the CLI demo use). */
const FIXED_SERVICES: readonly Spec[] = [
  { kind: 'service', name: 'web', stack: 'prod', weight: 10, strategy: 0, shape: { networkMode: 'bridge', cpu: 512, memory: 2048, memoryReservation: 1024, ports: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }], sidecar: true } },
  { kind: 'service', name: 'api', stack: 'prod', weight: 9, strategy: 1, shape: { networkMode: 'bridge', cpu: 512, memoryReservation: 1536, ports: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }] } },
  { kind: 'service', name: 'worker', weight: 7, strategy: 2, shape: { networkMode: 'bridge', cpu: 1024, memory: 2048, ports: [] } },
  { kind: 'service', name: 'frontend', stack: 'prod', weight: 5, strategy: 0, shape: { networkMode: 'awsvpc', taskCpu: 512, taskMemory: 1024, cpu: 0, ports: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp' }] } },
  { kind: 'service', name: 'statsd', weight: 4, strategy: 0, shape: { networkMode: 'bridge', cpu: 128, memory: 256, ports: [{ containerPort: 8125, hostPort: 8125, protocol: 'udp' }] } },
  { kind: 'service', name: 'inference', weight: 2, strategy: 2, shape: { networkMode: 'bridge', cpu: 2048, memoryReservation: 8192, gpus: 1, ports: [{ containerPort: 8501, hostPort: 0, protocol: 'tcp' }] } },
  { kind: 'service', name: 'cache', stack: 'prod', distinct: true, weight: 2, strategy: 0, shape: { networkMode: 'host', cpu: 512, memory: 3072, ports: [{ containerPort: 6379, hostPort: 6379, protocol: 'tcp' }] } },
  { kind: 'service', name: 'thumbnailer', arm: true, weight: 1, strategy: 1, shape: { networkMode: 'bridge', cpu: 512, memoryReservation: 768, ports: [] } },
];

/** Standalone tasks (RunTask / StartTask), with who started them. */
const STANDALONE: readonly Spec[] = [
  { kind: 'standalone', name: 'batch-etl', startedBy: 'airflow', weight: 5, shape: { networkMode: 'bridge', cpu: 1024, memory: 4096, ports: [] } },
  { kind: 'standalone', name: 'report', startedBy: 'jenkins', weight: 3, shape: { networkMode: 'bridge', cpu: 512, memory: 2048, ports: [] } },
  { kind: 'standalone', name: 'postgres-replica', group: 'database', startedBy: 'dba-tools', weight: 1, shape: { networkMode: 'host', cpu: 1024, memoryReservation: 4096, ports: [{ containerPort: 5432, hostPort: 5432, protocol: 'tcp' }] } },
  { kind: 'standalone', name: 'training', startedBy: 'ml-pipeline', weight: 1, shape: { networkMode: 'bridge', cpu: 4096, memory: 16384, gpus: 1, ports: [] } },
  { kind: 'standalone', name: 'cron-cleanup', startedBy: 'events-rule/nightly-cleanup', weight: 1, shape: { networkMode: 'bridge', cpu: 256, memory: 512, ports: [] } },
];

/** A service shape drawn at random: mostly bridge with dynamic ports, some awsvpc, a few static ports. */
function randomShape(random: SeededRandom, k: number): Shape {
  const [cpu, memory] = pickWeighted(random, SIZES, (s) => s[2]);
  const style = random.next();
  const memoryStyle = random.next();
  const limits = memoryStyle < 0.4 ? { memory } : memoryStyle < 0.8 ? { memoryReservation: memory } : { memoryReservation: memory, memory: memory * 2 };
  if (style < 0.2 && fargateFits(cpu, memory)) {
    return { networkMode: 'awsvpc', taskCpu: cpu, taskMemory: memory, cpu: 0, ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }] };
  }
  if (style < 0.27) {
    // A static host port of its own (9000 + k), so two services never fight over one.
    return { networkMode: 'bridge', cpu, ...limits, ports: [{ containerPort: 8080, hostPort: 9000 + k, protocol: 'tcp' }] };
  }
  if (style < 0.85) return { networkMode: 'bridge', cpu, ...limits, ports: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }], sidecar: random.next() < 0.2 };
  return { networkMode: 'bridge', cpu, ...limits, ports: [] };
}

function serviceCount(instances: number): number {
  if (instances === 0) return FIXED_SERVICES.length;
  return Math.min(400, Math.max(FIXED_SERVICES.length + 4, Math.round(instances / 25)));
}

/**
 * The workloads of a cluster of `instances` instances: the fixed services, generated services
 * (about one per 25 instances, at most 400) named `<team>-<role>`, and the standalone families.
 * Service weights fall off Zipf-like, so a few services hold most tasks, as in real clusters.
 */
export function workloadsFor(ctx: WorkloadContext, seed: number, instances: number): Workload[] {
  const random = new SeededRandom((seed ^ 0x5bd1e995) >>> 0);
  const specs: Spec[] = [...FIXED_SERVICES];
  const used = new Set(specs.map((s) => s.name));
  for (let k = specs.length; k < serviceCount(instances); k++) {
    const team = TEAMS[Math.floor(random.next() * TEAMS.length)]!;
    const role = ROLES[Math.floor(random.next() * ROLES.length)]!;
    let name = `${team}-${role}`;
    for (let n = 2; used.has(name); n++) name = `${team}-${role}-${n}`;
    used.add(name);
    const stackRoll = random.next();
    specs.push({
      kind: 'service',
      name,
      shape: randomShape(random, k),
      // 60% pin themselves to a stack with memberOf; the rest run anywhere.
      ...(stackRoll < 0.6 ? { stack: STACKS[stackRoll < 0.4 ? 0 : stackRoll < 0.52 ? 1 : 2]! } : {}),
      weight: 6 / Math.pow(k - 3, 0.8),
      strategy: Math.floor(random.next() * STRATEGIES.length),
    });
  }
  specs.push(...STANDALONE);
  return specs.map((s) => {
    const revision = 1 + Math.floor(random.next() * 40);
    const td = taskDefinition(ctx, s.name, revision, s.shape);
    const constraints: PlacementConstraintJson[] = [];
    if (s.stack !== undefined) constraints.push({ type: 'memberOf', expression: `attribute:stack == ${s.stack}` });
    if (s.arm) constraints.push({ type: 'memberOf', expression: 'attribute:ecs.cpu-architecture == arm64' });
    if (s.distinct) constraints.push({ type: 'distinctInstance' });
    const ageDays = 5 + random.next() * 360;
    return {
      kind: s.kind,
      name: s.name,
      taskDefinition: td,
      requirements: requirementsOf(td),
      group: s.group ?? (s.kind === 'service' ? `service:${s.name}` : `family:${s.name}`),
      startedBy: s.kind === 'service' ? `ecs-svc/${s.name}` : s.startedBy,
      stack: s.stack,
      arm: s.arm ?? false,
      distinct: s.distinct ?? false,
      weight: s.weight,
      constraints,
      strategy: s.kind === 'service' ? STRATEGIES[s.strategy ?? 0]! : [],
      deployment: random.next() < 0.3 ? { maximumPercent: 200, minimumHealthyPercent: 50 } : { maximumPercent: 200, minimumHealthyPercent: 100 },
      createdAt: Math.round(ctx.at - ageDays * 86_400_000),
    };
  });
}

/**
 * Seeded generator of large, realistic container-instance fleets for the filter benchmark
 * (bench/filter.ts). `datasets/generate.ts` makes small DescribeContainerInstances samples with
 * a handful of values per field; this one makes fleets of up to millions of instances with the
 * value distributions a big account shows, reusing its PRNG (mulberry32), so the same seed and
 * count always give the same instances.
 *
 * Per instance (all skewed by weights, see the tables below):
 * - ~10 attributes: `ecs.instance-type` (15 types, m5.large most common), `ecs.availability-zone`
 *   (3 AZs), `ecs.ami-id` (20 AMIs, newest most common), `ecs.os-type` (linux 96%, windows 4%),
 *   `ecs.cpu-architecture` (from the type: Graviton types arm64), `ecs.subnet-id` (3 subnets
 *   per AZ), `stack` (prod 70% / staging 20% / dev 10%), `team` (50 values, Zipf-like, on 85%),
 *   and the valueless capability flags `ecs.capability.task-eni` (80%) and
 *   `com.amazonaws.ecs.capability.docker-remote-api.1.19` (all);
 * - status ACTIVE 93%, DRAINING 5%, INACTIVE 1%, REGISTERING / DEREGISTERING 0.5% each;
 * - agentConnected 98%; agent versions: 12 releases, recent ones most common;
 * - runningTasksCount 0–20 (triangular, mode 10); registeredAt uniform over 2025 (whole seconds);
 * - task groups (tasks the simulator was told about) on ~60% of the instances with tasks: 1–3
 *   distinct groups of 40 (Zipf-like).
 *
 * Strings are built flat (one `join`), as JSON.parse of an API response would give them, so the
 * memory the store retains for ARNs and ids is what it would be in production.
 */
import { prng } from '../../src/sim/random.js';
import type { ContainerInstance } from '../../src/shapes.js';

export interface GeneratedInstance {
  instance: ContainerInstance;
  taskGroups: string[];
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

export const INSTANCE_TYPES: Weighted<string> = [
  ['m5.large', 20], ['m5.xlarge', 14], ['m5.2xlarge', 8], ['c5.large', 10], ['c5.xlarge', 9],
  ['c5.2xlarge', 1], ['r5.large', 7], ['r5.xlarge', 5], ['r5.2xlarge', 1], ['t3.medium', 8],
  ['t3.large', 6], ['m6g.large', 5], ['c6g.xlarge', 4], ['g4dn.xlarge', 1], ['i3.xlarge', 1],
];
export const AZS: Weighted<string> = [['us-east-1a', 34], ['us-east-1b', 33], ['us-east-1c', 33]];
export const STACKS: Weighted<string> = [['prod', 70], ['staging', 20], ['dev', 10]];
export const STATUSES: Weighted<string> = [['ACTIVE', 930], ['DRAINING', 50], ['INACTIVE', 10], ['REGISTERING', 5], ['DEREGISTERING', 5]];
export const AGENT_VERSIONS: Weighted<string> = [
  ['1.86.3', 22], ['1.86.2', 14], ['1.85.1', 12], ['1.84.0', 10], ['1.83.0', 9], ['1.82.4', 8],
  ['1.80.0', 7], ['1.78.1', 6], ['1.76.0', 5], ['1.74.1', 3], ['1.72.0', 2], ['1.70.2', 2],
];
export const TEAM_NAMES: readonly string[] = [
  'platform', 'payments', 'search', 'checkout', 'identity', 'ads', 'analytics', 'billing', 'catalog', 'data-eng',
  'growth', 'infra', 'inventory', 'messaging', 'ml-serving', 'mobile-api', 'notifications', 'orders', 'pricing', 'recommendations',
  'risk', 'security', 'shipping', 'storefront', 'support', 'tax', 'web', 'ledger', 'fraud', 'media',
  'maps', 'reviews', 'loyalty', 'partner-api', 'seo', 'email', 'sms', 'onboarding', 'reporting', 'compliance',
  'experiments', 'cdn', 'gateway', 'auth', 'profile', 'wallet', 'returns', 'vendors', 'forecasting', 'sandbox',
];
/** Zipf-like (s = 0.9) weights over the 50 teams: the top team has ~12%, the 10th ~1.6%. */
export const TEAMS: Weighted<string> = TEAM_NAMES.map((t, k) => [t, 1 / Math.pow(k + 1, 0.9)] as const);
export const GROUP_NAMES: readonly string[] = TEAM_NAMES.slice(0, 36).map((t, k) => (k % 3 === 2 ? `family:${t}-batch` : `service:${t}${k % 3 === 1 ? '-worker' : ''}`))
  .concat(['database', 'service:cron', 'service:ingest', 'service:edge']);
export const GROUPS: Weighted<string> = GROUP_NAMES.map((g, k) => [g, 1 / Math.pow(k + 1, 0.7)] as const);

const GRAVITON = new Set(['m6g.large', 'c6g.xlarge']);
const DAY_MS = 86_400_000;
export const REGISTERED_FROM = Date.UTC(2025, 0, 1);
export const REGISTERED_DAYS = 365;

/** A weighted picker: cumulative weights, binary search. */
function picker<T>(table: Weighted<T>, random: () => number): () => T {
  const values = table.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of table) cumulative.push((total += w));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** The instances of a fleet, one at a time (nothing retained: the caller decides). */
export function* generateInstances(count: number, seed = 1, account = '123456789012', cluster = 'bench'): Generator<GeneratedInstance> {
  const random = prng(seed);
  // n random hex digits after `prefix` (n a multiple of 8), as one flat string.
  const hex = (prefix: string, n: number): string => {
    const parts: string[] = [prefix];
    for (let i = 0; i < n; i += 8) parts.push((Math.floor(random() * 0x1_0000_0000) + 0x1_0000_0000).toString(16).slice(1));
    return parts.join('');
  };
  // Fixed per fleet: the AMIs (newest first, most used) and three subnets per AZ.
  const amis: Weighted<string> = Array.from({ length: 20 }, (_, k) => [hex('ami-0', 16), 1 / Math.pow(k + 1, 1.1)] as const);
  const subnets = new Map(AZS.map(([az]) => [az, Array.from({ length: 3 }, () => hex('subnet-0', 16))]));
  const pickType = picker(INSTANCE_TYPES, random);
  const pickAz = picker(AZS, random);
  const pickAmi = picker(amis, random);
  const pickStack = picker(STACKS, random);
  const pickTeam = picker(TEAMS, random);
  const pickStatus = picker(STATUSES, random);
  const pickAgent = picker(AGENT_VERSIONS, random);
  const pickGroup = picker(GROUPS, random);
  const arnPrefix = `arn:aws:ecs:us-east-1:${account}:container-instance/${cluster}/`;

  for (let n = 0; n < count; n++) {
    const type = pickType();
    const az = pickAz();
    const windows = !GRAVITON.has(type) && random() < 0.04;
    const attributes: Array<{ name: string; value?: string }> = [
      { name: 'ecs.instance-type', value: type },
      { name: 'ecs.availability-zone', value: az },
      { name: 'ecs.ami-id', value: pickAmi() },
      { name: 'ecs.os-type', value: windows ? 'windows' : 'linux' },
      { name: 'ecs.cpu-architecture', value: GRAVITON.has(type) ? 'arm64' : 'x86_64' },
      { name: 'ecs.subnet-id', value: subnets.get(az)![Math.floor(random() * 3)]! },
      { name: 'stack', value: pickStack() },
    ];
    if (random() < 0.85) attributes.push({ name: 'team', value: pickTeam() });
    if (random() < 0.8) attributes.push({ name: 'ecs.capability.task-eni' });
    attributes.push({ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' });

    const running = Math.floor((random() + random()) * 10.5); // 0..20, triangular around 10
    const taskGroups: string[] = [];
    if (running > 0 && random() < 0.6) {
      const distinct = Math.min(running, 1 + Math.floor(random() * 3));
      for (let g = 0; g < distinct; g++) {
        const group = pickGroup();
        if (!taskGroups.includes(group)) taskGroups.push(group);
      }
    }
    const instance: ContainerInstance = {
      containerInstanceArn: hex(arnPrefix, 32),
      ec2InstanceId: hex('i-0', 16),
      version: 1 + Math.floor(random() * 50),
      versionInfo: { agentVersion: pickAgent(), dockerVersion: 'DockerVersion: 20.10.25' },
      status: pickStatus(),
      agentConnected: random() < 0.98,
      runningTasksCount: running,
      pendingTasksCount: random() < 0.05 ? 1 : 0,
      attributes,
      registeredAt: new Date(REGISTERED_FROM + Math.floor(random() * REGISTERED_DAYS * 86_400) * 1000),
    };
    yield { instance, taskGroups };
  }
}

/** The fleet as an array. */
export function generateFleet(count: number, seed = 1): GeneratedInstance[] {
  const out: GeneratedInstance[] = [];
  for (const g of generateInstances(count, seed)) out.push(g);
  return out;
}

/** Attribute name as a document key without dots (sift and mingo read dots as paths). */
export function flatKey(attribute: string): string {
  return attribute.replace(/[.-]/g, '_');
}

/** A flat document (Mongo style) for sift and mingo: attribute values under dot-free keys, valueless attributes as '', registeredAt in epoch ms. */
export type FlatDocument = Record<string, string | number | boolean | string[] | undefined>;

export function flatten({ instance, taskGroups }: GeneratedInstance): FlatDocument {
  const doc: FlatDocument = {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
    status: instance.status,
    agentConnected: instance.agentConnected,
    agentVersion: instance.versionInfo?.agentVersion,
    runningTasksCount: instance.runningTasksCount,
    pendingTasksCount: instance.pendingTasksCount,
    registeredAt: instance.registeredAt?.getTime(),
    taskGroups,
  };
  for (const a of instance.attributes ?? []) doc[flatKey(a.name!)] = a.value ?? '';
  return doc;
}

export { DAY_MS };

/**
 * Utilisation of a cluster: reserved over registered CPU and memory, and tasks, over ACTIVE and
 * DRAINING instances — in total, per Availability Zone, per instance type and per instance
 * family. What-if reports show it before and after, read from an index kept per cluster and
 * brought up to date from change logs (`utilisation-index.ts`); `utilisationOf` here is the full
 * scan it is tested against.
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { InstanceRecord } from '../container-instances/record.js';

export interface Utilisation {
  /** reserved CPU units / registered CPU units, 0..1 */
  cpu: number;
  /** reserved MiB / registered MiB, 0..1 */
  memory: number;
  /** tasks not yet STOPPED */
  tasks: number;
}

/** Utilisation in total, per Availability Zone, per instance type and per instance family (`m5`, `c5`, …). */
export interface UtilisationBreakdown {
  total: Utilisation;
  byAvailabilityZone: Record<string, Utilisation>;
  byInstanceType: Record<string, Utilisation>;
  byInstanceFamily: Record<string, Utilisation>;
}

function attribute(record: InstanceRecord, name: string): string {
  return record.attributes.find((a) => a.name === name)?.value ?? '(none)';
}

/**
 * The keys an instance's use counts under: total, its AZ, its type and its family (the type's
 * name before the size: `m5` of `m5.large`, a dozen rows rather than dozens).
 */
export function utilisationKeys(record: InstanceRecord): string[] {
  const type = attribute(record, 'ecs.instance-type');
  return ['total', `az:${attribute(record, 'ecs.availability-zone')}`, `type:${type}`, `family:${type.split('.')[0]}`];
}

/** Sums per key: reserved and registered CPU and memory, tasks. */
export type UtilisationSums = Map<string, { cpu: number; cpuTotal: number; mem: number; memTotal: number; tasks: number }>;

/** The breakdown of per-key sums. */
export function breakdownOf(acc: UtilisationSums): UtilisationBreakdown {
  const ratio = (key: string): Utilisation => {
    const a = acc.get(key)!;
    return { cpu: a.cpuTotal === 0 ? 0 : a.cpu / a.cpuTotal, memory: a.memTotal === 0 ? 0 : a.mem / a.memTotal, tasks: a.tasks };
  };
  const pick = (prefix: string) => Object.fromEntries([...acc.keys()].filter((k) => k.startsWith(prefix)).sort().map((k) => [k.slice(prefix.length), ratio(k)]));
  return {
    total: acc.has('total') ? ratio('total') : { cpu: 0, memory: 0, tasks: 0 },
    byAvailabilityZone: pick('az:'),
    byInstanceType: pick('type:'),
    byInstanceFamily: pick('family:'),
  };
}

/** Reserved over registered CPU and memory, per AZ, instance type and family, and in total, over ACTIVE and DRAINING instances (a full scan). */
export function utilisationOf(cluster: ClusterRecord): UtilisationBreakdown {
  const acc: UtilisationSums = new Map();
  for (const record of cluster.instances.values()) {
    if (record.status !== 'ACTIVE' && record.status !== 'DRAINING') continue;
    const slot = cluster.store.slotOf(record.arn);
    const cpuTotal = record.registeredResources.find((r) => r.name === 'CPU')?.integerValue ?? 0;
    const memTotal = record.registeredResources.find((r) => r.name === 'MEMORY')?.integerValue ?? 0;
    const cpu = cpuTotal - cluster.store.remainingCpu[slot]!;
    const mem = memTotal - cluster.store.remainingMemory[slot]!;
    const tasks = record.runningTasksCount + record.pendingTasksCount;
    for (const key of utilisationKeys(record)) {
      const a = acc.get(key) ?? { cpu: 0, cpuTotal: 0, mem: 0, memTotal: 0, tasks: 0 };
      a.cpu += cpu; a.cpuTotal += cpuTotal; a.mem += mem; a.memTotal += memTotal; a.tasks += tasks;
      acc.set(key, a);
    }
  }
  return breakdownOf(acc);
}


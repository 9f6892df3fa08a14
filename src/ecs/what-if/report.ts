/**
 * What-if reports: run a change on a fork, let the scheduler settle, and compare. The original
 * simulator is never touched.
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

export interface WhatIfReport {
  /** Instances the what-if changed (e.g. drained). */
  containerInstanceArns: string[];
  /** Service tasks stopped on one instance and started on another: task ARNs and where. */
  moved: { service: string; from: string; to: string[] }[];
  /** Per service: tasks short of desiredCount when the run ended, and the last placement failure. */
  unplaced: { service: string; missing: number; reason: string | undefined }[];
  /** Standalone tasks left on changed instances (ECS leaves them alone). */
  standaloneLeft: string[];
  utilisation: {
    before: UtilisationBreakdown;
    after: UtilisationBreakdown;
  };
}

/** Simulated time a drain what-if lets the service scheduler work, unless told otherwise (10 minutes). */
export const DRAIN_SETTLE_MS = 600_000;

function attribute(record: InstanceRecord, name: string): string {
  return record.attributes.find((a) => a.name === name)?.value ?? '(none)';
}

/** Utilisation in total, per Availability Zone, per instance type and per instance family (`m5`, `c5`, …). */
export interface UtilisationBreakdown {
  total: Utilisation;
  byAvailabilityZone: Record<string, Utilisation>;
  byInstanceType: Record<string, Utilisation>;
  byInstanceFamily: Record<string, Utilisation>;
}

/** Reserved over registered CPU and memory, per AZ, per instance type and in total, over ACTIVE and DRAINING instances. */
export function utilisationOf(cluster: ClusterRecord): UtilisationBreakdown {
  const acc = new Map<string, { cpu: number; cpuTotal: number; mem: number; memTotal: number; tasks: number }>();
  const add = (key: string, cpu: number, cpuTotal: number, mem: number, memTotal: number, tasks: number) => {
    const a = acc.get(key) ?? { cpu: 0, cpuTotal: 0, mem: 0, memTotal: 0, tasks: 0 };
    a.cpu += cpu; a.cpuTotal += cpuTotal; a.mem += mem; a.memTotal += memTotal; a.tasks += tasks;
    acc.set(key, a);
  };
  for (const record of cluster.instances.values()) {
    if (record.status !== 'ACTIVE' && record.status !== 'DRAINING') continue;
    const slot = cluster.store.slotOf(record.arn);
    const cpuTotal = record.registeredResources.find((r) => r.name === 'CPU')?.integerValue ?? 0;
    const memTotal = record.registeredResources.find((r) => r.name === 'MEMORY')?.integerValue ?? 0;
    const cpu = cpuTotal - cluster.store.remainingCpu[slot]!;
    const mem = memTotal - cluster.store.remainingMemory[slot]!;
    const tasks = record.runningTasksCount + record.pendingTasksCount;
    const type = attribute(record, 'ecs.instance-type');
    // The family is the type's name before the size (`m5` of `m5.large`): a dozen rows, not dozens.
    for (const key of ['total', `az:${attribute(record, 'ecs.availability-zone')}`, `type:${type}`, `family:${type.split('.')[0]}`]) {
      add(key, cpu, cpuTotal, mem, memTotal, tasks);
    }
  }
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

/** Compares a cluster before and after a what-if (the same cluster in the original and the fork). */
export function compare(before: ClusterRecord, after: ClusterRecord, changed: string[]): WhatIfReport {
  const changedSet = new Set(changed);
  const moved = new Map<string, { service: string; from: string; to: string[] }>();
  const started = new Map<string, string[]>();
  for (const t of after.tasks.values()) {
    // FARGATE tasks (no instance) are not moved by what happens to instances.
    if (t.serviceName === undefined || t.containerInstanceArn === undefined || before.tasks.has(t.arn) || t.desiredStatus !== 'RUNNING') continue;
    const list = started.get(t.serviceName) ?? [];
    list.push(t.containerInstanceArn);
    started.set(t.serviceName, list);
  }
  for (const t of before.tasks.values()) {
    if (t.serviceName === undefined || t.containerInstanceArn === undefined || t.desiredStatus !== 'RUNNING') continue;
    const now = after.tasks.peek(t.arn);
    if (now === undefined || now.desiredStatus === 'RUNNING') continue;
    const key = `${t.serviceName}|${t.containerInstanceArn}`;
    const entry = moved.get(key) ?? { service: t.serviceName, from: t.containerInstanceArn, to: [] };
    const dest = started.get(t.serviceName)?.shift();
    if (dest !== undefined) entry.to.push(dest);
    moved.set(key, entry);
  }
  const unplaced: WhatIfReport['unplaced'] = [];
  // One pass over the tasks, not one per service (hundreds of services, tens of thousands of tasks).
  const running = new Map<string, number>();
  for (const t of after.tasks.values()) if (t.serviceName !== undefined && t.desiredStatus === 'RUNNING') running.set(t.serviceName, (running.get(t.serviceName) ?? 0) + 1);
  for (const s of after.services.values()) {
    if (s.status !== 'ACTIVE') continue;
    const n = running.get(s.name) ?? 0;
    if (n < s.desiredCount) unplaced.push({ service: s.name, missing: s.desiredCount - n, reason: s.lastFailure });
  }
  const standaloneLeft = [...after.tasks.values()]
    .filter((t) => t.serviceName === undefined && t.desiredStatus === 'RUNNING' && t.containerInstanceArn !== undefined && changedSet.has(t.containerInstanceArn))
    .map((t) => t.arn);
  return {
    containerInstanceArns: changed,
    moved: [...moved.values()],
    unplaced,
    standaloneLeft,
    utilisation: { before: utilisationOf(before), after: utilisationOf(after) },
  };
}


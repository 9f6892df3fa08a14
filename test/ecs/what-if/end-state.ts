// The oracle of the what-if report's service rows: the state a what-if's fork ends in,
// recomputed in one pass over every task — per ACTIVE service, tasks short of desired and the
// stuck ones (not told to stop, on an instance that is not ACTIVE).
import { expect } from 'vitest';
import type { EcsSimulator, WhatIfResult } from '../../../src/ecs/simulator.js';

export function endState(fork: EcsSimulator, clusterName: string) {
  const cluster = fork.state.clusters.get(clusterName)!;
  const tally = new Map<string, { healthy: number; stuck: string[] }>();
  for (const t of cluster.tasks.values()) {
    if (t.serviceName === undefined || t.desiredStatus !== 'RUNNING') continue;
    const s = tally.get(t.serviceName) ?? { healthy: 0, stuck: [] };
    tally.set(t.serviceName, s);
    if (t.containerInstanceArn === undefined || cluster.instances.peek(t.containerInstanceArn)!.status === 'ACTIVE') s.healthy++;
    else s.stuck.push(t.arn);
  }
  const out = new Map<string, { short: number; stuck: string[] }>();
  for (const service of cluster.services.values()) {
    if (service.status !== 'ACTIVE') continue;
    const s = tally.get(service.name) ?? { healthy: 0, stuck: [] };
    out.set(service.name, { short: Math.max(0, service.desiredCount - s.healthy - s.stuck.length), stuck: s.stuck.sort() });
  }
  return out;
}

/**
 * The report's rows agree with the fork's end state; services without a row have nothing short
 * or stuck unless they had before (`before`: the same oracle on the original); totals add up.
 */
export function expectAccountsForTheFork(report: WhatIfResult<EcsSimulator>, clusterName: string, before?: ReturnType<typeof endState>): void {
  const want = endState(report.fork, clusterName);
  for (const row of report.services) {
    expect({ service: row.service, short: row.short, stuck: row.stuck.map((t) => t.taskArn) }).toEqual({ service: row.service, ...want.get(row.service)! });
  }
  const rows = new Set(report.services.map((s) => s.service));
  for (const [name, s] of want) {
    if (rows.has(name)) continue;
    const was = before?.get(name) ?? { short: 0, stuck: [] };
    expect({ name, ...s }).toEqual({ name, ...was });
  }
  expect(report.totals.short).toBe(report.services.reduce((n, s) => n + s.short, 0));
  expect(report.totals.stuck).toBe(report.services.reduce((n, s) => n + s.stuck.length, 0));
  expect(Object.values(report.totals.byReason).reduce((a, b) => a + b, 0)).toBe(report.totals.short + report.totals.stuck);
}

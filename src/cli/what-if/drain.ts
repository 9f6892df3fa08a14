/**
 * Drain what-ifs: the instances a filter selects (`sim.drainWhatIf`), or instances named by id or
 * ARN (the same steps on a fork: DRAINING in batches of 10, as UpdateContainerInstancesState
 * takes them, then the simulated clock runs while the service scheduler moves tasks).
 */
import { ClientException } from '../../errors.js';
import { DRAIN_SETTLE_MS, type WhatIfReport } from '../../ecs/what-if/report.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import { describeWithFailures } from '../describe-all.js';
import type { Shortfall } from './shortfall.js';

export const DEFAULT_SETTLE_SECONDS = DRAIN_SETTLE_MS / 1000;

/** A drain what-if's report and the fork it ran on. */
export interface DrainOutcome {
  report: WhatIfReport;
  fork: EcsSimulator;
}

/** A drain (`drainWhatIf`) or an abrupt loss (`failWhatIf`) of the instances a filter selects. */
export function lossByFilter(sim: EcsSimulator, cluster: string, what: 'drain' | 'fail', filter: string, settleSeconds: number): DrainOutcome {
  const options = { cluster, settleMs: settleSeconds * 1000 };
  const { fork, ...report } = what === 'drain' ? sim.drainWhatIf(filter, options) : sim.failWhatIf(filter, options);
  return { report, fork };
}

export function drainByReference(sim: EcsSimulator, cluster: string, references: readonly string[], settleSeconds: number): DrainOutcome {
  const { containerInstances, failures } = describeWithFailures(sim, cluster, references);
  if (failures.length > 0) throw new ClientException(`drain: ${failures.map((f) => f.arn).join(', ')} ${failures.length === 1 ? 'is' : 'are'} not a container instance of cluster ${cluster}`);
  const arns = [...new Set(containerInstances.map((i) => i.containerInstanceArn!))];
  const { fork, ...report } = sim.drainInstancesWhatIf(arns, { cluster, settleMs: settleSeconds * 1000 });
  return { report, fork };
}

/** Per service: tasks moved, the instances they left and reached, and how many the change left unplaced and why. */
export function movedByService(report: WhatIfReport, shortfall: readonly Shortfall[]): { service: string; tasks: number; from: number; to: number; missing: number; reason: string | undefined }[] {
  const byService = new Map<string, { tasks: number; from: Set<string>; to: Set<string> }>();
  for (const m of report.moved) {
    const entry = byService.get(m.service) ?? { tasks: 0, from: new Set(), to: new Set() };
    entry.tasks += m.to.length;
    entry.from.add(m.from);
    for (const t of m.to) entry.to.add(t);
    byService.set(m.service, entry);
  }
  const services = new Set([...byService.keys(), ...shortfall.map((u) => u.service)]);
  return [...services].sort().map((service) => {
    const e = byService.get(service);
    const u = shortfall.find((x) => x.service === service);
    return { service, tasks: e?.tasks ?? 0, from: e?.from.size ?? 0, to: e?.to.size ?? 0, missing: u?.missing ?? 0, reason: u?.reason };
  });
}

/**
 * The services worth a row in a summary: those left short (always), then those that moved most,
 * up to `limit` rows; and how many services were left out.
 */
export function notableServices<T extends { service: string; tasks: number; missing: number }>(services: readonly T[], limit: number): { shown: T[]; omitted: number } {
  const short = services.filter((s) => s.missing > 0);
  const rest = services.filter((s) => s.missing === 0).sort((a, b) => b.tasks - a.tasks || a.service.localeCompare(b.service));
  const shown = [...short, ...rest.slice(0, Math.max(0, limit - short.length))];
  return { shown, omitted: services.length - shown.length };
}

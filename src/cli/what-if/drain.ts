/**
 * What drain-like steps share on the command line: the default settle time, and per service the
 * tasks a what-if moved and left unplaced (the scenario steps and the report's tables).
 */
import { DRAIN_SETTLE_MS, type WhatIfReport } from '../../ecs/what-if/report.js';
import type { Shortfall } from './shortfall.js';

export const DEFAULT_SETTLE_SECONDS = DRAIN_SETTLE_MS / 1000;

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

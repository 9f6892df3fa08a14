/**
 * A what-if report as text (drain, fail): the per-service table — desired, running, short, stuck,
 * moved, and why as a reason code — the ECS message of each service at risk, a few stuck tasks by
 * name, totals by reason, and utilisation before → after.
 */
import type { ServiceOutcome, WhatIfReport } from '../../ecs/what-if/report.js';
import { utilisationTable } from '../format.js';
import { count, formatTable } from '../table.js';

const SHOWN_SERVICES = 20;
const SHOWN_STUCK = 10;

/** Services at risk (short or stuck) first, most tasks first; then the ones that moved most; up to `limit`. */
export function servicesShown(services: readonly ServiceOutcome[], limit: number): { shown: ServiceOutcome[]; omitted: number } {
  const atRisk = (s: ServiceOutcome) => s.short + s.stuck.length;
  const sorted = [...services].sort((a, b) => atRisk(b) - atRisk(a) || b.moved - a.moved || (a.service < b.service ? -1 : 1));
  const shown = sorted.filter((s, i) => atRisk(s) > 0 || i < limit).slice(0, Math.max(limit, sorted.filter((s) => atRisk(s) > 0).length));
  return { shown, omitted: services.length - shown.length };
}

/** The lines after a report's headline. */
export function reportLines(report: WhatIfReport): string[] {
  const { totals } = report;
  const out = [
    `service tasks moved: ${count(report.moved.reduce((n, m) => n + m.to.length, 0))}; short (not placed): ${count(totals.short)}; stuck (still on the ${report.what === 'drain' ? 'draining' : 'lost'} instances): ${count(totals.stuck)}; ` +
      (report.what === 'drain' ? `standalone tasks left on drained instances: ${count(totals.left)}` : `standalone tasks lost: ${count(totals.lost)}`),
  ];
  if (report.services.length > 0) {
    const { shown, omitted } = servicesShown(report.services, SHOWN_SERVICES);
    out.push('', formatTable([
      ['SERVICE', 'DESIRED', 'RUNNING', 'SHORT', 'STUCK', 'MOVED', 'WHY'],
      ...shown.map((s) => [s.service, count(s.desiredCount), count(s.running + s.pending), count(s.short), count(s.stuck.length), count(s.moved), s.reason ?? '']),
    ]));
    if (omitted > 0) out.push(`(and ${count(omitted)} more services, none short or stuck; --json lists them all)`);
    for (const s of shown) if (s.message !== undefined) out.push(`  ${s.message}`);
    const stuck = report.services.flatMap((s) => s.stuck.map((t) => ({ service: s.service, ...t })));
    if (stuck.length > 0) {
      out.push('', `stuck tasks${stuck.length > SHOWN_STUCK ? ` (first ${SHOWN_STUCK} of ${count(stuck.length)})` : ''}:`);
      for (const t of stuck.slice(0, SHOWN_STUCK)) out.push(`  ${t.service}  task ${t.taskArn.split('/').pop()}  on ${t.containerInstanceArn.split('/').pop()}  ${t.reason}`);
    }
  }
  const reasons = Object.entries(totals.byReason);
  if (reasons.length > 0) out.push('', formatTable([['REASON', 'TASKS SHORT OR STUCK'], ...reasons.map(([r, n]) => [r, count(n)])]));
  out.push('', utilisationTable(report.utilisation.before, report.utilisation.after));
  return out;
}

/**
 * A sweep's answer for people: a headline, then its worst rows as a table, the reason that
 * leaves the most tasks short or stuck named per row. Shared by `sweep` and `sweep-merge`, whose
 * JSON (and so whose text) is the same for one run and for its shards merged.
 */
import type { SweepResult } from '../../ecs/what-if/sweep.js';
import { count, formatTable } from '../table.js';

export function sweepLines(result: SweepResult, top: number): string[] {
  const atRisk = result.rows.filter((r) => r.short + r.stuck > 0).length;
  const out = [
    `sweep: ${count(result.rows.length)}${result.shard === undefined ? '' : ` of ${count(result.scenarios)}`} scenarios on cluster ${result.cluster}` +
      `${result.shard === undefined ? '' : ` (shard ${result.shard.index}/${result.shard.count})`}, ${count(result.settleMs / 1000)} s of simulated time each; ` +
      `${count(atRisk)} leave service tasks short or stuck`,
  ];
  const rows = result.rows.slice(0, top);
  if (rows.length > 0) {
    const topReason = (byReason: Record<string, number>) => Object.entries(byReason).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? '';
    out.push('', formatTable([
      ['SCENARIO', 'WHAT', 'INSTANCES', 'SHORT', 'STUCK', 'STANDALONE', 'SERVICES AT RISK', 'MOSTLY'],
      ...rows.map((r) => [r.scenario, r.what, count(r.instances), count(r.short), count(r.stuck), count(r.what === 'fail' ? r.lost : r.left), r.servicesAtRisk.join(' ') || '-', topReason(r.byReason)]),
    ]));
    if (result.rows.length > rows.length) out.push(`(the ${count(rows.length)} worst of ${count(result.rows.length)}; --json lists every row)`);
  }
  return out;
}

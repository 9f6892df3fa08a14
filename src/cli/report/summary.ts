/** The scenario's results as text: step by step, then the totals per alternative (tasks moved, short and why, utilisation). */
import { planTable, utilisationTable } from '../format.js';
import type { ScenarioResult, StepResult } from '../scenario/results.js';
import { count, formatTable } from '../table.js';
import { notableServices } from '../what-if/drain.js';
import { headline } from './headline.js';

/** Services listed per drain or refresh: the short ones, then those that moved most. */
const SHOWN_SERVICES = 10;

const indent = (text: string, by: string) => text.split('\n').map((l) => `${by}${l}`).join('\n');

function stepLines(results: readonly StepResult[], numbering: string, pad: string): string[] {
  const out: string[] = [];
  results.forEach((r, i) => {
    const n = `${numbering}${i + 1}`;
    out.push(`${pad}[${n}] ${r.label}: ${headline(r)}`);
    if (r.op === 'query') {
      out.push(`${pad}    ${r.filter}`);
      if (r.plan) out.push(indent(planTable(r.plan), `${pad}    `));
    }
    if ((r.op === 'drain' || r.op === 'fail' || r.op === 'replaceInstances') && r.services.length > 0) {
      const { shown, omitted } = notableServices(r.services, SHOWN_SERVICES);
      out.push(indent(formatTable([
        ['SERVICE', 'TASKS MOVED', 'FROM INSTANCES', 'TO INSTANCES', 'NOT PLACED'],
        ...shown.map((s) => [s.service, count(s.tasks), count(s.from), count(s.to), count(s.missing)]),
      ]), `${pad}    `));
      if (omitted > 0) out.push(`${pad}    (and ${count(omitted)} more services, none left short; --json lists them all)`);
      for (const s of shown) if (s.missing > 0 && s.reason) out.push(`${pad}    ${s.reason}`);
    }
    if (r.op === 'place' && r.unplaced > 0) {
      out.push(`${pad}    the first task that could not be placed was turned down by: ${Object.entries(r.failures).map(([k, v]) => `${count(v)} instances for ${k}`).join(', ')}`);
    }
    if (r.op === 'branches') {
      for (const [k, b] of r.branches.entries()) {
        out.push(`${pad}    ── branch "${b.name}" (on its own fork)`);
        out.push(...stepLines(b.steps, `${n}.${k + 1}.`, `${pad}    `));
      }
    }
  });
  return out;
}

export function scenarioSummary(result: ScenarioResult): string {
  const { data } = result;
  const out: string[] = [
    `ecs-cluster-sim what-if on ${data.source}: ${count(data.instances)} container instances, ${count(data.tasks)} tasks (cluster ${data.cluster}, seed ${data.seed})`,
  ];
  if (result.description) out.push(result.description);
  out.push('', ...stepLines(result.steps, '', ''));
  out.push('', 'Summary, per alternative (each on its own: the figures of different branches are never added up)');
  out.push(indent(formatTable([
    ['ALTERNATIVE', 'SERVICE TASKS MOVED', 'TASKS SHORT', 'STANDALONE TASKS STUCK'],
    ...result.alternatives.map((a) => [a.name, count(a.moved), count(a.short), count(a.stuck)]),
  ]), '    '));
  const atRisk = result.alternatives.flatMap((a) => a.atRisk.map((r) => [a.name, r.owner, r.where, r.reason, count(r.tasks)]));
  if (atRisk.length > 0) {
    out.push('  tasks short, per service (or task definition), step and alternative:');
    out.push(indent(formatTable([['ALTERNATIVE', 'SERVICE', 'STEP', 'WHY', 'TASKS SHORT'], ...atRisk]), '    '));
  }
  out.push('  reserved CPU and memory, as loaded → after the main line (branches excluded; per instance type in the report):');
  out.push(indent(utilisationTable(result.utilisation.before, result.utilisation.after, { byInstanceType: false }), '    '));
  return `${out.join('\n')}\n`;
}

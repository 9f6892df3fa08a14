/**
 * The capacity section of the HTML report: what a plan adds per AZ (chart and table), its cost
 * against the lower bound and the baseline, and each scenario's shortfall without the plan and
 * with it. `plan-capacity --report` writes it as a page of its own.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BaselineEstimate } from '../../capacity/baseline.js';
import type { CapacityPlan } from '../../capacity/plan-capacity.js';
import { InvalidParameterException } from '../../errors.js';
import { dollars } from '../capacity-flags.js';
import { count } from '../table.js';
import { page, section } from './html.js';
import { barChart, escapeXml as esc } from './svg.js';

function card(num: string, caption: string, bad = false): string {
  return `<div class="card${bad ? ' bad' : ''}"><div class="num">${esc(num)}</div><div class="cap">${esc(caption)}</div></div>`;
}

/** The section's HTML. */
export function capacitySection(plan: CapacityPlan, baseline?: BaselineEstimate): string {
  const checked = `<p class="muted">Checked against: ${esc(plan.scenarios.join('; ') || '(nothing)')}.</p>`;
  if (plan.status === 'impossible') {
    return section('capacity', 'Capacity plan', `${checked}<p>No plan: these tasks fit no allowed instance type.</p>
<table><tr><th>scenario</th><th>task</th><th class="n">count</th><th>reason</th><th>why</th></tr>
${plan.tasks.map((t) => `<tr><td>${esc(t.scenario)}</td><td>${esc(t.name)}</td><td class="n">${count(t.count)}</td><td>${esc(t.reason)}</td><td>${esc(t.message)}</td></tr>`).join('\n')}</table>`);
  }
  if (plan.status === 'unverified') {
    return section('capacity', 'Capacity plan', `${checked}<p>No verified plan: the last attempt still left ${count(plan.verification.short)} tasks short and ${count(plan.verification.stuck)} stuck.</p>`);
  }
  const azs = [...new Set(plan.add.map((a) => a.availabilityZone))].sort();
  const chart = azs.length === 0 ? '' : barChart({
    title: 'Hourly cost added per Availability Zone',
    categories: azs,
    series: [{ name: 'added', color: '#1f5f99', values: azs.map((az) => plan.add.filter((a) => a.availabilityZone === az).reduce((n, a) => n + a.hourlyCost, 0)) }],
    format: dollars,
  });
  const cards = [
    card(dollars(plan.hourlyCost), 'hourly cost of the plan'),
    card(dollars(plan.lowerBound.hourlyCost), `lower bound${plan.lowerBound.exact ? '' : ' (best proven)'}; ratio ${Number.isFinite(plan.lowerBound.ratio) ? plan.lowerBound.ratio.toFixed(3) : 'n/a'}`),
    ...(baseline === undefined ? [] : [card(dollars(baseline.hourlyCost), `first fit on ${baseline.instanceType ?? '-'} (Cluster Autoscaler's way)${baseline.verification.verified ? '' : ', does not verify'}`, !baseline.verification.verified)]),
    card(count(plan.add.reduce((n, a) => n + a.count, 0)), 'instances to add'),
  ].join('');
  const table = plan.add.length === 0 ? '<p>Nothing to add: the goal holds as the cluster is.</p>' : `<table><tr><th>AZ</th><th>instance type</th><th class="n">count</th><th>attributes</th><th class="n">$/h</th></tr>
${plan.add.map((a) => `<tr><td>${esc(a.availabilityZone)}</td><td>${esc(a.instanceType)}</td><td class="n">${count(a.count)}</td><td>${esc(a.attributes.map((x) => (x.value === undefined ? x.name : `${x.name}=${x.value}`)).join(' ') || '-')}</td><td class="n">${dollars(a.hourlyCost)}</td></tr>`).join('\n')}</table>`;
  const scenarios = `<table><tr><th>scenario</th><th class="n">short / stuck with the plan</th></tr>
${plan.verification.scenarios.map((s) => `<tr><td>${esc(s.scenario)}</td><td class="n">${count(s.short)} / ${count(s.stuck)}</td></tr>`).join('\n')}</table>`;
  return section('capacity', 'Capacity plan: what to add per AZ, at what cost', `${checked}<div class="cards">${cards}</div>
<div class="charts">${chart}</div>
${table}
<h3>Verification</h3><p class="muted">Each scenario's what-if re-run on a fork with the instances registered as their agents would register them.</p>
${scenarios}`);
}

/** Writes the section as a page of its own and answers its absolute path. */
export function writeCapacityReport(path: string, plan: CapacityPlan, baseline?: BaselineEstimate): string {
  const full = resolve(path);
  try {
    writeFileSync(full, page('ecs-cluster-sim capacity plan', 'Capacity plan', capacitySection(plan, baseline)));
  } catch (e) {
    throw new InvalidParameterException(`cannot write the report to '${path}': ${(e as Error).message}`);
  }
  return full;
}

/**
 * The what-if report as one self-contained HTML file: inline CSS and SVG charts, no scripts, no
 * external assets, so it opens offline and can be mailed around. Figures come from the same
 * ScenarioResult the text summary and `--json` print.
 */
import type { PlanExplanation } from '../../store/plan.js';
import { planNodes, type UtilisationView } from '../format.js';
import type { Alternative, ScenarioResult, StepResult } from '../scenario/results.js';
import { count, percent } from '../table.js';
import { notableServices } from '../what-if/drain.js';
import { headline } from './headline.js';
import { barChart, escapeXml as esc } from './svg.js';

const BEFORE = '#9fb7cc';
const PLACED = '#2f8a57';
const UNPLACED = '#c0392b';
/** One colour per alternative, the main line first; reused in order past the last. */
const ALTERNATIVE_COLOURS = ['#1f5f99', '#d08a1e', '#7b4fa0', '#2f8a57', '#b0466f', '#4a8f8f'];
const colourOf = (i: number) => ALTERNATIVE_COLOURS[i % ALTERNATIVE_COLOURS.length]!;

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b2733; margin: 0; background: #f5f7fa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 10px; border-bottom: 1px solid #d5dde6; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.sub { color: #4d5d70; margin: 0 0 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 18px; }
.card { background: #fff; border: 1px solid #d5dde6; border-radius: 6px; padding: 10px 14px; min-width: 150px; flex: 1 1 150px; }
.card .num { font-size: 22px; font-weight: 650; }
.card .cap { font-size: 12px; color: #4d5d70; margin-top: 2px; }
.alt { margin-top: 14px; }
.alt h3 { margin: 0 0 -8px; display: flex; align-items: center; gap: 8px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.card.bad .num { color: #c0392b; }
.charts { display: flex; flex-wrap: wrap; gap: 16px 28px; background: #fff; border: 1px solid #d5dde6; border-radius: 6px; padding: 14px; }
table { border-collapse: collapse; background: #fff; font-size: 13px; margin: 6px 0 10px; }
th, td { border: 1px solid #d5dde6; padding: 3px 8px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ol.steps { padding-left: 22px; }
ol.steps li { margin: 8px 0; }
.label { font-weight: 600; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
td.tree { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; white-space: pre; }
table.plan td { border-left: none; border-right: none; }
pre { background: #fff; border: 1px solid #d5dde6; border-radius: 4px; padding: 8px; overflow-x: auto; }
.muted { color: #4d5d70; font-size: 12px; }
footer { margin-top: 36px; color: #4d5d70; font-size: 12px; }
`;

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const cell = (tag: string, text: string, i: number) => `<${tag}${numeric.includes(i) ? ' class="n"' : ''}>${esc(text)}</${tag}>`;
  return `<table><thead><tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The plan as a table; the first column draws the tree. */
function planTable(plan: PlanExplanation): string {
  const rows = planNodes(plan).map(({ tree, node }) => `<tr><td class="tree">${esc(tree)}</td><td class="n">${count(node.estimated)}</td><td class="n">${count(node.actual)}</td><td>${esc(node.strategy)}</td></tr>`);
  return `<table class="plan"><thead><tr><th>Plan</th><th class="n">Estimated</th><th class="n">Actual</th><th>How</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** CPU and memory reserved per AZ or instance family: as loaded, and at the end of each alternative. */
function utilisationCharts(title: string, before: UtilisationView, alternatives: readonly Alternative[], key: 'byAvailabilityZone' | 'byInstanceFamily'): string {
  const categories = [...new Set([before, ...alternatives.map((a) => a.after)].flatMap((u) => Object.keys(u[key])))].sort();
  const series = (dimension: 'cpu' | 'memory') => [
    { name: 'as loaded', color: BEFORE, values: categories.map((c) => before[key][c]?.[dimension] ?? 0) },
    ...alternatives.map((a, i) => ({ name: `after: ${a.name}`, color: colourOf(i), values: categories.map((c) => a.after[key][c]?.[dimension] ?? 0) })),
  ];
  const chart = (dimension: 'cpu' | 'memory', label: string) =>
    barChart({ title: `${label} reserved ${title}`, categories, series: series(dimension), max: 1, format: percent, width: 520 });
  return `<div class="charts">${chart('cpu', 'CPU')}${chart('memory', 'Memory')}</div>`;
}

/** One row of cards per alternative: its own figures, never added to another's. */
function alternativeCards(result: ScenarioResult): string {
  const before = result.utilisation.before.total;
  return result.alternatives.map((a, i) => {
    const cards: [string, string, boolean][] = [
      [count(a.moved), 'service tasks moved', false],
      [count(a.short), 'tasks short: could not be placed', a.short > 0],
      [count(a.stuck), 'standalone tasks stuck on drained instances', a.stuck > 0],
      [`${percent(before.cpu)} → ${percent(a.after.total.cpu)}`, 'CPU reserved, as loaded → after', false],
      [`${percent(before.memory)} → ${percent(a.after.total.memory)}`, 'memory reserved, as loaded → after', false],
    ];
    return `<div class="alt"><h3><span class="swatch" style="background:${colourOf(i)}"></span>${esc(a.name)}</h3><div class="cards">${cards.map(([n, c, bad]) => `<div class="card${bad ? ' bad' : ''}"><div class="num">${esc(n)}</div><div class="cap">${esc(c)}</div></div>`).join('')}</div></div>`;
  }).join('');
}

/** Tasks short per service (or task definition), per alternative: a chart by reason and the table. */
function atRiskSection(alternatives: readonly Alternative[]): string {
  const rows = alternatives.flatMap((a) => a.atRisk.map((r) => ({ alternative: a.name, ...r })));
  if (rows.length === 0) return '<p>Every task found an instance, in every alternative.</p>';
  const reasons = [...new Set(rows.map((r) => r.reason))].sort();
  const tasksFor = (a: Alternative, reason: string) => a.atRisk.filter((r) => r.reason === reason).reduce((n, r) => n + r.tasks, 0);
  const chart = barChart({
    title: 'Tasks short by reason, per alternative',
    categories: reasons,
    series: alternatives.map((a, i) => ({ name: a.name, color: colourOf(i), values: reasons.map((r) => tasksFor(a, r)) })),
    format: count,
    width: 1100,
  });
  const ordered = [...rows].sort((x, y) => y.tasks - x.tasks || x.owner.localeCompare(y.owner));
  return `<div class="charts">${chart}</div>${table(['Alternative', 'Service', 'Step', 'Why', 'Tasks short'], ordered.map((r) => [r.alternative, r.owner, r.where, r.reason, count(r.tasks)]), [4])}`;
}

function serviceTable(r: Extract<StepResult, { op: 'drain' | 'replaceInstances' }>): string {
  if (r.services.length === 0) return '';
  const { shown, omitted } = notableServices(r.services, 15);
  return table(
    ['Service', 'Tasks moved', 'From instances', 'To instances', 'Not placed', 'Why'],
    shown.map((s) => [s.service, count(s.tasks), count(s.from), count(s.to), count(s.missing), s.missing > 0 ? s.reason ?? '' : '']),
    [1, 2, 3, 4],
  ) + (omitted > 0 ? `<div class="muted">And ${count(omitted)} more services that moved fewer tasks and were not left short.</div>` : '');
}

function stepItems(results: readonly StepResult[]): string {
  return results.map((r) => {
    const parts = [`<li><span class="label">${esc(r.label)}</span> — ${esc(headline(r))} <span class="muted">(${esc(r.path)})</span>`];
    if (r.op === 'query') {
      parts.push(`<div><code>${esc(r.filter)}</code></div>`);
      if (r.plan) parts.push(planTable(r.plan));
    }
    if (r.op === 'drain' || r.op === 'replaceInstances') parts.push(serviceTable(r));
    if (r.op === 'place') {
      const rows = Object.entries(r.byAvailabilityZone).map(([az, n]) => [az, count(n)]);
      if (rows.length > 0) parts.push(table(['Availability Zone', 'Tasks placed'], rows, [1]));
      if (r.unplaced > 0) {
        parts.push(`<div class="muted">The first task that could not be placed: the instances that turned it down, by reason.</div>`);
        parts.push(table(['Reason', 'Instances'], Object.entries(r.failures).map(([k, v]) => [k, count(v)]), [1]));
      }
    }
    if (r.op === 'branches') {
      for (const b of r.branches) parts.push(`<h3>Branch “${esc(b.name)}” (on its own fork)</h3><ol class="steps">${stepItems(b.steps)}</ol>`);
    }
    parts.push('</li>');
    return parts.join('');
  }).join('');
}

/** The branches steps that place tasks: per branch, what its last placement achieved. */
function branchComparisons(results: readonly StepResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.op !== 'branches') continue;
    const rows = r.branches.map((b) => {
      const places = b.steps.filter((s): s is Extract<StepResult, { op: 'place' }> => s.op === 'place');
      const last = places[places.length - 1];
      const refresh = b.steps.find((s): s is Extract<StepResult, { op: 'replaceInstances' }> => s.op === 'replaceInstances');
      return { name: b.name, last, refresh };
    }).filter((x) => x.last !== undefined);
    if (rows.length === 0) continue;
    out.push(`<h3>${esc(r.label)}</h3>`);
    out.push(`<div class="charts">${barChart({
      title: 'Tasks placed and not placed, per branch',
      categories: rows.map((x) => x.name),
      series: [
        { name: 'placed', color: PLACED, values: rows.map((x) => x.last!.placed) },
        { name: 'could not be placed', color: UNPLACED, values: rows.map((x) => x.last!.unplaced) },
      ],
      stacked: true,
      format: count,
      width: 1100,
    })}</div>`);
    out.push(table(
      ['Branch', 'Requested', 'Placed', 'Not placed', 'Why not', 'Instances re-registered', 'With a trunk ENI'],
      rows.map((x) => [x.name, count(x.last!.requested), count(x.last!.placed), count(x.last!.unplaced), x.last!.reason ?? '', x.refresh ? count(x.refresh.replaced) : '0', x.refresh ? count(x.refresh.trunked) : '']),
      [1, 2, 3, 5, 6],
    ));
  }
  return out.join('');
}

/** A part of the report with its heading; the id lets a link (or a screenshot) open it. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>\n${body}</section>`;
}

/** A page of the report's look holding `body` (the capacity plan's page uses it). */
export function page(title: string, heading: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(heading)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function htmlReport(result: ScenarioResult): string {
  const { data, utilisation, alternatives } = result;
  const compared = branchComparisons(result.steps);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>ecs-cluster-sim what-if report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>What-if report</h1>
<p class="sub">${esc(result.description ?? 'A what-if scenario')}</p>
<p class="sub">Data: ${esc(data.source)} · cluster ${esc(data.cluster)} · seed ${data.seed}. Every branch ran on its own fork; the loaded data was not changed.</p>
<div class="cards"><div class="card"><div class="num">${count(data.instances)}</div><div class="cap">${esc(`container instances (${count(data.tasks)} tasks) in cluster ${data.cluster}`)}</div></div></div>
${section('alternatives', 'Alternatives', `<p class="muted">The main line, and each branch as the main line up to the branch point followed by the branch. Each is a different answer: their figures are never added up.</p>
${alternativeCards(result)}`)}
${section('utilisation-az', 'Utilisation per Availability Zone', `<p class="muted">Reserved over registered, on ACTIVE and DRAINING instances: as loaded, and at the end of each alternative.</p>
${utilisationCharts('per AZ', utilisation.before, alternatives, 'byAvailabilityZone')}`)}
${section('utilisation-family', 'Utilisation per instance family', `<p class="muted">Instance types grouped by family (m5 holds m5.large, m5.xlarge, …); the steps below name single types.</p>
${utilisationCharts('per instance family', utilisation.before, alternatives, 'byInstanceFamily')}`)}
${section('at-risk', 'Services at risk: tasks short', `<p class="muted">Per service, the tasks a step left short of desiredCount (and a place step's tasks that found no instance), with the reason, in each alternative.</p>
${atRiskSection(alternatives)}`)}
${compared === '' ? '' : section('compared', 'Alternatives compared', compared)}
${section('steps', 'Steps', `<ol class="steps">${stepItems(result.steps)}</ol>`)}
<footer>Generated by ecs-cluster-sim from a seeded simulation (seed ${data.seed}); the same data, scenario and seed give the same report. Self-contained: no scripts, no external assets.</footer>
</main>
</body>
</html>
`;
}

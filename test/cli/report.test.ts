/**
 * The main job's HTML report: well-formed, self-contained (no scripts, no external assets), and
 * showing the figures the run computed; `demo` writes exactly that report and prints its path.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCluster } from '../../src/cli/data.js';
import { htmlReport } from '../../src/cli/report/html.js';
import { mainJobScenario } from '../../src/cli/scenario/main-job.js';
import { runScenario } from '../../src/cli/scenario/run.js';
import type { ScenarioResult } from '../../src/cli/scenario/results.js';
import { parseScenario } from '../../src/cli/scenario/validate.js';
import { count, percent } from '../../src/cli/table.js';
import { wellFormednessErrors } from './html-check.js';
import { runCli, SMALL } from './run-cli.js';

const NO_PROGRESS = { update() {}, finish() {} };

function mainJob(seed = '1'): ScenarioResult {
  const loaded = loadCluster({ data: SMALL, seed });
  return runScenario(parseScenario(mainJobScenario(loaded), 'main job'), loaded, NO_PROGRESS);
}

describe('the what-if report', () => {
  const result = mainJob();
  const html = htmlReport(result);

  it('is well-formed', () => {
    expect(wellFormednessErrors(html)).toEqual([]);
    // The checker itself catches what it is there for.
    expect(wellFormednessErrors('<div><span></div></span>')).not.toEqual([]);
    expect(wellFormednessErrors('<p>a & b</p>')).toEqual(['bare & at 5']);
    expect(wellFormednessErrors('<svg><rect x="1"/></svg><meta charset="utf-8"/>')).toEqual([]);
  });

  it('is self-contained: no scripts, no external stylesheets, images or fonts', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    // The only address is the SVG namespace, which is a name, not a fetch.
    expect(new Set([...html.matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]))).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('has a row of cards per alternative with its own figures, never a figure added up across branches', () => {
    expect(html).toContain(`<div class="num">${count(result.data.instances)}</div>`);
    expect(result.alternatives.map((a) => a.name)).toEqual(['main line', 'trunking as registered', 'trunking on']);
    const rows = [...html.matchAll(/<div class="alt"><h3>.*?<\/span>(.*?)<\/h3><div class="cards">(.*?)<\/div><\/div><\/div>/g)];
    expect(rows.map((m) => m[1])).toEqual(result.alternatives.map((a) => a.name));
    const before = result.utilisation.before.total;
    for (const [i, a] of result.alternatives.entries()) {
      const numbers = [...rows[i]![2]!.matchAll(/<div class="num">(.*?)<\/div>/g)].map((m) => m[1]);
      expect(numbers).toEqual([count(a.moved), count(a.short), count(a.stuck), `${percent(before.cpu)} → ${percent(a.after.total.cpu)}`, `${percent(before.memory)} → ${percent(a.after.total.memory)}`]);
    }
    // The trunking branches differ, so a sum across them would be a number of its own; none is shown.
    const [, off, on] = result.alternatives;
    expect(off!.short).not.toBe(on!.short);
    expect(html).not.toContain(`<div class="num">${count(off!.short + on!.short)}</div>`);
  });

  it('takes each branch as the main line up to the branch point followed by the branch, not the other branch', () => {
    const [main, off, on] = result.alternatives;
    const branches = result.steps.find((s) => s.op === 'branches');
    if (branches?.op !== 'branches') throw new Error('no branches step');
    // The main job branches last: every main-line figure is part of each branch's path.
    expect(result.steps[result.steps.length - 1]).toBe(branches);
    for (const [alternative, branch] of [[off!, branches.branches[0]!], [on!, branches.branches[1]!]] as const) {
      expect(alternative.atRisk.slice(0, main!.atRisk.length)).toEqual(main!.atRisk);
      const own = branch.steps.reduce((n, s) => n + (s.op === 'replaceInstances' || s.op === 'drain' ? s.moved : 0), 0);
      expect(alternative.moved).toBe(main!.moved + own);
      expect(alternative.after).toEqual(branch.utilisation);
    }
    expect(main!.after).toEqual(result.utilisation.after);
  });

  it('charts utilisation per AZ and per instance family for each alternative, and tasks short by reason, as inline SVG', () => {
    const svgs = html.match(/<svg[\s>]/g) ?? [];
    // CPU and memory, per AZ and per family; tasks short by reason; one per compared branches step.
    expect(svgs.length).toBe(4 + 1 + 1);
    for (const [az, u] of Object.entries(result.utilisation.before.byAvailabilityZone)) {
      expect(html).toContain(`<title>${az}, as loaded: ${percent(u.cpu)}</title>`);
      for (const a of result.alternatives) expect(html).toContain(`<title>${az}, after: ${a.name}: ${percent(a.after.byAvailabilityZone[az]?.cpu ?? 0)}</title>`);
    }
    const families = Object.keys(result.utilisation.before.byInstanceFamily);
    expect(families.length).toBeLessThan(Object.keys(result.utilisation.before.byInstanceType).length);
    for (const a of result.alternatives) {
      for (const [family, u] of Object.entries(a.after.byInstanceFamily)) expect(html).toContain(`<title>${family}, after: ${a.name}: ${percent(u.memory)}</title>`);
    }
    expect(html).not.toMatch(/<title>[a-z0-9]+\.[a-z0-9]+, as loaded/); // no per-type rows
  });

  it('lists the services at risk: tasks short per service, step and alternative, with the reason', () => {
    const atRisk = result.alternatives.flatMap((a) => a.atRisk.map((r) => ({ alternative: a.name, ...r })));
    expect(atRisk.length).toBeGreaterThan(0);
    expect(atRisk.some((r) => r.owner.startsWith('service:'))).toBe(true);
    for (const r of atRisk) {
      expect(html).toContain(`<tr><td>${r.alternative}</td><td>${r.owner}</td><td>${r.where}</td><td>${r.reason}</td><td class="n">${count(r.tasks)}</td></tr>`);
    }
  });

  it('compares the trunking alternatives: tasks placed and not placed in each branch', () => {
    const branches = result.steps.find((s) => s.op === 'branches');
    expect(branches?.op).toBe('branches');
    if (branches?.op !== 'branches') return;
    expect(branches.branches.map((b) => b.name)).toEqual(['trunking as registered', 'trunking on']);
    for (const b of branches.branches) {
      const place = b.steps.find((s) => s.op === 'place');
      if (place?.op !== 'place') throw new Error('no placement in the branch');
      expect(html).toContain(`<title>${b.name}, placed: ${count(place.placed)}</title>`);
      expect(html).toContain(`<title>${b.name}, could not be placed: ${count(place.unplaced)}</title>`);
    }
  });
});

describe('demo (npm start)', () => {
  it('prints the summary and writes the report it describes to --out, the same for the same seed', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ecs-report-')), 'report.html');
    const r = await runCli(['demo', '--data', SMALL, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ecs-cluster-sim what-if on .*small\.json: 50 container instances/);
    expect(r.stdout).toContain('\nSummary, per alternative');
    expect(r.stdout).toContain(`report: ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(htmlReport(mainJob()));
  });
});

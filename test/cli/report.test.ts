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

  it('shows the run\'s figures: instances, tasks moved, unplaced tasks, utilisation before and after', () => {
    expect(html).toContain(`<div class="num">${count(result.data.instances)}</div>`);
    expect(html).toContain(`<div class="num">${count(result.tasksMoved)}</div>`);
    expect(html).toContain(`<div class="num">${count(result.unplaced.reduce((n, u) => n + u.tasks, 0))}</div>`);
    const { before, after } = result.utilisation;
    expect(html).toContain(`${percent(before.total.cpu)} → ${percent(after.total.cpu)}`);
    expect(html).toContain(`${percent(before.total.memory)} → ${percent(after.total.memory)}`);
  });

  it('charts utilisation per AZ and per instance type before and after, and unplaceable tasks by reason, as inline SVG', () => {
    const svgs = html.match(/<svg[\s>]/g) ?? [];
    // CPU and memory, per AZ and per instance type; unplaced by reason; one per compared alternative.
    expect(svgs.length).toBe(4 + (result.unplaced.length > 0 ? 1 : 0) + 1);
    for (const [az, u] of Object.entries(result.utilisation.before.byAvailabilityZone)) {
      expect(html).toContain(`<title>${az}, before (as loaded): ${percent(u.cpu)}</title>`);
      expect(html).toContain(`<title>${az}, after: ${percent(result.utilisation.after.byAvailabilityZone[az]?.cpu ?? 0)}</title>`);
    }
    for (const [type, u] of Object.entries(result.utilisation.after.byInstanceType)) expect(html).toContain(`<title>${type}, after: ${percent(u.memory)}</title>`);
    const byReason = new Map<string, number>();
    for (const u of result.unplaced) byReason.set(u.reason, (byReason.get(u.reason) ?? 0) + u.tasks);
    expect(byReason.size).toBeGreaterThan(0);
    for (const [reason, n] of byReason) expect(html).toContain(`<title>${reason}, tasks: ${count(n)}</title>`);
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
    expect(r.stdout).toContain('\nSummary\n');
    expect(r.stdout).toContain(`report: ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(htmlReport(mainJob()));
  });
});

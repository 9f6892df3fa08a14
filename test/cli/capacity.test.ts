// plan-capacity and plan-consolidation from the command line, on the small bundled dataset: the
// table, --json, the exit status rule (0 answered, 3 with --fail-on-short when there is no
// verified plan, 2 for bad input) and the HTML page.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wellFormednessErrors } from './html-check.js';
import { runCli, SMALL } from './run-cli.js';

describe('plan-capacity', () => {
  it('plans for losing an AZ, with the bound, the baseline and a well-formed page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'h-capacity-'));
    const report = path.join(dir, 'plan.html');
    const r = await runCli(['plan-capacity', '--data', SMALL, '--survive-losing', 'attribute:ecs.availability-zone', '--baseline', '--report', report]);
    expect(r.stderr).toContain('report written to');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Goal checked against: losing ecs.availability-zone = us-east-1a/);
    expect(r.stdout).toMatch(/lower bound: \$[\d.]+/);
    expect(r.stdout).toMatch(/Baseline \(first fit on [\w.]+\)/);
    const html = readFileSync(report, 'utf8');
    expect(wellFormednessErrors(html)).toEqual([]);
    expect(html).toContain('<section id="capacity">');
  }, 60_000);

  it('answers --json, and "impossible" exits 0, or 3 with --fail-on-short', async () => {
    const json = await runCli(['plan-capacity', '--data', SMALL, '--memory', '400000', '--count', '2', '--json']);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout) as { status: string; tasks: { reason: string; count: number }[] };
    expect(plan.status).toBe('impossible');
    expect(plan.tasks[0]).toMatchObject({ reason: 'RESOURCE:MEMORY', count: 2 });
    const strict = await runCli(['plan-capacity', '--data', SMALL, '--memory', '400000', '--fail-on-short']);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toContain('RESOURCE:MEMORY');
  }, 60_000);

  it('refuses bad input with status 2', async () => {
    const none = await runCli(['plan-capacity', '--data', SMALL]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give one goal/);
    const type = await runCli(['plan-capacity', '--data', SMALL, '--scale-factor', '2', '--types', 'z9.mega']);
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/InvalidParameterException: options.allowedTypes: 'z9.mega'/);
  }, 60_000);
});

describe('plan-consolidation', () => {
  it('says what can go and the saving', async () => {
    const r = await runCli(['plan-consolidation', '--data', SMALL, '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { status: string; remove: unknown[]; hourlySaving: number; verification: { verified: boolean } };
    expect(plan.status).toBe('planned');
    expect(plan.verification.verified).toBe(true);
    const text = await runCli(['plan-consolidation', '--data', SMALL]);
    expect(text.stdout).toMatch(/Remove [\d,]+ instances?: saves \$[\d.]+ an hour/);
  }, 60_000);
});

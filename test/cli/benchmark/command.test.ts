/**
 * `ecs-cluster-sim benchmark` on the command line: the side-by-side table, --json (the same as a
 * run in process, timings apart), the HTML report with a chart per metric, and exit statuses.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBenchmark, type BenchmarkResult } from '../../../src/cli/benchmark/run.js';
import { loadBenchmarkScenario } from '../../../src/cli/benchmark/scenario-file.js';
import { parseScheduler } from '../../../src/cli/benchmark/schedulers.js';
import { METRICS } from '../../../src/cli/benchmark/table.js';
import { runCli } from '../run-cli.js';
import { wellFormednessErrors } from '../html-check.js';

const SCHEDULERS = ['ecs:binpack(memory)', 'plugin:./bench/scenarios/scarcer-fit.js'];
const ARGS = ['benchmark', ...SCHEDULERS.flatMap((s) => ['--scheduler', s]), '--scenario', 'static-host-ports', '--scenario', 'fragmentation', '--seed', '3'];
const withoutTiming = ({ timing: _timing, ...rest }: BenchmarkResult) => rest;

describe.concurrent('benchmark on the command line', () => {
  it('--json is what a run in process gives, timings apart; --report writes a chart per metric', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h-bench-'));
    const report = join(dir, 'bench.html');
    const r = await runCli([...ARGS, '--json', '--report', report]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`report: ${report}\n`);
    const printed = JSON.parse(r.stdout) as BenchmarkResult;
    const schedulers = await Promise.all(SCHEDULERS.map((s, i) => parseScheduler(s, i)));
    const expected = await runBenchmark(['static-host-ports', 'fragmentation'].map((s) => loadBenchmarkScenario(s, 'small')), schedulers, 'small', 3);
    expect(JSON.stringify(withoutTiming(printed))).toBe(JSON.stringify(withoutTiming(expected)));
    expect(printed.timing.map((t) => Object.keys(t))).toEqual(expected.timing.map((t) => Object.keys(t)));
    const html = readFileSync(report, 'utf8');
    expect(wellFormednessErrors(html)).toEqual([]);
    expect(html.match(/<svg /g)!.length).toBe(METRICS.length);
    for (const s of SCHEDULERS) expect(html).toContain(`<td>${s}</td>`);
  });

  it('prints a row per scenario and metric, a column per scheduler', async () => {
    const r = await runCli(ARGS);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('benchmark: 2 scenarios × 2 schedulers, size small, seed 3');
    expect(lines[2]).toMatch(/^SCENARIO\s+METRIC\s+ecs:binpack\(memory\)\s+plugin:\.\/bench\/scenarios\/scarcer-fit\.js$/);
    expect(lines[3]).toMatch(/^static-host-ports\s+tasks placed\s+[\d,]+\s+[\d,]+$/);
    // Short and stuck have a row per reason, under their own.
    expect(lines.some((l) => /^\s+RESOURCE:PORTS\s+[\d,]+\s+[\d,]+$/.test(l))).toBe(true);
    // Each metric once per scenario: the cells after the scenario column, split on the gaps.
    const metricColumn = lines.slice(3).filter((l) => l !== '').map((l) => l.slice(lines[2]!.indexOf('METRIC')).split(/\s{2,}/)[0]);
    for (const m of METRICS) expect(metricColumn.filter((c) => c === m.label).length, m.label).toBe(2);
  });

  it('exits 3 with --fail-on-short when a run left tasks short, 2 for a bad scheduler, size or scenario', async () => {
    const [short, scheduler, size, scenario] = await Promise.all([
      runCli(['benchmark', '--scheduler', 'ecs:random', '--scenario', 'static-host-ports', '--fail-on-short']),
      runCli(['benchmark', '--scheduler', 'ecs:binpack(gpu)']),
      runCli(['benchmark', '--scheduler', 'ecs:random', '--size', 'huge']),
      runCli(['benchmark', '--scheduler', 'ecs:random', '--scenario', 'nope']),
    ]);
    expect(short.code).toBe(3);
    expect(scheduler).toMatchObject({ code: 2, stdout: '', stderr: "InvalidParameterException: --scheduler 1 ('ecs:binpack(gpu)'): strategy 1 ('binpack(gpu)'): binpack takes cpu or memory, as in binpack:memory\n" });
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/^InvalidParameterException: benchmark: --size takes small or full; got 'huge'\nusage: ecs-cluster-sim benchmark /);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/^InvalidParameterException: --scenario: no bundled scenario named 'nope'/);
  });
});

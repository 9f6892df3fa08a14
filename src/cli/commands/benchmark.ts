/** `benchmark`: named, seeded scenarios run with each scheduler, side by side (src/cli/benchmark/). */
import { UsageError, atMostPositionals, parseCommandArgs } from '../args.js';
import { bundledScenarioNames, loadBenchmarkScenario, SIZES, type Size } from '../benchmark/scenario-file.js';
import { writeBenchmarkReport } from '../benchmark/html.js';
import { runBenchmark } from '../benchmark/run.js';
import { parseScheduler } from '../benchmark/schedulers.js';
import { benchmarkTable } from '../benchmark/table.js';
import type { Command } from '../command.js';
import { seedOption } from '../data.js';
import { printJson } from '../io.js';
import { answeredStatus, FAIL_ON_SHORT_OPTION } from '../outcome.js';
import { startProgress } from '../progress.js';

const USAGE = "ecs-cluster-sim benchmark --scheduler <ecs:chain|plugin:module>... [--scenario <name|file.json>]... [--size small|full] [--seed <n>] [--json] [--report <file.html>] [--fail-on-short]";

/** `text` in lines of at most 100 characters, each starting with `indent`. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= 100) lines[last] += ` ${word}`;
    else lines.push(`${indent}${word}`);
  }
  return lines.join('\n');
}

export const benchmark: Command = {
  name: 'benchmark',
  summary: 'run named, seeded scenarios with each scheduler and compare them side by side',
  usage: USAGE,
  // A getter: the bundled scenarios' names are read when help is asked for, not at every start.
  get help() {
    return `Usage: ${USAGE}

Runs benchmark scenarios (bench/scenarios/: a what-if scenario over a generated dataset, at a
small and a full size) once per scheduler, each on a fresh copy of the same dataset, and prints
a table: a row per scenario and metric, a column per scheduler.

Schedulers (repeatable, at least one; the columns, in order):
  ecs:<chain>            ECS strategies, chained: ecs:binpack(memory),
                         ecs:spread(attribute:ecs.availability-zone),binpack(memory), ecs:random
  plugin:<module path>   a strategy or scheduler plug-in module (its default or "plugin" export)
A scheduler replaces the placementStrategy of every placement the scenario makes (services,
RunTask, place steps, and the dataset's own services); placement constraints still hold.

Metrics, at the end of each scenario: tasks placed; short and stuck, by reason; instances in use;
CPU and memory reserved on them; stranded CPU (free where the memory left fits no task of the
run) and stranded memory (the reverse); AZ skew (per task group, max − min tasks per AZ: mean
and worst); tasks moved; placements per second inside the placement engine (wall and CPU).

Options:
  --scenario <s>   a bundled scenario by name, or a scenario file (.json); repeatable
                   (default: every bundled one:
${wrap(bundledScenarioNames().join(', '), '                     ')})
  --size <size>    small (seconds; what CI runs) or full (thousands of instances); default small
  --seed <n>       seed of the datasets and of every random choice (default 1): the same seed
                   gives the same figures, timings apart
  --json           the result as JSON: the figures under "runs", the timings apart under "timing"
  --report <file>  also write an HTML report with a chart per metric
  --fail-on-short  exit with status 3 when any run left tasks short or stuck
  -h, --help       this text
`;
  },
  async run(argv) {
    const { values, positionals } = parseCommandArgs('benchmark', USAGE, argv, {
      scheduler: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      size: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...FAIL_ON_SHORT_OPTION,
    });
    atMostPositionals('benchmark', USAGE, positionals, 0);
    const size = (values.size ?? 'small') as Size;
    if (!SIZES.includes(size)) throw new UsageError(`benchmark: --size takes ${SIZES.join(' or ')}; got '${values.size}'`, USAGE);
    const seed = seedOption(values.seed);
    const texts = values.scheduler ?? [];
    if (texts.length === 0) throw new UsageError("benchmark: give at least one --scheduler, e.g. --scheduler 'ecs:binpack(memory)'", USAGE);
    if (new Set(texts).size !== texts.length) throw new UsageError('benchmark: a --scheduler is given twice', USAGE);
    // Everything is checked before the first run.
    const schedulers = [];
    for (const [i, text] of texts.entries()) schedulers.push(await parseScheduler(text, i));
    const scenarios = (values.scenario ?? bundledScenarioNames()).map((s) => loadBenchmarkScenario(s, size));
    if (new Set(scenarios.map((s) => s.name)).size !== scenarios.length) throw new UsageError('benchmark: two --scenario have the same name', USAGE);
    const result = await runBenchmark(scenarios, schedulers, size, seed, startProgress('benchmark'));
    if (values.json) printJson(result);
    else process.stdout.write(benchmarkTable(result));
    if (values.report !== undefined) process.stderr.write(`report: ${writeBenchmarkReport(values.report, result)}\n`);
    return answeredStatus(values['fail-on-short'], result.runs.reduce((n, r) => n + r.metrics.short.total + r.metrics.stuck.total, 0));
  },
};

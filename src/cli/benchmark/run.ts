/**
 * Runs a benchmark: each scenario's dataset generated once from the seed, then for each scheduler
 * a fresh simulator loaded from it (with a measured placement engine), the dataset's services and
 * the scenario's placements handed to the scheduler (schedulers.ts), the scenario run as `whatif`
 * runs it, and the end state measured (metrics.ts). Everything but the timings is a function of
 * the scenarios, the schedulers, the size and the seed.
 */
import { EcsSimulator } from '../../protocol/simulator.js';
import { generateCluster } from '../../sim/cluster-generator.js';
import type { Progress } from '../progress.js';
import { runScenario } from '../scenario/run.js';
import { overrideStrategies } from '../what-if/loss-command.js';
import { MeasuredPlacementEngine } from './measured-engine.js';
import { measure, type BenchmarkMetrics, type BenchmarkTiming } from './metrics.js';
import type { BenchmarkScenario, Size } from './scenario-file.js';
import { scheduledBy, strategiesFor, type Scheduler } from './schedulers.js';

/** One scenario × scheduler. */
export interface BenchmarkRun {
  readonly scenario: string;
  readonly scheduler: string;
  readonly metrics: BenchmarkMetrics;
}

/** The same run's timing, apart, so the rest of a result compares byte for byte. */
export interface BenchmarkRunTiming extends BenchmarkTiming {
  readonly scenario: string;
  readonly scheduler: string;
}

export interface BenchmarkResult {
  readonly seed: number;
  readonly size: Size;
  readonly schedulers: readonly string[];
  readonly scenarios: readonly { name: string; description: string; instances: number; tasksAtStart: number }[];
  /** scenario by scenario, each scheduler in the order given */
  readonly runs: readonly BenchmarkRun[];
  readonly timing: readonly BenchmarkRunTiming[];
}

const NO_PROGRESS: Progress = { update() {}, finish() {} };
const ms = (ns: bigint) => Number(ns) / 1e6;
const perSecond = (n: number, millis: number) => (millis === 0 ? 0 : Math.round((n * 1000) / millis));

async function runOne(bench: BenchmarkScenario, dataset: string, scheduler: Scheduler, seed: number): Promise<{ metrics: BenchmarkMetrics; timing: BenchmarkTiming }> {
  const engine = new MeasuredPlacementEngine();
  // Results never depend on it; it keeps V8's optimised code for placement across calls (engine.ts).
  engine.warmUp();
  const sim = EcsSimulator.fromDescribeOutput(dataset, { seed, placement: engine });
  const cluster = sim.listClusters().clusterArns![0]!.split('/').pop()!;
  const strategies = await strategiesFor(sim, scheduler);
  overrideStrategies(sim, cluster, strategies);
  const scenario = scheduledBy(bench.scenario, strategies);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = runScenario(scenario, { sim, cluster, source: `generated (${bench.size})`, seed }, NO_PROGRESS);
  const runWallMs = ms(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  const runCpuMs = (used.user + used.system) / 1000;
  const placeWallMs = ms(engine.wallNs);
  const placeCpuMs = engine.cpuMicros / 1000;
  return {
    metrics: measure(sim, cluster, scenario.steps, result.steps, engine),
    timing: {
      runWallMs: Math.round(runWallMs),
      runCpuMs: Math.round(runCpuMs),
      placeWallMs: Math.round(placeWallMs * 10) / 10,
      placeCpuMs: Math.round(placeCpuMs * 10) / 10,
      placementsPerSecondWall: perSecond(engine.placed, placeWallMs),
      placementsPerSecondCpu: perSecond(engine.placed, placeCpuMs),
    },
  };
}

/**
 * Runs every scenario with every scheduler.
 *
 * @example
 * const result = await runBenchmark([loadBenchmarkScenario('az-lost', 'small')], [await parseScheduler('ecs:binpack(memory)', 0)], 'small', 1);
 * result.runs[0].metrics.short.total;
 */
export async function runBenchmark(scenarios: readonly BenchmarkScenario[], schedulers: readonly Scheduler[], size: Size, seed: number, progress = NO_PROGRESS): Promise<BenchmarkResult> {
  const runs: BenchmarkRun[] = [];
  const timing: BenchmarkRunTiming[] = [];
  const described: BenchmarkResult['scenarios'][number][] = [];
  const total = scenarios.length * schedulers.length;
  try {
    for (const bench of scenarios) {
      const generated = generateCluster({ ...bench.dataset, seed, compact: true });
      described.push({ name: bench.name, description: bench.description, instances: generated.containerInstances.length, tasksAtStart: generated.tasks.length });
      const dataset = JSON.stringify(generated);
      for (const scheduler of schedulers) {
        progress.update(runs.length, total, `${bench.name} × ${scheduler.label}`);
        const { metrics, timing: t } = await runOne(bench, dataset, scheduler, seed);
        runs.push({ scenario: bench.name, scheduler: scheduler.label, metrics });
        timing.push({ scenario: bench.name, scheduler: scheduler.label, ...t });
      }
    }
  } finally {
    progress.finish();
  }
  return { seed, size, schedulers: schedulers.map((s) => s.label), scenarios: described, runs, timing };
}

/**
 * The side-by-side table of a benchmark: a row per scenario × metric, a column per scheduler.
 * The metrics' labels and formats are declared once here (`METRICS`), for the text table and the
 * HTML report's charts alike; short and stuck also get a row per reason that any scheduler met.
 */
import { count, formatTable, percent } from '../table.js';
import { compareReasons, type BenchmarkMetrics, type BenchmarkTiming } from './metrics.js';
import type { BenchmarkResult } from './run.js';

/** One metric as the table and the charts show it. */
export interface MetricView {
  readonly label: string;
  /** what the chart's title adds (what the figure is over) */
  readonly title: string;
  readonly value: (m: BenchmarkMetrics, t: BenchmarkTiming) => number;
  readonly format: (x: number) => string;
  /** a timing: measured, not the same twice */
  readonly timing?: boolean;
  /** the short and stuck rows, followed by one row per reason */
  readonly byReason?: (m: BenchmarkMetrics) => Readonly<Record<string, number>>;
}

const fixed2 = (x: number) => x.toFixed(2);

export const METRICS: readonly MetricView[] = [
  { label: 'tasks placed', title: 'placements made by the run', value: (m) => m.placed, format: count },
  { label: 'short', title: 'tasks that should run and are nowhere', value: (m) => m.short.total, format: count, byReason: (m) => m.short.byReason },
  { label: 'stuck', title: 'service tasks left on instances leaving the cluster', value: (m) => m.stuck.total, format: count, byReason: (m) => m.stuck.byReason },
  { label: 'instances in use', title: 'ACTIVE instances holding a task', value: (m) => m.instancesInUse, format: count },
  { label: 'CPU reserved', title: 'on the instances in use', value: (m) => m.cpuReserved, format: percent },
  { label: 'memory reserved', title: 'on the instances in use', value: (m) => m.memoryReserved, format: percent },
  { label: 'stranded CPU', title: 'free where no task of the run fits in the memory left', value: (m) => m.strandedCpu, format: percent },
  { label: 'stranded memory', title: 'free where no task of the run fits in the CPU left', value: (m) => m.strandedMemory, format: percent },
  { label: 'AZ skew, mean', title: 'max − min tasks per AZ, mean over task groups', value: (m) => m.azSkewMean, format: fixed2 },
  { label: 'AZ skew, max', title: 'max − min tasks per AZ, worst task group', value: (m) => m.azSkewMax, format: count },
  { label: 'tasks moved', title: 'by drains, losses and instance refreshes', value: (m) => m.moved, format: count },
  { label: 'placements/s (wall)', title: 'inside the placement engine, wall time', value: (_, t) => t.placementsPerSecondWall, format: count, timing: true },
  { label: 'placements/s (CPU)', title: 'inside the placement engine, CPU time', value: (_, t) => t.placementsPerSecondCpu, format: count, timing: true },
];

/** The runs of one scenario, one per scheduler in column order, with their timings. */
export function columnsOf(result: BenchmarkResult, scenario: string): { metrics: BenchmarkMetrics; timing: BenchmarkTiming }[] {
  return result.schedulers.map((scheduler) => {
    const find = <T extends { scenario: string; scheduler: string }>(list: readonly T[]) => list.find((r) => r.scenario === scenario && r.scheduler === scheduler)!;
    return { metrics: find(result.runs).metrics, timing: find(result.timing) };
  });
}

/** The table's rows, the header first: scenario, metric, then one cell per scheduler. */
export function tableRows(result: BenchmarkResult): string[][] {
  const rows: string[][] = [['SCENARIO', 'METRIC', ...result.schedulers]];
  for (const s of result.scenarios) {
    const columns = columnsOf(result, s.name);
    const scenarioRows: string[][] = [];
    for (const metric of METRICS) {
      scenarioRows.push([metric.label, ...columns.map((c) => metric.format(metric.value(c.metrics, c.timing)))]);
      if (metric.byReason === undefined) continue;
      const reasons = [...new Set(columns.flatMap((c) => Object.keys(metric.byReason!(c.metrics))))].sort(compareReasons);
      for (const reason of reasons) scenarioRows.push([`  ${reason}`, ...columns.map((c) => count(metric.byReason!(c.metrics)[reason] ?? 0))]);
    }
    scenarioRows.forEach((r, i) => rows.push([i === 0 ? s.name : i === 1 ? `(${count(s.instances)} instances)` : '', ...r]));
  }
  return rows;
}

/**
 * The table as text, with the run's seed and size above it.
 *
 * @example process.stdout.write(benchmarkTable(result));
 */
export function benchmarkTable(result: BenchmarkResult): string {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  return `benchmark: ${n(result.scenarios.length, 'scenario')} × ${n(result.schedulers.length, 'scheduler')}, size ${result.size}, seed ${result.seed}\n\n${formatTable(tableRows(result))}\n`;
}

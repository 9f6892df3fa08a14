/**
 * What a benchmark run measures, at the end of the scenario's main line (definitions also in
 * bench/scenarios/README.md; every figure but the timings is the same for the same seed):
 *
 * - placed: tasks the placement engine placed during the run (replacements included).
 * - short, by reason: tasks that should run and are nowhere — ACTIVE services' desiredCount minus
 *   their running, pending and stuck tasks (the what-if report's `short`, with its reason code),
 *   plus the tasks `place` steps and RunTask calls asked for and did not get (reason: the one
 *   that turned down the most candidate instances, as `place` names it).
 * - stuck, by reason: service tasks still on instances leaving the cluster (the report's `stuck`).
 * - instances in use: ACTIVE instances holding at least one task (running or pending).
 * - CPU / memory reserved: reserved over registered, summed over the instances in use.
 * - stranded CPU: CPU left free on instances in use whose free memory is below the smallest
 *   memory any task of the run asked for (no task of the run could use it); stranded memory the
 *   same the other way round. Each over the registered CPU (memory) of the instances in use.
 * - AZ skew: for each task group the run placed (`service:web`, `family:batch`), its live tasks
 *   on ACTIVE instances per Availability Zone (every AZ with an ACTIVE instance, empty ones
 *   too), max − min; the mean over the groups and the largest.
 * - moved: service tasks that drains, losses and instance refreshes stopped and placed elsewhere.
 * - timing (kept apart): wall and CPU time of the run and inside placement, placements per second.
 */
import { serviceOutcome } from '../../ecs/what-if/report.js';
import { WHAT_IF_REASONS } from '../../ecs/what-if/reasons.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import { headlineReason, tallyReasons } from '../reasons.js';
import type { StepResult } from '../scenario/results.js';
import type { Step } from '../scenario/steps.js';
import type { MeasuredPlacementEngine } from './measured-engine.js';

/** Tasks by reason code, in a fixed order (what-if reasons first, in their order, then any other by name). */
export interface ReasonCounts {
  readonly total: number;
  readonly byReason: Readonly<Record<string, number>>;
}

/** The deterministic figures of one scenario run with one scheduler. */
export interface BenchmarkMetrics {
  readonly placed: number;
  readonly short: ReasonCounts;
  readonly stuck: ReasonCounts;
  readonly instancesActive: number;
  readonly instancesInUse: number;
  /** 0..1 */
  readonly cpuReserved: number;
  readonly memoryReserved: number;
  readonly strandedCpu: number;
  readonly strandedMemory: number;
  readonly azSkewMean: number;
  readonly azSkewMax: number;
  readonly moved: number;
}

/** The timing of one run: measured, so never the same twice; kept apart from the metrics. */
export interface BenchmarkTiming {
  /** the whole scenario run (placement, the simulated clock, the service scheduler, bookkeeping) */
  readonly runWallMs: number;
  readonly runCpuMs: number;
  /** inside the placement engine */
  readonly placeWallMs: number;
  readonly placeCpuMs: number;
  /** placed ÷ the time inside the placement engine */
  readonly placementsPerSecondWall: number;
  readonly placementsPerSecondCpu: number;
}

/** When no instance turned a task down (none to consider), the reason is that. */
const NO_INSTANCE = 'NO_CONTAINER_INSTANCE';
const ORDER = new Map<string, number>(WHAT_IF_REASONS.map((r, i) => [r, i]));

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The order of reason codes in output: what-if reasons in their order, then any other by name. */
export function compareReasons(a: string, b: string): number {
  const rank = (r: string) => ORDER.get(r) ?? ORDER.size;
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

class Tally {
  private readonly counts = new Map<string, number>();
  add(reason: string, n: number): void {
    if (n > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + n);
  }
  result(): ReasonCounts {
    const entries = [...this.counts].sort(([a], [b]) => compareReasons(a, b));
    return { total: entries.reduce((n, [, k]) => n + k, 0), byReason: Object.fromEntries(entries) };
  }
}

/** Tasks the main line's `place` steps and RunTask calls asked for and did not get, by reason. */
function unplacedByStep(steps: readonly Step[], results: readonly StepResult[], short: Tally): void {
  results.forEach((r, i) => {
    const step = steps[i]!;
    if (r.op === 'place') short.add(r.reason ?? NO_INSTANCE, r.unplaced);
    if (r.op === 'ecs' && r.operation === 'RunTask' && step.op === 'ecs') {
      const response = r.response as { tasks?: unknown[]; failures?: { reason?: string }[] };
      const requested = typeof step.request['count'] === 'number' ? step.request['count'] : 1;
      short.add(headlineReason(tallyReasons(response.failures ?? [])) ?? NO_INSTANCE, requested - (response.tasks?.length ?? 0));
    }
  });
}

/**
 * The metrics of a finished run: `sim` at the end of the main line, `steps` the main line's steps
 * and `results` theirs, `engine` the placement engine it placed with.
 *
 * @example measure(sim, 'sample', scenario.steps, result.steps, engine).instancesInUse
 */
export function measure(sim: EcsSimulator, clusterName: string, steps: readonly Step[], results: readonly StepResult[], engine: MeasuredPlacementEngine): BenchmarkMetrics {
  const cluster = sim.state.clusters.get(clusterName)!;
  const { store } = cluster;
  const short = new Tally();
  const stuck = new Tally();
  for (const name of cluster.services.keys()) {
    const outcome = serviceOutcome(cluster, name, 0);
    if (outcome === undefined) continue;
    short.add(outcome.reason ?? NO_INSTANCE, outcome.short);
    for (const t of outcome.stuck) stuck.add(t.reason, 1);
  }
  unplacedByStep(steps, results, short);

  let instancesActive = 0;
  let instancesInUse = 0;
  let cpuTotal = 0, cpuFree = 0, memTotal = 0, memFree = 0, cpuStranded = 0, memStranded = 0;
  const azOf = new Map<string, string>();
  const azs = new Set<string>();
  for (const record of cluster.instances.values()) {
    if (record.status !== 'ACTIVE') continue;
    instancesActive++;
    const az = record.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? '(none)';
    azOf.set(record.arn, az);
    azs.add(az);
    if (record.runningTasksCount + record.pendingTasksCount === 0) continue;
    instancesInUse++;
    const slot = store.slotOf(record.arn);
    const cpu = store.remainingCpu[slot]!;
    const mem = store.remainingMemory[slot]!;
    cpuTotal += record.registeredResources.find((r) => r.name === 'CPU')?.integerValue ?? 0;
    memTotal += record.registeredResources.find((r) => r.name === 'MEMORY')?.integerValue ?? 0;
    cpuFree += cpu;
    memFree += mem;
    if (mem < engine.smallestMemory) cpuStranded += cpu;
    if (cpu < engine.smallestCpu) memStranded += mem;
  }

  // Live tasks of the run's groups per AZ.
  const perGroup = new Map<string, Map<string, number>>();
  for (const t of cluster.tasks.values()) {
    if (t.desiredStatus !== 'RUNNING' || t.lastStatus === 'STOPPED' || !engine.groups.has(t.group)) continue;
    const az = t.containerInstanceArn === undefined ? undefined : azOf.get(t.containerInstanceArn);
    if (az === undefined) continue;
    const counts = perGroup.get(t.group) ?? new Map<string, number>();
    counts.set(az, (counts.get(az) ?? 0) + 1);
    perGroup.set(t.group, counts);
  }
  const skews = [...perGroup.values()].map((counts) => {
    const n = [...azs].map((az) => counts.get(az) ?? 0);
    return Math.max(...n) - Math.min(...n);
  });

  let moved = 0;
  for (const r of results) if (r.op === 'drain' || r.op === 'fail' || r.op === 'replaceInstances') moved += r.moved;

  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole));
  return {
    placed: engine.placed,
    short: short.result(),
    stuck: stuck.result(),
    instancesActive,
    instancesInUse,
    cpuReserved: ratio(cpuTotal - cpuFree, cpuTotal),
    memoryReserved: ratio(memTotal - memFree, memTotal),
    strandedCpu: ratio(cpuStranded, cpuTotal),
    strandedMemory: ratio(memStranded, memTotal),
    azSkewMean: skews.length === 0 ? 0 : round(skews.reduce((a, b) => a + b, 0) / skews.length),
    azSkewMax: skews.length === 0 ? 0 : Math.max(...skews),
    moved,
  };
}

/**
 * A placement engine that counts what goes through it: the tasks it placed, the task groups it
 * placed for, the smallest CPU and memory a task asked for (what "stranded" is measured against,
 * metrics.ts), and the wall and CPU time spent inside its calls (placements per second). Every
 * placement of a simulator goes through its engine, so a benchmark run gives its simulator one.
 */
import { PlacementEngine } from '../../placement/engine.js';
import type { PlacementContext, PlacementOutcome, PlacementRequest } from '../../placement/types.js';

/**
 * @example
 * const engine = new MeasuredPlacementEngine();
 * const sim = EcsSimulator.fromDescribeOutput(json, { seed: 1, placement: engine });
 * sim.placeTasks({ cluster: 'sample', taskDefinition: 'web', count: 10 });
 * engine.placed; // 10 (or fewer, if they did not all fit)
 */
export class MeasuredPlacementEngine extends PlacementEngine {
  /** tasks placed */
  placed = 0;
  /** calls that asked to place at least one task */
  calls = 0;
  /** nanoseconds of wall time inside `place` */
  wallNs = 0n;
  /** microseconds of CPU time (user + system) inside `place` */
  cpuMicros = 0;
  /** the smallest CPU units and MiB any task asked for (each on its own); Infinity before any */
  smallestCpu = Number.POSITIVE_INFINITY;
  smallestMemory = Number.POSITIVE_INFINITY;
  /** the task groups placed for (`service:web`, `family:batch`) */
  readonly groups = new Set<string>();

  override place(ctx: PlacementContext, request: PlacementRequest): PlacementOutcome {
    if (request.count === 0) return super.place(ctx, request);
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    try {
      const outcome = super.place(ctx, request);
      this.placed += outcome.placements.length;
      return outcome;
    } finally {
      this.wallNs += process.hrtime.bigint() - start;
      const used = process.cpuUsage(cpu);
      this.cpuMicros += used.user + used.system;
      this.calls++;
      this.groups.add(request.group);
      this.smallestCpu = Math.min(this.smallestCpu, request.requirements.cpu);
      this.smallestMemory = Math.min(this.smallestMemory, request.requirements.memory);
    }
  }
}

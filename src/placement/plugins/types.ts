/**
 * The placement plug-in points: a strategy plug-in scores candidates (a level of the strategy
 * chain, beside binpack and spread); a scheduler plug-in chooses the instance itself (instead of
 * the seeded draw). Both see the cluster through a read-only `PlacementView`, and both are named
 * in a `placementStrategy` list as `{ type: 'plugin:<name>', field?: <anything the plug-in reads> }`.
 */
import type { Resource } from '../../shapes.js';
import type { TaskRequirements } from '../../resources/types.js';
import type { PlacementStrategy } from '../types.js';

/**
 * What a plug-in may read about candidate instances, by slot (the numbers in `candidates`).
 * Read-only: it reflects the placements the call has made so far, and nothing in it can change
 * the cluster.
 *
 * @example
 * const memoryLeft = view.remainingMemory(slot);
 * const az = view.attribute(slot, 'ecs.availability-zone'); // undefined when absent
 * const mine = view.tasksInGroup(slot);                     // tasks of the request's group there
 */
export interface PlacementView {
  /** The request's task group (`service:<name>`, `family:<family>`, …). */
  readonly group: string;
  /** What each task of the request needs. */
  readonly requirements: TaskRequirements;
  /** The instance's ARN. */
  containerInstanceArn(slot: number): string;
  /** CPU units no task holds. */
  remainingCpu(slot: number): number;
  /** MiB no task holds. */
  remainingMemory(slot: number): number;
  /** `remainingResources` as DescribeContainerInstances shows them (CPU, MEMORY, PORTS, PORTS_UDP, GPU). Slower: builds the list. */
  remainingResources(slot: number): Resource[];
  /** The attribute's value ('' for an attribute without a value), or undefined when the instance lacks it. */
  attribute(slot: number, name: string): string | undefined;
  /** Tasks of `group` (default: the request's) on the instance, this call's included. */
  tasksInGroup(slot: number, group?: string): number;
}

/**
 * A strategy plug-in: one more tie-breaker of the chain. For each task, it scores the candidates
 * that the strategies before it rate equal (every feasible instance when it comes first); the
 * ones with the lowest score go on to the next strategy, and a seeded draw picks among the last
 * ones, as with binpack and spread. Named in a chain as `{ type: 'plugin:<name>', field? }`.
 *
 * @example
 * // binpack(memory), written as a plug-in:
 * const leastMemoryLeft: StrategyPlugin = {
 *   name: 'least-memory-left',
 *   score: (candidates, view) => Array.from(candidates, (slot) => view.remainingMemory(slot)),
 * };
 */
export interface StrategyPlugin {
  /** Registered under this name; letters, digits, `.`, `_`, `-`, up to 128. */
  readonly name: string;
  /**
   * One score per candidate, in the same order, lower is better. Must be numbers (not NaN).
   * `strategy` is the chain entry that named the plug-in (its `field`, if any).
   */
  score(candidates: Int32Array, view: PlacementView, strategy: PlacementStrategy): ArrayLike<number>;
}

/** What a scheduler plug-in is told about the task it places. */
export interface PlacementTask {
  /** 0 for the call's first task, then 1, 2, … */
  readonly index: number;
  readonly group: string;
  readonly requirements: TaskRequirements;
}

/**
 * A scheduler plug-in: chooses the instance for each task, or none. `candidates` are the feasible
 * instances (ACTIVE, agent connected, attributes, resources, constraints) that the strategies
 * before it in the chain prefer — all feasible ones when it stands alone — in the canonical order.
 * The engine checks each pick against ECS's rules: picking an instance they refuse is an error
 * naming the plug-in, the task and the reason. Answering `null` leaves this task and every later
 * one of the call unplaced. Named in a chain as `{ type: 'plugin:<name>' }`, last.
 *
 * @example
 * // the candidate with the lowest slot (the oldest registration, when no slot was reused)
 * const first: SchedulerPlugin = { name: 'first-fit', place: (_task, candidates) => candidates[0] ?? null };
 */
export interface SchedulerPlugin {
  readonly name: string;
  place(task: PlacementTask, candidates: Int32Array, view: PlacementView, strategy: PlacementStrategy): number | null;
}

/** Either plug-in. */
export type PlacementPlugin = StrategyPlugin | SchedulerPlugin;

/** Where plug-ins are looked up by name (a PluginRegistry). */
export interface PluginLookup {
  get(name: string): PlacementPlugin | undefined;
}

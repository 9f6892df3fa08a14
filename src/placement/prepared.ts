/**
 * What a call builds from the cluster before it places anything — the stages wired in order,
 * a verdict for every considered instance, the ranked eligible ones — kept by the engine after
 * the call, so that the next call of the same request on the same store starts from it.
 *
 * The stages (reference §2.1; Nomad's feasibility checkers then rankers), one file each:
 *
 *   1. candidates.ts   live slots (or onlySlots); ACTIVE, agent connected, attributes → STATUS / AGENT / ATTRIBUTE
 *   2. fit.ts          the accountant's fits()                                       → RESOURCE:*
 *   3. constraints.ts  distinctInstance, memberOf (planner once, then per slot)      → CONSTRAINT:*
 *   4. strategies/     the chain as scoring levels in the ranker (rank-tree.ts), and
 *                      strategy plug-ins after them (chain-ranker.ts)
 *   5. choice.ts       a seeded draw among the best (or the scheduler plug-in's pick)
 *
 * Every considered instance has a verdict: placeable (OK), or the first reason that turned it
 * down. A change to one instance — a placement, or a store or accountant change the engine
 * learns of from their change logs — is brought in by `refresh(slot)`: re-judge and re-rank that
 * instance alone.
 */
import type { ResourceAccountant } from '../resources/accountant.js';
import type { TaskRequirements } from '../resources/types.js';
import type { PlanNode } from '../store/plan.js';
import type { InstanceStore } from '../store/store.js';
import { consideredSlots, Preconditions } from './candidates.js';
import { ChainRanker, type ChainStep } from './chain-ranker.js';
import { Constraints } from './constraints.js';
import { fitCode } from './fit.js';
import { groupCounts } from './group-counts.js';
import { StoreView } from './plugins/view.js';
import { TreeRanker } from './rank-tree.js';
import type { Ranker } from './ranking.js';
import { newTally, OK, type ReasonCode } from './reasons.js';
import type { CheckedRequest } from './request.js';
import type { LevelContext, SchedulerEntry } from './strategies/index.js';
import { valueLevels, type Level, type ValueLevel } from './strategies/level.js';
import type { PlacementRequest } from './types.js';

/** Verdict bits: the reason code (reasons.ts), and a flag for instances the call placed tasks on. */
export const REASON_BITS = 0x7f;
export const PLACED_HERE = 0x80;
/** The verdict of a slot the call does not consider. */
export const NOT_CONSIDERED = REASON_BITS;

/** What the engine lends a call: its caches. */
export interface EngineCaches {
  planOf(expression: string): PlanNode;
  valueRanks: LevelContext['valueRanks'];
}

export class Prepared {
  readonly considered: Int32Array;
  readonly requirements: TaskRequirements;
  readonly group: string;
  preconditions: Preconditions;
  /** The chain's built-in levels (tree and after it), which read the store. */
  private readonly levels: readonly Level[];
  readonly constraints: Constraints;
  /** Per-value levels of the whole chain: their counts move with every placement of the group. */
  readonly values: ValueLevel[];
  readonly ranker: Ranker;
  readonly scheduler: SchedulerEntry | null;
  /** Per slot: a reason code (OK: placeable), | PLACED_HERE once the current call placed there. */
  readonly verdict: Uint8Array;
  /** How many considered slots each reason turns down right now. */
  readonly turnedDown: Float64Array;
  /** Tasks of the group per slot (distinctInstance, spread), kept current. */
  readonly groupCount: Int32Array;
  readonly view: StoreView;
  /** The store's and the accountant's change-log revisions this state reflects. */
  storeMark = 0;
  accountantMark = 0;

  constructor(public store: InstanceStore, public accountant: ResourceAccountant, request: PlacementRequest, checked: CheckedRequest, caches: EngineCaches) {
    const { requirements, group } = request;
    this.requirements = requirements;
    this.group = group;
    this.groupCount = groupCounts(store, group);
    this.view = new StoreView(store, accountant, group, requirements, this.groupCount);
    // 1. candidates; 2. resource fit (judge); 3. constraints.
    this.considered = consideredSlots(store, request.onlySlots);
    this.preconditions = new Preconditions(store, requirements);
    this.constraints = new Constraints(store, checked.constraints, this.groupCount, caches.planOf);
    // 4. strategies: built-ins up to the first plug-in rank in the tree, the rest after it.
    const ctx: LevelContext = { store, group, groupCount: this.groupCount, valueRanks: caches.valueRanks };
    const steps: ChainStep[] = [];
    const seen = new Set<string>();
    for (const s of checked.chain.strategies) {
      if (s.kind === 'plugin') {
        steps.push({ plugin: s });
        continue;
      }
      // A built-in repeated later cannot separate candidates it tied the first time; random is constant.
      if (seen.has(s.label)) continue;
      seen.add(s.label);
      const level = s.level(ctx);
      if (level !== null) steps.push({ level });
    }
    const firstPlugin = steps.findIndex((s) => 'plugin' in s);
    const treeLevels = (firstPlugin < 0 ? steps : steps.slice(0, firstPlugin)).map((s) => (s as { level: Level }).level);
    const levels = steps.flatMap((s) => ('level' in s ? [s.level] : []));
    this.levels = levels;
    this.values = valueLevels(levels);
    const tree = new TreeRanker(treeLevels, store.size);
    this.ranker = firstPlugin < 0 ? tree : new ChainRanker(tree, steps.slice(firstPlugin), this.values, this.view);
    this.scheduler = checked.chain.scheduler;

    this.verdict = new Uint8Array(store.size).fill(NOT_CONSIDERED);
    this.turnedDown = newTally();
    const considered = this.considered;
    for (let i = 0; i < considered.length; i++) {
      const slot = considered[i]!;
      const v = this.judge(slot);
      this.verdict[slot] = v;
      if (v === OK) this.ranker.add(slot);
      else this.turnedDown[v]!++;
    }
  }

  /**
   * Reads `store` and `accountant` from now on: a fork of the ones it read, its parent or a
   * sibling (same slots, same attribute values). Only the references move; the caller then
   * refreshes every slot where the two may differ (lineage.ts's changedSlots).
   */
  rebind(store: InstanceStore, accountant: ResourceAccountant): void {
    this.store = store;
    this.accountant = accountant;
    this.preconditions = new Preconditions(store, this.requirements);
    this.constraints.rebind(store);
    for (const level of this.levels) level.rebind?.(store);
    this.view.rebind(store, accountant);
  }

  /** The first stage that turns `slot` down now, or OK (constraints re-tested by the caller when the slot changed). */
  judge(slot: number): ReasonCode {
    let v = this.preconditions.check(slot);
    if (v === OK) v = fitCode(this.accountant, slot, this.requirements);
    if (v === OK) v = this.constraints.check(slot);
    return v;
  }

  /**
   * The store or the accountant changed `slot` (its resources, status, agent, counts, task
   * groups): bring its group count, verdict and rank up to date.
   */
  refresh(slot: number): void {
    const before = this.verdict[slot]! & REASON_BITS;
    if (before === NOT_CONSIDERED) return;
    const held = before === OK;
    if (held) this.ranker.remove(slot);
    const count = this.store.groupCountAt(slot, this.group);
    const delta = count - this.groupCount[slot]!;
    if (delta !== 0) {
      this.groupCount[slot] = count;
      for (let i = 0; i < this.values.length; i++) this.values[i]!.counts[this.values[i]!.code(slot)]! += delta;
    }
    if (this.constraints.any) this.constraints.refresh(slot);
    const v = this.judge(slot);
    if (before !== OK) this.turnedDown[before]!--;
    if (v !== OK) this.turnedDown[v]!++;
    this.verdict[slot] = (this.verdict[slot]! & PLACED_HERE) | v;
    if (v === OK) this.ranker.add(slot);
    else if (delta !== 0 && !held) this.ranker.touch(slot);
  }
}

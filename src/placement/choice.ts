/**
 * Stage 5, choice: one seeded uniform draw picks among the best candidates (in the canonical
 * order of strategies/index.ts), then the task takes its resources and joins its group on the
 * instance, so the next task of the call sees it. Both placers draw through `drawIndex`, so they
 * make the same draws in the same order; the naive placer commits with `commit`, the engine
 * inlines it (engine.ts: the store hears of a bulk call's tasks at the end). A scheduler plug-in,
 * when the chain ends with one, chooses instead (plugins/calls.ts).
 */
import type { TaskRequirements } from '../resources/types.js';
import type { BestSet } from './ranking.js';
import type { Placement, PlacementContext, RandomSource } from './types.js';

/** A uniform index in [0, n): one draw. */
export function drawIndex(random: RandomSource, n: number): number {
  return Math.floor(random.next() * n);
}

export function choose(best: BestSet, random: RandomSource): number {
  return best.kth(drawIndex(random, best.size));
}

/** Places one task of `group` on `slot`: reserve, then record the task in the store. */
export function commit(ctx: PlacementContext, slot: number, requirements: TaskRequirements, group: string): Placement {
  const reservation = ctx.accountant.reserve(slot, requirements);
  ctx.store.addTaskAtSlot(slot, group);
  return { slot, reservation };
}

/**
 * The placement engine (reference §2): tasks placed one after another, each seeing the ones
 * before it, through the stages wired below. Every instance the call considers has a verdict —
 * placeable, or the first reason it was turned down — computed once per call; a placement
 * changes only the chosen instance, so only its verdict and its rank are recomputed. That is
 * what makes a call of N tasks cost one scan plus N small updates instead of N scans
 * (`naivePlaceTasks` in naive.ts is the N-scan oracle it is tested against).
 *
 * @example
 * const outcome = placeTasks({ store, accountant, random: new SeededRandom(42) }, {
 *   requirements, group: 'service:web', count: 6, constraints: [{ type: 'distinctInstance' }],
 *   strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
 * });
 * outcome.placements.map((p) => p.slot); // six distinct instances, two per AZ
 */
import { consideredSlots, Preconditions } from './candidates.js';
import { choose, commit } from './choice.js';
import { Constraints } from './constraints.js';
import { fitCode } from './fit.js';
import { groupCounts } from './group-counts.js';
import { newTally, OK, reasonOf, tallyMap } from './reasons.js';
import { TreeRanker } from './rank-tree.js';
import { placedOn, strategyLevels } from './strategies.js';
import type { Placement, PlacementContext, PlacementOutcome, PlacementRequest, RejectionReason } from './types.js';

/** Refuses what no caller should send (shapes are the callers' job). */
function checkRequest(request: PlacementRequest): void {
  if (!Number.isSafeInteger(request.count) || request.count < 0) throw new Error(`placement: count must be a non-negative integer; got ${String(request.count)}`);
  if (typeof request.group !== 'string') throw new Error('placement: group must be a string');
}

/**
 * Places up to `request.count` tasks, in order; see PlacementOutcome for what comes back.
 * Mutates the context: the accountant's reservations, the store's task groups, the random state.
 */
export function placeTasks(ctx: PlacementContext, request: PlacementRequest): PlacementOutcome {
  checkRequest(request);
  const { store, accountant, random } = ctx;
  const { requirements, group, count } = request;
  if (count === 0) return { placements: [], unplaced: 0, rejections: new Map(), tally: new Map() };

  // Per call: the group's tasks per slot (distinctInstance, spread), bumped as tasks are placed.
  const groupCount = groupCounts(store, group);

  // 1. candidates: live slots (or onlySlots); STATUS, AGENT, ATTRIBUTE never change in a call.
  const considered = consideredSlots(store, request.onlySlots);
  const preconditions = new Preconditions(store, requirements);
  // 2. resource fit: accountant.fits, re-asked for the chosen instance after each placement.
  // 3. constraints: distinctInstance, memberOf (planner once per call, then the chosen slot).
  const constraints = new Constraints(store, request.constraints, groupCount);
  // 4. strategies: the chain as scoring levels; the ranker keeps the eligible slots in order.
  const levels = strategyLevels(store, request.strategies, group, groupCount);
  const ranker = new TreeRanker(levels, store.size);

  // Verdicts of every considered slot, and how many slots each reason turns down right now.
  const verdict = new Uint8Array(store.size);
  const turnedDown = newTally();
  for (let i = 0; i < considered.length; i++) {
    const slot = considered[i]!;
    let v = preconditions.check(slot);
    if (v === OK) v = fitCode(accountant, slot, requirements);
    if (v === OK) v = constraints.check(slot);
    verdict[slot] = v;
    if (v === OK) ranker.add(slot);
    else turnedDown[v]!++;
  }

  const placements: Placement[] = [];
  const tally = newTally();
  const rejections = new Map<number, RejectionReason>();
  let unplaced = 0;
  for (let task = 0; task < count; task++) {
    if (ranker.size === 0) {
      // Nothing is placeable, and nothing changes any more: this task and every later one are
      // turned down by the same instances for the same reasons.
      for (let i = 0; i < considered.length; i++) rejections.set(considered[i]!, reasonOf(verdict[considered[i]!]!));
      unplaced = count - task;
      for (let code = 1; code < tally.length; code++) tally[code]! += turnedDown[code]! * unplaced;
      break;
    }
    for (let code = 1; code < tally.length; code++) tally[code]! += turnedDown[code]!;

    // 5. choice: one seeded draw among the best, then reserve and record the task.
    const slot = choose(ranker.best(), random);
    placements.push(commit(ctx, slot, requirements, group));

    // The chosen instance changed (resources, groups, scores): re-judge and re-rank it alone.
    ranker.remove(slot);
    groupCount[slot]!++;
    placedOn(levels, slot);
    constraints.placed(slot);
    let v = fitCode(accountant, slot, requirements);
    if (v === OK) v = constraints.check(slot);
    verdict[slot] = v;
    if (v === OK) ranker.add(slot);
    else turnedDown[v]!++;
  }
  return { placements, unplaced, rejections, tally: tallyMap(tally) };
}

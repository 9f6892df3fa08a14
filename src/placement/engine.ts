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
import { HeldReservation } from '../resources/live-reservations.js';
import { consideredSlots, Preconditions } from './candidates.js';
import { choose } from './choice.js';
import { Constraints } from './constraints.js';
import { fitCode } from './fit.js';
import { groupCounts } from './group-counts.js';
import { newTally, OK, reasonOf, tallyMap } from './reasons.js';
import { makeWitnessCalls } from './shape-witnesses.js';
import { TreeRanker } from './rank-tree.js';
import { strategyLevels, valueLevels } from './strategies.js';
import type { Placement, PlacementContext, PlacementOutcome, PlacementRequest, RejectionReason } from './types.js';

/**
 * One small instance of every per-call structure, made by the first call and kept for the life of
 * the process, so V8 keeps the code it optimized for their shapes (shape-witnesses.ts).
 */
let witnesses: unknown[] | null = null;
/** While the witness calls run: where each call leaves its structures. */
let capturing: unknown[] | null = null;

/** Verdict bits: the reason code (reasons.ts), and a flag for instances the call placed tasks on. */
const REASON_BITS = 0x7f;
const PLACED_HERE = 0x80;

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
  if (witnesses === null) {
    witnesses = capturing = [];
    try {
      makeWitnessCalls(placeTasks, ctx.random);
    } finally {
      capturing = null;
    }
  }
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
  capturing?.push(ranker, levels, constraints, preconditions);

  // Verdicts of every considered slot (a reason code; PLACED_HERE is set once a task of the call
  // went there), and how many slots each reason turns down right now.
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

  // Sized up front (growing by push copies the array ~17 times for 100k); trimmed at the end.
  const placements = new Array<Placement>(Math.min(count, 1 << 20));
  let placed = 0;
  const tally = newTally();
  const rejections = new Map<number, RejectionReason>();
  let unplaced = 0;
  // The tally grows by `turnedDown` per task; it is added in one go for each run of tasks during
  // which `turnedDown` stayed the same.
  let tasksSinceTally = 0;
  const addTally = () => {
    if (tasksSinceTally === 0) return;
    for (let code = 1; code < tally.length; code++) tally[code]! += turnedDown[code]! * tasksSinceTally;
    tasksSinceTally = 0;
  };
  const values = valueLevels(levels);
  // The store learns of the call's tasks at the end (try/finally), per instance: recording each
  // task as it is placed touches a different instance's group map every time (a cache miss per
  // task when spreading). The call's own structures (groupCount, levels) are what it reads.
  // memberOf re-reads the chosen instance's groups from the store, so then each task goes in at once.
  const defer = count > 1 && !constraints.readStore;
  // The instances the call placed on (each once) and their group counts before it.
  const placedOn: number[] = [];
  const countBefore: number[] = [];
  try {
    for (let task = 0; task < count; task++) {
      if (ranker.size === 0) {
        // Nothing is placeable, and nothing changes any more: this task and every later one are
        // turned down by the same instances for the same reasons.
        for (let i = 0; i < considered.length; i++) rejections.set(considered[i]!, reasonOf(verdict[considered[i]!]! & REASON_BITS));
        unplaced = count - task;
        tasksSinceTally += unplaced;
        break;
      }
      tasksSinceTally++;

      // 5. choice: one seeded draw among the best, then reserve and record the task.
      const slot = choose(ranker.best(), random);
      const reservation = accountant.reserve(slot, requirements);
      // The accountant's reservations serve as their own placements (see HeldReservation).
      placements[placed++] = reservation instanceof HeldReservation ? reservation : { slot, reservation };
      if (!defer) store.addTaskAtSlot(slot, group);
      else if ((verdict[slot]! & PLACED_HERE) === 0) {
        placedOn.push(slot);
        countBefore.push(groupCount[slot]!);
      }

      // The chosen instance changed (resources, groups, scores): re-judge and re-rank it alone.
      ranker.remove(slot);
      groupCount[slot]!++;
      for (let i = 0; i < values.length; i++) values[i]!.counts[values[i]!.code(slot)]!++;
      let v = fitCode(accountant, slot, requirements);
      if (constraints.any) {
        constraints.placed(slot);
        if (v === OK) v = constraints.check(slot);
      }
      verdict[slot] = v | PLACED_HERE;
      if (v === OK) ranker.add(slot);
      else {
        addTally();
        turnedDown[v]!++;
      }
    }
  } finally {
    addTally();
    for (let i = 0; i < placedOn.length; i++) {
      const slot = placedOn[i]!;
      for (let n = groupCount[slot]! - countBefore[i]!; n > 0; n--) store.addTaskAtSlot(slot, group);
    }
  }
  placements.length = placed;
  return { placements, unplaced, rejections, tally: tallyMap(tally) };
}

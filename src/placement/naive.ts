/**
 * The naive placer: the oracle the engine is tested against. For every task it scans every
 * considered instance through the same stages, asks the reference CQL evaluator (not the
 * planner) about memberOf, recounts spread scores from the store (and asks strategy plug-ins
 * every time), filters the candidates strategy by strategy, sorts them in the canonical order
 * (by their values of the spread attributes, then by slot) and makes the same seeded draw over
 * that list — or asks the scheduler plug-in.
 * Slow — O(tasks × instances), more for spread over attributes — and obviously correct.
 */
import { evaluate, parseFilter, type Expr } from '../cql/index.js';
import type { ContainerInstance } from '../shapes.js';
import type { InstanceStore } from '../store/store.js';
import { consideredSlots } from './candidates.js';
import { commit, drawIndex } from './choice.js';
import type { CheckedConstraint } from './constraints.js';
import { pluginScores, schedulerPick } from './plugins/calls.js';
import type { PluginLookup } from './plugins/types.js';
import { StoreView } from './plugins/view.js';
import { REJECTION_REASONS } from './reasons.js';
import { checkRequest } from './request.js';
import { orderAttributes } from './strategies/index.js';
import { compareValues } from './strategies/level.js';
import type { Placement, PlacementContext, PlacementOutcome, PlacementRequest, RejectionReason } from './types.js';

/** The instance at `slot` as a plain ECS shape, for the reference evaluator. */
export function instanceAt(store: InstanceStore, slot: number): ContainerInstance {
  const connected = store.agentConnected.get(slot);
  const version = store.agentVersion.get(slot);
  const registeredAt = store.registeredAt[slot]!;
  const ec2InstanceId = store.ec2InstanceIds[slot];
  return {
    containerInstanceArn: store.arns[slot]!,
    status: store.status.get(slot),
    attributes: store.attributesAt(slot),
    runningTasksCount: store.runningTasksCount[slot]!,
    ...(ec2InstanceId === undefined ? {} : { ec2InstanceId }),
    ...(connected === undefined ? {} : { agentConnected: connected === 'true' }),
    ...(version === undefined ? {} : { versionInfo: { agentVersion: version } }),
    ...(Number.isNaN(registeredAt) ? {} : { registeredAt: new Date(registeredAt) }),
  };
}

function preconditionReason(store: InstanceStore, slot: number, attributes: readonly string[]): RejectionReason | null {
  if (store.status.get(slot) !== 'ACTIVE') return 'STATUS';
  if (store.agentConnected.get(slot) !== 'true') return 'AGENT';
  for (const name of attributes) if (store.attributes.get(name)?.get(slot) === undefined) return 'ATTRIBUTE';
  return null;
}

function constraintReason(store: InstanceStore, slot: number, group: string, constraints: readonly CheckedConstraint[], asts: readonly (Expr | null)[]): RejectionReason | null {
  for (let i = 0; i < constraints.length; i++) {
    if (constraints[i]!.type === 'distinctInstance') {
      if (store.groupCountAt(slot, group) > 0) return 'CONSTRAINT:distinctInstance';
    } else if (!evaluate(asts[i]!, instanceAt(store, slot), { taskGroups: store.taskGroupsAt(slot) })) {
      return 'CONSTRAINT:memberOf';
    }
  }
  return null;
}

/** Options of the naive placer: the plug-ins the request's chain may name. */
export interface NaivePlacementOptions {
  readonly plugins?: PluginLookup;
}

/** Same contract as `PlacementEngine.place` (and `placeTasks`), by brute force. */
export function naivePlaceTasks(ctx: PlacementContext, request: PlacementRequest, options: NaivePlacementOptions = {}): PlacementOutcome {
  const { store, accountant, random } = ctx;
  const { requirements, group } = request;
  const { constraints, chain } = checkRequest(request, options.plugins ?? null);
  const asts = constraints.map((c) => (c.type === 'memberOf' ? parseFilter(c.expression) : null));
  const spreadNames = orderAttributes(chain);
  const considered = consideredSlots(store, request.onlySlots);
  const view = new StoreView(store, accountant, group, requirements, null);
  const randomState = random.state;

  const placements: Placement[] = [];
  const counts = new Map<RejectionReason, number>();
  let rejections: Map<number, RejectionReason> | null = null;
  let unplaced = 0;
  let declinedBy: string | undefined;
  try {
    for (let task = 0; task < request.count; task++) {
      const turnedDown = new Map<number, RejectionReason>();
      let candidates: number[] = [];
      for (const slot of considered) {
        const reason = preconditionReason(store, slot, requirements.attributes)
          ?? accountant.fits(slot, requirements)
          ?? constraintReason(store, slot, group, constraints, asts);
        if (reason === null) candidates.push(slot);
        else turnedDown.set(slot, reason);
      }
      for (const reason of turnedDown.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
      if (candidates.length === 0 || declinedBy !== undefined) {
        rejections ??= turnedDown;
        unplaced++;
        continue;
      }
      const feasible = new Set(candidates);
      for (const strategy of chain.strategies) {
        let scored: ArrayLike<number>;
        if (strategy.kind === 'builtin') scored = strategy.naiveScores(store, candidates, group);
        else {
          scored = new Float64Array(candidates.length);
          pluginScores(strategy, Int32Array.from(candidates), view, scored as Float64Array);
        }
        let best = Infinity;
        for (let i = 0; i < candidates.length; i++) best = Math.min(best, scored[i]!);
        candidates = candidates.filter((_, i) => scored[i] === best);
      }
      // The canonical order: by the values of the chain's spread attributes, absent first, then slot.
      candidates.sort((a, b) => {
        for (const name of spreadNames) {
          const x = store.attributes.get(name)?.get(a);
          const y = store.attributes.get(name)?.get(b);
          if (x === y) continue;
          if (x === undefined) return -1;
          if (y === undefined) return 1;
          return compareValues(x, y);
        }
        return a - b;
      });
      let slot: number;
      if (chain.scheduler === null) slot = candidates[drawIndex(random, candidates.length)]!;
      else {
        const refusal = (s: number) => turnedDown.get(s) ?? null;
        const arnOf = (s: number) => (feasible.has(s) || turnedDown.has(s) ? store.arns[s] : undefined);
        const pick = schedulerPick(chain.scheduler, { index: task, group, requirements }, Int32Array.from(candidates), view, refusal, arnOf);
        if (pick === null) {
          // Declined: this task and every later one are unplaced; the instances it passed over are not rejections.
          declinedBy = chain.scheduler.plugin.name;
          rejections ??= turnedDown;
          unplaced++;
          continue;
        }
        slot = pick;
      }
      placements.push(commit(ctx, slot, requirements, group));
    }
  } catch (e) {
    // A failed call changes nothing (as the engine).
    for (let i = placements.length - 1; i >= 0; i--) {
      accountant.release(placements[i]!.reservation);
      store.removeTask(store.arns[placements[i]!.slot]!, group);
    }
    random.state = randomState;
    throw e;
  }
  const tally = new Map<RejectionReason, number>();
  for (const reason of REJECTION_REASONS) if (counts.has(reason)) tally.set(reason, counts.get(reason)!);
  return { placements, unplaced, rejections: rejections ?? new Map(), tally, ...(declinedBy === undefined ? {} : { declinedBy }) };
}

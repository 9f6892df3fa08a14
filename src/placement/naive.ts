/**
 * The naive placer: the oracle `placeTasks` is tested against. For every task it scans every
 * considered instance through the same stages, asks the reference CQL evaluator (not the
 * planner) about memberOf, recounts spread scores from the store, filters the candidates
 * strategy by strategy, sorts them in the canonical order (by their values of the spread
 * attributes, then by slot) and makes the same seeded draw over that list.
 * Slow — O(tasks × instances), more for spread over attributes — and obviously correct.
 */
import { evaluate, parseFilter, type Expr } from '../cql/index.js';
import type { ContainerInstance } from '../shapes.js';
import type { InstanceStore } from '../store/store.js';
import { consideredSlots } from './candidates.js';
import { commit, drawIndex } from './choice.js';
import { REJECTION_REASONS } from './reasons.js';
import { compareValues, strategyKey } from './strategies.js';
import type { Placement, PlacementContext, PlacementOutcome, PlacementRequest, PlacementStrategy, RejectionReason } from './types.js';

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

function constraintReason(store: InstanceStore, slot: number, request: PlacementRequest, asts: readonly (Expr | null)[]): RejectionReason | null {
  for (let i = 0; i < request.constraints.length; i++) {
    const c = request.constraints[i]!;
    if (c.type === 'distinctInstance') {
      if (store.groupCountAt(slot, request.group) > 0) return 'CONSTRAINT:distinctInstance';
    } else if (!evaluate(asts[i]!, instanceAt(store, slot), { taskGroups: store.taskGroupsAt(slot) })) {
      return 'CONSTRAINT:memberOf';
    }
  }
  return null;
}

/**
 * Scores of the candidates under one strategy, recounted from the store. For spread over an
 * attribute: tasks of the group per value over every live instance (absent is a value too).
 */
function scores(store: InstanceStore, strategy: PlacementStrategy, candidates: readonly number[], group: string): number[] {
  const key = strategyKey(strategy);
  switch (key.kind) {
    case 'random': return candidates.map(() => 0);
    case 'binpack': return candidates.map((slot) => (key.field === 'cpu' ? store.remainingCpu[slot]! : store.remainingMemory[slot]!));
    case 'spreadInstance': return candidates.map((slot) => store.groupCountAt(slot, group));
    case 'spreadAttribute': {
      const column = store.attributes.get(key.name);
      const perValue = new Map<string | undefined, number>();
      for (let slot = 0; slot < store.size; slot++) {
        if (!store.isLive(slot)) continue;
        const value = column?.get(slot);
        perValue.set(value, (perValue.get(value) ?? 0) + store.groupCountAt(slot, group));
      }
      return candidates.map((slot) => perValue.get(column?.get(slot))!);
    }
  }
}

/** Same contract as `placeTasks`, by brute force. */
export function naivePlaceTasks(ctx: PlacementContext, request: PlacementRequest): PlacementOutcome {
  const { store, accountant, random } = ctx;
  if (!Number.isSafeInteger(request.count) || request.count < 0) throw new Error(`placement: count must be a non-negative integer; got ${String(request.count)}`);
  const asts = request.constraints.map((c) => {
    if (c.type === 'distinctInstance') return null;
    if (c.type !== 'memberOf') throw new Error(`placement: unknown constraint type ${JSON.stringify(c.type)}`);
    if (typeof c.expression !== 'string' || c.expression.trim() === '') throw new Error('placement: memberOf needs an expression');
    return parseFilter(c.expression);
  });
  // Checks every strategy; the canonical order sorts by the chain's spread attributes.
  const spreadNames = request.strategies.map(strategyKey).flatMap((k) => (k.kind === 'spreadAttribute' ? [k.name] : []));
  const considered = consideredSlots(store, request.onlySlots);

  const placements: Placement[] = [];
  const counts = new Map<RejectionReason, number>();
  let rejections: Map<number, RejectionReason> | null = null;
  let unplaced = 0;
  for (let task = 0; task < request.count; task++) {
    const turnedDown = new Map<number, RejectionReason>();
    let candidates: number[] = [];
    for (const slot of considered) {
      const reason = preconditionReason(store, slot, request.requirements.attributes)
        ?? accountant.fits(slot, request.requirements)
        ?? constraintReason(store, slot, request, asts);
      if (reason === null) candidates.push(slot);
      else turnedDown.set(slot, reason);
    }
    for (const reason of turnedDown.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    if (candidates.length === 0) {
      rejections ??= turnedDown;
      unplaced++;
      continue;
    }
    for (const strategy of request.strategies) {
      const scored = scores(store, strategy, candidates, request.group);
      const best = scored.reduce((a, b) => Math.min(a, b));
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
    const slot = candidates[drawIndex(random, candidates.length)]!;
    placements.push(commit(ctx, slot, request.requirements, request.group));
  }
  const tally = new Map<RejectionReason, number>();
  for (const reason of REJECTION_REASONS) if (counts.has(reason)) tally.set(reason, counts.get(reason)!);
  return { placements, unplaced, rejections: rejections ?? new Map(), tally };
}

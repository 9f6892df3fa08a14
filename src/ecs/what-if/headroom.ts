/**
 * Headroom: how many more tasks of a shape (a task definition with its constraints and
 * strategies, as RunTask takes them) fit — placed one after another on a fork until the first
 * that cannot be — in total, per Availability Zone and per instance type, and what runs out
 * first. With `losing: 'attribute:<name>'`, the N+1 question: for each value of the attribute, a
 * fork loses those instances abruptly (the services replace what they can during `settleMs`),
 * then the headroom is measured there; the answer is the worst value's.
 *
 * No task records: the placement engine counts what fits (`fill`: each instance filled to the brim,
 * without placing), or places on a fork where the order of placements decides the answer.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import { placementStage, REJECTION_REASONS, type RejectionReason } from '../../placement/reasons.js';
import type { PlacementEngine } from '../../placement/engine.js';
import type { PlacementRequest } from '../../placement/types.js';
import type { ResourceAccountant } from '../../resources/accountant.js';
import type { InstanceStore } from '../../store/store.js';
import { checkAttributeName } from '../attributes/rules.js';
import type { ClusterRecord } from '../clusters/record.js';
import { commonInput, inheritedConstraints } from '../tasks/launch.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { tasksByAttribute } from '../shared/tasks-by-attribute.js';
import { optionalInteger, requestObject, type Input } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import type { PlaceTasksRequest } from '../tasks/place-tasks.js';
import { runWhatIfOutcome, settleOf, type WhatIfOptions } from './run.js';

/** At most this many tasks are tried unless the request's `count` says otherwise. */
export const DEFAULT_HEADROOM_CAP = 1_000_000;

/** How many more tasks of a shape fit, and where. */
export interface Headroom {
  /** tasks placed before the first that did not fit (or the cap) */
  tasks: number;
  /** the cap was reached: more may fit */
  capped: boolean;
  byAvailabilityZone: Record<string, number>;
  byInstanceType: Record<string, number>;
  /** the instances that turned down the first task that did not fit, by reason code (stage order) */
  turnedDown: Partial<Record<RejectionReason, number>>;
  /**
   * What runs out first: the commonest reason among the instances that got past the
   * preconditions (status, agent, attributes) — a resource or a constraint — or, if none did,
   * the commonest reason overall; on a tie, the earlier in stage order. Undefined when nothing
   * turned the task down (capped).
   */
  runsOutFirst: RejectionReason | undefined;
}

/** One value of the `losing` attribute: what losing its instances did, and the headroom after. */
export interface HeadroomAfterLoss {
  value: string;
  /** container instances lost (ACTIVE or DRAINING with the value) */
  instances: number;
  /** service tasks the loss left short or stuck after the settle time */
  short: number;
  stuck: number;
  headroom: Headroom;
}

/** `headroom`'s answer: with `losing`, the worst value's headroom, each value's beside it. */
export interface HeadroomResult extends Headroom {
  losing?: {
    attribute: string;
    /** the value whose loss leaves the least headroom (first in value order on a tie) */
    worst: string | undefined;
    /** the headroom with nothing lost */
    intact: Headroom;
    byValue: HeadroomAfterLoss[];
  };
}

/** Options of `headroom`. */
export interface HeadroomOptions extends WhatIfOptions {
  /** `attribute:<name>`: the worst case over losing every instance with each value of it */
  losing?: string;
}

function runsOutFirst(turnedDown: Map<RejectionReason, number>): RejectionReason | undefined {
  let best: [RejectionReason, number] | undefined;
  let bestPast: [RejectionReason, number] | undefined;
  for (const entry of turnedDown) {
    if (best === undefined || entry[1] > best[1]) best = entry;
    if (placementStage(entry[0]) >= 3 && (bestPast === undefined || entry[1] > bestPast[1])) bestPast = entry;
  }
  return (bestPast ?? best)?.[0];
}

/** A headroom's request as the placement engine takes it, checked (RunTask's rules) on the original state. */
function placementRequestOf(state: SimState, input: Input, cap: number): { cluster: ClusterRecord; placement: PlacementRequest } {
  const { cluster, td, group, requirements } = commonInput(state, input, false);
  const inherited = inheritedConstraints(td);
  return {
    cluster,
    placement: {
      requirements,
      group,
      count: cap,
      constraints: [...inherited, ...placementConstraints(input, inherited)],
      strategies: placementStrategies(input, 'placementStrategy', state.placement),
    },
  };
}

/** A headroom from the tasks each instance took and the instances that turned down the next one. */
function headroomFrom(store: InstanceStore, taken: ReadonlyMap<number, number>, rejections: ReadonlyMap<number, RejectionReason>, capped: boolean): Headroom {
  let tasks = 0;
  for (const n of taken.values()) tasks += n;
  const counts = new Map<RejectionReason, number>();
  for (const reason of rejections.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const turnedDown = new Map(REJECTION_REASONS.filter((r) => counts.has(r)).map((r) => [r, counts.get(r)!]));
  return {
    tasks,
    capped,
    byAvailabilityZone: tasksByAttribute(store, taken, 'ecs.availability-zone'),
    byInstanceType: tasksByAttribute(store, taken, 'ecs.instance-type'),
    turnedDown: Object.fromEntries(turnedDown),
    runsOutFirst: runsOutFirst(turnedDown),
  };
}

/**
 * The headroom counted by the placement engine's `fill`, without placing (and without changing
 * anything): null where the order of placements decides it (a scheduler plug-in, a memberOf over
 * task:group, more tasks fit than the cap).
 */
function counted(engine: PlacementEngine, at: { store: InstanceStore; accountant: ResourceAccountant }, placement: PlacementRequest): Headroom | null {
  const full = engine.fill(at, placement);
  if (full === null) return null;
  const taken = new Map<number, number>();
  full.slots.forEach((slot, i) => taken.set(slot, full.counts[i]!));
  return headroomFrom(at.store, taken, full.rejections, false);
}

/** The headroom placed one task after another on `state` (a fork: it changes it). */
function placed(state: SimState, clusterName: string, placement: PlacementRequest): Headroom {
  const { store, accountant } = state.clusters.peek(clusterName)!;
  const outcome = state.placement.place({ store, accountant, random: state.random }, placement);
  const taken = new Map<number, number>();
  for (const { slot } of outcome.placements) taken.set(slot, (taken.get(slot) ?? 0) + 1);
  return headroomFrom(store, taken, outcome.rejections, outcome.unplaced === 0);
}

/** The values of an attribute among the cluster's ACTIVE and DRAINING instances, with their instances, values in order. */
function instancesByValue(cluster: ClusterRecord, name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const arn of cluster.store.query(null, { status: ['ACTIVE', 'DRAINING'] })) {
    const attribute = cluster.instances.peek(arn)!.attributes.find((a) => a.name === name);
    if (attribute === undefined) continue;
    const value = attribute.value ?? '';
    const list = out.get(value);
    if (list === undefined) out.set(value, [arn]);
    else list.push(arn);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One value's loss, settled: the cluster's store and accountant after it (never changed again). */
interface SettledLoss extends Omit<HeadroomAfterLoss, 'headroom'> {
  arns: readonly string[];
  after: { store: InstanceStore; accountant: ResourceAccountant };
  /** The settled fork itself, while the call that made it runs (a headroom that must place forks it). */
  lost: SimState | null;
}

/**
 * The settled losses of the last `losing` asked of each state, with the state's version then
 * (`journal.changes`): the next headroom of another shape on the unchanged state counts on them
 * instead of settling every loss again, which is nearly all of a headroom's time. Only each
 * fork's store and accountant are kept (what `fill` reads: ~6 MB an AZ of medium, ~26 MB at
 * 20,000 instances), without the placement structures of the settle; and only for attributes of
 * at most KEPT_VALUES values (AZs, not instance types: each loss keeps its own copies of the
 * columns it changed, ~2 MB at medium however small it is). Dropped at the state's next change,
 * or replaced by the next losing asked of it.
 */
const lossesByState = new WeakMap<SimState, { version: number; key: string; losses: SettledLoss[] }>();
const KEPT_VALUES = 8;

/** How many settled losses `state` keeps for the next headroom (tests: what is kept, and when it goes). */
export function keptLosses(state: SimState): number {
  return lossesByState.get(state)?.losses.length ?? 0;
}

/** The fork of `state` that lost `arns` abruptly and settled for `settleMs`, with its report's totals. */
function settle(state: SimState, fork: (s: SimState) => SimState, clusterName: string, arns: readonly string[], settleMs: number) {
  const lost = fork(state);
  const { totals } = runWhatIfOutcome(state, lost, 'fail', clusterName, arns, settleMs);
  return { lost, totals };
}

/** For each value of the attribute, the cluster after losing those instances abruptly and settling for `settleMs`. */
function settledLosses(state: SimState, fork: (s: SimState) => SimState, cluster: ClusterRecord, attribute: string, settleMs: number): SettledLoss[] {
  const key = JSON.stringify([cluster.name, attribute, settleMs]);
  const kept = lossesByState.get(state);
  // (Inside an open transaction the state may differ from its last committed version.)
  if (state.journal.depth === 0 && kept?.version === state.journal.changes && kept.key === key) return kept.losses;
  const losses = [...instancesByValue(cluster, attribute)].map(([value, arns]): SettledLoss => {
    const { lost, totals } = settle(state, fork, cluster.name, arns, settleMs);
    const { store, accountant } = lost.clusters.peek(cluster.name)!;
    // Nothing is placed on this store again (a headroom that places forks it): its family's structures can go.
    state.placement.forget(store);
    return { value, instances: arns.length, short: totals.short, stuck: totals.stuck, arns, after: { store, accountant }, lost };
  });
  if (state.journal.depth === 0 && losses.length <= KEPT_VALUES) {
    if (!lossesByState.has(state)) state.journal.onNextChange(() => lossesByState.delete(state));
    lossesByState.set(state, { version: state.journal.changes, key, losses: losses.map((l) => ({ ...l, lost: null })) });
  }
  return losses;
}

/** The attribute name of a `losing` option (`attribute:<name>`, a name ECS accepts: never CQL). */
function losingAttribute(losing: unknown): string {
  const match = typeof losing === 'string' ? /^attribute:(.+)$/s.exec(losing) : null;
  if (match === null) throw new InvalidParameterException(`losing must be attribute:<name>, e.g. attribute:ecs.availability-zone; got ${quote(losing)}`);
  return checkAttributeName(match[1], 'losing', undefined, null);
}

/**
 * The headroom of `request` on forks of `state` (made with `fork`); the original is never changed.
 * `fork` returns an independent copy of the state it is given.
 */
export function headroomOf(state: SimState, fork: (s: SimState) => SimState, request: PlaceTasksRequest, options: HeadroomOptions): HeadroomResult {
  // RunTask's request, checked as the model checks RunTask's (a member of a wrong type is refused, not read).
  const input = requestObject(validateRequest('RunTask', request) as PlaceTasksRequest, 'headroom');
  const cap = optionalInteger(input, 'count', 1, 10_000_000) ?? DEFAULT_HEADROOM_CAP;
  // Checked on the original first, so a bad request fails before any fork is made.
  const { cluster, placement } = placementRequestOf(state, { ...input, ...(options.cluster === undefined ? {} : { cluster: options.cluster }) }, cap);
  const losing = options.losing === undefined ? undefined : losingAttribute(options.losing);
  const settleMs = settleOf(options);
  const intact = counted(state.placement, cluster, placement) ?? placed(fork(state), cluster.name, placement);
  if (losing === undefined) return intact;
  const byValue = settledLosses(state, fork, cluster, losing, settleMs).map(({ value, instances, short, stuck, arns, after, lost }): HeadroomAfterLoss => ({
    value, instances, short, stuck,
    headroom: counted(state.placement, after, placement) ?? placed(lost !== null ? fork(lost) : settle(state, fork, cluster.name, arns, settleMs).lost, cluster.name, placement),
  }));
  let worst: HeadroomAfterLoss | undefined;
  for (const v of byValue) if (worst === undefined || v.headroom.tasks < worst.headroom.tasks) worst = v;
  return { ...(worst?.headroom ?? intact), losing: { attribute: losing, worst: worst?.value, intact, byValue } };
}

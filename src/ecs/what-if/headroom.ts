/**
 * Headroom: how many more tasks of a shape (a task definition with its constraints and
 * strategies, as RunTask takes them) fit — placed one after another on a fork until the first
 * that cannot be — in total, per Availability Zone and per instance type, and what runs out
 * first. With `losing: 'attribute:<name>'`, the N+1 question: for each value of the attribute, a
 * fork loses those instances abruptly (the services replace what they can during `settleMs`),
 * then the headroom is measured there; the answer is the worst value's.
 *
 * Placement goes straight to the placement engine on the fork (no task records): a headroom of
 * thousands of tasks costs thousands of placements, not thousands of task lifecycles.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import { placementStage, REJECTION_REASONS, type RejectionReason } from '../../placement/reasons.js';
import type { PlacementOutcome } from '../../placement/types.js';
import type { ClusterRecord } from '../clusters/record.js';
import { commonInput, inheritedConstraints } from '../tasks/launch.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { optionalInteger, requestObject } from '../shared/validate.js';
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

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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

function attributeOfSlot(cluster: ClusterRecord, memo: Map<number, [string, string]>, slot: number): [string, string] {
  let v = memo.get(slot);
  if (v === undefined) {
    const attributes = cluster.instances.peek(cluster.store.arns[slot]!)?.attributes ?? [];
    const of = (name: string) => attributes.find((a) => a.name === name)?.value ?? '(none)';
    memo.set(slot, (v = [of('ecs.availability-zone'), of('ecs.instance-type')]));
  }
  return v;
}

/** The headroom of a checked request on `state` (which it changes: call it on a fork). */
function measure(state: SimState, request: PlaceTasksRequest, cap: number): Headroom {
  const input = requestObject(request, 'headroom');
  const { cluster, td, group } = commonInput(state, input, false);
  const inherited = inheritedConstraints(td);
  const outcome: PlacementOutcome = state.placement.place(
    { store: cluster.store, accountant: cluster.accountant, random: state.random },
    {
      requirements: state.taskDefinitions.requirementsOf(td.taskDefinitionArn!),
      group,
      count: cap,
      constraints: [...inherited, ...placementConstraints(input, inherited)],
      strategies: placementStrategies(input, 'placementStrategy', state.placement),
    },
  );
  const memo = new Map<number, [string, string]>();
  const byAz = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const { slot } of outcome.placements) {
    const [az, type] = attributeOfSlot(cluster, memo, slot);
    byAz.set(az, (byAz.get(az) ?? 0) + 1);
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const counts = new Map<RejectionReason, number>();
  for (const reason of outcome.rejections.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const turnedDown = new Map(REJECTION_REASONS.filter((r) => counts.has(r)).map((r) => [r, counts.get(r)!]));
  return {
    tasks: outcome.placements.length,
    capped: outcome.unplaced === 0,
    byAvailabilityZone: sortedRecord(byAz),
    byInstanceType: sortedRecord(byType),
    turnedDown: Object.fromEntries(turnedDown),
    runsOutFirst: runsOutFirst(turnedDown),
  };
}

/** The values of an attribute among the cluster's ACTIVE and DRAINING instances, with their instances, values in order. */
function instancesByValue(cluster: ClusterRecord, name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const arn of cluster.store.query(`attribute:${name} exists`, { status: ['ACTIVE', 'DRAINING'] })) {
    const value = cluster.instances.peek(arn)!.attributes.find((a) => a.name === name)?.value ?? '';
    const list = out.get(value);
    if (list === undefined) out.set(value, [arn]);
    else list.push(arn);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The headroom of `request` on forks of `state` (made with `fork`); the original is never changed.
 * `fork` returns an independent copy of the state it is given.
 */
export function headroomOf(state: SimState, fork: (s: SimState) => SimState, request: PlaceTasksRequest, options: HeadroomOptions): HeadroomResult {
  const input = requestObject(request, 'headroom');
  const cap = optionalInteger(input, 'count', 1, 10_000_000) ?? DEFAULT_HEADROOM_CAP;
  // Checked on the original first, so a bad request fails before any fork is made.
  const { cluster } = commonInput(state, { ...input, ...(options.cluster === undefined ? {} : { cluster: options.cluster }) }, false);
  const placed = { ...request, cluster: cluster.name };
  const intact = measure(fork(state), placed, cap);
  if (options.losing === undefined) return intact;
  const match = /^attribute:(.+)$/.exec(String(options.losing));
  if (match === null) throw new InvalidParameterException(`losing must be attribute:<name>, e.g. attribute:ecs.availability-zone; got ${quote(options.losing)}`);
  const settleMs = settleOf(options);
  const byValue: HeadroomAfterLoss[] = [];
  for (const [value, arns] of instancesByValue(cluster, match[1]!)) {
    const lost = fork(state);
    const report = runWhatIfOutcome(state, lost, 'fail', cluster.name, arns, settleMs);
    byValue.push({ value, instances: arns.length, short: report.totals.short, stuck: report.totals.stuck, headroom: measure(lost, placed, cap) });
  }
  let worst: HeadroomAfterLoss | undefined;
  for (const v of byValue) if (worst === undefined || v.headroom.tasks < worst.headroom.tasks) worst = v;
  return { ...(worst?.headroom ?? intact), losing: { attribute: match[1]!, worst: worst?.value, intact, byValue } };
}

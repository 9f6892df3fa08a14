/**
 * Why an instance was turned down: one table of reason codes, in stage order, each with the text
 * ECS shows for it. The code is data (tallies, what-if reports, `rejections`); the texts are what
 * ECS clients read: RunTask/StartTask `failures[].reason`, and the end of a service event ("The
 * closest matching (container-instance <id>) has insufficient memory available.").
 *
 * Internally a reason is a small integer (its index in the table + 1), so the per-call verdict of
 * every instance fits in a Uint8Array and a tally is a Float64Array indexed by code. Code 0 means
 * "not turned down". The order is the order of the stages (reference §2.1): preconditions,
 * resources in the accountant's order, then constraints; it is also the order of `tally` entries.
 */
import type { ResourceReason } from '../resources/types.js';

/**
 * The reasons, in stage order. Texts: reference §2.5.7 and the service-event messages
 * (`service-event-messages.html`, `api_failures_messages.html`). Decisions [INF]:
 * - `STATUS` (not ACTIVE) is not an ECS reason; RunTask lists such instances as `STATUS`.
 * - `RESOURCE:PORTS_UDP` is not an ECS reason either: ECS clients see RESOURCE:PORTS and the
 *   port-conflict event text; the code keeps UDP conflicts apart for tallies.
 * - RESOURCE:GPU / ENI, AGENT, ATTRIBUTE events quote the reason, as ECS does for ENI (observed).
 */
const TABLE = [
  { reason: 'STATUS', failure: 'STATUS', event: 'is not ACTIVE' },
  { reason: 'AGENT', failure: 'AGENT', event: 'encountered error "AGENT"' },
  { reason: 'ATTRIBUTE', failure: 'ATTRIBUTE', event: 'encountered error "ATTRIBUTE"' },
  { reason: 'RESOURCE:CPU', failure: 'RESOURCE:CPU', event: 'has insufficient CPU units available' },
  { reason: 'RESOURCE:MEMORY', failure: 'RESOURCE:MEMORY', event: 'has insufficient memory available' },
  { reason: 'RESOURCE:PORTS', failure: 'RESOURCE:PORTS', event: 'is already using a port required by your task' },
  { reason: 'RESOURCE:PORTS_UDP', failure: 'RESOURCE:PORTS', event: 'is already using a port required by your task' },
  { reason: 'RESOURCE:GPU', failure: 'RESOURCE:GPU', event: 'encountered error "RESOURCE:GPU"' },
  { reason: 'RESOURCE:ENI', failure: 'RESOURCE:ENI', event: 'encountered error "RESOURCE:ENI"' },
  { reason: 'CONSTRAINT:distinctInstance', failure: 'DistinctInstance placement constraint unsatisfied.', event: 'encountered error "distinctInstance constraint unsatisfied"' },
  { reason: 'CONSTRAINT:memberOf', failure: 'MemberOf placement constraint unsatisfied.', event: 'encountered error "memberOf constraint unsatisfied"' },
] as const;

/**
 * Why an instance was not chosen: a precondition (`STATUS`: not ACTIVE; `AGENT`: agent
 * disconnected; `ATTRIBUTE`: a required attribute is missing), a resource (`RESOURCE:*`), or a
 * constraint (`CONSTRAINT:distinctInstance`, `CONSTRAINT:memberOf`).
 *
 * @example
 * const why: RejectionReason = 'RESOURCE:MEMORY';
 */
export type RejectionReason = (typeof TABLE)[number]['reason'];

// Every resource reason of the accountant has a row (a compile error otherwise).
const resourcesCovered: ResourceReason extends RejectionReason ? true : never = true;
void resourcesCovered;

/** Every rejection reason, in stage order; a reason's code is its index + 1. */
export const REJECTION_REASONS: readonly RejectionReason[] = Object.freeze(TABLE.map((r) => r.reason));

/**
 * What ECS says in RunTask/StartTask `failures[].reason` for a reason code.
 *
 * @example
 * failureReason('CONSTRAINT:memberOf'); // 'MemberOf placement constraint unsatisfied.'
 * failureReason('RESOURCE:PORTS_UDP');  // 'RESOURCE:PORTS'
 */
export function failureReason(reason: RejectionReason): string {
  return TABLE[codeOf(reason) - 1]!.failure;
}

/**
 * What a service event says about the closest matching instance, for a reason code.
 *
 * @example
 * `The closest matching (container-instance ${id}) ${serviceEventText('RESOURCE:MEMORY')}.`
 * // … has insufficient memory available.
 */
export function serviceEventText(reason: RejectionReason): string {
  return TABLE[codeOf(reason) - 1]!.event;
}

/** 0 = passes; otherwise 1 + index in REJECTION_REASONS. */
export type ReasonCode = number;

const CODES = new Map<string, ReasonCode>(TABLE.map((r, i) => [r.reason, i + 1]));

/** The code of a reason. */
export function codeOf(reason: RejectionReason): ReasonCode {
  const code = CODES.get(reason);
  if (code === undefined) throw new Error(`not a rejection reason: ${JSON.stringify(reason)}`);
  return code;
}

export const OK: ReasonCode = 0;
export const STATUS = codeOf('STATUS');
export const AGENT = codeOf('AGENT');
export const ATTRIBUTE = codeOf('ATTRIBUTE');
export const DISTINCT_INSTANCE = codeOf('CONSTRAINT:distinctInstance');
export const MEMBER_OF = codeOf('CONSTRAINT:memberOf');

export function reasonOf(code: ReasonCode): RejectionReason {
  const r = REJECTION_REASONS[code - 1];
  if (r === undefined) throw new Error(`no rejection reason has code ${code}`);
  return r;
}

/** A tally vector: one counter per code (index 0 unused). */
export function newTally(): Float64Array {
  return new Float64Array(REJECTION_REASONS.length + 1);
}

/** The tally as the outcome reports it: reasons in stage order, zero counts left out. */
export function tallyMap(tally: Float64Array): Map<RejectionReason, number> {
  const out = new Map<RejectionReason, number>();
  for (let code = 1; code < tally.length; code++) if (tally[code]! > 0) out.set(reasonOf(code), tally[code]!);
  return out;
}

/**
 * How far an instance got through the placement stages before a reason turned it down: status 0,
 * agent 1, attributes 2, resources 3, anything later (constraints) 4. The "closest matching"
 * instance ECS names in service events is one that got furthest.
 */
export function placementStage(reason: string): number {
  if (reason === 'STATUS') return 0;
  if (reason === 'AGENT') return 1;
  if (reason === 'ATTRIBUTE') return 2;
  return reason.startsWith('RESOURCE:') ? 3 : 4;
}

/**
 * Rejection reasons as small integer codes, so the per-call verdict of every instance fits in a
 * Uint8Array and a tally is a Float64Array indexed by code. Code 0 means "not turned down".
 * The order is the order of the stages (reference §2.1): preconditions, resources in the
 * accountant's order, then constraints; it is also the order of `tally` entries.
 */
import type { ResourceReason } from '../resources/types.js';
import type { RejectionReason } from './types.js';

/** Every rejection reason, in stage order; a reason's code is its index + 1. */
export const REJECTION_REASONS: readonly RejectionReason[] = Object.freeze([
  'STATUS',
  'AGENT',
  'ATTRIBUTE',
  'RESOURCE:CPU',
  'RESOURCE:MEMORY',
  'RESOURCE:PORTS',
  'RESOURCE:GPU',
  'RESOURCE:ENI',
  'CONSTRAINT:distinctInstance',
  'CONSTRAINT:memberOf',
] as const);

/** 0 = passes; otherwise 1 + index in REJECTION_REASONS. */
export type ReasonCode = number;

export const OK: ReasonCode = 0;
export const STATUS: ReasonCode = 1;
export const AGENT: ReasonCode = 2;
export const ATTRIBUTE: ReasonCode = 3;
export const DISTINCT_INSTANCE: ReasonCode = 9;
export const MEMBER_OF: ReasonCode = 10;

const RESOURCE_CODES: Readonly<Record<ResourceReason, ReasonCode>> = {
  'RESOURCE:CPU': 4,
  'RESOURCE:MEMORY': 5,
  'RESOURCE:PORTS': 6,
  'RESOURCE:GPU': 7,
  'RESOURCE:ENI': 8,
};

export function resourceCode(reason: ResourceReason | null): ReasonCode {
  return reason === null ? OK : RESOURCE_CODES[reason];
}

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

/**
 * Stage 2, resource fit (reference §2.5): the accountant's verdict — the first of CPU, MEMORY,
 * PORTS, PORTS_UDP, GPU, ENI the instance lacks — as a reason code.
 */
import type { ResourceAccountant } from '../resources/accountant.js';
import { RESOURCE_REASONS, type TaskRequirements } from '../resources/types.js';
import { codeOf, OK, type ReasonCode } from './reasons.js';

/** Per accountant `shortage` verdict, its reason code. */
const CODE_OF_SHORTAGE = Uint8Array.from([OK, ...RESOURCE_REASONS.map(codeOf)]);

export function fitCode(accountant: ResourceAccountant, slot: number, requirements: TaskRequirements): ReasonCode {
  return CODE_OF_SHORTAGE[accountant.shortage(slot, requirements)]!;
}

/** `fitCode` as if `copies` tasks of the same requirements had been placed on the instance first (fill.ts). */
export function fitCodeAfter(accountant: ResourceAccountant, slot: number, requirements: TaskRequirements, copies: number): ReasonCode {
  return CODE_OF_SHORTAGE[accountant.shortageAfter(slot, requirements, copies)]!;
}

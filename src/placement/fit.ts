/**
 * Stage 2, resource fit (reference §2.5): the accountant's verdict — the first of CPU, MEMORY,
 * PORTS, PORTS_UDP, GPU, ENI the instance lacks — as a reason code.
 */
import type { ResourceAccountant } from '../resources/accountant.js';
import type { TaskRequirements } from '../resources/types.js';
import { resourceCode, type ReasonCode } from './reasons.js';

export function fitCode(accountant: ResourceAccountant, slot: number, requirements: TaskRequirements): ReasonCode {
  return resourceCode(accountant.fits(slot, requirements));
}

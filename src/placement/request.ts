/**
 * A placement request, checked once for both placers (the engine and the naive oracle): the
 * count and group, the constraints, and the strategy chain with the plug-ins it names.
 */
import { checkConstraints, type CheckedConstraint } from './constraints.js';
import type { PluginLookup } from './plugins/types.js';
import { parseChain, type Chain } from './strategies/index.js';
import type { PlacementRequest } from './types.js';

export interface CheckedRequest {
  readonly constraints: readonly CheckedConstraint[];
  readonly chain: Chain;
}

/**
 * Refuses what no caller should send: shapes are the ECS layer's job (placement-params); a bad
 * strategy entry gets the same InvalidParameterException it would get there.
 */
export function checkRequest(request: PlacementRequest, plugins: PluginLookup | null): CheckedRequest {
  if (!Number.isSafeInteger(request.count) || request.count < 0) throw new Error(`placement: count must be a non-negative integer; got ${String(request.count)}`);
  if (typeof request.group !== 'string') throw new Error('placement: group must be a string');
  return { constraints: checkConstraints(request.constraints), chain: parseChain(request.strategies, 'placementStrategy', plugins) };
}

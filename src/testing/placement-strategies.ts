/**
 * Placement strategy lists as RunTask, CreateService and UpdateService take them: `random`,
 * `binpack` on cpu or memory, `spread` over instanceId, host or an attribute.
 */
import fc from 'fast-check';
import type { PlacementStrategy } from '../shapes.js';

/** Attributes spread over by default: built-ins, a custom one, and one no instance has. */
export const SPREAD_ATTRIBUTES: readonly string[] = ['ecs.availability-zone', 'ecs.instance-type', 'stack', 'rack', 'nowhere'];

export interface PlacementStrategyOptions {
  /** At most this many strategies (ECS allows 5); default 3. */
  readonly maxLength?: number;
  /** Attribute names for `spread(attribute:<name>)`; default `SPREAD_ATTRIBUTES`. */
  readonly spreadAttributes?: readonly string[];
}

/**
 * One placement strategy.
 *
 * @example
 * fc.sample(placementStrategy(), 2); // e.g. [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'attribute:ecs.availability-zone' }]
 */
export function placementStrategy(options: Pick<PlacementStrategyOptions, 'spreadAttributes'> = {}): fc.Arbitrary<PlacementStrategy> {
  const attributes = options.spreadAttributes ?? SPREAD_ATTRIBUTES;
  return fc.oneof(
    fc.constant<PlacementStrategy>({ type: 'random' }),
    fc.constantFrom<PlacementStrategy>({ type: 'binpack', field: 'memory' }, { type: 'binpack', field: 'cpu' }),
    fc.constantFrom<PlacementStrategy>({ type: 'spread', field: 'instanceId' }, { type: 'spread', field: 'host' }),
    ...(attributes.length === 0 ? [] : [fc.constantFrom(...attributes).map((name): PlacementStrategy => ({ type: 'spread', field: `attribute:${name}` }))]),
  );
}

/**
 * A placement strategy list that RunTask accepts, in priority order (shrinks toward the empty list).
 *
 * @example
 * fc.assert(fc.property(placementStrategies({ maxLength: 2 }), (placementStrategy) => {
 *   sim.runTask({ cluster: 'prod', taskDefinition: 'web', placementStrategy });
 * }));
 */
export function placementStrategies(options: PlacementStrategyOptions = {}): fc.Arbitrary<PlacementStrategy[]> {
  const maxLength = options.maxLength ?? 3;
  if (!(maxLength >= 0 && maxLength <= 5)) throw new Error(`placementStrategies: maxLength must be 0 to 5; got ${maxLength}`);
  return fc.array(placementStrategy(options), { maxLength });
}

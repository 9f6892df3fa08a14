/**
 * Placement constraint lists as RunTask, CreateService and UpdateService take them:
 * `distinctInstance` and `memberOf` with a valid CQL expression over a cluster's vocabulary.
 */
import fc from 'fast-check';
import type { PlacementConstraint } from '../shapes.js';
import { clusterVocabulary } from './cluster-vocabulary.js';
import { cqlText } from './cql-text.js';
import type { CqlVocabulary } from './vocabulary.js';

export interface PlacementConstraintOptions {
  /** At most this many constraints (ECS allows 10, counting the task definition's); default 2. */
  readonly maxLength?: number;
  /** Whether `distinctInstance` may appear; default true. */
  readonly distinctInstance?: boolean;
  /** What memberOf expressions mention; default `clusterVocabulary()`. */
  readonly vocabulary?: Partial<CqlVocabulary>;
  /** Nesting of memberOf expressions; default 1 (a leaf, or one and / or / not over leaves). */
  readonly maxDepth?: number;
}

/**
 * A memberOf expression as text (varied spellings, at most 2,000 characters).
 *
 * @example
 * fc.sample(memberOfExpression(), 1); // e.g. ["attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"]
 */
export function memberOfExpression(options: Pick<PlacementConstraintOptions, 'vocabulary' | 'maxDepth'> = {}): fc.Arbitrary<string> {
  return cqlText({ maxDepth: options.maxDepth ?? 1, vocabulary: options.vocabulary ?? clusterVocabulary() });
}

/**
 * A placement constraint list that RunTask accepts (shrinks toward the empty list).
 *
 * @example
 * fc.assert(fc.property(placementConstraints({ maxLength: 3 }), (placementConstraints) => {
 *   sim.runTask({ cluster: 'prod', taskDefinition: 'web', placementConstraints });
 * }));
 */
export function placementConstraints(options: PlacementConstraintOptions = {}): fc.Arbitrary<PlacementConstraint[]> {
  const maxLength = options.maxLength ?? 2;
  if (!(maxLength >= 0 && maxLength <= 10)) throw new Error(`placementConstraints: maxLength must be 0 to 10; got ${maxLength}`);
  const memberOf = memberOfExpression(options).map((expression): PlacementConstraint => ({ type: 'memberOf', expression }));
  const one = options.distinctInstance === false
    ? memberOf
    : fc.oneof({ arbitrary: fc.constant<PlacementConstraint>({ type: 'distinctInstance' }), weight: 1 }, { arbitrary: memberOf, weight: 2 });
  return fc.array(one, { maxLength });
}

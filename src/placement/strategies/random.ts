/**
 * `random` (reference §2.3): a constant score, so it is dropped from the chain — the final
 * seeded pick among the best candidates is uniform anyway. Its field is ignored, as ECS does.
 */
import { InvalidParameterException } from '../../errors.js';
import type { BuiltInStrategy, StrategyDefinition } from './strategy.js';

const RANDOM: BuiltInStrategy = {
  kind: 'builtin',
  entry: { type: 'random' },
  label: 'random',
  orderAttribute: null,
  level: () => null,
  naiveScores: (_store, candidates) => candidates.map(() => 0),
};

export const random: StrategyDefinition = {
  type: 'random',
  flagSyntax: 'random',
  parse: () => RANDOM,
  fromFlag(field, where) {
    if (field !== undefined) throw new InvalidParameterException(`${where}: random takes no field`);
    return { type: 'random' };
  },
};

/**
 * What a strategy type is made of — parsing and checking an ECS `placementStrategy` entry, its
 * CLI syntax, its label, the engine's scoring level and the naive placer's scores — so a new
 * built-in strategy is one file (binpack.ts, spread.ts, random.ts), listed in index.ts.
 */
import type { DictionaryColumn } from '../../store/dictionary-column.js';
import type { InstanceStore } from '../../store/store.js';
import type { PlacementStrategy } from '../types.js';
import type { Level } from './level.js';

/** What a built-in strategy's level is built from, for one call. */
export interface LevelContext {
  readonly store: InstanceStore;
  readonly group: string;
  /** Tasks of the group per slot; the engine bumps it on each placement. */
  readonly groupCount: Int32Array;
  /** The canonical rank of each value code of a column (absent first, then string order); cached by the engine. */
  valueRanks(column: DictionaryColumn): Int32Array;
}

/** A checked built-in strategy entry. */
export interface BuiltInStrategy {
  readonly kind: 'builtin';
  /** The ECS entry as checked (`{ type, field }`; random drops its field). */
  readonly entry: PlacementStrategy;
  /** e.g. `binpack(memory)`. A label repeated later in the chain cannot separate candidates the first tied: dropped. */
  readonly label: string;
  /** spread(attribute:x): x. Equally good candidates are listed by their values of these, in chain order. */
  readonly orderAttribute: string | null;
  /** The engine's scoring level; null for a constant score (random), dropped from the chain. */
  level(ctx: LevelContext): Level | null;
  /** The naive placer's scores of `candidates` (lower is better), recounted from the store. */
  naiveScores(store: InstanceStore, candidates: readonly number[], group: string): number[];
}

/** One built-in strategy type. */
export interface StrategyDefinition {
  /** The ECS `type`. */
  readonly type: string;
  /** The CLI `--strategy` forms, for help texts. */
  readonly flagSyntax: string;
  /** Checks an entry's `field`; a bad one throws InvalidParameterException naming `where`. */
  parse(field: string | undefined, where: string): BuiltInStrategy;
  /** The entry `--strategy <type>[:<field>]` stands for (checked by `parse` afterwards). */
  fromFlag(field: string | undefined, where: string): PlacementStrategy;
}

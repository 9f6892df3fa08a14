/**
 * Stage 4, strategies (reference §2.3): each strategy scores a candidate, lower is better, and
 * the chain keeps, strategy by strategy, only the candidates with the best score. Two kinds of
 * score, because they change differently when a task is placed:
 *
 * - per-slot scores (`binpack`, `spread(instanceId|host)`): only the chosen instance's score
 *   changes;
 * - per-value scores (`spread(attribute:x)`): the score belongs to the value of `x`, shared by
 *   every instance with that value, so one placement re-scores all of them at once.
 *
 * Scores and their ranges:
 * - `binpack(cpu|memory)`: the instance's remaining CPU units / MiB, 0..registered.
 * - `spread(instanceId)` / `spread(host)`: tasks of the request's group on the instance, ≥ 0.
 * - `spread(attribute:x)`: tasks of the group on all live instances (any status) whose value of
 *   `x` equals this instance's, ≥ 0. Instances without `x` share one value, "absent", counted
 *   like any other value [decision: the reference is silent, §2.3].
 * - `random`: constant, so it is dropped from the chain; the final seeded pick is uniform anyway.
 *
 * A strategy repeated later in the chain cannot separate candidates the first one tied, so
 * repeats are dropped too (`host` is `instanceId`).
 *
 * The order of the best candidates, which the seeded draw indexes: by their values of the
 * chain's spread attributes (in chain order; absent first, then string order), then by slot.
 * Any fixed order makes the pick uniform; this one lets the ranker pick among tied groups of
 * candidates (say, two AZs with equally few tasks) without merging them slot by slot.
 */
import type { DictionaryColumn } from '../store/dictionary-column.js';
import type { InstanceStore } from '../store/store.js';
import type { PlacementStrategy } from './types.js';

/** A strategy whose score belongs to the instance. */
export interface SlotLevel {
  readonly kind: 'slot';
  readonly label: string;
  /** The instance's score now (lower is better). */
  score(slot: number): number;
}

/** A strategy whose score belongs to the instance's value of an attribute. */
export interface ValueLevel {
  readonly kind: 'value';
  readonly label: string;
  /** The instance's value code (0: the attribute is absent). */
  code(slot: number): number;
  /** Tasks of the group per value code: the score of every instance holding that value. */
  readonly counts: Float64Array;
  /**
   * Position of each value code in the canonical order of values: absent (code 0) first, then
   * the values in string order. Equally good candidates are ordered by these, then by slot.
   */
  readonly rank: Int32Array;
}

export type Level = SlotLevel | ValueLevel;

/** What a strategy means, after checking it is one the engine knows. */
export type StrategyKey = { kind: 'binpack'; field: 'cpu' | 'memory' } | { kind: 'spreadInstance' } | { kind: 'spreadAttribute'; name: string } | { kind: 'random' };

/**
 * Reads a strategy. Callers validated shapes (placement-params.ts); anything else here is a
 * programming error.
 */
export function strategyKey(s: PlacementStrategy): StrategyKey {
  switch (s.type) {
    case 'random':
      return { kind: 'random' };
    case 'binpack':
      if (s.field === 'cpu' || s.field === 'memory') return { kind: 'binpack', field: s.field };
      throw new Error(`placement: binpack field must be cpu or memory; got ${JSON.stringify(s.field)}`);
    case 'spread':
      if (s.field === 'instanceId' || s.field === 'host') return { kind: 'spreadInstance' };
      if (typeof s.field === 'string' && s.field.startsWith('attribute:') && s.field.length > 'attribute:'.length) {
        return { kind: 'spreadAttribute', name: s.field.slice('attribute:'.length) };
      }
      throw new Error(`placement: spread field must be instanceId, host or attribute:<name>; got ${JSON.stringify(s.field)}`);
    default:
      throw new Error(`placement: unknown strategy type ${JSON.stringify(s.type)}`);
  }
}

function keyText(k: StrategyKey): string {
  switch (k.kind) {
    case 'binpack': return `binpack(${k.field})`;
    case 'spreadInstance': return 'spread(instanceId)';
    case 'spreadAttribute': return `spread(attribute:${k.name})`;
    case 'random': return 'random';
  }
}

/**
 * The chain as scoring levels: `random` and repeats dropped. `groupCount` is the call's
 * per-slot count of the group's tasks; the engine bumps it, and each per-value level's
 * `counts[code(slot)]`, on each placement.
 */
export function strategyLevels(store: InstanceStore, strategies: readonly PlacementStrategy[], group: string, groupCount: Int32Array): Level[] {
  const seen = new Set<string>();
  const levels: Level[] = [];
  for (const s of strategies) {
    const key = strategyKey(s);
    const label = keyText(key);
    if (key.kind === 'random' || seen.has(label)) continue;
    seen.add(label);
    switch (key.kind) {
      case 'binpack':
        levels.push(new RemainingLevel(label, store, key.field));
        break;
      case 'spreadInstance':
        levels.push(new GroupCountLevel(label, groupCount));
        break;
      case 'spreadAttribute':
        levels.push(valueLevel(store, label, store.attributes.get(key.name), group, groupCount));
        break;
    }
  }
  return levels;
}

/**
 * The levels are instances of a few classes rather than object literals with closures made per
 * call, so the ranker's hot calls always reach the same few methods.
 */
class RemainingLevel implements SlotLevel {
  readonly kind = 'slot';
  constructor(readonly label: string, private readonly store: InstanceStore, private readonly field: 'cpu' | 'memory') {}

  score(slot: number): number {
    // The columns are read through the store: a fork's first write may replace them mid-call.
    return this.field === 'cpu' ? this.store.remainingCpu[slot]! : this.store.remainingMemory[slot]!;
  }
}

class GroupCountLevel implements SlotLevel {
  readonly kind = 'slot';
  constructor(readonly label: string, private readonly groupCount: Int32Array) {}

  score(slot: number): number {
    return this.groupCount[slot]!;
  }
}

class AttributeLevel implements ValueLevel {
  readonly kind = 'value';
  constructor(readonly label: string, private readonly column: DictionaryColumn | undefined, readonly counts: Float64Array, readonly rank: Int32Array) {}

  code(slot: number): number {
    return this.column === undefined ? 0 : this.column.codes[slot]!;
  }
}

/**
 * Value ranks per column, for as many values as it had: a column's dictionary only grows, so
 * the ranks stay valid until it gains a value (sorting thousands of values per call cost
 * milliseconds at 100k instances).
 */
const rankCache = new WeakMap<DictionaryColumn, Int32Array>();

function valueRanks(column: DictionaryColumn): Int32Array {
  const cached = rankCache.get(column);
  if (cached !== undefined && cached.length === column.values.length) return cached;
  const rank = new Int32Array(column.values.length);
  const codes = Array.from({ length: column.values.length - 1 }, (_, i) => i + 1);
  codes.sort((a, b) => compareValues(column.values[a]!, column.values[b]!));
  codes.forEach((c, i) => (rank[c] = i + 1));
  rankCache.set(column, rank);
  return rank;
}

function valueLevel(store: InstanceStore, label: string, column: DictionaryColumn | undefined, group: string, groupCount: Int32Array): ValueLevel {
  const counts = new Float64Array(column === undefined ? 1 : column.values.length);
  const rank = column === undefined ? new Int32Array(1) : valueRanks(column);
  const level = new AttributeLevel(label, column, counts, rank);
  const slots = store.slotsWithGroup(group);
  for (let i = 0; i < slots.length; i++) counts[level.code(slots[i]!)]! += groupCount[slots[i]!]!;
  return level;
}

/** String order of attribute values (UTF-16 code units), the order candidates are listed in. */
export function compareValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The per-value levels of a chain, in order. */
export function valueLevels(levels: readonly Level[]): ValueLevel[] {
  return levels.filter((l): l is ValueLevel => l.kind === 'value');
}

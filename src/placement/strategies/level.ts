/**
 * What the ranker (rank-tree.ts) sees of a strategy: a scoring level, lower is better. Two kinds,
 * because they change differently when a task is placed:
 *
 * - per-slot scores (`binpack`, `spread(instanceId|host)`): only the chosen instance's score
 *   changes;
 * - per-value scores (`spread(attribute:x)`): the score belongs to the value of `x`, shared by
 *   every instance with that value, so one placement re-scores all of them at once.
 *
 * Levels are instances of a few classes rather than object literals with closures made per call,
 * so the ranker's hot calls always reach the same few methods.
 */

import type { InstanceStore } from '../../store/store.js';

/** A strategy whose score belongs to the instance. */
export interface SlotLevel {
  readonly kind: 'slot';
  readonly label: string;
  /** The instance's score now (lower is better). */
  score(slot: number): number;
  /** Reads `store` from now on: a fork of the store it read, equal to it where the caller refreshes (lineage.ts). */
  rebind?(store: InstanceStore): void;
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
  /** As SlotLevel.rebind; the attribute's values and codes are the same in both stores (attribute changes are never localised). */
  rebind?(store: InstanceStore): void;
}

export type Level = SlotLevel | ValueLevel;

/** String order of attribute values (UTF-16 code units), the order candidates are listed in. */
export function compareValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The per-value levels of a chain, in order. */
export function valueLevels(levels: readonly Level[]): ValueLevel[] {
  return levels.filter((l): l is ValueLevel => l.kind === 'value');
}

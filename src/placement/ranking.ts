/**
 * The ranked candidates of stage 4: which eligible instances are best under the strategy chain
 * — the eligible slots with the lexicographically smallest score tuple, listed in the canonical
 * order (strategies.ts). `TreeRanker` (rank-tree.ts) is the implementation.
 *
 * A scanning ranker (score every eligible slot on each pick, no set-up) was measured against
 * the tree for small calls (bench/placement.ts --sweep, 5,000 instances): the tree's build costs
 * about one scan, so the tree is as fast for one task and faster from two on; it was dropped.
 */

/** The best candidates of one pick: how many, and the k-th smallest slot among them. */
export interface BestSet {
  readonly size: number;
  kth(k: number): number;
}

/**
 * Contract: a held slot's scores change only while it is out (remove, change, add), and a
 * per-value count changes only while a slot holding that value is out — the engine's protocol
 * (only the chosen instance changes). Counts of values no held slot has may change any time.
 */
export interface Ranker {
  /** Eligible slots held. */
  readonly size: number;
  /** An eligible slot (not held) joins, scored as the state is now. */
  add(slot: number): void;
  /** A held slot leaves (before or after its scores changed: the ranker remembers where it is). */
  remove(slot: number): void;
  /** The best candidates now, in the canonical order (size > 0 required); valid until the next add/remove/best. */
  best(): BestSet;
}

/** Lexicographic comparison of a[0..n) and b[0..n). */
export function compareTuples(a: Float64Array, b: Float64Array, n: number, aFrom = 0, bFrom = 0): number {
  for (let i = 0; i < n; i++) {
    const x = a[aFrom + i]!;
    const y = b[bFrom + i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

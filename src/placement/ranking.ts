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
  /** Writes all of them, in the canonical order, into out[0..size). */
  copyTo(out: Int32Array): void;
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
  /**
   * `slot` is not held, and the count of one of its values changed (outside the engine's own
   * placements: a task of the group stopped or started there): re-key what holds those values.
   */
  touch(slot: number): void;
  /** The best candidates now, in the canonical order (size > 0 required); valid until the next add/remove/best. */
  best(): BestSet;
}

/**
 * Lexicographic comparison of two composed tuples: `x` inserted at index `pos` of a[0..n), and
 * `y` inserted at index `pos` of b[0..n). A tree node's own score sits among the scores beneath
 * it in chain order, which need not be first (rank-tree.ts orders levels for speed).
 */
export function compareComposed(x: number, a: Float64Array, y: number, b: Float64Array, pos: number, n: number): number {
  for (let i = 0; i < pos; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p !== q) return p < q ? -1 : 1;
  }
  if (x !== y) return x < y ? -1 : 1;
  for (let i = pos; i < n; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/** Whether `x` inserted at index `pos` of a[0..n) equals full[0..n]. */
export function equalsComposed(x: number, a: Float64Array, full: Float64Array, pos: number, n: number): boolean {
  for (let i = 0; i < pos; i++) if (a[i] !== full[i]) return false;
  if (x !== full[pos]) return false;
  for (let i = pos; i < n; i++) if (a[i] !== full[i + 1]) return false;
  return true;
}

/** Writes `x` inserted at index `pos` of src[0..n) into dst[0..n]. */
export function compose(dst: Float64Array, x: number, src: Float64Array, pos: number, n: number): void {
  for (let i = 0; i < pos; i++) dst[i] = src[i]!;
  dst[pos] = x;
  for (let i = pos; i < n; i++) dst[i + 1] = src[i]!;
}

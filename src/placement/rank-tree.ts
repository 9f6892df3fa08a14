/**
 * The incremental ranker: eligible slots in a tree with one level per strategy of the chain.
 *
 * The tree's levels are the chain's in another order, chosen for speed: the per-value levels
 * (spread(attribute:x)) first — the scanned ones, then the indexed ones (below) — then the
 * per-slot levels (binpack, spread(instanceId)), each group in chain order. Every node keeps the best score tuple of
 * the slots beneath it over the levels beneath it, in chain order, and siblings are compared on
 * those tuples with their own score put in its chain place (`compareComposed`), so the order of
 * the tree changes nothing about which candidates are best.
 *
 * - Below a per-slot level the children are keyed by score and kept in a min-heap: only
 *   later per-slot levels lie beneath, so the best child is the heap top. Scores are unique
 *   among siblings, so siblings never tie.
 * - Below a per-value level the children are keyed by value code; their score is the value's
 *   task count, which one placement changes for every instance holding the value — under
 *   every parent. Two ways to order them:
 *   - scanned: nothing is re-sorted on a placement; `best()` scans the non-empty value
 *     children of the nodes it visits. Right for few values (AZs, instance types).
 *   - indexed (ValueIndex, value-index.ts): the level with the most values, from
 *     INDEX_MIN_VALUES on (racks, hosts), and any other from SECOND_INDEX_MIN_VALUES on:
 *     children ordered in a heap, the tied ones in a Fenwick tree by value rank. No scanned
 *     level lies beneath, so a child's key changes only with its own value's count or its
 *     subtree: a placement marks the children holding the chosen instance's value at each
 *     indexed level (all parents: a registry by value) and their indexed ancestors, for
 *     re-keying at the next visit. O(log values) a pick instead of a scan. Putting many-valued
 *     levels below the few-valued ones is what makes this work for chains like spread(rack) +
 *     spread(AZ): in chain order, each AZ count change would re-key every rack holding that AZ.
 *   Siblings may tie; all tied ones contribute candidates.
 * - Leaves hold the slots with identical score tuples as an order-statistic SlotSet.
 *
 * A placement moves one slot (remove, re-add with its new scores): O(depth × log siblings).
 * `best()` walks the best paths; its candidates are the tied leaves (or indexed classes), which
 * the draw indexes in the canonical order of strategies.ts (by value ranks in chain order, then
 * slot): segments are sorted by their value-rank paths; when the indexed level comes before a
 * scanned one in the chain, tied indexed classes under different scanned values interleave by
 * the indexed value's rank, and the k-th is found by a binary search on that rank (`mergedKth`).
 * So the k-th candidate is the slot the naive placer's k-th list entry is.
 *
 * Cost outliers (still exact): two indexed levels whose values do not nest (a value of the
 * lower one under thousands of values of the upper one) re-key that many children per pick;
 * nested attributes (racks within power domains, hosts within racks) re-key a few.
 */
import { compareComposed, compose, equalsComposed, type BestSet, type Ranker } from './ranking.js';
import { IndexedHeap } from '../collections/indexed-heap.js';
import { SlotSet, SlotSpace } from '../collections/slot-set.js';
import type { Level, ValueLevel } from './strategies/level.js';
import { ValueIndex, type TiedSet, type ValueIndexOwner } from './value-index.js';

const NO_BEST = new Float64Array(0);

class RankNode {
  size = 0;
  /** position in the parent's heap (per-slot parent) or ValueIndex heap; -1: in none */
  heapIndex = -1;
  /** position in the parent's active list (scanned per-value parent) */
  activeIndex = -1;
  /** ValueIndex bookkeeping (children of an indexed root) */
  classPos = -1;
  dirty = false;
  /** per-slot level below: children by score, and a min-heap of them by key */
  byScore: Map<number, RankNode> | null = null;
  heap: IndexedHeap<RankNode> | null = null;
  /** per-value level below: children by value code, and the non-empty ones */
  byCode: (RankNode | undefined)[] | null = null;
  active: RankNode[] | null = null;
  /** leaf: the slots */
  slots: SlotSet | null = null;
  /** per-value level below, indexed: its children in order */
  vindex: ValueIndex<RankNode> | null = null;
  /** the best score tuple of the levels depth..L-1 beneath this node (filled by best()) */
  readonly best: Float64Array;

  constructor(
    public parent: RankNode | null,
    /** score (per-slot parent) or value code (per-value parent) */
    public key: number,
    /** the tree level of this node's children; L for a leaf */
    readonly depth: number,
    levels: readonly Level[],
    space: SlotSpace,
  ) {
    const below = levels.length - depth;
    this.best = below === 0 ? NO_BEST : new Float64Array(below);
    if (below === 0) this.slots = new SlotSet(space);
    else if (levels[depth]!.kind === 'slot') {
      this.byScore = new Map();
      this.heap = new IndexedHeap(byKey);
    } else {
      this.byCode = [];
      this.active = [];
    }
  }
}

/** Children of a per-slot node, by score: scores are unique among siblings. */
const byKey = (a: RankNode, b: RankNode): number => a.key - b.key;

/** The per-value level with the most values is indexed from this many values on (fewer: a scan is cheaper). */
export const INDEX_MIN_VALUES = 32;
/**
 * Any other per-value level is indexed from this many values on: indexed levels nest in chain
 * order, and a few-valued one below a many-valued one would be re-keyed under every parent.
 */
export const SECOND_INDEX_MIN_VALUES = 256;


export class TreeRanker implements Ranker, ValueIndexOwner<RankNode> {
  private readonly space: SlotSpace;
  /** the chain's levels in tree order (see the file comment) */
  private readonly levels: readonly Level[];
  /** per tree level: where its score goes among the scores of the levels beneath (chain order) */
  private readonly pos: Int32Array;
  /** per tree level that is per-value: its index among the chain's per-value levels */
  private readonly valueIndexOf: Int32Array;
  private readonly root: RankNode;
  private readonly leafOf: (RankNode | undefined)[];
  /** Emptied children of per-slot nodes, by depth, for reuse (binpack makes one per placement). */
  private readonly spare: RankNode[][];
  /** number of per-value levels: the length of a segment's value-rank path */
  private readonly valueLevels: number;
  /** tree depths [indexedFrom, indexedTo) are the indexed per-value levels (empty: none) */
  private readonly indexedFrom: number;
  private readonly indexedTo: number;
  /** per chain per-value level: whether it is indexed */
  private readonly indexedValue: Uint8Array;
  /** per chain per-value level: the level */
  private readonly valueLevelAt: readonly ValueLevel[];
  /** per indexed depth d: the children of depth-d nodes by value code (all parents) */
  private readonly registry: RankNode[][][];
  /** scratch of mergedKth: the current tied set of each gathered segment (null: dropped) */
  private sets: (TiedSet | null)[] = [];

  // The tied segments of the last best(): their candidates and value-rank paths (chain order).
  private gathered: TiedSet[] = [];
  private gatheredKeys = new Int32Array(64);
  private gatheredCount = 0;
  /** @internal candidates of the last best() (BestView.size) */
  gatheredSize = 0;
  private readonly path: Int32Array;
  private order = new Int32Array(16);
  private readonly view: BestSet;

  /**
   * `chain`: the levels in chain order. `indexMin`: the value counts from which a per-value
   * level is indexed — the one with the most values, and the others (tests lower them).
   */
  constructor(chain: readonly Level[], slots: number, indexMin: { readonly most?: number; readonly others?: number } = {}) {
    this.space = new SlotSpace(slots);
    const values: number[] = [];
    const perSlot: number[] = [];
    chain.forEach((l, i) => (l.kind === 'value' ? values : perSlot).push(i));
    const cardinality = (i: number) => (chain[i] as ValueLevel).counts.length;
    let most = -1;
    for (const i of values) if (most < 0 || cardinality(i) >= cardinality(most)) most = i;
    const indexed = values.filter((i) => (i === most ? cardinality(i) >= (indexMin.most ?? INDEX_MIN_VALUES) : cardinality(i) >= (indexMin.others ?? SECOND_INDEX_MIN_VALUES)));
    const order = [...values.filter((i) => !indexed.includes(i)), ...indexed, ...perSlot];
    this.levels = order.map((i) => chain[i]!);
    this.pos = Int32Array.from(order, (i, t) => order.slice(t + 1).filter((j) => j < i).length);
    this.valueIndexOf = Int32Array.from(order, (i) => values.indexOf(i));
    this.valueLevels = values.length;
    this.indexedFrom = values.length - indexed.length;
    this.indexedTo = values.length;
    this.indexedValue = Uint8Array.from(values, (i) => (indexed.includes(i) ? 1 : 0));
    this.valueLevelAt = values.map((i) => chain[i] as ValueLevel);
    this.registry = this.levels.map(() => []);
    this.root = this.newNode(null, 0, 0);
    this.leafOf = new Array<RankNode | undefined>(slots);
    this.spare = this.levels.map(() => []);
    this.spare.push([]);
    this.path = new Int32Array(this.valueLevels);
    this.view = new BestView(this);
  }

  private newNode(parent: RankNode | null, key: number, depth: number): RankNode {
    const node = new RankNode(parent, key, depth, this.levels, this.space);
    if (depth >= this.indexedFrom && depth < this.indexedTo) {
      const below = this.levels.length - depth - 1;
      node.vindex = new ValueIndex<RankNode>(this.levels[depth] as ValueLevel, below, this.pos[depth]!, this);
    }
    if (parent !== null && parent.vindex !== null) (this.registry[depth - 1]![key] ??= []).push(node);
    return node;
  }

  get size(): number {
    return this.root.size;
  }

  add(slot: number): void {
    const levels = this.levels;
    let node = this.root;
    node.size++;
    for (let d = 0; d < levels.length; d++) {
      const level = levels[d]!;
      let child: RankNode | undefined;
      if (level.kind === 'slot') {
        const key = level.score(slot);
        child = node.byScore!.get(key);
        if (child === undefined) {
          child = this.spare[d + 1]!.pop();
          if (child === undefined) child = this.newNode(node, key, d + 1);
          else {
            child.parent = node;
            child.key = key;
          }
          node.byScore!.set(key, child);
          node.heap!.push(child);
        }
      } else {
        const key = level.code(slot);
        child = node.byCode![key];
        if (child === undefined) node.byCode![key] = child = this.newNode(node, key, d + 1);
        if (node.vindex === null && child.size === 0) {
          child.activeIndex = node.active!.length;
          node.active!.push(child);
        }
      }
      child.size++;
      node = child;
    }
    node.slots!.add(slot);
    this.leafOf[slot] = node;
    this.touchValue(slot);
  }

  remove(slot: number): void {
    let node = this.leafOf[slot]!;
    this.leafOf[slot] = undefined;
    node.slots!.delete(slot);
    for (;;) {
      node.size--;
      const parent = node.parent;
      if (parent === null) break;
      if (node.size === 0 && parent.vindex === null) {
        if (parent.heap !== null) {
          parent.byScore!.delete(node.key);
          parent.heap.remove(node);
          // Empty all the way down (its per-slot children went the same way), so reusable.
          this.spare[node.depth]!.push(node);
        } else {
          // Swap-remove from the active list; the node stays in byCode for reuse.
          const active = parent.active!;
          const last = active.pop()!;
          if (last !== node) {
            active[node.activeIndex] = last;
            last.activeIndex = node.activeIndex;
          }
          node.activeIndex = -1;
        }
      }
      node = parent;
    }
    this.touchValue(slot);
  }

  /** Ranker.touch. */
  touch(slot: number): void {
    this.touchValue(slot);
  }

  /**
   * The slot's values at the indexed levels changed count or membership: every child holding
   * one of them, under every parent, is re-keyed at its parent's next visit — and so is each
   * indexed ancestor, whose best beneath may have changed with it. An ancestor already marked
   * has its own ancestors marked too, so the walk stops there.
   */
  private touchValue(slot: number): void {
    for (let d = this.indexedFrom; d < this.indexedTo; d++) {
      const children = this.registry[d]![(this.levels[d] as ValueLevel).code(slot)];
      if (children === undefined) continue;
      for (let i = 0; i < children.length; i++) {
        let node = children[i]!;
        while (node.parent !== null && node.parent.vindex !== null && node.parent.vindex.touch(node)) node = node.parent;
      }
    }
  }

  best(): BestSet {
    this.gatheredCount = 0;
    this.gatheredSize = 0;
    if (this.root.size > 0) {
      if (this.root.depth !== this.levels.length) this.computeBest(this.root);
      this.gather(this.root);
    }
    return this.view;
  }

  /** Fills node.best (the best tuple beneath it, chain order) along the best paths; node is not a leaf. */
  private computeBest(node: RankNode): void {
    const levels = this.levels;
    const leafDepth = levels.length;
    const best = node.best;
    const n = best.length - 1; // length of a child's tuple
    const pos = this.pos[node.depth]!;
    if (node.vindex !== null) {
      node.vindex.update();
      compose(best, node.vindex.classCount, node.vindex.classBest, pos, n);
      return;
    }
    const level = levels[node.depth]!;
    if (level.kind === 'slot') {
      // Only later per-slot levels lie beneath (pos is 0): the heap top is the best child.
      const top = node.heap!.items[0]!;
      if (n > 0) this.computeBest(top);
      compose(best, top.key, top.best, 0, n);
      return;
    }
    const counts = level.counts;
    const active = node.active!;
    let min = active[0]!;
    if (min.depth !== leafDepth) this.computeBest(min);
    let minCount = counts[min.key]!;
    for (let i = 1; i < active.length; i++) {
      const child = active[i]!;
      if (child.depth !== leafDepth) this.computeBest(child);
      const c = counts[child.key]!;
      if (compareComposed(c, child.best, minCount, min.best, pos, n) < 0) {
        min = child;
        minCount = c;
      }
    }
    compose(best, minCount, min.best, pos, n);
  }

  /** Collects the segments whose tuple equals the best (after computeBest), with their value ranks. */
  private gather(node: RankNode): void {
    const levels = this.levels;
    if (node.depth === levels.length) {
      this.push(node.slots!);
      return;
    }
    if (node.vindex !== null) {
      this.push(node.vindex);
      return;
    }
    const level = levels[node.depth]!;
    if (level.kind === 'slot') {
      this.gather(node.heap!.items[0]!);
      return;
    }
    const counts = level.counts;
    const best = node.best;
    const n = best.length - 1;
    const pos = this.pos[node.depth]!;
    const v = this.valueIndexOf[node.depth]!;
    const active = node.active!;
    for (let i = 0; i < active.length; i++) {
      const child = active[i]!;
      if (equalsComposed(counts[child.key]!, child.best, best, pos, n)) {
        this.path[v] = level.rank[child.key]!;
        this.gather(child);
      }
    }
  }

  /**
   * Adds a segment whose value ranks (chain order) are in `path`: every per-value level above it
   * wrote its entry on the way down; the indexed level's entry is never written (always 0).
   */
  private push(segment: TiedSet): void {
    const m = this.gatheredCount++;
    this.gathered[m] = segment;
    this.gatheredSize += segment.size;
    const V = this.valueLevels;
    if (V === 0) return;
    if (this.gatheredKeys.length < (m + 1) * V) {
      const grown = new Int32Array(this.gatheredKeys.length * 2 + V);
      grown.set(this.gatheredKeys);
      this.gatheredKeys = grown;
    }
    const keys = this.gatheredKeys;
    const path = this.path;
    for (let j = 0; j < V; j++) keys[m * V + j] = path[j]!;
  }

  /**
   * The k-th best candidate: tied segments in the order of their value-rank paths (see
   * strategies.ts), each segment's candidates in its own canonical order — except where indexed
   * levels come in the chain before scanned ones: then candidates of different segments
   * interleave (`mergedKth`).
   */
  /** @internal BestView.kth */
  kth(k: number): number {
    const m = this.gatheredCount;
    if (m === 1) return this.gathered[0]!.kth(k);
    if (this.order.length < m) this.order = new Int32Array(m * 2);
    const order = this.order;
    for (let i = 0; i < m; i++) order[i] = i;
    if (m <= 16) {
      // Insertion sort: ties usually span a handful of segments (AZs); no closure on this path.
      for (let i = 1; i < m; i++) {
        const x = order[i]!;
        let j = i - 1;
        while (j >= 0 && this.rankOrder(order[j]!, x) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = x;
      }
    } else order.subarray(0, m).sort(this.byRank);
    if (this.indexedFrom === this.indexedTo) {
      // Leaves with complete paths: one after another.
      for (let i = 0; i < m; i++) {
        const segment = this.gathered[order[i]!]!;
        if (k < segment.size) return segment.kth(k);
        k -= segment.size;
      }
      throw new Error('TreeRanker: k is past the best candidates');
    }
    return this.mergedKth(k);
  }

  /**
   * The k-th candidate when the segments are indexed classes (sorted by their paths, which hold
   * the scanned levels' ranks; the indexed levels' entries are 0). The canonical order compares
   * the per-value levels in chain order: at a scanned level, the segments split into runs of
   * equal rank, and the run holding the k-th candidate is kept; at an indexed level, every kept
   * segment's class is searched for the rank holding the k-th candidate (binary search over
   * ranks, summing each class's candidates ranked below), and each segment moves on to its
   * member of that rank (a leaf, or the class of the next indexed level). One segment is left at
   * the end, its leaf in slot order.
   */
  private mergedKth(k: number): number {
    const m = this.gatheredCount;
    const order = this.order;
    const keys = this.gatheredKeys;
    const V = this.valueLevels;
    const sets = this.sets;
    for (let i = 0; i < m; i++) sets[i] = this.gathered[order[i]!]!;
    let from = 0;
    let to = m;
    for (let j = 0; j < V; j++) {
      if (this.indexedValue[j] === 0) {
        // Runs of equal rank at level j, in order: keep the one holding the k-th candidate.
        for (let i = from; i < to;) {
          const rank = keys[order[i]! * V + j]!;
          let end = i;
          let size = 0;
          while (end < to && keys[order[end]! * V + j] === rank) size += sets[end++]?.size ?? 0;
          if (k < size) {
            from = i;
            to = end;
            break;
          }
          k -= size;
          i = end;
        }
        continue;
      }
      // The largest rank with at most k candidates ranked below it.
      let lo = 0;
      let hi = this.valueLevelAt[j]!.counts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (this.countBelow(mid, from, to) <= k) lo = mid;
        else hi = mid - 1;
      }
      k -= this.countBelow(lo, from, to);
      for (let i = from; i < to; i++) sets[i] = (sets[i] as ValueIndex<RankNode> | null)?.setAtRank(lo) ?? null;
    }
    for (let i = from; i < to; i++) {
      const set = sets[i];
      if (set === null || set === undefined) continue;
      if (k < set.size) return set.kth(k);
      k -= set.size;
    }
    throw new Error('TreeRanker: k is past the best candidates');
  }

  /** @internal BestView.copyTo: the best candidates in the canonical order. */
  copyBest(out: Int32Array): void {
    const only = this.gatheredCount === 1 ? this.gathered[0] : undefined;
    if (only instanceof SlotSet) only.copyTo(out, 0);
    else for (let k = 0; k < this.gatheredSize; k++) out[k] = this.kth(k);
  }

  /** Candidates ranked below `rank` at the indexed level being merged, over the kept segments [from, to). */
  private countBelow(rank: number, from: number, to: number): number {
    const sets = this.sets;
    let n = 0;
    for (let i = from; i < to; i++) n += (sets[i] as ValueIndex<RankNode> | null)?.countBelowRank(rank) ?? 0;
    return n;
  }

  /** ValueIndexOwner: recomputes a child's best tuple. */
  refreshChild(node: RankNode): void {
    this.computeBest(node);
  }

  /** ValueIndexOwner: a node's best candidates — the leaf at the end of its best path, or its index's tied class. */
  tiedSetOf(node: RankNode): TiedSet {
    const leafDepth = this.levels.length;
    if (node.vindex !== null) return node.vindex;
    while (node.depth !== leafDepth) node = node.heap!.items[0]!;
    return node.slots!;
  }

  private readonly byRank = (a: number, b: number): number => this.rankOrder(a, b);

  /** Order of two gathered segments by their value-rank paths (chain order). */
  private rankOrder(a: number, b: number): number {
    const keys = this.gatheredKeys;
    const V = this.valueLevels;
    for (let j = 0; j < V; j++) {
      const d = keys[a * V + j]! - keys[b * V + j]!;
      if (d !== 0) return d;
    }
    return 0;
  }
}

/** The best candidates of the last best(). */
class BestView implements BestSet {
  constructor(private readonly ranker: TreeRanker) {}

  get size(): number {
    return this.ranker.gatheredSize;
  }

  kth(k: number): number {
    return this.ranker.kth(k);
  }

  copyTo(out: Int32Array): void {
    this.ranker.copyBest(out);
  }
}

/**
 * The incremental ranker: eligible slots in a tree with one level per strategy of the chain.
 *
 * - Below a per-slot level (binpack, spread(instanceId)) the children are keyed by score and
 *   kept in a min-heap, so the best child is the heap top. Scores are unique among siblings,
 *   so siblings never tie.
 * - Below a per-value level (spread(attribute:x)) the children are keyed by value code. Their
 *   scores are the per-value task counts, which a placement changes for every instance of the
 *   value at once; so nothing is re-sorted on a placement: `best()` scans the (few) non-empty
 *   value children and compares (count, best tuple below). Siblings may tie; all tied ones
 *   contribute candidates.
 * - Leaves hold the slots with identical score tuples as an order-statistic SlotSet.
 *
 * A placement moves one slot (remove, re-add with its new scores): O(depth × log siblings).
 * `best()` walks the best path, scanning the children of per-value nodes; its candidates are
 * the tied leaves, listed by their value ranks and then by slot (the canonical order, see
 * strategies.ts), so the k-th candidate is found leaf by leaf — the same slot the naive
 * placer's k-th list entry is.
 *
 * Cost outliers (still exact): a spread over an attribute with thousands of distinct values
 * makes `best()` scan thousands of value children per pick.
 */
import { compareTuples, type BestSet, type Ranker } from './ranking.js';
import { SlotSet, SlotSpace } from './slot-set.js';
import type { Level } from './strategies.js';

const NO_BEST = new Float64Array(0);

class RankNode {
  size = 0;
  /** index in the parent's heap (per-slot parent) or active list (per-value parent) */
  index = -1;
  /** per-slot level below: children by score, and a min-heap of them by key */
  byScore: Map<number, RankNode> | null = null;
  heap: RankNode[] | null = null;
  /** per-value level below: children by value code, and the non-empty ones */
  byCode: (RankNode | undefined)[] | null = null;
  active: RankNode[] | null = null;
  /** leaf: the slots */
  slots: SlotSet | null = null;
  /** the best score tuple of the levels depth..L-1 beneath this node (filled by best()) */
  readonly best: Float64Array;

  constructor(
    public parent: RankNode | null,
    /** score (per-slot parent) or value code (per-value parent) */
    public key: number,
    /** the level of this node's children; L for a leaf */
    readonly depth: number,
    levels: readonly Level[],
    space: SlotSpace,
  ) {
    const below = levels.length - depth;
    this.best = below === 0 ? NO_BEST : new Float64Array(below);
    if (below === 0) this.slots = new SlotSet(space);
    else if (levels[depth]!.kind === 'slot') {
      this.byScore = new Map();
      this.heap = [];
    } else {
      this.byCode = [];
      this.active = [];
    }
  }
}

// ---- an indexed binary min-heap of nodes by key (node.index = position) ----------------------

function siftUp(heap: RankNode[], i: number): void {
  const node = heap[i]!;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = heap[p]!;
    if (parent.key <= node.key) break;
    heap[i] = parent;
    parent.index = i;
    i = p;
  }
  heap[i] = node;
  node.index = i;
}

function siftDown(heap: RankNode[], i: number): void {
  const n = heap.length;
  const node = heap[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heap[c + 1]!.key < heap[c]!.key) c++;
    const child = heap[c]!;
    if (child.key >= node.key) break;
    heap[i] = child;
    child.index = i;
    i = c;
  }
  heap[i] = node;
  node.index = i;
}

function heapPush(heap: RankNode[], node: RankNode): void {
  heap.push(node);
  siftUp(heap, heap.length - 1);
}

function heapRemove(heap: RankNode[], node: RankNode): void {
  const i = node.index;
  const last = heap.pop()!;
  node.index = -1;
  if (last === node) return;
  heap[i] = last;
  last.index = i;
  siftUp(heap, i);
  siftDown(heap, last.index);
}

export class TreeRanker implements Ranker {
  private readonly space: SlotSpace;
  private readonly root: RankNode;
  private readonly leafOf: (RankNode | undefined)[];
  /** Emptied children of per-slot nodes, by depth, for reuse (binpack makes one per placement). */
  private readonly spare: RankNode[][];
  /** number of per-value levels: the length of a leaf's value-rank path */
  private readonly valueLevels: number;

  // The tied leaves of the last best(): their slot sets, sizes, and value-rank paths.
  private gathered: SlotSet[] = [];
  private gatheredKeys = new Int32Array(64);
  private gatheredCount = 0;
  private gatheredSize = 0;
  private readonly path: Int32Array;
  private order = new Int32Array(16);
  private readonly view: BestSet;

  constructor(private readonly levels: readonly Level[], slots: number) {
    this.space = new SlotSpace(slots);
    this.root = new RankNode(null, 0, 0, levels, this.space);
    this.leafOf = new Array<RankNode | undefined>(slots);
    this.spare = levels.map(() => []);
    this.spare.push([]);
    this.valueLevels = levels.filter((l) => l.kind === 'value').length;
    this.path = new Int32Array(this.valueLevels);
    const self = this;
    this.view = {
      get size() {
        return self.gatheredSize;
      },
      kth: (k) => self.kth(k),
    };
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
          if (child === undefined) child = new RankNode(node, key, d + 1, levels, this.space);
          else {
            child.parent = node;
            child.key = key;
          }
          node.byScore!.set(key, child);
          heapPush(node.heap!, child);
        }
      } else {
        const key = level.code(slot);
        child = node.byCode![key];
        if (child === undefined) node.byCode![key] = child = new RankNode(node, key, d + 1, levels, this.space);
        if (child.size === 0) {
          child.index = node.active!.length;
          node.active!.push(child);
        }
      }
      child.size++;
      node = child;
    }
    node.slots!.add(slot);
    this.leafOf[slot] = node;
  }

  remove(slot: number): void {
    let node = this.leafOf[slot]!;
    this.leafOf[slot] = undefined;
    node.slots!.delete(slot);
    for (;;) {
      node.size--;
      const parent = node.parent;
      if (parent === null) break;
      if (node.size === 0) {
        if (parent.heap !== null) {
          parent.byScore!.delete(node.key);
          heapRemove(parent.heap, node);
          // Empty all the way down (its per-slot children went the same way), so reusable.
          this.spare[node.depth]!.push(node);
        } else {
          // Swap-remove from the active list; the node stays in byCode for reuse.
          const active = parent.active!;
          const last = active.pop()!;
          if (last !== node) {
            active[node.index] = last;
            last.index = node.index;
          }
          node.index = -1;
        }
      }
      node = parent;
    }
  }

  best(): BestSet {
    this.gatheredCount = 0;
    this.gatheredSize = 0;
    if (this.root.size > 0) {
      if (this.root.depth !== this.levels.length) this.computeBest(this.root);
      this.gather(this.root, 0);
    }
    return this.view;
  }

  /** Fills node.best (the best tuple beneath it) along the best paths; node is not a leaf. */
  private computeBest(node: RankNode): void {
    const levels = this.levels;
    const leafDepth = levels.length;
    const best = node.best;
    const n = best.length;
    const level = levels[node.depth]!;
    if (level.kind === 'slot') {
      const top = node.heap![0]!;
      best[0] = top.key;
      if (n > 1) {
        this.computeBest(top);
        const below = top.best;
        for (let i = 1; i < n; i++) best[i] = below[i - 1]!;
      }
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
      if (c < minCount || (c === minCount && n > 1 && compareTuples(child.best, min.best, n - 1) < 0)) {
        min = child;
        minCount = c;
      }
    }
    best[0] = minCount;
    const below = min.best;
    for (let i = 1; i < n; i++) best[i] = below[i - 1]!;
  }

  /** Collects the leaves whose tuple equals the best (after computeBest), with their value ranks. */
  private gather(node: RankNode, v: number): void {
    const levels = this.levels;
    if (node.depth === levels.length) {
      const m = this.gatheredCount++;
      this.gathered[m] = node.slots!;
      this.gatheredSize += node.size;
      const V = this.valueLevels;
      if (V > 0) {
        if (this.gatheredKeys.length < (m + 1) * V) {
          const grown = new Int32Array(this.gatheredKeys.length * 2 + V);
          grown.set(this.gatheredKeys);
          this.gatheredKeys = grown;
        }
        this.gatheredKeys.set(this.path, m * V);
      }
      return;
    }
    const level = levels[node.depth]!;
    if (level.kind === 'slot') {
      this.gather(node.heap![0]!, v);
      return;
    }
    const counts = level.counts;
    const best = node.best;
    const active = node.active!;
    for (let i = 0; i < active.length; i++) {
      const child = active[i]!;
      if (counts[child.key] === best[0] && (best.length === 1 || compareTuples(child.best, best, best.length - 1, 0, 1) === 0)) {
        this.path[v] = level.rank[child.key]!;
        this.gather(child, v + 1);
      }
    }
  }

  /**
   * The k-th best candidate: tied leaves in the order of their value ranks (see strategies.ts),
   * each leaf's slots ascending.
   */
  private kth(k: number): number {
    const m = this.gatheredCount;
    if (m === 1) return this.gathered[0]!.kth(k);
    if (this.order.length < m) this.order = new Int32Array(m * 2);
    const order = this.order;
    for (let i = 0; i < m; i++) order[i] = i;
    // Insertion sort: ties span few leaves (a handful of AZs); no closures on this path.
    for (let i = 1; i < m; i++) {
      const x = order[i]!;
      let j = i - 1;
      while (j >= 0 && this.rankOrder(order[j]!, x) > 0) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    for (let i = 0; i < m; i++) {
      const leaf = this.gathered[order[i]!]!;
      if (k < leaf.size) return leaf.kth(k);
      k -= leaf.size;
    }
    throw new Error('TreeRanker: k is past the best candidates');
  }

  /** Order of two gathered leaves by value-rank path (tied leaves always differ in one). */
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

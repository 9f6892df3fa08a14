/**
 * The incremental ranker: eligible slots in a tree with one level per strategy of the chain.
 *
 * - Below a per-slot level (binpack, spread(instanceId)) the children are keyed by score and
 *   kept in a min-heap, so the best child is the heap top. Scores are unique among siblings,
 *   so siblings never tie.
 * - Below a per-value level (spread(attribute:x)) the children are keyed by value code; their
 *   score is the value's task count, which one placement changes for every instance holding
 *   the value — under every parent. Two ways to order them:
 *   - scanned (default): nothing is re-sorted on a placement; `best()` scans the non-empty value
 *     children of the nodes it visits and compares (count, best tuple below). Right for few
 *     values (AZs, instance types) and for values spread under many parents.
 *   - indexed (ValueIndex, value-index.ts): for the chain's last per-value level when it is the
 *     first strategy, or has at least INDEX_MIN_VALUES values (racks, hosts): children ordered
 *     in a heap with the tied ones in a Fenwick tree by value rank. A placement marks the
 *     children holding the chosen instance's value (all parents: a registry by value) for
 *     re-keying at the next visit. O(log values) a pick instead of a scan.
 *   Siblings may tie; all tied ones contribute candidates.
 * - Leaves hold the slots with identical score tuples as an order-statistic SlotSet.
 *
 * A placement moves one slot (remove, re-add with its new scores): O(depth × log siblings).
 * `best()` walks the best path; its candidates are the tied leaves (or indexed classes), listed
 * by their value ranks and then by slot (the canonical order, see strategies.ts), so the k-th
 * candidate is found segment by segment — the same slot the naive placer's k-th list entry is.
 *
 * Cost outliers (still exact): a chain with two or more per-value levels with thousands of
 * values each, where all but the last are scanned.
 */
import { compareTuples, type BestSet, type Ranker } from './ranking.js';
import { SlotSet, SlotSpace } from './slot-set.js';
import type { Level, ValueLevel } from './strategies.js';
import { ValueIndex } from './value-index.js';

const NO_BEST = new Float64Array(0);

class RankNode {
  size = 0;
  /** index in the parent's heap (per-slot parent), active list (per-value parent) or ValueIndex heap */
  index = -1;
  /** ValueIndex bookkeeping (children of an indexed root) */
  classPos = -1;
  dirty = false;
  /** per-slot level below: children by score, and a min-heap of them by key */
  byScore: Map<number, RankNode> | null = null;
  heap: RankNode[] | null = null;
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

/** A per-value level that is not the first is indexed from this many distinct values on. */
export const INDEX_MIN_VALUES = 128;

/** Candidates of one best(): a leaf's slots or an indexed node's tied class. */
interface Segment {
  readonly size: number;
  kth(k: number): number;
}

export class TreeRanker implements Ranker {
  private readonly space: SlotSpace;
  private readonly root: RankNode;
  private readonly leafOf: (RankNode | undefined)[];
  /** Emptied children of per-slot nodes, by depth, for reuse (binpack makes one per placement). */
  private readonly spare: RankNode[][];
  /** number of per-value levels: the length of a segment's value-rank path */
  private readonly valueLevels: number;
  /** the indexed per-value level (-1: none), and its children by value code (all parents) */
  private readonly indexedDepth: number;
  private readonly registry: RankNode[][] = [];

  // The tied segments of the last best(): their candidates and value-rank paths.
  private gathered: Segment[] = [];
  private gatheredKeys = new Int32Array(64);
  private gatheredCount = 0;
  private gatheredSize = 0;
  private readonly path: Int32Array;
  private order = new Int32Array(16);
  private readonly view: BestSet;

  /** `indexMinValues`: tests lower it to index small levels too. */
  constructor(private readonly levels: readonly Level[], slots: number, indexMinValues = INDEX_MIN_VALUES) {
    this.space = new SlotSpace(slots);
    this.valueLevels = levels.filter((l) => l.kind === 'value').length;
    let last = -1;
    levels.forEach((l, d) => {
      if (l.kind === 'value') last = d;
    });
    const lastLevel = levels[last];
    this.indexedDepth = lastLevel !== undefined && lastLevel.kind === 'value' && (last === 0 || lastLevel.counts.length >= indexMinValues) ? last : -1;
    this.root = this.newNode(null, 0, 0);
    this.leafOf = new Array<RankNode | undefined>(slots);
    this.spare = levels.map(() => []);
    this.spare.push([]);
    this.path = new Int32Array(this.valueLevels);
    const self = this;
    this.view = {
      get size() {
        return self.gatheredSize;
      },
      kth: (k) => self.kth(k),
    };
  }

  private newNode(parent: RankNode | null, key: number, depth: number): RankNode {
    const node = new RankNode(parent, key, depth, this.levels, this.space);
    if (depth === this.indexedDepth) {
      node.vindex = new ValueIndex<RankNode>(this.levels[depth] as ValueLevel, this.levels.length - depth - 1, (child) => this.computeBest(child), (child) => this.bestLeaf(child));
    }
    if (depth === this.indexedDepth + 1 && this.indexedDepth >= 0) (this.registry[key] ??= []).push(node);
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
          heapPush(node.heap!, child);
        }
      } else {
        const key = level.code(slot);
        child = node.byCode![key];
        if (child === undefined) node.byCode![key] = child = this.newNode(node, key, d + 1);
        if (node.vindex === null && child.size === 0) {
          child.index = node.active!.length;
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
    this.touchValue(slot);
  }

  /**
   * The slot's value at the indexed level changed count or membership: every child holding
   * that value, under every parent, is re-keyed at its parent's next visit.
   */
  private touchValue(slot: number): void {
    if (this.indexedDepth < 0) return;
    const children = this.registry[(this.levels[this.indexedDepth] as ValueLevel).code(slot)];
    if (children === undefined) return;
    for (let i = 0; i < children.length; i++) children[i]!.parent!.vindex!.touch(children[i]!);
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
    if (node.vindex !== null) {
      node.vindex.update();
      best[0] = node.vindex.classCount;
      const below = node.vindex.classBest;
      for (let i = 1; i < n; i++) best[i] = below[i - 1]!;
      return;
    }
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

  /** Collects the segments whose tuple equals the best (after computeBest), with their value ranks. */
  private gather(node: RankNode, v: number): void {
    const levels = this.levels;
    if (node.depth === levels.length) {
      this.push(node.slots!, v);
      return;
    }
    if (node.vindex !== null) {
      this.push(node.vindex, v);
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

  /** Adds a segment whose value ranks are path[0..v); the rest of its path is zero. */
  private push(segment: Segment, v: number): void {
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
    for (let j = 0; j < V; j++) keys[m * V + j] = j < v ? this.path[j]! : 0;
  }

  /**
   * The k-th best candidate: tied segments in the order of their value ranks (see
   * strategies.ts), each segment's candidates in its own canonical order.
   */
  private kth(k: number): number {
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
    for (let i = 0; i < m; i++) {
      const segment = this.gathered[order[i]!]!;
      if (k < segment.size) return segment.kth(k);
      k -= segment.size;
    }
    throw new Error('TreeRanker: k is past the best candidates');
  }

  /** The leaf of a node's best candidates when only per-slot levels lie beneath it. */
  private bestLeaf(node: RankNode): SlotSet {
    const leafDepth = this.levels.length;
    while (node.depth !== leafDepth) node = node.heap![0]!;
    return node.slots!;
  }

  private readonly byRank = (a: number, b: number): number => this.rankOrder(a, b);

  /** Order of two gathered segments by value-rank path (tied segments always differ in one). */
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

/**
 * The value children of one node at an indexed per-value level, kept in order so that an
 * attribute with thousands of values (racks, hosts) costs O(log values) per pick instead of a
 * scan (see rank-tree.ts for when a level is indexed).
 *
 * A child's key is (tasks of the group on its value, the best score tuple beneath it), with the
 * count at its chain position among the levels beneath (`pos`). Beneath lie per-slot levels and
 * possibly further indexed per-value levels, so a key changes only when the child's value's
 * count does or something in its subtree does — a placement changes one value per level. The
 * ranker marks those children and their indexed ancestors (`touch`) and each index re-keys its
 * marked children at its next visit (`update`). Keys are kept in
 * a min-heap; the children tied at the minimum (the "class") are listed by value rank with a
 * Fenwick tree over their candidate counts, so the k-th candidate is a tree descent.
 *
 * Within a call a touched child's key grows (its count went up), so it leaves the class; the
 * class is rebuilt only once it is empty, from the heap's top entries. Each rebuild costs the
 * size of the new class, and every member joined it through a re-key or the initial build, so
 * the cost is amortised over placements. A child whose key shrank or now equals the class key
 * forces a rebuild too (exactness does not rely on growth).
 */
import { IndexedHeap } from '../collections/indexed-heap.js';
import { compareComposed } from './ranking.js';
import type { ValueLevel } from './strategies/level.js';

/** Candidates in a canonical order: a leaf's SlotSet, or an index's tied class. */
export interface TiedSet {
  readonly size: number;
  /** The k-th candidate (0 ≤ k < size). */
  kth(k: number): number;
}

/** What the index asks of the tree it sits in (the TreeRanker: methods, not closures made per call). */
export interface ValueIndexOwner<C> {
  /** Recomputes child.best. */
  refreshChild(child: C): void;
  /** The child's best candidates: the leaf at the end of its best path, or its own index's class. */
  tiedSetOf(child: C): TiedSet;
}

/** What the index needs of a child (a RankNode). */
export interface ValueChild {
  /** the value code */
  readonly key: number;
  /** eligible slots beneath */
  readonly size: number;
  /** the best score tuple beneath (levels 1..L-1), once refreshed */
  readonly best: Float64Array;
  /** position in the index's heap, -1 if absent */
  heapIndex: number;
  /** position in the class, -1 if not a member */
  classPos: number;
  dirty: boolean;
}

export class ValueIndex<C extends ValueChild> {
  private readonly heap: IndexedHeap<C>;
  private readonly dirty: C[] = [];
  /** the class, by value rank: members[0..memberCount) */
  private readonly members: C[] = [];
  private memberCount = 0;
  /** Fenwick tree (1-based) over the members' candidate counts, and the counts themselves */
  private fenwick = new Float64Array(17);
  private weights = new Float64Array(16);
  private stack = new Int32Array(64);
  private classWeight = 0;
  private classValid = false;
  /** The class key (after update): the members' count, and their best tuple beneath. */
  readonly classBest: Float64Array;
  classCount = 0;

  constructor(
    private readonly level: ValueLevel,
    /** length of a child's best tuple */
    private readonly below: number,
    /** where the count goes among the scores beneath (chain order) */
    private readonly pos: number,
    private readonly owner: ValueIndexOwner<C>,
  ) {
    this.classBest = new Float64Array(below);
    const counts = level.counts;
    this.heap = new IndexedHeap<C>((a, b) => compareComposed(counts[a.key]!, a.best, counts[b.key]!, b.best, pos, below));
  }

  /** The child's count or subtree changed (or it emptied, or it is new); false if already marked. */
  touch(child: C): boolean {
    if (child.dirty) return false;
    child.dirty = true;
    this.dirty.push(child);
    return true;
  }

  /** Candidates in the class (after update). */
  get size(): number {
    return this.classWeight;
  }

  /** Brings the order up to date; returns the number of best candidates. */
  update(): number {
    const dirty = this.dirty;
    for (let i = 0; i < dirty.length; i++) this.rekey(dirty[i]!);
    dirty.length = 0;
    if (!this.classValid || this.classWeight === 0) this.rebuild();
    return this.classWeight;
  }

  /** The k-th best candidate: members by value rank, each member's candidates in their order. */
  kth(k: number): number {
    const tree = this.fenwick;
    const n = this.memberCount;
    let pos = 0;
    let step = 1;
    while (step * 2 <= n) step *= 2;
    // Descend: the largest pos whose prefix sum is ≤ k; member pos (0-based) holds the k-th.
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && tree[next]! <= k) {
        pos = next;
        k -= tree[next]!;
      }
    }
    return this.owner.tiedSetOf(this.members[pos]!).kth(k);
  }

  /** Candidates of the members whose value ranks below `rank` (after update). */
  countBelowRank(rank: number): number {
    const p = this.membersBelowRank(rank);
    let sum = 0;
    for (let i = p; i > 0; i -= i & -i) sum += this.fenwick[i]!;
    return sum;
  }

  /** The best candidates of the member whose value has rank `rank`, or null if none has (after update). */
  setAtRank(rank: number): TiedSet | null {
    const p = this.membersBelowRank(rank);
    if (p === this.memberCount) return null;
    const m = this.members[p]!;
    return this.level.rank[m.key] === rank ? this.owner.tiedSetOf(m) : null;
  }

  /** How many members have a value ranked below `rank` (members are by rank). */
  private membersBelowRank(rank: number): number {
    const ranks = this.level.rank;
    let lo = 0;
    let hi = this.memberCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranks[this.members[mid]!.key]! < rank) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rekey(child: C): void {
    child.dirty = false;
    if (child.size === 0) {
      if (child.heapIndex >= 0) this.heap.remove(child);
      if (child.classPos >= 0) this.leaveClass(child);
      return;
    }
    if (this.below > 0) this.owner.refreshChild(child);
    if (child.heapIndex < 0) this.heap.push(child);
    else this.heap.update(child);
    if (!this.classValid) return;
    const c = this.compareToClass(child);
    if (child.classPos >= 0) {
      if (c === 0) this.addWeight(child.classPos, this.owner.tiedSetOf(child).size - this.weightAt(child.classPos));
      else {
        this.leaveClass(child);
        if (c < 0) this.classValid = false;
      }
    } else if (c <= 0) this.classValid = false;
  }

  private compareToClass(child: C): number {
    return compareComposed(this.level.counts[child.key]!, child.best, this.classCount, this.classBest, this.pos, this.below);
  }

  private leaveClass(child: C): void {
    this.addWeight(child.classPos, -this.weightAt(child.classPos));
    child.classPos = -1;
  }

  /** The members tied with the heap top, by value rank. Buffers are reused: no closures here. */
  private rebuild(): void {
    const members = this.members;
    for (let i = 0; i < this.memberCount; i++) members[i]!.classPos = -1;
    this.memberCount = 0;
    this.classValid = true;
    this.classWeight = 0;
    const heap = this.heap.items;
    if (heap.length === 0) return;
    const top = heap[0]!;
    this.classCount = this.level.counts[top.key]!;
    for (let i = 0; i < this.below; i++) this.classBest[i] = top.best[i]!;
    // Heap order: an entry equal to the top has only ancestors equal to the top.
    let n = 0;
    let sp = 0;
    this.stack[sp++] = 0;
    while (sp > 0) {
      const i = this.stack[--sp]!;
      if (i >= heap.length || this.compareToClass(heap[i]!) !== 0) continue;
      members[n++] = heap[i]!;
      if (sp + 2 > this.stack.length) {
        const grown = new Int32Array(this.stack.length * 2);
        grown.set(this.stack);
        this.stack = grown;
      }
      this.stack[sp++] = 2 * i + 1;
      this.stack[sp++] = 2 * i + 2;
    }
    this.memberCount = n;
    const rank = this.level.rank;
    // Insertion sort by value rank (classes are usually small: a few AZs), else a full sort.
    if (n <= 16) {
      for (let i = 1; i < n; i++) {
        const x = members[i]!;
        const r = rank[x.key]!;
        let j = i - 1;
        while (j >= 0 && rank[members[j]!.key]! > r) {
          members[j + 1] = members[j]!;
          j--;
        }
        members[j + 1] = x;
      }
    } else {
      const sorted = members.slice(0, n).sort(this.byRank);
      for (let i = 0; i < n; i++) members[i] = sorted[i]!;
    }
    if (this.fenwick.length < n + 1) {
      this.fenwick = new Float64Array(2 * n + 1);
      this.weights = new Float64Array(2 * n);
    }
    const tree = this.fenwick;
    const weights = this.weights;
    tree.fill(0, 0, n + 1);
    for (let i = 1; i <= n; i++) {
      const m = members[i - 1]!;
      m.classPos = i - 1;
      const w = this.owner.tiedSetOf(m).size;
      weights[i - 1] = w;
      this.classWeight += w;
      tree[i]! += w;
      const j = i + (i & -i);
      if (j <= n) tree[j]! += tree[i]!;
    }
  }

  private readonly byRank = (a: C, b: C): number => this.level.rank[a.key]! - this.level.rank[b.key]!;

  private weightAt(pos: number): number {
    return this.weights[pos]!;
  }

  private addWeight(pos: number, delta: number): void {
    if (delta === 0) return;
    const tree = this.fenwick;
    const n = this.memberCount;
    for (let i = pos + 1; i <= n; i += i & -i) tree[i]! += delta;
    this.weights[pos]! += delta;
    this.classWeight += delta;
  }
}

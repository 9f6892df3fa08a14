/**
 * An indexed binary min-heap: every item knows its position (`heapIndex`), so an item can be
 * removed or re-keyed in O(log n) without a search. mnemonist's `Heap` keeps no positions (it
 * can pop, not remove a given item), which the placement ranker needs on every pick: the
 * chosen instance's node leaves its parent's heap, and a value whose task count changed moves.
 *
 * The order is the comparator's; equal items may come out in any order. The comparator is
 * given once, at construction (a function shared by every heap of its kind, not a closure per
 * call), and is called on the hot path: keep it small.
 *
 * @example
 * const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
 * const heap = new IndexedHeap(byKey);
 * const a = { key: 5, heapIndex: -1 }, b = { key: 2, heapIndex: -1 };
 * heap.push(a); heap.push(b);
 * heap.peek();        // b
 * a.key = 1; heap.update(a);
 * heap.peek();        // a
 * heap.remove(a);     // a.heapIndex === -1
 */

/** What an item of an IndexedHeap carries: its position, -1 while it is not in a heap. */
export interface HeapItem {
  heapIndex: number;
}

export class IndexedHeap<T extends HeapItem> {
  /** The items in heap order (items[0] is the least); read-only for callers. */
  readonly items: T[] = [];

  /** `compare(a, b) < 0` when `a` comes before `b`. */
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  /** The least item (undefined when empty). */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item that is in no heap. */
  push(item: T): void {
    const items = this.items;
    items.push(item);
    this.siftUp(items.length - 1, item);
  }

  /** Removes an item of this heap; its heapIndex becomes -1. */
  remove(item: T): void {
    const items = this.items;
    const i = item.heapIndex;
    const last = items.pop()!;
    item.heapIndex = -1;
    if (last === item) return;
    this.siftUp(i, last);
    this.siftDown(last.heapIndex, last);
  }

  /** Restores the order after the item's key changed (either way). */
  update(item: T): void {
    this.siftUp(item.heapIndex, item);
    this.siftDown(item.heapIndex, item);
  }

  /** Moves `item`, to be placed at `i` or above, up to where it belongs. */
  private siftUp(i: number, item: T): void {
    const items = this.items;
    const compare = this.compare;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = items[p]!;
      if (compare(parent, item) <= 0) break;
      items[i] = parent;
      parent.heapIndex = i;
      i = p;
    }
    items[i] = item;
    item.heapIndex = i;
  }

  /** Moves `item`, at `i`, down to where it belongs. */
  private siftDown(i: number, item: T): void {
    const items = this.items;
    const compare = this.compare;
    const n = items.length;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && compare(items[c + 1]!, items[c]!) < 0) c++;
      const child = items[c]!;
      if (compare(child, item) >= 0) break;
      items[i] = child;
      child.heapIndex = i;
      i = c;
    }
    items[i] = item;
    item.heapIndex = i;
  }
}

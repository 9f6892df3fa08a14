// IndexedHeap against a plain-array model: random pushes, removals of any item and re-keyings
// (up and down). After every step: the least item is the model's least, every item's heapIndex
// is its position, the heap property holds, and items out of the heap have heapIndex -1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '../../src/collections/indexed-heap.js';

interface Item {
  id: number;
  key: number;
  heapIndex: number;
}

type Op = { op: 'push'; key: number } | { op: 'remove'; pick: number } | { op: 'rekey'; pick: number; key: number };

const byKey = (a: Item, b: Item) => a.key - b.key;

function checkHeap(heap: IndexedHeap<Item>, model: Set<Item>, all: readonly Item[]): void {
  const items = heap.items;
  expect(heap.size).toBe(model.size);
  items.forEach((item, i) => {
    expect(item.heapIndex).toBe(i);
    if (i > 0) expect(items[(i - 1) >> 1]!.key).toBeLessThanOrEqual(item.key);
  });
  for (const item of all) if (!model.has(item)) expect(item.heapIndex).toBe(-1);
  const least = Math.min(...[...model].map((i) => i.key));
  if (model.size === 0) expect(heap.peek()).toBeUndefined();
  else expect(heap.peek()!.key).toBe(least);
}

describe('IndexedHeap', () => {
  it('keeps the least item on top and every item at its recorded position, like a model', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant('push' as const), key: fc.integer({ min: -20, max: 20 }) }), weight: 3 },
      { arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }), weight: 2 },
      { arbitrary: fc.record({ op: fc.constant('rekey' as const), pick: fc.nat(), key: fc.integer({ min: -20, max: 20 }) }), weight: 2 },
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
      const heap = new IndexedHeap<Item>(byKey);
      const model = new Set<Item>();
      const all: Item[] = [];
      for (const o of ops) {
        if (o.op === 'push') {
          const item = { id: all.length, key: o.key, heapIndex: -1 };
          all.push(item);
          model.add(item);
          heap.push(item);
        } else if (model.size > 0) {
          const item = [...model][o.pick % model.size]!;
          if (o.op === 'remove') {
            model.delete(item);
            heap.remove(item);
          } else {
            item.key = o.key;
            heap.update(item);
          }
        }
        checkHeap(heap, model, all);
      }
      // Draining by repeated removal of the top gives the keys in ascending order.
      const drained: number[] = [];
      while (heap.size > 0) {
        const top = heap.peek()!;
        drained.push(top.key);
        heap.remove(top);
      }
      expect(drained).toEqual([...model].map((i) => i.key).sort((a, b) => a - b));
    }), { seed: 1616, numRuns: 300 });
  });

  it('orders by the comparator it was given', () => {
    const heap = new IndexedHeap<Item>((a, b) => b.key - a.key || a.id - b.id);
    const items = [3, 9, 1, 9].map((key, id) => ({ id, key, heapIndex: -1 }));
    for (const item of items) heap.push(item);
    expect(heap.peek()).toBe(items[1]);
    heap.remove(items[1]!);
    expect(heap.peek()).toBe(items[3]);
    items[2]!.key = 100;
    heap.update(items[2]!);
    expect(heap.peek()).toBe(items[2]);
  });
});

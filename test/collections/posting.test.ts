import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingList, SlotPostingList } from '../../src/collections/posting.js';

type Op = { add: boolean; slot: number };
const ops = fc.array(fc.record({ add: fc.boolean(), slot: fc.nat(60) }), { maxLength: 120 });

describe('PostingList', () => {
  it('add returns the index; removeAt swaps the last entry in and says which slot moved', () => {
    const list = new PostingList(1);
    expect([5, 7, 9].map((s) => list.add(s))).toEqual([0, 1, 2]);
    expect(list.removeAt(0)).toBe(9);
    expect([...list.slots.subarray(0, list.length)]).toEqual([9, 7]);
    expect(list.removeAt(1)).toBe(-1);
    expect(list.length).toBe(1);
  });

  it('stays marked sorted while slots ascend, and sortedSlots reports every new index', () => {
    const list = new PostingList();
    for (const s of [1, 4, 6]) list.add(s);
    expect(list.sorted).toBe(true);
    list.add(2);
    expect(list.sorted).toBe(false);
    const moved = new Map<number, number>();
    expect([...list.sortedSlots((slot, index) => moved.set(slot, index))]).toEqual([1, 2, 4, 6]);
    expect([...moved]).toEqual([[1, 0], [2, 1], [4, 2], [6, 3]]);
  });

  it('clone is independent', () => {
    const list = new PostingList();
    list.add(3);
    const copy = list.clone();
    copy.add(1);
    expect(list.length).toBe(1);
    expect([...copy.slots.subarray(0, copy.length)]).toEqual([3, 1]);
  });
});

describe('SlotPostingList', () => {
  it('holds the same slots as a Set under any adds and removes, and ascending() sorts them', () => {
    fc.assert(
      fc.property(ops, (steps: Op[]) => {
        const list = new SlotPostingList();
        const model = new Set<number>();
        for (const { add, slot } of steps) {
          if (add && !model.has(slot)) {
            list.addSlot(slot);
            model.add(slot);
          } else if (!add && model.has(slot)) {
            list.removeSlot(slot);
            model.delete(slot);
          }
          if (slot % 7 === 0) expect([...list.ascending()]).toEqual([...model].sort((a, b) => a - b));
        }
        expect(list.length).toBe(model.size);
        expect([...list.clone().ascending()]).toEqual([...model].sort((a, b) => a - b));
      }),
      { seed: 3 },
    );
  });
});

// SlotSet against a sorted-array model: random adds and deletes across the list/bitset switch
// (both ways), k-th queries, ascending iteration and copies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotSet, SlotSpace } from '../../src/collections/slot-set.js';

type Op = { op: 'add'; set: number; slot: number } | { op: 'delete'; set: number; pick: number } | { op: 'burst'; set: number; from: number; n: number } | { op: 'drain'; set: number; n: number };

describe('SlotSet', () => {
  it('answers k-th like a sorted array', () => {
    // Nine superblocks of 8192 slots, the last one partial.
    const universe = 70_000;
    let sawBitset = false;
    let sawListAgain = false;
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('add' as const), set: fc.nat(2), slot: fc.nat(universe - 1) }),
      fc.record({ op: fc.constant('delete' as const), set: fc.nat(2), pick: fc.nat() }),
      // many adds at once, to cross into the bitset form and back
      // (the switch is at smallMax members: 288 for this universe, an eighth of its bitset words)
      fc.record({ op: fc.constant('burst' as const), set: fc.nat(2), from: fc.nat(universe - 1), n: fc.integer({ min: 1, max: 400 }) }),
      // many deletes at once, to fall back from the bitset form to a list
      fc.record({ op: fc.constant('drain' as const), set: fc.nat(2), n: fc.integer({ min: 1, max: 400 }) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const space = new SlotSpace(universe);
      const sets = [0, 1, 2].map(() => new SlotSet(space));
      const models: number[][] = [[], [], []];
      const owner = new Int8Array(universe).fill(-1);
      const add = (set: number, slot: number) => {
        if (owner[slot] !== -1) return;
        owner[slot] = set;
        sets[set]!.add(slot);
        models[set]!.push(slot);
      };
      for (const o of ops) {
        if (o.op === 'add') add(o.set, o.slot);
        else if (o.op === 'burst') for (let i = 0; i < o.n; i++) add(o.set, (o.from + i * 397) % universe);
        else if (o.op === 'drain') {
          const model = models[o.set]!;
          for (let i = 0; i < o.n && model.length > 0; i++) {
            const slot = model.splice((i * 31) % model.length, 1)[0]!;
            owner[slot] = -1;
            const wasBitset = sets[o.set]!.isBitset;
            sets[o.set]!.delete(slot);
            if (wasBitset && !sets[o.set]!.isBitset) sawListAgain = true;
          }
        }
        else {
          const model = models[o.set]!;
          if (model.length === 0) continue;
          const [slot] = model.splice(o.pick % model.length, 1);
          owner[slot!] = -1;
          sets[o.set]!.delete(slot!);
        }
        for (let s = 0; s < 3; s++) {
          const sorted = [...models[s]!].sort((a, b) => a - b);
          expect(sets[s]!.size).toBe(sorted.length);
          if (sets[s]!.isBitset) sawBitset = true;
          for (let k = 0; k < sorted.length; k += Math.max(1, sorted.length >> 3)) expect(sets[s]!.kth(k)).toBe(sorted[k]);
          const seen: number[] = [];
          sets[s]!.forEach((slot) => seen.push(slot));
          expect(seen).toEqual(sorted);
          const copied = new Int32Array(sorted.length + 2).fill(-7);
          expect(sets[s]!.copyTo(copied, 1)).toBe(sorted.length + 1);
          expect([...copied]).toEqual([-7, ...sorted, -7]);
        }
      }
    }), { seed: 20261127, numRuns: 150 });
    expect(new SlotSpace(universe).smallMax).toBe(288);
    expect(new SlotSpace(5_000).smallMax).toBe(64);
    expect(sawBitset).toBe(true);
    expect(sawListAgain).toBe(true);
  });
});

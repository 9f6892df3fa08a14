import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { and, andNot, clearBit, collect, hasBit, or, popcount, setBit, wordsFor } from '../../src/collections/bits.js';

const CAPACITY = 200;
const slotSet = fc.uniqueArray(fc.nat(CAPACITY - 1), { maxLength: 80 });

function bitsOf(slots: readonly number[]): Uint32Array {
  const bits = new Uint32Array(wordsFor(CAPACITY));
  for (const s of slots) setBit(bits, s);
  return bits;
}

function slotsOf(bits: Uint32Array): number[] {
  const out = new Int32Array(CAPACITY);
  return [...out.subarray(0, collect(bits, out))];
}

const sorted = (xs: Iterable<number>): number[] => [...xs].sort((x, y) => x - y);

describe('bits', () => {
  it('wordsFor rounds up to whole 32-bit words', () => {
    expect([0, 1, 32, 33, 64].map(wordsFor)).toEqual([0, 1, 1, 2, 2]);
  });

  it('set, clear and has agree with a Set of slots, including bit 31 of a word', () => {
    fc.assert(
      fc.property(slotSet, slotSet, (added, removed) => {
        const bits = bitsOf([...added, 31, 63]);
        for (const s of removed) clearBit(bits, s);
        const model = new Set([...added, 31, 63]);
        for (const s of removed) model.delete(s);
        for (let s = 0; s < CAPACITY; s++) expect(hasBit(bits, s)).toBe(model.has(s));
        expect(popcount(bits)).toBe(model.size);
        expect(slotsOf(bits)).toEqual(sorted(model));
      }),
      { seed: 1 },
    );
  });

  it('and, or, andNot are set intersection, union and difference (out may alias an input)', () => {
    fc.assert(
      fc.property(slotSet, slotSet, (a, b) => {
        const A = new Set(a);
        const B = new Set(b);
        const out = new Uint32Array(wordsFor(CAPACITY));
        expect(slotsOf(and(out, bitsOf(a), bitsOf(b)))).toEqual(sorted(a.filter((s) => B.has(s))));
        expect(slotsOf(or(out, bitsOf(a), bitsOf(b)))).toEqual(sorted(new Set([...a, ...b])));
        expect(slotsOf(andNot(out, bitsOf(a), bitsOf(b)))).toEqual(sorted(a.filter((s) => !B.has(s))));
        const aliased = bitsOf(a);
        expect(slotsOf(and(aliased, aliased, bitsOf(b)))).toEqual(sorted(b.filter((s) => A.has(s))));
      }),
      { seed: 2 },
    );
  });

  it('collect appends after `start`', () => {
    const out = new Int32Array(8).fill(-1);
    expect(collect(bitsOf([3, 40]), out, 2)).toBe(4);
    expect([...out.subarray(0, 4)]).toEqual([-1, -1, 3, 40]);
  });
});

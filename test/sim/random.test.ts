// SeededRandom.hex (built from a byte table) against the digits of next() it stands for: the same
// seed must keep giving the same ids as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/sim/random.js';

/** The reference: eight hex digits of each draw, `Math.floor(next() * 2 ** 32)`, cut to n. */
function referenceHex(random: SeededRandom, n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(random.next() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, n);
}

describe('SeededRandom.hex', () => {
  it('gives the hex digits of the draws next() makes, and leaves the same state', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }), (seed, lengths) => {
        const a = new SeededRandom(seed);
        const b = new SeededRandom(seed);
        for (const n of lengths) {
          expect(a.hex(n)).toBe(referenceHex(b, n));
          expect(a.state).toBe(b.state);
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('makes long runs of digits too (in pieces: fromCharCode takes its codes as arguments), the same as the reference', () => {
    for (const n of [4095, 4096, 4097, 8200, 250_000]) {
      const a = new SeededRandom(7);
      const b = new SeededRandom(7);
      expect(a.hex(n)).toBe(referenceHex(b, n));
      expect(a.state).toBe(b.state);
    }
    expect(new SeededRandom(7).hex(2.9)).toBe(referenceHex(new SeededRandom(7), 2));
  });

  it('keeps the ids a seed gave before (32 digits, a uuid, 5 digits from seed 42)', () => {
    const r = new SeededRandom(42);
    expect([r.hex(32), r.uuid(), r.hex(5)]).toEqual(['99e1ef7c72c32b8ada3b32c0ab73b0ad', '2cc09a8a-86ce-44d3-b5f2-45149fef4401', '78e9c']);
  });
});

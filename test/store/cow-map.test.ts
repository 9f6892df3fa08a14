import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CowMap } from '../../src/store/cow-map.js';

type Op =
  | { op: 'set'; side: number; key: number; value: number }
  | { op: 'delete'; side: number; key: number }
  | { op: 'mutate'; side: number; key: number }
  | { op: 'fork'; side: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), side: fc.nat(3), key: fc.nat(12), value: fc.nat(99) }),
  fc.record({ op: fc.constant('delete' as const), side: fc.nat(3), key: fc.nat(12) }),
  fc.record({ op: fc.constant('mutate' as const), side: fc.nat(3), key: fc.nat(12) }),
  fc.record({ op: fc.constant('fork' as const), side: fc.nat(3) }),
);

interface Box {
  n: number;
}

describe('CowMap', () => {
  it('behaves as independent Maps of independent values, whatever the forks', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        // Each side: the CowMap under test and a model Map of plain numbers.
        const sides: { cow: CowMap<number, Box>; model: Map<number, number> }[] = [{ cow: new CowMap([], (b) => ({ ...b })), model: new Map() }];
        for (const o of ops) {
          const side = sides[o.side % sides.length]!;
          if (o.op === 'set') {
            side.cow.set(o.key, { n: o.value });
            side.model.set(o.key, o.value);
          } else if (o.op === 'delete') {
            expect(side.cow.delete(o.key)).toBe(side.model.delete(o.key));
          } else if (o.op === 'mutate') {
            const box = side.cow.get(o.key);
            if (box !== undefined) {
              box.n++;
              side.model.set(o.key, side.model.get(o.key)! + 1);
            }
          } else {
            sides.push({ cow: side.cow.fork(), model: new Map(side.model) });
          }
          for (const s of sides) {
            expect([...s.cow].map(([k, b]) => [k, b.n])).toEqual([...s.model]);
            expect(s.cow.size).toBe(s.model.size);
            for (let k = 0; k < 13; k++) {
              expect(s.cow.has(k)).toBe(s.model.has(k));
              expect(s.cow.peek(k)?.n).toBe(s.model.get(k));
            }
          }
        }
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  it('get copies a shared value once; peek never copies', () => {
    const a = new CowMap<string, Box>([['x', { n: 1 }]], (b) => ({ ...b }));
    const b = a.fork();
    const shared = a.peek('x');
    expect(b.peek('x')).toBe(shared);
    const mine = b.get('x')!;
    expect(mine).not.toBe(shared);
    expect(b.get('x')).toBe(mine);
    mine.n = 2;
    expect(a.get('x')!.n).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CowMap } from '../../src/collections/cow-map.js';
import { Journal } from '../../src/collections/journal.js';

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

/** The entries `forEach` visits, as [key, n] (it must visit what iteration does, in order). */
function eachOf(map: CowMap<number, Box>): [number, number][] {
  const out: [number, number][] = [];
  map.forEach((b, k) => out.push([k, b.n]));
  return out;
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
            expect(eachOf(s.cow)).toEqual([...s.model]);
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

type TxOp = Op | { op: 'begin' } | { op: 'commit' } | { op: 'rollback' };

const txOp: fc.Arbitrary<TxOp> = fc.oneof(
  { arbitrary: op, weight: 6 },
  { arbitrary: fc.constant({ op: 'begin' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'commit' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'rollback' as const }), weight: 1 },
);

describe('CowMap under a journal', () => {
  it('a rollback restores contents, order and values changed in place; forks made meanwhile keep theirs', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { maxLength: 8 }), fc.array(txOp, { minLength: 20, maxLength: 80 }), (initial, ops) => {
        const journal = new Journal();
        const first = new CowMap<number, Box>(initial.map((k) => [k, { n: k }]), (b) => ({ ...b }));
        first.useJournal(journal);
        // Side 0 is journaled; forks are plain sides. Models: the Map each side must equal.
        const sides: { cow: CowMap<number, Box>; model: Map<number, number> }[] = [{ cow: first, model: new Map(initial.map((k) => [k, k])) }];
        const saved: Map<number, number>[] = [];
        for (const o of ops) {
          const side = o.op === 'begin' || o.op === 'commit' || o.op === 'rollback' ? sides[0]! : sides[o.side % sides.length]!;
          if (o.op === 'begin') {
            journal.begin();
            saved.push(new Map(side.model));
          } else if (o.op === 'commit') {
            if (journal.depth === 0) continue;
            journal.commit();
            saved.pop();
          } else if (o.op === 'rollback') {
            if (journal.depth === 0) continue;
            journal.rollback();
            side.model = saved.pop()!;
          } else if (o.op === 'set') {
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
            expect([...s.cow.keys()]).toEqual([...s.model.keys()]);
            expect(eachOf(s.cow)).toEqual([...s.model]);
            expect(s.cow.size).toBe(s.model.size);
            for (let k = 0; k < 13; k++) expect(s.cow.peek(k)?.n).toBe(s.model.get(k));
          }
        }
        while (journal.depth > 0) journal.commit();
        expect([...first].map(([k, b]) => [k, b.n])).toEqual([...sides[0]!.model]);
      }),
      { seed: 12, numRuns: 600 },
    );
  });

  it('get hands out a copy once per transaction, and the old object comes back on rollback', () => {
    const journal = new Journal();
    const map = new CowMap<string, Box>([['x', { n: 1 }]], (b) => ({ ...b }));
    map.useJournal(journal);
    const before = map.peek('x')!;
    journal.begin();
    const copy = map.get('x')!;
    expect(copy).not.toBe(before);
    expect(map.get('x')).toBe(copy);
    copy.n = 5;
    journal.rollback();
    expect(map.get('x')).toBe(before);
    expect(before.n).toBe(1);
  });

  it('a key deleted in a transaction keeps its place when the transaction rolls back', () => {
    const journal = new Journal();
    const map = new CowMap<string, number>([['a', 1], ['b', 2], ['c', 3]]);
    map.useJournal(journal);
    journal.begin();
    map.delete('a');
    map.set('a', 9);
    expect([...map.keys()]).toEqual(['b', 'c', 'a']);
    journal.rollback();
    expect([...map]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    journal.atomically(() => map.delete('b'));
    expect([...map]).toEqual([['a', 1], ['c', 3]]);
    map.set('b', 4); // after the commit the tombstone is gone: 'b' goes to the end
    expect([...map.keys()]).toEqual(['a', 'c', 'b']);
  });

  it('closed, a journal changes nothing: writes are plain', () => {
    const journal = new Journal();
    const map = new CowMap<string, Box>([['x', { n: 1 }]], (b) => ({ ...b }));
    map.useJournal(journal);
    const x = map.get('x');
    expect(map.get('x')).toBe(x);
    map.delete('x');
    expect(journal.writePoints).toBe(0);
  });
});

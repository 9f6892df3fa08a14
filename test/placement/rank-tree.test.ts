// TreeRanker against a brute-force model: random chains of per-slot and per-value levels, random
// adds, removes and re-scorings (scores and counts going up or down), following the Ranker
// contract. After every step the best set — its size and every k-th slot, in the canonical
// order — must equal the model's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TreeRanker } from '../../src/placement/rank-tree.js';
import type { Level } from '../../src/placement/strategies/level.js';

type Op = { op: 'add'; slot: number } | { op: 'remove'; pick: number } | { op: 'rescore'; pick: number; scores: number[]; bump: number; readd: boolean };

const SLOTS = 300;

describe.each([
  ['default indexing', undefined],
  ['only the per-value level with the most values indexed', { most: 1, others: Infinity }],
  ['every per-value level indexed (nested indexes)', { most: 1, others: 1 }],
] as const)('TreeRanker (%s)', (_, indexMin) => {
  it('keeps the same best candidates, in the same order, as a brute-force model', () => {
    const kinds = fc.array(fc.constantFrom<'slot' | 'value'>('slot', 'value'), { minLength: 0, maxLength: 4 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant('add' as const), slot: fc.nat(SLOTS - 1) }), weight: 3 },
      { arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }), weight: 1 },
      { arbitrary: fc.record({ op: fc.constant('rescore' as const), pick: fc.nat(), scores: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }), bump: fc.integer({ min: -1, max: 2 }), readd: fc.boolean() }), weight: 4 },
    );
    // Cardinalities differ per level, so the tree reorders levels (the one with most values last
    // among the per-value ones) and indexed classes interleave with scanned values.
    const cardinalities = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 4, maxLength: 4 });
    fc.assert(fc.property(kinds, cardinalities, fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 150 }), (chain, cardinality, spread, ops) => {
      // Per-slot scores, and per value level: a code per slot and counts per code.
      const slotScores = chain.map(() => Array.from({ length: SLOTS }, (_, s) => (s * 7) % 3));
      const codes = chain.map((_, d) => Int32Array.from({ length: SLOTS }, (_, s) => (s * (d + 3)) % cardinality[d]!));
      // Initial counts: `spread` distinct levels (1: every value ties).
      const counts = chain.map((_, d) => Float64Array.from({ length: cardinality[d]! }, (_, c) => (c * (d + 5)) % spread));
      // A value's rank: reverse code order, so ranks differ from codes.
      const ranks = chain.map((_, d) => Int32Array.from({ length: cardinality[d]! }, (_, c) => cardinality[d]! - 1 - c));
      const levels: Level[] = chain.map((kind, d) => (kind === 'slot'
        ? { kind, label: `s${d}`, score: (slot: number) => slotScores[d]![slot]! }
        : { kind, label: `v${d}`, code: (slot: number) => codes[d]![slot]!, counts: counts[d]!, rank: ranks[d]! }));
      const tuple = (slot: number) => levels.map((l) => (l.kind === 'slot' ? l.score(slot) : l.counts[l.code(slot)]!));
      const ranker = new TreeRanker(levels, SLOTS, indexMin);
      const held = new Set<number>();
      const check = () => {
        expect(ranker.size).toBe(held.size);
        if (held.size === 0) return;
        const all = [...held].map((slot) => ({ slot, t: tuple(slot) }));
        const cmp = (a: number[], b: number[]) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!; return 0; };
        const min = all.reduce((m, x) => (cmp(x.t, m) < 0 ? x.t : m), all[0]!.t);
        const expected = all.filter((x) => cmp(x.t, min) === 0).map((x) => x.slot).sort((a, b) => {
          for (const l of levels) if (l.kind === 'value' && l.rank[l.code(a)] !== l.rank[l.code(b)]) return l.rank[l.code(a)]! - l.rank[l.code(b)]!;
          return a - b;
        });
        const best = ranker.best();
        expect(best.size).toBe(expected.length);
        const got: number[] = [];
        for (let k = 0; k < best.size; k++) got.push(best.kth(k));
        expect(got).toEqual(expected);
      };
      for (const o of ops) {
        if (o.op === 'add') {
          if (held.has(o.slot)) continue;
          ranker.add(o.slot);
          held.add(o.slot);
        } else {
          if (held.size === 0) continue;
          const slot = [...held][o.pick % held.size]!;
          ranker.remove(slot);
          held.delete(slot);
          if (o.op === 'rescore') {
            // While it is out: new per-slot scores, and its values' counts move (even down).
            chain.forEach((kind, d) => {
              if (kind === 'slot') slotScores[d]![slot] = o.scores[d]!;
              else counts[d]![codes[d]![slot]!]! += o.bump; // the ranker does not care about the sign
            });
            if (o.readd) {
              ranker.add(slot);
              held.add(slot);
            }
          }
        }
        check();
      }
    }), { seed: 31337, numRuns: 500 });
  });
});

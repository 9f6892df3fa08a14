// ChangeLog against a model that remembers every note: since(r) and between(r, t) are exactly the
// ids noted after revision r (up to t) while the ring still holds them and no noteAll came among
// them; null otherwise. The ring grows from its initial capacity up to its maximum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../src/collections/change-log.js';

type Op = { op: 'note'; id: number } | { op: 'all' } | { op: 'ask'; back: number; upTo: number };

describe('ChangeLog', () => {
  it('tells what changed since a revision, or that it cannot', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant('note' as const), id: fc.nat(50) }), weight: 10 },
      { arbitrary: fc.constant({ op: 'all' as const }), weight: 1 },
      { arbitrary: fc.record({ op: fc.constant('ask' as const), back: fc.nat(40), upTo: fc.nat(40) }), weight: 3 },
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 16 }), fc.array(op, { maxLength: 120 }), (initial, more, ops) => {
      const capacity = initial + more;
      const log = new ChangeLog(initial, capacity);
      // model: per revision, the id noted (null: noteAll)
      const history: (number | null)[] = [];
      for (const o of ops) {
        if (o.op === 'note') {
          log.note(o.id);
          history.push(o.id);
        } else if (o.op === 'all') {
          log.noteAll();
          history.push(null);
        } else {
          const from = Math.max(0, history.length - o.back);
          const since = history.slice(from);
          const expected = since.length > capacity || since.includes(null) ? null : since;
          const got = log.since(from);
          expect(got === null ? null : [...got]).toEqual(expected);
          const to = Math.min(history.length, from + o.upTo);
          const within = history.slice(from, to);
          const expectedWithin = history.length - from > capacity || within.includes(null) ? null : within;
          const gotWithin = log.between(from, to);
          expect(gotWithin === null ? null : [...gotWithin]).toEqual(expectedWithin);
        }
        expect(log.revision).toBe(history.length);
      }
      expect(log.since(log.revision + 1)).toBeNull();
      expect(log.capacity).toBeLessThanOrEqual(capacity);
    }), { seed: 31, numRuns: 300 });
  });
});

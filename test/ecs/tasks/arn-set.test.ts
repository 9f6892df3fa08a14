// ArnSet against a plain Set model: random adds (addNew: of an ARN not in the set), deletes and copies (each copy then changed on
// its own), in insertion order, and a copied set left as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArnSet } from '../../../src/ecs/tasks/arn-set.js';

type Op = { op: 'add' | 'addNew' | 'delete'; arn: number; on: number } | { op: 'copy'; on: number };

describe('ArnSet', () => {
  it('behaves as a Set whose copies are independent, in insertion order (iterated and by forEach)', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constantFrom('add' as const, 'addNew' as const, 'delete' as const), arn: fc.nat(20), on: fc.nat() }),
      fc.record({ op: fc.constant('copy' as const), on: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const sets: ArnSet[] = [new ArnSet()];
        const models: Set<string>[] = [new Set()];
        // A copied set never changes again (a CowMap never changes a value it shared); the live
        // ones are the copies made last.
        const live: number[] = [0];
        for (const o of ops) {
          const i = live[o.on % live.length]!;
          if (o.op === 'copy') {
            // As a CowMap forks: the shared set stays as it is, each side changes a copy of its own.
            for (let side = 0; side < 2; side++) {
              sets.push(sets[i]!.copy());
              models.push(new Set(models[i]));
            }
            live.splice(live.indexOf(i), 1, sets.length - 2, sets.length - 1);
            continue;
          }
          const arn = `t${o.arn}`;
          if (o.op === 'add') {
            sets[i]!.add(arn);
            models[i]!.add(arn);
          } else if (o.op === 'addNew') {
            // (only for an ARN the set does not hold, as a new task's)
            if (!models[i]!.has(arn)) {
              sets[i]!.addNew(arn);
              models[i]!.add(arn);
            }
          } else expect(sets[i]!.delete(arn)).toBe(models[i]!.delete(arn));
        }
        sets.forEach((s, i) => {
          expect([...s]).toEqual([...models[i]!]);
          const each: string[] = [];
          s.forEach((arn) => each.push(arn));
          expect(each).toEqual([...models[i]!]);
          expect(s.size).toBe(models[i]!.size);
          for (let k = 0; k <= 20; k++) expect(s.has(`t${k}`)).toBe(models[i]!.has(`t${k}`));
        });
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

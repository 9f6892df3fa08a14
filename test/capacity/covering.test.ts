// The covering solver against brute force on small random programs: the bound never exceeds the
// integer optimum, the solution is feasible and costs at least the bound, and an exact answer is
// the optimum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveCovering, solveRelaxation, type CoveringRow } from '../../src/capacity/covering.js';

function bruteForce(cost: number[], rows: CoveringRow[], limit: number): number {
  let best = Infinity;
  const x = new Array<number>(cost.length).fill(0);
  const walk = (k: number): void => {
    if (k === cost.length) {
      if (rows.every((r) => [...r.coef].reduce((s, [i, a]) => s + a * x[i]!, 0) >= r.b - 1e-9)) best = Math.min(best, x.reduce((s, v, i) => s + v * cost[i]!, 0));
      return;
    }
    for (let v = 0; v <= limit; v++) {
      x[k] = v;
      walk(k + 1);
    }
    x[k] = 0;
  };
  walk(0);
  return best;
}

const program = fc.record({
  cost: fc.array(fc.integer({ min: 1, max: 40 }).map((c) => c / 10), { minLength: 1, maxLength: 3 }),
  rows: fc.array(fc.record({ coefs: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }), b: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 3 }),
}).map(({ cost, rows }) => ({
  cost,
  rows: rows.map((r) => ({ coef: new Map(cost.map((_, k) => [k, r.coefs[k]!] as [number, number]).filter(([, a]) => a > 0)), b: r.b })),
}));

describe('solveCovering', () => {
  it('bounds the integer optimum from below and returns a feasible solution costing at least the bound', () => {
    fc.assert(fc.property(program, ({ cost, rows }) => {
      const solved = solveCovering(cost, rows);
      const infeasible = rows.some((r) => r.coef.size === 0);
      if (infeasible) {
        expect(solved).toBeNull();
        return;
      }
      const best = bruteForce(cost, rows, 12);
      expect(solved).not.toBeNull();
      expect(solved!.bound).toBeLessThanOrEqual(best + 1e-6);
      expect(solved!.cost).toBeGreaterThanOrEqual(solved!.bound - 1e-6);
      for (const r of rows) expect([...r.coef].reduce((s, [i, a]) => s + a * solved!.x[i]!, 0)).toBeGreaterThanOrEqual(r.b);
      if (solved!.exact) expect(solved!.cost).toBeCloseTo(best, 6);
    }), { seed: 15, numRuns: 300 });
  });

  it('solves the relaxation: cheaper per unit wins, fractions allowed', () => {
    const lp = solveRelaxation([1, 3], [{ coef: new Map([[0, 1], [1, 4]]), b: 5 }]);
    expect(lp!.value).toBeCloseTo(3.75, 9);
    expect(lp!.x[1]).toBeCloseTo(1.25, 9);
  });

  it('keeps a bound valid when the search runs out of budget', () => {
    const cost = [1.3, 1.7, 2.9];
    const rows: CoveringRow[] = [{ coef: new Map([[0, 3], [1, 4], [2, 7]]), b: 1000 }, { coef: new Map([[0, 5], [1, 3], [2, 8]]), b: 997 }];
    const cut = solveCovering(cost, rows, { nodes: 1 })!;
    const full = solveCovering(cost, rows, { nodes: 5000, ms: 5000 })!;
    expect(cut.bound).toBeLessThanOrEqual(full.cost + 1e-9);
    expect(cut.cost).toBeGreaterThanOrEqual(full.cost - 1e-9);
  });
});

/**
 * Integer covering programs, small and dense: minimise c·x subject to A·x ≥ b, x ≥ 0 and
 * integer, with c ≥ 0 and A ≥ 0 — the shape of "which instances, at least this much capacity of
 * each kind". The lower bound of a capacity plan is such a program's optimum.
 *
 * The LP relaxation is solved through its dual (max b·y, Aᵀy ≤ c, y ≥ 0), whose origin is
 * feasible because c ≥ 0, so one phase of the tableau simplex suffices; branching bounds keep
 * that property (x_k ≥ L adds a dual variable with profit L, x_k ≤ U one with profit −U). The
 * primal solution is read off the final objective row (the reduced costs of the slacks).
 * Branch and bound is best-first with a node budget (and a time budget if asked); the bound it reports is always
 * valid (the least LP value among nodes still open), exact when the search finished.
 */
import { Heap } from 'mnemonist';

/** A constraint Σ coef[k]·x_k ≥ b over the program's variables (sparse: variable index → coefficient). */
export interface CoveringRow {
  readonly coef: ReadonlyMap<number, number>;
  readonly b: number;
}

export interface CoveringSolution {
  /** a proven lower bound on the integer optimum */
  readonly bound: number;
  /** the best integer solution found (feasible), and its cost */
  readonly x: readonly number[];
  readonly cost: number;
  /** whether `bound` is the integer optimum (the search finished) */
  readonly exact: boolean;
}

const EPS = 1e-9;

interface Bound { readonly k: number; readonly lower: boolean; readonly value: number }

/**
 * The LP relaxation's optimum (value and x), or null when infeasible. `bounds` are branching
 * bounds on single variables.
 *
 * Bland's rule keeps the simplex from cycling in exact arithmetic only; on a degenerate program
 * rounding can still make it cycle (a generated cluster's plan did). Then the costs are lowered
 * by distinct tiny fractions (at most a millionth) and the program solved again: no ties left to
 * cycle on, and lower costs give a lower optimum, so the value stays a valid lower bound.
 */
export function solveRelaxation(cost: readonly number[], rows: readonly CoveringRow[], bounds: readonly Bound[] = []): { value: number; x: number[] } | null {
  const n = cost.length;
  // Each row scaled so its largest coefficient is 1 (MiB and CPU units beside prices in dollars
  // otherwise leave the tableau badly conditioned); scaling a row leaves the primal unchanged.
  const duals: { coef: ReadonlyMap<number, number>; b: number }[] = rows.map((row) => {
    let max = 0;
    for (const a of row.coef.values()) max = Math.max(max, Math.abs(a));
    return max === 0 ? row : { coef: new Map([...row.coef].map(([k, a]) => [k, a / max])), b: row.b / max };
  });
  for (const bd of bounds) duals.push({ coef: new Map([[bd.k, bd.lower ? 1 : -1]]), b: bd.lower ? bd.value : -bd.value });
  if (duals.length === 0) return { value: 0, x: new Array<number>(n).fill(0) };
  const solved = simplexOfDual(cost, duals);
  if (solved !== CYCLED) return solved;
  const lowered = cost.map((c, k) => c * (1 - (1e-6 * (k + 1)) / n));
  const again = simplexOfDual(lowered, duals);
  if (again === CYCLED) throw new Error('covering: simplex did not converge');
  return again;
}

const CYCLED = Symbol('cycled');

/** The tableau simplex on the dual (max b·y, Aᵀy ≤ c, y ≥ 0) from its origin: the primal's optimum, null (infeasible), or CYCLED. */
function simplexOfDual(cost: readonly number[], duals: readonly { coef: ReadonlyMap<number, number>; b: number }[]): { value: number; x: number[] } | null | typeof CYCLED {
  const n = cost.length;
  const m = duals.length;
  // Tableau of the dual: n rows (one per primal variable), columns y_0..y_{m-1}, slacks s_0..s_{n-1}, rhs.
  const width = m + n + 1;
  const t = new Float64Array(n * width);
  for (let i = 0; i < m; i++) for (const [k, a] of duals[i]!.coef) t[k * width + i] = a;
  for (let k = 0; k < n; k++) {
    t[k * width + m + k] = 1;
    t[k * width + m + n] = cost[k]!;
  }
  const z = new Float64Array(width);
  for (let i = 0; i < m; i++) z[i] = -duals[i]!.b;
  const basis = new Int32Array(n);
  for (let k = 0; k < n; k++) basis[k] = m + k;

  const maxIterations = 50 * (n + m) + 1000;
  for (let iteration = 0; ; iteration++) {
    if (iteration > maxIterations) return CYCLED;
    // Bland's rule (lowest index with a negative reduced cost): no cycles in exact arithmetic (solveRelaxation handles rounding's).
    let enter = -1;
    for (let j = 0; j < m + n; j++) {
      if (z[j]! < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let r = 0; r < n; r++) {
      const a = t[r * width + enter]!;
      if (a <= EPS) continue;
      // A basic value rounding left just below zero is zero: a negative ratio would step backwards,
      // and then Bland's rule no longer keeps the simplex from cycling (it did, on a degenerate plan).
      const ratio = Math.max(0, t[r * width + m + n]!) / a;
      if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && basis[r]! < basis[leave]!)) {
        best = ratio;
        leave = r;
      }
    }
    if (leave < 0) return null; // dual unbounded: the covering program is infeasible
    const row = leave * width;
    const pivot = t[row + enter]!;
    for (let j = 0; j < width; j++) t[row + j] = t[row + j]! / pivot;
    for (let r = 0; r < n; r++) {
      if (r === leave) continue;
      const f = t[r * width + enter]!;
      if (f === 0) continue;
      const o = r * width;
      for (let j = 0; j < width; j++) t[o + j] = t[o + j]! - f * t[row + j]!;
    }
    const f = z[enter]!;
    for (let j = 0; j < width; j++) z[j] = z[j]! - f * t[row + j]!;
    basis[leave] = enter;
  }
  const x = new Array<number>(n);
  for (let k = 0; k < n; k++) x[k] = Math.max(0, z[m + k]!);
  return { value: z[m + n]!, x };
}

function feasible(x: readonly number[], rows: readonly CoveringRow[]): boolean {
  return rows.every((row) => {
    let s = 0;
    for (const [k, a] of row.coef) s += a * x[k]!;
    return s >= row.b - 1e-7;
  });
}

function costOf(cost: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += cost[k]! * x[k]!;
  return s;
}

/**
 * An integer solution near an LP one: x rounded up (always feasible, since A ≥ 0), then each
 * variable lowered as far as the rows allow, dearest first.
 */
function roundUp(cost: readonly number[], rows: readonly CoveringRow[], lp: readonly number[]): number[] {
  const x = lp.map((v) => Math.ceil(v - 1e-7));
  const order = x.map((_, k) => k).sort((a, b) => cost[b]! - cost[a]!);
  for (const k of order) {
    while (x[k]! > 0) {
      x[k]!--;
      if (!feasible(x, rows)) {
        x[k]!++;
        break;
      }
    }
  }
  return x;
}

/**
 * The integer covering program's optimum, or the best found within `budget` (nodes and ms).
 * Returns null when even the relaxation is infeasible.
 * @example solveCovering([1, 3], [{ coef: new Map([[0, 1], [1, 4]]), b: 5 }]) // { bound: 4, x: [1, 1], cost: 4, exact: true }
 */
export function solveCovering(
  cost: readonly number[], rows: readonly CoveringRow[], budget: { nodes?: number; ms?: number } = {},
): CoveringSolution | null {
  const root = solveRelaxation(cost, rows);
  if (root === null) return null;
  let incumbent = roundUp(cost, rows, root.x);
  let incumbentCost = costOf(cost, incumbent);
  // A node budget by default, so the same program always gets the same answer; a time budget
  // only when asked for (it makes the answer depend on the machine's load).
  // Small programs get many nodes, big ones (each node a bigger LP) fewer: about the same work.
  const nodes = budget.nodes ?? Math.max(50, Math.min(3000, Math.round(400_000 / Math.max(1, rows.length * cost.length))));
  // Prices with at most four decimals (cents and their hundredths) make every integer solution's
  // cost a multiple of 1e-4: a node whose bound rounds up to the incumbent cannot improve it.
  const grain = cost.every((c) => Math.abs(c * 1e4 - Math.round(c * 1e4)) < 1e-6) ? 1e-4 : 0;
  const ceil = (v: number) => (grain === 0 ? v : Math.ceil(v / grain - 1e-6) * grain);
  const deadline = budget.ms === undefined ? Infinity : performance.now() + budget.ms;
  interface Node { value: number; x: number[]; bounds: Bound[] }
  const open = new Heap<Node>((a, b) => a.value - b.value);
  open.push({ value: root.value, x: root.x, bounds: [] });
  let explored = 0;
  // Costs are prices in cents and fractions of them: a node within this of the incumbent cannot improve it.
  const tolerance = 1e-6 * Math.max(1, incumbentCost);
  while (open.size > 0) {
    const node = open.peek()!;
    if (ceil(node.value) >= incumbentCost - tolerance) {
      open.clear();
      break;
    }
    if (explored >= nodes || performance.now() > deadline) break;
    open.pop();
    explored++;
    let branch = -1;
    let worst = 1e-6;
    node.x.forEach((v, k) => {
      const frac = Math.abs(v - Math.round(v));
      if (frac > worst) {
        worst = frac;
        branch = k;
      }
    });
    if (branch < 0) {
      const x = node.x.map((v) => Math.round(v));
      const c = costOf(cost, x);
      if (c < incumbentCost && feasible(x, rows)) {
        incumbent = x;
        incumbentCost = c;
      }
      continue;
    }
    const rounded = roundUp(cost, rows, node.x);
    const roundedCost = costOf(cost, rounded);
    if (roundedCost < incumbentCost) {
      incumbent = rounded;
      incumbentCost = roundedCost;
    }
    const v = node.x[branch]!;
    for (const bd of [{ k: branch, lower: false, value: Math.floor(v) }, { k: branch, lower: true, value: Math.ceil(v) }]) {
      const bounds = [...node.bounds, bd];
      const child = solveRelaxation(cost, rows, bounds);
      if (child !== null && ceil(child.value) < incumbentCost - tolerance) open.push({ value: child.value, x: child.x, bounds });
    }
  }
  const exact = open.size === 0;
  const bound = exact ? incumbentCost : Math.min(incumbentCost, ceil(open.peek()!.value));
  return { bound, x: incumbent, cost: incumbentCost, exact };
}

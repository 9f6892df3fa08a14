/**
 * The work budget of a query's pattern tests: a deterministic bound (not a timer) on what one
 * filter may cost. A `=~` / `!~` test of a value costs about (regex program size × characters):
 * re2js's DFA runs 2–25 ns per instruction-character when it cannot cache states
 * (bench/worst-filter.ts), so a budget of units bounds the time whatever the pattern and whatever
 * was stored. Each leaf charges before it tests (so a refused query leaves every memo as it was);
 * the simulator's own queries (placement, the scheduler) are not metered.
 */
import { InvalidParameterException, quote } from '../errors.js';

/**
 * Units a filter may spend on pattern tests: at ~25 ns a unit at worst, about 100 ms. Enough for
 * a 9-instruction `.*foo.*` over 3,000 distinct 128-character values, or any pattern over the
 * few distinct values a real attribute has.
 */
export const FILTER_WORK_BUDGET = 4_000_000;

let left = Infinity;

/** Runs `f` with `budget` units to spend (nested calls keep the outer budget). */
export function metered<T>(budget: number, f: () => T): T {
  if (left !== Infinity) return f();
  left = budget;
  try {
    return f();
  } finally {
    left = Infinity;
  }
}

/**
 * Spends the units of testing `characters` characters with a pattern of `size` instructions
 * (each value counts one character more: a test has a cost of its own); refuses, naming the leaf,
 * when the budget would be exceeded.
 */
export function charge(size: number, characters: number, values: number, leaf: string): void {
  if (left === Infinity) return;
  left -= size * (characters + values);
  if (left < 0) {
    left = Infinity;
    throw new InvalidParameterException(
      `filter: ${quote(leaf, 120)} would test ${values} stored value${values === 1 ? '' : 's'} (${characters} characters) with a ${size}-instruction pattern, more pattern-matching work than one filter may do (${FILTER_WORK_BUDGET} instruction-characters); use a more selective filter or a simpler pattern`,
    );
  }
}

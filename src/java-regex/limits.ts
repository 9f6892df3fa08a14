/** Bounds on what a pattern may cost: every pattern a user sends is compiled and run on stored values. */

/** Largest count RE2 accepts in `{n,m}`, and the largest product of nested counted repetitions. */
export const MAX_REPETITION = 1000;

/**
 * Largest pattern accepted, counted in characters-to-match after counted repetitions are expanded
 * (`[a-z]{1000}` counts 1000, `(?:ab){10}` counts 20). RE2 compiles `x{n}` into n copies of `x`,
 * and re2js's one-off matcher set-up grows with that size (about 0.2 s at this limit with large
 * Unicode classes), so a pattern of a few characters must not be allowed to expand without bound.
 */
export const MAX_EXPANDED_SIZE = 10_000;

/** Deepest group nesting accepted (keeps the recursive parser and emitter shallow). */
export const MAX_GROUP_NESTING = 1000;

/**
 * Largest compiled program accepted, in re2js instructions (`programSize()`), as RE2 bounds a
 * program's memory. Matching costs up to (instructions × characters) per value: re2js runs a lazy
 * DFA and, when that gives up, a bit-state backtracker, which it uses only for programs of at
 * most 500 instructions; above that only the slower NFA is left. 500 keeps every accepted pattern
 * on the two faster engines and refuses patterns like `(?:[\p{L}\p{N}]{1,100}){1,10}` (2,001
 * instructions), which took 0.2–1.8 s over 5,000 stored 255-character values
 * (bench/worst-filter.ts; bench/RESULTS.md).
 */
export const MAX_PROGRAM_SIZE = 500;

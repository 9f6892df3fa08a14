/** Helpers the arbitraries share. */
import fc from 'fast-check';

/** A boolean true for about `p` of the draws, shrinking toward false. */
export function share(p: number): fc.Arbitrary<boolean> {
  if (!(p >= 0 && p <= 1)) throw new Error(`share must be between 0 and 1; got ${p}`);
  return fc.integer({ min: 0, max: 999 }).map((n) => n >= Math.round((1 - p) * 1000));
}

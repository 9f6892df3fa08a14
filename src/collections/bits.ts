/**
 * Bitsets over dense slot numbers, as plain Uint32Arrays: word `w` holds slots 32w..32w+31,
 * slot `s` is bit `s & 31` of word `s >>> 5`. mnemonist's BitSet/BitVector hold the same
 * layout but offer no word-level algebra (and / or / and-not), which is what the planner
 * spends its time in, so the algebra lives here as allocation-free functions.
 */
export type Bits = Uint32Array;

/** Words needed for `capacity` slots. */
export function wordsFor(capacity: number): number {
  return (capacity + 31) >>> 5;
}

export function setBit(bits: Bits, slot: number): void {
  bits[slot >>> 5]! |= 1 << (slot & 31);
}

export function clearBit(bits: Bits, slot: number): void {
  bits[slot >>> 5]! &= ~(1 << (slot & 31));
}

export function hasBit(bits: Bits, slot: number): boolean {
  return ((bits[slot >>> 5]! >>> (slot & 31)) & 1) === 1;
}

/** out = a & b (out may be a or b). */
export function and(out: Bits, a: Bits, b: Bits): Bits {
  for (let w = 0; w < out.length; w++) out[w] = a[w]! & b[w]!;
  return out;
}

/** out = a | b. */
export function or(out: Bits, a: Bits, b: Bits): Bits {
  for (let w = 0; w < out.length; w++) out[w] = a[w]! | b[w]!;
  return out;
}

/** out = a & ~b. */
export function andNot(out: Bits, a: Bits, b: Bits): Bits {
  for (let w = 0; w < out.length; w++) out[w] = a[w]! & ~b[w]!;
  return out;
}

/** Number of set bits (SWAR popcount, 12 operations a word). */
export function popcount(bits: Bits): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    if (v === 0) continue;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** The set slots in ascending order, appended to `out` from `start`; returns the new length. */
export function collect(bits: Bits, out: Int32Array, start = 0): number {
  let n = start;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    const base = w << 5;
    while (v !== 0) {
      // v & -v isolates the lowest set bit; 31 - clz32 gives its index.
      const low = v & -v;
      out[n++] = base + 31 - Math.clz32(low);
      v ^= low;
    }
  }
  return n;
}

/**
 * A dictionary-encoded text column: one value (or none) per slot, stored as an integer code;
 * code 0 means absent. Per code, a posting list of the slots holding it; per column, a
 * bitset of the slots where the value is present. Codes are never reused, so a test computed
 * over codes 1..n stays valid when the dictionary grows and only new codes need testing.
 */
import { clearBit, setBit, wordsFor, type Bits } from '../collections/bits.js';
import { PostingList } from '../collections/posting.js';

export class DictionaryColumn {
  /** code per slot; 0 = absent */
  codes: Int32Array;
  /** index of the slot in its code's posting list */
  private positions: Int32Array;
  /** value per code; values[0] is unused */
  readonly values: string[] = [''];
  readonly postings: PostingList[] = [new PostingList(1)];
  private readonly dictionary = new Map<string, number>();
  present: Bits;
  presentCount = 0;
  /**
   * For attribute columns: how many attribute names the store had when this one first
   * appeared. Never changes, so it orders attribute names stably (ListAttributes pages by it).
   */
  ordinal = -1;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
    this.positions = new Int32Array(capacity);
    this.present = new Uint32Array(wordsFor(capacity));
  }

  /** An independent copy (typed arrays copied, posting lists cloned). */
  clone(): DictionaryColumn {
    const copy = new DictionaryColumn(0);
    copy.codes = this.codes.slice();
    copy.positions = this.positions.slice();
    copy.present = this.present.slice();
    copy.presentCount = this.presentCount;
    copy.ordinal = this.ordinal;
    copy.values.length = 0;
    for (const v of this.values) copy.values.push(v);
    copy.postings.length = 0;
    for (const p of this.postings) copy.postings.push(p.clone());
    for (const [k, v] of this.dictionary) copy.dictionary.set(k, v);
    return copy;
  }

  /**
   * Room for `capacity` slots. A column still shared by a store and its clone is grown in place
   * by whichever grows first (store.ts), so it may already be longer than the other side's new
   * capacity: then it is left as it is (a copy into a shorter array would not fit).
   */
  grow(capacity: number): void {
    if (this.codes.length >= capacity) return;
    this.codes = grownInt32(this.codes, capacity);
    this.positions = grownInt32(this.positions, capacity);
    const present = new Uint32Array(wordsFor(capacity));
    present.set(this.present);
    this.present = present;
  }

  /** The code of `value`, or 0 if no slot ever held it. */
  codeOf(value: string): number {
    return this.dictionary.get(value) ?? 0;
  }

  get(slot: number): string | undefined {
    const code = this.codes[slot]!;
    return code === 0 ? undefined : this.values[code];
  }

  set(slot: number, value: string): void {
    let code = this.dictionary.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.postings.push(new PostingList());
      this.dictionary.set(value, code);
    }
    const old = this.codes[slot]!;
    if (old === code) return;
    if (old !== 0) this.unlink(slot, old);
    else {
      setBit(this.present, slot);
      this.presentCount++;
    }
    this.codes[slot] = code;
    this.positions[slot] = this.postings[code]!.add(slot);
  }

  clear(slot: number): void {
    const old = this.codes[slot]!;
    if (old === 0) return;
    this.unlink(slot, old);
    this.codes[slot] = 0;
    clearBit(this.present, slot);
    this.presentCount--;
  }

  /** The slots holding `code`, ascending (a view, valid until the next change). */
  slotsOf(code: number): Int32Array {
    return this.postings[code]!.sortedSlots(this.reposition);
  }

  private readonly reposition = (slot: number, index: number): void => {
    this.positions[slot] = index;
  };

  private unlink(slot: number, code: number): void {
    const moved = this.postings[code]!.removeAt(this.positions[slot]!);
    if (moved >= 0) this.positions[moved] = this.positions[slot]!;
  }
}

export function grownInt32(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

export function grownFloat64(a: Float64Array, capacity: number, fill = 0): Float64Array {
  const b = new Float64Array(capacity);
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}

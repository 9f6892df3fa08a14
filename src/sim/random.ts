/**
 * Seeded randomness: every random choice of the simulator draws from one of these, so the same
 * seed replays the same run.
 */
import { recording, type Journal } from '../collections/journal.js';

/** A function returning seeded floats in [0, 1). */
export function prng(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/**
 * A seeded source of ids and choices, with its state exposed for snapshots.
 *
 * Journal (`useJournal`): in an open transaction the state is saved once, before the first draw
 * (or change of `state`) of each transaction or savepoint, and put back by a rollback.
 *
 * @example
 * const random = new SeededRandom(42);
 * random.uuid(); // the same id for the same seed, every run
 */
export class SeededRandom {
  private current: number;
  private journal: Journal | null = null;
  /** The journal epoch in which the state was last saved. */
  private savedEpoch = -1;

  constructor(state: number) {
    this.current = state;
  }

  /** Journals every later change in `journal`'s open transactions (null: none). */
  useJournal(journal: Journal | null): void {
    this.journal = journal;
  }

  get state(): number {
    return this.current;
  }

  set state(state: number) {
    if (recording(this.journal)) this.save(this.journal);
    this.current = state;
  }

  private save(journal: Journal): void {
    if (this.savedEpoch === journal.epoch) return;
    const state = this.current;
    journal.record(() => (this.current = state));
    this.savedEpoch = journal.epoch;
  }

  /** The next float in [0, 1): mulberry32, a small, fast 32-bit PRNG (public domain). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** The next draw as the 32-bit integer behind `next()` (`next() * 2 ** 32`, exactly). */
  private nextUint32(): number {
    if (this.journal !== null && this.journal.depth !== 0) this.save(this.journal);
    let t = (this.current = (this.current + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /**
   * `n` lower-case hex digits, eight a draw (every new task's id is four draws: the digits are
   * made as character codes and become one flat string at once, with no pieces to join).
   */
  hex(n: number): string {
    // (in pieces of HEX_CHUNK digits: fromCharCode takes its codes as arguments, and a long list overflows the stack)
    const digits = Math.trunc(n);
    let out = '';
    for (let done = 0; done < digits; done += HEX_CHUNK) out += this.hexPiece(Math.min(HEX_CHUNK, digits - done));
    return out;
  }

  private hexPiece(n: number): string {
    const codes = HEX_SCRATCH;
    const draws = Math.ceil(n / 8);
    codes.length = draws * 8;
    for (let d = 0; d < draws; d++) {
      const x = this.nextUint32();
      for (let k = 0; k < 8; k++) codes[d * 8 + k] = HEX_DIGIT_CODES[(x >>> (28 - 4 * k)) & 0xf]!;
    }
    codes.length = n;
    return String.fromCharCode.apply(null, codes);
  }

  /** A version-4-shaped UUID (8-4-4-4-12 hex digits). */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(this.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** The character codes of '0' … 'f'. */
const HEX_DIGIT_CODES: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Digits `hex` makes at a time: a multiple of 8, so that pieces draw what one run would. */
const HEX_CHUNK = 4096;
/** `hex`'s buffer of character codes (one thread, never re-entered). */
const HEX_SCRATCH: number[] = [];

/** One of `items`, each drawn with probability proportional to `weight(item)`. */
export function pickWeighted<T>(random: { next(): number }, items: readonly T[], weight: (item: T) => number): T {
  let total = 0;
  for (const t of items) total += weight(t);
  let x = random.next() * total;
  for (const t of items) {
    x -= weight(t);
    if (x < 0) return t;
  }
  return items[items.length - 1]!;
}

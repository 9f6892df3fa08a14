/**
 * The live reservations of one instance, in the order they were taken: what `release` checks (a
 * reservation is given back once, to the accountant holding it) and what `reservations(slot)`
 * lists. Set-like (`add`, `has`, `delete`, iteration), without hashing: a per-instance Set cost
 * 0.2–0.8 µs per add in bulk placement (a cold table per instance, rehashing as it grows), about
 * as much as the rest of `reserve`; two array appends cost a few ns.
 *
 * Every reservation the accountant makes is a `HeldReservation` with a sequence number from one
 * counter for the process, so numbers ascend in the order reservations are taken and never
 * repeat, forks included. A list keeps its entries in that order, so finding one is a binary
 * search on the numbers; `delete` leaves a hole (null) and the list compacts once holes are
 * the majority. A fork's copy may hold the same objects; identity (`entries[i] === r`) decides.
 */
import type { Reservation } from './types.js';

let nextSequence = 0;

/** A reservation as the accountant hands it out: plain readonly fields, plus a private number. */
export class HeldReservation implements Reservation {
  readonly #sequence: number;

  constructor(
    readonly slot: number,
    readonly cpu: number,
    readonly memory: number,
    readonly tcpPorts: readonly number[],
    readonly udpPorts: readonly number[],
    readonly gpuIds: readonly string[],
    readonly eni: boolean,
  ) {
    this.#sequence = nextSequence++;
    Object.freeze(this);
  }

  /**
   * The reservation itself. It records where its task went (`slot`) and what it holds, so the
   * placement engine returns it as the task's `Placement` (`{ slot, reservation }`): one object
   * per placed task instead of two, and a bulk call returns 100,000s, each of which the garbage
   * collector copies. A prototype getter: spreads and equality see only the fields above.
   */
  get reservation(): this {
    return this;
  }

  /** The reservation's number, or -1 for an object the accountant did not make. */
  static sequenceOf(r: Reservation): number {
    return #sequence in r ? (r as HeldReservation).#sequence : -1;
  }
}

/** Holes are compacted away once there are more of them than this and than live entries. */
const MIN_HOLES_TO_COMPACT = 8;

export class LiveReservations implements Iterable<Reservation> {
  /** live entries and holes, by ascending sequence number */
  private entries: (HeldReservation | null)[] = [];
  private sequences: number[] = [];
  private holes = 0;

  /** Live reservations. */
  get size(): number {
    return this.entries.length - this.holes;
  }

  /** Appends a reservation newer than every one held (the accountant's counter guarantees it). */
  add(r: HeldReservation): void {
    this.entries.push(r);
    this.sequences.push(HeldReservation.sequenceOf(r));
  }

  has(r: Reservation): boolean {
    return this.indexOf(r) >= 0;
  }

  /** Removes a live reservation; false if it is not one (never held, or removed already). */
  delete(r: Reservation): boolean {
    const i = this.indexOf(r);
    if (i < 0) return false;
    this.entries[i] = null;
    this.holes++;
    if (this.holes > MIN_HOLES_TO_COMPACT && this.holes * 2 > this.entries.length) this.compact();
    return true;
  }

  /** Puts back a reservation `delete` removed (undoing it): in its place by sequence number. */
  restore(r: HeldReservation): void {
    const seq = HeldReservation.sequenceOf(r);
    const i = this.lowerBound(seq);
    if (i < this.sequences.length && this.sequences[i] === seq) {
      if (this.entries[i] === null) {
        this.entries[i] = r;
        this.holes--;
      }
      return;
    }
    this.entries.splice(i, 0, r);
    this.sequences.splice(i, 0, seq);
  }

  /** An independent copy (for forks): same reservations, own lists. */
  clone(): LiveReservations {
    const copy = new LiveReservations();
    copy.entries = this.entries.slice();
    copy.sequences = this.sequences.slice();
    copy.holes = this.holes;
    return copy;
  }

  *[Symbol.iterator](): Iterator<Reservation> {
    for (const r of this.entries) if (r !== null) yield r;
  }

  private indexOf(r: Reservation): number {
    const seq = HeldReservation.sequenceOf(r);
    if (seq < 0) return -1;
    const lo = this.lowerBound(seq);
    return lo < this.sequences.length && this.entries[lo] === r ? lo : -1;
  }

  /** The first index whose sequence number is not below `seq`. */
  private lowerBound(seq: number): number {
    const sequences = this.sequences;
    let lo = 0;
    let hi = sequences.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sequences[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    const entries = this.entries;
    const sequences = this.sequences;
    let n = 0;
    for (let i = 0; i < entries.length; i++) {
      if (entries[i] === null) continue;
      entries[n] = entries[i]!;
      sequences[n++] = sequences[i]!;
    }
    entries.length = n;
    sequences.length = n;
    this.holes = 0;
  }
}

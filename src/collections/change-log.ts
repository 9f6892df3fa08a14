/**
 * A bounded log of which ids (slots) changed, so a reader that built something from the data at
 * one revision can bring it up to date by revisiting only what changed since — or learn that it
 * must rebuild: when more changes happened than the log keeps, or a change it cannot localise
 * (`noteAll`) happened.
 *
 * The log is a ring of the last `capacity` noted ids; noting is O(1) and allocation-free (it
 * sits on the mutation paths of the instance store and the resource accountant).
 *
 * @example
 * const log = new ChangeLog(1024);
 * const seen = log.revision;
 * log.note(7); log.note(3); log.note(7);
 * log.since(seen);          // Int32Array [7, 3, 7] (ids may repeat)
 * log.noteAll();
 * log.since(seen);          // null: rebuild
 * log.since(log.revision);  // Int32Array []
 */
export class ChangeLog {
  private readonly ring: Int32Array;
  private rev = 0;
  /** the revision right after the last noteAll (0: never) */
  private allAt = 0;

  constructor(readonly capacity = 1024) {
    this.ring = new Int32Array(capacity);
  }

  /** Bumped by every note. */
  get revision(): number {
    return this.rev;
  }

  /** `id` changed. */
  note(id: number): void {
    this.ring[this.rev % this.capacity] = id;
    this.rev++;
  }

  /** Anything may have changed. */
  noteAll(): void {
    this.rev++;
    this.allAt = this.rev;
  }

  /**
   * The ids noted since `revision` (a value `revision` had), in order, repeats kept; null when the
   * log cannot tell (noteAll since, or more notes than it keeps).
   */
  since(revision: number): Int32Array | null {
    const n = this.rev - revision;
    if (n < 0 || n > this.capacity || revision < this.allAt) return null;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.ring[(revision + i) % this.capacity]!;
    return out;
  }
}

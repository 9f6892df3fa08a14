/**
 * A bounded log of which ids (slots) changed, so a reader that built something from the data at
 * one revision can bring it up to date by revisiting only what changed since — or learn that it
 * must rebuild: when more changes happened than the log keeps, or a change it cannot localise
 * (`noteAll`) happened.
 *
 * The log is a ring of the last `capacity` noted ids; it starts at `initialCapacity` and doubles
 * when full, up to `maxCapacity` (a what-if fork's log starts small, and an AZ-sized what-if
 * notes tens of thousands of changes that readers still want to replay). Noting is O(1) amortised
 * and allocation-free between growths (it sits on the mutation paths of the instance store and
 * the resource accountant). A `noteAll` takes a place in the ring like a note, so any range
 * holding one is refused, however many came after it.
 *
 * @example
 * const log = new ChangeLog(1024);
 * const seen = log.revision;
 * log.note(7); log.note(3); log.note(7);
 * log.since(seen);            // Int32Array [7, 3, 7] (ids may repeat)
 * log.between(seen, seen + 2); // Int32Array [7, 3]
 * log.noteAll();
 * log.since(seen);            // null: rebuild
 * log.since(log.revision);    // Int32Array []
 */
export class ChangeLog {
  private ring: Int32Array;
  private rev = 0;

  constructor(initialCapacity = 1024, readonly maxCapacity = Math.max(initialCapacity, 1 << 17)) {
    this.ring = new Int32Array(Math.max(1, Math.min(initialCapacity, maxCapacity)));
  }

  /** Bumped by every note. */
  get revision(): number {
    return this.rev;
  }

  /** How many of the latest notes the log holds now. */
  get capacity(): number {
    return this.ring.length;
  }

  /** `id` (≥ 0) changed. */
  note(id: number): void {
    this.put(id);
  }

  /** Anything may have changed. */
  noteAll(): void {
    this.put(ALL);
  }

  private put(id: number): void {
    let ring = this.ring;
    if (this.rev >= ring.length && ring.length < this.maxCapacity) ring = this.grow();
    ring[this.rev % ring.length] = id;
    this.rev++;
  }

  /** Doubles the ring (up to maxCapacity), keeping every note it held at its new place. */
  private grow(): Int32Array {
    const old = this.ring;
    const ring = new Int32Array(Math.min(old.length * 2, this.maxCapacity));
    for (let r = Math.max(0, this.rev - old.length); r < this.rev; r++) ring[r % ring.length] = old[r % old.length]!;
    return (this.ring = ring);
  }

  /**
   * The ids noted since `revision` (a value `revision` had), in order, repeats kept; null when the
   * log cannot tell (noteAll since, or more notes than it keeps).
   */
  since(revision: number): Int32Array | null {
    return this.between(revision, this.rev);
  }

  /**
   * The ids noted after revision `from` up to and including revision `to` (from ≤ to ≤ revision),
   * in order; null when the log cannot tell (a noteAll among them, or no longer held).
   */
  between(from: number, to: number): Int32Array | null {
    const ring = this.ring;
    if (from < 0 || from > to || to > this.rev || this.rev - from > ring.length) return null;
    const out = new Int32Array(to - from);
    for (let i = 0; i < out.length; i++) {
      const id = ring[(from + i) % ring.length]!;
      if (id === ALL) return null;
      out[i] = id;
    }
    return out;
  }
}

/** The ring entry of a noteAll (ids are ≥ 0). */
const ALL = -1;

/**
 * Where a copy-on-write fork came from: its parent (held weakly, so a chain of forks does not
 * keep every ancestor alive) and the parent's change-log revision when the fork was made. The
 * fork's own log starts at revision 0, so what differs between the fork now and its parent at
 * any revision can be read from the two logs (placement's lineage.ts does).
 *
 * @example
 * const fork = store.clone();
 * fork.origin?.parent.deref() === store;             // true while store is alive
 * fork.origin?.revision === store.changes.revision;  // true until store changes again
 */
export interface ForkOrigin<T extends object> {
  readonly parent: WeakRef<T>;
  readonly revision: number;
}

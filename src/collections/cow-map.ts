/**
 * A Map that forks in O(1): copy-on-write for the large keyed tables of a what-if fork
 * (instance ARN → slot, task ARN → task record, ...), and journaled for all-or-nothing calls.
 *
 * Until the first fork a CowMap is a plain Map. `fork()` freezes the current contents as a
 * base shared by both sides; from then on each side writes to its own overlay (new and
 * overridden keys) and its own set of deleted base keys. Forking a side whose overlay is
 * not empty first folds the overlay into a new base (O(n)), so chains never grow: a cluster
 * forked many times from one state pays nothing, a fork of a changed fork pays one copy.
 *
 * Values may be mutable records: `get` returns a value this side owns, copying a shared one
 * (with the `copy` given at construction) on first access, so callers may mutate what `get`
 * returns; `peek` reads without copying, for callers that only read. Iteration reads too.
 *
 * Order is a Map's: keys in first-insertion order, an overridden key keeps its place; a key
 * deleted and set again moves to the end (as in a Map). After a fork, iteration walks a list
 * made when it starts (entries set during the loop are not visited).
 *
 * Values are never `undefined` or `null` (a lookup's undefined means "absent", which saves a lookup).
 *
 * Journal (`useJournal`): while a transaction is open, every write records its undo, and `get`
 * hands out a copy (once per key and transaction) and records the object it replaced, so fields
 * the caller changes in place are undone by putting the old object back. Undos restore order
 * too: a key deleted in a transaction is kept in place as a tombstone (read as absent) until the
 * outermost commit removes it, so a rollback puts it back where it was. A fork made in a
 * transaction leaves this side untouched and copies what it must (see `forkInTransaction`).
 */
import { recording, type Journal } from './journal.js';

/** The value of a key deleted in an open transaction, kept so a rollback can restore its place. */
const TOMBSTONE: unknown = Object.freeze({ tombstone: true });

export class CowMap<K, V> implements Iterable<[K, V]> {
  /** all entries while not shared; the frozen shared base afterwards (may hold tombstones, read as absent) */
  private base: Map<K, V>;
  private shared = false;
  /** entries set on this side since the base was shared (overrides and new keys) */
  private overlay = new Map<K, V>();
  /** base keys deleted (or deleted and set again) on this side */
  private deleted = new Set<K>();
  private count: number;
  /** Tombstones in the map this side writes in place (`base` while not shared, `overlay` after). */
  private tombstones = 0;
  /** Keys given tombstones since the last purge (some may have been restored since). */
  private tombstoneKeys: K[] = [];
  private journal: Journal | null = null;
  /** Keys whose value `get` already copied in the journal's epoch `copiedEpoch`. */
  private copiedKeys = new Set<K>();
  private copiedEpoch = -1;
  private purgeEpoch = -1;

  constructor(
    entries: Iterable<readonly [K, V]> = [],
    private readonly copy: ((value: V) => V) | null = null,
  ) {
    this.base = new Map(entries);
    this.count = this.base.size;
  }

  /** Journals this map's writes in `journal`'s transactions (null: never). Forks start without one. */
  useJournal(journal: Journal | null): void {
    this.journal = journal;
  }

  get size(): number {
    return this.count;
  }

  has(key: K): boolean {
    return this.peek(key) !== undefined;
  }

  /** The value, owned by this side (copied on first access after a fork) so it may be mutated. */
  get(key: K): V | undefined {
    if (recording(this.journal)) return this.getJournaled(key, this.journal);
    if (!this.shared) return live(this.base.get(key));
    const own = this.overlay.get(key);
    if (own !== undefined) return live(own);
    const shared = this.sharedValue(key);
    if (shared === undefined || this.copy === null) return shared;
    const copied = this.copy(shared);
    this.overlay.set(key, copied);
    return copied;
  }

  /** The value for reading only: it may be shared with another fork, so never mutate it. */
  peek(key: K): V | undefined {
    if (!this.shared) return live(this.base.get(key));
    const own = this.overlay.get(key);
    return own !== undefined ? live(own) : this.sharedValue(key);
  }

  /** The base's value for a key this side has not deleted. */
  private sharedValue(key: K): V | undefined {
    return this.deleted.size !== 0 && this.deleted.has(key) ? undefined : live(this.base.get(key));
  }

  set(key: K, value: V): this {
    if (value === undefined || value === null) throw new TypeError('CowMap values cannot be undefined or null');
    if (recording(this.journal)) {
      this.setJournaled(key, value, this.journal);
      return this;
    }
    // (Tombstones outlive their transaction only until its commit; one met here is removed so
    // that the key moves to the end, as a deleted and re-set key does.)
    const map = this.shared ? this.overlay : this.base;
    const current = map.get(key);
    if (current === TOMBSTONE) {
      map.delete(key);
      this.tombstones--;
      this.count++;
    } else if (current === undefined && (!this.shared || this.sharedValue(key) === undefined)) this.count++;
    map.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    if (recording(this.journal)) {
      this.deleteJournaled(key, this.journal);
      return true;
    }
    this.count--;
    if (!this.shared) return this.base.delete(key);
    this.overlay.delete(key);
    if (this.base.has(key)) this.deleted.add(key);
    return true;
  }

  /** An independent copy: both sides share the current contents until they change them. */
  fork(): CowMap<K, V> {
    if (recording(this.journal)) return this.forkInTransaction();
    if (this.shared && (this.overlay.size > 0 || this.deleted.size > 0)) {
      // Fold the overlay into a new base so a chain of forks stays one level deep.
      this.base = new Map(this.entries());
      this.overlay = new Map();
      this.deleted = new Set();
    }
    this.shared = true;
    this.tombstones = 0;
    // Copies handed out so far are now shared with the fork: the next `get` copies again.
    this.copiedEpoch = -1;
    const other = new CowMap<K, V>([], this.copy);
    other.base = this.base;
    other.shared = true;
    other.count = this.count;
    return other;
  }

  entries(): IterableIterator<[K, V]> {
    if (!this.shared) return this.tombstones === 0 ? this.base.entries() : liveEntries(this.base);
    const out: [K, V][] = [];
    this.forEachShared((v, k) => out.push([k, v]));
    return out[Symbol.iterator]();
  }

  keys(): IterableIterator<K> {
    if (!this.shared && this.tombstones === 0) return this.base.keys();
    const out: K[] = [];
    for (const [k] of this.entries()) out.push(k);
    return out[Symbol.iterator]();
  }

  values(): IterableIterator<V> {
    if (!this.shared && this.tombstones === 0) return this.base.values();
    const out: V[] = [];
    for (const [, v] of this.entries()) out.push(v);
    return out[Symbol.iterator]();
  }

  /** Calls `f` with each entry in order without making a list of them, as a Map's forEach (`f` must not change the map). */
  forEach(f: (value: V, key: K) => void): void {
    if (this.shared) this.forEachShared(f);
    else if (this.tombstones === 0) this.base.forEach(f);
    else this.base.forEach((v, k) => {
      if (v !== TOMBSTONE) f(v, k);
    });
  }

  /** Every entry of a shared map in order: the base's (overridden or not, minus deleted), then new keys. */
  private forEachShared(f: (value: V, key: K) => void): void {
    const { base, overlay, deleted } = this;
    const anyDeleted = deleted.size !== 0;
    base.forEach((v, k) => {
      if (v === TOMBSTONE || (anyDeleted && deleted.has(k))) return;
      const own = overlay.get(k);
      f(own !== undefined ? own : v, k);
    });
    if (overlay.size === 0) return;
    overlay.forEach((v, k) => {
      if (v !== TOMBSTONE && ((anyDeleted && deleted.has(k)) || live(base.get(k)) === undefined)) f(v, k);
    });
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  // ---- journaled writes ---------------------------------------------------------------------
  // Each records an undo that restores the exact entries it changes; a key whose place in
  // iteration order matters is never removed in a transaction (a tombstone keeps its place).

  private getJournaled(key: K, journal: Journal): V | undefined {
    const current = this.peek(key);
    if (current === undefined || this.copy === null) return current;
    if (this.copiedEpoch !== journal.epoch) {
      this.copiedKeys.clear();
      this.copiedEpoch = journal.epoch;
    } else if (this.copiedKeys.has(key)) return current;
    const copied = this.copy(current);
    if (!this.shared || this.overlay.get(key) !== undefined) this.replaceInPlace(key, current, copied, journal);
    else {
      // A base value: its overlay entry's place does not matter (base order is used).
      journal.record(() => this.overlay.delete(key));
      this.overlay.set(key, copied);
    }
    this.copiedKeys.add(key);
    return copied;
  }

  /** Replaces the value of a key present in the map written in place (keeping its place). */
  private replaceInPlace(key: K, previous: V, value: V, journal: Journal): void {
    journal.record(() => (this.shared ? this.overlay : this.base).set(key, previous));
    (this.shared ? this.overlay : this.base).set(key, value);
  }

  private setJournaled(key: K, value: V, journal: Journal): void {
    let map = this.shared ? this.overlay : this.base;
    let current = map.get(key);
    if (current === TOMBSTONE) {
      // Deleted earlier in this transaction and set again: the key moves to the end. Its old
      // place must come back on rollback, so the map is rebuilt without it (O(n), rare) and the
      // undo puts the old map back.
      this.swapWithoutTombstones(journal);
      map = this.shared ? this.overlay : this.base;
      current = undefined;
    }
    if (current !== undefined) {
      this.replaceInPlace(key, current, value, journal);
      return;
    }
    // A new entry at the end of the map written in place; the undo removes it (it is the last
    // entry again by then: later writes were undone first).
    const grows = !this.shared || this.sharedValue(key) === undefined;
    journal.record(() => {
      (this.shared ? this.overlay : this.base).delete(key);
      if (grows) this.count--;
    });
    map.set(key, value);
    if (grows) this.count++;
  }

  private deleteJournaled(key: K, journal: Journal): void {
    const map = this.shared ? this.overlay : this.base;
    const own = map.get(key)!;
    if (this.shared && !this.deleted.has(key) && live(this.base.get(key)) !== undefined) {
      // A base key (maybe overridden): marked deleted; the override's place does not matter.
      journal.record(() => {
        this.deleted.delete(key);
        if (own !== undefined) this.overlay.set(key, own);
        this.count++;
      });
      this.overlay.delete(key);
      this.deleted.add(key);
      this.count--;
      return;
    }
    // An entry of the map written in place: a tombstone keeps its place until the commit.
    journal.record(() => {
      (this.shared ? this.overlay : this.base).set(key, own);
      this.tombstones--;
      this.count++;
    });
    map.set(key, TOMBSTONE as V);
    this.tombstones++;
    this.count--;
    this.tombstoneKeys.push(key);
    if (this.purgeEpoch !== journal.epoch) {
      this.purgeEpoch = journal.epoch;
      journal.onCommit(this.purge);
    }
  }

  /** After the outermost commit: removes the tombstones left in the map written in place. */
  private readonly purge = (): void => {
    const map = this.shared ? this.overlay : this.base;
    for (const key of this.tombstoneKeys) {
      if (map.get(key) === TOMBSTONE) {
        map.delete(key);
        this.tombstones--;
      }
    }
    this.tombstoneKeys = [];
  };

  /** Replaces the map written in place by a copy without tombstones; the undo swaps the old one back. */
  private swapWithoutTombstones(journal: Journal): void {
    const old = this.shared ? this.overlay : this.base;
    const tombstones = this.tombstones;
    journal.record(() => {
      if (this.shared) this.overlay = old;
      else this.base = old;
      this.tombstones = tombstones;
    });
    const copy = new Map<K, V>();
    old.forEach((v, k) => {
      if (v !== TOMBSTONE) copy.set(k, v);
    });
    if (this.shared) this.overlay = copy;
    else this.base = copy;
    this.tombstones = 0;
  }

  /**
   * A fork made while a transaction is open leaves this side exactly as it is, so that the undos
   * already recorded still apply: the fork gets its own copies of what this side may still change
   * in place (all entries while not shared, O(n); else the overlay, O(changes)).
   */
  private forkInTransaction(): CowMap<K, V> {
    const copy = this.copy ?? ((v: V) => v);
    const other = new CowMap<K, V>([], this.copy);
    if (!this.shared) {
      for (const [k, v] of this.entries()) other.base.set(k, copy(v));
      other.count = this.count;
      return other;
    }
    other.base = this.base;
    other.shared = true;
    this.overlay.forEach((v, k) => {
      if (v !== TOMBSTONE) other.overlay.set(k, copy(v));
    });
    other.deleted = new Set(this.deleted);
    other.count = this.count;
    return other;
  }
}

function live<V>(v: V | undefined): V | undefined {
  return v === TOMBSTONE ? undefined : v;
}

function* liveEntries<K, V>(map: Map<K, V>): IterableIterator<[K, V]> {
  for (const entry of map) if (entry[1] !== TOMBSTONE) yield entry;
}

/**
 * A Map that forks in O(1): copy-on-write for the large keyed tables of a what-if fork
 * (instance ARN → slot, task ARN → task record, ...).
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
 */
export class CowMap<K, V> implements Iterable<[K, V]> {
  /** all entries while not shared; the frozen shared base afterwards */
  private base: Map<K, V>;
  private shared = false;
  /** entries set on this side since the base was shared (overrides and new keys) */
  private overlay = new Map<K, V>();
  /** base keys deleted (or deleted and set again) on this side */
  private deleted = new Set<K>();
  private count: number;

  constructor(
    entries: Iterable<readonly [K, V]> = [],
    private readonly copy: ((value: V) => V) | null = null,
  ) {
    this.base = new Map(entries);
    this.count = this.base.size;
  }

  get size(): number {
    return this.count;
  }

  has(key: K): boolean {
    return this.peek(key) !== undefined;
  }

  /** The value, owned by this side (copied on first access after a fork) so it may be mutated. */
  get(key: K): V | undefined {
    if (!this.shared) return this.base.get(key);
    const own = this.overlay.get(key);
    if (own !== undefined) return own;
    const shared = this.sharedValue(key);
    if (shared === undefined || this.copy === null) return shared;
    const copied = this.copy(shared);
    this.overlay.set(key, copied);
    return copied;
  }

  /** The value for reading only: it may be shared with another fork, so never mutate it. */
  peek(key: K): V | undefined {
    if (!this.shared) return this.base.get(key);
    return this.overlay.get(key) ?? this.sharedValue(key);
  }

  /** The base's value for a key this side has not deleted. */
  private sharedValue(key: K): V | undefined {
    return this.deleted.size !== 0 && this.deleted.has(key) ? undefined : this.base.get(key);
  }

  set(key: K, value: V): this {
    if (value === undefined || value === null) throw new TypeError('CowMap values cannot be undefined or null');
    if (!this.shared) {
      if (!this.base.has(key)) this.count++;
      this.base.set(key, value);
      return this;
    }
    if (!this.has(key)) this.count++;
    this.overlay.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.count--;
    if (!this.shared) return this.base.delete(key);
    this.overlay.delete(key);
    if (this.base.has(key)) this.deleted.add(key);
    return true;
  }

  /** An independent copy: both sides share the current contents until they change them. */
  fork(): CowMap<K, V> {
    if (this.shared && (this.overlay.size > 0 || this.deleted.size > 0)) {
      // Fold the overlay into a new base so a chain of forks stays one level deep.
      this.base = new Map(this.entries());
      this.overlay = new Map();
      this.deleted = new Set();
    }
    this.shared = true;
    const other = new CowMap<K, V>([], this.copy);
    other.base = this.base;
    other.shared = true;
    other.count = this.count;
    return other;
  }

  entries(): IterableIterator<[K, V]> {
    if (!this.shared) return this.base.entries();
    const out: [K, V][] = [];
    this.forEachShared((v, k) => out.push([k, v]));
    return out[Symbol.iterator]();
  }

  keys(): IterableIterator<K> {
    if (!this.shared) return this.base.keys();
    const out: K[] = [];
    this.forEachShared((_v, k) => out.push(k));
    return out[Symbol.iterator]();
  }

  values(): IterableIterator<V> {
    if (!this.shared) return this.base.values();
    const out: V[] = [];
    this.forEachShared((v) => out.push(v));
    return out[Symbol.iterator]();
  }

  /** Every entry of a shared map in order: the base's (overridden or not, minus deleted), then new keys. */
  private forEachShared(f: (value: V, key: K) => void): void {
    const { base, overlay, deleted } = this;
    const anyDeleted = deleted.size !== 0;
    base.forEach((v, k) => {
      if (anyDeleted && deleted.has(k)) return;
      const own = overlay.get(k);
      f(own !== undefined ? own : v, k);
    });
    if (overlay.size === 0) return;
    overlay.forEach((v, k) => {
      if ((anyDeleted && deleted.has(k)) || !base.has(k)) f(v, k);
    });
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}


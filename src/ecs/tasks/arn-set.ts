/**
 * A set of task ARNs whose copy costs what changed, not its size: the live-task indexes hold one
 * per instance and per service, and a fork's first new task of a service of thousands of tasks
 * copied the whole set (a statsd-like service made every drain what-if copy ~2,700 ARNs).
 *
 * A set made new is a plain Set (`base`), changed in place. A copy (`copy()`, a CowMap's copy
 * function) shares `base`, frozen from then on, and keeps its own additions and removals beside
 * it (made on the first one: an AZ-sized what-if copies thousands of sets, most changed once);
 * once they outgrow half the base, it folds them into a base of its own. Iteration is in
 * insertion order: the base's, then the additions (tasks are added once, when created, so this is
 * creation order).
 *
 * @example
 * const a = new ArnSet(['t1', 't2']);
 * const b = a.copy(); // O(1): b shares a's ARNs
 * b.add('t3'); b.delete('t1');
 * [...b]; // ['t2', 't3']; a still holds t1 and t2 (a must not be changed once copied)
 */
export class ArnSet implements Iterable<string> {
  private base: Set<string>;
  /** the base is shared with copies: changes go to `added` / `removed` */
  private frozen = false;
  /** ARNs added beside a frozen base (null: none yet) */
  private added: Set<string> | null = null;
  /** ARNs of a frozen base removed on this side (null: none yet) */
  private removed: Set<string> | null = null;

  /** @param shared a frozen base to share instead of `arns` (`copy()` only) */
  constructor(arns: Iterable<string> = [], shared?: Set<string>) {
    this.base = shared ?? new Set(arns);
  }

  get size(): number {
    return this.base.size - (this.removed === null ? 0 : this.removed.size) + (this.added === null ? 0 : this.added.size);
  }

  has(arn: string): boolean {
    return (this.added !== null && this.added.has(arn)) || (this.base.has(arn) && (this.removed === null || !this.removed.has(arn)));
  }

  add(arn: string): void {
    if (!this.frozen) {
      this.base.add(arn);
      return;
    }
    if (this.removed !== null && this.removed.delete(arn)) return;
    if (!this.base.has(arn)) (this.added ??= new Set()).add(arn);
  }

  /** `add` of an ARN known to be in no set (a new task's): no lookups in the base first. */
  addNew(arn: string): void {
    if (!this.frozen) this.base.add(arn);
    else (this.added ??= new Set()).add(arn);
  }

  delete(arn: string): boolean {
    if (!this.frozen) return this.base.delete(arn);
    if (this.added !== null && this.added.delete(arn)) return true;
    if (!this.base.has(arn) || (this.removed !== null && this.removed.has(arn))) return false;
    (this.removed ??= new Set()).add(arn);
    if (this.removed.size + (this.added === null ? 0 : this.added.size) > this.base.size / 2) this.fold();
    return true;
  }

  /** An independent copy sharing this set's base (neither may change it from now on). */
  copy(): ArnSet {
    const c = new ArnSet([], this.base);
    c.frozen = this.frozen = true;
    if (this.added !== null && this.added.size !== 0) c.added = new Set(this.added);
    if (this.removed !== null && this.removed.size !== 0) c.removed = new Set(this.removed);
    return c;
  }

  /** Calls `f` with each ARN in order (no iterator: the live-task reads are hot). */
  forEach(f: (arn: string) => void): void {
    const { removed } = this;
    if (removed === null || removed.size === 0) this.base.forEach(f);
    else this.base.forEach((arn) => {
      if (!removed.has(arn)) f(arn);
    });
    if (this.added !== null) this.added.forEach(f);
  }

  private fold(): void {
    const base = new Set<string>();
    this.forEach((arn) => base.add(arn));
    this.base = base;
    this.frozen = false;
    this.added = null;
    this.removed = null;
  }

  [Symbol.iterator](): IterableIterator<string> {
    if ((this.removed === null || this.removed.size === 0) && (this.added === null || this.added.size === 0)) return this.base.values();
    const out: string[] = [];
    this.forEach((arn) => out.push(arn));
    return out.values();
  }
}

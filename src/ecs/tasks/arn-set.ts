/**
 * A set of task ARNs whose copy costs what changed, not its size: the live-task indexes hold one
 * per instance and per service, and a fork's first new task of a service of thousands of tasks
 * copied the whole set (a statsd-like service made every drain what-if copy ~2,700 ARNs).
 *
 * A set made new is a plain Set (`base`), changed in place. A copy (`copy()`, a CowMap's copy
 * function) shares `base`, frozen from then on, and keeps its own additions and removals beside
 * it; once they outgrow half the base, it folds them into a base of its own. Iteration is in
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
  private added = new Set<string>();
  private removed = new Set<string>();

  constructor(arns: Iterable<string> = []) {
    this.base = new Set(arns);
  }

  get size(): number {
    return this.base.size - this.removed.size + this.added.size;
  }

  has(arn: string): boolean {
    return this.added.has(arn) || (this.base.has(arn) && !this.removed.has(arn));
  }

  add(arn: string): void {
    if (!this.frozen) {
      this.base.add(arn);
      return;
    }
    if (this.removed.delete(arn)) return;
    if (!this.base.has(arn)) this.added.add(arn);
  }

  delete(arn: string): boolean {
    if (!this.frozen) return this.base.delete(arn);
    if (this.added.delete(arn)) return true;
    if (!this.base.has(arn) || this.removed.has(arn)) return false;
    this.removed.add(arn);
    if (this.removed.size + this.added.size > this.base.size / 2) this.fold();
    return true;
  }

  /** An independent copy sharing this set's base (neither may change it from now on). */
  copy(): ArnSet {
    const c = new ArnSet();
    c.base = this.base;
    c.frozen = this.frozen = true;
    c.added = new Set(this.added);
    c.removed = new Set(this.removed);
    return c;
  }

  private fold(): void {
    this.base = new Set(this);
    this.frozen = false;
    this.added = new Set();
    this.removed = new Set();
  }

  *[Symbol.iterator](): IterableIterator<string> {
    if (this.removed.size === 0) yield* this.base;
    else for (const arn of this.base) if (!this.removed.has(arn)) yield arn;
    yield* this.added;
  }
}

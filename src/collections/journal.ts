/**
 * An undo log, so that a call made of many writes either completes or leaves its state as it
 * was. Chosen over a copy-on-write fork swapped in on success: a fork's first write copies a
 * whole column group and a fork of a changed fork folds its maps in O(n), so every small call
 * would cost O(fleet); an undo log costs O(changes).
 *
 * Each structure that takes part (CowMap, InstanceStore, ResourceAccountant, SimClock,
 * SeededRandom) holds a `Journal | null` (`useJournal`). While a transaction is open, each of
 * its mutating methods calls `record(undo)` after validating and before its first write; the
 * undo puts back exactly what the write changes. Closed, a write costs one check (`depth`).
 *
 * Transactions nest: `begin` inside a transaction opens a savepoint; `rollback` undoes back to
 * the innermost savepoint and closes it, `commit` closes it and keeps its undos for the outer
 * transaction. Only the outermost `commit` forgets the undos (and runs `onCommit` callbacks).
 * Undos run newest first with recording switched off, so an undo may call ordinary methods.
 *
 * @example
 * const journal = new Journal();
 * store.useJournal(journal);
 * journal.atomically(() => { store.setStatus(arn, 'DRAINING'); mayThrow(); }); // all or nothing
 */
export type Undo = () => void;

/** The error a write point throws when a test injected a fault there (`injectFault`). */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}

export class Journal {
  /** Open transactions (0: none; writes record nothing). Read by every journaled write. */
  depth = 0;
  /**
   * Changes at every `begin` and `rollback`. A structure that does something once per
   * transaction (copy a record handed out by `get`, save its state before the first change)
   * compares it with the epoch it last did so.
   */
  epoch = 0;
  /** Write points recorded since the journal was made (tests count an operation's write points). */
  writePoints = 0;
  /**
   * Outermost transactions committed with at least one write: a version of everything journaled,
   * for caches of answers derived from it (the same count, the same state).
   */
  changes = 0;
  /** Run once at the next change (`onNextChange`). */
  private readonly nextChange: (() => void)[] = [];
  private readonly undos: Undo[] = [];
  private readonly savepoints: number[] = [];
  private readonly commits: (() => void)[] = [];
  private readonly commitSavepoints: number[] = [];
  /** Write points left before the injected fault; -1: no fault armed. */
  private faultCountdown = -1;

  /** Opens a transaction, or a savepoint inside the open one. */
  begin(): void {
    this.savepoints.push(this.undos.length);
    this.commitSavepoints.push(this.commits.length);
    this.depth++;
    this.epoch++;
  }

  /**
   * A write point: `undo` reverses the write the caller is about to make. Call it after
   * validating and before writing; if it throws (an injected fault), do not write.
   */
  record(undo: Undo): void {
    if (this.depth === 0) throw new Error('Journal.record: no transaction is open');
    if (this.faultCountdown >= 0 && this.faultCountdown-- === 0) {
      throw new InjectedFault(`injected fault at write point ${this.writePoints}`);
    }
    this.writePoints++;
    this.undos.push(undo);
  }

  /** Runs `f` once the outermost transaction commits (never if it rolls back). */
  onCommit(f: () => void): void {
    if (this.depth === 0) throw new Error('Journal.onCommit: no transaction is open');
    this.commits.push(f);
  }

  /** Closes the innermost transaction, keeping its changes. */
  commit(): void {
    if (this.depth === 0) throw new Error('Journal.commit: no transaction is open');
    this.savepoints.pop();
    this.commitSavepoints.pop();
    if (--this.depth > 0) return;
    const changed = this.undos.length > 0;
    this.undos.length = 0;
    const commits = this.commits.splice(0);
    for (const f of commits) f();
    if (changed) {
      this.changes++;
      for (const f of this.nextChange.splice(0)) f();
    }
  }

  /**
   * Runs `f` once, when the next outermost transaction that wrote something commits (`changes`
   * moves): for a cache of answers derived from the state, to let go of them as soon as they are
   * stale.
   */
  onNextChange(f: () => void): void {
    this.nextChange.push(f);
  }

  /**
   * Undoes every write of the innermost transaction, newest first, and closes it. If an undo
   * throws (a bug), the others still run and the first error is rethrown afterwards.
   */
  rollback(): void {
    if (this.depth === 0) throw new Error('Journal.rollback: no transaction is open');
    const mark = this.savepoints.pop()!;
    this.commits.length = this.commitSavepoints.pop()!;
    const depth = --this.depth;
    this.epoch++;
    // Undos run with recording off: an undo's own writes must not be journaled.
    this.depth = 0;
    const fault = this.faultCountdown;
    this.faultCountdown = -1;
    let failure: unknown = null;
    const undos = this.undos;
    for (let i = undos.length - 1; i >= mark; i--) {
      try {
        undos[i]!();
      } catch (error) {
        failure ??= error;
      }
    }
    undos.length = mark;
    this.depth = depth;
    this.faultCountdown = fault;
    if (failure !== null) throw failure;
  }

  /** `f()` in a transaction: committed if it returns, rolled back (and the error rethrown) if it throws. */
  atomically<T>(f: () => T): T {
    this.begin();
    let result: T;
    try {
      result = f();
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.commit();
    return result;
  }

  /**
   * For fault-injection tests: the `k`-th write point from now (0 = the next one) throws
   * `InjectedFault` instead of recording. Stays armed until it fires or `clearFault` is called.
   */
  injectFault(k: number): void {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`injectFault: k must be a non-negative integer; got ${k}`);
    this.faultCountdown = k;
  }

  /** Disarms an injected fault that has not fired. */
  clearFault(): void {
    this.faultCountdown = -1;
  }

  /** Whether an injected fault is still armed (it has not fired). */
  get faultArmed(): boolean {
    return this.faultCountdown >= 0;
  }
}

/** Whether `journal` has a transaction open: the check every journaled write makes first. */
export function recording(journal: Journal | null): journal is Journal {
  return journal !== null && journal.depth !== 0;
}

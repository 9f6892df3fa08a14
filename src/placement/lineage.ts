/**
 * What changed between two states of one family of what-if forks, read from change logs: a
 * structure built from a store and its accountant at some revisions (a Prepared) can serve a
 * fork, the fork's parent or a sibling by revisiting only the slots that may differ.
 *
 * Every fork knows its parent and the parent's revision when it was made (`origin`, held
 * weakly), and its own log starts at revision 0. Two states — `from` (a store and accountant at
 * marked revisions) and `to` (now) — differ only in slots noted on the way between them through
 * their lowest common ancestor: on each side, every fork's log from its birth up to where the
 * path leaves it (for `from`'s own store: its mark), and in the ancestor's log the revisions
 * between the two places the paths leave it. The store's and the accountant's logs are read
 * alike. Null when the logs cannot tell: no common ancestor alive, a change that cannot be
 * localised (noteAll: registrations, attributes, undos of a rollback), a log that no longer
 * holds the range, or more changes than the caller's limit.
 */
import type { ChangeLog, ForkOrigin } from '../collections/change-log.js';
import type { ResourceAccountant } from '../resources/accountant.js';
import type { InstanceStore } from '../store/store.js';

/** A store and its accountant (the accountant over the store: cloned with it for forks). */
export interface Sides {
  readonly store: InstanceStore;
  readonly accountant: ResourceAccountant;
}

/** A store and accountant at revisions of their change logs. */
export interface MarkedSides extends Sides {
  readonly storeMark: number;
  readonly accountantMark: number;
}

/** A step on the path from a state up to its root: a store and accountant, and where the path leaves their logs. */
interface Step {
  readonly store: InstanceStore;
  readonly accountant: ResourceAccountant;
  readonly storeRevision: number;
  readonly accountantRevision: number;
}

/** The origin of an accountant, if it has one (stand-ins for the accountant may not). */
function originOf(accountant: ResourceAccountant): ForkOrigin<ResourceAccountant> | null {
  return (accountant as { origin?: ForkOrigin<ResourceAccountant> | null }).origin ?? null;
}

/** The path from a state up through the parents still alive, each store's accountant cloned with it. */
function pathUp(sides: Sides, storeRevision: number, accountantRevision: number): Step[] {
  let { store, accountant } = sides;
  const path: Step[] = [{ store, accountant, storeRevision, accountantRevision }];
  for (;;) {
    const storeOrigin = store.origin;
    const accountantOrigin = originOf(accountant);
    if (storeOrigin === null || accountantOrigin === null) return path;
    const parentStore = storeOrigin.parent.deref();
    const parentAccountant = accountantOrigin.parent.deref();
    if (parentStore === undefined || parentAccountant === undefined || parentAccountant.store !== parentStore) return path;
    store = parentStore;
    accountant = parentAccountant;
    path.push({ store, accountant, storeRevision: storeOrigin.revision, accountantRevision: accountantOrigin.revision });
  }
}

/**
 * The nearest store at or above `sides` (through the parents still alive) that `isAnchor` names,
 * else the oldest one alive; and the notes between them: in the logs of the stores below it on
 * the way, each up to where the path leaves it (the anchor's own not counted). A structure kept
 * from a state this far from the anchor can serve no store of the anchor's family with fewer
 * notes between them (changedSlots reads at least these), nor the anchor.
 *
 * @example
 * const fork = store.clone(); const forkAccountant = accountant.cloneFor(fork);
 * fork.setStatus(arn, 'DRAINING');
 * nearestAnchor({ store: fork, accountant: forkAccountant }, () => false); // { anchor: store, notes: 1 } (or as many as were noted)
 */
export function nearestAnchor(sides: Sides, isAnchor: (store: InstanceStore) => boolean): { anchor: InstanceStore; notes: number } {
  // A store that is no fork (placement outside what-ifs) anchors its own family: no path to walk.
  if (sides.store.origin === null) return { anchor: sides.store, notes: 0 };
  const path = pathUp(sides, sides.store.changes.revision, sides.accountant.changes.revision);
  let notes = 0;
  for (let k = 0; k < path.length - 1; k++) {
    if (isAnchor(path[k]!.store)) return { anchor: path[k]!.store, notes };
    notes += path[k]!.storeRevision + path[k]!.accountantRevision;
  }
  return { anchor: path[path.length - 1]!.store, notes };
}

/**
 * The slots that may differ between `from` at its marks and `to` now — each once, or as noted
 * when there are few notes (DEDUPE_FROM) — in no particular order; null when the
 * logs cannot tell, or more than `maxNotes` changes were noted on the way, or they name more
 * than `maxSlots` slots.
 *
 * @example
 * const fork = store.clone(); const forkAccountant = accountant.cloneFor(fork);
 * fork.setStatus(arn, 'DRAINING');
 * changedSlots({ store, accountant, storeMark: store.changes.revision, accountantMark: accountant.changes.revision },
 *   { store: fork, accountant: forkAccountant }, 1000, 1000); // Int32Array [slot of arn]
 */
export function changedSlots(from: MarkedSides, to: Sides, maxNotes: number, maxSlots: number): Int32Array | null {
  if (from.store === to.store && from.accountant === to.accountant) {
    // The common case, between calls on one store: no paths to walk.
    return collect([[to.store.changes, from.storeMark, to.store.changes.revision], [to.accountant.changes, from.accountantMark, to.accountant.changes.revision]], to.store.size, maxNotes, maxSlots);
  }
  const up = pathUp(from, from.storeMark, from.accountantMark);
  const down = pathUp(to, to.store.changes.revision, to.accountant.changes.revision);
  const onDown = new Map<InstanceStore, number>();
  down.forEach((s, k) => onDown.set(s.store, k));
  let i = 0;
  let j = -1;
  for (; i < up.length; i++) {
    j = onDown.get(up[i]!.store) ?? -1;
    if (j >= 0) break;
  }
  // The stores' common ancestor must be the accountants' too.
  if (j < 0 || down[j]!.accountant !== up[i]!.accountant) return null;
  // The ranges to read, [log, from, to), and how many notes they hold.
  const ranges: (readonly [ChangeLog, number, number])[] = [];
  for (let k = 0; k < i; k++) ranges.push([up[k]!.store.changes, 0, up[k]!.storeRevision], [up[k]!.accountant.changes, 0, up[k]!.accountantRevision]);
  for (let k = 0; k < j; k++) ranges.push([down[k]!.store.changes, 0, down[k]!.storeRevision], [down[k]!.accountant.changes, 0, down[k]!.accountantRevision]);
  const a = up[i]!;
  const b = down[j]!;
  ranges.push(
    [a.store.changes, Math.min(a.storeRevision, b.storeRevision), Math.max(a.storeRevision, b.storeRevision)],
    [a.accountant.changes, Math.min(a.accountantRevision, b.accountantRevision), Math.max(a.accountantRevision, b.accountantRevision)],
  );
  return collect(ranges, to.store.size, maxNotes, maxSlots);
}

/** Few notes are returned as they are (a refresh is idempotent: repeats cost a little, a bitmap of the fleet more). */
const DEDUPE_FROM = 256;

/** The slots noted in `ranges` ([log, from, to]), each once (or, for few notes, as noted); null as changedSlots. */
function collect(ranges: readonly (readonly [ChangeLog, number, number])[], size: number, maxNotes: number, maxSlots: number): Int32Array | null {
  let total = 0;
  for (const [, lo, hi] of ranges) total += hi - lo;
  if (total > maxNotes) return null;
  if (total <= DEDUPE_FROM && total <= maxSlots) {
    const out = new Int32Array(total);
    let n = 0;
    for (const [log, lo, hi] of ranges) {
      const ids = log.between(lo, hi);
      if (ids === null) return null;
      for (let k = 0; k < ids.length; k++) if (ids[k]! >= size) return null;
      out.set(ids, n);
      n += ids.length;
    }
    return out;
  }
  const seen = new Uint8Array(size);
  const out = new Int32Array(Math.min(total, maxSlots));
  let n = 0;
  for (const [log, lo, hi] of ranges) {
    const ids = log.between(lo, hi);
    if (ids === null) return null;
    for (let k = 0; k < ids.length; k++) {
      const slot = ids[k]!;
      // A slot past the store's end cannot be refreshed here: the caller must rebuild.
      if (slot >= seen.length) return null;
      if (seen[slot] === 0) {
        if (n === maxSlots) return null;
        seen[slot] = 1;
        out[n++] = slot;
      }
    }
  }
  return out.subarray(0, n);
}

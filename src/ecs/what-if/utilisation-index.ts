/**
 * Utilisation kept incrementally, so a what-if report costs what the what-if changed: per
 * instance, its last counted contribution (reserved and registered CPU and memory, tasks; zero
 * unless ACTIVE or DRAINING) and its groups (its AZ, type and family); per group, the sums. On
 * each read the index brings itself up to date from the store's and the accountant's change logs
 * (every reservation, release, status and task-count change notes its slot there): it subtracts
 * a changed instance's old contribution and adds its new one. A change the logs cannot localise
 * (a registration, an attribute change, more changes than a log keeps) rebuilds it: O(fleet),
 * like the full scan `utilisationOf` it is tested against.
 *
 * A fork copies the sums (a few dozen groups) and shares the per-instance arrays, a page of 256
 * slots at a time, until its first change to the page (copying the whole arrays cost a
 * one-instance drain more than its refreshes); it reads its own store's logs from their start.
 */
import type { ResourceAccountant } from '../../resources/accountant.js';
import type { ClusterRecord } from '../clusters/record.js';
import type { InstanceStore } from '../../store/store.js';
import { breakdownOf, type UtilisationBreakdown, type UtilisationSums } from './utilisation.js';

/** Contribution fields per slot, in this order. */
const CPU = 0;
const CPU_TOTAL = 1;
const MEM = 2;
const MEM_TOTAL = 3;
const TASKS = 4;
const FIELDS = 5;
/** Groups per slot: total, AZ, type, family. */
const GROUPS = 4;
/** Slots per page of the per-slot arrays. */
const PAGE_SHIFT = 8;
const PAGE = 1 << PAGE_SHIFT;

export class UtilisationIndex {
  /** per page of PAGE slots, FIELDS numbers per slot: what the slot adds to its groups now */
  private contribution: Float64Array[] = [];
  /** per page, GROUPS group ids per slot (-1: none yet) */
  private groupsOf: Int32Array[] = [];
  /** per page, 1 if this side may write it (it is no other side's); null: every page */
  private ownedPages: Uint8Array | null = null;
  /** group key (`total`, `az:…`, `type:…`, `family:…`) ↔ id; FIELDS sums per id */
  private keys: string[] = [];
  private ids = new Map<string, number>();
  private sums: number[] = [];
  private storeMark: number;
  private accountantMark: number;

  private constructor(private readonly store: InstanceStore, readonly accountant: ResourceAccountant) {
    this.storeMark = store.changes.revision;
    this.accountantMark = accountant.changes.revision;
  }

  /** An index over a store and its accountant, built now. */
  static build(store: InstanceStore, accountant: ResourceAccountant): UtilisationIndex {
    const index = new UtilisationIndex(store, accountant);
    index.rebuild();
    return index;
  }

  /** The breakdown now (brought up to date first). */
  breakdown(): UtilisationBreakdown {
    this.update();
    const acc: UtilisationSums = new Map();
    for (let id = 0; id < this.keys.length; id++) {
      const s = this.sums;
      const o = id * FIELDS;
      // A group no instance counts in any more (all its instances gone) is left out, as the scan leaves it out.
      if (this.members[id] === 0) continue;
      acc.set(this.keys[id]!, { cpu: s[o + CPU]!, cpuTotal: s[o + CPU_TOTAL]!, mem: s[o + MEM]!, memTotal: s[o + MEM_TOTAL]!, tasks: s[o + TASKS]! });
    }
    return breakdownOf(acc);
  }

  /** How many counted instances each group has. */
  private members: number[] = [];

  /** An index for a fork: `store` and `accountant` are the fork's clones of this index's. */
  fork(store: InstanceStore, accountant: ResourceAccountant): UtilisationIndex {
    this.update();
    const copy = new UtilisationIndex(store, accountant);
    copy.contribution = [...this.contribution];
    copy.groupsOf = [...this.groupsOf];
    copy.ownedPages = new Uint8Array(this.groupsOf.length);
    this.ownedPages = new Uint8Array(this.groupsOf.length);
    copy.keys = [...this.keys];
    copy.ids = new Map(this.ids);
    copy.sums = [...this.sums];
    copy.members = [...this.members];
    return copy;
  }

  /** Brings the sums up to date from the change logs, or rebuilds. */
  private update(): void {
    const storeChanges = this.store.changes.since(this.storeMark);
    const accountantChanges = this.accountant.changes.since(this.accountantMark);
    this.storeMark = this.store.changes.revision;
    this.accountantMark = this.accountant.changes.revision;
    // (A change log holds up to 131,072 notes: past a fleet's worth, a rebuild is cheaper than replaying them.)
    if (storeChanges === null || accountantChanges === null || this.store.size > this.groupsOf.length * PAGE || storeChanges.length + accountantChanges.length > 2 * this.store.size) {
      this.rebuild();
      return;
    }
    for (let i = 0; i < storeChanges.length; i++) this.refresh(storeChanges[i]!);
    for (let i = 0; i < accountantChanges.length; i++) this.refresh(accountantChanges[i]!);
  }

  private rebuild(): void {
    const n = this.store.size;
    const pages = Math.ceil(n / PAGE);
    this.contribution = Array.from({ length: pages }, () => new Float64Array(PAGE * FIELDS));
    this.groupsOf = Array.from({ length: pages }, () => new Int32Array(PAGE * GROUPS).fill(-1));
    this.ownedPages = null;
    this.keys = [];
    this.ids = new Map();
    this.sums = [];
    this.members = [];
    this.groupOf('total');
    for (let slot = 0; slot < n; slot++) this.refresh(slot);
    this.storeMark = this.store.changes.revision;
    this.accountantMark = this.accountant.changes.revision;
  }

  /** The page holding `slot`, this side's own from now on. */
  private ownPage(slot: number): number {
    const page = slot >>> PAGE_SHIFT;
    const owned = this.ownedPages;
    if (owned !== null && owned[page] === 0) {
      this.contribution[page] = this.contribution[page]!.slice();
      this.groupsOf[page] = this.groupsOf[page]!.slice();
      owned[page] = 1;
    }
    return page;
  }

  private groupOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      for (let f = 0; f < FIELDS; f++) this.sums.push(0);
      this.members.push(0);
    }
    return id;
  }

  /** Replaces a slot's contribution by what it is now. */
  private refresh(slot: number): void {
    const page = this.ownPage(slot);
    const { store, sums } = this;
    const contribution = this.contribution[page]!;
    const groupsOf = this.groupsOf[page]!;
    const o = (slot & (PAGE - 1)) * FIELDS;
    const g = (slot & (PAGE - 1)) * GROUPS;
    // Take the old contribution out. Its groups stay the slot's (an attribute change rebuilds the index).
    const counted = groupsOf[g]! >= 0;
    const az = groupsOf[g + 1]!;
    const type = groupsOf[g + 2]!;
    const family = groupsOf[g + 3]!;
    if (counted) {
      for (let k = 0; k < GROUPS; k++) {
        const id = groupsOf[g + k]!;
        for (let f = 0; f < FIELDS; f++) sums[id * FIELDS + f]! -= contribution[o + f]!;
        this.members[id]!--;
        groupsOf[g + k] = -1;
      }
    }
    const status = store.isLive(slot) ? store.status.get(slot) : undefined;
    if ((status !== 'ACTIVE' && status !== 'DRAINING') || !this.accountant.has(slot)) return;
    const { cpu: cpuTotal, memory: memTotal } = this.accountant.registered(slot);
    contribution[o + CPU] = cpuTotal - store.remainingCpu[slot]!;
    contribution[o + CPU_TOTAL] = cpuTotal;
    contribution[o + MEM] = memTotal - store.remainingMemory[slot]!;
    contribution[o + MEM_TOTAL] = memTotal;
    contribution[o + TASKS] = store.runningTasksCount[slot]! + store.pendingTasksCount[slot]!;
    groupsOf[g] = 0;
    if (counted) {
      groupsOf[g + 1] = az;
      groupsOf[g + 2] = type;
      groupsOf[g + 3] = family;
    } else {
      const typeValue = store.attributes.get('ecs.instance-type')?.get(slot) ?? '(none)';
      const azValue = store.attributes.get('ecs.availability-zone')?.get(slot) ?? '(none)';
      groupsOf[g + 1] = this.groupOf(`az:${azValue}`);
      groupsOf[g + 2] = this.groupOf(`type:${typeValue}`);
      groupsOf[g + 3] = this.groupOf(`family:${typeValue.split('.')[0]}`);
    }
    for (let k = 0; k < GROUPS; k++) {
      const id = groupsOf[g + k]!;
      for (let f = 0; f < FIELDS; f++) this.sums[id * FIELDS + f]! += contribution[o + f]!;
      this.members[id]!++;
    }
  }
}

/**
 * Each cluster's utilisation index, by the cluster's store (built on first use; a fork's comes
 * from its original's). Not by the cluster record: an API call's transaction works on a copy of
 * the record, which then takes the original's place (the store and accountant stay).
 */
const indexes = new WeakMap<InstanceStore, UtilisationIndex>();

function indexOf(cluster: ClusterRecord): UtilisationIndex | undefined {
  const index = indexes.get(cluster.store);
  return index?.accountant === cluster.accountant ? index : undefined;
}

/**
 * The cluster's utilisation, as `utilisationOf` computes it, at the cost of what changed since the
 * last call (or since the fork it was made from).
 */
export function utilisation(cluster: ClusterRecord): UtilisationBreakdown {
  let index = indexOf(cluster);
  if (index === undefined) indexes.set(cluster.store, (index = UtilisationIndex.build(cluster.store, cluster.accountant)));
  return index.breakdown();
}

/** `fork` (a fork of `original`) starts from `original`'s index, if it has one. */
export function forkUtilisation(original: ClusterRecord, fork: ClusterRecord): void {
  const index = indexOf(original);
  if (index !== undefined) indexes.set(fork.store, index.fork(fork.store, fork.accountant));
}

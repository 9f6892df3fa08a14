/**
 * The container-instance store: instances in dense integer slots, hot scalar fields in
 * typed-array columns, text fields dictionary-encoded with posting lists, and the task
 * groups on each instance indexed by group. Every mutation keeps every index exact; the
 * planner (`plan.ts`) reads them to answer CQL queries.
 *
 * Journal: with a transaction open (`useJournal`), each mutation validates, then records one
 * undo holding the before-image of what it may touch, then writes. An undo sets things back to
 * that image through the same copy-on-write helpers (so a fork made meanwhile is never written),
 * and each of its steps is idempotent, so it also repairs a mutation that stopped half-way.
 * Restored exactly: slots, columns, dictionary codes, presence bitsets, posting-list contents,
 * ec2 id lists, per-slot group maps (key order too), attribute and group names (names first seen
 * in the undone change are dropped, so ordinals are as before). Not restored, being invisible to
 * every read: grown capacity, a posting list's internal order (readers sort), dictionary values
 * first seen in the undone change (kept with empty posting lists: codes are never reused, which
 * keeps the planner's per-code memos valid), and `revision`, which every undo bumps instead.
 */
import type { Attribute, ContainerInstance } from '../shapes.js';
import { clearBit, hasBit, setBit, wordsFor, type Bits } from '../collections/bits.js';
import { DictionaryColumn, grownFloat64, grownInt32 } from './dictionary-column.js';
import type { Expr } from '../cql/index.js';
import { ChangeLog, type ForkOrigin } from '../collections/change-log.js';
import { CowMap } from '../collections/cow-map.js';
import { recording, type Journal } from '../collections/journal.js';
import { SlotPostingList } from '../collections/posting.js';
import { explainQuery, querySlots } from './query.js';
import type { ContainerInstanceStore, PlanExplanation, QueryOptions } from './types.js';

const INITIAL_CAPACITY = 64;

/** The container-instance statuses of ECS (reference §3.1). */
export const STATUSES = ['REGISTERING', 'REGISTRATION_FAILED', 'ACTIVE', 'INACTIVE', 'DEREGISTERING', 'DRAINING'] as const;

/**
 * Column groups a what-if fork shares with its parent until it first writes one (a bit each):
 * the first write copies the group's arrays, so forking costs no copies at all.
 */
const SLOTS = 1; // live, sequence, arns
const COUNTS = 2; // runningTasksCount, pendingTasksCount
const REGISTERED_AT = 4;
const RESOURCES = 8; // remainingCpu, remainingMemory, enisInUse
const EC2 = 16; // ec2InstanceIds, withEc2Id
const GROUPS = 32; // groupsBySlot (the array; each slot's map is copied on its own), withTasks
const ALL_SHARED = SLOTS | COUNTS | REGISTERED_AT | RESOURCES | EC2 | GROUPS;

export class StoreError extends Error {}

/** A slot's numeric columns: sequence, running and pending tasks, registeredAt, remaining CPU, memory, ENIs in use. */
type Row = readonly [number, number, number, number, number, number, number];

type FixedColumn = 'status' | 'agentConnected' | 'agentVersion';
const FIXED_COLUMNS: readonly FixedColumn[] = ['status', 'agentConnected', 'agentVersion'];

function grownBits(bits: Bits, capacity: number): Bits {
  const grown = new Uint32Array(wordsFor(capacity));
  grown.set(bits);
  return grown;
}

/**
 * @example
 * const store = new InstanceStore();
 * store.register({ containerInstanceArn: arn, status: 'ACTIVE', attributes: [{ name: 'stack', value: 'prod' }] });
 * store.query('attribute:stack == prod'); // [arn]
 */
export class InstanceStore implements ContainerInstanceStore {
  /** Slots allocated so far (live or freed); every column has at least this many rows. */
  size = 0;
  capacity = INITIAL_CAPACITY;
  liveCount = 0;
  live: Bits = new Uint32Array(wordsFor(INITIAL_CAPACITY));
  /** Registration sequence number per slot: the order queries return. */
  sequence: Float64Array = new Float64Array(INITIAL_CAPACITY);
  private nextSequence = 0;
  private readonly freeSlots: number[] = [];
  /** True once a freed slot was reused, so slot order may differ from registration order. */
  slotOrderDiffers = false;

  arns: (string | undefined)[] = [];
  private slotByArn = new CowMap<string, number>();

  // ---- columns ---------------------------------------------------------------------------
  runningTasksCount: Int32Array = new Int32Array(INITIAL_CAPACITY);
  pendingTasksCount: Int32Array = new Int32Array(INITIAL_CAPACITY);
  /** epoch milliseconds; NaN when unknown */
  registeredAt: Float64Array = new Float64Array(INITIAL_CAPACITY).fill(NaN);
  /** Room for the resource accountant: remaining CPU units, MiB, and ENIs in use. */
  remainingCpu: Int32Array = new Int32Array(INITIAL_CAPACITY);
  remainingMemory: Int32Array = new Int32Array(INITIAL_CAPACITY);
  enisInUse: Int32Array = new Int32Array(INITIAL_CAPACITY);

  status = new DictionaryColumn(INITIAL_CAPACITY);
  agentConnected = new DictionaryColumn(INITIAL_CAPACITY);
  agentVersion = new DictionaryColumn(INITIAL_CAPACITY);
  /** attribute name → its column; a valueless attribute is stored as '' */
  attributes = new Map<string, DictionaryColumn>();

  // ---- ec2InstanceId: nearly unique, so a map rather than a dictionary column -------------
  ec2InstanceIds: (string | undefined)[] = [];
  /** id → its slot, or its slots (a frozen array) when several instances share it */
  private slotsByEc2Id = new CowMap<string, number | readonly number[]>();
  withEc2Id: Bits = new Uint32Array(wordsFor(INITIAL_CAPACITY));

  // ---- task groups ---------------------------------------------------------------------
  /** per slot: group → tasks of it on the slot */
  private groupsBySlot: (Map<string, number> | undefined)[] = [];
  groupPostings = new Map<string, SlotPostingList>();
  /** Slots with at least one task. */
  withTasks: Bits = new Uint32Array(wordsFor(INITIAL_CAPACITY));

  // ---- copy-on-write after fork() ----------------------------------------------------------
  /** Column groups still shared with another fork (bits above). */
  private shared = 0;
  private ownedColumns = new WeakSet<DictionaryColumn | SlotPostingList>();
  /** Slots whose group map this side owns; null when it owns them all (never forked). */
  private ownedGroupMaps: Bits | null = null;

  /** Bumped by every mutation (and every undo); cached query results compare it. */
  revision = 0;
  /**
   * Which slots changed (status, agent, counts, task groups), for readers that keep structures
   * across mutations (placement); registrations, deregistrations, attribute changes and undos
   * note "all".
   */
  readonly changes = new ChangeLog();
  /** The store this one was cloned from, and its change-log revision then (null: not a clone). */
  origin: ForkOrigin<InstanceStore> | null = null;

  private journal: Journal | null = null;
  /**
   * Per slot, the journal epoch in which its remaining resources (bit 0 of the pair) and its
   * group map were last saved: placement changes the same slots many times in one call, and
   * only the first change of a transaction needs an undo (the earliest undo runs last).
   */
  private resourcesSaved = new Int32Array(0);
  private groupsSaved = new Int32Array(0);

  constructor() {
    // Before the first fork this side owns everything it holds.
    for (const column of [this.status, this.agentConnected, this.agentVersion]) this.ownedColumns.add(column);
  }

  /** Spare bitsets of the current width, so queries do not allocate (see takeBits). */
  private readonly spareBits: Bits[] = [];

  private slotBuffer = new Int32Array(0);

  /** A buffer with room for every slot, for collecting query results before copying them out. */
  scratchSlots(): Int32Array {
    if (this.slotBuffer.length < this.size) this.slotBuffer = new Int32Array(this.capacity);
    return this.slotBuffer;
  }

  /** A zeroed bitset as wide as the store; hand it back with giveBits when done. */
  takeBits(): Bits {
    const bits = this.spareBits.pop();
    if (bits === undefined) return new Uint32Array(this.live.length);
    bits.fill(0);
    return bits;
  }

  /** Returns a bitset from takeBits for reuse (bitsets of an older width are dropped). */
  giveBits(bits: Bits): void {
    if (bits.length === this.live.length && this.spareBits.length < 16) this.spareBits.push(bits);
  }

  // ---- slots -----------------------------------------------------------------------------

  slotOf(arn: string): number {
    const slot = this.slotByArn.get(arn);
    if (slot === undefined) throw new StoreError(`no container instance ${arn} in the store`);
    return slot;
  }

  has(arn: string): boolean {
    return this.slotByArn.has(arn);
  }

  /** Journals every later change in `journal`'s open transactions (null: none). A clone starts without one. */
  useJournal(journal: Journal | null): void {
    this.journal = journal;
    this.resourcesSaved = new Int32Array(0);
    this.groupsSaved = new Int32Array(0);
  }

  /** Whether `slot` was not yet saved in `stamps` in the journal's epoch; stamps it. */
  private firstTouch(stamps: 'resourcesSaved' | 'groupsSaved', slot: number, journal: Journal): boolean {
    let saved = this[stamps];
    if (slot >= saved.length) {
      const grown = new Int32Array(this.capacity).fill(-1);
      grown.set(saved);
      this[stamps] = saved = grown;
    }
    if (saved[slot] === journal.epoch) return false;
    saved[slot] = journal.epoch;
    return true;
  }

  /** In an open transaction, saves a slot's group map (once per transaction) before it changes. */
  private saveGroups(slot: number, journal: Journal): void {
    if (!this.firstTouch('groupsSaved', slot, journal)) return;
    const groups = this.groupsBySlot[slot];
    const saved = groups === undefined ? undefined : new Map(groups);
    const groupNames = this.groupPostings.size;
    try {
      journal.record(() => {
        this.restoreGroups(slot, saved);
        this.dropNamesFrom(this.attributes.size, groupNames);
        this.revision++;
        this.changes.noteAll();
      });
    } catch (error) {
      this.groupsSaved[slot] = -1; // not saved after all
      throw error;
    }
  }

  /** Adds an instance (its `containerInstanceArn` must be new) and the groups of its tasks. */
  register(instance: ContainerInstance, taskGroups: Iterable<string> = []): number {
    const arn = instance.containerInstanceArn;
    if (arn === undefined) throw new StoreError('a container instance needs a containerInstanceArn');
    if (this.slotByArn.has(arn)) throw new StoreError(`container instance ${arn} is already in the store`);
    const groups = [...taskGroups];
    if (recording(this.journal)) this.journal.record(this.registerUndo(arn));
    this.own(SLOTS | COUNTS | REGISTERED_AT | RESOURCES);
    const slot = this.allocate();
    this.writeRow(slot, arn, instance, (name) => this.columnFor(name));
    for (const g of groups) this.addTaskAt(slot, g);
    this.revision++;
    this.changes.noteAll();
    return slot;
  }

  /**
   * `register` of many instances at once (loading a dump or a snapshot): the columns grown once
   * to the capacity one-by-one registration would reach, each attribute's column found once per
   * name, one revision. The store is the same as after registering them one by one, in order
   * (a test compares them), except that a refusal (an ARN missing, already in the store or
   * twice in `instances`) registers none. Returns their slots, in order.
   *
   * @example
   * const [a, b] = store.registerAll([{ containerInstanceArn: arnA, status: 'ACTIVE' }, { containerInstanceArn: arnB, status: 'ACTIVE' }]);
   */
  registerAll(instances: readonly ContainerInstance[]): number[] {
    // In a transaction each registration keeps its own undo.
    if (recording(this.journal)) return instances.map((instance) => this.register(instance));
    const arns = new Set<string>();
    for (const instance of instances) {
      const arn = instance.containerInstanceArn;
      if (arn === undefined) throw new StoreError('a container instance needs a containerInstanceArn');
      if (this.slotByArn.has(arn) || arns.has(arn)) throw new StoreError(`container instance ${arn} is already in the store`);
      arns.add(arn);
    }
    this.own(SLOTS | COUNTS | REGISTERED_AT | RESOURCES);
    let capacity = this.capacity;
    const size = this.size + Math.max(0, instances.length - this.freeSlots.length);
    while (capacity < size) capacity *= 2;
    if (capacity > this.capacity) this.grow(capacity);
    const columns = new Map<string, DictionaryColumn>();
    const columnOf = (name: string): DictionaryColumn => {
      let column = columns.get(name);
      if (column === undefined) columns.set(name, (column = this.columnFor(name)));
      return column;
    };
    const slots = instances.map((instance) => {
      const slot = this.allocate();
      this.writeRow(slot, instance.containerInstanceArn!, instance, columnOf);
      return slot;
    });
    this.revision++;
    this.changes.noteAll();
    return slots;
  }

  /** A new instance's row: its slot allocated, its SLOTS, COUNTS, REGISTERED_AT and RESOURCES owned. */
  private writeRow(slot: number, arn: string, instance: ContainerInstance, columnOf: (name: string) => DictionaryColumn): void {
    this.arns[slot] = arn;
    this.slotByArn.set(arn, slot);
    this.sequence[slot] = this.nextSequence++;
    this.runningTasksCount[slot] = instance.runningTasksCount ?? 0;
    this.pendingTasksCount[slot] = instance.pendingTasksCount ?? 0;
    this.registeredAt[slot] = instance.registeredAt instanceof Date ? instance.registeredAt.getTime() : NaN;
    this.remainingCpu[slot] = 0;
    this.remainingMemory[slot] = 0;
    this.enisInUse[slot] = 0;
    if (instance.status !== undefined) this.fixedColumn('status').set(slot, instance.status);
    if (instance.agentConnected !== undefined) this.fixedColumn('agentConnected').set(slot, String(instance.agentConnected));
    const version = instance.versionInfo?.agentVersion;
    if (version !== undefined) this.fixedColumn('agentVersion').set(slot, version);
    if (instance.ec2InstanceId !== undefined) this.linkEc2Id(slot, instance.ec2InstanceId);
    for (const a of instance.attributes ?? []) {
      if (a.name !== undefined) columnOf(a.name).set(slot, a.value ?? '');
    }
    setBit(this.live, slot);
    this.liveCount++;
  }

  /** The undo of a registration about to happen: free the slot it will take, as it was. */
  private registerUndo(arn: string): () => void {
    const reused = this.freeSlots.length > 0;
    const slot = reused ? this.freeSlots[this.freeSlots.length - 1]! : this.size;
    const { nextSequence, slotOrderDiffers, liveCount } = this;
    const names = this.attributes.size;
    const groupNames = this.groupPostings.size;
    const row = slot < this.size ? this.rowAt(slot) : null;
    return () => {
      this.clearSlot(slot);
      if (this.slotByArn.peek(arn) === slot) this.slotByArn.delete(arn);
      this.own(SLOTS);
      this.arns[slot] = undefined;
      if (row !== null) this.setRow(slot, row);
      if (reused) {
        if (this.freeSlots[this.freeSlots.length - 1] !== slot) this.freeSlots.push(slot);
      } else if (this.size === slot + 1) this.size = slot;
      this.nextSequence = nextSequence;
      this.slotOrderDiffers = slotOrderDiffers;
      this.liveCount = liveCount;
      this.dropNamesFrom(names, groupNames);
      this.revision++;
      this.changes.noteAll();
    };
  }

  /** Removes an instance and everything indexed about it; its slot is reused later. */
  deregister(arn: string): void {
    const slot = this.slotOf(arn);
    if (recording(this.journal)) this.journal.record(this.deregisterUndo(arn, slot));
    this.clearSlot(slot);
    this.slotByArn.delete(arn);
    // (clearSlot made live, arns and withTasks this side's)
    this.arns[slot] = undefined;
    this.freeSlots.push(slot);
    this.liveCount--;
    if (this.liveCount === 0) this.slotOrderDiffers = false;
    this.revision++;
    this.changes.noteAll();
  }

  /** Clears every index entry of a slot and its live bit (idempotent). */
  private clearSlot(slot: number): void {
    this.own(SLOTS | GROUPS);
    for (const name of FIXED_COLUMNS) if (this[name].get(slot) !== undefined) this.fixedColumn(name).clear(slot);
    for (const [name, column] of this.attributes) if (column.get(slot) !== undefined) this.columnFor(name).clear(slot);
    this.unlinkEc2Id(slot);
    const groups = this.groupsBySlot[slot];
    if (groups) for (const g of groups.keys()) this.postingFor(g).removeSlot(slot);
    this.groupsBySlot[slot] = undefined;
    clearBit(this.withTasks, slot);
    clearBit(this.live, slot);
  }

  /** The undo of a deregistration about to happen: everything indexed about the slot, put back. */
  private deregisterUndo(arn: string, slot: number): () => void {
    const texts = this.textsAt(slot);
    const ec2Id = this.ec2InstanceIds[slot];
    const ec2Entry = ec2Id === undefined ? undefined : this.slotsByEc2Id.peek(ec2Id);
    const groups = this.groupsBySlot[slot];
    const savedGroups = groups === undefined ? undefined : new Map(groups);
    const { liveCount, slotOrderDiffers } = this;
    return () => {
      this.own(SLOTS | EC2);
      if (this.freeSlots[this.freeSlots.length - 1] === slot) this.freeSlots.pop();
      this.arns[slot] = arn;
      if (!this.slotByArn.has(arn)) this.slotByArn.set(arn, slot);
      for (const [name, code] of texts) this.restoreText(name, slot, code);
      if (ec2Id !== undefined && ec2Entry !== undefined) {
        this.ec2InstanceIds[slot] = ec2Id;
        this.slotsByEc2Id.set(ec2Id, ec2Entry);
        setBit(this.withEc2Id, slot);
      }
      this.restoreGroups(slot, savedGroups);
      setBit(this.live, slot);
      this.liveCount = liveCount;
      this.slotOrderDiffers = slotOrderDiffers;
      this.revision++;
      this.changes.noteAll();
    };
  }

  /** The dictionary codes of a slot: fixed columns by their name, attributes as `attribute:<name>`. */
  private textsAt(slot: number): [string, number][] {
    const out: [string, number][] = [];
    for (const name of FIXED_COLUMNS) {
      const code = this[name].codes[slot]!;
      if (code !== 0) out.push([name, code]);
    }
    for (const [name, column] of this.attributes) {
      const code = column.codes[slot]!;
      if (code !== 0) out.push([`attribute:${name}`, code]);
    }
    return out;
  }

  /** Sets a slot's code in a column named as `textsAt` names it (0: absent); the column must exist. */
  private restoreText(name: string, slot: number, code: number): void {
    const attribute = name.startsWith('attribute:') ? name.slice('attribute:'.length) : null;
    const current = attribute === null ? this[name as FixedColumn] : this.attributes.get(attribute);
    if (current === undefined || current.codes[slot] === code) return;
    const column = attribute === null ? this.fixedColumn(name as FixedColumn) : this.columnFor(attribute);
    if (code === 0) column.clear(slot);
    else column.set(slot, column.values[code]!);
  }

  /** A slot's group map set back to `saved` (a copy; undefined: none), postings and withTasks with it. */
  private restoreGroups(slot: number, saved: ReadonlyMap<string, number> | undefined): void {
    this.own(GROUPS);
    const current = this.groupsBySlot[slot];
    if (current !== undefined) {
      for (const g of current.keys()) if (!saved?.has(g) && this.groupPostings.get(g)?.hasSlot(slot)) this.postingFor(g).removeSlot(slot);
    }
    if (saved !== undefined) for (const g of saved.keys()) if (!this.postingFor(g).hasSlot(slot)) this.postingFor(g).addSlot(slot);
    this.groupsBySlot[slot] = saved === undefined ? undefined : new Map(saved);
    if (this.ownedGroupMaps !== null) setBit(this.ownedGroupMaps, slot);
    if (saved !== undefined && saved.size > 0) setBit(this.withTasks, slot);
    else clearBit(this.withTasks, slot);
  }

  /** Drops attribute columns and group posting lists first seen after the store had `names` / `groupNames` of them. */
  private dropNamesFrom(names: number, groupNames: number): void {
    if (this.attributes.size > names) for (const [name, column] of this.attributes) if (column.ordinal >= names) this.attributes.delete(name);
    if (this.groupPostings.size > groupNames) {
      let i = 0;
      for (const g of this.groupPostings.keys()) if (i++ >= groupNames) this.groupPostings.delete(g);
    }
  }

  /** The numeric columns of a slot, for undos. */
  private rowAt(slot: number): Row {
    return [this.sequence[slot]!, this.runningTasksCount[slot]!, this.pendingTasksCount[slot]!, this.registeredAt[slot]!,
      this.remainingCpu[slot]!, this.remainingMemory[slot]!, this.enisInUse[slot]!];
  }

  private setRow(slot: number, row: Row): void {
    this.own(SLOTS | COUNTS | REGISTERED_AT | RESOURCES);
    [this.sequence[slot], this.runningTasksCount[slot], this.pendingTasksCount[slot], this.registeredAt[slot],
      this.remainingCpu[slot], this.remainingMemory[slot], this.enisInUse[slot]] = row;
  }

  private allocate(): number {
    // (the caller owns SLOTS)
    const reused = this.freeSlots.pop();
    if (reused !== undefined) {
      this.slotOrderDiffers = true;
      return reused;
    }
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    return this.size++;
  }

  /** Doubles every column (and bitset) to `capacity` rows. */
  private grow(capacity: number): void {
    // Growing copies every column, so afterwards this side owns them all.
    this.shared = 0;
    this.arns = this.arns.slice();
    this.ec2InstanceIds = this.ec2InstanceIds.slice();
    this.groupsBySlot = this.groupsBySlot.slice();
    if (this.ownedGroupMaps !== null) this.ownedGroupMaps = grownBits(this.ownedGroupMaps, capacity);
    this.capacity = capacity;
    this.spareBits.length = 0;
    this.live = grownBits(this.live, capacity);
    this.withEc2Id = grownBits(this.withEc2Id, capacity);
    this.withTasks = grownBits(this.withTasks, capacity);
    this.sequence = grownFloat64(this.sequence, capacity);
    this.registeredAt = grownFloat64(this.registeredAt, capacity, NaN);
    this.runningTasksCount = grownInt32(this.runningTasksCount, capacity);
    this.pendingTasksCount = grownInt32(this.pendingTasksCount, capacity);
    this.remainingCpu = grownInt32(this.remainingCpu, capacity);
    this.remainingMemory = grownInt32(this.remainingMemory, capacity);
    this.enisInUse = grownInt32(this.enisInUse, capacity);
    // A shared dictionary column is grown in place: that keeps its contents, so the other side
    // (of a smaller or equal capacity) reads it unchanged.
    this.status.grow(capacity);
    this.agentConnected.grow(capacity);
    this.agentVersion.grow(capacity);
    for (const column of this.attributes.values()) column.grow(capacity);
  }

  /** Copies the column groups in `groups` that are still shared with another fork. */
  private own(groups: number): void {
    const todo = this.shared & groups;
    if (todo === 0) return;
    this.shared &= ~todo;
    if (todo & SLOTS) {
      this.live = this.live.slice();
      this.sequence = this.sequence.slice();
      this.arns = this.arns.slice();
    }
    if (todo & COUNTS) {
      this.runningTasksCount = this.runningTasksCount.slice();
      this.pendingTasksCount = this.pendingTasksCount.slice();
    }
    if (todo & REGISTERED_AT) this.registeredAt = this.registeredAt.slice();
    if (todo & RESOURCES) {
      this.remainingCpu = this.remainingCpu.slice();
      this.remainingMemory = this.remainingMemory.slice();
      this.enisInUse = this.enisInUse.slice();
    }
    if (todo & EC2) {
      this.ec2InstanceIds = this.ec2InstanceIds.slice();
      this.withEc2Id = this.withEc2Id.slice();
    }
    if (todo & GROUPS) {
      this.groupsBySlot = this.groupsBySlot.slice();
      this.withTasks = this.withTasks.slice();
    }
  }

  /** A dictionary column this side may write: a shared one is copied first. */
  private owned(column: DictionaryColumn): DictionaryColumn {
    if (this.ownedColumns.has(column)) return column;
    const copy = column.clone();
    this.ownedColumns.add(copy);
    return copy;
  }

  /** One of the fixed text columns, owned by this side. */
  private fixedColumn(name: FixedColumn): DictionaryColumn {
    return (this[name] = this.owned(this[name]));
  }

  /** The attribute's column, created if new, owned by this side. */
  private columnFor(name: string): DictionaryColumn {
    const column = this.attributes.get(name);
    if (column === undefined) {
      const created = new DictionaryColumn(this.capacity);
      created.ordinal = this.attributes.size;
      this.ownedColumns.add(created);
      this.attributes.set(name, created);
      return created;
    }
    const mine = this.owned(column);
    if (mine !== column) this.attributes.set(name, mine);
    return mine;
  }

  /** The group's posting list, created if new, owned by this side. */
  private postingFor(group: string): SlotPostingList {
    const posting = this.groupPostings.get(group);
    if (posting === undefined) {
      const created = new SlotPostingList();
      this.ownedColumns.add(created);
      this.groupPostings.set(group, created);
      return created;
    }
    if (this.ownedColumns.has(posting)) return posting;
    const copy = posting.clone();
    this.ownedColumns.add(copy);
    this.groupPostings.set(group, copy);
    return copy;
  }

  /** The slot's group map, writable by this side (a map shared with another fork is copied first). */
  private groupMapAt(slot: number): Map<string, number> {
    this.own(GROUPS);
    let groups = this.groupsBySlot[slot];
    const owned = this.ownedGroupMaps;
    if (groups === undefined) this.groupsBySlot[slot] = groups = new Map();
    else if (owned !== null && !hasBit(owned, slot)) this.groupsBySlot[slot] = groups = new Map(groups);
    if (owned !== null) setBit(owned, slot);
    return groups;
  }

  /**
   * An independent copy with the same slots, sequences and indexes, for what-if forks. Nothing
   * is copied now: both sides share every column until one of them writes it (see `own`).
   * Plans cached by filter text serve both.
   */
  clone(): InstanceStore {
    // (The clone starts without a journal; this side's undos write through `own`, so never into the clone.)
    const c = new InstanceStore();
    c.size = this.size;
    c.capacity = this.capacity;
    c.liveCount = this.liveCount;
    c.live = this.live;
    c.sequence = this.sequence;
    c.nextSequence = this.nextSequence;
    for (const slot of this.freeSlots) c.freeSlots.push(slot);
    c.slotOrderDiffers = this.slotOrderDiffers;
    c.arns = this.arns;
    c.slotByArn = this.slotByArn.fork();
    c.runningTasksCount = this.runningTasksCount;
    c.pendingTasksCount = this.pendingTasksCount;
    c.registeredAt = this.registeredAt;
    c.remainingCpu = this.remainingCpu;
    c.remainingMemory = this.remainingMemory;
    c.enisInUse = this.enisInUse;
    c.status = this.status;
    c.agentConnected = this.agentConnected;
    c.agentVersion = this.agentVersion;
    c.attributes = new Map(this.attributes);
    c.ec2InstanceIds = this.ec2InstanceIds;
    c.slotsByEc2Id = this.slotsByEc2Id.fork();
    c.withEc2Id = this.withEc2Id;
    c.groupsBySlot = this.groupsBySlot;
    c.groupPostings = new Map(this.groupPostings);
    c.withTasks = this.withTasks;
    c.revision = this.revision;
    c.origin = { parent: new WeakRef(this), revision: this.changes.revision };
    // From now on neither side owns anything it did not create after this point.
    for (const side of [this, c]) {
      side.shared = ALL_SHARED;
      side.ownedGroupMaps = new Uint32Array(wordsFor(this.capacity));
    }
    this.ownedColumns = new WeakSet();
    c.ownedColumns = new WeakSet();
    return c;
  }

  // ---- mutations ---------------------------------------------------------------------------

  /** Creates or overwrites an attribute; `value` undefined stores a valueless attribute. */
  putAttribute(arn: string, name: string, value?: string): void {
    const slot = this.slotOf(arn);
    if (recording(this.journal)) this.journal.record(this.attributeUndo(slot, name));
    this.columnFor(name).set(slot, value ?? '');
    this.revision++;
    this.changes.noteAll();
  }

  deleteAttribute(arn: string, name: string): void {
    const slot = this.slotOf(arn);
    if (recording(this.journal)) this.journal.record(this.attributeUndo(slot, name));
    if (this.attributes.get(name)?.get(slot) !== undefined) this.columnFor(name).clear(slot);
    this.revision++;
    this.changes.noteAll();
  }

  private attributeUndo(slot: number, name: string): () => void {
    const code = this.attributes.get(name)?.codes[slot] ?? 0;
    const names = this.attributes.size;
    const groupNames = this.groupPostings.size;
    return () => {
      this.restoreText(`attribute:${name}`, slot, code);
      this.dropNamesFrom(names, groupNames);
      this.revision++;
      this.changes.noteAll();
    };
  }

  setStatus(arn: string, status: string): void {
    this.setText('status', this.slotOf(arn), status);
  }

  setAgentConnected(arn: string, connected: boolean): void {
    this.setText('agentConnected', this.slotOf(arn), String(connected));
  }

  setAgentVersion(arn: string, version: string | undefined): void {
    this.setText('agentVersion', this.slotOf(arn), version);
  }

  private setText(name: FixedColumn, slot: number, value: string | undefined): void {
    if (recording(this.journal)) this.journal.record(this.textUndo(name, slot));
    if (value === undefined) this.fixedColumn(name).clear(slot);
    else this.fixedColumn(name).set(slot, value);
    this.revision++;
    this.changes.note(slot);
  }

  // (Undos are made in methods of their own: a closure over a hot method's parameters would make
  // V8 allocate a context on every call, journal or not.)
  private textUndo(name: FixedColumn, slot: number): () => void {
    const code = this[name].codes[slot]!;
    return () => {
      this.restoreText(name, slot, code);
      this.revision++;
      this.changes.noteAll();
    };
  }

  setRunningTasksCount(arn: string, count: number): void {
    const slot = this.slotOf(arn);
    if (recording(this.journal)) this.journal.record(this.rowUndo(slot));
    this.own(COUNTS);
    this.runningTasksCount[slot] = count;
    this.revision++;
    this.changes.note(slot);
  }

  setPendingTasksCount(arn: string, count: number): void {
    const slot = this.slotOf(arn);
    if (recording(this.journal)) this.journal.record(this.rowUndo(slot));
    this.own(COUNTS);
    this.pendingTasksCount[slot] = count;
    this.revision++;
    this.changes.note(slot);
  }

  /**
   * Sets a live slot's remaining CPU units, memory (MiB) and ENIs in use: the resource
   * accountant's columns, which placement scans.
   */
  setRemainingResources(slot: number, cpu: number, memory: number, enisInUse: number): void {
    if (recording(this.journal) && this.firstTouch('resourcesSaved', slot, this.journal)) this.saveResources(slot, this.journal);
    if (this.shared & RESOURCES) this.own(RESOURCES);
    this.remainingCpu[slot] = cpu;
    this.remainingMemory[slot] = memory;
    this.enisInUse[slot] = enisInUse;
  }

  private saveResources(slot: number, journal: Journal): void {
    const oldCpu = this.remainingCpu[slot]!;
    const oldMemory = this.remainingMemory[slot]!;
    const oldEnis = this.enisInUse[slot]!;
    try {
      journal.record(() => {
        this.own(RESOURCES);
        this.remainingCpu[slot] = oldCpu;
        this.remainingMemory[slot] = oldMemory;
        this.enisInUse[slot] = oldEnis;
        this.revision++;
        this.changes.noteAll();
      });
    } catch (error) {
      this.resourcesSaved[slot] = -1; // not saved after all
      throw error;
    }
  }

  private rowUndo(slot: number): () => void {
    const row = this.rowAt(slot);
    return () => {
      this.setRow(slot, row);
      this.revision++;
      this.changes.noteAll();
    };
  }

  /** A task of `group` is now on the instance (placed, or any state short of STOPPED). */
  addTask(arn: string, group: string): void {
    this.addTaskAtSlot(this.slotOf(arn), group);
  }

  /** `addTask` by slot, for the placement engine's hot loop (no ARN lookup). */
  addTaskAtSlot(slot: number, group: string): void {
    if (recording(this.journal)) this.saveGroups(slot, this.journal);
    this.addTaskAt(slot, group);
    this.revision++;
    this.changes.note(slot);
  }

  /**
   * `addTaskAtSlot` of many tasks at once (loading a dump or a snapshot): a task of `groups[i]`
   * on `slots[i]`, one revision and one change noted; the same store as adding them one by one
   * (a refusal, a slot not live, adds none).
   *
   * @example
   * store.addTasksAtSlots([0, 0, 1], ['service:web', 'service:web', 'family:batch']);
   */
  addTasksAtSlots(slots: ArrayLike<number>, groups: readonly string[]): void {
    if (slots.length !== groups.length) throw new StoreError(`${slots.length} slots for ${groups.length} groups`);
    if (recording(this.journal)) {
      for (let i = 0; i < slots.length; i++) this.addTaskAtSlot(slots[i]!, groups[i]!);
      return;
    }
    for (let i = 0; i < slots.length; i++) if (!this.isLive(slots[i]!)) throw new StoreError(`slot ${slots[i]} is not a live container instance`);
    for (let i = 0; i < slots.length; i++) this.addTaskAt(slots[i]!, groups[i]!);
    this.revision++;
    this.changes.noteAll();
  }

  /** A task of `group` left the instance (STOPPED). Refuses to remove a task that is not there. */
  removeTask(arn: string, group: string): void {
    const slot = this.slotOf(arn);
    if (this.groupsBySlot[slot]?.get(group) === undefined) throw new StoreError(`no task of group ${group} on ${arn}`);
    if (recording(this.journal)) this.saveGroups(slot, this.journal);
    const groups = this.groupMapAt(slot);
    const count = groups.get(group)! - 1;
    if (count > 0) groups.set(group, count);
    else {
      groups.delete(group);
      this.postingFor(group).removeSlot(slot);
      if (groups.size === 0) clearBit(this.withTasks, slot);
    }
    this.revision++;
    this.changes.note(slot);
  }

  private addTaskAt(slot: number, group: string): void {
    const groups = this.groupMapAt(slot);
    const count = groups.get(group);
    if (count !== undefined) {
      groups.set(group, count + 1);
      return;
    }
    groups.set(group, 1);
    this.postingFor(group).addSlot(slot);
    setBit(this.withTasks, slot);
  }

  private linkEc2Id(slot: number, id: string): void {
    this.own(EC2);
    this.ec2InstanceIds[slot] = id;
    const existing = this.slotsByEc2Id.get(id);
    // Arrays are replaced, never changed, so a fork may share them.
    if (existing === undefined) this.slotsByEc2Id.set(id, slot);
    else this.slotsByEc2Id.set(id, Object.freeze(typeof existing === 'number' ? [existing, slot] : [...existing, slot]));
    setBit(this.withEc2Id, slot);
  }

  private unlinkEc2Id(slot: number): void {
    const id = this.ec2InstanceIds[slot];
    if (id === undefined) return;
    this.own(EC2);
    const existing = this.slotsByEc2Id.get(id)!;
    if (typeof existing === 'number') this.slotsByEc2Id.delete(id);
    else {
      const rest = existing.filter((s) => s !== slot);
      this.slotsByEc2Id.set(id, rest.length === 1 ? rest[0]! : Object.freeze(rest));
    }
    this.ec2InstanceIds[slot] = undefined;
    clearBit(this.withEc2Id, slot);
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Live slots whose ec2InstanceId is `id`. */
  slotsWithEc2Id(id: string): readonly number[] {
    const s = this.slotsByEc2Id.peek(id);
    return s === undefined ? [] : typeof s === 'number' ? [s] : s;
  }

  /** Slots with a task of `group`, ascending (a view, valid until the next change). */
  slotsWithGroup(group: string): Int32Array {
    // Sorting keeps the list's contents, so a list shared with a fork may be sorted in place.
    return this.groupPostings.get(group)?.ascending() ?? new Int32Array(0);
  }

  /** The groups on a slot (group → its tasks there), or undefined if it never had a task. */
  groupsAt(slot: number): ReadonlyMap<string, number> | undefined {
    return this.groupsBySlot[slot];
  }

  /** Tasks of `group` on a slot (0 if none). */
  groupCountAt(slot: number, group: string): number {
    return this.groupsBySlot[slot]?.get(group) ?? 0;
  }

  /** Groups of the tasks on a slot, each once. */
  taskGroupsAt(slot: number): string[] {
    return [...(this.groupsBySlot[slot]?.keys() ?? [])];
  }

  /**
   * The place of an attribute name in the order names first appeared in the store (columns are
   * never dropped, so it never changes); -1 for a name no instance ever had.
   */
  attributeOrdinal(name: string): number {
    return this.attributes.get(name)?.ordinal ?? -1;
  }

  /** Attributes of a slot, as ECS shapes (valueless ones without `value`). */
  attributesAt(slot: number): Attribute[] {
    const out: Attribute[] = [];
    for (const [name, column] of this.attributes) {
      const value = column.get(slot);
      if (value !== undefined) out.push(value === '' ? { name } : { name, value });
    }
    return out;
  }

  /**
   * ARNs of the instances a CQL filter selects, in registration order.
   * @example store.query('attribute:stack == prod', { status: 'ACTIVE' })
   * @throws CqlSyntaxError
   */
  query(filter: string | Expr | null, options?: QueryOptions): string[] {
    const slots = querySlots(this, filter, options);
    const out = new Array<string>(slots.length);
    for (let i = 0; i < slots.length; i++) out[i] = this.arns[slots[i]!]!;
    return out;
  }

  /** Slots of the instances a filter selects, in registration order (no ARN lookups). */
  querySlots(filter: string | Expr | null, options?: QueryOptions): Int32Array {
    return querySlots(this, filter, options);
  }

  /** The plan of a filter, with estimated and actual counts per node. */
  explain(filter: string | Expr, options?: QueryOptions): PlanExplanation {
    return explainQuery(this, filter, options);
  }

  isLive(slot: number): boolean {
    return slot < this.size && hasBit(this.live, slot);
  }
}

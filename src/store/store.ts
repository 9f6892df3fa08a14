/**
 * The container-instance store: instances in dense integer slots, hot scalar fields in
 * typed-array columns, text fields dictionary-encoded with posting lists, and the task
 * groups on each instance indexed by group. Every mutation keeps every index exact; the
 * planner (`plan.ts`) reads them to answer CQL queries.
 */
import type { Attribute, ContainerInstance } from '../shapes.js';
import { clearBit, hasBit, setBit, wordsFor, type Bits } from '../collections/bits.js';
import { DictionaryColumn, grownFloat64, grownInt32 } from './dictionary-column.js';
import type { Expr } from '../cql/index.js';
import type { PlanExplanation } from './plan.js';
import { CowMap } from '../collections/cow-map.js';
import { SlotPostingList } from '../collections/posting.js';
import { explainQuery, querySlots, type QueryOptions } from './query.js';

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

function grownBits(bits: Bits, capacity: number): Bits {
  const grown = new Uint32Array(wordsFor(capacity));
  grown.set(bits);
  return grown;
}

export class InstanceStore {
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

  /** Bumped by every mutation; cached query results compare it. */
  revision = 0;

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

  /** Adds an instance (its `containerInstanceArn` must be new) and the groups of its tasks. */
  register(instance: ContainerInstance, taskGroups: Iterable<string> = []): number {
    const arn = instance.containerInstanceArn;
    if (arn === undefined) throw new StoreError('a container instance needs a containerInstanceArn');
    if (this.slotByArn.has(arn)) throw new StoreError(`container instance ${arn} is already in the store`);
    this.own(SLOTS | COUNTS | REGISTERED_AT | RESOURCES);
    const slot = this.allocate();
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
      if (a.name !== undefined) this.columnFor(a.name).set(slot, a.value ?? '');
    }
    for (const g of taskGroups) this.addTaskAt(slot, g);
    setBit(this.live, slot);
    this.liveCount++;
    this.revision++;
    return slot;
  }

  /** Removes an instance and everything indexed about it; its slot is reused later. */
  deregister(arn: string): void {
    const slot = this.slotOf(arn);
    this.own(SLOTS | GROUPS);
    if (this.status.get(slot) !== undefined) this.fixedColumn('status').clear(slot);
    if (this.agentConnected.get(slot) !== undefined) this.fixedColumn('agentConnected').clear(slot);
    if (this.agentVersion.get(slot) !== undefined) this.fixedColumn('agentVersion').clear(slot);
    for (const [name, column] of this.attributes) if (column.get(slot) !== undefined) this.columnFor(name).clear(slot);
    this.unlinkEc2Id(slot);
    const groups = this.groupsBySlot[slot];
    if (groups) for (const g of groups.keys()) this.postingFor(g).removeSlot(slot);
    this.groupsBySlot[slot] = undefined;
    clearBit(this.withTasks, slot);
    clearBit(this.live, slot);
    this.slotByArn.delete(arn);
    // (own(SLOTS | GROUPS) above made live, arns and withTasks this side's)
    this.arns[slot] = undefined;
    this.freeSlots.push(slot);
    this.liveCount--;
    if (this.liveCount === 0) this.slotOrderDiffers = false;
    this.revision++;
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

  /**
   * Call before writing `remainingCpu`, `remainingMemory` or `enisInUse` (the resource
   * accountant does): after a fork they are shared until the first write.
   */
  ownResourceColumns(): void {
    if (this.shared & RESOURCES) this.own(RESOURCES);
  }

  /** A dictionary column this side may write: a shared one is copied first. */
  private owned(column: DictionaryColumn): DictionaryColumn {
    if (this.ownedColumns.has(column)) return column;
    const copy = column.clone();
    this.ownedColumns.add(copy);
    return copy;
  }

  /** One of the fixed text columns, owned by this side. */
  private fixedColumn(name: 'status' | 'agentConnected' | 'agentVersion'): DictionaryColumn {
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
    this.columnFor(name).set(slot, value ?? '');
    this.revision++;
  }

  deleteAttribute(arn: string, name: string): void {
    const slot = this.slotOf(arn);
    if (this.attributes.get(name)?.get(slot) !== undefined) this.columnFor(name).clear(slot);
    this.revision++;
  }

  setStatus(arn: string, status: string): void {
    const slot = this.slotOf(arn);
    this.fixedColumn('status').set(slot, status);
    this.revision++;
  }

  setAgentConnected(arn: string, connected: boolean): void {
    const slot = this.slotOf(arn);
    this.fixedColumn('agentConnected').set(slot, String(connected));
    this.revision++;
  }

  setAgentVersion(arn: string, version: string | undefined): void {
    const slot = this.slotOf(arn);
    if (version === undefined) this.fixedColumn('agentVersion').clear(slot);
    else this.fixedColumn('agentVersion').set(slot, version);
    this.revision++;
  }

  setRunningTasksCount(arn: string, count: number): void {
    const slot = this.slotOf(arn);
    this.own(COUNTS);
    this.runningTasksCount[slot] = count;
    this.revision++;
  }

  setPendingTasksCount(arn: string, count: number): void {
    const slot = this.slotOf(arn);
    this.own(COUNTS);
    this.pendingTasksCount[slot] = count;
    this.revision++;
  }

  /** A task of `group` is now on the instance (placed, or any state short of STOPPED). */
  addTask(arn: string, group: string): void {
    this.addTaskAtSlot(this.slotOf(arn), group);
  }

  /** `addTask` by slot, for the placement engine's hot loop (no ARN lookup). */
  addTaskAtSlot(slot: number, group: string): void {
    this.addTaskAt(slot, group);
    this.revision++;
  }

  /** A task of `group` left the instance (STOPPED). Refuses to remove a task that is not there. */
  removeTask(arn: string, group: string): void {
    const slot = this.slotOf(arn);
    if (this.groupsBySlot[slot]?.get(group) === undefined) throw new StoreError(`no task of group ${group} on ${arn}`);
    const groups = this.groupMapAt(slot);
    const count = groups.get(group)! - 1;
    if (count > 0) groups.set(group, count);
    else {
      groups.delete(group);
      this.postingFor(group).removeSlot(slot);
      if (groups.size === 0) clearBit(this.withTasks, slot);
    }
    this.revision++;
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

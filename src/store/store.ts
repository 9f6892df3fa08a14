/**
 * The container-instance store: instances in dense integer slots, hot scalar fields in
 * typed-array columns, text fields dictionary-encoded with posting lists, and the task
 * groups on each instance indexed by group. Every mutation keeps every index exact; the
 * planner (`plan.ts`) reads them to answer CQL queries.
 */
import type { Attribute, ContainerInstance } from '../shapes.js';
import { clearBit, hasBit, setBit, wordsFor, type Bits } from './bits.js';
import { DictionaryColumn, grownFloat64, grownInt32 } from './dictionary-column.js';
import type { Expr } from '../cql/index.js';
import type { PlanExplanation } from './plan.js';
import { PostingList } from './posting.js';
import { explainQuery, querySlots, type QueryOptions } from './query.js';

const INITIAL_CAPACITY = 64;

/** The container-instance statuses of ECS (reference §3.1). */
export const STATUSES = ['REGISTERING', 'REGISTRATION_FAILED', 'ACTIVE', 'INACTIVE', 'DEREGISTERING', 'DRAINING'] as const;

interface GroupEntry {
  /** tasks of the group on the slot */
  count: number;
  /** index of the slot in the group's posting list */
  position: number;
}

export class StoreError extends Error {}

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

  readonly arns: (string | undefined)[] = [];
  private readonly slotByArn = new Map<string, number>();

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
  readonly attributes = new Map<string, DictionaryColumn>();

  // ---- ec2InstanceId: nearly unique, so a map rather than a dictionary column -------------
  readonly ec2InstanceIds: (string | undefined)[] = [];
  private readonly slotsByEc2Id = new Map<string, number | number[]>();
  withEc2Id: Bits = new Uint32Array(wordsFor(INITIAL_CAPACITY));

  // ---- task groups ---------------------------------------------------------------------
  private readonly groupsBySlot: (Map<string, GroupEntry> | undefined)[] = [];
  readonly groupPostings = new Map<string, PostingList>();
  /** Slots with at least one task. */
  withTasks: Bits = new Uint32Array(wordsFor(INITIAL_CAPACITY));

  /** Bumped by every mutation; cached query results compare it. */
  revision = 0;

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
    if (instance.status !== undefined) this.status.set(slot, instance.status);
    if (instance.agentConnected !== undefined) this.agentConnected.set(slot, String(instance.agentConnected));
    const version = instance.versionInfo?.agentVersion;
    if (version !== undefined) this.agentVersion.set(slot, version);
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
    this.status.clear(slot);
    this.agentConnected.clear(slot);
    this.agentVersion.clear(slot);
    for (const column of this.attributes.values()) column.clear(slot);
    this.unlinkEc2Id(slot);
    const groups = this.groupsBySlot[slot];
    if (groups) for (const [g, e] of groups) this.unlinkGroup(slot, g, e);
    this.groupsBySlot[slot] = undefined;
    clearBit(this.withTasks, slot);
    clearBit(this.live, slot);
    this.slotByArn.delete(arn);
    this.arns[slot] = undefined;
    this.freeSlots.push(slot);
    this.liveCount--;
    if (this.liveCount === 0) this.slotOrderDiffers = false;
    this.revision++;
  }

  private allocate(): number {
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
    this.capacity = capacity;
    this.spareBits.length = 0;
    const words = wordsFor(capacity);
    const grownBits = (b: Bits) => {
      const n = new Uint32Array(words);
      n.set(b);
      return n;
    };
    this.live = grownBits(this.live);
    this.withEc2Id = grownBits(this.withEc2Id);
    this.withTasks = grownBits(this.withTasks);
    this.sequence = grownFloat64(this.sequence, capacity);
    this.registeredAt = grownFloat64(this.registeredAt, capacity, NaN);
    this.runningTasksCount = grownInt32(this.runningTasksCount, capacity);
    this.pendingTasksCount = grownInt32(this.pendingTasksCount, capacity);
    this.remainingCpu = grownInt32(this.remainingCpu, capacity);
    this.remainingMemory = grownInt32(this.remainingMemory, capacity);
    this.enisInUse = grownInt32(this.enisInUse, capacity);
    this.status.grow(capacity);
    this.agentConnected.grow(capacity);
    this.agentVersion.grow(capacity);
    for (const column of this.attributes.values()) column.grow(capacity);
  }

  private columnFor(name: string): DictionaryColumn {
    let column = this.attributes.get(name);
    if (column === undefined) {
      column = new DictionaryColumn(this.capacity);
      this.attributes.set(name, column);
    }
    return column;
  }

  /**
   * An independent copy with the same slots, sequences and indexes (for what-if forks): typed
   * arrays are copied, maps and posting lists rebuilt. Plans cached by filter text serve both.
   */
  clone(): InstanceStore {
    const c = new InstanceStore();
    c.size = this.size;
    c.capacity = this.capacity;
    c.liveCount = this.liveCount;
    c.live = this.live.slice();
    c.sequence = this.sequence.slice();
    c.nextSequence = this.nextSequence;
    for (const slot of this.freeSlots) c.freeSlots.push(slot);
    c.slotOrderDiffers = this.slotOrderDiffers;
    // Element by element: spreading a million arguments into push() overflows the stack.
    for (const arn of this.arns) c.arns.push(arn);
    for (const [k, v] of this.slotByArn) c.slotByArn.set(k, v);
    c.runningTasksCount = this.runningTasksCount.slice();
    c.pendingTasksCount = this.pendingTasksCount.slice();
    c.registeredAt = this.registeredAt.slice();
    c.remainingCpu = this.remainingCpu.slice();
    c.remainingMemory = this.remainingMemory.slice();
    c.enisInUse = this.enisInUse.slice();
    c.status = this.status.clone();
    c.agentConnected = this.agentConnected.clone();
    c.agentVersion = this.agentVersion.clone();
    for (const [name, column] of this.attributes) c.attributes.set(name, column.clone());
    for (const id of this.ec2InstanceIds) c.ec2InstanceIds.push(id);
    for (const [k, v] of this.slotsByEc2Id) c.slotsByEc2Id.set(k, typeof v === 'number' ? v : [...v]);
    c.withEc2Id = this.withEc2Id.slice();
    for (let i = 0; i < this.groupsBySlot.length; i++) {
      const g = this.groupsBySlot[i];
      c.groupsBySlot[i] = g === undefined ? undefined : new Map([...g].map(([k, e]) => [k, { count: e.count, position: e.position }]));
    }
    for (const [k, p] of this.groupPostings) c.groupPostings.set(k, p.clone());
    c.withTasks = this.withTasks.slice();
    c.revision = this.revision;
    return c;
  }

  // ---- mutations ---------------------------------------------------------------------------

  /** Creates or overwrites an attribute; `value` undefined stores a valueless attribute. */
  putAttribute(arn: string, name: string, value?: string): void {
    this.columnFor(name).set(this.slotOf(arn), value ?? '');
    this.revision++;
  }

  deleteAttribute(arn: string, name: string): void {
    const slot = this.slotOf(arn);
    this.attributes.get(name)?.clear(slot);
    this.revision++;
  }

  setStatus(arn: string, status: string): void {
    this.status.set(this.slotOf(arn), status);
    this.revision++;
  }

  setAgentConnected(arn: string, connected: boolean): void {
    this.agentConnected.set(this.slotOf(arn), String(connected));
    this.revision++;
  }

  setAgentVersion(arn: string, version: string | undefined): void {
    const slot = this.slotOf(arn);
    if (version === undefined) this.agentVersion.clear(slot);
    else this.agentVersion.set(slot, version);
    this.revision++;
  }

  setRunningTasksCount(arn: string, count: number): void {
    this.runningTasksCount[this.slotOf(arn)] = count;
    this.revision++;
  }

  setPendingTasksCount(arn: string, count: number): void {
    this.pendingTasksCount[this.slotOf(arn)] = count;
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
    const entry = this.groupsBySlot[slot]?.get(group);
    if (entry === undefined) throw new StoreError(`no task of group ${group} on ${arn}`);
    if (--entry.count === 0) {
      this.unlinkGroup(slot, group, entry);
      const groups = this.groupsBySlot[slot]!;
      groups.delete(group);
      if (groups.size === 0) clearBit(this.withTasks, slot);
    }
    this.revision++;
  }

  private addTaskAt(slot: number, group: string): void {
    let groups = this.groupsBySlot[slot];
    if (groups === undefined) this.groupsBySlot[slot] = groups = new Map();
    const entry = groups.get(group);
    if (entry !== undefined) {
      entry.count++;
      return;
    }
    let posting = this.groupPostings.get(group);
    if (posting === undefined) this.groupPostings.set(group, (posting = new PostingList()));
    groups.set(group, { count: 1, position: posting.add(slot) });
    setBit(this.withTasks, slot);
  }

  private unlinkGroup(slot: number, group: string, entry: GroupEntry): void {
    const moved = this.groupPostings.get(group)!.removeAt(entry.position);
    if (moved >= 0) this.groupsBySlot[moved]!.get(group)!.position = entry.position;
  }

  private linkEc2Id(slot: number, id: string): void {
    this.ec2InstanceIds[slot] = id;
    const existing = this.slotsByEc2Id.get(id);
    if (existing === undefined) this.slotsByEc2Id.set(id, slot);
    else if (typeof existing === 'number') this.slotsByEc2Id.set(id, [existing, slot]);
    else existing.push(slot);
    setBit(this.withEc2Id, slot);
  }

  private unlinkEc2Id(slot: number): void {
    const id = this.ec2InstanceIds[slot];
    if (id === undefined) return;
    const existing = this.slotsByEc2Id.get(id)!;
    if (typeof existing === 'number') this.slotsByEc2Id.delete(id);
    else {
      existing.splice(existing.indexOf(slot), 1);
      if (existing.length === 1) this.slotsByEc2Id.set(id, existing[0]!);
    }
    this.ec2InstanceIds[slot] = undefined;
    clearBit(this.withEc2Id, slot);
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Live slots whose ec2InstanceId is `id`. */
  slotsWithEc2Id(id: string): readonly number[] {
    const s = this.slotsByEc2Id.get(id);
    return s === undefined ? [] : typeof s === 'number' ? [s] : s;
  }

  /** Slots with a task of `group`, ascending (a view, valid until the next change). */
  slotsWithGroup(group: string): Int32Array {
    const posting = this.groupPostings.get(group);
    if (posting === undefined) return new Int32Array(0);
    return posting.sortedSlots((slot, index) => {
      this.groupsBySlot[slot]!.get(group)!.position = index;
    });
  }

  /** The groups on a slot (group → its tasks there), or undefined if it never had a task. */
  groupsAt(slot: number): ReadonlyMap<string, unknown> | undefined {
    return this.groupsBySlot[slot];
  }

  /** Groups of the tasks on a slot, each once. */
  taskGroupsAt(slot: number): string[] {
    return [...(this.groupsBySlot[slot]?.keys() ?? [])];
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

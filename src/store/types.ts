/**
 * The store as the layers above see it: `StoreColumns`, what the query planner reads, and
 * `ContainerInstanceStore`, what placement, the resource accountant and the simulator use.
 * `InstanceStore` (store.ts) implements both. Depending on these interfaces rather than on the
 * class keeps the planner (plan.ts, query.ts) and store.ts free of an import cycle.
 *
 * Columns are exposed for reading at full speed; every change goes through a method, which keeps
 * the indexes exact, copies a column shared with a fork first, and journals the change when a
 * transaction is open (`useJournal`).
 */
import type { Bits } from '../collections/bits.js';
import type { Journal } from '../collections/journal.js';
import type { SlotPostingList } from '../collections/posting.js';
import type { Expr } from '../cql/index.js';
import type { Attribute, ContainerInstance } from '../shapes.js';
import type { DictionaryColumn } from './dictionary-column.js';

/** A numeric column read by slot; writes go through the store's methods. */
export interface ReadonlyColumn {
  readonly [slot: number]: number;
  readonly length: number;
}

export interface QueryOptions {
  /** Only instances with one of these statuses. */
  readonly status?: string | readonly string[];
  /**
   * How to execute: `auto` (default) gathers few expected matches from posting lists and
   * computes the rest with bitsets; `bitsets` and `postings` force one way (postings only where
   * the plan can enumerate), for differential tests and benchmarks.
   */
  readonly path?: 'auto' | 'bitsets' | 'postings';
  /**
   * Bounds the pattern-matching work of the query (`=~` / `!~`): units of (regex program size ×
   * characters tested), summed over the filter; InvalidParameterException, before the test that
   * would exceed it, naming the leaf. Unbounded when omitted (the simulator's own queries).
   */
  readonly workBudget?: number;
}

/** One node of the plan, as `explain` shows it. */
export interface PlanExplanation {
  /** The CQL of the node (normalised), or `and` / `or` / `not`. */
  readonly node: string;
  /** How the node finds its slots. */
  readonly strategy: string;
  /** Slots the planner expected, before running. */
  readonly estimated: number;
  /** Slots the node selected. */
  readonly actual: number;
  readonly children: readonly PlanExplanation[];
}

/**
 * What the query planner reads: slots, typed-array columns, dictionary columns and indexes.
 * @example
 * const bits = store.takeBits(); andNot(bits, store.live, store.withTasks); store.giveBits(bits);
 */
export interface StoreColumns {
  /** Slots allocated so far (live or freed); every column has at least this many rows. */
  readonly size: number;
  readonly capacity: number;
  readonly liveCount: number;
  readonly live: Bits;
  /** Registration sequence number per slot: the order queries return. */
  readonly sequence: Float64Array;
  /** True once a freed slot was reused, so slot order may differ from registration order. */
  readonly slotOrderDiffers: boolean;
  readonly runningTasksCount: Int32Array;
  readonly pendingTasksCount: Int32Array;
  /** epoch milliseconds; NaN when unknown */
  readonly registeredAt: Float64Array;
  readonly status: DictionaryColumn;
  readonly agentConnected: DictionaryColumn;
  readonly agentVersion: DictionaryColumn;
  /** attribute name → its column; a valueless attribute is stored as '' */
  readonly attributes: ReadonlyMap<string, DictionaryColumn>;
  readonly ec2InstanceIds: readonly (string | undefined)[];
  readonly withEc2Id: Bits;
  readonly groupPostings: ReadonlyMap<string, SlotPostingList>;
  /** Slots with at least one task. */
  readonly withTasks: Bits;
  /** A zeroed bitset as wide as the store; hand it back with giveBits when done. */
  takeBits(): Bits;
  giveBits(bits: Bits): void;
  /** A buffer with room for every slot, for collecting query results before copying them out. */
  scratchSlots(): Int32Array;
  /** Live slots whose ec2InstanceId is `id`. */
  slotsWithEc2Id(id: string): readonly number[];
  /** Slots with a task of `group`, ascending (a view, valid until the next change). */
  slotsWithGroup(group: string): Int32Array;
  /** The groups on a slot (group → its tasks there), or undefined if it never had a task. */
  groupsAt(slot: number): ReadonlyMap<string, number> | undefined;
  isLive(slot: number): boolean;
}

/**
 * The container-instance store: reads, queries and every mutation.
 * @example
 * const slot = store.register(instance, ['service:web']);
 * store.setStatus(instance.containerInstanceArn!, 'DRAINING');
 * store.query('attribute:ecs.availability-zone == us-east-1a', { status: 'ACTIVE' });
 */
export interface ContainerInstanceStore extends StoreColumns {
  readonly arns: readonly (string | undefined)[];
  /** Remaining CPU units, MiB, and ENIs in use, per slot (the resource accountant sets them). */
  readonly remainingCpu: ReadonlyColumn;
  readonly remainingMemory: ReadonlyColumn;
  readonly enisInUse: ReadonlyColumn;
  /** Bumped by every change (and by every undo); cached results compare it. */
  readonly revision: number;
  slotOf(arn: string): number;
  has(arn: string): boolean;
  groupCountAt(slot: number, group: string): number;
  taskGroupsAt(slot: number): string[];
  attributeOrdinal(name: string): number;
  attributesAt(slot: number): Attribute[];
  query(filter: string | Expr | null, options?: QueryOptions): string[];
  querySlots(filter: string | Expr | null, options?: QueryOptions): Int32Array;
  explain(filter: string | Expr, options?: QueryOptions): PlanExplanation;

  register(instance: ContainerInstance, taskGroups?: Iterable<string>): number;
  deregister(arn: string): void;
  putAttribute(arn: string, name: string, value?: string): void;
  deleteAttribute(arn: string, name: string): void;
  setStatus(arn: string, status: string): void;
  setAgentConnected(arn: string, connected: boolean): void;
  setAgentVersion(arn: string, version: string | undefined): void;
  setRunningTasksCount(arn: string, count: number): void;
  setPendingTasksCount(arn: string, count: number): void;
  addTask(arn: string, group: string): void;
  addTaskAtSlot(slot: number, group: string): void;
  removeTask(arn: string, group: string): void;
  /** Sets a live slot's remaining CPU, memory and ENIs in use (the resource accountant's columns). */
  setRemainingResources(slot: number, cpu: number, memory: number, enisInUse: number): void;
  /** Journals every later change in `journal`'s open transactions (null: none). A clone starts without one. */
  useJournal(journal: Journal | null): void;
  clone(): ContainerInstanceStore;
}

/**
 * The query planner: a CQL AST becomes a tree of plan nodes. Each node computes the exact set
 * of live slots it selects, as a bitset:
 * - dictionary leaves (`attribute:`, `agentConnected`, `agentVersion`) test each distinct value
 *   once and union the posting lists of the values that pass — `==`, `in`, `=~`, `!=`, `!in`,
 *   `!~`, `exists` alike, and absent values never appear;
 * - `task:group` leaves do the same over the group index;
 * - `ec2InstanceId` leaves look ids up in a map (`==`, `in`) or test each id (`=~`);
 * - numeric leaves (`runningTasksCount`, `registeredAt`) scan their typed-array column with a
 *   branch-free range kernel, or, inside a selective `and`, test only the candidates;
 * - `and` intersects (cheapest child first), `or` unions, `not` complements within the live set.
 * Plans hold no store state beyond memos keyed by column, so one plan serves every store.
 */
import { groupTest, patternSize, presentValueTest, print, readRegisteredAt, readTaskCount, type CompareOp, type Expr, type Leaf, type TextTest } from '../cql/index.js';
import { and, andNot, or, popcount, setBit, type Bits } from '../collections/bits.js';
import type { DictionaryColumn } from './dictionary-column.js';
import type { PlanExplanation, StoreColumns } from './types.js';
import { charge } from './work-meter.js';

/** A leaf's pattern size (its `=~` / `!~` program, in instructions), 0 for the other tests (not metered). */
function costOf(leaf: Leaf): number {
  return leaf.kind === 'compare' && (leaf.op === '=~' || leaf.op === '!~') ? patternSize(leaf.value) : 0;
}

export type { PlanExplanation } from './types.js';

export abstract class PlanNode {
  abstract readonly label: string;
  abstract readonly strategy: string;
  children: readonly PlanNode[] = [];
  /** Expected number of selected slots; cheap. */
  abstract estimate(store: StoreColumns): number;
  /**
   * The exact set of live slots selected (never a slot that is not live), as a bitset from
   * `store.takeBits()` that the caller owns and hands back with `store.giveBits()`.
   */
  abstract run(store: StoreColumns): Bits;
  /** Whether one live slot is selected, for filtering a few candidates; null where costly. */
  testSlot: ((store: StoreColumns, slot: number) => boolean) | null = null;
  /**
   * The selected slots in ascending order, in a new array the caller owns, gathered without
   * bitsets (from posting lists); null
   * where the node cannot enumerate its slots directly. Worth it when few slots are selected:
   * the cost follows the answer's size, not the store's.
   */
  candidates: ((store: StoreColumns) => Int32Array) | null = null;
}

/** Ascending, duplicate-free union of ascending slot lists, merged pairwise (O(n log k)). */
function unionSorted(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  let level = lists.map((l) => l);
  if (level.length === 1) return level[0]!.slice();
  while (level.length > 1) {
    const next: Int32Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeSorted(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** Merge of two ascending lists, each value once. */
function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) { out[n++] = x; i++; } else if (y < x) { out[n++] = y; j++; } else { out[n++] = x; i++; j++; }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return n === out.length ? out : out.subarray(0, n);
}

/** A selective `and` tests candidates one by one when fewer than 1/FILTER_RATIO of the live set remain. */
const FILTER_RATIO = 32;

// ---- leaves -------------------------------------------------------------------------------

interface CodeMemo {
  /** codes 1..checked-1 have been tested */
  checked: number;
  /** 1 if the code's value passes */
  passes: Uint8Array;
  /** the passing codes */
  codes: number[];
}

class DictionaryLeaf extends PlanNode {
  readonly strategy = 'dictionary: test each distinct value, union its posting list';
  private readonly memos = new WeakMap<DictionaryColumn, CodeMemo>();

  constructor(
    readonly label: string,
    private readonly column: (s: StoreColumns) => DictionaryColumn | undefined,
    private readonly test: TextTest,
    /** pattern size of the test (0: not metered) */
    private readonly cost = 0,
  ) {
    super();
    this.testSlot = (store, slot) => {
      const column = this.column(store);
      if (column === undefined) return false;
      const code = column.codes[slot]!;
      return code !== 0 && this.memo(column).passes[code] === 1;
    };
    this.candidates = (store) => {
      const column = this.column(store);
      if (column === undefined) return new Int32Array(0);
      return unionSorted(this.memo(column).codes.map((code) => column.slotsOf(code)));
    };
  }

  /** Tests the values added to the dictionary since the last call (codes are never reused). */
  private memo(column: DictionaryColumn): CodeMemo {
    let memo = this.memos.get(column);
    if (memo === undefined) {
      memo = { checked: 1, passes: new Uint8Array(16), codes: [] };
      this.memos.set(column, memo);
    }
    const n = column.values.length;
    if (memo.checked < n) {
      if (this.cost !== 0) {
        let characters = 0;
        for (let code = memo.checked; code < n; code++) characters += column.values[code]!.length;
        charge(this.cost, characters, n - memo.checked, this.label);
      }
      if (memo.passes.length < n) {
        const grown = new Uint8Array(Math.max(n, memo.passes.length * 2));
        grown.set(memo.passes);
        memo.passes = grown;
      }
      for (let code = memo.checked; code < n; code++) {
        if (this.test(column.values[code]!)) {
          memo.passes[code] = 1;
          memo.codes.push(code);
        }
      }
      memo.checked = n;
    }
    return memo;
  }

  estimate(store: StoreColumns): number {
    const column = this.column(store);
    if (column === undefined) return 0;
    let n = 0;
    for (const code of this.memo(column).codes) n += column.postings[code]!.length;
    return n;
  }

  run(store: StoreColumns): Bits {
    const out = store.takeBits();
    const column = this.column(store);
    if (column === undefined) return out;
    for (const code of this.memo(column).codes) {
      const posting = column.postings[code]!;
      const slots = posting.slots;
      for (let i = 0; i < posting.length; i++) setBit(out, slots[i]!);
    }
    return out;
  }
}

/** `attribute:x !exists`: live slots where the column holds nothing. */
class AbsentLeaf extends PlanNode {
  readonly strategy = 'complement of the attribute-present bitset';

  constructor(readonly label: string, private readonly column: (s: StoreColumns) => DictionaryColumn | undefined) {
    super();
    this.testSlot = (store, slot) => {
      const column = this.column(store);
      return column === undefined || column.codes[slot] === 0;
    };
  }

  estimate(store: StoreColumns): number {
    return store.liveCount - (this.column(store)?.presentCount ?? 0);
  }

  run(store: StoreColumns): Bits {
    const out = store.takeBits();
    const column = this.column(store);
    return column === undefined ? (out.set(store.live), out) : andNot(out, store.live, column.present);
  }
}

class GroupLeaf extends PlanNode {
  readonly strategy: string;
  private readonly verdicts = new Map<string, boolean>();
  private readonly group: ReturnType<typeof groupTest>;
  private readonly cost: number;

  constructor(readonly label: string, leaf: Leaf) {
    super();
    this.group = groupTest(leaf);
    this.cost = costOf(leaf);
    const { exists, negated } = this.group;
    this.testSlot = (store, slot) => {
      const groups = store.groupsAt(slot);
      if (groups === undefined || groups.size === 0) return exists && negated;
      if (exists) return !negated;
      for (const g of groups.keys()) if (this.passes(g)) return !negated;
      return negated;
    };
    if (!this.group.exists && !this.group.negated) {
      this.candidates = (store) => {
        const lists: Int32Array[] = [];
        for (const g of store.groupPostings.keys()) if (this.passes(g)) lists.push(store.slotsWithGroup(g));
        return unionSorted(lists);
      };
    }
    this.strategy = this.group.exists
      ? 'task groups: slots with tasks'
      : `task groups: union the slots of each passing group${this.group.negated ? ', subtracted from slots with tasks' : ''}`;
  }

  private passes(group: string): boolean {
    let v = this.verdicts.get(group);
    if (v === undefined) {
      if (this.cost !== 0) charge(this.cost, group.length, 1, this.label);
      this.verdicts.set(group, (v = this.group.test(group)));
    }
    return v;
  }

  estimate(store: StoreColumns): number {
    const withTasks = popcount(store.withTasks);
    if (this.group.exists) return this.group.negated ? store.liveCount - withTasks : withTasks;
    let n = 0;
    for (const [g, posting] of store.groupPostings) if (this.passes(g)) n += posting.length;
    return this.group.negated ? Math.max(0, withTasks - n) : Math.min(n, withTasks);
  }

  run(store: StoreColumns): Bits {
    const out = store.takeBits();
    if (this.group.exists) {
      return this.group.negated ? andNot(out, store.live, store.withTasks) : (out.set(store.withTasks), out);
    }
    for (const [g, posting] of store.groupPostings) {
      if (!this.passes(g)) continue;
      for (let i = 0; i < posting.length; i++) setBit(out, posting.slots[i]!);
    }
    return this.group.negated ? andNot(out, store.withTasks, out) : out;
  }
}

class Ec2InstanceIdLeaf extends PlanNode {
  readonly strategy: string;
  private readonly test: TextTest;
  /** the ids to look up, for `==` / `in` / `!=` / `!in`; null for patterns */
  private readonly lookups: readonly string[] | null;
  private readonly negated: boolean;

  constructor(readonly label: string, leaf: Leaf) {
    super();
    const test = presentValueTest(leaf);
    const cost = costOf(leaf);
    this.test = cost === 0 ? test : (id) => {
      charge(cost, id.length, 1, label);
      return test(id);
    };
    this.lookups = leaf.kind === 'in' ? leaf.values : leaf.kind === 'compare' && (leaf.op === '==' || leaf.op === '!=') ? [leaf.value] : null;
    this.negated = leaf.kind === 'in' ? leaf.negated : leaf.kind === 'compare' && leaf.op === '!=';
    if (this.lookups !== null && !this.negated) {
      const ids = this.lookups;
      this.candidates = (store) => unionSorted(ids.map((id) => Int32Array.from(store.slotsWithEc2Id(id)).sort()));
    }
    this.strategy = this.lookups ? `ec2InstanceId index: look up ${this.lookups.length} id(s)${this.negated ? ', subtracted from slots with an id' : ''}` : 'scan: test each ec2InstanceId';
    this.testSlot = (store, slot) => {
      const id = store.ec2InstanceIds[slot];
      return id !== undefined && this.test(id);
    };
  }

  estimate(store: StoreColumns): number {
    if (this.lookups === null) return store.liveCount;
    const n = this.lookups.reduce((sum, id) => sum + store.slotsWithEc2Id(id).length, 0);
    return this.negated ? popcount(store.withEc2Id) - n : n;
  }

  run(store: StoreColumns): Bits {
    const out = store.takeBits();
    if (this.lookups !== null) {
      for (const id of this.lookups) for (const slot of store.slotsWithEc2Id(id)) setBit(out, slot);
      return this.negated ? andNot(out, store.withEc2Id, out) : out;
    }
    const ids = store.ec2InstanceIds;
    for (let slot = 0; slot < store.size; slot++) {
      const id = ids[slot];
      if (id !== undefined && this.test(id)) setBit(out, slot);
    }
    return out;
  }
}

/** x in [lo, hi) (or, `outside`, x present and not in it) over a numeric column; NaN is absent. */
class RangeLeaf extends PlanNode {
  readonly strategy: string;

  constructor(
    readonly label: string,
    /** the column's name, so two ranges on one column can be merged */
    readonly columnName: string,
    private readonly column: (s: StoreColumns) => Int32Array | Float64Array,
    private readonly lo: number,
    private readonly hi: number,
    readonly outside: boolean,
    private readonly selectivity: number,
  ) {
    super();
    this.strategy = `scan: range kernel over the ${columnName} column`;
    this.testSlot = (store, slot) => {
      const x = this.column(store)[slot]!;
      return this.outside ? x === x && !(x >= this.lo && x < this.hi) : x >= this.lo && x < this.hi;
    };
  }

  estimate(store: StoreColumns): number {
    return Math.round(store.liveCount * this.selectivity);
  }

  /** Both ranges at once (two `inside` ranges on the same column): one scan instead of two. */
  intersect(other: RangeLeaf): RangeLeaf {
    return new RangeLeaf(`${this.label} and ${other.label}`, this.columnName, this.column,
      Math.max(this.lo, other.lo), Math.min(this.hi, other.hi), false, Math.min(this.selectivity, other.selectivity));
  }

  run(store: StoreColumns): Bits {
    const out = store.takeBits();
    const col = this.column(store);
    if (this.outside) outsideKernel(col, this.lo, this.hi, store.live, out);
    else insideKernel(col, this.lo, this.hi, store.live, out);
    return out;
  }
}

// The kernels build each word from 32 comparisons without branching on the data, top bit
// first so the word shifts left once per row. Columns are sized in whole words (capacity is a
// power of two of at least 64), so base + 31 is always in range. Measured: ~3 ns a row here,
// as fast as a hand-written loop that pushes matching indexes on patterned data and ~3× faster
// on random data (branch mispredictions); see bench/RESULTS.md.

/** out = live ∩ { slot | lo <= col[slot] < hi }  (NaN, meaning absent, fails). */
function insideKernel(col: Int32Array | Float64Array, lo: number, hi: number, live: Bits, out: Bits): void {
  for (let w = 0; w < live.length; w++) {
    const lw = live[w]!;
    if (lw === 0) continue;
    const base = w << 5;
    let word = 0;
    for (let b = 31; b >= 0; b--) {
      const x = col[base + b]!;
      // Booleans take part in integer arithmetic as 0 / 1; the casts only tell TypeScript so.
      word = (word << 1) | (((x >= lo) as unknown as number) & ((x < hi) as unknown as number));
    }
    out[w] = word & lw;
  }
}

/** out = live ∩ { slot | col[slot] present and outside [lo, hi) }. */
function outsideKernel(col: Int32Array | Float64Array, lo: number, hi: number, live: Bits, out: Bits): void {
  for (let w = 0; w < live.length; w++) {
    const lw = live[w]!;
    if (lw === 0) continue;
    const base = w << 5;
    let word = 0;
    for (let b = 31; b >= 0; b--) {
      const x = col[base + b]!;
      // x === x is false only for NaN (absent).
      word = (word << 1) | ((((x < lo) as unknown as number) | ((x >= hi) as unknown as number)) & ((x === x) as unknown as number));
    }
    out[w] = word & lw;
  }
}

// ---- connectives --------------------------------------------------------------------------

class AndPlan extends PlanNode {
  readonly label = 'and';
  readonly strategy = 'intersect, cheapest first; test candidates directly once few remain';
  constructor(override readonly children: readonly PlanNode[]) {
    super();
    const tests = children.map((c) => c.testSlot);
    if (tests.every((t) => t !== null)) {
      this.testSlot = (store, slot) => tests.every((t) => t!(store, slot));
    }
    // Enumerate the cheapest child that can, and test the rest on its slots.
    if (children.some((c) => c.candidates !== null) && children.every((c) => c.candidates !== null || c.testSlot !== null)) {
      this.candidates = (store) => {
        let best: PlanNode | null = null;
        let bestEstimate = Infinity;
        for (const c of children) {
          if (c.candidates === null) continue;
          const e = c.estimate(store);
          if (e < bestEstimate) [best, bestEstimate] = [c, e];
        }
        const others = children.filter((c) => c !== best).map((c) => c.testSlot ?? slotTestOf(c));
        const slots = best!.candidates!(store);
        let n = 0;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i]!;
          if (others.every((t) => t(store, slot))) slots[n++] = slot;
        }
        return slots.subarray(0, n);
      };
    }
  }

  estimate(store: StoreColumns): number {
    return Math.min(...this.children.map((c) => c.estimate(store)));
  }

  run(store: StoreColumns): Bits {
    const ordered = this.children.map((c) => ({ c, e: c.estimate(store) })).sort((a, b) => a.e - b.e).map((x) => x.c);
    const bits = ordered[0]!.run(store);
    let count = popcount(bits);
    for (let i = 1; i < ordered.length && count > 0; i++) {
      const child = ordered[i]!;
      if (child.testSlot !== null && count * FILTER_RATIO < store.liveCount) {
        count = filterInPlace(bits, store, child.testSlot);
      } else {
        const other = child.run(store);
        and(bits, bits, other);
        store.giveBits(other);
        count = popcount(bits);
      }
    }
    return bits;
  }
}

class OrPlan extends PlanNode {
  readonly label = 'or';
  readonly strategy = 'union';
  constructor(override readonly children: readonly PlanNode[]) {
    super();
    const tests = children.map((c) => c.testSlot);
    if (tests.every((t) => t !== null)) {
      this.testSlot = (store, slot) => tests.some((t) => t!(store, slot));
    }
    if (children.every((c) => c.candidates !== null)) {
      this.candidates = (store) => unionSorted(children.map((c) => c.candidates!(store)));
    }
  }

  estimate(store: StoreColumns): number {
    return Math.min(store.liveCount, this.children.reduce((n, c) => n + c.estimate(store), 0));
  }

  run(store: StoreColumns): Bits {
    const bits = this.children[0]!.run(store);
    for (let i = 1; i < this.children.length; i++) {
      const other = this.children[i]!.run(store);
      or(bits, bits, other);
      store.giveBits(other);
    }
    return bits;
  }
}

class NotPlan extends PlanNode {
  readonly label = 'not';
  readonly strategy = 'complement within the live set';
  constructor(readonly child: PlanNode) {
    super();
    this.children = [child];
    const test = child.testSlot;
    if (test !== null) this.testSlot = (store, slot) => !test(store, slot);
  }

  estimate(store: StoreColumns): number {
    return Math.max(0, store.liveCount - this.child.estimate(store));
  }

  run(store: StoreColumns): Bits {
    const bits = this.child.run(store);
    return andNot(bits, store.live, bits);
  }
}

function countAndGive(bits: Bits, store: StoreColumns): number {
  const n = popcount(bits);
  store.giveBits(bits);
  return n;
}

/** A slot test for a child that can only enumerate: membership in its (sorted) slots. */
function slotTestOf(node: PlanNode): (store: StoreColumns, slot: number) => boolean {
  let cached: Int32Array | null = null;
  return (store, slot) => {
    cached ??= node.candidates!(store);
    let lo = 0;
    let hi = cached.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = cached[mid]!;
      if (v === slot) return true;
      if (v < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
}

/** Clears the bits of candidates that fail `test`; returns how many remain. */
function filterInPlace(bits: Bits, store: StoreColumns, test: (store: StoreColumns, slot: number) => boolean): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    let keep = v;
    while (v !== 0) {
      const low = v & -v;
      if (!test(store, (w << 5) + 31 - Math.clz32(low))) keep ^= low;
      else count++;
      v ^= low;
    }
    bits[w] = keep;
  }
  return count;
}

// ---- planning -----------------------------------------------------------------------------

/** Rough share of instances an ordering comparison selects, for estimates only. */
const RANGE_SELECTIVITY: Record<CompareOp, number> = { '==': 0.1, '!=': 0.9, '>': 0.33, '>=': 0.33, '<': 0.33, '<=': 0.33, '=~': 0.5, '!~': 0.5 };

function integerRange(op: CompareOp, k: number): [number, number, boolean] {
  switch (op) {
    case '==': return [k, k + 1, false];
    case '!=': return [k, k + 1, true];
    case '>': return [k + 1, Infinity, false];
    case '>=': return [k, Infinity, false];
    case '<': return [-Infinity, k, false];
    default: return [-Infinity, k + 1, false]; // '<='
  }
}

function timeRange(op: CompareOp, t: { start: number; end: number }): [number, number, boolean] {
  switch (op) {
    case '==': return [t.start, t.end, false];
    case '!=': return [t.start, t.end, true];
    case '>': return [t.end, Infinity, false];
    case '>=': return [t.start, Infinity, false];
    case '<': return [-Infinity, t.start, false];
    default: return [-Infinity, t.end, false]; // '<='
  }
}

function planLeaf(leaf: Leaf): PlanNode {
  const label = print(leaf);
  switch (leaf.subject.field) {
    case 'attribute': {
      const name = leaf.subject.attribute!;
      if (leaf.kind === 'exists' && leaf.negated) return new AbsentLeaf(label, (s) => s.attributes.get(name));
      return new DictionaryLeaf(label, (s) => s.attributes.get(name), presentValueTest(leaf), costOf(leaf));
    }
    case 'agentConnected':
      return new DictionaryLeaf(label, (s) => s.agentConnected, presentValueTest(leaf), costOf(leaf));
    case 'agentVersion':
      return new DictionaryLeaf(label, (s) => s.agentVersion, presentValueTest(leaf), costOf(leaf));
    case 'task:group':
      return new GroupLeaf(label, leaf);
    case 'ec2InstanceId':
      return new Ec2InstanceIdLeaf(label, leaf);
    case 'runningTasksCount': {
      const { op, value } = leaf as Leaf & { op: CompareOp; value: string };
      const [lo, hi, outside] = integerRange(op, readTaskCount(value)!);
      return new RangeLeaf(label, 'runningTasksCount', (s) => s.runningTasksCount, lo, hi, outside, RANGE_SELECTIVITY[op]);
    }
    case 'registeredAt': {
      const { op, value } = leaf as Leaf & { op: CompareOp; value: string };
      const [lo, hi, outside] = timeRange(op, readRegisteredAt(value)!);
      return new RangeLeaf(label, 'registeredAt', (s) => s.registeredAt, lo, hi, outside, RANGE_SELECTIVITY[op]);
    }
  }
}

/** Within an `and`, ranges on the same column become one range (`registeredAt >= a and registeredAt < b`: one scan). */
function mergeRanges(children: PlanNode[]): PlanNode[] {
  const out: PlanNode[] = [];
  const byColumn = new Map<string, number>();
  for (const child of children) {
    if (child instanceof RangeLeaf && !child.outside) {
      const at = byColumn.get(child.columnName);
      if (at !== undefined) {
        out[at] = (out[at] as RangeLeaf).intersect(child);
        continue;
      }
      byColumn.set(child.columnName, out.length);
    }
    out.push(child);
  }
  return out;
}

/** Builds the plan of a checked AST. */
export function plan(ast: Expr): PlanNode {
  switch (ast.kind) {
    case 'and': {
      const children = mergeRanges(ast.operands.map(plan));
      return children.length === 1 ? children[0]! : new AndPlan(children);
    }
    case 'or': return new OrPlan(ast.operands.map(plan));
    case 'not': return new NotPlan(plan(ast.operand));
    default: return planLeaf(ast);
  }
}

/** A leaf that selects the slots whose status is one of `statuses`. */
export function statusPlan(statuses: readonly string[]): PlanNode {
  const set = new Set(statuses);
  return new DictionaryLeaf(`status in [${statuses.join(', ')}]`, (s) => s.status, (v) => set.has(v));
}

/** An `and` of existing plans (used to add the status filter). */
export function AndPlanOf(children: readonly PlanNode[]): PlanNode {
  return new AndPlan(children);
}

/** Runs every node on its own to report estimated and actual counts. */
export function explainPlan(node: PlanNode, store: StoreColumns): PlanExplanation {
  return {
    node: node.label,
    strategy: node.strategy,
    estimated: node.estimate(store),
    actual: countAndGive(node.run(store), store),
    children: node.children.map((c) => explainPlan(c, store)),
  };
}


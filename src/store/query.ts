/**
 * Queries over the store: a filter (CQL text or a checked AST) and an optional status filter
 * become a plan (cached by text), the plan a bitset, the bitset slots in registration order.
 */
import { LRUMap } from 'mnemonist';
import { parseFilter, type Expr } from '../cql/index.js';
import { collect } from '../collections/bits.js';
import { AndPlanOf, explainPlan, plan, statusPlan, type PlanNode } from './plan.js';
import type { PlanExplanation, QueryOptions, StoreColumns } from './types.js';
import { metered } from './work-meter.js';

export type { QueryOptions } from './types.js';

/** Plans by filter text. A plan holds no store state (see plan.ts), so it never goes stale. */
const planCache = new LRUMap<string, PlanNode>(4096);
const astPlans = new WeakMap<Expr, PlanNode>();

function planFor(filter: string | Expr): PlanNode {
  if (typeof filter !== 'string') {
    let p = astPlans.get(filter);
    if (p === undefined) astPlans.set(filter, (p = plan(filter)));
    return p;
  }
  let p = planCache.get(filter);
  if (p === undefined) {
    p = plan(parseFilter(filter));
    planCache.set(filter, p);
  }
  return p;
}

function withStatus(node: PlanNode | null, options: QueryOptions | undefined): PlanNode | null {
  const status = options?.status;
  if (status === undefined) return node;
  const s = statusPlan(typeof status === 'string' ? [status] : status);
  return node === null ? s : AndPlanOf([node, s]);
}

/**
 * Live slots that match, in registration order. A null or blank filter matches every instance.
 * @throws CqlSyntaxError for a bad filter.
 */
export function querySlots(store: StoreColumns, filter: string | Expr | null, options?: QueryOptions): Int32Array {
  const budget = options?.workBudget;
  return budget === undefined ? run(store, filter, options) : metered(budget, () => run(store, filter, options));
}

function run(store: StoreColumns, filter: string | Expr | null, options?: QueryOptions): Int32Array {
  const node = withStatus(filter === null || (typeof filter === 'string' && filter.trim() === '') ? null : planFor(filter), options);
  // Few matches: gather them from posting lists, never touching a store-wide bitset.
  const path = options?.path ?? 'auto';
  if (node !== null && node.candidates !== null && path !== 'bitsets'
    && (path === 'postings' || node.estimate(store) * SPARSE_RATIO < store.liveCount)) {
    const slots = node.candidates(store);
    if (store.slotOrderDiffers) sortBySequence(slots, store.sequence);
    return slots;
  }
  // Every plan node returns live slots only, so no final intersection with the live set.
  const bits = node === null ? store.live : node.run(store);
  const scratch = store.scratchSlots();
  const slots = scratch.slice(0, collect(bits, scratch));
  if (node !== null) store.giveBits(bits);
  if (store.slotOrderDiffers) sortBySequence(slots, store.sequence);
  return slots;
}

/** Answers expected below 1/SPARSE_RATIO of the live set take the posting-list path. */
const SPARSE_RATIO = 16;

function sortBySequence(slots: Int32Array, sequence: Float64Array): void {
  slots.sort((a, b) => sequence[a]! - sequence[b]!);
}

export function explainQuery(store: StoreColumns, filter: string | Expr, options?: QueryOptions): PlanExplanation {
  const explain = () => explainPlan(withStatus(planFor(filter), options)!, store);
  return options?.workBudget === undefined ? explain() : metered(options.workBudget, explain);
}

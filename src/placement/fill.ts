/**
 * Filling instances to the brim without placing: what `place` ends with for a request of more
 * tasks than fit — how many tasks each instance takes, and why it turns down one more — for the
 * headroom of a task shape, which would otherwise place (and rank) every one of them.
 *
 * Placing until a task fits nowhere leaves every instance holding as many tasks as it can take:
 * a strategy only decides the order in which instances fill up, as long as whether an instance
 * takes one more depends on nothing but what it holds — its resources (the accountant's
 * `shortageAfter`), distinctInstance, a memberOf that reads no task groups. Not so for a
 * scheduler plug-in (it may decline), a memberOf over `task:group` (it reads the tasks as they
 * land), or a request whose count is reached first (which instances get the tasks then depends on
 * the order): for those `fill` gives null, and the caller places. Strategy plug-ins only order
 * the candidates, so `fill` does not call them. The differential test holds every answer against
 * `place`.
 */
import { parseFilter, type Expr } from '../cql/index.js';
import type { ResourceAccountant } from '../resources/accountant.js';
import type { PlanNode } from '../store/plan.js';
import type { InstanceStore } from '../store/store.js';
import { consideredSlots, Preconditions } from './candidates.js';
import { Constraints } from './constraints.js';
import { fitCodeAfter } from './fit.js';
import { groupCounts } from './group-counts.js';
import { OK, reasonOf, type RejectionReason } from './reasons.js';
import type { CheckedRequest } from './request.js';
import type { PlacementRequest } from './types.js';

/** What `place` would end with, as counts. */
export interface FillOutcome {
  /** the instances that take tasks, ascending, and how many each (`counts[i]` on `slots[i]`) */
  readonly slots: Int32Array;
  readonly counts: Int32Array;
  /** the tasks placed in all, fewer than the request's count */
  readonly tasks: number;
  /** why each considered instance turns down the next task, by ascending slot: `place`'s `rejections` */
  readonly rejections: ReadonlyMap<number, RejectionReason>;
}

/** Whether a CQL expression reads `task:group`. */
function readsTaskGroups(e: Expr): boolean {
  switch (e.kind) {
    case 'and':
    case 'or':
      return e.operands.some(readsTaskGroups);
    case 'not':
      return readsTaskGroups(e.operand);
    default:
      return e.subject.field === 'task:group';
  }
}

/** `place`'s end state as counts (see the file comment), or null where it depends on the order of placements. */
export function fill(store: InstanceStore, accountant: ResourceAccountant, request: PlacementRequest, checked: CheckedRequest, planOf: (expression: string) => PlanNode): FillOutcome | null {
  if (checked.chain.scheduler !== null) return null;
  if (checked.constraints.some((c) => c.type === 'memberOf' && readsTaskGroups(parseFilter(c.expression)))) return null;
  const { requirements, group, count } = request;
  const groupCount = groupCounts(store, group);
  const considered = consideredSlots(store, request.onlySlots);
  const preconditions = new Preconditions(store, requirements);
  const constraints = new Constraints(store, checked.constraints, groupCount, planOf);
  const slots: number[] = [];
  const counts: number[] = [];
  const rejections = new Map<number, RejectionReason>();
  let tasks = 0;
  for (let i = 0; i < considered.length; i++) {
    const slot = considered[i]!;
    // The engine's judge (preconditions, fit, constraints) after each task the instance took.
    let v = preconditions.check(slot);
    let taken = 0;
    while (v === OK) {
      v = fitCodeAfter(accountant, slot, requirements, taken);
      if (v === OK) v = constraints.check(slot);
      if (v !== OK) break;
      // The request's count is reached while instances still take tasks: which ones get them is the order's.
      if (++tasks >= count) return null;
      taken++;
      groupCount[slot]!++;
    }
    if (taken > 0) {
      slots.push(slot);
      counts.push(taken);
    }
    rejections.set(slot, reasonOf(v));
  }
  return { slots: Int32Array.from(slots), counts: Int32Array.from(counts), tasks, rejections };
}

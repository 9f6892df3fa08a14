/**
 * Stage 3, constraints (reference §2.2): binding filters, all of which must hold; an instance
 * that fails one is turned down with the reason of the first failing constraint in list order.
 *
 * - `distinctInstance`: no task of the request's group on the instance — tasks from earlier
 *   calls and tasks placed earlier in this call alike [decision, §1.11 and §2.2 recommend it].
 * - `memberOf`: the CQL expression holds for the instance. Evaluated once per call by the store's
 *   planner into a per-slot verdict; a placement changes only the chosen instance (its task
 *   groups, read by `task:group`), and a CQL expression judges each instance on its own fields,
 *   so after each placement only that instance is re-tested (the plan's slot test).
 */
import { LRUMap } from 'mnemonist';
import { parseFilter } from '../cql/index.js';
import { plan, type PlanNode } from '../store/plan.js';
import type { InstanceStore } from '../store/store.js';
import { DISTINCT_INSTANCE, MEMBER_OF, OK, type ReasonCode } from './reasons.js';
import type { PlacementConstraint } from './types.js';

/** Plans by expression text; a plan holds no store state, so it serves every store. */
const plans = new LRUMap<string, PlanNode>(1024);

export function memberOfPlan(expression: string): PlanNode {
  let p = plans.get(expression);
  if (p === undefined) plans.set(expression, (p = plan(parseFilter(expression))));
  return p;
}

interface Check {
  readonly reason: ReasonCode;
  passes(slot: number): boolean;
  /** A task of the group was just placed on `slot`. */
  placed(slot: number): void;
}

class DistinctInstance implements Check {
  readonly reason = DISTINCT_INSTANCE;
  constructor(private readonly groupCount: Int32Array) {}
  passes(slot: number): boolean {
    return this.groupCount[slot] === 0;
  }
  placed(): void {
    // groupCount is the engine's, already bumped.
  }
}

class MemberOf implements Check {
  readonly reason = MEMBER_OF;
  private readonly member: Uint8Array;
  private readonly plan: PlanNode;

  constructor(private readonly store: InstanceStore, expression: string) {
    this.plan = memberOfPlan(expression);
    this.member = new Uint8Array(store.size);
    this.evaluate();
  }

  /** The whole expression over the store: the planner's bitset, unpacked to one byte a slot. */
  private evaluate(): void {
    const store = this.store;
    const bits = this.plan.run(store);
    const member = this.member;
    member.fill(0);
    for (let w = 0; w < bits.length; w++) {
      let v = bits[w]!;
      while (v !== 0) {
        const low = v & -v;
        member[(w << 5) + 31 - Math.clz32(low)] = 1;
        v ^= low;
      }
    }
    store.giveBits(bits);
  }

  passes(slot: number): boolean {
    return this.member[slot] === 1;
  }

  placed(slot: number): void {
    const test = this.plan.testSlot;
    if (test !== null) this.member[slot] = test(this.store, slot) ? 1 : 0;
    else this.evaluate(); // a plan without a slot test: recompute (exact, slower)
  }
}

/** The constraints of one call, compiled. */
export class Constraints {
  private readonly checks: Check[];
  /** Whether a placement must be in the store before `placed` (memberOf re-reads the instance). */
  readonly readStore: boolean;
  /** Whether there is any constraint (else `check` always passes and `placed` does nothing). */
  readonly any: boolean;

  /** `groupCount`: the engine's per-slot count of the group's tasks, bumped on each placement. */
  constructor(store: InstanceStore, constraints: readonly PlacementConstraint[], groupCount: Int32Array) {
    this.checks = constraints.map((c): Check => {
      switch (c.type) {
        // An expression on distinctInstance is rejected by callers (ECS does); ignored here.
        case 'distinctInstance':
          return new DistinctInstance(groupCount);
        case 'memberOf':
          if (typeof c.expression !== 'string' || c.expression.trim() === '') throw new Error('placement: memberOf needs an expression');
          return new MemberOf(store, c.expression);
        default:
          throw new Error(`placement: unknown constraint type ${JSON.stringify(c.type)}`);
      }
    });
    this.readStore = this.checks.some((c) => c instanceof MemberOf);
    this.any = this.checks.length > 0;
  }

  /** The reason of the first constraint `slot` fails, or OK. */
  check(slot: number): ReasonCode {
    const checks = this.checks;
    for (let i = 0; i < checks.length; i++) if (!checks[i]!.passes(slot)) return checks[i]!.reason;
    return OK;
  }

  placed(slot: number): void {
    for (const c of this.checks) c.placed(slot);
  }
}

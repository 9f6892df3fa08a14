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
import type { PlanNode } from '../store/plan.js';
import type { InstanceStore } from '../store/store.js';
import { DISTINCT_INSTANCE, MEMBER_OF, OK, type ReasonCode } from './reasons.js';
import type { PlacementConstraint } from './types.js';

/** A constraint as both placers read it (types checked: callers validated shapes and expressions). */
export type CheckedConstraint = { readonly type: 'distinctInstance' } | { readonly type: 'memberOf'; readonly expression: string };

/**
 * Reads a request's constraints. Callers validated them (ECS messages, placement-params);
 * anything else here is a programming error. An expression on distinctInstance is refused by
 * callers (as ECS does) and ignored here.
 */
export function checkConstraints(constraints: readonly PlacementConstraint[]): CheckedConstraint[] {
  return constraints.map((c): CheckedConstraint => {
    if (c.type === 'distinctInstance') return { type: 'distinctInstance' };
    if (c.type !== 'memberOf') throw new Error(`placement: unknown constraint type ${JSON.stringify(c.type)}`);
    if (typeof c.expression !== 'string' || c.expression.trim() === '') throw new Error('placement: memberOf needs an expression');
    return { type: 'memberOf', expression: c.expression };
  });
}

interface Check {
  readonly reason: ReasonCode;
  passes(slot: number): boolean;
  /** Reads `store` from now on (see Constraints.rebind). */
  rebind(store: InstanceStore): void;
  /** Something about `slot` changed (a task of the group was placed there, or the store changed it): re-test it. */
  refresh(slot: number): void;
}

class DistinctInstance implements Check {
  readonly reason = DISTINCT_INSTANCE;
  constructor(private readonly groupCount: Int32Array) {}
  passes(slot: number): boolean {
    return this.groupCount[slot] === 0;
  }
  refresh(): void {
    // groupCount is the engine's, already up to date.
  }
  rebind(): void {
    // Reads no store.
  }
}

class MemberOf implements Check {
  readonly reason = MEMBER_OF;
  private readonly member: Uint8Array;
  private readonly plan: PlanNode;

  constructor(private store: InstanceStore, plan: PlanNode) {
    this.plan = plan;
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

  rebind(store: InstanceStore): void {
    this.store = store;
  }

  refresh(slot: number): void {
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

  /**
   * `groupCount`: the engine's per-slot count of the group's tasks, bumped on each placement;
   * `planOf`: the store plan of a memberOf expression (cached by the engine).
   */
  constructor(store: InstanceStore, constraints: readonly CheckedConstraint[], groupCount: Int32Array, planOf: (expression: string) => PlanNode) {
    this.checks = constraints.map((c): Check => (c.type === 'distinctInstance' ? new DistinctInstance(groupCount) : new MemberOf(store, planOf(c.expression))));
    this.readStore = this.checks.some((c) => c instanceof MemberOf);
    this.any = this.checks.length > 0;
  }

  /** The reason of the first constraint `slot` fails, or OK. */
  check(slot: number): ReasonCode {
    const checks = this.checks;
    for (let i = 0; i < checks.length; i++) if (!checks[i]!.passes(slot)) return checks[i]!.reason;
    return OK;
  }

  /**
   * Reads `store` from now on: a store of the same fork family, whose slots that differ from the
   * old one's the caller refreshes next (the member verdicts of the others stay right).
   */
  rebind(store: InstanceStore): void {
    for (const c of this.checks) c.rebind(store);
  }

  /** `slot` changed: re-test it (after the engine brought its group count up to date). */
  refresh(slot: number): void {
    for (const c of this.checks) c.refresh(slot);
  }
}

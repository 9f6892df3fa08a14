/**
 * The placement engine's vocabulary (reference §2): ECS constraint and strategy shapes, a
 * request to place tasks, and its outcome — placements, and named reasons for every instance
 * that was turned down.
 */
import type { ResourceAccountant } from '../resources/accountant.js';
import type { Reservation, TaskRequirements } from '../resources/types.js';
import type { RejectionReason } from './reasons.js';
import type { InstanceStore } from '../store/store.js';

/** ECS `PlacementConstraint`. */
export interface PlacementConstraint {
  type?: 'distinctInstance' | 'memberOf' | string;
  expression?: string;
}

/** ECS `PlacementStrategy`. */
export interface PlacementStrategy {
  type?: 'random' | 'spread' | 'binpack' | string;
  field?: string;
}

export type { RejectionReason } from './reasons.js';

/** A seeded generator (the simulator's SeededRandom): floats in [0, 1), and a state to save and put back. */
export interface RandomSource {
  next(): number;
  state: number;
}

export interface PlacementContext {
  readonly store: InstanceStore;
  readonly accountant: ResourceAccountant;
  /** Tie-breaks and `random` draw from this, so the same seed places the same way. */
  readonly random: RandomSource;
}

export interface PlacementRequest {
  readonly requirements: TaskRequirements;
  /**
   * The task group (`service:<name>` for service tasks, `family:<family>` by default): what
   * `distinctInstance` and `spread` count — tasks from earlier calls and from this call alike.
   */
  readonly group: string;
  /** Tasks to place, one after another; each sees the ones placed before it. */
  readonly count: number;
  /** Already validated (types, ≤ 10, memberOf expressions parse). */
  readonly constraints: readonly PlacementConstraint[];
  /**
   * Already validated (≤ 5); chained as tie-breakers in order. Plug-ins are named
   * `{ type: 'plugin:<name>' }` and looked up in the engine's registry.
   */
  readonly strategies: readonly PlacementStrategy[];
  /**
   * Only these slots are considered (StartTask names its instances; duplicates count once);
   * each must be live. Default: every live slot.
   */
  readonly onlySlots?: readonly number[];
}

export interface Placement {
  readonly slot: number;
  readonly reservation: Reservation;
}

export interface PlacementOutcome {
  /** In placement order. */
  readonly placements: readonly Placement[];
  /**
   * Tasks that could not be placed. Once one task finds no instance, nothing changes any more,
   * so every later task of the call is unplaced too: `placements.length + unplaced === count`.
   */
  readonly unplaced: number;
  /**
   * For each instance turned down for the first unplaceable task, the first stage that turned it
   * down (what ECS reports as RunTask `failures`), by ascending slot. At that point every
   * considered instance was turned down — unless a scheduler plug-in declined the task
   * (`declinedBy`): then the instances it passed over are not listed. Empty when every task was
   * placed.
   */
  readonly rejections: ReadonlyMap<number, RejectionReason>;
  /** The scheduler plug-in that declined to place the first unplaced task, if one did. */
  readonly declinedBy?: string;
  /**
   * How many instance verdicts of each reason the whole call produced ("why not here"): for every
   * task, placed or not, each considered instance that was turned down counts once. Reasons in
   * stage order (`REJECTION_REASONS`), zero counts left out.
   */
  readonly tally: ReadonlyMap<RejectionReason, number>;
}

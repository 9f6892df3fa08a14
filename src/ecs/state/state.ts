/**
 * The simulator's state: clusters (with their container instances, tasks and services), account
 * settings, task definitions, the clock, the seeded random source and the event bus. Operations
 * validate first and mutate after; and every call that may change the state runs as one
 * transaction of the state's journal (`atomically`), so that whatever goes wrong inside it — a
 * bug of ours included — it completes or leaves the state exactly as it was.
 */
import type { CowMap } from '../../collections/cow-map.js';
import type { Journal } from '../../collections/journal.js';
import type { PlacementEngine } from '../../placement/engine.js';
import type { SimClock } from '../../sim/clock.js';
import type { SeededRandom } from '../../sim/random.js';
import type { ClusterRecord } from '../clusters/record.js';
import type { ArnContext } from '../shared/arns.js';
import type { TaskDefinitionRegistry } from '../task-definitions/registry.js';
import type { EventBus, SimEvent } from './events.js';

export interface SimOptions {
  readonly region: string;
  readonly accountId: string;
  readonly seed: number;
  /** The caller's IAM principal ARN (default: the account root). */
  readonly principalArn: string;
  /** AWS default of the three long-ARN settings for this account (2019: `enabled` for accounts created after 2019-04-01). */
  readonly longArnFormatDefault: 'enabled' | 'disabled';
  /** The newest agent version UpdateContainerAgent can install. */
  readonly latestAgentVersion: string;
  /** Simulated start time, epoch milliseconds. */
  readonly startTime: number;
}

export interface SimState {
  readonly options: SimOptions;
  readonly ctx: ArnContext;
  /** name → record; in a transaction `get` hands out a copy (`copyClusterRecord`) */
  readonly clusters: CowMap<string, ClusterRecord>;
  /** principal ARN → setting name → value; the root's entries are the account defaults (`get` copies the inner map in a transaction; read with `peek`) */
  readonly settings: CowMap<string, Map<string, string>>;
  readonly random: SeededRandom;
  readonly clock: SimClock;
  /** Faults to inject into the next asynchronous transitions (see `injectFault`). */
  readonly faults: CowMap<string, number>;
  /** Registered task definitions, by family and revision (RegisterTaskDefinition). */
  readonly taskDefinitions: TaskDefinitionRegistry;
  /**
   * What happened to tasks and container instances, for whoever reacts (the service scheduler).
   * Each state, a fork included, has its own bus and its own subscriptions (`state/wiring.ts`).
   */
  readonly events: EventBus<SimEvent>;
  /**
   * The placement engine every placement of this state goes through, with its plug-ins. Forks
   * share it (its caches are kept per store, and a fork has its own store).
   */
  readonly placement: PlacementEngine;
  /**
   * The undo log of every structure above (`state/wiring.ts` attaches them; each state, a fork
   * included, has its own). `atomically` runs a call in one transaction of it.
   */
  readonly journal: Journal;
}

/**
 * Runs `f` as one transaction of the state's journal: if it throws, every write it made is undone
 * and the error rethrown. Inside an open transaction it is simply part of it (no savepoint: a
 * savepoint would hand out second copies of records the caller already holds).
 *
 * @example atomically(state, () => handler(state, request))
 */
export function atomically<T>(state: SimState, f: () => T): T {
  return state.journal.depth === 0 ? state.journal.atomically(f) : f();
}

/** Per-call options: who is calling. */
export interface CallContext {
  /** IAM principal ARN of the caller; default: the simulator's. */
  readonly principalArn?: string;
}

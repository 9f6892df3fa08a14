/**
 * The placement engine (reference §2): tasks placed one after another, each seeing the ones
 * before it, through the stages wired in prepared.ts. Every instance the call considers has a
 * verdict — placeable, or the first reason it was turned down — computed once; a placement
 * changes only the chosen instance, so only its verdict and its rank are recomputed. That is
 * what makes a call of N tasks cost one scan plus N small updates instead of N scans
 * (`naivePlaceTasks` in naive.ts is the N-scan oracle it is tested against).
 *
 * The engine is an object that owns what it keeps between calls: its plug-ins, the plans of
 * memberOf expressions, the canonical order of attribute values, and — per family of stores (a
 * store and its what-if forks, lineage.ts), for its recent requests — the prepared structures of
 * the previous call, which the next call of the same request on any store of the family brings
 * up to date from the change logs instead of scanning the fleet again. So a what-if fork starts
 * from its original's structures and pays for what it changed, not for the fleet.
 */
import { LRUMap, LRUMapWithDelete } from 'mnemonist';
import { parseFilter } from '../cql/index.js';
import { HeldReservation } from '../resources/live-reservations.js';
import type { DictionaryColumn } from '../store/dictionary-column.js';
import { plan, type PlanNode } from '../store/plan.js';
import type { InstanceStore } from '../store/store.js';
import { choose } from './choice.js';
import { fill, type FillOutcome } from './fill.js';
import { schedulerPick } from './plugins/calls.js';
import { PluginRegistry } from './plugins/registry.js';
import type { PlacementPlugin } from './plugins/types.js';
import { NOT_CONSIDERED, PLACED_HERE, Prepared, REASON_BITS } from './prepared.js';
import { newTally, OK, reasonOf, tallyMap } from './reasons.js';
import { checkRequest, type CheckedRequest } from './request.js';
import { changedSlots, nearestAnchor } from './lineage.js';
import { makeWitnessCalls } from './shape-witnesses.js';
import { chainEntries, parseChain, valueRanks } from './strategies/index.js';
import type { Placement, PlacementContext, PlacementOutcome, PlacementRequest, PlacementStrategy, RejectionReason } from './types.js';

export interface PlacementEngineOptions {
  /** The plug-ins this engine knows (default: a new, empty registry). */
  readonly plugins?: PluginRegistry;
  /**
   * How many requests' prepared structures are kept per store and its what-if forks, for the
   * next call (0: none). Default: 2,097,152 ÷ the store's slots when first placed on, from 4 to
   * 512 (a what-if touches one request per service; each kept structure is a few bytes a slot).
   */
  readonly reusePerStore?: number;
}

/** Default kept structures per family: a budget of slots, in [4, 512]. */
const KEPT_SLOT_BUDGET = 1 << 21;
const KEPT_MIN = 4;
const KEPT_MAX = 512;
/**
 * Reuse refreshes at most considered ÷ this many changed slots, else builds: a refresh takes the
 * slot out of the ranker, looks up its group count in the store's per-slot map (a cache miss or
 * two), judges and ranks it again — refreshing every slot of medium measured ~1.3× a build — and
 * reading the logs between two forks costs besides.
 */
const REFRESH_PER_BUILD = 4;
/** …but up to this many changed slots are always refreshed (a small fleet's build is cheap either way). */
const REFRESH_MIN = 64;

/**
 * Places tasks (`place`), owns plug-ins (`register`) and what it caches between calls.
 *
 * @example
 * const engine = new PlacementEngine();
 * engine.register({ name: 'least-memory-left', score: (c, view) => Array.from(c, (s) => view.remainingMemory(s)) });
 * const outcome = engine.place({ store, accountant, random: new SeededRandom(42) }, {
 *   requirements, group: 'service:web', count: 6, constraints: [{ type: 'distinctInstance' }],
 *   strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'plugin:least-memory-left' }],
 * });
 * outcome.placements.map((p) => p.slot); // six distinct instances, two per AZ, the fullest first
 */
export class PlacementEngine {
  readonly plugins: PluginRegistry;
  private readonly reusePerStore: number | undefined;
  /** Plans by expression text; a plan holds no store state, so it serves every store. */
  private readonly plans = new LRUMap<string, PlanNode>(1024);
  /**
   * Value ranks per column, for as many values as it had: a column's dictionary only grows, so
   * the ranks stay valid until it gains a value (sorting thousands of values per call cost
   * milliseconds at 100k instances).
   */
  private readonly ranks = new WeakMap<DictionaryColumn, Int32Array>();
  /**
   * Per family — its anchor: the root store, or a store that moved far from its family's anchor
   * (an AZ drained on a fork: see `keep`), which starts a family of its own — the prepared structures
   * of its recent requests, by request key, each on the store it last served. A far store's
   * structures serve itself and its forks; in its anchor's family they would only push out the
   * ones near the anchor, which the next small what-if refreshes (a sweep after an AZ drain
   * rebuilt every one), and hold the dead fork's store and accountant alive. Gone with the anchor.
   */
  private readonly reused = new WeakMap<InstanceStore, LRUMapWithDelete<string, Prepared>>();
  private readonly isAnchor = (store: InstanceStore): boolean => this.reused.has(store);
  /** The structures of the warm-up calls, kept for the engine's life (shape-witnesses.ts). */
  private witnesses: unknown[] | null = null;

  private readonly caches = {
    planOf: (expression: string): PlanNode => {
      let p = this.plans.get(expression);
      if (p === undefined) this.plans.set(expression, (p = plan(parseFilter(expression))));
      return p;
    },
    valueRanks: (column: DictionaryColumn): Int32Array => {
      const cached = this.ranks.get(column);
      if (cached !== undefined && cached.length === column.values.length) return cached;
      const rank = valueRanks(column);
      this.ranks.set(column, rank);
      return rank;
    },
  };

  constructor(options: PlacementEngineOptions = {}) {
    this.plugins = options.plugins ?? new PluginRegistry();
    this.reusePerStore = options.reusePerStore;
  }

  /**
   * Registers a strategy plug-in (`{ name, score }`) or a scheduler plug-in (`{ name, place }`);
   * requests name it `{ type: 'plugin:<name>' }`. Returns the plug-in.
   *
   * @example
   * engine.register({ name: 'first-fit', place: (_task, candidates) => candidates[0] ?? null });
   */
  register<P extends PlacementPlugin>(plugin: P): P {
    return this.plugins.register(plugin);
  }

  /**
   * Checks a `placementStrategy` list against the built-in types and this engine's plug-ins, as
   * RunTask, CreateService and UpdateService take it (errors name `member[i]`); returns the
   * entries normalised. The list's length (ECS: at most 5) is the caller's to check.
   *
   * @example
   * engine.checkStrategies([{ type: 'binpack', field: 'memory' }, { type: 'plugin:first-fit' }]);
   */
  checkStrategies(entries: readonly unknown[], member = 'placementStrategy'): PlacementStrategy[] {
    return chainEntries(parseChain(entries, member, this.plugins));
  }

  /**
   * Opt-in: a few small placements on a private 300-instance cluster (~25 ms), whose structures
   * the engine keeps for its life, so V8 keeps the code it optimized for their shapes — without
   * them, a process that places now and then restarts each call in the slower tiers
   * (shape-witnesses.ts; bench/placement.ts `--warm-up` measures it). Results never change.
   * Idempotent.
   */
  warmUp(): void {
    if (this.witnesses !== null) return;
    const kept: unknown[] = [];
    makeWitnessCalls((ctx, request) => this.run(ctx, request, kept));
    this.witnesses = kept;
  }

  /**
   * Places up to `request.count` tasks, in order; see PlacementOutcome for what comes back.
   * Mutates the context: the accountant's reservations, the store's task groups, the random
   * state. If a plug-in fails (PlacementPluginError), the call changes nothing.
   */
  place(ctx: PlacementContext, request: PlacementRequest): PlacementOutcome {
    return this.run(ctx, request, null);
  }

  /**
   * What `place` would end with for a request of more tasks than fit, without placing: how many
   * tasks each instance takes and why it turns down one more (fill.ts) — or null where that
   * depends on the order of placements (a scheduler plug-in, a memberOf over `task:group`, the
   * count reached first): then `place`. Changes nothing.
   *
   * @example
   * const full = engine.fill({ store, accountant }, { requirements, group: 'family:web', count: 1_000_000, constraints: [], strategies: [] });
   * full?.tasks; // how many more tasks of the shape fit
   */
  fill(ctx: Pick<PlacementContext, 'store' | 'accountant'>, request: PlacementRequest): FillOutcome | null {
    return fill(ctx.store, ctx.accountant, request, checkRequest(request, this.plugins), this.caches.planOf);
  }

  /**
   * Drops the prepared structures kept for the family anchored at `store` (a far what-if fork's:
   * see `keep`), for a caller that keeps the store but places on it no more. Its forks start
   * from nothing.
   */
  forget(store: InstanceStore): void {
    this.reused.delete(store);
  }

  /**
   * The prepared structures for this request: reused — from this store's last call, or from
   * another store of its family (a fork's original, a sibling fork) — and brought up to date, or
   * built. Reuse refreshes each slot the change logs name between the two states (at most as
   * many as a build costs: see REFRESH_PER_BUILD).
   */
  private prepare(ctx: PlacementContext, request: PlacementRequest, checked: CheckedRequest, key: string | null): Prepared {
    const { store, accountant } = ctx;
    if (key === null) return new Prepared(store, accountant, request, checked, this.caches);
    const { anchor, notes } = nearestAnchor(ctx, this.isAnchor);
    const family = this.reused.get(anchor);
    const kept = family?.get(key);
    if (kept !== undefined) {
      const { maxNotes, maxSlots } = PlacementEngine.refreshLimits(kept);
      // A store far from the anchor leaves the family's structure to the stores near it.
      if (notes <= maxSlots) {
        // Out of the cache while in use: a call that fails leaves it half-updated.
        family!.delete(key);
        const changed = kept.verdict.length === store.size ? changedSlots(kept, ctx, maxNotes, maxSlots) : null;
        if (changed !== null) {
          if (kept.store !== store || kept.accountant !== accountant) kept.rebind(store, accountant);
          for (let i = 0; i < changed.length; i++) kept.refresh(changed[i]!);
          return kept;
        }
        // Untouched, and right for the state it marks: another store of the family may use it.
        family!.set(key, kept);
      }
    }
    return new Prepared(store, accountant, request, checked, this.caches);
  }

  /** The notes and slots a refresh of `prepared` may read and redo before a build is cheaper. */
  private static refreshLimits(prepared: Prepared): { maxNotes: number; maxSlots: number } {
    const maxSlots = Math.max(REFRESH_MIN, Math.floor(prepared.considered.length / REFRESH_PER_BUILD));
    // A slot is noted a few times per change (its counts, groups, resources): notes are capped loosely, slots exactly.
    return { maxNotes: 8 * maxSlots + 1024, maxSlots };
  }

  /**
   * Keeps `prepared` for the next call of the same request on any store of this one's family;
   * a store farther from the family's anchor than a refresh reaches (more notes than the slots a
   * refresh takes: counted loosely, a slot noted twice counts twice) becomes an anchor itself.
   */
  private keep(ctx: PlacementContext, key: string, prepared: Prepared): void {
    const { store, accountant } = ctx;
    prepared.storeMark = store.changes.revision;
    prepared.accountantMark = accountant.changes.revision;
    const { anchor, notes } = nearestAnchor(ctx, this.isAnchor);
    const owner = notes > PlacementEngine.refreshLimits(prepared).maxSlots ? store : anchor;
    let family = this.reused.get(owner);
    if (family === undefined) this.reused.set(owner, (family = new LRUMapWithDelete(this.keptPerStore(owner))));
    family.set(key, prepared);
  }

  /** How many requests' structures a family keeps: reusePerStore, else a budget of slots. */
  private keptPerStore(store: InstanceStore): number {
    return this.reusePerStore ?? Math.min(KEPT_MAX, Math.max(KEPT_MIN, Math.floor(KEPT_SLOT_BUDGET / Math.max(1, store.size))));
  }

  private run(ctx: PlacementContext, request: PlacementRequest, capture: unknown[] | null): PlacementOutcome {
    const { store, accountant, random } = ctx;
    const { requirements, group, count } = request;
    // Cached per request; StartTask-style calls (onlySlots) are not.
    const key = this.reusePerStore !== 0 && request.onlySlots === undefined && count > 0
      ? JSON.stringify([requirements, group, request.constraints, request.strategies])
      : null;
    const checked = checkRequest(request, this.plugins);
    if (count === 0) return { placements: [], unplaced: 0, rejections: new Map(), tally: new Map() };
    const p = this.prepare(ctx, request, checked, key);
    capture?.push(p);
    const { considered, verdict, turnedDown, groupCount, values, ranker, constraints, scheduler } = p;

    // Sized up front (growing by push copies the array ~17 times for 100k); trimmed at the end.
    const placements = new Array<Placement>(Math.min(count, 1 << 20));
    let placed = 0;
    const tally = newTally();
    const rejections = new Map<number, RejectionReason>();
    let unplaced = 0;
    let declinedBy: string | undefined;
    // The tally grows by `turnedDown` per task; it is added in one go for each run of tasks during
    // which `turnedDown` stayed the same.
    let tasksSinceTally = 0;
    const addTally = () => {
      if (tasksSinceTally === 0) return;
      for (let code = 1; code < tally.length; code++) tally[code]! += turnedDown[code]! * tasksSinceTally;
      tasksSinceTally = 0;
    };
    // The store learns of the call's tasks at the end (try/finally), per instance: recording each
    // task as it is placed touches a different instance's group map every time (a cache miss per
    // task when spreading). The call's own structures (groupCount, levels) are what it reads.
    // memberOf re-reads the chosen instance's groups from the store, so then each task goes in at once.
    const defer = count > 1 && !constraints.readStore;
    // The instances the call placed on (each once) and their group counts before it.
    const placedOn: number[] = [];
    const countBefore: number[] = [];
    const randomState = random.state;
    // Group entries made in the store so far (undone if the call fails).
    let grouped = 0;
    const refusal = (slot: number) => {
      const v = verdict[slot]! & REASON_BITS;
      return v === OK ? null : reasonOf(v);
    };
    const arnOf = (slot: number) => (slot >= 0 && slot < verdict.length && (verdict[slot]! & REASON_BITS) !== NOT_CONSIDERED ? store.arns[slot] : undefined);
    let done = false;
    try {
      try {
        for (let task = 0; task < count; task++) {
          // 5. choice: one seeded draw among the best (or the scheduler plug-in's pick).
          let slot = -1;
          if (ranker.size > 0) {
            const best = ranker.best();
            if (scheduler === null) slot = choose(best, random);
            else {
              const candidates = new Int32Array(best.size);
              best.copyTo(candidates);
              slot = schedulerPick(scheduler, { index: task, group, requirements }, candidates, p.view, refusal, arnOf) ?? -1;
              if (slot < 0) declinedBy = scheduler.plugin.name;
            }
          }
          if (slot < 0) {
            // Nothing is placeable (or the scheduler placed nothing), and nothing changes any more:
            // this task and every later one are turned down by the same instances for the same reasons.
            for (let i = 0; i < considered.length; i++) {
              const v = verdict[considered[i]!]! & REASON_BITS;
              if (v !== OK) rejections.set(considered[i]!, reasonOf(v));
            }
            unplaced = count - task;
            tasksSinceTally += unplaced;
            break;
          }
          tasksSinceTally++;

          // Reserve and record the task. `reserve` checks the fit again although the verdict says it
          // fits: the accountant never over-commits whatever its caller believes (a scheduler
          // plug-in chose this instance, too), and the check costs ~15–20 ns of a ~700 ns placement
          // (bench/RESULTS.md).
          const reservation = accountant.reserve(slot, requirements);
          // The accountant's reservations serve as their own placements (see HeldReservation).
          placements[placed++] = reservation instanceof HeldReservation ? reservation : { slot, reservation };
          if ((verdict[slot]! & PLACED_HERE) === 0) {
            verdict[slot]! |= PLACED_HERE;
            placedOn.push(slot);
            countBefore.push(groupCount[slot]!);
          }
          if (!defer) {
            store.addTaskAtSlot(slot, group);
            grouped++;
          }

          // The chosen instance changed (resources, groups, scores): re-judge and re-rank it alone.
          ranker.remove(slot);
          groupCount[slot]!++;
          for (let i = 0; i < values.length; i++) values[i]!.counts[values[i]!.code(slot)]!++;
          if (constraints.any) constraints.refresh(slot);
          const v = p.judge(slot);
          verdict[slot] = v | PLACED_HERE;
          if (v === OK) ranker.add(slot);
          else {
            addTally();
            turnedDown[v]!++;
          }
        }
      } finally {
        addTally();
        for (let i = 0; i < placedOn.length; i++) {
          const slot = placedOn[i]!;
          verdict[slot]! &= REASON_BITS;
          if (defer) {
            for (let n = groupCount[slot]! - countBefore[i]!; n > 0; n--) {
              store.addTaskAtSlot(slot, group);
              grouped++;
            }
          }
        }
      }
      done = true;
    } finally {
      // A failed call (a plug-in refused, or threw; or a write failed) changes nothing: its tasks
      // are undone, each group entry only if it was made (`grouped` of them, in the order made:
      // per task, or per instance when deferred).
      if (!done) {
        let left = grouped;
        if (defer) {
          for (let i = 0; i < placedOn.length && left > 0; i++) {
            for (let n = Math.min(left, groupCount[placedOn[i]!]! - countBefore[i]!); n > 0; n--, left--) store.removeTask(store.arns[placedOn[i]!]!, group);
          }
        } else {
          for (let i = 0; i < grouped; i++) store.removeTask(store.arns[placements[i]!.slot]!, group);
        }
        for (let i = placed - 1; i >= 0; i--) accountant.release(placements[i]!.reservation);
        random.state = randomState;
      }
    }
    if (key !== null) this.keep(ctx, key, p);
    placements.length = placed;
    return { placements, unplaced, rejections, tally: tallyMap(tally), ...(declinedBy === undefined ? {} : { declinedBy }) };
  }
}

/**
 * The engine of callers that bring none (`placeTasks`): one per process, created on first use,
 * never warmed up and without plug-ins. A simulator should own its engine instead.
 */
let sharedEngine: PlacementEngine | null = null;

/**
 * Places tasks with a process-wide engine that has no plug-ins (see PlacementEngine.place).
 *
 * @example
 * const outcome = placeTasks({ store, accountant, random: new SeededRandom(42) }, {
 *   requirements, group: 'service:web', count: 6, constraints: [{ type: 'distinctInstance' }],
 *   strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
 * });
 * outcome.placements.map((p) => p.slot); // six distinct instances, two per AZ
 */
export function placeTasks(ctx: PlacementContext, request: PlacementRequest): PlacementOutcome {
  sharedEngine ??= new PlacementEngine();
  return sharedEngine.place(ctx, request);
}

/**
 * Opt-in warm-up of the engine behind `placeTasks` (PlacementEngine.warmUp): ~25 ms once, for
 * processes that place now and then and want every call at full speed.
 *
 * @example
 * warmUp(); // at start-up, before the first placeTasks
 */
export function warmUp(): void {
  sharedEngine ??= new PlacementEngine();
  sharedEngine.warmUp();
}

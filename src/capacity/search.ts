/**
 * The plan search on the fast model, over what needs room on new instances (the tasks each
 * scenario's what-if left short or stuck with nothing added): start from the lower bound's
 * integer solution, add instances until every scenario's tasks pack onto the planned instances
 * it leaves standing, then give back what is not needed (fewer instances of a kind, then a
 * cheaper kind in place of a dearer one) while they still pack. Shortfalls a verification finds
 * come back through `addForShortfall`.
 */
import type { ClusterRecord } from '../ecs/clusters/record.js';
import type { Demand, TaskClass } from './demand.js';
import type { Kind } from './kinds.js';
import type { PackingModel } from './model.js';
import type { Scenario, ScenarioOutcome } from './scenarios.js';
import type { Verification } from './verify.js';
import { addDemand, serviceClass } from './demand.js';
import type { SimState } from '../ecs/state/state.js';

export interface Search {
  readonly model: PackingModel;
  readonly scenarios: readonly Scenario[];
  /** per scenario: the tasks that need room on new instances */
  readonly needs: readonly Demand[][];
  readonly kinds: readonly Kind[];
  /** per scenario: kinds it takes away (1) */
  readonly lost: readonly Uint8Array[];
  /** per scenario: kinds it leaves standing (1) */
  readonly standing: readonly Uint8Array[];
}

/** The search state of a model, its scenarios and what each needs. */
export function search(model: PackingModel, scenarios: readonly Scenario[], needs: readonly Demand[][]): Search {
  const kinds = model.kinds;
  const lost = scenarios.map((s) => Uint8Array.from(kinds, (k) => (s.losesPlanned(k.candidate) ? 1 : 0)));
  return { model, scenarios, needs, kinds, lost, standing: lost.map((l) => l.map((x) => 1 - x)) };
}

const NONE: ReadonlySet<number> = new Set();

function packNeeds(s: Search, i: number, counts: ArrayLike<number>) {
  return s.model.pack({ demand: s.needs[i]!, lostSlots: NONE }, counts, s.lost[i]!, false);
}

/** The tasks a scenario's outcome left short or stuck, as demand (services by their current class). */
export function shortfallDemand(state: SimState, cluster: ClusterRecord, scenario: Scenario, outcome: ScenarioOutcome): Demand[] {
  const demand: Demand[] = [];
  for (const [name, o] of Object.entries(outcome.byService)) {
    const n = o.short + o.stuck;
    const service = cluster.services.get(name);
    const cls = service === undefined ? scenario.demand.find((d) => d.cls.label === name)?.cls : serviceClass(state, service);
    if (n > 0 && cls !== undefined) demand.push({ cls, count: n });
  }
  return demand;
}

/** Hourly cost of instance counts per kind. */
export function costOf(kinds: readonly Kind[], counts: ArrayLike<number>): number {
  let c = 0;
  for (const k of kinds) c += k.price * (counts[k.index] ?? 0);
  return c;
}

/** Whether every scenario packs in the model with these counts. */
export function packsAll(s: Search, counts: ArrayLike<number>): boolean {
  return s.scenarios.every((_, i) => packNeeds(s, i, counts).size === 0);
}

/**
 * Adds instances until every scenario packs in the model. Returns the classes it could not find
 * room for on any kind (empty when it succeeded).
 */
export function completeInModel(s: Search, counts: Int32Array, allowed?: (cls: TaskClass, kind: Kind) => boolean): TaskClass[] {
  for (let round = 0; round < 50; round++) {
    let changed = false;
    const stuck: TaskClass[] = [];
    s.scenarios.forEach((_, i) => {
      const left = packNeeds(s, i, counts);
      if (left.size === 0) return;
      const added = s.model.openFor(left.values(), s.standing[i]!, counts, allowed);
      for (const [k, n] of added) {
        counts[k] = counts[k]! + n;
        changed = true;
      }
      if (added.size === 0) for (const l of left.values()) stuck.push(l.cls);
    });
    if (!changed) return stuck;
  }
  return [];
}

/**
 * Gives back what the model does not need: for each kind, dearest first, the fewest instances
 * that still pack (binary search), then single swaps to a cheaper kind in the same AZ. Stops
 * improving after `ms`.
 */
export function trim(s: Search, counts: Int32Array, ms = 400): void {
  const deadline = performance.now() + ms;
  const byPrice = [...s.kinds].sort((a, b) => b.price - a.price || a.index - b.index);
  for (const k of byPrice) {
    if (counts[k.index] === 0) continue;
    if (performance.now() > deadline) return;
    let lo = 0;
    let hi = counts[k.index]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      counts[k.index] = mid;
      if (packsAll(s, counts)) hi = mid;
      else lo = mid + 1;
    }
    // `hi` always packs (the counts packed on entry), so the search ends on a count that packs.
    counts[k.index] = hi;
  }
  for (const k of byPrice) {
    while (counts[k.index]! > 0 && performance.now() < deadline) {
      const cheaper = s.kinds.filter((o) => o.price < k.price && o.availabilityZone === k.availabilityZone).sort((a, b) => a.price - b.price);
      let swapped = false;
      for (const o of cheaper) {
        counts[k.index]!--;
        counts[o.index]!++;
        if (packsAll(s, counts)) {
          swapped = true;
          break;
        }
        counts[k.index]!++;
        counts[o.index]!--;
        if (performance.now() > deadline) break;
      }
      if (!swapped) break;
    }
  }
}

/**
 * Spreads the plan over AZs at the same cost: an instance moves to the same type and attributes
 * in the AZ with fewest planned instances while every scenario still packs. The scheduler's
 * default and most common strategies spread over AZs first, so replacements of other services
 * land on new instances in proportion to their AZ; a plan piled into one AZ loses its room to
 * them there (measured on the medium dataset: three GPU instances in one AZ did not verify,
 * spread over two they did).
 */
export function balance(s: Search, counts: Int32Array): void {
  const perAz = new Map<string, number>();
  for (const k of s.kinds) perAz.set(k.availabilityZone, (perAz.get(k.availabilityZone) ?? 0) + counts[k.index]!);
  const twin = (k: Kind, az: string) => s.kinds.find((o) => o.type === k.type && o.attributes === k.attributes && o.availabilityZone === az);
  // First in bulk: each type's instances split evenly over the AZs, if that still packs.
  const azs = [...perAz.keys()].sort();
  for (const k of s.kinds) {
    if (counts[k.index] === 0) continue;
    const group = azs.map((az) => twin(k, az)).filter((o): o is Kind => o !== undefined);
    const total = group.reduce((n, o) => n + counts[o.index]!, 0);
    if (group.length < 2 || total < group.length) continue;
    const before = group.map((o) => counts[o.index]!);
    group.forEach((o, i) => { counts[o.index] = Math.floor(total / group.length) + (i < total % group.length ? 1 : 0); });
    if (!packsAll(s, counts)) group.forEach((o, i) => { counts[o.index] = before[i]!; });
  }
  perAz.clear();
  for (const k of s.kinds) perAz.set(k.availabilityZone, (perAz.get(k.availabilityZone) ?? 0) + counts[k.index]!);
  // Then one instance at a time.
  for (let moves = 0; moves < 200; moves++) {
    let moved = false;
    for (const k of s.kinds) {
      if (counts[k.index] === 0) continue;
      const from = perAz.get(k.availabilityZone)!;
      const targets = [...perAz].filter(([az, n]) => n + 1 < from && az !== k.availabilityZone).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
      for (const [az] of targets) {
        const o = twin(k, az);
        if (o === undefined) continue;
        counts[k.index]!--;
        counts[o.index]!++;
        if (packsAll(s, counts)) {
          perAz.set(k.availabilityZone, from - 1);
          perAz.set(az, perAz.get(az)! + 1);
          moved = true;
          break;
        }
        counts[k.index]!++;
        counts[o.index]!--;
      }
      if (moved) break;
    }
    if (!moved) return;
  }
}

/**
 * After a verification that failed: for each scenario that left tasks short or stuck, instances
 * for those tasks on their own (the scheduler placed differently from the model); they join the
 * scenario's needs. A class short again after a repair gets twice its shortfall the next time:
 * the scheduler lets tasks without constraints take room on any instance (an arm64 one
 * included), so room added for a constrained class is partly taken by others, round after
 * round. Returns whether anything was added.
 */
export function addForShortfall(s: Search, state: SimState, cluster: ClusterRecord, counts: Int32Array, verification: Verification, repeats: Map<string, number>): boolean {
  let added = false;
  verification.scenarios.forEach((outcome, i) => {
    const demand = shortfallDemand(state, cluster, s.scenarios[i]!, outcome).map((d) => {
      const key = `${i}/${d.cls.key}`;
      const times = repeats.get(key) ?? 0;
      repeats.set(key, times + 1);
      return { cls: d.cls, count: d.count * 2 ** times };
    });
    if (demand.length === 0) return;
    for (const d of demand) addDemand(s.needs[i]!, d.cls, d.count);
    for (const [k, n] of s.model.openFor(demand, s.standing[i]!, counts)) {
      counts[k] = counts[k]! + n;
      added = true;
    }
  });
  return added;
}

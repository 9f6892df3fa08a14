/**
 * The lower bound on a plan's cost: an integer covering program over the tasks the goal's
 * what-ifs leave short or stuck with nothing added — the scheduler has had its chance at the
 * existing instances, so these need room on new ones — solved exactly when small
 * (`covering.ts`). For each scenario, each pool of task classes that may use the same kinds of
 * instance (same memberOf constraints, GPUs, ENIs, architecture) and each resource (CPU,
 * memory, GPUs, ENIs):
 *
 *   Σ over kinds k the pool may use and the scenario leaves standing: capacity(k) · x_k
 *     ≥ what the tasks need that can go nowhere else (the pool's, and those of pools whose kinds are a subset)
 *
 * the same over all classes together for CPU and memory, and per class limited to one task an
 * instance (static host ports, distinctInstance): new instances ≥ its tasks. Every plan whose
 * instances can hold those tasks satisfies these rows, so none costs less than the optimum; a
 * pool that needs capacity no standing kind offers makes the goal impossible.
 */
import { solveCovering, type CoveringRow } from './covering.js';
import type { TaskClass } from './demand.js';
import { staticPorts, type Kind } from './kinds.js';
import type { PackingModel } from './model.js';
import type { Scenario } from './scenarios.js';

/** A scenario's name, what it takes away, and the tasks that need room on new instances. */
export type Need = Pick<Scenario, 'name' | 'demand' | 'losesPlanned'>;

export interface LowerBound {
  /** hourly cost no verified plan can go below */
  readonly hourlyCost: number;
  /** whether it is the integer optimum of the program (else the best bound the search proved) */
  readonly exact: boolean;
  /** the program's best integer solution: instances per kind (a starting plan) */
  readonly counts: Int32Array;
  /** classes that need capacity no allowed, standing kind offers, per scenario */
  readonly impossible: readonly { scenario: string; cls: TaskClass }[];
}

type Resource = 'cpu' | 'memory' | 'gpus' | 'enis';
const RESOURCES: readonly Resource[] = ['cpu', 'memory', 'gpus', 'enis'];

function need(cls: TaskClass, r: Resource): number {
  const q = cls.requirements;
  return r === 'cpu' ? q.cpu : r === 'memory' ? q.memory : r === 'gpus' ? q.gpus : q.eni ? 1 : 0;
}

function capacity(kind: Kind, r: Resource): number {
  return r === 'cpu' ? kind.type.cpu : r === 'memory' ? kind.type.memory : r === 'gpus' ? kind.type.gpus : kind.enis;
}

/** Rows of one scenario (variables are kind indexes). */
function scenarioRows(model: PackingModel, scenario: Need, kinds: readonly Kind[], impossible: { scenario: string; cls: TaskClass }[]): CoveringRow[] {
  const standing = kinds.filter((k) => !scenario.losesPlanned(k.candidate));
  const pools = new Map<string, { classes: { cls: TaskClass; count: number }[]; kinds: Kind[] }>();
  for (const d of scenario.demand) {
    const info = model.info(d.cls);
    const usable = standing.filter((k) => info.kinds[k.index]);
    const key = usable.map((k) => k.index).join(',');
    const pool = pools.get(key);
    if (pool === undefined) pools.set(key, { classes: [{ cls: d.cls, count: d.count }], kinds: usable });
    else pool.classes.push({ cls: d.cls, count: d.count });
  }
  const rows: CoveringRow[] = [];
  const add = (classes: readonly { cls: TaskClass; count: number }[], usable: readonly Kind[], resources: readonly Resource[]): void => {
    for (const r of resources) {
      let b = 0;
      for (const c of classes) b += c.count * need(c.cls, r);
      if (b <= 1e-9) continue;
      const coef = new Map<number, number>();
      for (const k of usable) if (capacity(k, r) > 0) coef.set(k.index, capacity(k, r));
      if (coef.size === 0) {
        for (const c of classes) if (need(c.cls, r) > 0 && !impossible.some((i) => i.cls.key === c.cls.key && i.scenario === scenario.name)) impossible.push({ scenario: scenario.name, cls: c.cls });
        continue;
      }
      rows.push({ coef, b });
    }
  };
  // For each pool, every class that can only go where the pool can (its kinds a subset of the
  // pool's): their tasks together need room on the pool's kinds. Two pools sharing kinds cannot
  // both count the same instances then.
  const all = [...pools.values()].map((p) => ({ ...p, set: new Set(p.kinds.map((k) => k.index)) }));
  for (const pool of all) {
    const inside = all.filter((q) => q.kinds.every((k) => pool.set.has(k.index)));
    add(inside.flatMap((q) => q.classes), pool.kinds, RESOURCES);
  }
  if (pools.size > 1) {
    const all = [...pools.values()];
    const usable = standing.filter((k) => all.some((p) => p.kinds.includes(k)));
    add(all.flatMap((p) => p.classes), usable, ['cpu', 'memory']);
  }
  for (const d of scenario.demand) {
    if (staticPorts(d.cls) === 0 && !d.cls.distinct) continue;
    const b = d.count;
    const info = model.info(d.cls);
    const coef = new Map<number, number>();
    for (const k of standing) if (info.kinds[k.index]) coef.set(k.index, 1);
    if (coef.size === 0) {
      if (!impossible.some((i) => i.cls.key === d.cls.key && i.scenario === scenario.name)) impossible.push({ scenario: scenario.name, cls: d.cls });
      continue;
    }
    rows.push({ coef, b });
  }
  return rows;
}

/**
 * The lower bound of a goal's scenarios over `kinds`, and the program's integer solution.
 * @example lowerBound(model, scenarios, kinds).hourlyCost // 2.301
 */
export function lowerBound(model: PackingModel, scenarios: readonly Need[], kinds: readonly Kind[], budget: { nodes?: number; ms?: number } = {}): LowerBound {
  const impossible: { scenario: string; cls: TaskClass }[] = [];
  const rows = scenarios.flatMap((s) => scenarioRows(model, s, kinds, impossible));
  const counts = new Int32Array(kinds.length);
  if (rows.length === 0) return { hourlyCost: 0, exact: true, counts, impossible };
  // Variables: kinds some row uses; of kinds with the same coefficients everywhere only the cheapest.
  const used = [...new Set(rows.flatMap((r) => [...r.coef.keys()]))].sort((a, b) => a - b);
  const signature = (k: number) => rows.map((r) => r.coef.get(k) ?? 0).join(',');
  const cheapest = new Map<string, number>();
  for (const k of used) {
    const sig = signature(k);
    const seen = cheapest.get(sig);
    if (seen === undefined || kinds[k]!.price < kinds[seen]!.price) cheapest.set(sig, k);
  }
  let vars = [...cheapest.values()].sort((a, b) => a - b);
  // A kind no better anywhere than a kind that costs no more is never needed.
  const column = (k: number) => rows.map((r) => r.coef.get(k) ?? 0);
  const columns = new Map(vars.map((k) => [k, column(k)]));
  vars = vars.filter((k) => !vars.some((o) => o !== k && kinds[o]!.price <= kinds[k]!.price
    && columns.get(o)!.every((v, i) => v >= columns.get(k)![i]!)
    && (kinds[o]!.price < kinds[k]!.price || columns.get(o)!.some((v, i) => v > columns.get(k)![i]!) || o < k)));
  const position = new Map(vars.map((k, i) => [k, i]));
  const programRows: CoveringRow[] = rows.map((r) => ({ coef: new Map([...r.coef].flatMap(([k, a]) => (position.has(k) ? [[position.get(k)!, a] as [number, number]] : []))), b: r.b }));
  const solution = solveCovering(vars.map((k) => kinds[k]!.price), programRows, budget);
  if (solution === null) return { hourlyCost: 0, exact: false, counts, impossible };
  solution.x.forEach((v, i) => { counts[vars[i]!] = v; });
  return { hourlyCost: solution.bound, exact: solution.exact, counts, impossible };
}

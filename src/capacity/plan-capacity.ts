/**
 * planCapacity: what to add — instances per AZ and type, with their hourly cost, the lower bound
 * beside it, and the verification that the goal's what-ifs leave nothing short or stuck with
 * them registered. A plan that does not verify is never returned as a plan.
 */
import type { ClusterRecord } from '../ecs/clusters/record.js';
import type { Attribute } from '../shapes.js';
import { lowerBound } from './bound.js';
import { customAttributeNames, type TaskClass } from './demand.js';
import { checkGoal, type CapacityGoal } from './goal.js';
import { buildKinds, whyNoKind, type Kind } from './kinds.js';
import { PackingModel } from './model.js';
import { resolveOptions, type CapacityOptions, type ResolvedOptions } from './options.js';
import { placeScenario, reportScenario, scaleScenario, scenarioContext, targetScenarios, type Scenario, type ScenarioContext } from './scenarios.js';
import { addForShortfall, balance, completeInModel, costOf, search, shortfallDemand, trim, type Search } from './search.js';
import { plannedGroups, verifyPlan, type Verification } from './verify.js';

/** Instances of one type to add in one AZ. */
export interface PlannedInstances {
  readonly availabilityZone: string;
  readonly instanceType: string;
  readonly count: number;
  /** custom attributes they register with */
  readonly attributes: readonly Attribute[];
  /** registered with a trunk ENI (awsvpcTrunking on, a supported type) */
  readonly trunked: boolean;
  readonly hourlyPrice: number;
  readonly hourlyCost: number;
}

/** The lower bound beside a plan: no verified plan costs less. */
export interface CostBound {
  readonly hourlyCost: number;
  /** the integer optimum of the bound's program (else the best bound its search proved) */
  readonly exact: boolean;
  /** plan cost ÷ bound (1 when both are 0) */
  readonly ratio: number;
}

/** A task that no allowed instance type can hold, and why. */
export interface ImpossibleTask {
  readonly scenario: string;
  /** service name, or the task definition's family for a `place` goal */
  readonly name: string;
  readonly taskDefinitionArn: string;
  readonly count: number;
  /** a reason code (`RESOURCE:MEMORY`, `RESOURCE:GPU`, `CONSTRAINT:memberOf`, `ATTRIBUTE`, `AVAILABILITY_ZONE`, ...) */
  readonly reason: string;
  readonly message: string;
}

/** The answer of `planCapacity`. */
export type CapacityPlan =
  | {
    readonly status: 'planned';
    /** the scenarios the goal was checked against */
    readonly scenarios: readonly string[];
    /** instances to add, per AZ and type (empty: nothing is short) */
    readonly add: readonly PlannedInstances[];
    readonly hourlyCost: number;
    readonly lowerBound: CostBound;
    /** the goal's what-ifs re-run with `add` registered: zero short and stuck */
    readonly verification: Verification;
  }
  | { readonly status: 'impossible'; readonly scenarios: readonly string[]; readonly tasks: readonly ImpossibleTask[] }
  | {
    /** no plan verified within `rounds` verification rounds: the last attempt, for the record (not a plan) */
    readonly status: 'unverified';
    readonly scenarios: readonly string[];
    readonly lastAttempt: readonly PlannedInstances[];
    readonly verification: Verification;
  };

/** Custom-attribute sets new instances may register with: the cluster's own, projected on the names memberOf constraints read. */
function profilesFor(cluster: ClusterRecord, classes: Iterable<TaskClass>, fixed: readonly Attribute[] | undefined): Attribute[][] {
  if (fixed !== undefined) return [fixed.map((a) => ({ ...a }))];
  const names = customAttributeNames(classes);
  if (names.length === 0) return [[]];
  const counts = new Map<string, { attributes: Attribute[]; n: number }>();
  for (const i of cluster.instances.values()) {
    if (i.status !== 'ACTIVE') continue;
    const attributes = names.flatMap((name) => i.attributes.filter((a) => a.name === name).map((a) => (a.value === undefined ? { name } : { name, value: a.value })));
    const key = JSON.stringify(attributes);
    const seen = counts.get(key);
    if (seen === undefined) counts.set(key, { attributes, n: 1 });
    else seen.n++;
  }
  const profiles = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([, v]) => v.attributes);
  return profiles.length === 0 ? [[]] : profiles;
}

/** The scenarios of a goal. */
export function goalScenarios(goal: CapacityGoal, ctx: ScenarioContext, rank: (s: Scenario[]) => Scenario[]): Scenario[] {
  if ('place' in goal) return [placeScenario(ctx, goal.place)];
  if ('scale' in goal) return [scaleScenario(ctx, goal.scale)];
  if ('survive' in goal) return targetScenarios(ctx, goal.survive, rank);
  return [reportScenario(ctx, goal.report.containerInstanceArns, goal.report.kind ?? 'drain')];
}

/** The kinds, model and scenarios of a question (shared with consolidation and the baseline). */
export function prepare(o: ResolvedOptions, build: (ctx: ScenarioContext, rank: (s: Scenario[]) => Scenario[]) => Scenario[]): { scenarios: Scenario[]; kinds: Kind[]; model: PackingModel } {
  const ctx = scenarioContext(o.env.sim.state, o.facts.cluster, o.settleMs);
  // The instance-set sweep ranks its candidates with a model of the cluster alone (no kinds needed).
  const none = new Uint8Array(0);
  const rank = (scenarios: Scenario[], bare = new PackingModel(o.facts.cluster, [])) => scenarios
    .map((s) => {
      let left = 0;
      for (const l of bare.pack(s, none, none).values()) left += l.count * (1 + l.cls.requirements.cpu / 1024 + l.cls.requirements.memory / 4096);
      let displaced = 0;
      for (const d of s.demand) displaced += d.count * (d.cls.requirements.cpu / 1024 + d.cls.requirements.memory / 4096);
      return { s, left, displaced };
    })
    .sort((a, b) => b.left - a.left || b.displaced - a.displaced)
    .map((x) => x.s);
  const scenarios = build(ctx, rank);
  const profiles = profilesFor(o.facts.cluster, scenarios.flatMap((s) => s.demand.map((d) => d.cls)), o.attributes);
  const kinds = buildKinds(o.registration, o.types, o.availabilityZones, profiles, o.prices, o.trunking, o.env.sim.now);
  return { scenarios, kinds, model: new PackingModel(o.facts.cluster, kinds) };
}

/** The plan's instances as the answer lists them. */
export function describeCounts(kinds: readonly Kind[], counts: ArrayLike<number>): PlannedInstances[] {
  return plannedGroups(kinds, counts)
    .map(({ kind, count }) => ({
      availabilityZone: kind.availabilityZone,
      instanceType: kind.type.instanceType,
      count,
      attributes: kind.attributes.map((a) => ({ ...a })),
      trunked: kind.trunked,
      hourlyPrice: kind.price,
      hourlyCost: round(kind.price * count),
    }))
    .sort((a, b) => (a.availabilityZone < b.availabilityZone ? -1 : a.availabilityZone > b.availabilityZone ? 1 : a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0));
}

/** Dollars to a tenth of a cent's hundredth: prices have at most four decimals. */
export function round(dollars: number): number {
  return Math.round(dollars * 1e6) / 1e6;
}

export function ratioOf(cost: number, bound: number): number {
  if (cost <= 1e-9) return 1;
  return bound <= 1e-9 ? Infinity : round(cost / bound);
}

function impossibleTasks(s: Search, found: readonly { scenario: string; cls: TaskClass }[]): ImpossibleTask[] {
  return found.map(({ scenario, cls }) => {
    const sc = s.scenarios.find((x) => x.name === scenario)!;
    const i = s.scenarios.indexOf(sc);
    const standing = s.kinds.filter((k) => s.standing[i]![k.index]);
    const why = standing.length === 0 || s.kinds.some((k) => !s.standing[i]![k.index] && s.model.info(cls).kinds[k.index]) && !standing.some((k) => s.model.info(cls).kinds[k.index])
      ? { reason: 'AVAILABILITY_ZONE', message: 'the only allowed instances that could hold it are in what the scenario loses' }
      : whyNoKind(cls, standing);
    return { scenario, name: cls.label, taskDefinitionArn: cls.taskDefinitionArn, count: s.needs[i]!.find((d) => d.cls.key === cls.key)?.count ?? 0, ...why };
  });
}

/**
 * What to add to a cluster so a goal holds, at the lowest hourly cost the search finds, with the
 * lower bound and the verification. Bad input throws an InvalidParameterException.
 *
 * @example
 * const plan = planCapacity({ survive: { losing: 'attribute:ecs.availability-zone' } }, { sim, cluster: 'sample' });
 * if (plan.status === 'planned') console.log(plan.add, plan.hourlyCost, plan.lowerBound.ratio, plan.verification.verified);
 */
export function planCapacity(goal: CapacityGoal, options: CapacityOptions): CapacityPlan {
  const g = checkGoal(goal);
  const o = resolveOptions(options);
  const { scenarios, kinds, model } = prepare(o, (ctx, rank) => goalScenarios(g, ctx, rank));
  const names = scenarios.map((s) => s.name);
  const empty = verifyPlan(o.env, [], scenarios);
  if (empty.verified) return { status: 'planned', scenarios: names, add: [], hourlyCost: 0, lowerBound: { hourlyCost: 0, exact: true, ratio: 1 }, verification: empty };
  const needs = scenarios.map((sc, i) => shortfallDemand(o.env.sim.state, o.facts.cluster, sc, empty.scenarios[i]!));
  const s = search(model, scenarios, needs);
  const bound = lowerBound(model, scenarios.map((sc, i) => ({ name: sc.name, losesPlanned: sc.losesPlanned, demand: needs[i]! })), kinds);
  if (bound.impossible.length > 0) return { status: 'impossible', scenarios: names, tasks: impossibleTasks(s, bound.impossible) };
  const counts = Int32Array.from(bound.counts);
  const stuck = completeInModel(s, counts);
  if (stuck.length > 0) {
    const found = scenarios.flatMap((sc, i) => stuck.filter((c) => needs[i]!.some((d) => d.cls.key === c.key)).map((cls) => ({ scenario: sc.name, cls })));
    return { status: 'impossible', scenarios: names, tasks: impossibleTasks(s, found) };
  }
  trim(s, counts);
  balance(s, counts);
  let verification = verifyPlan(o.env, plannedGroups(kinds, counts), scenarios);
  const repeats = new Map<string, number>();
  for (let round = 1; round < o.rounds && !verification.verified; round++) {
    if (!addForShortfall(s, o.env.sim.state, o.facts.cluster, counts, verification, repeats)) break;
    verification = verifyPlan(o.env, plannedGroups(kinds, counts), scenarios);
  }
  const add = describeCounts(kinds, counts);
  if (!verification.verified) return { status: 'unverified', scenarios: names, lastAttempt: add, verification };
  const cost = round(costOf(kinds, counts));
  const lb = round(bound.hourlyCost);
  return { status: 'planned', scenarios: names, add, hourlyCost: cost, lowerBound: { hourlyCost: lb, exact: bound.exact, ratio: ratioOf(cost, lb) }, verification };
}

/**
 * The baseline a plan is compared with: a Cluster-Autoscaler-style estimate. Cluster Autoscaler
 * simulates pending pods onto copies of a node group's template node, first fit, and adds that
 * many nodes; here the template is the cluster's most common instance type (for tasks it cannot
 * hold — GPUs, arm64 — the most common type in the cluster that can, as a second node group
 * would), new instances go to the AZs the scenarios leave standing, fewest first, and nothing is
 * trimmed, swapped or re-verified. Its verification is reported, not repaired.
 */
import type { TaskClass } from './demand.js';
import { checkGoal, type CapacityGoal } from './goal.js';
import type { Kind } from './kinds.js';
import { resolveOptions, type CapacityOptions } from './options.js';
import { describeCounts, goalScenarios, prepare, round, type PlannedInstances } from './plan-capacity.js';
import { completeInModel, costOf, search, shortfallDemand } from './search.js';
import { verifyPlan, plannedGroups, type Verification } from './verify.js';

/** The baseline's estimate: what it adds, its cost, and whether it verifies. */
export interface BaselineEstimate {
  /** the template type */
  readonly instanceType: string | undefined;
  readonly add: readonly PlannedInstances[];
  readonly hourlyCost: number;
  /** tasks no template could hold (left pending) */
  readonly unplaceable: number;
  readonly verification: Verification;
}

/**
 * Cluster Autoscaler's way of answering the same goal (see the file comment), for comparison.
 * @example baselineEstimate({ survive: { losing: 'attribute:ecs.availability-zone' } }, { sim, cluster: 'sample' }).hourlyCost
 */
export function baselineEstimate(goal: CapacityGoal, options: CapacityOptions): BaselineEstimate {
  const g = checkGoal(goal);
  const o = resolveOptions(options);
  const { scenarios, kinds, model } = prepare(o, (ctx, rank) => goalScenarios(g, ctx, rank));
  const empty = verifyPlan(o.env, [], scenarios);
  const counts = new Int32Array(kinds.length);
  if (empty.verified) return { instanceType: o.facts.commonType, add: [], hourlyCost: 0, unplaceable: 0, verification: empty };
  const needs = scenarios.map((sc, i) => shortfallDemand(o.env.sim.state, o.facts.cluster, sc, empty.scenarios[i]!));
  const popularity = new Map<string, number>();
  for (const i of o.facts.cluster.instances.values()) if (i.status === 'ACTIVE' && i.instanceType !== undefined) popularity.set(i.instanceType, (popularity.get(i.instanceType) ?? 0) + 1);
  const template = new Map<string, string | undefined>();
  const templateOf = (cls: TaskClass): string | undefined => {
    if (!template.has(cls.key)) {
      const info = model.info(cls);
      const types = [...new Set(kinds.filter((k) => info.kinds[k.index]).map((k) => k.type.instanceType))];
      types.sort((a, b) => (popularity.get(b) ?? 0) - (popularity.get(a) ?? 0) || (a < b ? -1 : 1));
      template.set(cls.key, types.includes(o.facts.commonType ?? '') ? o.facts.commonType : types[0]);
    }
    return template.get(cls.key);
  };
  const s = search(model, scenarios, needs);
  const stuck = completeInModel(s, counts, (cls: TaskClass, kind: Kind) => kind.type.instanceType === templateOf(cls));
  const unplaceable = stuck.reduce((n, cls) => n + Math.max(...needs.map((d) => d.find((x) => x.cls.key === cls.key)?.count ?? 0)), 0);
  return {
    instanceType: o.facts.commonType,
    add: describeCounts(kinds, counts),
    hourlyCost: round(costOf(kinds, counts)),
    unplaceable,
    verification: verifyPlan(o.env, plannedGroups(kinds, counts), scenarios),
  };
}

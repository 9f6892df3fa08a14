/**
 * planConsolidation: which container instances can be drained and deregistered while every
 * service stays at its desired count — and, with `survive`, while a resilience target still
 * holds — and the hourly saving. Cluster Autoscaler's scale-down and Karpenter's consolidation
 * are the anchors: instances with standalone tasks (what no scheduler would restart) are never
 * candidates, the least used go first, and the answer is verified on a fork.
 */
import { describeValue } from '../model/validate.js';
import { InvalidParameterException } from '../errors.js';
import { settle } from './fork-steps.js';
import type { ClusterRecord } from '../ecs/clusters/record.js';
import { addDemand, serviceClass, type Demand } from './demand.js';
import { checkTarget, type ResilienceTarget } from './goal.js';
import { PackingModel } from './model.js';
import { resolveOptions, type CapacityOptions, type ResolvedOptions } from './options.js';
import { round } from './plan-capacity.js';
import { onInstances, scenarioContext, serviceOutcome, targetScenarios, type Scenario, type ScenarioOutcome } from './scenarios.js';
import type { Verification } from './verify.js';

/** Options of `planConsolidation`: the shared capacity options and the target to keep. */
export interface ConsolidationOptions extends CapacityOptions {
  /** a resilience target that must still hold afterwards (default: none beyond every service at desired count) */
  readonly survive?: ResilienceTarget;
  /** remove at most this many instances */
  readonly maxInstances?: number;
}

/** An instance the plan drains and deregisters. */
export interface RemovedInstance {
  readonly containerInstanceArn: string;
  readonly ec2InstanceId: string | undefined;
  readonly availabilityZone: string | undefined;
  readonly instanceType: string;
  readonly hourlyPrice: number;
  /** service tasks that move off it */
  readonly tasks: number;
}

/** The answer of `planConsolidation`. */
export type ConsolidationPlan =
  | {
    readonly status: 'planned';
    /** instances to drain and deregister, least used first (empty: none can go) */
    readonly remove: readonly RemovedInstance[];
    readonly hourlySaving: number;
    /** the target's scenarios checked after the removal */
    readonly scenarios: readonly string[];
    /** the drain (first outcome) and the target's what-ifs after it: zero short and stuck */
    readonly verification: Verification;
  }
  | {
    /** the target does not hold even with nothing removed (plan capacity for it first) */
    readonly status: 'target-not-met';
    readonly scenarios: readonly string[];
    readonly verification: Verification;
  };

function attribute(i: { attributes: readonly { name?: string; value?: string }[] }, name: string): string | undefined {
  return i.attributes.find((a) => a.name === name)?.value;
}

interface Candidate {
  readonly arn: string;
  readonly slot: number;
  readonly price: number;
  readonly use: number;
  readonly services: ReadonlyMap<string, number>;
}

/** ACTIVE, connected, priced instances without standalone tasks, least used (then dearest) first. */
function candidates(o: ResolvedOptions, cluster: ClusterRecord): Candidate[] {
  const services = new Map<string, Map<string, number>>();
  const standalone = new Set<string>();
  const reserved = new Map<string, { cpu: number; memory: number }>();
  for (const t of cluster.tasks.values()) {
    const on = t.containerInstanceArn;
    if (t.desiredStatus !== 'RUNNING' || on === undefined) continue;
    const r = reserved.get(on) ?? { cpu: 0, memory: 0 };
    r.cpu += t.reservation.cpu;
    r.memory += t.reservation.memory;
    reserved.set(on, r);
    if (t.serviceName === undefined) {
      standalone.add(on);
      continue;
    }
    // A DAEMON (or otherwise scheduler-placed) task goes with its instance: nothing to move.
    const service = cluster.services.get(t.serviceName);
    if (service === undefined || !onInstances(service)) continue;
    let m = services.get(on);
    if (m === undefined) services.set(on, (m = new Map()));
    m.set(t.serviceName, (m.get(t.serviceName) ?? 0) + 1);
  }
  const out: Candidate[] = [];
  for (const i of cluster.instances.values()) {
    if (i.status !== 'ACTIVE' || !i.agentConnected || standalone.has(i.arn) || i.unattributed !== undefined && (i.unattributed.cpu > 0 || i.unattributed.memory > 0)) continue;
    if (i.instanceType === undefined || !Object.hasOwn(o.prices, i.instanceType)) continue;
    const slot = cluster.store.slotOf(i.arn);
    const { cpu, memory } = cluster.accountant.registered(slot);
    const r = reserved.get(i.arn) ?? { cpu: 0, memory: 0 };
    const use = Math.max(cpu === 0 ? 0 : r.cpu / cpu, memory === 0 ? 0 : r.memory / memory);
    out.push({ arn: i.arn, slot, price: o.prices[i.instanceType]!, use, services: services.get(i.arn) ?? new Map() });
  }
  return out.sort((a, b) => a.use - b.use || b.price - a.price || (a.arn < b.arn ? -1 : 1));
}

/**
 * Which instances can go while the target holds, and what that saves per hour, verified.
 * Bad input throws an InvalidParameterException.
 *
 * @example
 * const plan = planConsolidation({ sim, cluster: 'sample', survive: { losing: 'attribute:ecs.availability-zone' } });
 * if (plan.status === 'planned') console.log(plan.remove.length, plan.hourlySaving);
 */
export function planConsolidation(options: ConsolidationOptions): ConsolidationPlan {
  const o = resolveOptions(options);
  const target = options.survive === undefined ? undefined : checkTarget(options.survive, 'options.survive');
  const max = options.maxInstances;
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) throw new InvalidParameterException(`options.maxInstances: expected an integer, 0 or more; got ${describeValue(max)}`);
  const cluster = o.facts.cluster;
  const state = o.env.sim.state;
  const model = new PackingModel(cluster, []);
  const none = new Uint8Array(0);
  const ctx = scenarioContext(state, cluster, o.settleMs);
  const rankByModel = (list: Scenario[]) => list
    .map((s) => ({ s, left: [...model.pack(s, none, none).values()].reduce((n, l) => n + l.count, 0) }))
    .sort((a, b) => b.left - a.left)
    .map((x) => x.s);
  const scenarios = target === undefined ? [] : targetScenarios(ctx, target, rankByModel);
  const names = scenarios.map((s) => s.name);
  const list = candidates(o, cluster).slice(0, max ?? Infinity);

  // Whether removing the first m candidates leaves room, in the model, for their tasks — and,
  // in each target scenario, for theirs and the lost instances' tasks together, on what is left.
  const demandOf = (m: number, base: readonly Demand[] = []): Demand[] => {
    const out: Demand[] = [...base];
    for (let i = 0; i < m; i++) for (const [name, n] of list[i]!.services) addDemand(out, serviceClass(state, cluster.services.get(name)!), n);
    return out;
  };
  const fits = (m: number): boolean => {
    const removed = new Set(list.slice(0, m).map((c) => c.slot));
    if (model.pack({ demand: demandOf(m), lostSlots: removed }, none, none).size > 0) return false;
    return scenarios.every((s) => model.pack({ demand: demandOf(m, s.demand), lostSlots: new Set([...removed, ...s.lostSlots]) }, none, none).size === 0);
  };
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The model is an approximation: verify, and back off by halves until the removal verifies.
  let m = lo;
  let verification = verifyRemoval(o, list.slice(0, m).map((c) => c.arn), scenarios);
  for (let attempt = 0; !verification.verified && m > 0 && attempt < 4; attempt++) {
    m = attempt === 3 ? 0 : m >> 1;
    verification = verifyRemoval(o, list.slice(0, m).map((c) => c.arn), scenarios);
  }
  if (!verification.verified) return { status: 'target-not-met', scenarios: names, verification };
  const remove: RemovedInstance[] = list.slice(0, m).map((c) => {
    const i = cluster.instances.peek(c.arn)!;
    return {
      containerInstanceArn: c.arn,
      ec2InstanceId: i.ec2InstanceId,
      availabilityZone: attribute(i, 'ecs.availability-zone'),
      instanceType: i.instanceType!,
      hourlyPrice: c.price,
      tasks: [...c.services.values()].reduce((n, x) => n + x, 0),
    };
  });
  return { status: 'planned', remove, hourlySaving: round(remove.reduce((n, r) => n + r.hourlyPrice, 0)), scenarios: names, verification };
}

/**
 * The removal on a fork: the instances drained (batches of 10) for the settle time, every
 * service at desired count and nothing left on them, then deregistered; then each target
 * scenario on a fork of that.
 */
function verifyRemoval(o: ResolvedOptions, arns: readonly string[], scenarios: readonly Scenario[]): Verification {
  const name = o.facts.cluster.name;
  const fork = o.env.sim.fork();
  for (let i = 0; i < arns.length; i += 10) fork.updateContainerInstancesState({ cluster: name, containerInstances: arns.slice(i, i + 10), status: 'DRAINING' });
  settle(fork, o.settleMs);
  const drained = serviceOutcome(`draining ${arns.length} instance${arns.length === 1 ? '' : 's'}`, fork.state.clusters.get(name)!, new Set(arns));
  const outcomes: ScenarioOutcome[] = [drained];
  if (drained.short === 0 && drained.stuck === 0) {
    for (const arn of arns) fork.deregisterContainerInstance({ cluster: name, containerInstance: arn });
    for (const s of scenarios) outcomes.push(s.run(fork.fork(), []));
  }
  const byService: Record<string, { short: number; stuck: number; reason?: string }> = Object.create(null);
  for (const out of outcomes) {
    for (const [service, x] of Object.entries(out.byService)) {
      const seen = byService[service] ?? { short: 0, stuck: 0 };
      byService[service] = { short: seen.short + x.short, stuck: seen.stuck + x.stuck, ...(x.reason === undefined ? {} : { reason: x.reason }) };
    }
  }
  const short = outcomes.reduce((n, x) => n + x.short, 0);
  const stuck = outcomes.reduce((n, x) => n + x.stuck, 0);
  return { verified: short === 0 && stuck === 0 && outcomes.length === scenarios.length + 1, short, stuck, byService, scenarios: outcomes };
}

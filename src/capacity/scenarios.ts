/**
 * A goal as scenarios: what each needs placed (the demand), which existing instances it takes
 * away, whether it takes a planned instance away too, and the what-if that checks a plan — run on
 * a fork with the plan's instances registered, reporting every service short of its desired
 * count and every task stuck on a draining instance.
 *
 * The what-ifs: `placeTasks`, `updateService` + settle, drain (DRAINING in batches of 10 + settle)
 * and abrupt loss (`fork-steps.ts`: the what-if engine's `terminateInstance`, as `failInstancesWhatIf`).
 * The outcome counts every ACTIVE service short of desired count, not only those the change
 * touched (a what-if report's rows), since a plan must leave no service short.
 */
import { describeValue } from '../model/validate.js';
import { InvalidParameterException } from '../errors.js';
import type { ClusterRecord } from '../ecs/clusters/record.js';
import type { ServiceRecord } from '../ecs/services/record.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import type { SimState } from '../ecs/state/state.js';
import type { PlaceTasksRequest } from '../ecs/tasks/place-tasks.js';
import { commonInput } from '../ecs/tasks/launch.js';
import { placementConstraints } from '../ecs/shared/placement-params.js';
import { requestObject } from '../ecs/shared/validate.js';
import { SeededRandom } from '../sim/random.js';
import type { ContainerInstance } from '../shapes.js';
import { addDemand, serviceClass, taskClass, type Demand, type TaskClass } from './demand.js';
import type { ResilienceTarget, ScaleServices } from './goal.js';
import { loseInstances, settle } from './fork-steps.js';

/** What one scenario's what-if left short: per service (or placed group) and in total. */
export interface ScenarioOutcome {
  readonly scenario: string;
  /** tasks below desired count (or not placed, for a `place` goal) */
  readonly short: number;
  /** service tasks still running on draining instances at the end */
  readonly stuck: number;
  /** per service (or `place` group): short, stuck and the last placement failure ECS reported */
  readonly byService: Readonly<Record<string, { short: number; stuck: number; reason?: string }>>;
}

export interface Scenario {
  readonly name: string;
  /** tasks that need a place: those the scenario displaces or adds, and any already short */
  readonly demand: readonly Demand[];
  /** slots of existing instances the scenario takes away */
  readonly lostSlots: ReadonlySet<number>;
  /** whether the scenario takes away a planned instance (as CQL sees it) */
  readonly losesPlanned: (candidate: ContainerInstance) => boolean;
  /** the what-if on `fork`, where the plan's instances are registered (their ARNs in `planned`) */
  readonly run: (fork: EcsSimulator, planned: readonly { arn: string; candidate: ContainerInstance }[]) => ScenarioOutcome;
}

export interface ScenarioContext {
  readonly state: SimState;
  readonly cluster: ClusterRecord;
  readonly settleMs: number;
  /** the cluster's service tasks as the question starts, counted once for all its scenarios */
  readonly counts: ServiceCounts;
}

/** The context of one question's scenarios (counts taken now: the simulator may change between questions). */
export function scenarioContext(state: SimState, cluster: ClusterRecord, settleMs: number): ScenarioContext {
  return { state, cluster, settleMs, counts: countServiceTasks(cluster) };
}

const NEVER = (): boolean => false;

/** Service tasks not told to stop: per service, and per instance and service. */
interface ServiceCounts {
  readonly running: ReadonlyMap<string, number>;
  readonly byInstance: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

function countServiceTasks(cluster: ClusterRecord): ServiceCounts {
  const running = new Map<string, number>();
  const byInstance = new Map<string, Map<string, number>>();
  for (const t of cluster.tasks.values()) {
    if (t.serviceName === undefined || t.desiredStatus !== 'RUNNING') continue;
    running.set(t.serviceName, (running.get(t.serviceName) ?? 0) + 1);
    if (t.containerInstanceArn === undefined) continue;
    let m = byInstance.get(t.containerInstanceArn);
    if (m === undefined) byInstance.set(t.containerInstanceArn, (m = new Map()));
    m.set(t.serviceName, (m.get(t.serviceName) ?? 0) + 1);
  }
  return { running, byInstance };
}

/** Service tasks per service in total, and those on the instances `on`. */
function serviceCounts(counts: ServiceCounts, on: ReadonlySet<string>): { running: ReadonlyMap<string, number>; onLost: Map<string, number> } {
  const onLost = new Map<string, number>();
  for (const arn of on) for (const [service, n] of counts.byInstance.get(arn) ?? []) onLost.set(service, (onLost.get(service) ?? 0) + n);
  return { running: counts.running, onLost };
}

/**
 * The services capacity decides: ACTIVE, REPLICA, on EC2. FARGATE tasks hold nothing on an
 * instance, and a DAEMON service's desired count follows the instances themselves.
 */
export function onInstances(s: ServiceRecord): boolean {
  return s.status === 'ACTIVE' && s.launchType === 'EC2' && s.schedulingStrategy === 'REPLICA';
}

/** The shortfall of every ACTIVE service on a fork after a what-if; `drained` instances' tasks count as stuck. */
export function serviceOutcome(name: string, cluster: ClusterRecord, drained: ReadonlySet<string> = new Set()): ScenarioOutcome {
  const { running, onLost } = serviceCounts(countServiceTasks(cluster), drained);
  const byService: Record<string, { short: number; stuck: number; reason?: string }> = Object.create(null);
  let short = 0;
  let stuck = 0;
  for (const s of cluster.services.values()) {
    if (!onInstances(s)) continue;
    const missing = Math.max(0, s.desiredCount - (running.get(s.name) ?? 0));
    const held = onLost.get(s.name) ?? 0;
    if (missing === 0 && held === 0) continue;
    byService[s.name] = { short: missing, stuck: held, ...(s.lastFailure === undefined ? {} : { reason: s.lastFailure }) };
    short += missing;
    stuck += held;
  }
  return { scenario: name, short, stuck, byService };
}

/** Demand of every ACTIVE service: tasks on `lost` instances plus what each is already short. */
function serviceDemand(ctx: ScenarioContext, lost: ReadonlySet<string>, desired: (name: string, current: number) => number = (_, n) => n): Demand[] {
  const { running, onLost } = serviceCounts(ctx.counts, lost);
  const out: Demand[] = [];
  for (const s of ctx.cluster.services.values()) {
    if (!onInstances(s)) continue;
    const n = Math.max(0, desired(s.name, s.desiredCount) - (running.get(s.name) ?? 0)) + (onLost.get(s.name) ?? 0);
    if (n > 0) addDemand(out, serviceClass(ctx.state, s), n);
  }
  return out;
}

function slotsOf(cluster: ClusterRecord, arns: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const a of arns) if (cluster.store.has(a)) out.add(cluster.store.slotOf(a));
  return out;
}

function attributeOf(instance: { attributes?: readonly { name?: string; value?: string }[] | undefined }, name: string): string | undefined {
  return instance.attributes?.find((a) => a.name === name)?.value;
}

/** Abrupt loss of `arns` (and of planned instances `losesPlanned` picks), then the settle time. */
function lossScenario(ctx: ScenarioContext, name: string, arns: readonly string[], losesPlanned: (c: ContainerInstance) => boolean): Scenario {
  const lost = new Set(arns);
  return {
    name,
    demand: serviceDemand(ctx, lost),
    lostSlots: slotsOf(ctx.cluster, lost),
    losesPlanned,
    run: (fork, planned) => {
      loseInstances(fork, ctx.cluster.name, [...arns, ...planned.filter((p) => losesPlanned(p.candidate)).map((p) => p.arn)]);
      settle(fork, ctx.settleMs);
      return serviceOutcome(name, fork.state.clusters.get(ctx.cluster.name)!);
    },
  };
}

/** Every non-INACTIVE instance, by the value it has for `name` (instances without it are never lost). */
function instancesByValue(cluster: ClusterRecord, name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of cluster.instances.values()) {
    if (i.status === 'INACTIVE') continue;
    const v = attributeOf(i, name);
    if (v === undefined) continue;
    const list = out.get(v);
    if (list === undefined) out.set(v, [i.arn]);
    else list.push(i.arn);
  }
  return out;
}

/** One scenario per value of the attribute among ACTIVE instances. */
export function losingScenarios(ctx: ScenarioContext, losing: string): Scenario[] {
  const name = losing.slice('attribute:'.length);
  const groups = instancesByValue(ctx.cluster, name);
  const activeValues = new Set<string>();
  for (const i of ctx.cluster.instances.values()) if (i.status === 'ACTIVE') { const v = attributeOf(i, name); if (v !== undefined) activeValues.add(v); }
  return [...activeValues].sort().map((value) => lossScenario(ctx, `losing ${name} = ${value}`, groups.get(value) ?? [], (c) => attributeOf(c, name) === value));
}

/**
 * The k-instance sets a `survive: { instances: k }` goal is checked against: per service the k
 * ACTIVE instances with most of its tasks, the k with most reserved CPU and most reserved memory,
 * and seeded random sets. `rank` (the caller's fast model) orders them worst first.
 */
export function instanceSetScenarios(ctx: ScenarioContext, target: { instances: number; samples?: number; seed?: number; worst?: number }, rank: (scenarios: Scenario[]) => Scenario[]): Scenario[] {
  const k = target.instances;
  const active = [...ctx.cluster.instances.values()].filter((i) => i.status === 'ACTIVE');
  if (active.length === 0) return [];
  const reserved = new Map<string, { cpu: number; memory: number }>();
  for (const t of ctx.cluster.tasks.values()) {
    if (t.desiredStatus !== 'RUNNING' || t.containerInstanceArn === undefined) continue;
    const r = reserved.get(t.containerInstanceArn) ?? { cpu: 0, memory: 0 };
    r.cpu += t.reservation.cpu;
    r.memory += t.reservation.memory;
    reserved.set(t.containerInstanceArn, r);
  }
  const arns = active.map((i) => i.arn);
  const byMemory = [...arns].sort((a, b) => (reserved.get(b)?.memory ?? 0) - (reserved.get(a)?.memory ?? 0) || (a < b ? -1 : 1));
  const byCpu = [...arns].sort((a, b) => (reserved.get(b)?.cpu ?? 0) - (reserved.get(a)?.cpu ?? 0) || (a < b ? -1 : 1));
  const sets: string[][] = [byCpu.slice(0, k), byMemory.slice(0, k)];
  // Per service: the k instances with most of its tasks (ties: most memory reserved), topped up by memory.
  const perService = new Map<string, string[]>();
  const isActive = new Set(arns);
  for (const [arn, m] of ctx.counts.byInstance) {
    if (!isActive.has(arn)) continue;
    for (const service of m.keys()) {
      const list = perService.get(service);
      if (list === undefined) perService.set(service, [arn]);
      else list.push(arn);
    }
  }
  for (const [service, hosts] of [...perService].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const tasksOn = (a: string) => ctx.counts.byInstance.get(a)?.get(service) ?? 0;
    const top = hosts.sort((a, b) => tasksOn(b) - tasksOn(a) || (reserved.get(b)?.memory ?? 0) - (reserved.get(a)?.memory ?? 0) || (a < b ? -1 : 1)).slice(0, k);
    for (const a of byMemory) {
      if (top.length >= k) break;
      if (!top.includes(a)) top.push(a);
    }
    sets.push(top);
  }
  const random = new SeededRandom(target.seed ?? 1);
  for (let s = 0; s < (target.samples ?? 50); s++) {
    const picked = new Set<number>();
    while (picked.size < Math.min(k, active.length)) picked.add(Math.floor(random.next() * active.length));
    sets.push([...picked].sort((a, b) => a - b).map((i) => active[i]!.arn));
  }
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (const set of sets) {
    const key = [...set].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const ids = set.map((a) => ctx.cluster.instances.peek(a)!.id.slice(0, 8)).join(', ');
    scenarios.push(lossScenario(ctx, `losing ${set.length} instance${set.length > 1 ? 's' : ''} (${ids})`, set, NEVER));
  }
  return rank(scenarios).slice(0, target.worst ?? 3);
}

/** The scenarios of a resilience target. */
export function targetScenarios(ctx: ScenarioContext, target: ResilienceTarget, rank: (scenarios: Scenario[]) => Scenario[]): Scenario[] {
  return 'losing' in target ? losingScenarios(ctx, target.losing) : instanceSetScenarios(ctx, target, rank);
}

/** Placing a workload: `placeTasks` on the fork must place every task. */
export function placeScenario(ctx: ScenarioContext, request: PlaceTasksRequest): Scenario {
  const input = requestObject(request, 'goal.place');
  if (input['cluster'] !== undefined && input['cluster'] !== ctx.cluster.name && input['cluster'] !== ctx.cluster.arn) {
    throw new InvalidParameterException(`goal.place.cluster: '${String(input['cluster'])}' is not the planned cluster '${ctx.cluster.name}'`);
  }
  const full = { ...input, cluster: ctx.cluster.name };
  const { td, group } = commonInput(ctx.state, full, false);
  const count = request.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) throw new InvalidParameterException(`goal.place.count: expected an integer from 1 to 10000000; got ${describeValue(count)}`);
  const cls: TaskClass = taskClass(ctx.state, td, placementConstraints(full, []), group, undefined);
  const name = `place ${count} × ${cls.label}`;
  return {
    name,
    demand: [{ cls, count }],
    lostSlots: new Set(),
    losesPlanned: NEVER,
    run: (fork) => {
      const result = fork.placeTasks(full as PlaceTasksRequest);
      const headline = Object.entries(result.rejections).sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        scenario: name,
        short: result.unplaced,
        stuck: 0,
        byService: result.unplaced === 0 ? {} : { [cls.label]: { short: result.unplaced, stuck: 0, ...(headline === undefined ? {} : { reason: headline }) } },
      };
    },
  };
}

/** Scaling services: `updateService` on the fork, the settle time, then every service at desired count. */
export function scaleScenario(ctx: ScenarioContext, scale: ScaleServices): Scenario {
  const names = scale.services ?? [...ctx.cluster.services.values()].filter(onInstances).map((s) => s.name);
  const target = new Map<string, number>();
  for (const n of names) {
    const s = ctx.cluster.services.get(n);
    if (s === undefined || !onInstances(s)) throw new InvalidParameterException(`goal.scale.services: '${n}' is not an ACTIVE REPLICA service on EC2 in cluster ${ctx.cluster.name}`);
    target.set(n, scale.desiredCount ?? Math.ceil(s.desiredCount * scale.factor!));
  }
  const name = scale.desiredCount !== undefined ? `scale ${names.length} service${names.length === 1 ? '' : 's'} to ${scale.desiredCount}` : `scale ${names.length} service${names.length === 1 ? '' : 's'} × ${scale.factor}`;
  return {
    name,
    demand: serviceDemand(ctx, new Set(), (n, current) => target.get(n) ?? current),
    lostSlots: new Set(),
    losesPlanned: NEVER,
    run: (fork) => {
      for (const [service, desiredCount] of target) fork.updateService({ cluster: ctx.cluster.name, service, desiredCount });
      settle(fork, ctx.settleMs);
      return serviceOutcome(name, fork.state.clusters.get(ctx.cluster.name)!);
    },
  };
}

/** The what-if a report came from, re-run: its instances drained (default) or lost abruptly. */
export function reportScenario(ctx: ScenarioContext, arns: readonly string[], kind: 'drain' | 'fail'): Scenario {
  for (const a of arns) if (!ctx.cluster.instances.peek(a)) throw new InvalidParameterException(`goal.report.containerInstanceArns: '${a}' is not a container instance of cluster ${ctx.cluster.name}`);
  if (kind === 'fail') return lossScenario(ctx, `losing ${arns.length} reported instance${arns.length === 1 ? '' : 's'}`, arns, NEVER);
  const drained = new Set(arns);
  const name = `draining ${arns.length} reported instance${arns.length === 1 ? '' : 's'}`;
  return {
    name,
    demand: serviceDemand(ctx, drained),
    lostSlots: slotsOf(ctx.cluster, drained),
    losesPlanned: NEVER,
    run: (fork) => {
      const targets = arns.filter((a) => fork.state.clusters.get(ctx.cluster.name)!.instances.peek(a)?.status === 'ACTIVE');
      for (let i = 0; i < targets.length; i += 10) fork.updateContainerInstancesState({ cluster: ctx.cluster.name, containerInstances: targets.slice(i, i + 10), status: 'DRAINING' });
      settle(fork, ctx.settleMs);
      return serviceOutcome(name, fork.state.clusters.get(ctx.cluster.name)!, drained);
    },
  };
}


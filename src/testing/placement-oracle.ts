/**
 * "Could ECS have made this choice?" — the set of container instances ECS could place the next
 * task on, given a simulator's state, the task definition, constraints and strategies.
 *
 * ECS places a task in four steps (reference §2.1): keep the instances that are ACTIVE, have a
 * connected agent and the attributes the task needs; that have the resources; that satisfy every
 * constraint; then keep those the strategies prefer, each strategy deciding only among the ones
 * the previous strategies rate equal; and pick one of what is left at random. So a scheduler's
 * choice is one ECS could make exactly when it is in that last set — ties are the rule, not the
 * exception (`random`, and no strategy at all, leave every candidate in it).
 *
 * This is a second, independent reading of those rules, written for clarity over ECS records
 * (instance attributes, task groups, the reference CQL evaluator) rather than the engine's
 * indexes; only the resource fit is asked of the simulator's accountant. The suite checks that
 * every placement the simulator makes is in the set and that every instance in the set is one
 * the simulator picks under some seed.
 */
import { evaluate, parseFilter, type Expr } from '../cql/index.js';
import { clusterFor } from '../ecs/clusters/cluster.js';
import { placementConstraints, placementStrategies } from '../ecs/shared/placement-params.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import type { ClusterRecord } from '../ecs/clusters/record.js';
import type { InstanceRecord } from '../ecs/container-instances/record.js';
import type { TaskRecord } from '../ecs/tasks/record.js';
import type { PlacementConstraint as EnginePlacementConstraint, PlacementStrategy as EnginePlacementStrategy, RejectionReason } from '../placement/types.js';
import type { TaskRequirements } from '../resources/types.js';
import type { ContainerInstance, PlacementConstraint, PlacementStrategy } from '../shapes.js';
import { liveTasksByInstance } from './invariants.js';

/** The task to place: what RunTask would be asked (`group` defaults to `family:<family>`). */
export interface PlacementQuestion {
  readonly cluster?: string;
  /** family, family:revision or ARN */
  readonly taskDefinition: string;
  readonly placementConstraints?: readonly PlacementConstraint[];
  readonly placementStrategy?: readonly PlacementStrategy[];
  /** `service:<name>` for a service's tasks */
  readonly group?: string;
}

/** Why an instance is not among the choices: a placement stage, or the strategy that preferred others. */
export type NotChosenReason = RejectionReason | `STRATEGY:${string}`;

export interface PlacementChoices {
  /** ARNs of the instances ECS could place the next task on, in registration order; empty: it would place none. */
  readonly choices: readonly string[];
  /** Every other instance of the cluster, with the first reason it was passed over. */
  readonly notChosen: ReadonlyMap<string, NotChosenReason>;
}

/** `{ ok: true }`, or why not, in words. */
export type PlacementVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

interface Prepared {
  readonly cluster: ClusterRecord;
  readonly requirements: TaskRequirements;
  readonly group: string;
  readonly constraints: readonly { readonly distinct: boolean; readonly ast: Expr | null }[];
  readonly strategies: readonly EnginePlacementStrategy[];
}

/** Validates the question as RunTask would (same errors) and resolves what it names. */
function prepare(sim: EcsSimulator, question: PlacementQuestion): Prepared {
  const state = sim.state;
  const cluster = clusterFor(state, question.cluster === undefined ? {} : { cluster: question.cluster });
  const td = state.taskDefinitions.resolve(question.taskDefinition);
  const inherited: EnginePlacementConstraint[] = (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
  const own = placementConstraints({ placementConstraints: question.placementConstraints }, inherited);
  return {
    cluster,
    requirements: state.taskDefinitions.requirementsOf(td.taskDefinitionArn!),
    group: question.group ?? `family:${td.family}`,
    constraints: [...inherited, ...own].map((c) => ({ distinct: c.type === 'distinctInstance', ast: c.type === 'memberOf' ? parseFilter(c.expression!) : null })),
    strategies: placementStrategies({ placementStrategy: question.placementStrategy }),
  };
}

/** The instance as DescribeContainerInstances shows the fields CQL reads. */
function cqlView(record: InstanceRecord): ContainerInstance {
  return {
    containerInstanceArn: record.arn,
    status: record.status,
    attributes: record.attributes,
    agentConnected: record.agentConnected,
    versionInfo: record.versionInfo,
    registeredAt: new Date(record.registeredAt),
    runningTasksCount: record.runningTasksCount,
    ...(record.ec2InstanceId === undefined ? {} : { ec2InstanceId: record.ec2InstanceId }),
  };
}

function attributeValue(record: InstanceRecord, name: string): string | undefined {
  const a = record.attributes.find((x) => x.name === name);
  return a === undefined ? undefined : (a.value ?? '');
}

/** The first placement stage that turns `record` down, or null (reference §2.1, in ECS's order). */
function firstRejection(p: Prepared, record: InstanceRecord, groups: readonly string[]): RejectionReason | null {
  if (record.status !== 'ACTIVE') return 'STATUS';
  if (!record.agentConnected) return 'AGENT';
  if (p.requirements.attributes.some((name) => attributeValue(record, name) === undefined)) return 'ATTRIBUTE';
  const resources = p.cluster.accountant.fits(p.cluster.store.slotOf(record.arn), p.requirements);
  if (resources !== null) return resources;
  for (const c of p.constraints) {
    if (c.distinct ? groups.includes(p.group) : !evaluate(c.ast!, cqlView(record), { taskGroups: groups })) {
      return c.distinct ? 'CONSTRAINT:distinctInstance' : 'CONSTRAINT:memberOf';
    }
  }
  return null;
}

/**
 * A strategy's score of each candidate, lower is better (reference §2.3): binpack — what is left
 * of the resource; spread over instances — tasks of the group on the instance; spread over an
 * attribute — tasks of the group on every instance sharing the value (instances without the
 * attribute share one value); random — all equal.
 */
function scores(p: Prepared, strategy: EnginePlacementStrategy, candidates: readonly InstanceRecord[], tasksOf: (r: InstanceRecord) => readonly TaskRecord[]): number[] {
  const inGroup = (r: InstanceRecord) => tasksOf(r).filter((t) => t.group === p.group).length;
  if (strategy.type === 'random') return candidates.map(() => 0);
  if (strategy.type === 'binpack') {
    const name = strategy.field === 'cpu' ? 'CPU' : 'MEMORY';
    return candidates.map((r) => p.cluster.accountant.remainingResources(p.cluster.store.slotOf(r.arn)).find((x) => x.name === name)!.integerValue!);
  }
  if (strategy.field === 'instanceId' || strategy.field === 'host') return candidates.map(inGroup);
  const name = strategy.field!.slice('attribute:'.length);
  const perValue = new Map<string | undefined, number>();
  for (const r of p.cluster.instances.values()) {
    const value = attributeValue(r, name);
    perValue.set(value, (perValue.get(value) ?? 0) + inGroup(r));
  }
  return candidates.map((r) => perValue.get(attributeValue(r, name))!);
}

function strategyName(s: EnginePlacementStrategy): string {
  return s.field === undefined ? s.type! : `${s.type}(${s.field})`;
}

/**
 * The instances ECS could place the next task of `question` on (see the file comment), and why
 * every other instance is not one of them.
 *
 * @example
 * const { choices, notChosen } = placementChoices(sim, { cluster: 'prod', taskDefinition: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
 * expect(choices).toContain(myScheduler.pick(...));
 * @throws the EcsError RunTask would throw for the same request (unknown task definition, bad constraint, ...)
 */
export function placementChoices(sim: EcsSimulator, question: PlacementQuestion): PlacementChoices {
  const p = prepare(sim, question);
  const live = liveTasksByInstance(p.cluster);
  const tasksOf = (r: InstanceRecord) => live.get(r.arn) ?? [];
  const notChosen = new Map<string, NotChosenReason>();
  let candidates: InstanceRecord[] = [];
  for (const record of p.cluster.instances.values()) {
    const reason = firstRejection(p, record, [...new Set(tasksOf(record).map((t) => t.group))]);
    if (reason === null) candidates.push(record);
    else notChosen.set(record.arn, reason);
  }
  for (const strategy of p.strategies) {
    if (candidates.length === 0) break;
    const scored = scores(p, strategy, candidates, tasksOf);
    const best = Math.min(...scored);
    candidates = candidates.filter((r, i) => {
      if (scored[i] === best) return true;
      notChosen.set(r.arn, `STRATEGY:${strategyName(strategy)}`);
      return false;
    });
  }
  return { choices: candidates.map((r) => r.arn), notChosen };
}

/**
 * Whether ECS could place the next task of `question` on `containerInstanceArn` — or, when it
 * is null, whether ECS could fail to place it (no instance qualifies).
 *
 * @example
 * const verdict = isPlacementEcsCouldMake(sim, { cluster: 'prod', taskDefinition: 'web' }, myScheduler.pick(state));
 * expect(verdict).toEqual({ ok: true });
 */
export function isPlacementEcsCouldMake(sim: EcsSimulator, question: PlacementQuestion, containerInstanceArn: string | null): PlacementVerdict {
  const { choices, notChosen } = placementChoices(sim, question);
  if (containerInstanceArn === null) {
    return choices.length === 0 ? { ok: true } : { ok: false, reason: `ECS would place the task: ${choices.length} instance(s) qualify, e.g. ${choices[0]}` };
  }
  if (choices.includes(containerInstanceArn)) return { ok: true };
  const why = notChosen.get(containerInstanceArn);
  if (why === undefined) return { ok: false, reason: `${containerInstanceArn} is not a container instance of the cluster` };
  return { ok: false, reason: `ECS would not choose ${containerInstanceArn}: ${why}${choices.length === 0 ? '; no instance qualifies' : `; it could choose ${choices.length} other(s), e.g. ${choices[0]}`}` };
}

/**
 * Whether ECS could place `count` tasks of `question`, one after another, on these instances
 * (each task sees the ones before it, as in one RunTask call or a service scaling out), the
 * tasks after the last one not placed at all. Checked on a fork, so `sim` does not change —
 * unless `options.mutate` says `sim` is a throwaway copy the tasks may be placed on.
 *
 * @example
 * const { tasks } = mySimulatorUnderTest.runTask({ ..., count: 5 });
 * expect(isPlacementSequenceEcsCouldMake(stateBefore, question, tasks.map((t) => t.containerInstanceArn), 5)).toEqual({ ok: true });
 */
export function isPlacementSequenceEcsCouldMake(
  sim: EcsSimulator,
  question: PlacementQuestion,
  containerInstanceArns: readonly string[],
  count = containerInstanceArns.length,
  options: { readonly mutate?: boolean } = {},
): PlacementVerdict {
  if (containerInstanceArns.length > count) return { ok: false, reason: `${containerInstanceArns.length} placements for ${count} tasks` };
  const what = options.mutate === true ? sim : sim.fork();
  const group = question.group ?? `family:${what.state.taskDefinitions.resolve(question.taskDefinition).family}`;
  for (let i = 0; i < containerInstanceArns.length; i++) {
    const arn = containerInstanceArns[i]!;
    const verdict = isPlacementEcsCouldMake(what, question, arn);
    if (!verdict.ok) return { ok: false, reason: `task ${i + 1}: ${verdict.reason}` };
    // The task takes its place (StartTask: that instance, no constraints or strategies), so the next sees it.
    what.startTask({ ...(question.cluster === undefined ? {} : { cluster: question.cluster }), taskDefinition: question.taskDefinition, containerInstances: [arn], group });
  }
  if (containerInstanceArns.length < count) {
    const verdict = isPlacementEcsCouldMake(what, question, null);
    if (!verdict.ok) return { ok: false, reason: `task ${containerInstanceArns.length + 1} left unplaced: ${verdict.reason}` };
  }
  return { ok: true };
}

/**
 * EcsSimulator: the ECS container-instance control plane in memory. One method per ECS
 * operation, with the request and response shapes of the ECS API (`@aws-sdk/client-ecs`),
 * derived from the table of operations (`operations.ts`); each operation lives in its own module
 * in its domain folder. Every rejected call throws an EcsError named as ECS names it and changes
 * nothing.
 */
import { cut, InvalidParameterException, quote } from '../errors.js';
import { describeValue } from '../model/validate.js';
import { PlacementEngine } from '../placement/engine.js';
import { integerArgument, LAST_DATE_MS, MAX_ADVANCE_MS, optionsArgument, statusArgument, stringArgument } from './arguments.js';
import { SimulatorPlacement } from './placement.js';
import { SeededRandom } from '../sim/random.js';
import type { PlanExplanation } from '../store/plan.js';
import { FILTER_WORK_BUDGET } from '../store/work-meter.js';
import { setAgentConnection } from './container-instances/agent.js';
import { CONTAINER_INSTANCE_STATUSES } from './container-instances/instances.js';
import { clusterFor } from './clusters/cluster.js';
import { invokeOperation, methodName, type Operation } from './operation.js';
import { ECS_OPERATIONS, type EcsOperationMethods } from './operations.js';
import { clusterNameOf, containerInstanceIdOf, rootArn } from './shared/arns.js';
import { arnContextOf, dumpTimeOf, loadDescribeOutput } from './state/describe-output.js';
import { forkState } from './state/fork.js';
import { loadSnapshot, SNAPSHOT_FORMAT, takeSnapshot, type SimSnapshot } from './state/snapshot.js';
import { checkSnapshot } from './state/snapshot-checks.js';
import { atomically, type CallContext, type SimOptions, type SimState } from './state/state.js';
import { wireState } from './state/wiring.js';
import { TaskDefinitionRegistry } from './task-definitions/registry.js';
import { placeTasks, type PlaceTasksRequest, type PlaceTasksResult } from './tasks/place-tasks.js';
import { headroomOf, type HeadroomOptions, type HeadroomResult } from './what-if/headroom.js';
import type { WhatIfReport } from './what-if/report.js';
import { checkShard, expandScenarios, runScenarios, shardOf, sortRows, type SweepRow, type SweepResult, type SweepScenarios } from './what-if/sweep.js';
import { runOnWorkers } from './what-if/sweep-pool.js';
import { resolveInstances, runWhatIf, settleOf, type WhatIfOptions } from './what-if/run.js';

/** A what-if's report, with the fork it ran on (to look further or continue). */
export interface WhatIfResult<T> extends WhatIfReport {
  fork: T;
}

/** Options of `whatIfSweep`. */
export interface SweepOptions extends WhatIfOptions {
  /** threads: this one and `workers - 1` worker threads (default 1: this thread only) */
  workers?: number;
  /** run only this shard of the scenarios (every `count`-th from `index`), for `mergeSweeps` */
  shard?: { index: number; count: number };
}

/** @deprecated the name of `WhatIfResult` before abrupt-loss what-ifs shared it */
export type DrainWhatIf<T> = WhatIfResult<T>;

/** Options of `new EcsSimulator(...)`; every one has a default. */
export interface EcsSimulatorOptions {
  /** AWS Region of every ARN; default `us-east-1`. */
  region?: string;
  /** 12-digit account id; default `123456789012`. */
  accountId?: string;
  /** Seed of every random choice (ids, faults, tie-breaks); default 1. */
  seed?: number;
  /** The caller's IAM principal ARN; default the account root. Each call may override it. */
  principalArn?: string;
  /** AWS default of the long-ARN settings; default `enabled` (accounts created after 2019-04-01). */
  longArnFormatDefault?: 'enabled' | 'disabled';
  /** Newest agent version UpdateContainerAgent installs; default `1.29.0` (June 2019). */
  latestAgentVersion?: string;
  /** Simulated start time (Date, ISO-8601 text or epoch ms); default 2019-06-06T00:00:00Z. */
  startTime?: Date | string | number;
  /**
   * The placement engine every placement goes through (`sim.placement`); default a new one. Pass
   * your own to share its plug-ins between simulators, or a subclass that observes its calls (the
   * CLI's `benchmark` counts and times them).
   * @example new EcsSimulator({ placement: new PlacementEngine() })
   */
  placement?: PlacementEngine;
}

/** JSON text a library method was given; its faults are InvalidParameterExceptions, not SyntaxErrors. */
function parseJson(text: string, method: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InvalidParameterException(`${method}: ${name} is not JSON text: ${quote((e as Error).message)}`);
  }
}

function startTimeOf(value: EcsSimulatorOptions['startTime']): number {
  if (value === undefined) return Date.UTC(2019, 5, 6);
  if (!(value instanceof Date) && typeof value !== 'number' && typeof value !== 'string') throw new InvalidParameterException(`startTime must be a Date, ISO-8601 text or epoch ms; got ${describeValue(value)}`);
  const t = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(t)) throw new InvalidParameterException(`startTime: not a valid time: ${quote(value)}`);
  return t;
}

function longArnFormatDefaultOf(value: unknown): 'enabled' | 'disabled' {
  if (value === undefined) return 'enabled';
  if (value !== 'enabled' && value !== 'disabled') throw new InvalidParameterException(`new EcsSimulator: options.longArnFormatDefault must be enabled or disabled; got ${describeValue(value)}`);
  return value;
}

function initialState(options: SimOptions, placement = new PlacementEngine()): SimState {
  return wireState(
    {
      options,
      ctx: { region: options.region, accountId: options.accountId },
      clusters: [],
      settings: [],
      random: new SeededRandom(options.seed),
      faults: [],
      taskDefinitions: new TaskDefinitionRegistry(),
      placement,
    },
    options.startTime,
  );
}

/**
 * The operation methods of EcsSimulator (`createCluster`, `describeContainerInstances`, `runTask`,
 * ...): one per entry of the table `operations.ts`, merged into the class's type here and
 * installed on its prototype after the class, each calling `invokeOperation`.
 */
export interface EcsSimulator extends EcsOperationMethods {}

/**
 * The simulated ECS control plane.
 *
 * @example
 * const sim = new EcsSimulator({ seed: 42 });
 * sim.createCluster({ clusterName: 'prod' });
 * const { containerInstance } = sim.registerContainerInstance({ cluster: 'prod', totalResources: [...] });
 * sim.listContainerInstances({ cluster: 'prod', filter: 'attribute:ecs.instance-type =~ c5.*' });
 */
export class EcsSimulator {
  /** @internal the whole state; exposed for the protocol layer and snapshots */
  state: SimState;

  constructor(options: EcsSimulatorOptions = {}) {
    options = optionsArgument('new EcsSimulator', options);
    const region = stringArgument('new EcsSimulator', 'options.region', options.region, true) ?? 'us-east-1';
    const accountId = stringArgument('new EcsSimulator', 'options.accountId', options.accountId, true) ?? '123456789012';
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new InvalidParameterException(`region: '${cut(region)}' is not an AWS Region name`);
    if (!/^\d{12}$/.test(accountId)) throw new InvalidParameterException(`accountId: an account id has 12 digits; got '${cut(accountId)}'`);
    const seed = options.seed ?? 1;
    if (!Number.isInteger(seed)) throw new InvalidParameterException('seed must be an integer');
    const simOptions: SimOptions = {
      region,
      accountId,
      seed,
      principalArn: stringArgument('new EcsSimulator', 'options.principalArn', options.principalArn, true) ?? rootArn({ region, accountId }),
      longArnFormatDefault: longArnFormatDefaultOf(options.longArnFormatDefault),
      latestAgentVersion: stringArgument('new EcsSimulator', 'options.latestAgentVersion', options.latestAgentVersion, true) ?? '1.29.0',
      startTime: startTimeOf(options.startTime),
    };
    this.state = initialState(simOptions, options.placement);
  }

  /** Back to the state just after construction: no clusters, no settings, the clock at its start (plug-ins stay registered). */
  reset(): void {
    this.state = initialState(this.state.options, this.state.placement);
  }

  /**
   * The placement engine's plug-ins: register a strategy or scheduler plug-in, or load one from a
   * module; requests name them `{ type: 'plugin:<name>' }` (RunTask, services, what-ifs, sweeps).
   * Forks share them; a restored simulator starts without.
   * @example sim.placement.register({ name: 'first-fit', place: (_task, candidates) => candidates[0] ?? null });
   */
  get placement(): SimulatorPlacement {
    return new SimulatorPlacement(this.state.placement);
  }

  // One method per ECS operation (createCluster, describeContainerInstances, runTask, ...):
  // declared by the interface above and installed from the table after the class.

  /**
   * The bulk what-if: places `count` tasks (no limit of 10) as RunTask would, one after another,
   * and tallies why instances were turned down.
   * @example sim.placeTasks({ cluster: 'prod', taskDefinition: 'web', count: 100000, placementStrategy: [{ type: 'binpack', field: 'memory' }] })
   */
  placeTasks(request: PlaceTasksRequest, call?: CallContext): PlaceTasksResult {
    return invokeOperation(this.state, placeTasks, request, call);
  }

  // ---- simulation ----------------------------------------------------------------------------

  /** The simulated time (epoch ms). */
  get now(): number {
    return this.state.clock.now;
  }

  /** Moves the simulated clock forward, running registrations, agent updates and trunk ENI steps that fall due. */
  advance(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
      throw new InvalidParameterException(`advance: ms must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS} (ten years); got ${describeValue(ms)}`);
    }
    if (this.now + ms > LAST_DATE_MS) throw new InvalidParameterException(`advance: ms ${ms} would take the clock past the last time a date can hold (+275760-09-13)`);
    atomically(this.state, () => this.state.clock.advance(ms));
  }

  /**
   * Makes the next `count` occurrences of an asynchronous step fail: `trunk-failure` (trunk ENI
   * provisioning → REGISTRATION_FAILED), `agent-update-failure` (an agent update → FAILED).
   */
  injectFault(kind: 'trunk-failure' | 'agent-update-failure', count = 1): void {
    if (kind !== 'trunk-failure' && kind !== 'agent-update-failure') throw new InvalidParameterException(`injectFault: kind must be trunk-failure or agent-update-failure; got ${describeValue(kind)}`);
    integerArgument('injectFault', 'count', count, 0, 1_000_000);
    atomically(this.state, () => this.state.faults.set(kind, (this.state.faults.peek(kind) ?? 0) + count));
  }

  /**
   * Connects or disconnects a container instance's agent (`agentConnected`), as the agent's own
   * connection would: a change bumps `version`; reconnecting resumes an agent update that the
   * disconnect held in its stage. Returns the instance as DescribeContainerInstances shows it.
   */
  setAgentConnection(cluster: string, containerInstance: string, connected: boolean): ReturnType<typeof setAgentConnection> {
    return atomically(this.state, () => setAgentConnection(this.state, cluster, containerInstance, connected));
  }

  /**
   * Every container instance a CQL filter selects, as ARNs in registration order, without the
   * page limit (the fast path for schedulers). `status` defaults to all but INACTIVE.
   */
  query(filter: string | null, options: { cluster?: string; status?: string | readonly string[] } = {}): string[] {
    const o = optionsArgument('query', options);
    if (filter !== null) stringArgument('query', 'filter', filter);
    const cluster = clusterOf(this.state, 'query', o);
    return cluster.store.query(filter, { status: statusArgument('query', o.status) ?? CONTAINER_INSTANCE_STATUSES, workBudget: FILTER_WORK_BUDGET });
  }

  /** The query plan of a filter: which index each part uses, with estimated and actual counts. */
  explain(filter: string, options: { cluster?: string; status?: string | readonly string[] } = {}): PlanExplanation {
    const o = optionsArgument('explain', options);
    const cluster = clusterOf(this.state, 'explain', o);
    return cluster.store.explain(stringArgument('explain', 'filter', filter), { status: statusArgument('explain', o.status) ?? CONTAINER_INSTANCE_STATUSES, workBudget: FILTER_WORK_BUDGET });
  }

  /**
   * An independent what-if copy: changes to either never show in the other. The fork continues
   * the same seeded random sequence, so the same what-if gives the same answer.
   * @example const what = sim.fork(); what.updateContainerInstancesState({ ..., status: 'DRAINING' }); what.advance(60_000);
   */
  fork(): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    copy.state = forkState(this.state);
    return copy;
  }

  /**
   * What if the instances a CQL filter selects were drained? Runs it on a fork for `settleMs` of
   * simulated time (default 10 minutes) and reports, per service, tasks running, short and stuck
   * on the draining instances (with reason codes and ECS's messages), standalone tasks left
   * behind, the moves the scheduler made, and utilisation before and after.
   * @example sim.drainWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'prod' }).totals
   */
  drainWhatIf(filter: string, options: WhatIfOptions = {}): WhatIfResult<this> {
    const o = optionsArgument('drainWhatIf', options);
    const cluster = clusterOf(this.state, 'drainWhatIf', o);
    return this.drainInstancesWhatIf(cluster.store.query(stringArgument('drainWhatIf', 'filter', filter), { status: 'ACTIVE', workBudget: FILTER_WORK_BUDGET }), { ...o, cluster: cluster.name });
  }

  /**
   * `drainWhatIf` for container instances named by id or ARN: on a fork they go DRAINING (as
   * UpdateContainerInstancesState sets them) and the clock runs `settleMs`.
   * @example sim.drainInstancesWhatIf([arn], { cluster: 'prod' }).services
   */
  drainInstancesWhatIf(containerInstances: readonly string[], options: WhatIfOptions = {}): WhatIfResult<this> {
    return whatIfOn(this, 'drain', containerInstances, optionsArgument('drainInstancesWhatIf', options));
  }

  /**
   * What if the EC2 instances behind the container instances a CQL filter selects (ACTIVE or
   * DRAINING) were terminated? Abrupt loss, on a fork: their tasks stop with ECS's stopped reason
   * ("Host EC2 (instance i-…) terminated."), the container instances go INACTIVE, and for
   * `settleMs` (default 10 minutes) services replace what they can. Same report as `drainWhatIf`:
   * standalone tasks are `standalone.lost`.
   * @example sim.failWhatIf('attribute:ecs.availability-zone == us-east-1b', { cluster: 'prod' }).totals.short
   */
  failWhatIf(filter: string, options: WhatIfOptions = {}): WhatIfResult<this> {
    const o = optionsArgument('failWhatIf', options);
    const cluster = clusterOf(this.state, 'failWhatIf', o);
    return this.failInstancesWhatIf(cluster.store.query(stringArgument('failWhatIf', 'filter', filter), { status: ['ACTIVE', 'DRAINING'], workBudget: FILTER_WORK_BUDGET }), { ...o, cluster: cluster.name });
  }

  /**
   * `failWhatIf` for container instances named by id or ARN.
   * @example sim.failInstancesWhatIf(['0b8ff3afb5501aa8fe6dae0e121f8362'], { cluster: 'prod' }).standalone.lost
   */
  failInstancesWhatIf(containerInstances: readonly string[], options: WhatIfOptions = {}): WhatIfResult<this> {
    return whatIfOn(this, 'fail', containerInstances, optionsArgument('failInstancesWhatIf', options));
  }

  /**
   * How many more tasks of a shape fit: RunTask's request (task definition, overrides,
   * constraints, strategies, group; `count` caps the search, default 1,000,000), as if placed one
   * after another until the first that cannot be (counted without placing where the order cannot
   * change the answer) — in total, per AZ and instance type, and what runs out first. With
   * `losing: 'attribute:<name>'`, the worst case over losing every instance with each value of the
   * attribute (services settle for `settleMs` first), each value's figure beside it; the settled
   * losses are kept until the state changes, so another shape's headroom only counts.
   * @example sim.headroom({ taskDefinition: 'web' }, { cluster: 'prod', losing: 'attribute:ecs.availability-zone' }).tasks
   */
  headroom(request: PlaceTasksRequest, options: HeadroomOptions = {}): HeadroomResult {
    return headroomOf(this.state, forkState, request, optionsArgument('headroom', options));
  }

  /**
   * Many independent what-ifs of one cluster, one summary row each (service tasks short and stuck
   * by reason, services at risk, standalone tasks lost or left), sorted worst first: one per
   * instance, per value of an attribute, seeded random sets of instances, or an explicit list.
   * Each scenario runs on its own fork, so the rows are the same for any number of `workers`
   * (this thread, and `workers - 1` worker threads each restoring a snapshot of this simulator)
   * and for any `shard` split merged
   * with `mergeSweeps`. Plug-ins reach workers if they were loaded with `sim.placement.load`.
   * @example await sim.whatIfSweep({ each: 'instance', what: 'drain' }, { cluster: 'prod', workers: 2 })
   */
  async whatIfSweep(scenarios: SweepScenarios, sweepOptions: SweepOptions = {}): Promise<SweepResult> {
    const options = optionsArgument('whatIfSweep', sweepOptions);
    const cluster = clusterOf(this.state, 'whatIfSweep', options);
    const settleMs = settleOf(options);
    const workers = options.workers ?? 1;
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new InvalidParameterException(`workers must be an integer from 1 to 256; got ${describeValue(workers)}`);
    const shard = checkShard(options.shard, 'shard');
    const all = expandScenarios(cluster, scenarios);
    const mine = shardOf(all, shard);
    let rows: SweepRow[];
    if (workers === 1 || mine.length < 2) rows = runScenarios(this.state, cluster.name, mine, settleMs);
    else {
      const unloadable = this.placement.unloadable;
      if (unloadable.length > 0) {
        throw new InvalidParameterException(`whatIfSweep: plug-in ${unloadable.join(', ')} was registered as an object, which worker threads cannot have; load it from a module (sim.placement.load) or use workers: 1`);
      }
      rows = await runOnWorkers(this.state, () => JSON.stringify(this.snapshot()), cluster.name, mine, settleMs, workers, this.placement.modules);
    }
    return { cluster: cluster.name, settleMs, scenarios: all.length, rows: sortRows(rows), ...(shard === undefined ? {} : { shard }) };
  }

  /** The whole state as plain JSON-serialisable data; `EcsSimulator.restore` brings it back. */
  snapshot(): SimSnapshot {
    return takeSnapshot(this.state);
  }

  /** A simulator in exactly the state a snapshot recorded (same clock, settings, random state). */
  static restore<T extends EcsSimulator>(this: new (options?: EcsSimulatorOptions) => T, snapshot: SimSnapshot | string): T {
    const s = (typeof snapshot === 'string' ? parseJson(snapshot, 'restore', 'snapshot') : snapshot) as SimSnapshot;
    if (typeof s !== 'object' || s === null || s.format !== SNAPSHOT_FORMAT) throw new InvalidParameterException(`restore: not a snapshot of this simulator (expected format '${cut(SNAPSHOT_FORMAT)}')`);
    checkSnapshot(s);
    const sim = new this({ ...s.options });
    loadSnapshot(sim.state, s, { owned: typeof snapshot === 'string' });
    return sim;
  }

  /**
   * A simulator holding a cluster as the ECS API describes it: a DescribeContainerInstances
   * response (`{ containerInstances: [...] }`, as the aws CLI prints it), optionally with the
   * cluster's `tasks` (DescribeTasks shape), `taskDefinitions` (DescribeTaskDefinition's
   * `taskDefinition`) and `services` (DescribeServices shape) — what `generateCluster` writes.
   * Tasks hold their resources and count for `task:group`; what a dump shows in use beyond the
   * tasks it lists stays held, so every instance describes as dumped (see `describe-output.ts`).
   *
   * The cluster is `options.cluster` (default: the cluster named in long ARNs, else `default`).
   * Region and account come from the ARNs, and the clock starts when the dump was taken (its
   * generator's `at`, else its latest timestamp), unless given.
   * Bad input is an InvalidParameterException naming the element and member.
   *
   * @example
   * const sim = EcsSimulator.fromDescribeOutput(JSON.parse(readFileSync('datasets/medium.json', 'utf8')));
   * sim.query('task:group == service:web and attribute:ecs.availability-zone == us-east-1a', { cluster: 'sample' });
   */
  static fromDescribeOutput<T extends EcsSimulator>(
    this: new (options?: EcsSimulatorOptions) => T,
    json: unknown,
    options: EcsSimulatorOptions & { cluster?: string } = {},
  ): T {
    const parsed = typeof json === 'string' ? parseJson(json, 'fromDescribeOutput', 'json') : optionsArgument('fromDescribeOutput', json as object, 'json');
    options = optionsArgument('fromDescribeOutput', options);
    const fromArns = arnContextOf(parsed);
    const dumped = dumpTimeOf(parsed);
    const startTime = options.startTime ?? dumped ?? undefined;
    const sim = new this({ ...fromArns, ...options, ...(startTime === undefined ? {} : { startTime }) });
    const first = (parsed as { containerInstances?: { containerInstanceArn?: string }[] })?.containerInstances?.[0]?.containerInstanceArn;
    const clusterName = stringArgument('fromDescribeOutput', 'options.cluster', options.cluster, true) ?? (typeof first === 'string' ? containerInstanceIdOf(first)?.clusterName : null) ?? 'default';
    // A name CreateCluster would take (or this account's cluster ARN), as every call that names a cluster.
    loadDescribeOutput(sim.state, parsed, clusterNameOf(sim.state.ctx, clusterName, 'fromDescribeOutput: options.cluster'));
    return sim;
  }

  /** The account root's ARN (the principal whose settings are the account defaults). */
  get rootArn(): string {
    return rootArn(this.state.ctx);
  }
}

/** The cluster an options argument of `method` names (`default` when it names none). */
function clusterOf(state: SimState, method: string, options: { cluster?: unknown }) {
  return clusterFor(state, options.cluster === undefined ? {} : { cluster: stringArgument(method, 'options.cluster', options.cluster) });
}

/** A drain or abrupt-loss what-if of the instances `references` name, on a fork of `sim`. */
function whatIfOn<T extends EcsSimulator>(sim: T, what: 'drain' | 'fail', references: readonly string[], options: WhatIfOptions): WhatIfResult<T> {
  const cluster = clusterOf(sim.state, `${what}InstancesWhatIf`, options);
  const settleMs = settleOf(options);
  const arns = resolveInstances(cluster, references, 'containerInstances');
  const fork = sim.fork();
  return { ...runWhatIf(sim.state, fork.state, what, cluster.name, arns, settleMs), fork };
}

for (const op of ECS_OPERATIONS as readonly Operation[]) {
  Object.defineProperty(EcsSimulator.prototype, methodName(op.name), {
    value: function (this: EcsSimulator, request: never, call?: CallContext) {
      return invokeOperation(this.state, op, request, call);
    },
    writable: true,
    configurable: true,
  });
}

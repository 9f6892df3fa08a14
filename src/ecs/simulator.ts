/**
 * EcsSimulator: the ECS container-instance control plane in memory. One method per ECS
 * operation, with the request and response shapes of the ECS API (`@aws-sdk/client-ecs`),
 * derived from the table of operations (`operations.ts`); each operation lives in its own module
 * in its domain folder. Every rejected call throws an EcsError named as ECS names it and changes
 * nothing.
 */
import { InvalidParameterException, quote } from '../errors.js';
import { SeededRandom } from '../sim/random.js';
import type { PlanExplanation } from '../store/plan.js';
import { FILTER_WORK_BUDGET } from '../store/work-meter.js';
import { setAgentConnection } from './container-instances/agent.js';
import { CONTAINER_INSTANCE_STATUSES } from './container-instances/instances.js';
import { clusterFor } from './clusters/cluster.js';
import { invokeOperation, methodName, type Operation } from './operation.js';
import { ECS_OPERATIONS, type EcsOperationMethods } from './operations.js';
import { containerInstanceIdOf, rootArn } from './shared/arns.js';
import { arnContextOf, dumpTimeOf, loadDescribeOutput } from './state/describe-output.js';
import { forkState } from './state/fork.js';
import { loadSnapshot, SNAPSHOT_FORMAT, takeSnapshot, type SimSnapshot } from './state/snapshot.js';
import { checkSnapshot } from './state/snapshot-checks.js';
import { atomically, type CallContext, type SimOptions, type SimState } from './state/state.js';
import { wireState } from './state/wiring.js';
import { TaskDefinitionRegistry } from './task-definitions/registry.js';
import { placeTasks, type PlaceTasksRequest, type PlaceTasksResult } from './tasks/place-tasks.js';
import { compare, DRAIN_SETTLE_MS, type WhatIfReport } from './what-if/report.js';

/** A drain what-if's report, with the fork it ran on (to look further or continue). */
export interface DrainWhatIf<T> extends WhatIfReport {
  fork: T;
}

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
}

/** JSON text a library method was given; its faults are InvalidParameterExceptions, not SyntaxErrors. */
function parseJson(text: string, method: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InvalidParameterException(`${method}: not JSON text: ${quote((e as Error).message)}`);
  }
}

function startTimeOf(value: EcsSimulatorOptions['startTime']): number {
  if (value === undefined) return Date.UTC(2019, 5, 6);
  const t = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(t)) throw new InvalidParameterException(`startTime: not a valid time: ${String(value)}`);
  return t;
}

function initialState(options: SimOptions): SimState {
  return wireState(
    {
      options,
      ctx: { region: options.region, accountId: options.accountId },
      clusters: [],
      settings: [],
      random: new SeededRandom(options.seed),
      faults: [],
      taskDefinitions: new TaskDefinitionRegistry(),
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
    const region = options.region ?? 'us-east-1';
    const accountId = options.accountId ?? '123456789012';
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new InvalidParameterException(`region: '${region}' is not an AWS Region name`);
    if (!/^\d{12}$/.test(accountId)) throw new InvalidParameterException(`accountId: an account id has 12 digits; got '${accountId}'`);
    const seed = options.seed ?? 1;
    if (!Number.isInteger(seed)) throw new InvalidParameterException('seed must be an integer');
    const simOptions: SimOptions = {
      region,
      accountId,
      seed,
      principalArn: options.principalArn ?? rootArn({ region, accountId }),
      longArnFormatDefault: options.longArnFormatDefault ?? 'enabled',
      latestAgentVersion: options.latestAgentVersion ?? '1.29.0',
      startTime: startTimeOf(options.startTime),
    };
    this.state = initialState(simOptions);
  }

  /** Back to the state just after construction: no clusters, no settings, the clock at its start. */
  reset(): void {
    this.state = initialState(this.state.options);
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
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new InvalidParameterException(`advance: ms must be a non-negative number; got ${String(ms)}`);
    atomically(this.state, () => this.state.clock.advance(ms));
  }

  /**
   * Makes the next `count` occurrences of an asynchronous step fail: `trunk-failure` (trunk ENI
   * provisioning → REGISTRATION_FAILED), `agent-update-failure` (an agent update → FAILED).
   */
  injectFault(kind: 'trunk-failure' | 'agent-update-failure', count = 1): void {
    if (kind !== 'trunk-failure' && kind !== 'agent-update-failure') throw new InvalidParameterException(`injectFault: unknown fault '${String(kind)}'`);
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
    const cluster = clusterFor(this.state, options.cluster === undefined ? {} : { cluster: options.cluster });
    return cluster.store.query(filter, { status: options.status ?? CONTAINER_INSTANCE_STATUSES, workBudget: FILTER_WORK_BUDGET });
  }

  /** The query plan of a filter: which index each part uses, with estimated and actual counts. */
  explain(filter: string, options: { cluster?: string; status?: string | readonly string[] } = {}): PlanExplanation {
    const cluster = clusterFor(this.state, options.cluster === undefined ? {} : { cluster: options.cluster });
    return cluster.store.explain(filter, { status: options.status ?? CONTAINER_INSTANCE_STATUSES, workBudget: FILTER_WORK_BUDGET });
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
   * simulated time (default 10 minutes) and reports which service tasks moved where, what could
   * not be placed and why, and utilisation per AZ and instance type before and after.
   * @example sim.drainWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'prod' })
   */
  drainWhatIf(filter: string, options: { cluster?: string; settleMs?: number } = {}): DrainWhatIf<this> {
    const cluster = clusterFor(this.state, options.cluster === undefined ? {} : { cluster: options.cluster });
    return this.drainInstancesWhatIf(cluster.store.query(filter, { status: 'ACTIVE', workBudget: FILTER_WORK_BUDGET }), { ...options, cluster: cluster.name });
  }

  /**
   * `drainWhatIf` for container instances named by ARN: on a fork they go DRAINING (in batches of
   * 10, as UpdateContainerInstancesState takes them) and the clock runs `settleMs`.
   */
  drainInstancesWhatIf(containerInstanceArns: readonly string[], options: { cluster?: string; settleMs?: number } = {}): DrainWhatIf<this> {
    const cluster = clusterFor(this.state, options.cluster === undefined ? {} : { cluster: options.cluster });
    const targets = [...containerInstanceArns];
    const what = this.fork();
    for (let i = 0; i < targets.length; i += 10) {
      what.updateContainerInstancesState({ cluster: cluster.name, containerInstances: targets.slice(i, i + 10), status: 'DRAINING' });
    }
    what.advance(options.settleMs ?? DRAIN_SETTLE_MS);
    return { ...compare(cluster, what.state.clusters.get(cluster.name)!, targets), fork: what };
  }

  /** The whole state as plain JSON-serialisable data; `EcsSimulator.restore` brings it back. */
  snapshot(): SimSnapshot {
    return takeSnapshot(this.state);
  }

  /** A simulator in exactly the state a snapshot recorded (same clock, settings, random state). */
  static restore<T extends EcsSimulator>(this: new (options?: EcsSimulatorOptions) => T, snapshot: SimSnapshot | string): T {
    const s = (typeof snapshot === 'string' ? parseJson(snapshot, 'restore') : snapshot) as SimSnapshot;
    if (typeof s !== 'object' || s === null || s.format !== SNAPSHOT_FORMAT) throw new InvalidParameterException(`restore: not a snapshot of this simulator (expected format '${SNAPSHOT_FORMAT}')`);
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
    const parsed = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
    const fromArns = arnContextOf(parsed);
    const dumped = dumpTimeOf(parsed);
    const startTime = options.startTime ?? dumped ?? undefined;
    const sim = new this({ ...fromArns, ...options, ...(startTime === undefined ? {} : { startTime }) });
    const first = (parsed as { containerInstances?: { containerInstanceArn?: string }[] })?.containerInstances?.[0]?.containerInstanceArn;
    const clusterName = options.cluster ?? (typeof first === 'string' ? containerInstanceIdOf(first)?.clusterName : null) ?? 'default';
    loadDescribeOutput(sim.state, parsed, clusterName);
    return sim;
  }

  /** The account root's ARN (the principal whose settings are the account defaults). */
  get rootArn(): string {
    return rootArn(this.state.ctx);
  }
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

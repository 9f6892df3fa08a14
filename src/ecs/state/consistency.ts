/**
 * What the simulator keeps true between the records of one cluster, checked alike when a snapshot
 * is restored (`snapshot-checks.ts`) and when a dump is loaded (`describe-output.ts`): each
 * instance and each task once; a task that is not STOPPED is, on EC2, on an instance of the
 * cluster that is not INACTIVE and, on FARGATE, on none; an INACTIVE instance counts no task; an
 * instance counts at least the live tasks listed on it. Paths are built only for a fault.
 */
import { quote } from '../../errors.js';

/** Every status a container instance may have (reference §3.1). */
export const INSTANCE_STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'REGISTRATION_FAILED', 'DEREGISTERING', 'INACTIVE'] as const;
/** Every `agentUpdateStatus`. */
export const AGENT_UPDATE_STATUSES = ['PENDING', 'STAGING', 'STAGED', 'UPDATING', 'UPDATED', 'FAILED'] as const;
/** A task's `lastStatus` as the simulator keeps it. */
export const TASK_STATUSES = ['PENDING', 'RUNNING', 'STOPPED'] as const;
/** A task's `desiredStatus`. */
export const DESIRED_STATUSES = ['RUNNING', 'STOPPED'] as const;

/** How the caller names its records and reports a fault (`restore: …` or `fromDescribeOutput: …`). */
export interface ConsistencyPaths {
  /** the JSON path of the i-th instance / task */
  readonly instance: (i: number) => string;
  readonly task: (i: number) => string;
  /** the member holding an instance's / a task's ARN (`arn` in a snapshot, `containerInstanceArn` / `taskArn` in a dump) */
  readonly instanceArn: string;
  readonly taskArn: string;
  readonly fail: (path: string, what: string) => Error;
}

interface InstanceFacts {
  readonly index: number;
  readonly status: string;
  /** as the source counts them; undefined: not counted (a dump without counts) */
  readonly running: number | undefined;
  readonly pending: number | undefined;
  /** live tasks listed on it */
  listedRunning: number;
  listedPending: number;
}

/**
 * The cross-record facts of one cluster, fed record by record: every instance first, then every
 * task, then {@link ClusterConsistency.finish}.
 *
 * @example
 * const facts = new ClusterConsistency(paths);
 * facts.instance(0, arn, 'ACTIVE', 1, 0);
 * facts.task(0, taskArn, 'RUNNING', 'EC2', arn);
 * facts.finish(); // throws if an instance counts fewer tasks than are listed on it
 */
export class ClusterConsistency {
  private readonly instances = new Map<string, InstanceFacts>();
  private readonly tasks = new Set<string>();

  constructor(private readonly paths: ConsistencyPaths) {}

  /** An instance with its counts (undefined: the source does not count them). */
  instance(index: number, arn: string, status: string, running: number | undefined, pending: number | undefined): void {
    const { paths } = this;
    if (this.instances.has(arn)) throw paths.fail(`${paths.instance(index)}.${paths.instanceArn}`, `instance ${quote(arn)} appears twice`);
    if (status === 'INACTIVE' && (running ?? 0) + (pending ?? 0) > 0) {
      throw paths.fail(paths.instance(index), `an INACTIVE instance has no tasks; it counts ${running ?? 0} running and ${pending ?? 0} pending`);
    }
    this.instances.set(arn, { index, status, running, pending, listedRunning: 0, listedPending: 0 });
  }

  /** A task; `instanceArn` as given (undefined: none). */
  task(index: number, arn: string, lastStatus: string, launchType: string, instanceArn: string | undefined): void {
    const { paths } = this;
    if (this.tasks.has(arn)) throw paths.fail(`${paths.task(index)}.${paths.taskArn}`, `task ${quote(arn)} appears twice`);
    this.tasks.add(arn);
    if (launchType === 'FARGATE') {
      if (instanceArn !== undefined) throw paths.fail(`${paths.task(index)}.containerInstanceArn`, 'a FARGATE task runs on no container instance');
      return;
    }
    if (lastStatus === 'STOPPED') return;
    const facts = instanceArn === undefined ? undefined : this.instances.get(instanceArn);
    if (facts === undefined) {
      throw paths.fail(`${paths.task(index)}.containerInstanceArn`, `a task that is not STOPPED must be on an instance of the cluster; got ${instanceArn === undefined ? 'nothing' : quote(instanceArn)}`);
    }
    if (facts.status === 'INACTIVE') throw paths.fail(`${paths.task(index)}.containerInstanceArn`, `${instanceArn} is INACTIVE and holds no tasks`);
    if (lastStatus === 'RUNNING') facts.listedRunning++;
    else facts.listedPending++;
  }

  /**
   * After every task: each instance counts at least the live tasks listed on it. Returns each
   * instance's counts: as given, else the listed tasks'.
   */
  finish(): Map<string, { running: number; pending: number }> {
    const counts = new Map<string, { running: number; pending: number }>();
    for (const [arn, f] of this.instances) {
      if ((f.running !== undefined && f.running < f.listedRunning) || (f.pending !== undefined && f.pending < f.listedPending)) {
        throw this.paths.fail(this.paths.instance(f.index), `counts ${f.running ?? f.listedRunning} running and ${f.pending ?? f.listedPending} pending tasks, fewer than the ${f.listedRunning} and ${f.listedPending} listed on it`);
      }
      counts.set(arn, { running: f.running ?? f.listedRunning, pending: f.pending ?? f.listedPending });
    }
    return counts;
  }
}

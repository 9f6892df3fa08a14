/**
 * Running a what-if on a fork: drain (the instances go DRAINING, as UpdateContainerInstancesState
 * sets them) or fail (their EC2 instances are terminated: tasks stop with ECS's
 * "Host EC2 (instance i-…) terminated.", the container instances go INACTIVE), then the simulated
 * clock runs `settleMs` while the service scheduler replaces what it can. The original state is
 * never touched; the report compares it with the fork.
 */
import { describeValue } from '../../model/validate.js';
import { ClientException, cut, InvalidParameterException } from '../../errors.js';
import type { ClusterRecord } from '../clusters/record.js';
import { peekInstance, setStatus } from '../container-instances/instances.js';
import { terminateInstance } from '../container-instances/retire.js';
import type { SimState } from '../state/state.js';
import { recordChanges } from './recorder.js';
import { buildReport, DRAIN_SETTLE_MS, outcomeOf, type ReportInput, type WhatIfOutcome, type WhatIfReport } from './report.js';

/** Options of every what-if. */
export interface WhatIfOptions {
  /** the cluster (default `default`) */
  cluster?: string;
  /** simulated time the service scheduler gets, in ms (default 10 minutes) */
  settleMs?: number;
}

/** The settle time of a what-if's options, checked. */
export function settleOf(options: WhatIfOptions): number {
  const ms = options.settleMs ?? DRAIN_SETTLE_MS;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new InvalidParameterException(`settleMs must be a non-negative number of milliseconds; got ${describeValue(ms)}`);
  return ms;
}

/** The container instance ARNs that references (ids or ARNs) name in `cluster`, each once; a reference naming nothing is an InvalidParameterException. */
export function resolveInstances(cluster: ClusterRecord, references: readonly string[], member: string): string[] {
  if (!Array.isArray(references)) throw new InvalidParameterException(`${member} must be a list of container instance ids or ARNs`);
  const out = new Set<string>();
  references.forEach((reference, i) => {
    if (typeof reference !== 'string') throw new InvalidParameterException(`${member}[${i}] must be a string`);
    // Read only: a copy into the original's overlay would make its every later fork fold the overlay.
    // (An ARN as the cluster keeps it, as a filter's query gives them, is looked up without parsing.)
    const record = cluster.instances.peek(reference) ?? peekInstance(cluster, reference);
    if (record === null) throw new InvalidParameterException(`${member}[${i}]: ${cut(reference)} is not a container instance of cluster ${cluster.name}`);
    out.add(record.arn);
  });
  return [...out];
}

/**
 * Runs a what-if on `fork` (a fork of `original`, untouched so far): the change, then the settle
 * time. `arns` are container instance ARNs of `clusterName`, resolved. Returns what a report is
 * built from.
 */
function settle(original: SimState, fork: SimState, what: 'drain' | 'fail', clusterName: string, arns: readonly string[], settleMs: number): ReportInput {
  const recorder = recordChanges(fork, clusterName);
  try {
    const cluster = fork.clusters.get(clusterName)!;
    if (what === 'drain') {
      // As UpdateContainerInstancesState sets them (checked first: an instance that is neither
      // ACTIVE nor DRAINING refuses the whole what-if), without building its responses.
      for (const arn of arns) {
        const { status, id } = cluster.instances.peek(arn)!;
        if (status === 'INACTIVE') throw new ClientException(`Container instance ${id} is inactive.`);
        if (status !== 'ACTIVE' && status !== 'DRAINING') throw new ClientException(`Container instance ${id} is ${status}; only ACTIVE or DRAINING container instances can be set to DRAINING.`);
      }
      for (const arn of arns) if (cluster.instances.peek(arn)!.status === 'ACTIVE') setStatus(fork, cluster, cluster.instances.get(arn)!, 'DRAINING');
    } else {
      for (const arn of arns) terminateInstance(fork, cluster, arn);
    }
    fork.clock.advance(settleMs);
  } finally {
    recorder.stop();
  }
  return { what, containerInstanceArns: arns, settleMs, before: original.clusters.get(clusterName)!, after: fork.clusters.get(clusterName)!, recorder };
}

/** Runs a what-if on `fork` (a fork of `original`, untouched so far) and reports it. */
export function runWhatIf(original: SimState, fork: SimState, what: 'drain' | 'fail', clusterName: string, arns: readonly string[], settleMs: number): WhatIfReport {
  return buildReport(settle(original, fork, what, clusterName, arns, settleMs));
}

/**
 * `runWhatIf` for a caller that reads only the report's services and totals (sweep rows,
 * headroom): the same figures, without the moves and utilisation (rows' `moved` is 0).
 */
export function runWhatIfOutcome(original: SimState, fork: SimState, what: 'drain' | 'fail', clusterName: string, arns: readonly string[], settleMs: number): WhatIfOutcome {
  return outcomeOf(settle(original, fork, what, clusterName, arns, settleMs));
}

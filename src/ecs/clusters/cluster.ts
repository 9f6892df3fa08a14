/**
 * How every operation finds the cluster its `cluster` parameter names (`default` when omitted),
 * and the Cluster shape the cluster operations answer with.
 */
import { ClusterNotFoundException } from '../../errors.js';
import type { Cluster } from '../../shapes.js';
import { clusterNameOf } from '../shared/arns.js';
import { optionalString, type Input } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import type { ClusterRecord } from './record.js';

/** The cluster a request names (or `default`); ClusterNotFoundException if it does not exist. */
export function clusterFor(state: SimState, input: Input, field = 'cluster'): ClusterRecord {
  const reference = optionalString(input, field) ?? 'default';
  const cluster = state.clusters.get(clusterNameOf(state.ctx, reference, field));
  if (cluster === undefined || cluster.status === 'INACTIVE') throw new ClusterNotFoundException();
  return cluster;
}

/**
 * What list tokens of a cluster's items are bound to: the cluster and its incarnation, so a token
 * of a deleted cluster is refused by a new cluster of the same name (issue #12).
 * @example pageOf(state, 'ListServices', listScope(cluster), ...)
 */
export function listScope(cluster: ClusterRecord): string {
  return `${cluster.arn}#${cluster.generation}`;
}

/**
 * The Cluster shape of a record, with its counts (FARGATE tasks, on no instance, counted from the
 * tasks) and, when asked for, its tags.
 */
export function clusterShape(cluster: ClusterRecord, includeTags = false, includeStatistics = false): Cluster {
  let registered = 0;
  // [EC2, FARGATE]
  const running = [0, 0];
  const pending = [0, 0];
  for (const i of cluster.instances.values()) {
    if (i.status !== 'INACTIVE') registered++;
    running[0]! += i.runningTasksCount;
    pending[0]! += i.pendingTasksCount;
  }
  for (const t of cluster.tasks.values()) {
    if (t.launchType !== 'FARGATE') continue;
    if (t.lastStatus === 'RUNNING') running[1]!++;
    else if (t.lastStatus === 'PENDING') pending[1]!++;
  }
  const active = [0, 0];
  const draining = [0, 0];
  for (const s of cluster.services.values()) {
    const k = s.launchType === 'FARGATE' ? 1 : 0;
    if (s.status === 'ACTIVE') active[k]!++;
    else if (s.status === 'DRAINING') draining[k]!++;
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: registered,
    runningTasksCount: running[0]! + running[1]!,
    pendingTasksCount: pending[0]! + pending[1]!,
    activeServicesCount: active[0]! + active[1]!,
    // The counts by launch type, as ECS names them (values are strings: a KeyValuePair).
    ...(includeStatistics
      ? {
        statistics: Object.entries({
          runningEC2TasksCount: running[0]!,
          runningFargateTasksCount: running[1]!,
          pendingEC2TasksCount: pending[0]!,
          pendingFargateTasksCount: pending[1]!,
          activeEC2ServiceCount: active[0]!,
          activeFargateServiceCount: active[1]!,
          drainingEC2ServiceCount: draining[0]!,
          drainingFargateServiceCount: draining[1]!,
        }).map(([name, value]) => ({ name, value: String(value) })),
      }
      : {}),
    ...(includeTags ? { tags: cluster.tags.map((t) => ({ ...t })) } : {}),
  };
}

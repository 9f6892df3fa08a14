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
export function clusterShape(cluster: ClusterRecord, includeTags = false): Cluster {
  let registered = 0;
  let running = 0;
  let pending = 0;
  for (const i of cluster.instances.values()) {
    if (i.status !== 'INACTIVE') registered++;
    running += i.runningTasksCount;
    pending += i.pendingTasksCount;
  }
  for (const t of cluster.tasks.values()) {
    if (t.launchType !== 'FARGATE') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING') pending++;
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: registered,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').length,
    ...(includeTags ? { tags: cluster.tags.map((t) => ({ ...t })) } : {}),
  };
}

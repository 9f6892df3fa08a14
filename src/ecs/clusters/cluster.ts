/**
 * Clusters: CreateCluster, ListClusters, DescribeClusters, DeleteCluster, and how every
 * operation finds the cluster its `cluster` parameter names (`default` when omitted).
 *
 * A deleted cluster is INACTIVE: DescribeClusters still shows it, ListClusters leaves it out,
 * every other operation answers ClusterNotFoundException, and CreateCluster of the name makes
 * a new, empty ACTIVE cluster with the same ARN [API DeleteCluster; the rest INF].
 */
import {
  ClusterContainsContainerInstancesException,
  ClusterContainsServicesException,
  ClusterNotFoundException,
  InvalidParameterException,
} from '../../errors.js';
import { clusterArn, clusterNameOf } from '../shared/arns.js';
import { newCluster, type ClusterRecord, type SimState } from '../state/state.js';
import { optionalArray, optionalInteger, optionalString, requestObject, stringList, type Input } from '../shared/validate.js';
import { pageOf } from '../shared/pagination.js';

/** The cluster a request names (or `default`); ClusterNotFoundException if it does not exist. */
export function clusterFor(state: SimState, input: Input, field = 'cluster'): ClusterRecord {
  const reference = optionalString(input, field) ?? 'default';
  const cluster = state.clusters.get(clusterNameOf(state.ctx, reference, field));
  if (cluster === undefined || cluster.status === 'INACTIVE') throw new ClusterNotFoundException();
  return cluster;
}

export interface ClusterShape {
  clusterArn: string;
  clusterName: string;
  status: string;
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
}

export function clusterShape(cluster: ClusterRecord): ClusterShape {
  let registered = 0;
  let running = 0;
  let pending = 0;
  for (const i of cluster.instances.values()) {
    if (i.status !== 'INACTIVE') registered++;
    running += i.runningTasksCount;
    pending += i.pendingTasksCount;
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: registered,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').length,
  };
}

export function createCluster(state: SimState, request: unknown): { cluster: ClusterShape } {
  const input = requestObject(request, 'CreateCluster');
  const name = optionalString(input, 'clusterName') ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw new InvalidParameterException(`clusterName: up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed; got '${name}'`);
  }
  // CreateCluster is idempotent: an existing ACTIVE cluster of that name is returned as it is.
  let cluster = state.clusters.get(name);
  if (cluster === undefined || cluster.status === 'INACTIVE') {
    cluster = newCluster(name, clusterArn(state.ctx, name));
    state.clusters.set(name, cluster);
  }
  return { cluster: clusterShape(cluster) };
}

export function listClusters(state: SimState, request: unknown): { clusterArns: string[]; nextToken?: string } {
  const input = requestObject(request, 'ListClusters');
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 100;
  const arns = [...state.clusters.values()].filter((c) => c.status !== 'INACTIVE').map((c) => c.arn);
  const { items, nextToken } = pageOf(state, 'ListClusters', '', arns, (a) => a, maxResults, optionalString(input, 'nextToken'));
  return nextToken === undefined ? { clusterArns: items } : { clusterArns: items, nextToken };
}

export function describeClusters(state: SimState, request: unknown): { clusters: ClusterShape[]; failures: { arn: string; reason: string }[] } {
  const input = requestObject(request, 'DescribeClusters');
  const names = stringList(optionalArray(input, 'clusters', 100) ?? ['default'], 'clusters');
  const clusters: ClusterShape[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of names) {
    const name = clusterNameOf(state.ctx, reference, 'clusters');
    const cluster = state.clusters.get(name);
    if (cluster === undefined) failures.push({ arn: clusterArn(state.ctx, name), reason: 'MISSING' });
    else clusters.push(clusterShape(cluster));
  }
  return { clusters, failures };
}

/**
 * DeleteCluster: the cluster becomes INACTIVE. Refused while it has container instances that are
 * not INACTIVE or services that are ACTIVE or DRAINING [API]. (ECS also refuses while tasks have
 * not stopped — ClusterContainsTasksException — but here every task not yet STOPPED is on a
 * registered instance, so the instance check already covers it.)
 */
export function deleteCluster(state: SimState, request: unknown): { cluster: ClusterShape } {
  const input = requestObject(request, 'DeleteCluster');
  if (input['cluster'] === undefined) throw new InvalidParameterException('cluster is required');
  const cluster = clusterFor(state, input);
  const instances = [...cluster.instances.values()].filter((i) => i.status !== 'INACTIVE').length;
  if (instances > 0) {
    throw new ClusterContainsContainerInstancesException(`The Cluster cannot be deleted while Container Instances are active or draining: ${cluster.name} has ${instances}; deregister them first.`);
  }
  const services = [...cluster.services.values()].filter((s) => s.status !== 'INACTIVE').length;
  if (services > 0) {
    throw new ClusterContainsServicesException(`The Cluster cannot be deleted while Services are active: ${cluster.name} has ${services}; scale them to 0 and delete them first.`);
  }
  cluster.status = 'INACTIVE';
  return { cluster: clusterShape(cluster) };
}

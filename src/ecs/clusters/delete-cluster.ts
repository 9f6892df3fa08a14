/**
 * DeleteCluster: the cluster becomes INACTIVE. DescribeClusters still shows it, ListClusters
 * leaves it out, every other operation answers ClusterNotFoundException [API DeleteCluster; the
 * rest INF]. Refused while it has container instances that are not INACTIVE or services that are
 * ACTIVE or DRAINING [API]. (ECS also refuses while tasks have not stopped —
 * ClusterContainsTasksException — but here every task not yet STOPPED is on a registered
 * instance, so the instance check already covers it.)
 */
import { ClusterContainsContainerInstancesException, ClusterContainsServicesException, InvalidParameterException } from '../../errors.js';
import type { DeleteClusterRequest, DeleteClusterResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { requestObject } from '../shared/validate.js';
import { clusterFor, clusterShape } from './cluster.js';

/** @example sim.deleteCluster({ cluster: 'staging' }) // → { cluster: { clusterName: 'staging', status: 'INACTIVE', ... } } */
export const deleteCluster = operation({ name: 'DeleteCluster', mutates: true, handler });

function handler(state: SimState, request: DeleteClusterRequest): DeleteClusterResponse {
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

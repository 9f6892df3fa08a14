/**
 * CreateCluster: a new, empty ACTIVE cluster, with the request's `tags`. Idempotent: an existing
 * ACTIVE cluster of that name is returned as it is (its tags unchanged); the name of a deleted (INACTIVE) cluster makes a new, empty cluster with
 * the same ARN [API DeleteCluster; the rest INF].
 */
import { cut, InvalidParameterException } from '../../errors.js';
import type { CreateClusterRequest, CreateClusterResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { clusterArn } from '../shared/arns.js';
import { checkTags } from '../shared/tags.js';
import { optionalArray, optionalString, requestObject } from '../shared/validate.js';
import { clusterShape } from './cluster.js';
import { newCluster } from './record.js';

/** @example sim.createCluster({ clusterName: 'prod' }) // → { cluster: { clusterName: 'prod', status: 'ACTIVE', ... } } */
export const createCluster = operation({ name: 'CreateCluster', mutates: true, handler });

function handler(state: SimState, request: CreateClusterRequest): CreateClusterResponse {
  const input = requestObject(request, 'CreateCluster');
  const name = optionalString(input, 'clusterName') ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw new InvalidParameterException(`clusterName: up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed; got '${cut(name)}'`);
  }
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  let cluster = state.clusters.get(name);
  if (cluster === undefined || cluster.status === 'INACTIVE') {
    const generation = cluster === undefined ? 1 : cluster.generation + 1;
    cluster = newCluster(name, clusterArn(state.ctx, name), state.journal);
    cluster.generation = generation;
    cluster.tags = tags;
    state.clusters.set(name, cluster);
  }
  return { cluster: clusterShape(cluster, tags.length > 0) };
}

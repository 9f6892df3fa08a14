/** ListClusters: the ARNs of the clusters that are not INACTIVE, in creation order, in pages. */
import type { ListClustersRequest, ListClustersResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { pageOf } from '../shared/pagination.js';
import { optionalInteger, optionalString, requestObject } from '../shared/validate.js';

/** @example sim.listClusters({ maxResults: 10 }) // → { clusterArns: [...], nextToken?: '...' } */
export const listClusters = operation({ name: 'ListClusters', mutates: false, handler });

function handler(state: SimState, request: ListClustersRequest): ListClustersResponse {
  const input = requestObject(request, 'ListClusters');
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 100;
  const arns = [...state.clusters.values()].filter((c) => c.status !== 'INACTIVE').map((c) => c.arn);
  const { items, nextToken } = pageOf(state, 'ListClusters', '', arns, (a) => a, maxResults, optionalString(input, 'nextToken'));
  return nextToken === undefined ? { clusterArns: items } : { clusterArns: items, nextToken };
}

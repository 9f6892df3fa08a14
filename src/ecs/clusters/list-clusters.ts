/**
 * ListClusters: the ARNs of the clusters that are not INACTIVE, in creation order, in pages. Pages
 * continue after the last cluster's place in the map of every cluster (deleted ones keep theirs;
 * a re-created name takes its old place), so a delete between pages skips nothing.
 */
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
  const listed = [...state.clusters.values()].map((c, place) => ({ c, place })).filter(({ c }) => c.status !== 'INACTIVE');
  const { items, nextToken } = pageOf(state, 'ListClusters', '', listed, ({ c }) => c.arn, maxResults, optionalString(input, 'nextToken'), ({ place }) => place);
  return nextToken === undefined ? { clusterArns: items } : { clusterArns: items, nextToken };
}

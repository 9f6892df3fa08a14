/**
 * ListServices: the ARNs of a cluster's services that are not INACTIVE, in pages of up to 100
 * (default 10). Pages continue after the last service's place in the cluster's map of every
 * service (services are never removed from it), so a delete between pages skips nothing; a token
 * names the cluster's incarnation.
 */
import type { ListServicesRequest, ListServicesResponse } from '../../shapes.js';
import { clusterFor, listScope } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { pageOf } from '../shared/pagination.js';
import { optionalInteger, optionalString, requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';

/** @example sim.listServices({ cluster: 'prod' }) */
export const listServices = operation({ name: 'ListServices', mutates: false, handler });

function handler(state: SimState, request: ListServicesRequest): ListServicesResponse {
  const input = requestObject(request, 'ListServices');
  const cluster = clusterFor(state, input);
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 10;
  const listed = [...cluster.services.values()].map((s, place) => ({ s, place })).filter(({ s }) => s.status !== 'INACTIVE');
  const page = pageOf(state, 'ListServices', listScope(cluster), listed, ({ s }) => s.arn, maxResults, optionalString(input, 'nextToken'), ({ place }) => place);
  return page.nextToken === undefined ? { serviceArns: page.items } : { serviceArns: page.items, nextToken: page.nextToken };
}

/**
 * ListServices: the ARNs of a cluster's services that are not INACTIVE, in pages of up to 100
 * (default 10).
 */
import type { ListServicesRequest, ListServicesResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
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
  const arns = [...cluster.services.values()].filter((s) => s.status !== 'INACTIVE').map((s) => s.arn);
  const page = pageOf(state, 'ListServices', cluster.arn, arns, (a) => a, maxResults, optionalString(input, 'nextToken'));
  return page.nextToken === undefined ? { serviceArns: page.items } : { serviceArns: page.items, nextToken: page.nextToken };
}

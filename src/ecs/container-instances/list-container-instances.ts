/**
 * ListContainerInstances (reference §3.6): a CQL `filter` through the cluster store's planner,
 * a `status` (default: every status but INACTIVE), pages of up to 100 in registration order.
 */
import type { ListContainerInstancesRequest, ListContainerInstancesResponse } from '../../shapes.js';
import { clusterFor, listScope } from '../clusters/cluster.js';
import { FILTER_WORK_BUDGET } from '../../store/work-meter.js';
import { operation } from '../operation.js';
import { pageOf } from '../shared/pagination.js';
import { optionalEnum, optionalInteger, optionalString, requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { CONTAINER_INSTANCE_STATUSES } from './instances.js';

/** @example sim.listContainerInstances({ cluster: 'prod', filter: 'attribute:ecs.instance-type =~ c5.*', status: 'ACTIVE' }) */
export const listContainerInstances = operation({ name: 'ListContainerInstances', mutates: false, handler });

function handler(state: SimState, request: ListContainerInstancesRequest): ListContainerInstancesResponse {
  const input = requestObject(request, 'ListContainerInstances');
  const cluster = clusterFor(state, input);
  const filter = optionalString(input, 'filter') ?? '';
  const status = optionalEnum(input, 'status', CONTAINER_INSTANCE_STATUSES);
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 100;
  const nextToken = optionalString(input, 'nextToken');
  const store = cluster.store;
  const slots = store.querySlots(filter === '' ? null : filter, { status: status ?? CONTAINER_INSTANCE_STATUSES, workBudget: FILTER_WORK_BUDGET });
  // Pages continue after the registration sequence number of the last instance returned.
  const sequence = store.sequence;
  const page = pageOf(
    state, 'ListContainerInstances', JSON.stringify([listScope(cluster), filter, status ?? null]),
    slots, (slot) => store.arns[slot]!, maxResults, nextToken, (slot) => sequence[slot]!,
  );
  return page.nextToken === undefined ? { containerInstanceArns: page.items } : { containerInstanceArns: page.items, nextToken: page.nextToken };
}

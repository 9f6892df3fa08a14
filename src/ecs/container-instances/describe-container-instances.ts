/**
 * DescribeContainerInstances (reference §3.7): up to 100 ids or ARNs; unknown ones are
 * `failures` with reason MISSING, never an error; `include: ['TAGS']` adds tags.
 */
import { cut, InvalidParameterException } from '../../errors.js';
import type { ContainerInstance, DescribeContainerInstancesRequest, DescribeContainerInstancesResponse, Failure } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { optionalArray, requestObject, requiredArray, stringList } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { describeInstance, missingArn, peekInstance } from './instances.js';

/** @example sim.describeContainerInstances({ cluster: 'prod', containerInstances: [id], include: ['TAGS'] }) */
export const describeContainerInstances = operation({ name: 'DescribeContainerInstances', mutates: false, handler });

function handler(state: SimState, request: DescribeContainerInstancesRequest): DescribeContainerInstancesResponse {
  const input = requestObject(request, 'DescribeContainerInstances');
  const cluster = clusterFor(state, input);
  const references = stringList(requiredArray(input, 'containerInstances', 100), 'containerInstances');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  for (const v of include) {
    if (v !== 'TAGS') throw new InvalidParameterException(`include: the only value is TAGS; got '${cut(v)}'`);
  }
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const reference of references) {
    // Read only: describing never copies a fork-shared record.
    const record = peekInstance(cluster, reference);
    if (record === null) failures.push({ arn: missingArn(state, cluster, reference), reason: 'MISSING' });
    else containerInstances.push(describeInstance(cluster, record, include.includes('TAGS')));
  }
  return { containerInstances, failures };
}

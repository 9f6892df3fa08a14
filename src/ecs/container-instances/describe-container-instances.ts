/**
 * DescribeContainerInstances (reference §3.7): up to 100 ids or ARNs; unknown ones are
 * `failures` with reason MISSING, never an error; `include: ['TAGS']` adds tags.
 */
import type { ContainerInstance } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { describeInstance, findInstance, missingArn } from './instances.js';
import type { CallContext, SimState } from '../state/state.js';
import { optionalArray, requestObject, requiredArray, stringList } from '../shared/validate.js';
import { InvalidParameterException } from '../../errors.js';

export interface Failure {
  arn: string;
  reason: string;
  detail?: string;
}

export function describeContainerInstances(state: SimState, request: unknown, _call?: CallContext): { containerInstances: ContainerInstance[]; failures: Failure[] } {
  const input = requestObject(request, 'DescribeContainerInstances');
  const cluster = clusterFor(state, input);
  const references = stringList(requiredArray(input, 'containerInstances', 100), 'containerInstances');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  for (const v of include) {
    if (v !== 'TAGS') throw new InvalidParameterException(`include: the only value is TAGS; got '${v}'`);
  }
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (const reference of references) {
    const record = findInstance(cluster, reference);
    if (record === null) failures.push({ arn: missingArn(state, cluster, reference), reason: 'MISSING' });
    else containerInstances.push(describeInstance(cluster, record, include.includes('TAGS')));
  }
  return { containerInstances, failures };
}

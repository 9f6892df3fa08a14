/**
 * DescribeServices: up to 10 services by name or ARN; unknown ones are `failures` MISSING.
 */
import { InvalidParameterException } from '../../errors.js';
import type { DescribeServicesRequest, DescribeServicesResponse, Failure, Service } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { serviceArn } from '../shared/arns.js';
import { optionalArray, requestObject, stringList } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { describeService } from './service.js';

/** @example sim.describeServices({ cluster: 'prod', services: ['web'], include: ['TAGS'] }) */
export const describeServices = operation({ name: 'DescribeServices', mutates: false, handler });

function handler(state: SimState, request: DescribeServicesRequest): DescribeServicesResponse {
  const input = requestObject(request, 'DescribeServices');
  const cluster = clusterFor(state, input);
  const items = optionalArray(input, 'services', 10);
  if (items === undefined || items.length === 0) throw new InvalidParameterException('services is required');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  const services: Service[] = [];
  const failures: Failure[] = [];
  for (const reference of stringList(items, 'services')) {
    const name = reference.startsWith('arn:') ? reference.split('/').pop()! : reference;
    const service = cluster.services.peek(name);
    if (service === undefined) failures.push({ arn: reference.startsWith('arn:') ? reference : serviceArn(state.ctx, cluster.name, name, true), reason: 'MISSING' });
    else services.push(describeService(state, cluster, service, include.includes('TAGS')));
  }
  return { services, failures };
}

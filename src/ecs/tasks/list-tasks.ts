/**
 * ListTasks: the ARNs of a cluster's tasks, filtered by container instance, family, startedBy,
 * service and desiredStatus (default RUNNING), in creation order, in pages.
 */
import { ClientException, cut, InvalidParameterException } from '../../errors.js';
import type { ListTasksRequest, ListTasksResponse } from '../../shapes.js';
import { clusterFor, listScope } from '../clusters/cluster.js';
import { findInstance } from '../container-instances/instances.js';
import { operation } from '../operation.js';
import { pageOf } from '../shared/pagination.js';
import { optionalEnum, optionalInteger, optionalString, requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';

const DESIRED = ['RUNNING', 'PENDING', 'STOPPED'] as const;

/** @example sim.listTasks({ cluster: 'prod', serviceName: 'web', desiredStatus: 'RUNNING' }) */
export const listTasks = operation({ name: 'ListTasks', mutates: false, handler });

function handler(state: SimState, request: ListTasksRequest): ListTasksResponse {
  const input = requestObject(request, 'ListTasks');
  const cluster = clusterFor(state, input);
  const instanceRef = optionalString(input, 'containerInstance');
  const family = optionalString(input, 'family');
  const startedBy = optionalString(input, 'startedBy');
  const serviceName = optionalString(input, 'serviceName');
  const desired = optionalEnum(input, 'desiredStatus', DESIRED) ?? 'RUNNING';
  const launchType = optionalEnum(input, 'launchType', ['EC2', 'FARGATE'] as const);
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 100;
  if (instanceRef !== undefined && serviceName !== undefined) throw new InvalidParameterException('containerInstance and serviceName cannot both be given');
  let instanceArn: string | undefined;
  if (instanceRef !== undefined) {
    const record = findInstance(cluster, instanceRef);
    if (record === null) throw new InvalidParameterException(`The referenced container instance was not found: ${cut(instanceRef)}`);
    instanceArn = record.arn;
  }
  if (serviceName !== undefined && !cluster.services.has(serviceName)) throw new ClientException(`Service not found: ${cut(serviceName)}`);
  // desiredStatus PENDING lists tasks still PENDING (the API's wording); RUNNING and STOPPED match desiredStatus.
  const matches = [...cluster.tasks.values()].filter((t) =>
    (desired === 'PENDING' ? t.lastStatus === 'PENDING' && t.desiredStatus === 'RUNNING' : t.desiredStatus === desired)
    && (instanceArn === undefined || t.containerInstanceArn === instanceArn)
    && (family === undefined || t.taskDefinitionArn.split('/').pop()!.split(':')[0] === family)
    && (startedBy === undefined || t.startedBy === startedBy)
    && (serviceName === undefined || t.serviceName === serviceName)
    && (launchType === undefined || t.launchType === launchType));
  // Pages continue after the last task's seq (ascending in creation order, never reused), so a task
  // that expires between pages skips nothing; a token names the cluster's incarnation.
  const page = pageOf(state, 'ListTasks', JSON.stringify([listScope(cluster), instanceArn, family, startedBy, serviceName, desired, launchType]), matches, (t) => t.arn, maxResults, optionalString(input, 'nextToken'), (t) => t.seq);
  return page.nextToken === undefined ? { taskArns: page.items } : { taskArns: page.items, nextToken: page.nextToken };
}

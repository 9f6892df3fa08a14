/**
 * StopTask, ListTasks and DescribeTasks (the neighbours a placement simulation needs).
 */
import { ClientException, InvalidParameterException } from '../../errors.js';
import { clusterFor } from '../clusters/cluster.js';
import { findInstance } from '../container-instances/instances.js';
import { pageOf } from '../shared/pagination.js';
import type { CallContext, ClusterRecord, SimState } from '../state/state.js';
import { describeTask, type TaskOutput } from './output.js';
import { requestStop, type TaskRecord } from './lifecycle.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, requestObject, requiredArray, requiredString, stringList } from '../shared/validate.js';

const TASK_ARN = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):task\/(?:([A-Za-z0-9_-]{1,255})\/)?([A-Za-z0-9-]{1,64})$/;

/** The task a reference (id or ARN) names in `cluster`, or null. */
export function findTask(cluster: ClusterRecord, reference: string): TaskRecord | null {
  const m = TASK_ARN.exec(reference);
  if (m) {
    const task = cluster.tasks.get(reference);
    return task ?? null;
  }
  if (!/^[A-Za-z0-9-]{1,64}$/.test(reference)) throw new InvalidParameterException(`'${reference}' is neither a task id nor a task ARN`);
  const arn = cluster.taskIdToArn.get(reference);
  return arn === undefined ? null : cluster.tasks.get(arn)!;
}

export function stopTask(state: SimState, request: unknown, _call?: CallContext): { task: TaskOutput } {
  const input = requestObject(request, 'StopTask');
  const cluster = clusterFor(state, input);
  const reference = requiredString(input, 'task');
  const reason = optionalString(input, 'reason', 255) ?? 'Task stopped by user';
  const task = findTask(cluster, reference);
  if (task === null) throw new InvalidParameterException(`The referenced task was not found: ${reference}`);
  requestStop(state, cluster, task, reason);
  return { task: describeTask(state, task, false) };
}

const DESIRED = ['RUNNING', 'PENDING', 'STOPPED'] as const;

export function listTasks(state: SimState, request: unknown, _call?: CallContext): { taskArns: string[]; nextToken?: string } {
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
    if (record === null) throw new InvalidParameterException(`The referenced container instance was not found: ${instanceRef}`);
    instanceArn = record.arn;
  }
  if (serviceName !== undefined && !cluster.services.has(serviceName)) throw new ClientException(`Service not found: ${serviceName}`);
  // desiredStatus PENDING lists tasks still PENDING (the API's wording); RUNNING and STOPPED match desiredStatus.
  const matches = [...cluster.tasks.values()].filter((t) =>
    (desired === 'PENDING' ? t.lastStatus === 'PENDING' && t.desiredStatus === 'RUNNING' : t.desiredStatus === desired)
    && (instanceArn === undefined || t.containerInstanceArn === instanceArn)
    && (family === undefined || t.taskDefinitionArn.split('/').pop()!.split(':')[0] === family)
    && (startedBy === undefined || t.startedBy === startedBy)
    && (serviceName === undefined || t.serviceName === serviceName)
    && (launchType === undefined || launchType === 'EC2'));
  const page = pageOf(state, 'ListTasks', JSON.stringify([cluster.arn, instanceArn, family, startedBy, serviceName, desired]), matches, (t) => t.arn, maxResults, optionalString(input, 'nextToken'));
  return page.nextToken === undefined ? { taskArns: page.items } : { taskArns: page.items, nextToken: page.nextToken };
}

export function describeTasks(state: SimState, request: unknown, _call?: CallContext): { tasks: TaskOutput[]; failures: { arn: string; reason: string }[] } {
  const input = requestObject(request, 'DescribeTasks');
  const cluster = clusterFor(state, input);
  const references = stringList(requiredArray(input, 'tasks', 100), 'tasks');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  for (const v of include) if (v !== 'TAGS') throw new InvalidParameterException(`include: the only value is TAGS; got '${v}'`);
  const tasks: TaskOutput[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of references) {
    const task = findTask(cluster, reference);
    if (task === null) {
      const arn = reference.startsWith('arn:') ? reference : `arn:aws:ecs:${state.ctx.region}:${state.ctx.accountId}:task/${cluster.name}/${reference}`;
      failures.push({ arn, reason: 'MISSING' });
    } else tasks.push(describeTask(state, task, include.includes('TAGS')));
  }
  return { tasks, failures };
}

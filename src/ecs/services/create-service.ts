/**
 * CreateService (REPLICA services only): the service is recorded and the scheduler starts its
 * tasks on the next pass. Its ARN and its tasks' ARNs take the caller's long-ARN settings.
 */
import { InvalidParameterException } from '../../errors.js';
import type { CreateServiceRequest, CreateServiceResponse } from '../../shapes.js';
import { callerOf, effectiveSetting } from '../account-settings/settings.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { serviceArn } from '../shared/arns.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { checkTags } from '../shared/tags.js';
import { optionalArray, optionalInteger, optionalString, requestObject, requiredString } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import type { ServiceRecord } from './record.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration, describeService, taskDefinitionFor } from './service.js';

/** @example sim.createService({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 }) */
export const createService = operation({ name: 'CreateService', mutates: true, handler });

function handler(state: SimState, request: CreateServiceRequest, call: CallContext | undefined): CreateServiceResponse {
  const input = requestObject(request, 'CreateService');
  const cluster = clusterFor(state, input);
  const name = requiredString(input, 'serviceName');
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw new InvalidParameterException(`serviceName: up to 255 letters, numbers, hyphens and underscores; got '${name}'`);
  const td = taskDefinitionFor(state, requiredString(input, 'taskDefinition'));
  const scheduling = optionalString(input, 'schedulingStrategy') ?? 'REPLICA';
  if (scheduling !== 'REPLICA') throw new InvalidParameterException(`schedulingStrategy ${scheduling} is not simulated; only REPLICA services are`);
  const launchType = optionalString(input, 'launchType') ?? 'EC2';
  if (launchType !== 'EC2') throw new InvalidParameterException(`launchType ${launchType} is not simulated: placement applies to the EC2 launch type`);
  const desiredCount = optionalInteger(input, 'desiredCount', 0, 1_000_000);
  if (desiredCount === undefined) throw new InvalidParameterException('desiredCount is required for REPLICA services');
  const inherited = (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
  const constraints = placementConstraints(input, inherited);
  const strategies = placementStrategies(input);
  const config = deploymentConfiguration(input);
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  const existing = cluster.services.peek(name);
  if (existing !== undefined && existing.status !== 'INACTIVE') throw new InvalidParameterException('Creation of service was not idempotent.');
  const caller = callerOf(state, call);
  const longService = effectiveSetting(state, caller, 'serviceLongArnFormat').value === 'enabled';
  const service: ServiceRecord = {
    name,
    arn: serviceArn(state.ctx, cluster.name, name, longService),
    clusterName: cluster.name,
    taskDefinitionArn: td.taskDefinitionArn!,
    desiredCount,
    status: 'ACTIVE',
    ...config,
    placementConstraints: constraints,
    placementStrategy: strategies,
    createdAt: state.clock.now,
    longTaskArns: effectiveSetting(state, caller, 'taskLongArnFormat').value === 'enabled',
    events: [],
    tags,
    lastFailure: undefined,
  };
  cluster.services.set(name, service);
  scheduleReconcile(state, cluster, name);
  return { service: describeService(state, cluster, service) };
}

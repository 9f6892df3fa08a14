/**
 * UpdateService: desired count, task definition (a new deployment), deployment configuration and
 * placement; omitted members keep their value, an empty placement list removes it.
 */
import { ClientException } from '../../errors.js';
import type { UpdateServiceRequest, UpdateServiceResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { optionalBoolean, optionalInteger, optionalString, requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration, describeService, serviceFor, taskDefinitionFor } from './service.js';

/** @example sim.updateService({ cluster: 'prod', service: 'web', desiredCount: 5 }) */
export const updateService = operation({ name: 'UpdateService', mutates: true, handler });

function handler(state: SimState, request: UpdateServiceRequest): UpdateServiceResponse {
  const input = requestObject(request, 'UpdateService');
  const cluster = clusterFor(state, input);
  const service = serviceFor(cluster, requiredString(input, 'service'));
  if (service.status !== 'ACTIVE') throw new ClientException(`Service ${service.name} is not ACTIVE.`);
  const desiredCount = optionalInteger(input, 'desiredCount', 0, 1_000_000);
  const tdRef = optionalString(input, 'taskDefinition');
  const td = tdRef === undefined ? undefined : taskDefinitionFor(state, tdRef);
  const config = deploymentConfiguration(input, service);
  // Omitted: keep; an empty list: remove; a list: replace (reference §2.2, §2.3).
  const constraints = input['placementConstraints'] === undefined ? undefined : placementConstraints(input);
  const strategies = input['placementStrategy'] === undefined ? undefined : placementStrategies(input);
  optionalBoolean(input, 'forceNewDeployment');
  if (desiredCount !== undefined) service.desiredCount = desiredCount;
  if (td !== undefined) service.taskDefinitionArn = td.taskDefinitionArn!;
  service.minimumHealthyPercent = config.minimumHealthyPercent;
  service.maximumPercent = config.maximumPercent;
  if (constraints !== undefined) service.placementConstraints = constraints;
  if (strategies !== undefined) service.placementStrategy = strategies;
  scheduleReconcile(state, cluster, service.name);
  return { service: describeService(state, cluster, service) };
}

/**
 * UpdateService: desired count, task definition (a new deployment), `forceNewDeployment` (a new
 * deployment of the same task definition: every task replaced), deployment configuration and
 * placement; omitted members keep their value, an empty placement list removes it. A DAEMON
 * service takes no desired count and no placement strategy (ECS's own messages); a FARGATE
 * service no placement; a service deployed by task sets (EXTERNAL, CODE_DEPLOY) no task
 * definition (its task sets carry theirs) — its desired count scales them.
 */
import { ClientException, InvalidParameterException } from '../../errors.js';
import type { UpdateServiceRequest, UpdateServiceResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { optionalBoolean, optionalInteger, optionalString, requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { FARGATE_PLACEMENT, launchTypeOf } from '../tasks/launch-type.js';
import { DAEMON_DESIRED_COUNT, DAEMON_STRATEGY } from './daemon.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration, describeService, gracePeriod, serviceFor, taskDefinitionFor } from './service.js';

/** @example sim.updateService({ cluster: 'prod', service: 'web', desiredCount: 5 }) */
export const updateService = operation({ name: 'UpdateService', mutates: true, handler });

function handler(state: SimState, request: UpdateServiceRequest): UpdateServiceResponse {
  const input = requestObject(request, 'UpdateService');
  const cluster = clusterFor(state, input);
  const service = serviceFor(cluster, requiredString(input, 'service'));
  if (service.status !== 'ACTIVE') throw new ClientException(`Service ${service.name} is not ACTIVE.`);
  const desiredCount = optionalInteger(input, 'desiredCount', 0, 1_000_000);
  const tdRef = optionalString(input, 'taskDefinition');
  const bySets = service.deploymentController !== 'ECS';
  if (bySets && tdRef !== undefined) throw new InvalidParameterException(`taskDefinition: service ${service.name} is deployed by task sets (${service.deploymentController} deployment controller); create a task set instead.`);
  const td = tdRef === undefined ? undefined : taskDefinitionFor(state, tdRef);
  // A new task definition must suit the service's launch type and network configuration.
  if (td !== undefined) launchTypeOf({ launchType: service.launchType, networkConfiguration: service.networkConfiguration }, td, false);
  const config = deploymentConfiguration(input, service);
  // Omitted: keep; an empty list: remove; a list: replace (reference §2.2, §2.3).
  const constraints = input['placementConstraints'] === undefined ? undefined : placementConstraints(input);
  const strategies = input['placementStrategy'] === undefined ? undefined : placementStrategies(input, 'placementStrategy', state.placement);
  const force = optionalBoolean(input, 'forceNewDeployment') ?? false;
  const grace = gracePeriod(input, service.loadBalancers ?? []);
  if (service.schedulingStrategy === 'DAEMON') {
    if (desiredCount !== undefined) throw new InvalidParameterException(DAEMON_DESIRED_COUNT);
    if ((strategies ?? []).length > 0) throw new InvalidParameterException(DAEMON_STRATEGY);
  }
  if (service.launchType === 'FARGATE' && ((constraints ?? []).length > 0 || (strategies ?? []).length > 0)) {
    throw new InvalidParameterException(FARGATE_PLACEMENT);
  }
  if (desiredCount !== undefined) service.desiredCount = desiredCount;
  if (td !== undefined) service.taskDefinitionArn = td.taskDefinitionArn!;
  service.minimumHealthyPercent = config.minimumHealthyPercent;
  service.maximumPercent = config.maximumPercent;
  if (constraints !== undefined) service.placementConstraints = constraints;
  if (strategies !== undefined) service.placementStrategy = strategies;
  if (grace !== undefined) service.healthCheckGracePeriodSeconds = grace;
  // Every task started so far is replaced, within the deployment configuration's limits.
  if (force) service.replaceTasksBeforeSeq = cluster.nextTaskSeq;
  scheduleReconcile(state, cluster, service.name);
  return { service: describeService(state, cluster, service) };
}

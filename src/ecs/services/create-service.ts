/**
 * CreateService: the service is recorded and the scheduler starts its tasks on the next pass. Its
 * ARN and its tasks' ARNs take the caller's long-ARN settings.
 *
 * - REPLICA (default) keeps `desiredCount` tasks; DAEMON one task on each ACTIVE instance that
 *   satisfies its constraints (no desiredCount, no placement strategy: ECS's own messages).
 * - `launchType` EC2 (default) or FARGATE (`tasks/launch-type.ts`: awsvpc network configuration,
 *   no placement); DAEMON is EC2 only.
 * - `deploymentController` ECS (default: the scheduler deploys), or EXTERNAL / CODE_DEPLOY: task
 *   sets deploy (`task-sets/`). EXTERNAL names no task definition of its own (its task sets do);
 *   CODE_DEPLOY's first task set is made here, PRIMARY at 100%. Both need REPLICA.
 * - `tags`, `propagateTags` (TASK_DEFINITION or SERVICE onto its tasks), `enableECSManagedTags`.
 */
import { cut, InvalidParameterException } from '../../errors.js';
import type { CreateServiceRequest, CreateServiceResponse, LoadBalancer, ServiceRegistry } from '../../shapes.js';
import { callerOf, effectiveSetting } from '../account-settings/settings.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { clientTokenOf, isRetry } from '../shared/client-token.js';
import { serviceArn } from '../shared/arns.js';
import { placementConstraints, placementStrategies } from '../shared/placement-params.js';
import { checkTags } from '../shared/tags.js';
import { optionalArray, optionalBoolean, optionalEnum, optionalInteger, optionalString, requestObject, requiredString, type Input } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { newTaskSet } from '../task-sets/task-set.js';
import { launchTypeOf } from '../tasks/launch-type.js';
import { DAEMON_DESIRED_COUNT, DAEMON_STRATEGY } from './daemon.js';
import type { ServiceRecord } from './record.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration, describeService, gracePeriod, taskDefinitionFor } from './service.js';

/** @example sim.createService({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 }) */
export const createService = operation({ name: 'CreateService', mutates: true, handler });

function controllerOf(input: Input): 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' {
  const v = input['deploymentController'];
  if (v === undefined || v === null) return 'ECS';
  if (typeof v !== 'object' || Array.isArray(v)) throw new InvalidParameterException('deploymentController must be an object');
  return optionalEnum(v as Input, 'type', ['ECS', 'CODE_DEPLOY', 'EXTERNAL'] as const) ?? 'ECS';
}

/** ECS's words for a service name taken by a service made by another request. */
const NOT_IDEMPOTENT = 'Creation of service was not idempotent.';

function handler(state: SimState, request: CreateServiceRequest, call: CallContext | undefined): CreateServiceResponse {
  const input = requestObject(request, 'CreateService');
  const cluster = clusterFor(state, input);
  const name = requiredString(input, 'serviceName');
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw new InvalidParameterException(`serviceName: up to 255 letters, numbers, hyphens and underscores; got '${cut(name)}'`);
  const controller = controllerOf(input);
  const scheduling = optionalEnum(input, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const) ?? 'REPLICA';
  const daemon = scheduling === 'DAEMON';
  if (daemon && controller !== 'ECS') throw new InvalidParameterException(`The ${controller} deployment controller requires the REPLICA scheduling strategy.`);
  const tdRef = optionalString(input, 'taskDefinition');
  if (controller === 'EXTERNAL' && tdRef !== undefined) throw new InvalidParameterException('taskDefinition: a service with the EXTERNAL deployment controller takes its task definitions from its task sets (CreateTaskSet).');
  const td = controller === 'EXTERNAL' ? undefined : taskDefinitionFor(state, requiredString(input, 'taskDefinition'));
  const given = optionalInteger(input, 'desiredCount', 0, 1_000_000);
  if (daemon && given !== undefined) throw new InvalidParameterException(DAEMON_DESIRED_COUNT);
  if (!daemon && given === undefined) throw new InvalidParameterException('desiredCount is required for REPLICA services');
  const strategies = placementStrategies(input, 'placementStrategy', state.placement);
  if (daemon && strategies.length > 0) throw new InvalidParameterException(DAEMON_STRATEGY);
  const inherited = (td?.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
  const constraints = placementConstraints(input, inherited);
  const placement = constraints.length > 0 || strategies.length > 0;
  // An EXTERNAL service's task sets choose their own launch types; the service's is only echoed.
  const { launchType, networkConfiguration } = td === undefined
    ? { launchType: optionalEnum(input, 'launchType', ['EC2', 'FARGATE'] as const) ?? 'EC2', networkConfiguration: undefined }
    : launchTypeOf(input, td, placement);
  if (daemon && launchType === 'FARGATE') throw new InvalidParameterException('The DAEMON scheduling strategy is not supported for the FARGATE launch type.');
  // A DAEMON service replaces a task by stopping it first (its instance has room for one).
  const config = deploymentConfiguration(input, daemon ? { minimumHealthyPercent: 0, maximumPercent: 100 } : undefined);
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  const propagateTags = optionalEnum(input, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const) ?? 'NONE';
  const enableECSManagedTags = optionalBoolean(input, 'enableECSManagedTags') ?? false;
  // Kept and echoed (the model checked their shape): the simulator runs no load balancers.
  const loadBalancers = structuredClone((optionalArray(input, 'loadBalancers') ?? []) as LoadBalancer[]);
  const serviceRegistries = structuredClone((optionalArray(input, 'serviceRegistries') ?? []) as ServiceRegistry[]);
  const healthCheckGracePeriodSeconds = gracePeriod(input, loadBalancers);
  const token = clientTokenOf(input);
  const existing = cluster.services.peek(name);
  if (existing !== undefined && existing.status !== 'INACTIVE') {
    // A retry with the same client token and parameters answers what the first call made.
    if (isRetry(existing.clientToken, token, NOT_IDEMPOTENT)) return { service: describeService(state, cluster, existing) };
    throw new InvalidParameterException(NOT_IDEMPOTENT);
  }
  const caller = callerOf(state, call);
  const longService = effectiveSetting(state, caller, 'serviceLongArnFormat').value === 'enabled';
  const service: ServiceRecord = {
    name,
    arn: serviceArn(state.ctx, cluster.name, name, longService),
    clusterName: cluster.name,
    taskDefinitionArn: td?.taskDefinitionArn ?? '',
    desiredCount: given ?? 0,
    status: 'ACTIVE',
    ...config,
    placementConstraints: constraints,
    placementStrategy: strategies,
    createdAt: state.clock.now,
    longTaskArns: effectiveSetting(state, caller, 'taskLongArnFormat').value === 'enabled',
    events: [],
    tags,
    lastFailure: undefined,
    schedulingStrategy: scheduling,
    launchType,
    networkConfiguration,
    deploymentController: controller,
    propagateTags,
    enableECSManagedTags,
    taskSets: [],
    loadBalancers,
    serviceRegistries,
    ...(healthCheckGracePeriodSeconds === undefined ? {} : { healthCheckGracePeriodSeconds }),
    ...(token === undefined ? {} : { clientToken: token }),
  };
  if (controller === 'CODE_DEPLOY') {
    service.taskSets.push(newTaskSet(state, cluster, service, {
      taskDefinitionArn: td!.taskDefinitionArn!, launchType, networkConfiguration, scalePercent: 100, externalId: undefined, tags: [], primary: true,
    }));
  }
  cluster.services.set(name, service);
  scheduleReconcile(state, cluster, name);
  return { service: describeService(state, cluster, service) };
}

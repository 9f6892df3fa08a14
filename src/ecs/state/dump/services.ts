/**
 * The task definitions and services of a dump. Task definitions (DescribeTaskDefinition's
 * `taskDefinition`) are checked by RegisterTaskDefinition's rules and kept at the revision given.
 * Services (DescribeServices' shape) of every kind the simulator runs: REPLICA and DAEMON, EC2 and
 * FARGATE, deployed by ECS or by task sets (EXTERNAL, CODE_DEPLOY: the `taskSets` DescribeServices
 * shows), checked by CreateService's rules.
 */
import type { PlacementConstraint } from '../../../placement/types.js';
import type { Service, TaskSet } from '../../../shapes.js';
import { DAEMON_STRATEGY } from '../../services/daemon.js';
import { serviceDefaults, type ServiceEvent, type ServiceRecord } from '../../services/record.js';
import { isTaskSetId, parseServiceArn, parseTaskDefinitionArn, parseTaskSetArn, serviceArn, taskSetArn } from '../../shared/arns.js';
import { placementConstraints, placementStrategies } from '../../shared/placement-params.js';
import type { Input } from '../../shared/validate.js';
import { buildTaskDefinition } from '../../task-definitions/build.js';
import type { TaskDefinition } from '../../task-definitions/registry.js';
import type { TaskSetRecord } from '../../task-sets/record.js';
import { scalePercentOf } from '../../task-sets/task-set.js';
import { launchTypeOf } from '../../tasks/launch-type.js';
import type { SimState } from '../state.js';
import { countOf, fault, sameAccount, shaped, supported, tagsOf, timeOf, type DumpCluster } from './faults.js';
import type { Dumped } from './instances.js';

/** One element of `taskDefinitions`. */
export function loadTaskDefinition(state: SimState, raw: unknown): TaskDefinition {
  const o = shaped<Input>('TaskDefinition', raw);
  const arn = typeof o['taskDefinitionArn'] === 'string' ? o['taskDefinitionArn'] : undefined;
  const m = arn === undefined ? null : parseTaskDefinitionArn(arn);
  if (m === null || m.revision === undefined || !/^[1-9]\d*$/.test(m.revision)) return fault('taskDefinitionArn', 'expected a task definition ARN with its revision');
  sameAccount(state.ctx, m, 'taskDefinitionArn', arn!);
  const revision = Number(m.revision);
  if (o['family'] !== undefined && o['family'] !== null && o['family'] !== m.family) fault('family', `'${String(o['family'])}' is not the family of ${arn}`);
  if (o['revision'] !== undefined && o['revision'] !== null && o['revision'] !== revision) fault('revision', `${String(o['revision'])} is not the revision of ${arn}`);
  const status = supported(o['status'] as string | undefined, 'status', ['ACTIVE', 'INACTIVE'] as const, 'ACTIVE');
  // The definition as RegisterTaskDefinition checks and builds it, at the dump's revision.
  const { taskDefinition } = buildTaskDefinition(state, { ...o, family: m.family }, revision);
  return { ...taskDefinition, status };
}

/** Where the dump's services find task definitions: its own, then those registered already. */
export type DefinitionLookup = (arn: string) => TaskDefinition | undefined;

function definitionOf(definitions: DefinitionLookup, arn: string | null | undefined, member: string): TaskDefinition {
  const td = arn === undefined || arn === null ? undefined : definitions(arn);
  return td ?? fault(member, `${arn ?? 'nothing'} is not among the taskDefinitions (nor registered)`);
}

function loadTaskSet(state: SimState, raw: Dumped<TaskSet>, k: number, clusterName: string, dumpCluster: DumpCluster, service: string, definitions: DefinitionLookup): TaskSetRecord {
  const member = (m: string) => `taskSets[${k}].${m}`;
  const id = raw.id ?? undefined;
  if (id === undefined || !isTaskSetId(id)) return fault(member('id'), 'expected a task set id (ecs-svc/ and 19 digits)');
  const arn = raw.taskSetArn ?? taskSetArn(state.ctx, clusterName, service, id);
  const parsed = parseTaskSetArn(arn);
  if (parsed === null || parsed.id !== id || parsed.serviceName !== service) fault(member('taskSetArn'), `${arn} is not the ARN of task set ${id} of service ${service}`);
  sameAccount(state.ctx, parsed!, member('taskSetArn'), arn);
  dumpCluster.see(parsed!.clusterName, member('taskSetArn'));
  const td = definitionOf(definitions, raw.taskDefinition, member('taskDefinition'));
  const { launchType, networkConfiguration } = launchTypeOf(raw as Input, td, false);
  const createdAt = timeOf(raw.createdAt, member('createdAt')) ?? state.clock.now;
  return {
    id,
    arn,
    externalId: raw.externalId ?? undefined,
    status: supported(raw.status, member('status'), ['PRIMARY', 'ACTIVE', 'DRAINING'] as const, 'ACTIVE'),
    taskDefinitionArn: td.taskDefinitionArn!,
    launchType,
    networkConfiguration,
    scalePercent: scalePercentOf(raw.scale === undefined || raw.scale === null ? undefined : { value: raw.scale.value ?? undefined, unit: raw.scale.unit ?? undefined }, 100),
    createdAt,
    updatedAt: timeOf(raw.updatedAt, member('updatedAt')) ?? createdAt,
    stabilityStatus: supported(raw.stabilityStatus, member('stabilityStatus'), ['STEADY_STATE', 'STABILIZING'] as const, 'STABILIZING'),
    stabilityStatusAt: timeOf(raw.stabilityStatusAt, member('stabilityStatusAt')) ?? createdAt,
    tags: tagsOf(raw.tags, member('tags')),
  };
}

/** One element of `services`; `definitions` finds the task definitions it names. */
export function loadService(state: SimState, raw: unknown, clusterName: string, dumpCluster: DumpCluster, definitions: DefinitionLookup): ServiceRecord {
  const o = shaped<Dumped<Service>>('Service', raw);
  const arn = o.serviceArn ?? undefined;
  const m = arn === undefined ? null : parseServiceArn(arn);
  if (arn !== undefined && m === null) fault('serviceArn', 'expected a service ARN');
  if (m !== null) {
    sameAccount(state.ctx, m, 'serviceArn', arn!);
    if (m.clusterName !== null) dumpCluster.see(m.clusterName, 'serviceArn');
  }
  dumpCluster.seeArn(state.ctx, o.clusterArn, 'clusterArn');
  const name = o.serviceName ?? m?.serviceName;
  if (name === undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(name)) return fault('serviceName', 'a service name (up to 255 letters, digits, - and _) is required');
  if (m !== null && m.serviceName !== name) fault('serviceArn', `${arn} is not the ARN of service ${name}`);

  const controller = supported(o.deploymentController?.type, 'deploymentController.type', ['ECS', 'CODE_DEPLOY', 'EXTERNAL'] as const, 'ECS');
  const scheduling = supported(o.schedulingStrategy, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const, 'REPLICA');
  const daemon = scheduling === 'DAEMON';
  if (daemon && controller !== 'ECS') fault('schedulingStrategy', `The ${controller} deployment controller requires the REPLICA scheduling strategy.`);
  // A service deployed by task sets shows its PRIMARY task set's definition (none before one is chosen).
  const td = controller === 'ECS' || (o.taskDefinition !== undefined && o.taskDefinition !== null) ? definitionOf(definitions, o.taskDefinition, 'taskDefinition') : undefined;
  const strategies = placementStrategies(o as Input, 'placementStrategy', state.placement);
  if (daemon && strategies.length > 0) fault('placementStrategy', DAEMON_STRATEGY);
  const inherited: PlacementConstraint[] = (td?.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
  const constraints = placementConstraints(o as Input, inherited);
  const { launchType, networkConfiguration } = controller !== 'ECS'
    ? { launchType: supported(o.launchType, 'launchType', ['EC2', 'FARGATE'] as const, 'EC2'), networkConfiguration: o.networkConfiguration ?? undefined }
    : launchTypeOf(o as Input, td!, constraints.length > 0 || strategies.length > 0);
  if (daemon && launchType === 'FARGATE') fault('launchType', 'The DAEMON scheduling strategy is not supported for the FARGATE launch type.');
  const config = o.deploymentConfiguration ?? {};
  const min = countOf(config.minimumHealthyPercent, 'deploymentConfiguration.minimumHealthyPercent') ?? (daemon ? 0 : 100);
  const max = countOf(config.maximumPercent, 'deploymentConfiguration.maximumPercent') ?? (daemon ? 100 : 200);
  if (min > 100 || max < 100) fault('deploymentConfiguration', 'minimumHealthyPercent is at most 100 and maximumPercent at least 100');

  const taskSets = (o.taskSets ?? []).map((s, k) => loadTaskSet(state, s as Dumped<TaskSet>, k, clusterName, dumpCluster, name, definitions));
  if (controller === 'ECS' && taskSets.length > 0) fault('taskSets', 'a service deployed by ECS has no task sets');
  const ids = new Set<string>();
  taskSets.forEach((s, k) => {
    if (ids.has(s.id)) fault(`taskSets[${k}].id`, `${s.id} appears twice`);
    ids.add(s.id);
  });
  if (taskSets.filter((s) => s.status === 'PRIMARY').length > 1) fault('taskSets', 'a service has at most one PRIMARY task set');

  const events = (o.events ?? []).slice(0, 100).map((e, k): ServiceEvent => ({
    id: e.id ?? '',
    createdAt: timeOf(e.createdAt, `events[${k}].createdAt`) ?? state.clock.now,
    message: e.message ?? '',
  }));
  return {
    name,
    arn: arn ?? serviceArn(state.ctx, clusterName, name, true),
    clusterName,
    taskDefinitionArn: td?.taskDefinitionArn ?? '',
    desiredCount: countOf(o.desiredCount, 'desiredCount') ?? 0,
    status: supported(o.status, 'status', ['ACTIVE', 'DRAINING', 'INACTIVE'] as const, 'ACTIVE'),
    minimumHealthyPercent: min,
    maximumPercent: max,
    placementConstraints: constraints,
    // [] places with the default spread, as for a created service.
    placementStrategy: strategies,
    createdAt: timeOf(o.createdAt, 'createdAt') ?? state.clock.now,
    // Set from the service's tasks (short task ARNs → short ones for new tasks too).
    longTaskArns: true,
    events,
    tags: tagsOf(o.tags),
    lastFailure: undefined,
    ...serviceDefaults(),
    schedulingStrategy: scheduling,
    launchType,
    networkConfiguration: networkConfiguration === undefined ? undefined : structuredClone(networkConfiguration),
    deploymentController: controller,
    propagateTags: supported(o.propagateTags, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const, 'NONE'),
    enableECSManagedTags: o.enableECSManagedTags ?? false,
    taskSets,
  };
}

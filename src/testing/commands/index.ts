/**
 * The model-based command set over the public API (fast-check `fc.commands`): register and
 * deregister instances, put and delete attributes, ACTIVE / DRAINING, agent connections, task
 * definitions, RunTask and StopTask, FARGATE tasks, tasks crashing (agent reports), services
 * (REPLICA, DAEMON, EXTERNAL with task sets) created, updated and deleted, tags, another region,
 * time passing, forks, snapshot round trips and CQL queries. After every command the model is compared with
 * the simulator and every invariant is checked (`model.ts`, `../invariants.ts`).
 */
import fc from 'fast-check';
import { EcsSimulator } from '../../protocol/simulator.js';
import type { RegisterContainerInstanceRequest } from '../../shapes.js';
import { clusterVocabulary } from '../cluster-vocabulary.js';
import { AGENT_RESERVED_PORTS, containerInstanceRequest, CUSTOM_ATTRIBUTES, type ContainerInstanceOptions } from '../container-instance.js';
import { cqlExpression } from '../cql-expression.js';
import { instanceTypeSpec } from '../instance-types.js';
import { placementConstraints } from '../placement-constraints.js';
import { placementStrategies } from '../placement-strategies.js';
import { taskDefinitionRequest, type TaskDefinitionOptions } from '../task-definition.js';
import { Advance } from './advance.js';
import { CrashTask } from './crash-task.js';
import { CreateDaemonService } from './create-daemon-service.js';
import { CreateService } from './create-service.js';
import { DeleteAttribute } from './delete-attribute.js';
import { DeleteService } from './delete-service.js';
import { DeregisterInstance } from './deregister-instance.js';
import { Fork } from './fork.js';
import { OtherRegion } from './other-region.js';
import { checkParked, type EcsModel, type EcsReal } from './model.js';
import { PutAttribute } from './put-attribute.js';
import { Query } from './query.js';
import { RegisterInstance } from './register-instance.js';
import { RegisterTaskDefinition } from './register-task-definition.js';
import { RestoreSnapshot } from './restore-snapshot.js';
import { RunFargateTask } from './run-fargate-task.js';
import { RunTask } from './run-task.js';
import { SetAgentConnection } from './set-agent-connection.js';
import { StopTask } from './stop-task.js';
import { COMMAND_TAG_KEYS, TagResource } from './tag-resource.js';
import { TaskSet } from './task-set.js';
import { UpdateInstanceState } from './update-instance-state.js';
import { UpdateService } from './update-service.js';

export interface EcsCommandOptions {
  /** Default `prod`. */
  readonly cluster?: string;
  /** The simulator's seed; default 1. */
  readonly seed?: number;
  /** RegisterInstance stops applying at this many instances (INACTIVE ones count); default 8. */
  readonly maxInstances?: number;
  /** How RegisterInstance draws instances; default: five types over three AZs, one with GPUs. */
  readonly instances?: ContainerInstanceOptions;
  /** How RegisterTaskDefinition draws definitions; default families `td-0`, `td-1`, `td-2`. */
  readonly taskDefinitions?: TaskDefinitionOptions;
  /** Check every invariant after every command (the model is always checked); default true. */
  readonly invariants?: boolean;
}

/** Custom attribute names PutAttribute / DeleteAttribute use: more than the limit of 10, so the limit is reached. */
export const COMMAND_ATTRIBUTE_NAMES: readonly string[] = [...CUSTOM_ATTRIBUTES.keys(), 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'];
const ATTRIBUTE_VALUES = ['prod', 'dev', 'r1', 'a b', 'x:y@z'];
const DEFAULT_INSTANCES: ContainerInstanceOptions = { instanceTypes: ['t2.small', 'c5.large', 'm5.large', 'm5.xlarge', 'p3.2xlarge'], tags: false };
const FAMILIES = ['td-0', 'td-1', 'td-2'];

/** The instances and task definition every sequence starts from. */
const INITIAL_INSTANCES: readonly RegisterContainerInstanceRequest[] = [
  ['i-00000000000000001', 'm5.large', 'us-east-1a'],
  ['i-00000000000000002', 'c5.large', 'us-east-1b'],
].map(([instanceId, instanceType, availabilityZone]) => ({
  instanceIdentityDocument: JSON.stringify({ instanceId, instanceType, availabilityZone, imageId: 'ami-0123456789abcdef0', region: 'us-east-1' }),
  totalResources: [
    { name: 'CPU', type: 'INTEGER', integerValue: instanceTypeSpec(instanceType!).cpu },
    { name: 'MEMORY', type: 'INTEGER', integerValue: instanceTypeSpec(instanceType!).memory },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: [...AGENT_RESERVED_PORTS] },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
  ],
  versionInfo: { agentVersion: '1.29.0' },
  attributes: [{ name: 'ecs.capability.task-eni' }, { name: 'stack', value: 'prod' }],
}));

/**
 * A fresh simulator with cluster `options.cluster`, two instances and task definition `td-0`,
 * and the model of it: what `fc.modelRun` starts every sequence from.
 *
 * @example
 * fc.assert(fc.property(fc.commands([...ecsCommands(), myCommand]), (cmds) => fc.modelRun(ecsModelSetup(), cmds)));
 */
export function ecsModelSetup(options: EcsCommandOptions = {}): () => { model: EcsModel; real: EcsReal } {
  const cluster = options.cluster ?? 'prod';
  return () => {
    const sim = new EcsSimulator({ seed: options.seed ?? 1 });
    sim.createCluster({ clusterName: cluster });
    const model: EcsModel = { instances: new Map(), families: ['td-0'], services: new Map(), servicesCreated: 0, tags: new Map() };
    for (const request of INITIAL_INSTANCES) {
      const arn = sim.registerContainerInstance({ ...request, cluster }).containerInstance!.containerInstanceArn!;
      model.instances.set(arn, { status: 'ACTIVE', agentConnected: true, custom: new Map([['stack', 'prod']]) });
    }
    sim.registerTaskDefinition({ family: 'td-0', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
    return { model, real: { sim, cluster, parked: [], checks: { invariants: options.invariants ?? true } } };
  };
}

/**
 * Arbitraries of every command, some listed twice so that they come up more often (`fc.commands`
 * draws uniformly from the list). Add your own commands to the list to test your code against
 * the same sequences.
 *
 * @example
 * fc.assert(fc.property(fc.commands(ecsCommands({ maxInstances: 5 }), { maxCommands: 20 }), (cmds) => fc.modelRun(ecsModelSetup(), cmds)));
 */
export function ecsCommands(options: EcsCommandOptions = {}): fc.Arbitrary<fc.Command<EcsModel, EcsReal>>[] {
  const instances = options.instances ?? DEFAULT_INSTANCES;
  const groups = ['family:td-0', 'family:td-1', 'service:svc-0', 'service:svc-1', 'batch'];
  const base = clusterVocabulary(instances, groups);
  const vocabulary = {
    ...base,
    attributes: new Map([...base.attributes, ...COMMAND_ATTRIBUTE_NAMES.map((n) => [n, n === 'ssd' ? [''] : ATTRIBUTE_VALUES] as const)]),
  };
  const pick = fc.nat();
  const constraints = placementConstraints({ vocabulary, maxLength: 2 });
  const strategies = placementStrategies({ maxLength: 2 });
  const register = containerInstanceRequest(instances).map((r) => new RegisterInstance(r, options.maxInstances ?? 8));
  const runTask = fc.tuple(pick, fc.integer({ min: 1, max: 4 }), constraints, strategies, fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom('batch', 'service:svc-0'), weight: 1 }))
    .map(([f, count, c, s, group]) => new RunTask(f, count, c, s, group));
  const advance = fc.constantFrom(500, 1_000, 5_000, 30_000, 600_000).map((ms) => new Advance(ms));
  return [
    register,
    register,
    fc.tuple(pick, fc.boolean()).map(([p, force]) => new DeregisterInstance(p, force)),
    fc.tuple(pick, fc.constantFrom(...COMMAND_ATTRIBUTE_NAMES), fc.option(fc.constantFrom(...ATTRIBUTE_VALUES), { nil: undefined })).map(([p, n, v]) => new PutAttribute(p, n, v)),
    fc.tuple(pick, fc.constantFrom(...COMMAND_ATTRIBUTE_NAMES)).map(([p, n]) => new DeleteAttribute(p, n)),
    fc.tuple(pick, fc.constantFrom('ACTIVE' as const, 'DRAINING' as const)).map(([p, s]) => new UpdateInstanceState(p, s)),
    fc.tuple(pick, fc.boolean()).map(([p, c]) => new SetAgentConnection(p, c)),
    taskDefinitionRequest({ families: FAMILIES, vocabulary, ...options.taskDefinitions }).map((r) => new RegisterTaskDefinition(r)),
    runTask,
    runTask,
    pick.map((p) => new StopTask(p)),
    fc.tuple(pick, fc.integer({ min: 0, max: 5 }), constraints, strategies, fc.constantFrom({ minimumHealthyPercent: 100, maximumPercent: 200 }, { minimumHealthyPercent: 50, maximumPercent: 100 }, { minimumHealthyPercent: 0, maximumPercent: 150 }))
      .map(([f, d, c, s, dc]) => new CreateService(f, d, c, s, dc)),
    fc.tuple(pick, fc.integer({ min: 0, max: 6 }), fc.option(pick, { nil: undefined }), fc.boolean()).map(([p, d, f, force]) => new UpdateService(p, d, f, force)),
    fc.tuple(pick, fc.boolean()).map(([p, force]) => new DeleteService(p, force)),
    advance,
    advance,
    fc.tuple(pick, fc.boolean()).map(([p, c]) => new CrashTask(p, c)),
    fc.integer({ min: 1, max: 3 }).map((n) => new RunFargateTask(n)),
    fc.tuple(pick, fc.boolean()).map(([f, d]) => new CreateDaemonService(f, d)),
    fc.tuple(pick, fc.constantFrom(0, 10, 50, 100, 33.3)).map(([f, s]) => new TaskSet(f, s)),
    fc.tuple(pick, fc.constantFrom(...COMMAND_TAG_KEYS), fc.option(fc.constantFrom('a', 'b', 'x y'), { nil: undefined })).map(([p, k, v]) => new TagResource(p, k, v)),
    fc.constantFrom('us-west-2', 'eu-west-1').map((region) => new OtherRegion(region)),
    fc.boolean().map((onFork) => new Fork(onFork)),
    fc.constant(new RestoreSnapshot()),
    cqlExpression({ maxDepth: 2, vocabulary }).map((ast) => new Query(ast)),
  ];
}

export interface EcsModelPropertyOptions extends EcsCommandOptions {
  /** Longest command sequence; default 12. */
  readonly maxCommands?: number;
  /**
   * How long sequences usually are, up to `maxCommands` (fast-check sizes): with the default
   * `small`, sequences average about a quarter of `maxCommands` (at most half); `large` about half.
   */
  readonly size?: fc.SizeForArbitrary;
}

/**
 * The whole model-based property: random command sequences from `ecsModelSetup`, every command
 * checked, and at the end every simulator a Fork left behind unchanged.
 *
 * @example
 * fc.assert(ecsModelProperty({ maxCommands: 20 }), { seed: 42, numRuns: 500 });
 */
export function ecsModelProperty(options: EcsModelPropertyOptions = {}): fc.IPropertyWithHooks<[Iterable<fc.Command<EcsModel, EcsReal>>]> {
  const setup = ecsModelSetup(options);
  const constraints = { maxCommands: options.maxCommands ?? 12, ...(options.size === undefined ? {} : { size: options.size }) };
  return fc.property(fc.commands(ecsCommands(options), constraints), (cmds) => {
    let real: EcsReal | undefined;
    fc.modelRun(() => {
      const s = setup();
      real = s.real;
      return s;
    }, cmds);
    checkParked(real!);
  });
}

/**
 * What RegisterTaskDefinition registers (2019-06-06 generation): validation as the ECS API model and the
 * Developer Guide state it, revisions `family:1`, `family:2`, …, and the TaskDefinition ECS
 * returns (defaults filled in, task-level sizes normalised to integers, requiresAttributes and
 * compatibilities computed).
 *
 * Error types. Every RegisterTaskDefinition validation failure found in public issue threads is
 * a `ClientException` (messages quoted below with their source), so rules about a definition's
 * *content* throw ClientException — with the observed text where there is one, a text in the
 * same style where there is not [INF]. A request that does not have the model's *shape* (wrong
 * JSON types, unknown enum values, a required member missing, more list items than the model
 * allows) throws InvalidParameterException, as every other operation of the simulator does.
 * Every message starts with the member it is about. A rejected request changes nothing.
 */
import { parseFilter } from '../../cql/index.js';
import { ClientException, cut, InvalidParameterException, inEcsWords } from '../../errors.js';
import { parseCpuUnits, parseMemoryMiB, requirementsOf } from '../../resources/requirements.js';
import type { Tag } from '../../shapes.js';
import { checkTags } from '../shared/tags.js';
import { taskDefinitionArn } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import type {
  Compatibility,
  ContainerDefinition,
  NetworkMode,
  PortMapping,
  ResourceRequirement,
  TaskDefinition,
  TaskDefinitionPlacementConstraint,
  TransportProtocol,
} from './registry.js';
import { requestObject, type Input } from '../shared/validate.js';

export const NETWORK_MODES: readonly NetworkMode[] = ['bridge', 'host', 'awsvpc', 'none'];
export const COMPATIBILITIES: readonly Compatibility[] = ['EC2', 'FARGATE'];
/** At most 10 containers per task definition (2019 service quota; "Too many containers." `aws/amazon-ecs-cli#184` [OBS]). */
export const MAX_CONTAINERS = 10;
/** At most 10 placement constraints per task [API]. */
export const MAX_PLACEMENT_CONSTRAINTS = 10;
/** Task-level CPU units accepted for the EC2 launch type in 2019–2023 docs (reference §2.5.2). */
export const EC2_TASK_CPU_RANGE = { min: 128, max: 10240 } as const;
/** Task-level CPU units → the MiB Fargate accepts with it (platform 1.3, 2019) [DG `task-cpu-memory-error.html`]. */
export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
]);

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

const FAMILY = /^[A-Za-z0-9_-]+$/;
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const GPU_COUNT = /^[1-9]\d{0,3}$/;

// ---- failures ------------------------------------------------------------------------------

/**
 * A content rule of ECS was broken: the message is ECS's own text, verbatim (clients and peers'
 * test suites compare it), and the member it concerns is on the error as `member`.
 */
function rejected(member: string, text: string): ClientException {
  return inEcsWords(new ClientException(text), member);
}

/** The request does not have the model's shape. */
function malformed(member: string, text: string): InvalidParameterException {
  return new InvalidParameterException(`${member} ${text}`);
}

// ---- shape checks with full member paths ---------------------------------------------------

const isAbsent = (v: unknown): v is undefined | null => v === undefined || v === null;

function str(v: unknown, member: string): string | undefined {
  if (isAbsent(v)) return undefined;
  if (typeof v !== 'string') throw malformed(member, 'must be a string');
  return v;
}

function int(v: unknown, member: string): number | undefined {
  if (isAbsent(v)) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw malformed(member, 'must be an integer');
  return v;
}

function bool(v: unknown, member: string): boolean | undefined {
  if (isAbsent(v)) return undefined;
  if (typeof v !== 'boolean') throw malformed(member, 'must be a boolean');
  return v;
}

function list(v: unknown, member: string): unknown[] | undefined {
  if (isAbsent(v)) return undefined;
  if (!Array.isArray(v)) throw malformed(member, 'must be a list');
  return v;
}

function obj(v: unknown, member: string): Input | undefined {
  if (isAbsent(v)) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw malformed(member, 'must be an object');
  return v as Input;
}

function enumOf<T extends string>(v: unknown, member: string, values: readonly T[]): T | undefined {
  const s = str(v, member);
  if (s === undefined) return undefined;
  if (!(values as readonly string[]).includes(s)) throw malformed(member, `must be one of ${values.join(', ')}; got '${cut(s)}'`);
  return s as T;
}

function strings(v: unknown, member: string): string[] | undefined {
  const items = list(v, member);
  items?.forEach((x, i) => {
    if (typeof x !== 'string') throw malformed(`${member}[${i}]`, 'must be a string');
  });
  return items as string[] | undefined;
}

function objects(v: unknown, member: string): Input[] | undefined {
  const items = list(v, member);
  items?.forEach((x, i) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw malformed(`${member}[${i}]`, 'must be an object');
  });
  return items as Input[] | undefined;
}

function stringMap(v: unknown, member: string): Record<string, string> | undefined {
  const o = obj(v, member);
  if (o !== undefined) for (const [k, x] of Object.entries(o)) if (typeof x !== 'string') throw malformed(`${member}.${k}`, 'must be a string');
  return o as Record<string, string> | undefined;
}

// ---- containers ------------------------------------------------------------------------------

type Kind = 'string' | 'strings' | 'integer' | 'boolean' | 'object' | 'objects' | 'stringMap' | 'modeled';

/**
 * The 2019-06-06 ContainerDefinition members, in the order ECS returns them. `modeled` ones are
 * checked below; the others are type-checked and echoed as given. Members added later
 * (firelensConfiguration, environmentFiles, …) are not part of this API generation and are
 * dropped, as an unknown member is [INF].
 */
const CONTAINER_MEMBERS: readonly (readonly [string, Kind])[] = [
  ['name', 'modeled'], ['image', 'modeled'], ['repositoryCredentials', 'object'], ['cpu', 'modeled'],
  ['memory', 'modeled'], ['memoryReservation', 'modeled'], ['links', 'strings'], ['portMappings', 'modeled'],
  ['essential', 'modeled'], ['entryPoint', 'strings'], ['command', 'strings'], ['environment', 'objects'],
  ['mountPoints', 'objects'], ['volumesFrom', 'objects'], ['linuxParameters', 'object'], ['secrets', 'objects'],
  ['dependsOn', 'objects'], ['startTimeout', 'integer'], ['stopTimeout', 'integer'], ['hostname', 'string'],
  ['user', 'string'], ['workingDirectory', 'string'], ['disableNetworking', 'boolean'], ['privileged', 'boolean'],
  ['readonlyRootFilesystem', 'boolean'], ['dnsServers', 'strings'], ['dnsSearchDomains', 'strings'],
  ['extraHosts', 'objects'], ['dockerSecurityOptions', 'strings'], ['interactive', 'boolean'],
  ['pseudoTerminal', 'boolean'], ['dockerLabels', 'stringMap'], ['ulimits', 'objects'], ['logConfiguration', 'object'],
  ['healthCheck', 'object'], ['systemControls', 'objects'], ['resourceRequirements', 'modeled'],
];

/** Lists ECS returns as `[]` when the request left them out (CLI `register-task-definition` example [EX]). */
const EMPTY_BY_DEFAULT = new Set(['portMappings', 'environment', 'mountPoints', 'volumesFrom']);

function passthrough(v: unknown, member: string, kind: Kind): unknown {
  switch (kind) {
    case 'string': return str(v, member);
    case 'strings': return strings(v, member);
    case 'integer': return int(v, member);
    case 'boolean': return bool(v, member);
    case 'object': return obj(v, member);
    case 'objects': return objects(v, member);
    case 'stringMap': return stringMap(v, member);
    case 'modeled': throw new Error(`unreachable: ${member} is modeled`);
  }
}

function portMappings(raw: unknown, at: string, name: string, mode: NetworkMode): PortMapping[] {
  const items = objects(raw, `${at}.portMappings`) ?? [];
  // none: the task has no network, so nothing can be mapped (reference §2.5.4) [API; text INF].
  if (mode === 'none' && items.length > 0) throw rejected(`${at}.portMappings`, 'When networkMode=none, port mappings are not allowed.');
  return items.map((m, j) => {
    const member = `${at}.portMappings[${j}]`;
    const containerPort = int(m['containerPort'], `${member}.containerPort`);
    // "Invalid 'containerPort' setting for container 'x'." — also when it is missing
    // (`aws/aws-cli#7288`, `aws/aws-cdk#8762`) [OBS].
    if (containerPort === undefined || containerPort < 1 || containerPort > 65535) {
      throw rejected(`${member}.containerPort`, `Invalid 'containerPort' setting for container '${cut(name)}'.`);
    }
    const hostPort = int(m['hostPort'], `${member}.hostPort`);
    if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535)) {
      throw rejected(`${member}.hostPort`, `Invalid 'hostPort' setting for container '${cut(name)}'.`);
    }
    // Only tcp and udp (the 2019 model lists exactly these; the current model's note that other
    // values are treated as tcp is later, and a typo such as 'UDP' silently becoming TCP would
    // hide a conflict) [INF].
    const protocol: TransportProtocol = enumOf(m['protocol'], `${member}.protocol`, ['tcp', 'udp'] as const) ?? 'tcp';
    if (mode === 'bridge') return { containerPort, hostPort: hostPort ?? 0, protocol };
    // host and awsvpc: hostPort empty or equal to containerPort [API]; ECS fills it in
    // (`turnerlabs/terraform-ecs-fargate#11` [OBS]). 0 counts as empty there [OBS same thread].
    // "When networkMode=awsvpc, the host ports and container ports in port mappings must match."
    // (`aws/amazon-ecs-cli#1014`, `pulumi/pulumi-awsx#935`) [OBS]; the host text by analogy [INF].
    if (hostPort !== undefined && hostPort !== 0 && hostPort !== containerPort) {
      throw rejected(`${member}.hostPort`, `When networkMode=${mode}, the host ports and container ports in port mappings must match.`);
    }
    return { containerPort, hostPort: containerPort, protocol };
  });
}

function resourceRequirements(raw: unknown, at: string, name: string): ResourceRequirement[] | undefined {
  const items = objects(raw, `${at}.resourceRequirements`);
  if (items === undefined) return undefined;
  const seen = new Set<string>();
  return items.map((r, j) => {
    const member = `${at}.resourceRequirements[${j}]`;
    // GPU is the only ResourceType of the 2019 model (InferenceAccelerator came in December 2019).
    const type = enumOf(r['type'], `${member}.type`, ['GPU'] as const);
    if (type === undefined) throw malformed(`${member}.type`, 'is required');
    if (seen.has(type)) throw malformed(`${member}.type`, `repeats ${type}: container '${cut(name)}' lists each resource type once`);
    seen.add(type);
    const value = str(r['value'], `${member}.value`);
    if (value === undefined) throw malformed(`${member}.value`, 'is required');
    // "the number of physical GPUs the agent reserves for the container" [API]: a whole number
    // from 1 (at most 4 digits: no instance has more GPUs) [INF].
    checkGpuCount(value, `${member}.value`, name);
    return { type, value };
  });
}

/** A container's GPU count: a whole number from 1 (at most 4 digits: no instance has more GPUs) [INF]. */
export function checkGpuCount(value: string, member: string, name: string): void {
  if (!GPU_COUNT.test(value)) throw rejected(member, `Invalid 'GPU' setting for container '${cut(name)}': the value is a whole number of GPUs; got '${cut(value)}'.`);
}

/**
 * A container's sizes as ECS checks them, at registration and in a RunTask override: cpu from 0,
 * memory and memoryReservation from 1 MiB, and memory above memoryReservation. `at` is the
 * container's member path.
 */
export function checkContainerSizes(name: string, at: string, sizes: { cpu?: number | undefined; memory?: number | undefined; memoryReservation?: number | undefined }): void {
  const { cpu, memory, memoryReservation } = sizes;
  if (cpu !== undefined && cpu < 0) throw rejected(`${at}.cpu`, `Invalid 'cpu' setting for container '${cut(name)}'.`);
  if (memory !== undefined && memory < 1) throw rejected(`${at}.memory`, `Invalid 'memory' setting for container '${cut(name)}'.`);
  if (memoryReservation !== undefined && memoryReservation < 1) {
    throw rejected(`${at}.memoryReservation`, `Invalid 'memoryReservation' setting for container '${cut(name)}'.`);
  }
  // "If you specify both, memory must be greater than memoryReservation" [API, 2019 wording].
  // A 2023 guide correction says "greater than or equal" (`awsdocs/amazon-ecs-developer-guide#242`);
  // the simulated 2019 generation keeps the strict rule.
  if (memory !== undefined && memoryReservation !== undefined && memory <= memoryReservation) {
    throw rejected(`${at}.memory`, `Invalid setting for container '${cut(name)}'. 'memory' must be greater than 'memoryReservation'.`);
  }
}

interface CheckedContainer {
  readonly definition: ContainerDefinition;
  readonly name: string;
  readonly cpu: number;
  readonly memory: number | undefined;
  readonly memoryReservation: number | undefined;
  readonly gpus: number;
  readonly essential: boolean;
}

function containerDefinition(raw: Input, i: number, mode: NetworkMode): CheckedContainer {
  const at = `containerDefinitions[${i}]`;
  // "Container.name should not be null or empty." / "Container.name contains invalid
  // characters." (`hashicorp/terraform#2888`, `hashicorp/terraform-provider-aws#5950`) [OBS];
  // up to 255 letters, digits, hyphens and underscores [DG].
  const name = str(raw['name'], `${at}.name`);
  if (name === undefined || name === '') throw rejected(`${at}.name`, 'Container.name should not be null or empty.');
  if (!CONTAINER_NAME.test(name)) throw rejected(`${at}.name`, 'Container.name contains invalid characters.');
  const image = str(raw['image'], `${at}.image`);
  if (image === undefined || image === '') throw rejected(`${at}.image`, 'Container.image should not be null or empty.');

  const cpu = int(raw['cpu'], `${at}.cpu`);
  const memory = int(raw['memory'], `${at}.memory`);
  const memoryReservation = int(raw['memoryReservation'], `${at}.memoryReservation`);
  checkContainerSizes(name, at, { cpu, memory, memoryReservation });
  const essential = bool(raw['essential'], `${at}.essential`) ?? true;
  const mappings = portMappings(raw['portMappings'], at, name, mode);
  const gpuRequirements = resourceRequirements(raw['resourceRequirements'], at, name);

  const definition: ContainerDefinition = {};
  for (const [member, kind] of CONTAINER_MEMBERS) {
    let value: unknown;
    switch (member) {
      case 'name': value = name; break;
      case 'image': value = image; break;
      // ECS fills in cpu 0 (`eagletmt/hako#17` [OBS]).
      case 'cpu': value = cpu ?? 0; break;
      case 'memory': value = memory; break;
      case 'memoryReservation': value = memoryReservation; break;
      case 'portMappings': value = mappings; break;
      case 'essential': value = essential; break;
      case 'resourceRequirements': value = gpuRequirements; break;
      default: value = structuredClone(passthrough(raw[member], `${at}.${member}`, kind));
    }
    if (value === undefined && EMPTY_BY_DEFAULT.has(member)) value = [];
    if (value !== undefined) (definition as Record<string, unknown>)[member] = value;
  }
  const gpus = (gpuRequirements ?? []).reduce((n, r) => n + Number(r.value), 0);
  return { definition, name, cpu: cpu ?? 0, memory, memoryReservation, gpus, essential };
}

// ---- task level ------------------------------------------------------------------------------

function taskCpu(input: Input, ec2: boolean): string | undefined {
  const text = str(input['cpu'], 'cpu');
  if (text === undefined) return undefined;
  // "Invalid 'cpu' setting for task." [DG `task-cpu-memory-error.html`]; "1024" or "1 vCPU",
  // stored as units [DG]; EC2 range 128–10240 units (reference §2.5.2).
  const units = parseCpuUnits(text);
  if (units === null || (ec2 && (units < EC2_TASK_CPU_RANGE.min || units > EC2_TASK_CPU_RANGE.max)) || units < 1) {
    throw rejected('cpu', "Invalid 'cpu' setting for task.");
  }
  return String(units);
}

function taskMemory(input: Input): string | undefined {
  const text = str(input['memory'], 'memory');
  if (text === undefined) return undefined;
  // "2048" or "2 GB", stored as MiB [DG]. No EC2 range is documented ("any value can be used"),
  // so any whole number of MiB from 1 that the columns can hold [INF]; text by analogy with cpu.
  const mib = parseMemoryMiB(text);
  if (mib === null || mib < 1 || mib > 2 ** 31 - 1) throw rejected('memory', "Invalid 'memory' setting for task.");
  return String(mib);
}

function familyOf(input: Input): string {
  const family = str(input['family'], 'family');
  if (family === undefined || family === '') throw malformed('family', 'is required');
  // "Family contains invalid characters." (`aws/amazon-ecs-cli#37`, `#542`) [OBS]; up to 255
  // letters, digits, hyphens and underscores [API].
  if (!FAMILY.test(family)) throw rejected('family', 'Family contains invalid characters.');
  if (family.length > 255) throw rejected('family', `Family is ${family.length} characters long; the limit is 255.`);
  return family;
}

function placementConstraints(input: Input): TaskDefinitionPlacementConstraint[] {
  const items = objects(input['placementConstraints'], 'placementConstraints') ?? [];
  if (items.length > MAX_PLACEMENT_CONSTRAINTS) {
    throw malformed('placementConstraints', `may hold at most ${MAX_PLACEMENT_CONSTRAINTS} constraints; got ${items.length}`);
  }
  return items.map((c, i) => {
    const member = `placementConstraints[${i}]`;
    // Task definitions take memberOf only (TaskDefinitionPlacementConstraintType) [API].
    if (c['type'] === 'distinctInstance') throw malformed(`${member}.type`, "must be memberOf: distinctInstance is given to RunTask or CreateService, not to a task definition");
    const type = enumOf(c['type'], `${member}.type`, ['memberOf'] as const);
    if (type === undefined) throw malformed(`${member}.type`, 'is required');
    const expression = str(c['expression'], `${member}.expression`);
    if (expression === undefined || expression === '') throw malformed(`${member}.expression`, 'is required for a memberOf constraint');
    parseFilter(expression, { source: `${member}.expression` });
    return { type, expression };
  });
}

/** The first reason a definition cannot run on Fargate, or null. */
function fargateProblem(td: TaskDefinition, gpus: number): [member: string, text: string] | null {
  // "Fargate only supports network mode 'awsvpc'." [INF: wording of the rule in DG]
  if (td.networkMode !== 'awsvpc') return ['networkMode', "Fargate only supports network mode 'awsvpc'."];
  // "Fargate requires that 'cpu' be defined at the task level." (`klothoplatform/klotho#892`) [OBS]
  if (td.cpu === undefined) return ['cpu', "Fargate requires that 'cpu' be defined at the task level."];
  if (td.memory === undefined) return ['memory', "Fargate requires that 'memory' be defined at the task level."];
  // "No Fargate configuration exists for given values." [DG `task-cpu-memory-error.html`]
  if (!(FARGATE_SIZES.get(Number(td.cpu))?.includes(Number(td.memory)) ?? false)) return ['cpu', 'No Fargate configuration exists for given values.'];
  // GPUs and placement constraints are EC2-only features [DG `ecs-gpu.html`, reference §2] [INF text].
  if (gpus > 0) return ['containerDefinitions', 'GPU resource requirements are not supported on Fargate.'];
  if ((td.placementConstraints ?? []).length > 0) return ['placementConstraints', 'Task placement constraints are not supported on Fargate.'];
  return null;
}

/**
 * Checks a RegisterTaskDefinition request and builds the revision ECS would register, without
 * registering it. `revision` defaults to the family's next one; loading a dump passes the
 * revision the dump names.
 */
export function buildTaskDefinition(state: SimState, request: unknown, revision?: number): { taskDefinition: TaskDefinition; tags: Tag[] } {
  const input = requestObject(request, 'RegisterTaskDefinition');
  const family = familyOf(input);
  const networkMode = enumOf(input['networkMode'], 'networkMode', NETWORK_MODES) ?? 'bridge';
  const requires = list(input['requiresCompatibilities'], 'requiresCompatibilities')?.map((v, i) => {
    if (typeof v !== 'string') throw malformed(`requiresCompatibilities[${i}]`, 'must be a string');
    return enumOf(v, `requiresCompatibilities[${i}]`, COMPATIBILITIES)!;
  });
  // EC2 rules apply unless the definition asks for Fargate only.
  const ec2 = requires === undefined || requires.length === 0 || requires.includes('EC2');
  const fargate = requires?.includes('FARGATE') ?? false;

  const rawContainers = objects(input['containerDefinitions'], 'containerDefinitions');
  if (rawContainers === undefined) throw malformed('containerDefinitions', 'is required');
  if (rawContainers.length === 0) throw malformed('containerDefinitions', 'must hold at least 1 container definition');
  if (rawContainers.length > MAX_CONTAINERS) throw rejected('containerDefinitions', 'Too many containers.');
  const containers = rawContainers.map((c, i) => containerDefinition(c, i, networkMode));
  const names = new Set<string>();
  containers.forEach((c, i) => {
    // "Container names must be unique within a Task Definition." (`Shippable/support#2946`) [OBS]
    if (names.has(c.name)) throw rejected(`containerDefinitions[${i}].name`, 'Container names must be unique within a Task Definition.');
    names.add(c.name);
  });
  // "All tasks must have at least one essential container." [DG task_definition_parameters]
  if (!containers.some((c) => c.essential)) throw rejected('containerDefinitions', 'A task definition must have at least one essential container.');

  const cpu = taskCpu(input, ec2);
  const memory = taskMemory(input);
  if (memory === undefined) {
    // Without task-level memory every container needs a hard or soft limit [API]:
    // "Invalid setting for container 'x'. At least one of 'memory' or 'memoryReservation' must
    // be specified." (`sil-org/ecs-deploy#59`, `aws/aws-cli#4453`) [OBS].
    containers.forEach((c, i) => {
      if (c.memory === undefined && c.memoryReservation === undefined) {
        throw rejected(`containerDefinitions[${i}]`, `Invalid setting for container '${cut(c.name)}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
      }
    });
  }
  // Containers must fit in the task's size (observed texts: `klothoplatform/klotho#892`,
  // `pulumi/pulumi-awsx#188`, `cloudnativedaysjp/dreamkast-infra#4766`) [OBS].
  if (cpu !== undefined && containers.reduce((n, c) => n + c.cpu, 0) > Number(cpu)) {
    throw rejected('containerDefinitions', "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
  }
  if (memory !== undefined) {
    containers.forEach((c, i) => {
      if (c.memory !== undefined && c.memory > Number(memory)) {
        throw rejected(`containerDefinitions[${i}].memory`, `The 'memory' setting for container '${cut(c.name)}' is greater than for the task.`);
      }
    });
    if (containers.reduce((n, c) => n + (c.memoryReservation ?? 0), 0) > Number(memory)) {
      throw rejected('containerDefinitions', "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
    }
  }

  const constraints = placementConstraints(input);
  const taskRoleArn = str(input['taskRoleArn'], 'taskRoleArn');
  const executionRoleArn = str(input['executionRoleArn'], 'executionRoleArn');
  const volumes = objects(input['volumes'], 'volumes') ?? [];
  volumes.forEach((v, i) => str(v['name'], `volumes[${i}].name`));
  const pidMode = enumOf(input['pidMode'], 'pidMode', ['host', 'task'] as const);
  const ipcMode = enumOf(input['ipcMode'], 'ipcMode', ['host', 'task', 'none'] as const);
  const proxy = obj(input['proxyConfiguration'], 'proxyConfiguration');
  if (proxy !== undefined) {
    if (str(proxy['containerName'], 'proxyConfiguration.containerName') === undefined) throw malformed('proxyConfiguration.containerName', 'is required');
    enumOf(proxy['type'], 'proxyConfiguration.type', ['APPMESH'] as const);
    objects(proxy['properties'], 'proxyConfiguration.properties');
  }
  const tags = checkTags(list(input['tags'], 'tags') ?? [], 'tags');
  // Members of later API generations (inferenceAccelerators, ephemeralStorage, runtimePlatform,
  // …) are not part of this one and are ignored, as unknown members are [INF].

  revision ??= state.taskDefinitions.nextRevision(family);
  const gpus = containers.reduce((n, c) => n + c.gpus, 0);
  const taskDefinition: TaskDefinition = {
    taskDefinitionArn: taskDefinitionArn(state.ctx, family, revision),
    containerDefinitions: containers.map((c) => c.definition),
    family,
    ...(taskRoleArn === undefined ? {} : { taskRoleArn }),
    ...(executionRoleArn === undefined ? {} : { executionRoleArn }),
    networkMode,
    revision,
    volumes: structuredClone(volumes),
    status: 'ACTIVE',
    placementConstraints: constraints,
    compatibilities: ['EC2'],
    ...(requires === undefined ? {} : { requiresCompatibilities: [...requires] }),
    ...(cpu === undefined ? {} : { cpu }),
    ...(memory === undefined ? {} : { memory }),
    ...(pidMode === undefined ? {} : { pidMode }),
    ...(ipcMode === undefined ? {} : { ipcMode }),
    ...(proxy === undefined ? {} : { proxyConfiguration: structuredClone(proxy) }),
  };
  const problem = fargateProblem(taskDefinition, gpus);
  if (fargate && problem !== null) throw rejected(problem[0], problem[1]);
  // compatibilities: the launch types the definition can run on — EC2 always, FARGATE when it
  // meets Fargate's rules (CLI example: ["EC2"] for a bridge definition [EX]) [INF].
  if (problem === null) taskDefinition.compatibilities = ['EC2', 'FARGATE'];
  // requiresAttributes: what an instance must have; the CLI example omits the member when there
  // is nothing to require [EX].
  const attributes = requirementsOf(taskDefinition).attributes;
  if (attributes.length > 0) taskDefinition.requiresAttributes = attributes.map((name) => ({ name }));
  // ECS's member order (requiresAttributes before placementConstraints), for readable output.
  return { taskDefinition: orderMembers(taskDefinition), tags };
}

const TASK_DEFINITION_ORDER: readonly (keyof TaskDefinition)[] = [
  'taskDefinitionArn', 'containerDefinitions', 'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'revision',
  'volumes', 'status', 'requiresAttributes', 'placementConstraints', 'compatibilities', 'requiresCompatibilities',
  'cpu', 'memory', 'pidMode', 'ipcMode', 'proxyConfiguration',
];

function orderMembers(td: TaskDefinition): TaskDefinition {
  const out: Record<string, unknown> = {};
  for (const k of TASK_DEFINITION_ORDER) if (td[k] !== undefined) out[k] = td[k];
  return out as TaskDefinition;
}

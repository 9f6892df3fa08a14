/**
 * The task definition a command places (`place`, `headroom`, `plan-capacity`): a file (a
 * RegisterTaskDefinition request, as `aws ecs register-task-definition --cli-input-json` takes
 * it, or a DescribeTaskDefinition response) or one container described by flags.
 */
import { NETWORK_MODES } from '../ecs/task-definitions/build.js';
import { InvalidParameterException } from '../errors.js';
import type { RegisterTaskDefinitionRequest } from '../shapes.js';
import { integerOption, UsageError } from './args.js';
import { parseJson, readText } from './io.js';

/** The container flags, as every command that takes them declares them to parseArgs. */
export const TASK_DEFINITION_OPTIONS = {
  family: { type: 'string' },
  cpu: { type: 'string' },
  memory: { type: 'string' },
  port: { type: 'string', multiple: true },
  'udp-port': { type: 'string', multiple: true },
  'network-mode': { type: 'string' },
  gpu: { type: 'string' },
} as const;

export interface TaskDefinitionFlags {
  family?: string | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  port?: string[] | undefined;
  'udp-port'?: string[] | undefined;
  'network-mode'?: string | undefined;
  gpu?: string | undefined;
}

/** A request from a file ('-' for stdin); a DescribeTaskDefinition response is unwrapped. */
function taskDefinitionFromFile(path: string): RegisterTaskDefinitionRequest {
  const json = parseJson(readText(path, 'task definition'), `task definition ${path === '-' ? 'stdin' : path}`);
  const body = json !== null && typeof json === 'object' && 'taskDefinition' in json ? (json as { taskDefinition: unknown }).taskDefinition : json;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidParameterException(`task definition ${path}: expected a RegisterTaskDefinition request, a JSON object with family and containerDefinitions`);
  }
  return body as RegisterTaskDefinitionRequest;
}

/**
 * The task definition of a command's workload: the file its positional names, or the container
 * flags — not both.
 */
export function workloadTaskDefinition(command: string, usage: string, file: string | undefined, flags: TaskDefinitionFlags): RegisterTaskDefinitionRequest {
  if (file === undefined) return taskDefinitionFromFlags(command, flags);
  const flagged = (Object.keys(TASK_DEFINITION_OPTIONS) as (keyof TaskDefinitionFlags)[]).filter((k) => flags[k] !== undefined);
  if (flagged.length > 0) throw new UsageError(`${command}: give a task definition file or --${flagged[0]} and the other container flags, not both`, usage);
  return taskDefinitionFromFile(file);
}

/** One container (`app`) with the flags' CPU units, MiB, static host ports, network mode and GPUs. */
function taskDefinitionFromFlags(command: string, flags: TaskDefinitionFlags): RegisterTaskDefinitionRequest {
  if (flags.memory === undefined) throw new InvalidParameterException(`${command}: give a task definition file or at least --memory <MiB> (and --cpu, --port as needed)`);
  const mode = flags['network-mode'] ?? 'bridge';
  if (!(NETWORK_MODES as readonly string[]).includes(mode)) throw new InvalidParameterException(`--network-mode must be one of ${NETWORK_MODES.join(', ')}; got '${mode}'`);
  const port = (text: string, name: string) => integerOption(text, name, 0, 1, 65535);
  // A bridge task reserves its hostPort, a host task its containerPort; awsvpc ports live on the task's ENI.
  const mapping = (p: number, protocol: 'tcp' | 'udp') => (mode === 'bridge' ? { containerPort: p, hostPort: p, protocol } : { containerPort: p, protocol });
  const portMappings = [
    ...(flags.port ?? []).map((p) => mapping(port(p, 'port'), 'tcp')),
    ...(flags['udp-port'] ?? []).map((p) => mapping(port(p, 'udp-port'), 'udp')),
  ];
  const gpus = integerOption(flags.gpu, 'gpu', 0, 0, 64);
  return {
    family: flags.family ?? 'cli-task',
    networkMode: mode as RegisterTaskDefinitionRequest['networkMode'],
    containerDefinitions: [
      {
        name: 'app',
        image: 'app',
        cpu: integerOption(flags.cpu, 'cpu', 0, 0, 10240),
        memory: integerOption(flags.memory, 'memory', 0, 4, 1_000_000),
        ...(portMappings.length > 0 ? { portMappings } : {}),
        ...(gpus > 0 ? { resourceRequirements: [{ type: 'GPU' as const, value: String(gpus) }] } : {}),
      },
    ],
  };
}

/**
 * RegisterTaskDefinition requests (EC2 launch type) that ECS accepts: one to a few containers
 * with cpu, hard and soft memory limits (`memory` > `memoryReservation` when both are given),
 * port mappings over TCP and UDP in every network mode (dynamic and static host ports in
 * bridge, the container port itself in host and awsvpc, none in none), GPU resource
 * requirements, optional task-level sizes, and memberOf placement constraints.
 */
import fc from 'fast-check';
import { parseCpuUnits, parseMemoryMiB } from '../resources/requirements.js';
import type { ContainerDefinition, NetworkMode, PortMapping, RegisterTaskDefinitionRequest } from '../shapes.js';
import { memberOfExpression } from './placement-constraints.js';
import { share } from './share.js';
import type { CqlVocabulary } from './vocabulary.js';

export interface TaskDefinitionOptions {
  /** Family names to draw from; default `web`, `api`, `worker`, `batch`. */
  readonly families?: readonly string[];
  /** Default: bridge (most often), host, awsvpc, none. */
  readonly networkModes?: readonly NetworkMode[];
  /** At most this many containers (ECS allows 10); default 3. */
  readonly maxContainers?: number;
  /** Share (0 to 1) of definitions asking for GPUs; default 0.1. */
  readonly gpuShare?: number;
  /** GPUs a definition asks for at most; default 2. */
  readonly maxGpus?: number;
  /** Static host ports are drawn from these (a small pool makes conflicts); default 80, 443, 8080, 8443, 53. */
  readonly hostPorts?: readonly number[];
  /** Whether containers map ports at all; default true. */
  readonly portMappings?: boolean;
  /** Share (0 to 1) of port mappings over UDP; default 0.25. */
  readonly udpShare?: number;
  /** Share (0 to 1) of definitions with task-level cpu and memory; default 0.3. */
  readonly taskLevelShare?: number;
  /** Share (0 to 1) of definitions with a memberOf constraint; default 0.15. */
  readonly placementConstraintShare?: number;
  /** What memberOf expressions mention; default `clusterVocabulary()`. */
  readonly vocabulary?: Partial<CqlVocabulary>;
}

const CONTAINER_PORTS = [80, 443, 3000, 8080, 9000];
const SIZES = [64, 128, 256, 512];
const CPUS = [0, 128, 256, 512, 1024];

interface MappingDraw {
  containerPort: number;
  host: 'dynamic' | 'omitted' | 'static';
  staticPort: number;
  udp: boolean;
}

interface ContainerDraw {
  cpu: number | undefined;
  memory: 'hard' | 'soft' | 'both' | 'none';
  size: number;
  extra: number;
  mappings: MappingDraw[];
  essential: boolean;
}

/** Port mappings as the network mode allows, each static (port, protocol) once per task. */
function mappingsFor(mode: NetworkMode, draws: readonly MappingDraw[], taken: Set<string>): PortMapping[] {
  if (mode === 'none') return [];
  const out: PortMapping[] = [];
  for (const d of draws) {
    const protocol = d.udp ? 'udp' as const : 'tcp' as const;
    let mapping: PortMapping;
    let staticPort: number | undefined;
    if (mode === 'bridge') {
      if (d.host === 'static') staticPort = d.staticPort;
      mapping = { containerPort: d.containerPort, ...(d.host === 'omitted' ? {} : { hostPort: staticPort ?? 0 }), protocol };
    } else if (mode === 'host') {
      // The container port is the host port: draw it from the pool so tasks can collide.
      staticPort = d.staticPort;
      mapping = { containerPort: staticPort, ...(d.host === 'static' ? { hostPort: staticPort } : d.host === 'dynamic' ? { hostPort: 0 } : {}), protocol };
    } else {
      mapping = { containerPort: d.containerPort, ...(d.host === 'static' ? { hostPort: d.containerPort } : {}), protocol };
    }
    if (staticPort !== undefined) {
      const key = `${staticPort}/${protocol}`;
      if (taken.has(key)) continue;
      taken.add(key);
    }
    out.push(mapping);
  }
  return out;
}

/**
 * A RegisterTaskDefinition request that ECS accepts for the EC2 launch type.
 *
 * @example
 * fc.assert(fc.property(taskDefinitionRequest({ networkModes: ['bridge'], hostPorts: [80] }), (request) => {
 *   const { taskDefinition } = sim.registerTaskDefinition(request);
 *   expect(taskDefinition.status).toBe('ACTIVE');
 * }));
 */
export function taskDefinitionRequest(options: TaskDefinitionOptions = {}): fc.Arbitrary<RegisterTaskDefinitionRequest> {
  const modes = options.networkModes ?? ['bridge', 'bridge', 'bridge', 'host', 'awsvpc', 'none'];
  const families = options.families ?? ['web', 'api', 'worker', 'batch'];
  const pool = options.hostPorts ?? [80, 443, 8080, 8443, 53];
  const maxContainers = options.maxContainers ?? 3;
  if (modes.length === 0 || families.length === 0 || pool.length === 0) throw new Error('taskDefinitionRequest: networkModes, families and hostPorts must not be empty');
  if (!(maxContainers >= 1 && maxContainers <= 10)) throw new Error(`taskDefinitionRequest: maxContainers must be 1 to 10; got ${maxContainers}`);
  const mapping: fc.Arbitrary<MappingDraw> = fc.record({
    containerPort: fc.constantFrom(...CONTAINER_PORTS),
    host: fc.constantFrom('dynamic', 'omitted', 'static'),
    staticPort: fc.constantFrom(...pool),
    udp: share(options.udpShare ?? 0.25),
  });
  const container: fc.Arbitrary<ContainerDraw> = fc.record({
    cpu: fc.option(fc.constantFrom(...CPUS), { nil: undefined }),
    memory: fc.constantFrom('hard', 'soft', 'both', 'none'),
    size: fc.constantFrom(...SIZES),
    extra: fc.constantFrom(64, 256),
    mappings: options.portMappings === false ? fc.constant([]) : fc.array(mapping, { maxLength: 2 }),
    essential: fc.boolean(),
  });
  return fc.record({
    family: fc.constantFrom(...families),
    mode: fc.constantFrom(...modes),
    containers: fc.array(container, { minLength: 1, maxLength: maxContainers }),
    gpu: share(options.gpuShare ?? 0.1),
    gpus: fc.integer({ min: 1, max: Math.max(1, options.maxGpus ?? 2) }),
    taskLevel: share(options.taskLevelShare ?? 0.3),
    taskCpu: fc.constantFrom('256', '512', '1024', '2048', '1 vCPU', '0.5 vCPU'),
    taskMemory: fc.constantFrom('512', '1024', '2048', '1 GB', '2GB'),
    requiresEc2: fc.boolean(),
    constrained: share(options.placementConstraintShare ?? 0.15),
    constraint: memberOfExpression({ maxDepth: 1, ...(options.vocabulary === undefined ? {} : { vocabulary: options.vocabulary }) }),
  }).map((r): RegisterTaskDefinitionRequest => {
    const taken = new Set<string>();
    const containers: ContainerDefinition[] = r.containers.map((c, i) => {
      // Without task-level memory every container needs a hard or soft limit.
      const memory = c.memory === 'none' && !r.taskLevel ? 'hard' : c.memory;
      return {
        name: `c${i}`,
        image: i === 0 ? 'nginx:1.17' : 'busybox',
        ...(c.cpu === undefined ? {} : { cpu: c.cpu }),
        ...(memory === 'hard' ? { memory: c.size } : memory === 'soft' ? { memoryReservation: c.size } : memory === 'both' ? { memory: c.size + c.extra, memoryReservation: c.size } : {}),
        portMappings: mappingsFor(r.mode, c.mappings, taken),
        // At least one container is essential: the first.
        essential: i === 0 || c.essential,
        ...(r.gpu && i === 0 ? { resourceRequirements: [{ type: 'GPU' as const, value: String(r.gpus) }] } : {}),
      };
    });
    let task: { cpu?: string; memory?: string } = {};
    if (r.taskLevel) {
      // Task-level sizes hold the containers: raise them when the drawn size is too small.
      const cpuSum = containers.reduce((n, c) => n + (c.cpu ?? 0), 0);
      const memoryNeed = Math.max(...containers.map((c) => c.memory ?? 0), containers.reduce((n, c) => n + (c.memoryReservation ?? 0), 0));
      task = {
        cpu: parseCpuUnits(r.taskCpu)! >= Math.max(cpuSum, 128) ? r.taskCpu : String(Math.max(cpuSum, 128)),
        memory: parseMemoryMiB(r.taskMemory)! >= memoryNeed ? r.taskMemory : String(memoryNeed),
      };
    }
    return {
      family: r.family,
      networkMode: r.mode,
      containerDefinitions: containers,
      ...task,
      ...(r.requiresEc2 ? { requiresCompatibilities: ['EC2' as const] } : {}),
      ...(!r.constrained ? {} : { placementConstraints: [{ type: 'memberOf' as const, expression: r.constraint }] }),
    };
  });
}

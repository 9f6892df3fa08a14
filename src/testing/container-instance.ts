/**
 * RegisterContainerInstance requests as an ECS agent sends them: an identity document (instance
 * id, type, AZ, AMI), the registered CPU, memory and agent-reserved ports of the type, GPUs as
 * `platformDevices` on GPU types, agent versions, capability and custom attributes.
 */
import fc from 'fast-check';
import type { Attribute, RegisterContainerInstanceRequest, Tag } from '../shapes.js';
import { INSTANCE_TYPES, instanceTypeSpec, type InstanceTypeSpec } from './instance-types.js';
import { share } from './share.js';

/** What the agent reserves on every instance (`ECS_RESERVED_PORTS` defaults). */
export const AGENT_RESERVED_PORTS: readonly string[] = ['22', '2375', '2376', '51678', '51679'];
/** Availability zones drawn by default (also what `clusterVocabulary` compares with). */
export const DEFAULT_AVAILABILITY_ZONES: readonly string[] = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
/** Agent versions drawn by default (also what `clusterVocabulary` compares with). */
export const DEFAULT_AGENT_VERSIONS: readonly string[] = ['1.29.0', '1.28.1', '1.14.5'];
/** The capability an instance needs for `awsvpc` tasks. */
export const TASK_ENI_CAPABILITY = 'ecs.capability.task-eni';

/** Custom attributes drawn by default: name → values (`null`: valueless). */
export const CUSTOM_ATTRIBUTES: ReadonlyMap<string, readonly (string | null)[]> = new Map<string, readonly (string | null)[]>([
  ['stack', ['prod', 'dev', 'staging']],
  ['team', ['web', 'data', 'ml']],
  ['rack', ['r1', 'r2', 'r3', 'r4']],
  ['ssd', [null]],
]);

export interface ContainerInstanceOptions {
  /** Put in the request's `cluster`; default: none (the request names no cluster). */
  readonly cluster?: string;
  /** Types to draw from (names from `INSTANCE_TYPES`, or full specs); default: all of `INSTANCE_TYPES`. */
  readonly instanceTypes?: readonly (string | InstanceTypeSpec)[];
  /** Default `us-east-1a`, `us-east-1b`, `us-east-1c`. */
  readonly availabilityZones?: readonly string[];
  /**
   * The share (0 to 1) of instances of a type with GPUs; default: types are drawn uniformly.
   * Falls back to whatever `instanceTypes` has when one kind is missing.
   */
  readonly gpuShare?: number;
  /** Custom attribute vocabulary: name → values (`null`: valueless); default `CUSTOM_ATTRIBUTES`. */
  readonly attributes?: ReadonlyMap<string, readonly (string | null)[]>;
  /** At most this many custom attributes per instance (ECS allows 10); default 3. */
  readonly maxCustomAttributes?: number;
  /** Share (0 to 1) of instances with `ecs.capability.task-eni`; default 0.75. */
  readonly taskEniShare?: number;
  /** Default `1.29.0`, `1.28.1`, `1.14.5`. */
  readonly agentVersions?: readonly string[];
  /** Whether some instances carry tags (which needs the long ARN format, the default); default true. */
  readonly tags?: boolean;
}

const TAGS: readonly Tag[][] = [[], [{ key: 'owner', value: 'platform' }], [{ key: 'cost-center', value: '42' }, { key: 'env', value: 'test' }]];

function typeArbitrary(types: readonly InstanceTypeSpec[], gpuShare: number | undefined): fc.Arbitrary<InstanceTypeSpec> {
  if (types.length === 0) throw new Error('containerInstanceRequest: instanceTypes is empty');
  const gpu = types.filter((t) => t.gpus > 0);
  const plain = types.filter((t) => t.gpus === 0);
  if (gpuShare === undefined || gpu.length === 0 || plain.length === 0) return fc.constantFrom(...types);
  return fc.tuple(share(gpuShare), fc.constantFrom(...plain), fc.constantFrom(...gpu)).map(([withGpu, p, g]) => (withGpu ? g : p));
}

/**
 * A RegisterContainerInstance request that ECS accepts.
 *
 * @example
 * fc.assert(fc.property(containerInstanceRequest({ cluster: 'prod', instanceTypes: ['m5.large', 'p3.2xlarge'], gpuShare: 0.25 }), (request) => {
 *   const sim = new EcsSimulator();
 *   sim.createCluster({ clusterName: 'prod' });
 *   expect(sim.registerContainerInstance(request).containerInstance?.status).toBe('ACTIVE');
 * }));
 */
export function containerInstanceRequest(options: ContainerInstanceOptions = {}): fc.Arbitrary<RegisterContainerInstanceRequest> {
  const types = (options.instanceTypes ?? INSTANCE_TYPES).map((t) => (typeof t === 'string' ? instanceTypeSpec(t) : t));
  const azs = options.availabilityZones ?? DEFAULT_AVAILABILITY_ZONES;
  if (azs.length === 0) throw new Error('containerInstanceRequest: availabilityZones is empty');
  const vocabulary = [...(options.attributes ?? CUSTOM_ATTRIBUTES)].filter(([, values]) => values.length > 0);
  const maxCustom = Math.min(options.maxCustomAttributes ?? 3, 10, vocabulary.length);
  const custom: fc.Arbitrary<Attribute[]> = maxCustom === 0 ? fc.constant([]) : fc.uniqueArray(
    fc.constantFrom(...vocabulary).chain(([name, values]) => fc.constantFrom(...values).map((value): Attribute => (value === null ? { name } : { name, value }))),
    { selector: (a) => a.name, maxLength: maxCustom },
  );
  return fc.record({
    type: typeArbitrary(types, options.gpuShare),
    az: fc.constantFrom(...azs),
    instanceNumber: fc.nat(),
    taskEni: share(options.taskEniShare ?? 0.75),
    custom,
    agentVersion: fc.constantFrom(...(options.agentVersions ?? DEFAULT_AGENT_VERSIONS)),
    tags: options.tags === false ? fc.constant<Tag[]>([]) : fc.constantFrom(...TAGS),
  }).map((r): RegisterContainerInstanceRequest => {
    const instanceId = `i-${r.instanceNumber.toString(16).padStart(17, '0')}`;
    const attributes: Attribute[] = [...(r.taskEni ? [{ name: TASK_ENI_CAPABILITY }] : []), ...r.custom];
    return {
      ...(options.cluster === undefined ? {} : { cluster: options.cluster }),
      instanceIdentityDocument: JSON.stringify({
        instanceId, instanceType: r.type.name, availabilityZone: r.az, imageId: 'ami-0123456789abcdef0',
        // The region is the AZ without its letter.
        region: r.az.replace(/[a-z]$/, ''), architecture: 'x86_64',
      }),
      totalResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: r.type.cpu },
        { name: 'MEMORY', type: 'INTEGER', integerValue: r.type.memory },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: [...AGENT_RESERVED_PORTS] },
        { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
      ],
      versionInfo: { agentVersion: r.agentVersion, agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' },
      attributes,
      ...(r.type.gpus === 0 ? {} : { platformDevices: Array.from({ length: r.type.gpus }, (_, g) => ({ id: `GPU-${instanceId}-${g}`, type: 'GPU' as const })) }),
      ...(r.tags.length === 0 ? {} : { tags: r.tags.map((t) => ({ ...t })) }),
    };
  });
}

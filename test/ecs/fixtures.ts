// Shared test fixtures for the ECS operations.
import { expect } from 'vitest';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import type { ContainerInstance } from '../../src/shapes.js';

export function identity(instanceId: string, instanceType = 'm5.large', availabilityZone = 'us-east-1a'): string {
  return JSON.stringify({ instanceId, instanceType, availabilityZone, imageId: 'ami-0123456789abcdef0', region: 'us-east-1', architecture: 'x86_64' });
}

export const RESOURCES = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 7681 },
  { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
  { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
];

/** A simulator with cluster `c`. */
export function simWithCluster(options: ConstructorParameters<typeof EcsSimulator>[0] = {}): EcsSimulator {
  const sim = new EcsSimulator({ seed: 7, ...options });
  sim.createCluster({ clusterName: 'c' });
  return sim;
}

/** Registers an instance in cluster `c`; returns its ARN. */
export function register(sim: EcsSimulator, n: number, extra: Record<string, unknown> = {}, principalArn?: string): string {
  const { containerInstance } = sim.registerContainerInstance(
    {
      cluster: 'c',
      instanceIdentityDocument: identity(`i-${String(n).padStart(17, '0')}`, (extra['instanceType'] as string | undefined) ?? 'm5.large'),
      totalResources: RESOURCES,
      versionInfo: { agentVersion: '1.29.0', agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' },
      ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'instanceType')),
    },
    principalArn === undefined ? undefined : { principalArn },
  );
  return containerInstance!.containerInstanceArn!;
}

/**
 * Asserts that `fn` throws an EcsError named `name` (or one of the names; with a message matching `message`) and that
 * the whole simulator state — instances, store, clock, everything in snapshot() — is unchanged.
 */
export function expectRejected(sim: EcsSimulator, fn: () => unknown, name: string | readonly string[], message?: RegExp): void {
  const before = sim.snapshot();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof Error)) throw new Error('the call should have been rejected');
  const names: readonly string[] = typeof name === 'string' ? [name] : name;
  if (!names.includes(error.name)) throw new Error(`expected ${names.join(' or ')} but got ${error.name}: ${error.message}`);
  if (message && !message.test(error.message)) throw new Error(`message ${JSON.stringify(error.message)} does not match ${message}`);
  expect(sim.snapshot()).toEqual(before);
}

/**
 * What a bad request member is answered with: SerializationException for a value of the wrong
 * JSON type, InvalidParameterException for a well-typed value that breaks a rule (src/model/README.md).
 */
export const BAD_INPUT = ['InvalidParameterException', 'SerializationException'] as const;

/** A c5.large in us-east-1a registering with agent 1.20.0 (too old for trunking) unless `agentVersion` says otherwise. */
export function registerC5Large(sim: EcsSimulator, instanceId = 'i-1', cluster = 'c', agentVersion = '1.20.0'): ContainerInstance {
  return sim.registerContainerInstance({
    cluster,
    instanceIdentityDocument: JSON.stringify({ instanceId, instanceType: 'c5.large', availabilityZone: 'us-east-1a', imageId: 'ami-1' }),
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 3705 },
    ],
    versionInfo: { agentVersion },
  }).containerInstance!;
}

/** DescribeContainerInstances of one instance. */
export function describeOne(sim: EcsSimulator, arn: string, cluster = 'c'): ContainerInstance {
  return sim.describeContainerInstances({ cluster, containerInstances: [arn] }).containerInstances![0]!;
}

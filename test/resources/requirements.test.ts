import type { TaskDefinition as SdkTaskDefinition } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { parseCpuUnits, parseMemoryMiB, requirementsOf } from '../../src/resources/requirements.js';
import type { TaskDefinitionResources } from '../../src/resources/types.js';

describe('parseCpuUnits / parseMemoryMiB', () => {
  it('reads CPU units and vCPUs (1 vCPU = 1024 units)', () => {
    expect(parseCpuUnits('1024')).toBe(1024);
    expect(parseCpuUnits(' 256 ')).toBe(256);
    expect(parseCpuUnits('1 vCPU')).toBe(1024);
    expect(parseCpuUnits('2 vcpu')).toBe(2048);
    expect(parseCpuUnits('4vCPU')).toBe(4096);
    expect(parseCpuUnits('0.25 vCPU')).toBe(256);
    expect(parseCpuUnits('0.5 vCPUs')).toBe(512);
  });

  it('refuses other text and fractions of a unit', () => {
    for (const text of ['', 'abc', '-1', '1e3', '1.5', '1.1 vCPU', '1 cpu', '1 GB']) expect(parseCpuUnits(text)).toBeNull();
  });

  it('reads MiB and GB (1 GB = 1024 MiB)', () => {
    expect(parseMemoryMiB('2048')).toBe(2048);
    expect(parseMemoryMiB('2 GB')).toBe(2048);
    expect(parseMemoryMiB('2GB')).toBe(2048);
    expect(parseMemoryMiB('1 gb')).toBe(1024);
    expect(parseMemoryMiB('0.5 GB')).toBe(512);
    for (const text of ['', 'abc', '1 MB', '1 MiB', '-5', '1.0001 GB', '2 vCPU']) expect(parseMemoryMiB(text)).toBeNull();
  });
});

describe('requirementsOf', () => {
  const web = (over: Partial<TaskDefinitionResources> = {}): TaskDefinitionResources => ({
    containerDefinitions: [
      { cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 0 }, { containerPort: 82 }] },
      { cpu: 128, memory: 1024, memoryReservation: 256, portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }, { containerPort: 22, hostPort: 2222, protocol: 'tcp' }] },
    ],
    ...over,
  });

  it('bridge (the default): container sums, memoryReservation before memory, non-zero host ports per protocol', () => {
    expect(requirementsOf(web())).toEqual({ cpu: 384, memory: 768, tcpPorts: [2222, 8080], udpPorts: [53], gpus: 0, eni: false, attributes: [] });
    expect(requirementsOf(web({ networkMode: 'bridge' }))).toEqual(requirementsOf(web()));
  });

  it('task-level cpu and memory, when given, are what the task reserves (either notation)', () => {
    const r = requirementsOf(web({ cpu: '1 vCPU', memory: '2 GB' }));
    expect([r.cpu, r.memory]).toEqual([1024, 2048]);
    expect([requirementsOf(web({ cpu: '512' })).cpu, requirementsOf(web({ memory: '4096' })).memory]).toEqual([512, 4096]);
  });

  it('a container without cpu reserves 0 units; without memory settings, 0 MiB', () => {
    expect(requirementsOf({ containerDefinitions: [{}, { cpu: 10 }] })).toMatchObject({ cpu: 10, memory: 0 });
    expect(requirementsOf({})).toMatchObject({ cpu: 0, memory: 0, tcpPorts: [], gpus: 0 });
  });

  it('host: each containerPort is a static host port', () => {
    const r = requirementsOf({ networkMode: 'host', containerDefinitions: [{ portMappings: [{ containerPort: 80 }, { containerPort: 443, hostPort: 443 }, { containerPort: 514, protocol: 'udp' }] }] });
    expect([r.tcpPorts, r.udpPorts, r.eni]).toEqual([[80, 443], [514], false]);
  });

  it('awsvpc: no host ports, one ENI, needs ecs.capability.task-eni', () => {
    const r = requirementsOf(web({ networkMode: 'awsvpc' }));
    expect(r).toEqual({ cpu: 384, memory: 768, tcpPorts: [], udpPorts: [], gpus: 0, eni: true, attributes: ['ecs.capability.task-eni'] });
  });

  it('none: no ports, no ENI', () => {
    expect(requirementsOf({ networkMode: 'none', containerDefinitions: [{ memory: 64 }] })).toEqual({ cpu: 0, memory: 64, tcpPorts: [], udpPorts: [], gpus: 0, eni: false, attributes: [] });
  });

  it('sums GPUs over containers; other resource types are not GPUs', () => {
    const r = requirementsOf({
      containerDefinitions: [
        { memory: 1, resourceRequirements: [{ type: 'GPU', value: '2' }] },
        { memory: 1, resourceRequirements: [{ type: 'GPU', value: '1' }, { type: 'InferenceAccelerator', value: 'device_1' }] },
        { memory: 1 },
      ],
    });
    expect(r.gpus).toBe(3);
  });

  it('reserves a host port mapped twice in one task once', () => {
    const r = requirementsOf({ containerDefinitions: [{ portMappings: [{ containerPort: 1, hostPort: 80 }] }, { portMappings: [{ containerPort: 2, hostPort: 80 }] }] });
    expect(r.tcpPorts).toEqual([80]);
  });

  it('returns a frozen value', () => {
    const r = requirementsOf(web());
    expect(Object.isFrozen(r) && Object.isFrozen(r.tcpPorts) && Object.isFrozen(r.attributes)).toBe(true);
  });

  it('throws a TypeError for task-level sizes that are not CPU units / MiB', () => {
    expect(() => requirementsOf({ cpu: 'lots' })).toThrow(TypeError);
    expect(() => requirementsOf({ memory: '1 TB' })).toThrow(TypeError);
  });

  it('takes a task definition as RegisterTaskDefinition returns it, and as the AWS SDK types it', () => {
    const sim = new EcsSimulator();
    const { taskDefinition } = sim.registerTaskDefinition({
      family: 'web',
      networkMode: 'host',
      cpu: '0.5 vCPU',
      containerDefinitions: [{ name: 'a', image: 'nginx', memoryReservation: 300, portMappings: [{ containerPort: 80 }] }],
    });
    expect(requirementsOf(taskDefinition!)).toEqual({ cpu: 512, memory: 300, tcpPorts: [80], udpPorts: [], gpus: 0, eni: false, attributes: [] });
    const fromSdk: SdkTaskDefinition = { networkMode: 'awsvpc', containerDefinitions: [{ name: 'x', memory: 128, resourceRequirements: [{ type: 'GPU', value: '1' }] }] };
    expect(requirementsOf(fromSdk)).toMatchObject({ memory: 128, gpus: 1, eni: true });
  });
});

// The cluster generator: deterministic, distributions in the documented ranges, every instance
// and task definition acceptable to the API, and tasks consistent with the instances' resources.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/cql/index.js';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { eniTaskLimit } from '../../src/resources/eni-limits.js';
import { requirementsOf } from '../../src/resources/requirements.js';
import {
  generateCluster,
  writeCluster,
  type GeneratedCluster,
  type GeneratedContainerInstance,
  type GenerateClusterOptions,
  type ResourceJson,
} from '../../src/sim/cluster-generator.js';
import { INSTANCE_TYPES, INSTANCE_TYPES_BY_NAME, registeredMemoryMiB, type InstanceTypeInfo } from '../../src/sim/instance-types.js';

const attr = (i: GeneratedContainerInstance, name: string) => i.attributes.find((a) => a.name === name)?.value;
const has = (i: GeneratedContainerInstance, name: string) => i.attributes.some((a) => a.name === name);
const int = (list: readonly ResourceJson[], name: string) => list.find((r) => r.name === name)?.integerValue;
const set = (list: readonly ResourceJson[], name: string) => list.find((r) => r.name === name)?.stringSetValue ?? [];
const share = (n: number, of: number) => n / of;

function text(options: GenerateClusterOptions, indent = 0): string {
  let out = '';
  writeCluster(options, (chunk) => { out += chunk; }, indent);
  return out;
}

// One big cluster for the distribution checks (generated once: ~0.5 s).
const BIG = 4000;
const big = generateCluster({ instances: BIG, seed: 11 });

describe('determinism', () => {
  it('the same options give byte-identical JSON; writeCluster streams exactly that text', () => {
    const options = { instances: 300, seed: 42 };
    const a = JSON.stringify(generateCluster(options));
    expect(JSON.stringify(generateCluster({ ...options }))).toBe(a);
    expect(text(options)).toBe(a);
    expect(text(options, 2)).toBe(JSON.stringify(generateCluster(options), null, 2));
    const compact = { ...options, compact: true };
    expect(text(compact)).toBe(JSON.stringify(generateCluster(compact)));
  });

  it('a different seed, region, account or cluster gives a different cluster', () => {
    const base = { instances: 100, seed: 1 };
    const a = generateCluster(base);
    const b = generateCluster({ ...base, seed: 2 });
    expect(b.containerInstances.map((i) => i.containerInstanceArn)).not.toEqual(a.containerInstances.map((i) => i.containerInstanceArn));
    expect(JSON.stringify(b.containerInstances.map((i) => i.attributes))).not.toBe(JSON.stringify(a.containerInstances.map((i) => i.attributes)));
    const elsewhere = generateCluster({ ...base, region: 'eu-west-1', accountId: '111122223333', cluster: 'prod' });
    for (const i of elsewhere.containerInstances) {
      expect(i.containerInstanceArn).toMatch(/^arn:aws:ecs:eu-west-1:111122223333:container-instance\/prod\/[0-9a-f]{32}$/);
      expect(attr(i, 'ecs.availability-zone')).toMatch(/^eu-west-1[abc]$/);
    }
    for (const t of elsewhere.tasks) expect(t.taskArn).toMatch(/^arn:aws:ecs:eu-west-1:111122223333:task\/prod\/[0-9a-f]{32}$/);
  });

  it('records its resolved options, so a file says how to regenerate it', () => {
    const c = generateCluster({ instances: 3, seed: 9 });
    expect(c.generatedBy).toEqual({
      generator: 'ecs-cluster-sim/generateCluster@1',
      options: { instances: 3, seed: 9, region: 'us-east-1', accountId: '123456789012', cluster: 'sample', at: '2019-06-06T00:00:00.000Z', utilization: 0.6, compact: false },
    });
    expect(JSON.stringify(generateCluster(c.generatedBy.options))).toBe(JSON.stringify(c));
  });

  it('ids are unique across many instances (each instance draws from its own stream)', () => {
    const c = generateCluster({ instances: 12_000, seed: 3, compact: true });
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(c.containerInstances.map((i) => i.containerInstanceArn))).toBe(true);
    expect(unique(c.containerInstances.map((i) => i.ec2InstanceId))).toBe(true);
    expect(unique(c.tasks.map((t) => t.taskArn))).toBe(true);
    expect(unique(c.containerInstances.flatMap((i) => i.platformDevices?.map((d) => d.id) ?? []))).toBe(true);
  });

  it('rejects bad options', () => {
    for (const bad of [
      { instances: -1, seed: 1 }, { instances: 1.5, seed: 1 }, { instances: 1_000_001, seed: 1 }, { instances: 1, seed: 0.5 },
      { instances: 1, seed: 1, region: 'moon' }, { instances: 1, seed: 1, accountId: '12' }, { instances: 1, seed: 1, cluster: 'a b' },
      { instances: 1, seed: 1, at: 'soon' }, { instances: 1, seed: 1, utilization: 0.95 },
    ]) {
      expect(() => generateCluster(bad as GenerateClusterOptions), JSON.stringify(bad)).toThrow(RangeError);
    }
    expect(generateCluster({ instances: 0, seed: 1 }).containerInstances).toEqual([]);
  });
});

describe('distributions (4,000 instances) stay in the documented ranges', () => {
  const instances = big.containerInstances;
  const active = instances.filter((i) => i.status === 'ACTIVE');

  it('AZs: three, each 28–39%', () => {
    const counts = new Map<string, number>();
    for (const i of instances) counts.set(attr(i, 'ecs.availability-zone')!, (counts.get(attr(i, 'ecs.availability-zone')!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    for (const n of counts.values()) expect(share(n, BIG)).toBeGreaterThan(0.28), expect(share(n, BIG)).toBeLessThan(0.39);
  });

  it('instance types: every catalogue type appears, m5 the most common family, ~2% GPU, ~2% arm64', () => {
    const types = new Map<string, number>();
    for (const i of instances) types.set(attr(i, 'ecs.instance-type')!, (types.get(attr(i, 'ecs.instance-type')!) ?? 0) + 1);
    expect([...types.keys()].sort()).toEqual(INSTANCE_TYPES.map((t) => t.name).sort());
    const family = (f: string) => [...types].filter(([t]) => t.startsWith(`${f}.`)).reduce((n, [, c]) => n + c, 0);
    for (const f of ['t2', 't3', 'm4', 'c4', 'c5', 'r4', 'r5', 'a1']) expect(family('m5')).toBeGreaterThan(family(f));
    const gpu = instances.filter((i) => i.platformDevices !== undefined).length;
    expect(share(gpu, BIG)).toBeGreaterThan(0.01);
    expect(share(gpu, BIG)).toBeLessThan(0.03);
    const arm = instances.filter((i) => attr(i, 'ecs.cpu-architecture') === 'arm64').length;
    expect(share(arm, BIG)).toBeGreaterThan(0.005);
    expect(share(arm, BIG)).toBeLessThan(0.04);
  });

  it('statuses: ACTIVE 90–97%, DRAINING 2–6%, the transitional ones under 1.5% together, never INACTIVE; ~2% agents disconnected', () => {
    const count = (s: string) => instances.filter((i) => i.status === s).length;
    expect(share(count('ACTIVE'), BIG)).toBeGreaterThan(0.9);
    expect(share(count('ACTIVE'), BIG)).toBeLessThan(0.97);
    expect(share(count('DRAINING'), BIG)).toBeGreaterThan(0.02);
    expect(share(count('DRAINING'), BIG)).toBeLessThan(0.06);
    const transitional = count('REGISTERING') + count('REGISTRATION_FAILED') + count('DEREGISTERING');
    expect(transitional).toBeGreaterThan(0);
    expect(share(transitional, BIG)).toBeLessThan(0.015);
    expect(count('INACTIVE')).toBe(0);
    expect(count('ACTIVE') + count('DRAINING') + transitional).toBe(BIG);
    const disconnected = instances.filter((i) => !i.agentConnected).length;
    expect(share(disconnected, BIG)).toBeGreaterThan(0.005);
    expect(share(disconnected, BIG)).toBeLessThan(0.04);
    for (const i of instances.filter((x) => x.status === 'REGISTRATION_FAILED')) expect(i.statusReason).toMatch(/^Unexpected EC2 error while attempting to Create Network Interface in subnet 'subnet-[0-9a-f]{17}': InvalidParameterValue$/);
  });

  it('agent versions: at least 8 releases from 1.14.5 to 1.29.0, the newest the most common', () => {
    const versions = new Map<string, number>();
    for (const i of instances) versions.set(i.versionInfo.agentVersion, (versions.get(i.versionInfo.agentVersion) ?? 0) + 1);
    expect(versions.size).toBeGreaterThanOrEqual(8);
    expect(versions.has('1.14.5') && versions.has('1.29.0')).toBe(true);
    const top = [...versions].sort((a, b) => b[1] - a[1])[0]![0];
    expect(['1.29.0', '1.28.1']).toContain(top);
    // (Instances updated in place keep their older AMI's Docker.)
    for (const i of instances.filter((x) => x.versionInfo.agentVersion === '1.29.0' && x.agentUpdateStatus === undefined)) expect(i.versionInfo).toMatchObject({ agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' });
  });

  it('custom attributes: stack prod 65–75% / staging 15–25% / dev 6–14%, team on 80–90%', () => {
    const stack = (s: string) => instances.filter((i) => attr(i, 'stack') === s).length;
    expect(share(stack('prod'), BIG)).toBeGreaterThan(0.65);
    expect(share(stack('prod'), BIG)).toBeLessThan(0.75);
    expect(share(stack('staging'), BIG)).toBeGreaterThan(0.15);
    expect(share(stack('staging'), BIG)).toBeLessThan(0.25);
    expect(share(stack('dev'), BIG)).toBeGreaterThan(0.06);
    expect(share(stack('dev'), BIG)).toBeLessThan(0.14);
    const teams = instances.filter((i) => has(i, 'team')).length;
    expect(share(teams, BIG)).toBeGreaterThan(0.8);
    expect(share(teams, BIG)).toBeLessThan(0.9);
  });

  it('capability flags grow with the agent: valueless flags, task-eni from 1.15, trunking from 1.28.1, cni-plugin-version with a value', () => {
    for (const i of instances) {
      const v = i.versionInfo.agentVersion;
      expect(has(i, 'com.amazonaws.ecs.capability.docker-remote-api.1.17')).toBe(true);
      expect(i.attributes.find((a) => a.name === 'com.amazonaws.ecs.capability.ecr-auth')).toEqual({ name: 'com.amazonaws.ecs.capability.ecr-auth' });
      expect(has(i, 'ecs.capability.task-eni')).toBe(v !== '1.14.5');
      expect(has(i, 'ecs.capability.task-eni-trunking')).toBe(v === '1.28.1' || v === '1.29.0');
      expect(attr(i, 'ecs.capability.cni-plugin-version') === undefined).toBe(v === '1.14.5');
      for (const name of ['ecs.ami-id', 'ecs.availability-zone', 'ecs.instance-type', 'ecs.os-type', 'ecs.cpu-architecture', 'ecs.vpc-id', 'ecs.subnet-id']) expect(attr(i, name), name).toBeDefined();
    }
  });

  it('trunking: 50–70% of the trunk-capable instances (c5, m5, r5, p3 with agent ≥ 1.28.1) have a trunk ENI, no other does', () => {
    const capable = instances.filter((i) => ['c5', 'm5', 'r5', 'p3'].includes(attr(i, 'ecs.instance-type')!.split('.')[0]!) && ['1.28.1', '1.29.0'].includes(i.versionInfo.agentVersion));
    const trunked = instances.filter((i) => has(i, 'ecs.awsvpc-trunk-id'));
    expect(trunked.every((i) => capable.includes(i))).toBe(true);
    const steady = capable.filter((i) => i.status === 'ACTIVE' || i.status === 'DRAINING');
    expect(share(steady.filter((i) => has(i, 'ecs.awsvpc-trunk-id')).length, steady.length)).toBeGreaterThan(0.5);
    expect(share(steady.filter((i) => has(i, 'ecs.awsvpc-trunk-id')).length, steady.length)).toBeLessThan(0.7);
    for (const i of trunked) {
      expect(i.attachments).toHaveLength(1);
      expect(i.attachments[0]!.details).toContainEqual({ name: 'networkInterfaceId', value: attr(i, 'ecs.awsvpc-trunk-id') });
    }
  });

  it(`utilisation: ACTIVE instances reserve on average utilization −0.12…+0.03 of their binding resource; 0.5–3% of tasks PENDING`, () => {
    for (const u of [0.6, 0.3]) {
      const c = u === 0.6 ? big : generateCluster({ instances: 1500, seed: 5, utilization: u });
      const xs = c.containerInstances.filter((i) => i.status === 'ACTIVE');
      const mean = xs.reduce((n, i) => n + Math.max(
        1 - int(i.remainingResources, 'CPU')! / int(i.registeredResources, 'CPU')!,
        1 - int(i.remainingResources, 'MEMORY')! / int(i.registeredResources, 'MEMORY')!,
      ), 0) / xs.length;
      expect(mean, `utilization ${u}`).toBeGreaterThan(u - 0.12);
      expect(mean, `utilization ${u}`).toBeLessThan(u + 0.03);
    }
    const pending = big.tasks.filter((t) => t.lastStatus === 'PENDING').length;
    expect(share(pending, big.tasks.length)).toBeGreaterThan(0.005);
    expect(share(pending, big.tasks.length)).toBeLessThan(0.03);
    expect(active.length).toBeGreaterThan(0);
  });
});

describe('registered resources are what the agent registers', () => {
  it('CPU is 1024 per vCPU, MEMORY the rule of registeredMemoryMiB (below nominal), the agent\'s five TCP ports, GPUs as a count', () => {
    for (const i of big.containerInstances) {
      const t = INSTANCE_TYPES_BY_NAME.get(attr(i, 'ecs.instance-type')!)!;
      expect(int(i.registeredResources, 'CPU')).toBe(t.vcpus * 1024);
      expect(int(i.registeredResources, 'MEMORY')).toBe(registeredMemoryMiB(t));
      expect(registeredMemoryMiB(t)).toBeLessThan(t.memoryMiB);
      expect(registeredMemoryMiB(t)).toBeGreaterThan(t.memoryMiB * 0.9);
      expect(set(i.registeredResources, 'PORTS')).toEqual(['22', '2376', '2375', '51678', '51679']);
      expect(int(i.registeredResources, 'GPU')).toBe(t.gpus > 0 ? t.gpus : undefined);
      expect(i.platformDevices?.length).toBe(t.gpus > 0 ? t.gpus : undefined);
    }
  });

  it('the memory rule reproduces published registrations (a table of ECS registrations, and AWS\'s c5.large example)', () => {
    const xen = (name: string, vcpus: number, gib: number): InstanceTypeInfo => ({ name, vcpus, memoryMiB: gib * 1024, gpus: 0, hypervisor: 'xen', architecture: 'x86_64', weight: 1 });
    const published: [InstanceTypeInfo, number][] = [
      [xen('t2.micro', 1, 1), 993], [xen('t2.small', 1, 2), 2001], [xen('t2.medium', 2, 4), 3952], [xen('t2.2xlarge', 8, 32), 32176],
      [xen('m4.large', 2, 8), 7984], [xen('m4.4xlarge', 16, 64), 64417], [xen('m4.10xlarge', 40, 160), 161185],
      [xen('c4.large', 2, 3.75), 3765], [xen('c4.4xlarge', 16, 30), 30145], [xen('r4.large', 2, 15.25), 15292], [xen('r4.16xlarge', 64, 488), 491809],
      [INSTANCE_TYPES_BY_NAME.get('c5.large')!, 3705],
    ];
    for (const [t, mib] of published) expect(registeredMemoryMiB(t), t.name).toBe(mib);
  });
});

describe('every generated instance and task definition is valid under the API', () => {
  const c = generateCluster({ instances: 300, seed: 23 });

  it('RegisterContainerInstance accepts each instance (identity document, resources, attributes, versions, GPUs) and describes its attributes back', () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'sample' });
    for (const i of c.containerInstances) {
      const { containerInstance } = sim.registerContainerInstance({
        cluster: 'sample',
        instanceIdentityDocument: JSON.stringify({
          instanceId: i.ec2InstanceId, instanceType: attr(i, 'ecs.instance-type'), availabilityZone: attr(i, 'ecs.availability-zone'),
          imageId: attr(i, 'ecs.ami-id'), architecture: attr(i, 'ecs.cpu-architecture'), region: 'us-east-1',
        }),
        totalResources: i.registeredResources as never,
        versionInfo: i.versionInfo,
        attributes: i.attributes,
        ...(i.platformDevices ? { platformDevices: i.platformDevices } : {}),
      });
      const byName = (xs: { name?: string; value?: string }[]) => [...xs].map((a) => `${a.name}=${a.value ?? ''}`).sort();
      expect(byName(containerInstance!.attributes!)).toEqual(byName(i.attributes));
      expect(containerInstance!.registeredResources).toEqual(i.registeredResources);
    }
  });

  it('RegisterTaskDefinition answers each task definition as the file has it (but for the revision)', () => {
    const sim = new EcsSimulator({ seed: 1 });
    for (const td of c.taskDefinitions) {
      const { taskDefinition } = sim.registerTaskDefinition(td as never);
      expect({ ...taskDefinition, taskDefinitionArn: td.taskDefinitionArn, revision: td.revision }).toEqual(td);
    }
  });
});

describe('tasks agree with the instances they run on', () => {
  function check(c: GeneratedCluster): void {
    const tds = new Map(c.taskDefinitions.map((td) => [td.taskDefinitionArn, td]));
    const byInstance = new Map<string, GeneratedCluster['tasks']>();
    for (const t of c.tasks) byInstance.set(t.containerInstanceArn, [...(byInstance.get(t.containerInstanceArn) ?? []), t]);
    const services = new Map(c.services.map((s) => [s.serviceName, { s, running: 0, pending: 0 }]));
    for (const i of c.containerInstances) {
      const tasks = byInstance.get(i.containerInstanceArn) ?? [];
      const reqs = tasks.map((t) => requirementsOf(tds.get(t.taskDefinitionArn)! as never));
      const t = INSTANCE_TYPES_BY_NAME.get(attr(i, 'ecs.instance-type')!)!;
      const where = i.containerInstanceArn;
      expect(int(i.remainingResources, 'CPU'), where).toBe(int(i.registeredResources, 'CPU')! - reqs.reduce((n, r) => n + r.cpu, 0));
      expect(int(i.remainingResources, 'MEMORY'), where).toBe(int(i.registeredResources, 'MEMORY')! - reqs.reduce((n, r) => n + r.memory, 0));
      const tcp = [22, 2375, 2376, 51678, 51679, ...reqs.flatMap((r) => r.tcpPorts)];
      const udp = reqs.flatMap((r) => r.udpPorts);
      expect(new Set(tcp).size, where).toBe(tcp.length);
      expect(new Set(udp).size, where).toBe(udp.length);
      expect(tcp.length + udp.length).toBeLessThanOrEqual(100);
      expect(set(i.remainingResources, 'PORTS')).toEqual(tcp.sort((a, b) => a - b).map(String));
      expect(set(i.remainingResources, 'PORTS_UDP')).toEqual(udp.sort((a, b) => a - b).map(String));
      const gpus = tasks.flatMap((x) => x.containers.flatMap((k) => k.gpuIds ?? []));
      expect(gpus.length).toBe(reqs.reduce((n, r) => n + r.gpus, 0));
      expect(new Set(gpus).size).toBe(gpus.length);
      for (const g of gpus) expect(i.platformDevices!.map((d) => d.id)).toContain(g);
      if (t.gpus > 0) expect(int(i.remainingResources, 'GPU')).toBe(t.gpus - gpus.length);
      const enis = reqs.filter((r) => r.eni).length;
      expect(enis).toBeLessThanOrEqual(eniTaskLimit(t.name, has(i, 'ecs.awsvpc-trunk-id')));
      if (enis > 0) expect(has(i, 'ecs.capability.task-eni')).toBe(true);
      expect(i.runningTasksCount).toBe(tasks.filter((x) => x.lastStatus === 'RUNNING').length);
      expect(i.pendingTasksCount).toBe(tasks.filter((x) => x.lastStatus === 'PENDING').length);
      if (i.status !== 'ACTIVE' && i.status !== 'DRAINING') expect(tasks).toEqual([]);
      if (i.status === 'DRAINING') expect(tasks.every((x) => !x.group.startsWith('service:'))).toBe(true);
      for (const task of tasks) {
        expect(task.createdAt).toBeGreaterThan(i.registeredAt);
        const service = task.group.startsWith('service:') ? services.get(task.group.slice(8)) : undefined;
        if (service === undefined) continue;
        if (task.lastStatus === 'PENDING') service.pending++;
        else service.running++;
        // The service's constraints hold where its tasks run.
        for (const constraint of service.s.placementConstraints) {
          if (constraint.type === 'memberOf') expect(compileFilter(constraint.expression!).matches(i as never, { taskGroups: [] }), constraint.expression).toBe(true);
          else expect(tasks.filter((x) => x.group === task.group)).toHaveLength(1);
        }
      }
    }
    for (const { s, running, pending } of services.values()) {
      expect([s.runningCount, s.pendingCount, s.desiredCount], s.serviceName).toEqual([running, pending, running + pending]);
    }
  }

  it('resources, ports, GPUs, ENIs, counts, constraints and service counts (full and compact output)', () => {
    check(generateCluster({ instances: 600, seed: 31 }));
    check(generateCluster({ instances: 600, seed: 31, compact: true, utilization: 0.85 }));
  });
});

describe('compact output', () => {
  it('leaves out only the documented members', () => {
    const full = generateCluster({ instances: 200, seed: 4 });
    const compact = generateCluster({ instances: 200, seed: 4, compact: true });
    const dropped = /^com\.amazonaws\.ecs\.capability\.(docker-remote-api|logging-driver)\./;
    const fill = (r: ResourceJson) => ({ ...r, doubleValue: 0, longValue: 0, integerValue: r.integerValue ?? 0 });
    full.containerInstances.forEach((f, n) => {
      const c = compact.containerInstances[n]!;
      expect(c.attributes).toEqual(f.attributes.filter((a) => !dropped.test(a.name!)));
      expect(c.registeredResources.map(fill)).toEqual(f.registeredResources);
      expect(c.remainingResources.map(fill)).toEqual(f.remainingResources);
      expect({ ...c, attributes: [], registeredResources: [], remainingResources: [] }).toEqual({ ...f, attributes: [], registeredResources: [], remainingResources: [] });
    });
    full.tasks.forEach((f, n) => {
      const c = compact.tasks[n]!;
      const { clusterArn, containers, ...rest } = f;
      expect(clusterArn).toBeDefined();
      expect(c).toEqual({ ...rest, containers: containers.map(({ lastStatus, networkBindings, ...k }) => ({ ...k, ...(networkBindings!.length > 0 ? { networkBindings } : {}) })) });
    });
    expect(compact.taskDefinitions).toEqual(full.taskDefinitions);
    expect(compact.services).toEqual(full.services);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length * 0.75);
  });
});

// Loading a cluster as the ECS API describes it (EcsSimulator.fromDescribeOutput): generated
// dumps with tasks, task definitions and services; real-style dumps without tasks; bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED, clusterText } from '../../../datasets/generate.js';
import { loadDescribeOutput } from '../../../src/ecs/state/describe-output.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { generateCluster, resolveOptions, type GeneratedCluster } from '../../../src/sim/cluster-generator.js';
import { checkInvariants, invariantViolations } from '../../../src/testing/invariants.js';
import { expectRejected } from '../fixtures.js';

/** What DescribeContainerInstances answers, as JSON with epoch-second timestamps (as a dump has them). */
function describedAsDumped(sim: EcsSimulator, cluster: string, arns: string[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    for (const d of sim.describeContainerInstances({ cluster, containerInstances: arns.slice(i, i + 100) }).containerInstances!) {
      out.push(JSON.parse(JSON.stringify({ ...d, registeredAt: d.registeredAt!.getTime() / 1000 })));
    }
  }
  return out;
}

const withoutDevices = (c: GeneratedCluster) => c.containerInstances.map(({ platformDevices: _, ...rest }) => rest);

describe('a generated cluster loads as it was generated', () => {
  const generated = generateCluster({ instances: 400, seed: 17 });
  const sim = EcsSimulator.fromDescribeOutput(JSON.parse(JSON.stringify(generated)));
  const arns = generated.containerInstances.map((i) => i.containerInstanceArn);

  it('every instance describes exactly as the JSON (remainingResources included), and nothing is unattributed', () => {
    expect(describedAsDumped(sim, 'sample', arns)).toEqual(withoutDevices(generated));
    const cluster = sim.state.clusters.get('sample')!;
    expect([...cluster.instances.values()].filter((r) => r.unattributed !== undefined)).toEqual([]);
    for (const i of generated.containerInstances.filter((x) => x.platformDevices)) {
      expect(cluster.instances.get(i.containerInstanceArn)!.platformDevices).toEqual(i.platformDevices);
    }
  });

  it('the accountant, store and records agree with the tasks (the invariants), through snapshot and fork too', () => {
    checkInvariants(sim);
    checkInvariants(EcsSimulator.restore(JSON.parse(JSON.stringify(sim.snapshot()))));
    checkInvariants(sim.fork());
  });

  it('tasks describe as listed, holding the GPUs they name; task:group filters see them', () => {
    const byArn = new Map(generated.tasks.map((t) => [t.taskArn, t]));
    const arnsOfTasks = [...byArn.keys()];
    for (let i = 0; i < arnsOfTasks.length; i += 100) {
      const { tasks, failures } = sim.describeTasks({ cluster: 'sample', tasks: arnsOfTasks.slice(i, i + 100) });
      expect(failures).toEqual([]);
      for (const t of tasks!) {
        const want = byArn.get(t.taskArn!)!;
        expect({ ...t, createdAt: t.createdAt!.getTime() / 1000, startedAt: t.startedAt && t.startedAt.getTime() / 1000 }).toMatchObject({
          taskArn: want.taskArn, clusterArn: want.clusterArn, taskDefinitionArn: want.taskDefinitionArn, containerInstanceArn: want.containerInstanceArn,
          lastStatus: want.lastStatus, desiredStatus: want.desiredStatus, group: want.group, startedBy: want.startedBy, version: want.version,
          createdAt: want.createdAt, startedAt: want.startedAt, launchType: 'EC2',
        });
      }
    }
    const cluster = sim.state.clusters.get('sample')!;
    for (const t of generated.tasks.filter((x) => x.containers[0]!.gpuIds)) {
      expect(cluster.tasks.get(t.taskArn)!.reservation.gpuIds).toEqual(t.containers[0]!.gpuIds);
    }
    for (const group of ['service:web', 'database', 'family:batch-etl']) {
      const want = [...new Set(generated.tasks.filter((t) => t.group === group).map((t) => t.containerInstanceArn))];
      expect(want.length, group).toBeGreaterThan(0);
      const got = sim.query(`task:group == ${group}`, { cluster: 'sample', status: ['ACTIVE', 'DRAINING', 'REGISTERING', 'REGISTRATION_FAILED', 'DEREGISTERING', 'INACTIVE'] });
      expect(new Set(got)).toEqual(new Set(want));
    }
  });

  it('task definitions are registered at their revisions; services describe with their counts and the scheduler keeps them', () => {
    for (const td of generated.taskDefinitions) expect(sim.state.taskDefinitions.get(td.taskDefinitionArn)).toEqual(td);
    const next = sim.fork();
    const web = generated.taskDefinitions.find((td) => td.family === 'web')!;
    expect(next.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] }).taskDefinition!.revision).toBe(web.revision + 1);
    const names = generated.services.map((s) => s.serviceName);
    for (let i = 0; i < names.length; i += 10) {
      for (const s of sim.describeServices({ cluster: 'sample', services: names.slice(i, i + 10) }).services!) {
        const want = generated.services.find((x) => x.serviceName === s.serviceName)!;
        expect({ ...s, createdAt: s.createdAt!.getTime() / 1000 }).toMatchObject({
          serviceArn: want.serviceArn, desiredCount: want.desiredCount, runningCount: want.runningCount, pendingCount: want.pendingCount,
          taskDefinition: want.taskDefinition, placementConstraints: want.placementConstraints, placementStrategy: want.placementStrategy,
          deploymentConfiguration: want.deploymentConfiguration, createdAt: want.createdAt,
        });
      }
    }
    // A minute later PENDING tasks run, nothing was stopped, every service still has its tasks.
    next.advance(60_000);
    checkInvariants(next);
    const tasks = [...next.state.clusters.get('sample')!.tasks.values()];
    expect(tasks.filter((t) => t.lastStatus === 'PENDING')).toEqual([]);
    expect(tasks.filter((t) => t.desiredStatus === 'STOPPED')).toEqual([]);
    expect(tasks).toHaveLength(generated.tasks.length);
  });

  it('starts the clock when the dump was taken', () => {
    expect(sim.now).toBe(Date.parse(generated.generatedBy.options.at));
    const later = generateCluster({ instances: 5, seed: 1, at: '2020-01-02T03:04:05Z' });
    expect(EcsSimulator.fromDescribeOutput(later).now).toBe(Date.parse('2020-01-02T03:04:05Z'));
  });
});

describe('a real dump without tasks', () => {
  // As `aws ecs describe-container-instances` prints it: some capacity in use, no tasks listed.
  const arn = 'arn:aws:ecs:us-west-2:111122223333:container-instance/prod/2dd1b186f39845a584488d2ef155c131';
  const gpuArn = 'arn:aws:ecs:us-west-2:111122223333:container-instance/prod/0b7f0c1e9a8d4c2b8e6f5a4d3c2b1a09';
  const r = (name: string, v: number | string[]) => (typeof v === 'number'
    ? { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: v }
    : { name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: v });
  const dump = {
    containerInstances: [
      {
        containerInstanceArn: arn,
        ec2InstanceId: 'i-0a1b2c3d4e5f60718',
        version: 12,
        versionInfo: { agentVersion: '1.29.0', agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' },
        remainingResources: [r('CPU', 1024), r('MEMORY', 2681), r('PORTS', ['22', '80', '2375', '2376', '51678', '51679']), r('PORTS_UDP', ['53'])],
        registeredResources: [r('CPU', 2048), r('MEMORY', 3705), r('PORTS', ['22', '2376', '2375', '51678', '51679']), r('PORTS_UDP', [])],
        status: 'ACTIVE',
        agentConnected: true,
        runningTasksCount: 2,
        pendingTasksCount: 0,
        attributes: [{ name: 'ecs.instance-type', value: 'c5.large' }, { name: 'ecs.capability.task-eni' }, { name: 'ecs.availability-zone', value: 'us-west-2a' }],
        registeredAt: 1560788724.507,
        attachments: [],
      },
      {
        containerInstanceArn: gpuArn,
        ec2InstanceId: 'i-0fedcba9876543210',
        version: 3,
        versionInfo: { agentVersion: '1.29.0', agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' },
        remainingResources: [r('CPU', 32768), r('MEMORY', 240000), r('PORTS', ['22', '2375', '2376', '51678', '51679']), r('PORTS_UDP', []), r('GPU', 1)],
        registeredResources: [r('CPU', 32768), r('MEMORY', 245760), r('PORTS', ['22', '2376', '2375', '51678', '51679']), r('PORTS_UDP', []), r('GPU', 4)],
        status: 'ACTIVE',
        agentConnected: true,
        runningTasksCount: 1,
        pendingTasksCount: 0,
        attributes: [{ name: 'ecs.instance-type', value: 'p3.8xlarge' }, { name: 'ecs.availability-zone', value: 'us-west-2b' }],
        registeredAt: 1560788000,
        attachments: [],
      },
    ],
    failures: [],
  };

  it('keeps what the dump shows in use as unattributed, so the instances describe exactly as dumped', () => {
    const sim = EcsSimulator.fromDescribeOutput(dump);
    expect(describedAsDumped(sim, 'prod', [arn, gpuArn])).toEqual(dump.containerInstances);
    const record = sim.state.clusters.get('prod')!.instances.get(arn)!;
    expect(record.unattributed).toEqual({ cpu: 1024, memory: 1024, tcpPorts: [80], udpPorts: [53], gpuIds: [] });
    // No platformDevices in a describe dump: the GPUs get names, three of four held.
    const gpu = sim.state.clusters.get('prod')!.instances.get(gpuArn)!;
    expect(gpu.platformDevices.map((d) => d.id)).toEqual([0, 1, 2, 3].map((k) => `0b7f0c1e9a8d4c2b8e6f5a4d3c2b1a09-GPU-${k}`));
    expect(gpu.unattributed!.gpuIds).toEqual(gpu.platformDevices.slice(0, 3).map((d) => d.id));
    // The accountant holds the unattributed use beside the tasks; the counts include the unlisted
    // tasks, so only the invariants' count equality does not hold for this dump.
    expect(invariantViolations(sim).filter((p) => !/TasksCount is \d+, 0 live tasks/.test(p))).toEqual([]);
    // It survives snapshots and forks.
    expect(describedAsDumped(EcsSimulator.restore(JSON.parse(JSON.stringify(sim.snapshot()))), 'prod', [arn, gpuArn])).toEqual(dump.containerInstances);
    expect(describedAsDumped(sim.fork(), 'prod', [arn, gpuArn])).toEqual(dump.containerInstances);
  });

  it('placement sees only the capacity really left', () => {
    const sim = EcsSimulator.fromDescribeOutput(dump);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 512, memory: 1024, portMappings: [{ containerPort: 80, hostPort: 80 }] }] });
    sim.registerTaskDefinition({ family: 'big', containerDefinitions: [{ name: 'big', image: 'x', cpu: 1024, memory: 3000 }] }); // fits 3705, not 2681
    sim.registerTaskDefinition({ family: 'gpu', containerDefinitions: [{ name: 'g', image: 'x', memory: 1024, resourceRequirements: [{ type: 'GPU', value: '2' }] }] });
    const on = (family: string, instance: string) => sim.startTask({ cluster: 'prod', taskDefinition: family, containerInstances: [instance] });
    expect(on('web', arn).failures).toEqual([{ arn, reason: 'RESOURCE:PORTS' }]);
    expect(on('big', arn).failures).toEqual([{ arn, reason: 'RESOURCE:MEMORY' }]);
    expect(on('gpu', gpuArn).failures).toEqual([{ arn: gpuArn, reason: 'RESOURCE:GPU' }]);
  });

  it('a forced deregistration leaves no count behind', () => {
    const sim = EcsSimulator.fromDescribeOutput(dump);
    expect(() => sim.deregisterContainerInstance({ cluster: 'prod', containerInstance: arn })).toThrow(/Found running tasks/);
    const { containerInstance } = sim.deregisterContainerInstance({ cluster: 'prod', containerInstance: arn, force: true });
    expect(containerInstance).toMatchObject({ status: 'INACTIVE', runningTasksCount: 0 });
  });
});

describe('bad input is an InvalidParameterException naming the element and member, and changes nothing', () => {
  const base = generateCluster({ instances: 6, seed: 104 });
  const first = base.tasks[0]!;
  type Edit = (c: GeneratedCluster & Record<string, unknown>) => void;
  const cases: [string, Edit, RegExp][] = [
    ['not a response', (c) => { delete (c as Partial<GeneratedCluster>).containerInstances; }, /expected a DescribeContainerInstances response/],
    ['an instance ARN', (c) => { c.containerInstances[2]!.containerInstanceArn = 'i-123'; }, /containerInstances\[2\]\.containerInstanceArn: expected a container instance ARN/],
    ['another account', (c) => { c.containerInstances[1]!.containerInstanceArn = c.containerInstances[1]!.containerInstanceArn.replace('123456789012', '999999999999'); }, /containerInstances\[1\]\.containerInstanceArn: .* is not in us-east-1 \/ 123456789012/],
    ['an instance twice', (c) => { c.containerInstances.push(c.containerInstances[0]!); }, /containerInstances\[6\]\.containerInstanceArn: .* appears twice/],
    ['a status', (c) => { c.containerInstances[3]!.status = 'SLEEPING'; }, /containerInstances\[3\]\.status: must be one of ACTIVE, DRAINING/],
    ['a timestamp', (c) => { (c.containerInstances[0] as unknown as Record<string, unknown>)['registeredAt'] = 'soon'; }, /containerInstances\[0\]\.registeredAt: must be a timestamp/],
    ['an attribute', (c) => { c.containerInstances[4]!.attributes.push({ name: 'bad name!' }); }, /containerInstances\[4\]: attributes\[\d+\]\.name/],
    ['a resource', (c) => { c.containerInstances[5]!.registeredResources = [{ name: 'CPU', type: 'INTEGER', integerValue: -1 }]; }, /containerInstances\[5\]: registeredResources\[0\]\.integerValue must be a non-negative integer/],
    ['a count below the listed tasks', (c) => { const i = c.containerInstances.find((x) => x.runningTasksCount > 0)!; i.runningTasksCount = 0; }, /containerInstances\[\d+\]: counts 0 running and 0 pending tasks, fewer than the \d+ and 0 listed on it/],
    ['remaining above what the tasks leave', (c) => { const i = c.containerInstances.find((x) => x.runningTasksCount > 0)!; i.remainingResources[1]!.integerValue! += 1; }, /remainingResources: MEMORY \d+ remaining, but the instance registered \d+ and its listed tasks reserve \d+/],
    ['a task on an unknown instance', (c) => { c.tasks[0]!.containerInstanceArn = 'arn:aws:ecs:us-east-1:123456789012:container-instance/sample/ffffffffffffffffffffffffffffffff'; }, /tasks\[0\]\.containerInstanceArn: a task that is not STOPPED must be on an instance of the cluster/],
    ['a task of an unknown definition', (c) => { c.tasks[1]!.taskDefinitionArn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/nope:1'; }, /tasks\[1\]\.taskDefinitionArn: .* is not among the taskDefinitions/],
    ['a task twice', (c) => { c.tasks.push({ ...first }); }, /tasks\[\d+\]\.taskArn: .* appears twice/],
    ['a task status', (c) => { (c.tasks[0] as unknown as Record<string, unknown>)['lastStatus'] = 'DONE'; }, /tasks\[0\]\.lastStatus: must be one of PENDING, RUNNING, STOPPED/],
    ['a task that does not fit', (c) => { c.containerInstances.find((i) => i.containerInstanceArn === first.containerInstanceArn)!.registeredResources[1]!.integerValue = 1; }, /tasks\[\d+\]: does not fit on .* \(RESOURCE:MEMORY\)/],
    ['a task definition', (c) => { (c.taskDefinitions[0]!.containerDefinitions[0] as unknown as Record<string, unknown>)['image'] = ''; }, /taskDefinitions\[0\]: containerDefinitions\[0\]\.image/],
    ['a task definition ARN', (c) => { c.taskDefinitions[2]!.taskDefinitionArn = 'web'; }, /taskDefinitions\[2\]\.taskDefinitionArn: expected a task definition ARN/],
    ['a service strategy', (c) => { c.services[1]!.placementStrategy = [{ type: 'binpack', field: 'disk' } as never]; }, /services\[1\]: placementStrategy\[0\]: binpack takes the field cpu or memory/],
    ['a service definition', (c) => { c.services[0]!.taskDefinition = 'arn:aws:ecs:us-east-1:123456789012:task-definition/gone:3'; }, /services\[0\]\.taskDefinition: .* is not among the taskDefinitions/],
    // Each class of corruption issue #12 names, refused at its JSON path.
    ['an INACTIVE instance holding running tasks', (c) => { c.containerInstances.find((i) => i.containerInstanceArn === first.containerInstanceArn)!.status = 'INACTIVE'; }, /containerInstances\[\d+\]: an INACTIVE instance has no tasks; it counts \d+ running/],
    ['an INACTIVE instance holding a listed task it does not count', (c) => { const i = c.containerInstances.find((x) => x.containerInstanceArn === first.containerInstanceArn)! as unknown as Record<string, unknown>; i['status'] = 'INACTIVE'; delete i['runningTasksCount']; }, /tasks\[0\]\.containerInstanceArn: .* is INACTIVE and holds no tasks/],
    ['a task of another cluster', (c) => { c.tasks[2]!.clusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/other'; }, /tasks\[2\]\.clusterArn: names cluster "other", but the dump is of cluster "sample"/],
    ['an instance of another cluster', (c) => { c.containerInstances[3]!.containerInstanceArn = c.containerInstances[3]!.containerInstanceArn.replace('/sample/', '/other/'); }, /containerInstances\[3\]\.containerInstanceArn: names cluster "other"/],
    ['a task status outside the enum', (c) => { (c.tasks[4] as unknown as Record<string, unknown>)['desiredStatus'] = 'PENDING'; }, /tasks\[4\]\.desiredStatus: must be one of RUNNING, STOPPED; got "PENDING"/],
    ['a model enum value the SDK does not know', (c) => { (c.tasks[1] as unknown as Record<string, unknown>)['healthStatus'] = 'GREAT'; }, /tasks\[1\]\.healthStatus: must be one of HEALTHY, UNHEALTHY, UNKNOWN; got "GREAT"/],
    ['a launch type the simulator does not run', (c) => { (c.services[2] as unknown as Record<string, unknown>)['launchType'] = 'EXTERNAL'; }, /services\[2\]: launchType must be one of EC2, FARGATE; got 'EXTERNAL'/],
    ['a number as text', (c) => { (c.containerInstances[1] as unknown as Record<string, unknown>)['runningTasksCount'] = '2'; }, /containerInstances\[1\]\.runningTasksCount: must be a 32-bit integer; got the string "2"/],
    ['a member the loader does not use, of the wrong type', (c) => { (c.services[0] as unknown as Record<string, unknown>)['runningCount'] = 'many'; }, /services\[0\]\.runningCount: must be a 32-bit integer; got the string "many"/],
    ['a fraction where ECS counts', (c) => { (c.tasks[3] as unknown as Record<string, unknown>)['version'] = 2.5; }, /tasks\[3\]\.version: must be an integer; got the number 2.5/],
    ['a negative count', (c) => { c.services[1]!.desiredCount = -1; }, /services\[1\]\.desiredCount: must be a whole number from 0/],
    ['null in a list', (c) => { (c.tasks[0]!.containers as unknown[]).push(null); }, /tasks\[0\]\.containers\[1\]: must be a value \(lists hold no nulls\); got null/],
    ['null as a record', (c) => { (c.containerInstances as unknown[])[2] = null; }, /containerInstances\[2\]: must be an object; got null/],
    ['a list that is not one', (c) => { (c as Record<string, unknown>)['tasks'] = { 0: c.tasks[0] }; }, /fromDescribeOutput: tasks: must be a list; got an object/],
    ['a task of a task-set service not started by one of its task sets', (c) => {
      const s = c.services.find((x) => x.serviceName === first.group.slice(8))! as unknown as Record<string, unknown>;
      s['deploymentController'] = { type: 'EXTERNAL' };
      s['taskSets'] = [{ id: 'ecs-svc/1234567890123456789', taskDefinition: s['taskDefinition'], status: 'PRIMARY', scale: { value: 100, unit: 'PERCENT' } }];
    }, /tasks\[0\]\.startedBy: a task of service .* is started by one of its task sets/],
    ['a FARGATE task on an instance', (c) => { c.tasks[0]!.launchType = 'FARGATE' as never; }, /tasks\[0\]\.taskDefinitionArn: Task definition does not support launch_type FARGATE/],
    ['a DAEMON service with a placement strategy', (c) => { (c.services[0] as unknown as Record<string, unknown>)['schedulingStrategy'] = 'DAEMON'; }, /services\[0\]\.placementStrategy: The daemon scheduling strategy does not support placement strategies/],
  ];

  it.each(cases)('%s', (_, edit, message) => {
    const bad = JSON.parse(JSON.stringify(base)) as GeneratedCluster & Record<string, unknown>;
    edit(bad);
    expect(() => EcsSimulator.fromDescribeOutput(bad)).toThrow(message);
    // Loading into an existing (empty) cluster of a simulator changes nothing there either.
    const sim = new EcsSimulator({ seed: 3 });
    sim.createCluster({ clusterName: 'sample' });
    sim.registerTaskDefinition({ family: 'other', containerDefinitions: [{ name: 'o', image: 'o', memory: 64 }] });
    expectRejected(sim, () => loadDescribeOutput(sim.state, bad, 'sample'), 'InvalidParameterException', message);
  });

  it('the unedited dump loads (so each case above fails for its own edit)', () => {
    const sim = new EcsSimulator({ seed: 3 });
    sim.createCluster({ clusterName: 'sample' });
    loadDescribeOutput(sim.state, JSON.parse(JSON.stringify(base)), 'sample');
    expect(sim.query(null, { cluster: 'sample', status: ['ACTIVE', 'DRAINING', 'REGISTERING', 'REGISTRATION_FAILED', 'DEREGISTERING'] })).toHaveLength(6);
    expect(() => loadDescribeOutput(sim.state, base, 'sample')).toThrow(/already has container instances/);
  });
});

describe('the bundled datasets', () => {
  for (const b of BUNDLED) {
    it(`${b.file} is exactly what its recorded options generate, and loads`, () => {
      const text = readFileSync(new URL(`../../../datasets/${b.file}`, import.meta.url), 'utf8');
      const json = JSON.parse(text) as GeneratedCluster;
      expect(json.generatedBy.options).toEqual(resolveOptions(b.options));
      expect(text === clusterText(json.generatedBy.options, b.indent)).toBe(true);
      const sim = EcsSimulator.fromDescribeOutput(json);
      expect(sim.state.clusters.get('sample')!.instances.size).toBe(b.options.instances);
      expect(sim.state.clusters.get('sample')!.tasks.size).toBe(json.tasks.length);
      // remainingResources as in the file (compact files leave out the zero members).
      const full = (r: { name?: string; type?: string; integerValue?: number; stringSetValue?: string[] }) => ({ ...r, doubleValue: 0, longValue: 0, integerValue: r.integerValue ?? 0 });
      const described = describedAsDumped(sim, 'sample', json.containerInstances.map((i) => i.containerInstanceArn)) as GeneratedCluster['containerInstances'];
      described.forEach((d, n) => expect(d.remainingResources, d.containerInstanceArn).toEqual(json.containerInstances[n]!.remainingResources.map(full)));
      checkInvariants(sim, { indexQueries: false });
    });
  }
});

import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { identity } from '../fixtures.js';

function cluster(n = 3, options: ConstructorParameters<typeof EcsSimulator>[0] = {}) {
  const sim = new EcsSimulator({ seed: 11, ...options });
  sim.createCluster({ clusterName: 'c' });
  const arns: string[] = [];
  for (let i = 0; i < n; i++) {
    const { containerInstance } = sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity(`i-${i}`, 'm5.large', ['us-east-1a', 'us-east-1b', 'us-east-1c'][i % 3]),
      totalResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
        { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
      ],
      versionInfo: { agentVersion: '1.29.0' },
      attributes: [{ name: 'ecs.capability.task-eni' }],
    });
    arns.push(containerInstance!.containerInstanceArn!);
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 512, memory: 1024, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  sim.registerTaskDefinition({ family: 'batch', containerDefinitions: [{ name: 'job', image: 'busybox', cpu: 256, memoryReservation: 512 }] });
  return { sim, arns };
}

const describeOne = (sim: EcsSimulator, arn: string) => sim.describeContainerInstances({ cluster: "c", containerInstances: [arn] }).containerInstances![0]!;

describe('RunTask', () => {
  it('places PENDING tasks that become RUNNING, reserving resources shown in remainingResources', () => {
    const { sim, arns } = cluster(1);
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    expect(failures).toEqual([]);
    expect(tasks).toHaveLength(1);
    expect(tasks![0]).toMatchObject({ lastStatus: 'PENDING', desiredStatus: 'RUNNING', group: 'family:web', containerInstanceArn: arns[0], launchType: 'EC2' });
    expect(tasks![0]!.taskArn).toMatch(/:task\/c\/[0-9a-f]{32}$/);
    const ci = describeOne(sim, arns[0]!);
    expect(ci.pendingTasksCount).toBe(1);
    expect(ci.remainingResources).toEqual([
      { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 1536 },
      { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 3072 },
      { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '8080', '51678', '51679'] },
      { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
    ]);
    sim.advance(5_000);
    expect(describeOne(sim, arns[0]!)).toMatchObject({ runningTasksCount: 1, pendingTasksCount: 0 });
    expect(sim.describeTasks({ cluster: 'c', tasks: [tasks![0]!.taskArn!] }).tasks![0]!.lastStatus).toBe('RUNNING');
  });

  it('reports RESOURCE:PORTS for the instance when a static host port is taken', () => {
    const { sim, arns } = cluster(1);
    sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    expect(tasks).toEqual([]);
    expect(failures).toEqual([{ arn: arns[0], reason: 'RESOURCE:PORTS' }]);
  });

  it('reports RESOURCE:MEMORY when memory runs out, and places up to what fits', () => {
    const { sim } = cluster(1);
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 10 });
    expect(tasks).toHaveLength(8);
    expect(failures!.map((f) => f.reason)).toEqual(['RESOURCE:CPU']);
  });

  it('memberOf with task:group sees tasks placed earlier', () => {
    const { sim, arns } = cluster(3);
    sim.runTask({ cluster: 'c', taskDefinition: 'batch', group: 'db' });
    const first = sim.listTasks({ cluster: 'c', desiredStatus: 'RUNNING' }).taskArns;
    const host = sim.describeTasks({ cluster: 'c', tasks: first }).tasks![0]!.containerInstanceArn;
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 3, placementConstraints: [{ type: 'memberOf', expression: 'task:group == db' }] });
    expect(tasks!.map((t) => t.containerInstanceArn)).toEqual([host, host, host]);
    const anti = sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 2, placementConstraints: [{ type: 'memberOf', expression: 'not(task:group == db)' }] });
    expect(anti.tasks!.every((t) => t.containerInstanceArn !== host)).toBe(true);
    expect(arns).toContain(host);
  });

  it('distinctInstance puts each task of the group on its own instance', () => {
    const { sim } = cluster(3);
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 4, placementConstraints: [{ type: 'distinctInstance' }] });
    expect(new Set(tasks!.map((t) => t.containerInstanceArn)).size).toBe(3);
    expect(failures!.every((f) => f.reason === 'DistinctInstance placement constraint unsatisfied.')).toBe(true);
  });

  it('does not place on DRAINING instances or disconnected agents', () => {
    const { sim, arns } = cluster(2);
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    sim.setAgentConnection('c', arns[1]!, false);
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'batch' });
    expect(tasks).toEqual([]);
    expect(failures!.map((f) => f.reason).sort()).toEqual(['AGENT', 'STATUS'].sort());
  });

  it('the same seed places the same way', () => {
    const a = cluster(3).sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 5, placementStrategy: [{ type: 'random' }] });
    const b = cluster(3).sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 5, placementStrategy: [{ type: 'random' }] });
    expect(a.tasks!.map((t) => t.containerInstanceArn)).toEqual(b.tasks!.map((t) => t.containerInstanceArn));
  });

  describe('refuses bad input, changing nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string | RegExp, string]> = [
      ['count 11', { count: 11 }, 'count must be between 1 and 10; got 11', 'InvalidParameterException'],
      ['an unknown task definition', { taskDefinition: 'nope' }, /TaskDefinition not found/, 'ClientException'],
      ['distinctInstance with an expression', { placementConstraints: [{ type: 'distinctInstance', expression: 'x' }] }, 'distinctInstance expression should not be specified.', 'InvalidParameterException'],
      ['a bad memberOf expression', { placementConstraints: [{ type: 'memberOf', expression: 'attribute:x ==' }] }, /placementConstraints\[0\]\.expression: line 1, column 15/, 'InvalidParameterException'],
      ['11 constraints', { placementConstraints: Array.from({ length: 11 }, () => ({ type: 'distinctInstance' })) }, /at most 10 placement constraints/, 'InvalidParameterException'],
      ['6 strategies', { placementStrategy: Array.from({ length: 6 }, () => ({ type: 'random' })) }, /at most 5 items/, 'InvalidParameterException'],
      ['binpack on disk', { placementStrategy: [{ type: 'binpack', field: 'disk' }] }, /binpack takes the field cpu or memory/, 'InvalidParameterException'],
      ['spread without a field', { placementStrategy: [{ type: 'spread' }] }, /spread takes the field instanceId, host or attribute:<name>/, 'InvalidParameterException'],
      ['FARGATE with a task definition Fargate cannot run', { launchType: 'FARGATE' }, 'Task definition does not support launch_type FARGATE.', 'InvalidParameterException'],
    ];
    for (const [what, extra, message, name] of cases) {
      it(what, () => {
        const { sim } = cluster(1);
        const before = sim.snapshot();
        let error: unknown;
        try {
          sim.runTask({ cluster: 'c', taskDefinition: 'batch', ...extra });
        } catch (e) {
          error = e;
        }
        expect((error as Error).name).toBe(name);
        expect(() => { throw error; }).toThrow(message);
        expect(sim.snapshot()).toEqual(before);
      });
    }
    it('an empty cluster: No Container Instances were found in your cluster.', () => {
      const sim = new EcsSimulator();
      sim.createCluster({ clusterName: 'c' });
      sim.registerTaskDefinition({ family: 'x', containerDefinitions: [{ name: 'a', image: 'i', memory: 10 }] });
      expect(() => sim.runTask({ cluster: 'c', taskDefinition: 'x' })).toThrow('No Container Instances were found in your cluster.');
    });
    it('a cluster whose instances are all deregistered (INACTIVE) counts as empty, in a fork too', () => {
      const { sim, arns } = cluster(2);
      for (const arn of arns) sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      expect(() => sim.runTask({ cluster: 'c', taskDefinition: 'web' })).toThrow('No Container Instances were found in your cluster.');
      expect(() => sim.fork().runTask({ cluster: 'c', taskDefinition: 'web' })).toThrow('No Container Instances were found in your cluster.');
    });
  });
});

describe('StopTask, ListTasks, DescribeTasks', () => {
  it('stops a task: desiredStatus STOPPED at once, STOPPED later, resources and group released', () => {
    const { sim, arns } = cluster(1);
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'web', group: 'g' });
    sim.advance(5_000);
    const stopped = sim.stopTask({ cluster: 'c', task: tasks![0]!.taskArn, reason: 'done' });
    expect(stopped.task).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING', stoppedReason: 'done' });
    expect(sim.query('task:group == g', { cluster: 'c' })).toEqual([arns[0]]);
    sim.advance(5_000);
    const after = sim.describeTasks({ cluster: 'c', tasks: [tasks![0]!.taskArn!] }).tasks![0]!;
    expect(after.lastStatus).toBe('STOPPED');
    expect(after.stoppedAt).toEqual(new Date(Date.UTC(2019, 5, 6) + 10_000));
    expect(sim.query('task:group == g', { cluster: 'c' })).toEqual([]);
    const ci = describeOne(sim, arns[0]!);
    expect(ci.runningTasksCount).toBe(0);
    expect(ci.remainingResources![0]!.integerValue).toBe(2048);
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks).toHaveLength(1);
  });

  it('lists by desired status, instance, family and startedBy', () => {
    const { sim, arns } = cluster(2);
    const a = sim.runTask({ cluster: 'c', taskDefinition: 'batch', startedBy: 'me', placementConstraints: [{ type: 'memberOf', expression: `ec2InstanceId == i-0` }] }).tasks![0]!;
    const b = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!;
    expect(sim.listTasks({ cluster: 'c' }).taskArns).toEqual([a.taskArn, b.taskArn]);
    expect(sim.listTasks({ cluster: 'c', family: 'web' }).taskArns).toEqual([b.taskArn]);
    expect(sim.listTasks({ cluster: 'c', startedBy: 'me' }).taskArns).toEqual([a.taskArn]);
    expect(sim.listTasks({ cluster: 'c', containerInstance: arns[0]! }).taskArns).toEqual([a.taskArn, ...(b.containerInstanceArn === arns[0] ? [b.taskArn] : [])]);
    sim.stopTask({ cluster: 'c', task: a.taskArn });
    expect(sim.listTasks({ cluster: 'c', desiredStatus: 'STOPPED' }).taskArns).toEqual([a.taskArn]);
  });

  it('describes unknown tasks as MISSING and refuses unknown ones on stop', () => {
    const { sim } = cluster(1);
    expect(sim.describeTasks({ cluster: 'c', tasks: ['0123456789abcdef0123456789abcdef'] }).failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef', reason: 'MISSING' }]);
    expect(() => sim.stopTask({ cluster: 'c', task: '0123456789abcdef0123456789abcdef' })).toThrow(/^The referenced task was not found$/);
  });

  it('deregistering with force stops the tasks on the instance and frees it', () => {
    const { sim, arns } = cluster(1);
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'batch', count: 2 });
    expect(() => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arns[0]! })).toThrow('Found running tasks on the instance.');
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arns[0]!, force: true });
    const described = sim.describeTasks({ cluster: 'c', tasks: tasks!.map((t) => t.taskArn!) }).tasks;
    expect(described!.every((t) => t.lastStatus === 'STOPPED')).toBe(true);
  });
});

describe('StartTask', () => {
  it('starts one task on each named instance, with MISSING and resource failures', () => {
    const { sim, arns } = cluster(2);
    const r = sim.startTask({ cluster: 'c', taskDefinition: 'web', containerInstances: [arns[1]!, '0123456789abcdef0123456789abcdef'] });
    expect(r.tasks!.map((t) => t.containerInstanceArn)).toEqual([arns[1]]);
    expect(r.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123456789abcdef0123456789abcdef', reason: 'MISSING' }]);
    expect(sim.startTask({ cluster: 'c', taskDefinition: 'web', containerInstances: [arns[1]!] }).failures).toEqual([{ arn: arns[1], reason: 'RESOURCE:PORTS' }]);
  });
});

describe('placeTasks (bulk what-if)', () => {
  it('places beyond RunTask’s 10 and tallies why instances were turned down', () => {
    const { sim } = cluster(3);
    const r = sim.placeTasks({ cluster: 'c', taskDefinition: 'batch', count: 30 });
    expect(r.taskArns).toHaveLength(24);
    expect(r.unplaced).toBe(6);
    expect(r.rejections['RESOURCE:CPU']).toBeGreaterThan(0);
  });

  it('breaks the tasks placed down by Availability Zone and instance type', () => {
    const { sim } = cluster(3);
    const r = sim.placeTasks({ cluster: 'c', taskDefinition: 'batch', count: 30 });
    const described = sim.describeContainerInstances({ cluster: 'c', containerInstances: [...new Set(r.containerInstanceArns)] }).containerInstances!;
    const want = (name: string) => {
      const out: Record<string, number> = {};
      for (const arn of r.containerInstanceArns) {
        const v = described.find((i) => i.containerInstanceArn === arn)!.attributes!.find((a) => a.name === name)!.value!;
        out[v] = (out[v] ?? 0) + 1;
      }
      return out;
    };
    expect(r.byAvailabilityZone).toEqual(want('ecs.availability-zone'));
    expect(r.byInstanceType).toEqual(want('ecs.instance-type'));
    expect(Object.values(r.byAvailabilityZone).reduce((a, b) => a + b, 0)).toBe(24);
  });
});

describe('snapshots with tasks', () => {
  it('round-trip tasks and their reservations; the restored simulator stops them the same way', () => {
    const { sim } = cluster(2);
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 2 });
    sim.advance(1_000);
    const restored = EcsSimulator.restore(sim.snapshot());
    expect(restored.snapshot()).toEqual(sim.snapshot());
    for (const s of [sim, restored]) {
      s.stopTask({ cluster: 'c', task: tasks![0]!.taskArn });
      s.advance(10_000);
      s.runTask({ cluster: 'c', taskDefinition: 'web' });
    }
    expect(restored.snapshot()).toEqual(sim.snapshot());
  });
});

describe('stopped tasks', () => {
  it('stay describable for an hour after they stop, then are MISSING', () => {
    const { sim } = cluster(1);
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'batch' });
    const arn = tasks![0]!.taskArn!;
    sim.stopTask({ cluster: 'c', task: arn });
    sim.advance(5_000);
    sim.advance(3_599_999);
    expect(sim.describeTasks({ cluster: 'c', tasks: [arn] }).tasks![0]!.lastStatus).toBe('STOPPED');
    sim.advance(1);
    expect(sim.describeTasks({ cluster: 'c', tasks: [arn] }).failures).toEqual([{ arn, reason: 'MISSING' }]);
    expect(sim.listTasks({ cluster: 'c', desiredStatus: 'STOPPED' }).taskArns).toEqual([]);
  });
});

// FARGATE: tasks and services on no container instance (awsvpc, the 2019 sizes), listed and
// described like EC2 tasks, holding nothing on any instance.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { describeOne, expectRejected, register, simWithCluster } from '../fixtures.js';

const network = { awsvpcConfiguration: { subnets: ['subnet-0123'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' as const } };

function world(instances = 1) {
  const sim = simWithCluster();
  const arns = Array.from({ length: instances }, (_, i) => register(sim, i + 1));
  sim.registerTaskDefinition({ family: 'fg', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
  sim.registerTaskDefinition({ family: 'ec2', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256 }] });
  return { sim, arns };
}

describe('FARGATE tasks', () => {
  it('run on no container instance, hold nothing on one, and are listed and described like EC2 tasks', () => {
    const { sim, arns } = world();
    const before = describeOne(sim, arns[0]!).remainingResources;
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', count: 3, networkConfiguration: network });
    expect(failures).toEqual([]);
    expect(tasks).toHaveLength(3);
    for (const t of tasks!) {
      expect(t.containerInstanceArn).toBeUndefined();
      expect(t).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.3.0', cpu: '256', memory: '512', lastStatus: 'PENDING' });
    }
    expect(describeOne(sim, arns[0]!).remainingResources).toEqual(before);
    expect(describeOne(sim, arns[0]!).pendingTasksCount).toBe(0);
    sim.advance(5_000);
    const arnsOf = tasks!.map((t) => t.taskArn!);
    expect(sim.describeTasks({ cluster: 'c', tasks: arnsOf }).tasks!.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(sim.listTasks({ cluster: 'c', launchType: 'FARGATE' }).taskArns).toEqual(arnsOf);
    expect(sim.listTasks({ cluster: 'c', launchType: 'EC2' }).taskArns).toEqual([]);
    expect(sim.listTasks({ cluster: 'c', containerInstance: arns[0]! }).taskArns).toEqual([]);
    expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]).toMatchObject({ runningTasksCount: 3, pendingTasksCount: 0 });
    sim.stopTask({ cluster: 'c', task: arnsOf[0]! });
    sim.advance(5_000);
    expect(sim.describeTasks({ cluster: 'c', tasks: [arnsOf[0]!] }).tasks![0]!.lastStatus).toBe('STOPPED');
    expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]!.runningTasksCount).toBe(2);
  });

  it('need no container instance in the cluster (EC2 tasks do)', () => {
    const sim = simWithCluster();
    sim.registerTaskDefinition({ family: 'fg', networkMode: 'awsvpc', cpu: '1024', memory: '2048', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network }).tasks).toHaveLength(1);
    expectRejected(sim, () => sim.runTask({ cluster: 'c', taskDefinition: 'fg', networkConfiguration: network }), 'InvalidParameterException', /No Container Instances were found/);
  });

  it('survive snapshots and stay apart in forks', () => {
    const { sim } = world(0);
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network }).tasks![0]!.taskArn!;
    const copy = EcsSimulator.restore(sim.snapshot());
    expect(copy.snapshot()).toEqual(sim.snapshot());
    const fork = sim.fork();
    fork.advance(5_000);
    expect(fork.describeTasks({ cluster: 'c', tasks: [task] }).tasks![0]!.lastStatus).toBe('RUNNING');
    expect(sim.describeTasks({ cluster: 'c', tasks: [task] }).tasks![0]!.lastStatus).toBe('PENDING');
  });

  describe('refuses what ECS refuses, changing nothing', () => {
    const cases: [string, Record<string, unknown>, RegExp, string?][] = [
      ['a task definition Fargate cannot run', { taskDefinition: 'ec2', launchType: 'FARGATE', networkConfiguration: network }, /^Network Configuration is not valid for the given networkMode of this task definition\.$/],
      ['a bridge task definition without network configuration', { taskDefinition: 'ec2', launchType: 'FARGATE' }, /^Task definition does not support launch_type FARGATE\.$/],
      ['no network configuration', { taskDefinition: 'fg', launchType: 'FARGATE' }, /^Network Configuration must be provided when networkMode 'awsvpc' is specified\.$/],
      ['placement', { taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network, placementStrategy: [{ type: 'random' }] }, /not supported for tasks using the Fargate launch type/],
      ['an unknown platform version', { taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network, platformVersion: '9.9.9' }, /not a Fargate platform version/, 'PlatformUnknownException'],
      ['a platform version on EC2', { taskDefinition: 'ec2', platformVersion: 'LATEST' }, /^The platform version must be null when specifying an EC2 launch type\.$/],
      ['a FARGATE-only definition on EC2', { taskDefinition: 'fg', networkConfiguration: network }, /^Task definition does not support launch_type EC2\.$/],
    ];
    for (const [what, request, message, name = 'InvalidParameterException'] of cases) {
      it(what, () => {
        const { sim } = world();
        expectRejected(sim, () => sim.runTask({ cluster: 'c', ...request } as never), name, message);
      });
    }
    it('StartTask and the bulk placeTasks place on instances only', () => {
      const { sim, arns } = world();
      expectRejected(sim, () => sim.startTask({ cluster: 'c', taskDefinition: 'fg', containerInstances: [arns[0]!], launchType: 'FARGATE', networkConfiguration: network } as never), 'InvalidParameterException', /does not support launch_type EC2/); // StartTask's model has no launchType: ignored
      expectRejected(sim, () => sim.placeTasks({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network }), 'InvalidParameterException', /FARGATE tasks run on no container instance/);
    });
  });
});

describe('FARGATE services', () => {
  it('keep desiredCount tasks on no instance, scale in and out, and describe their launch type and network', () => {
    const { sim, arns } = world();
    const { service } = sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'fg', desiredCount: 3, launchType: 'FARGATE', networkConfiguration: network });
    expect(service).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.3.0', networkConfiguration: network, schedulingStrategy: 'REPLICA' });
    sim.advance(10_000);
    const described = sim.describeServices({ cluster: 'c', services: ['web'] }).services![0]!;
    expect(described).toMatchObject({ runningCount: 3, pendingCount: 0 });
    expect(described.deployments![0]).toMatchObject({ launchType: 'FARGATE', runningCount: 3 });
    const tasks = sim.describeTasks({ cluster: 'c', tasks: sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns! }).tasks!;
    expect(tasks.every((t) => t.launchType === 'FARGATE' && t.containerInstanceArn === undefined)).toBe(true);
    expect(describeOne(sim, arns[0]!).runningTasksCount).toBe(0);
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 1 });
    sim.advance(10_000);
    expect(sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns).toHaveLength(1);
    // Draining every instance moves nothing: FARGATE tasks have none.
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: arns, status: 'DRAINING' });
    sim.advance(10_000);
    expect(sim.describeServices({ cluster: 'c', services: ['web'] }).services![0]!.runningCount).toBe(1);
  });

  it('refuse what a FARGATE service cannot have', () => {
    const { sim } = world();
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'fg', desiredCount: 1, launchType: 'FARGATE' }), 'InvalidParameterException', /Network Configuration must be provided/);
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network, schedulingStrategy: 'DAEMON' }), 'InvalidParameterException', /DAEMON scheduling strategy is not supported for the FARGATE launch type/);
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'fg', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network, placementConstraints: [{ type: 'distinctInstance' }] }), 'InvalidParameterException', /Fargate launch type/);
    sim.createService({ cluster: 'c', serviceName: 'ok', taskDefinition: 'fg', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network });
    expectRejected(sim, () => sim.updateService({ cluster: 'c', service: 'ok', taskDefinition: 'ec2' }), 'InvalidParameterException', /Task definition does not support launch_type FARGATE|Network Configuration is not valid/);
    expectRejected(sim, () => sim.updateService({ cluster: 'c', service: 'ok', placementStrategy: [{ type: 'random' }] }), 'InvalidParameterException', /Fargate launch type/);
  });
});

import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { identity } from '../fixtures.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

function cluster(n: number, memory = 4096) {
  const sim = new EcsSimulator({ seed: 21 });
  sim.createCluster({ clusterName: 'c' });
  const arns: string[] = [];
  for (let i = 0; i < n; i++) {
    const { containerInstance } = sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity(`i-${i}`, 'm5.large', AZS[i % 3]),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: memory }],
      versionInfo: { agentVersion: '1.29.0' },
    });
    arns.push(containerInstance!.containerInstanceArn!);
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 512 }] });
  return { sim, arns };
}

function serviceTasks(sim: EcsSimulator, status: 'RUNNING' | 'STOPPED' = 'RUNNING') {
  const arns = sim.listTasks({ cluster: 'c', serviceName: 'web', desiredStatus: status }).taskArns;
  return arns!.length === 0 ? [] : sim.describeTasks({ cluster: 'c', tasks: arns }).tasks;
}

const describeService = (sim: EcsSimulator) => sim.describeServices({ cluster: 'c', services: ['web'] }).services![0]!;

describe('services', () => {
  it('start desiredCount tasks spread over AZs then instances, RUNNING after time passes', () => {
    const { sim, arns } = cluster(6);
    const { service } = sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 6 });
    expect(service).toMatchObject({ serviceName: 'web', status: 'ACTIVE', desiredCount: 6, runningCount: 0, serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/c/web' });
    sim.advance(1_000);
    expect(describeService(sim)).toMatchObject({ pendingCount: 6, runningCount: 0 });
    sim.advance(5_000);
    expect(describeService(sim)).toMatchObject({ pendingCount: 0, runningCount: 6 });
    const hosts = serviceTasks(sim)!.map((t) => t.containerInstanceArn);
    expect(new Set(hosts)).toEqual(new Set(arns));
    expect(serviceTasks(sim)!.every((t) => t.group === 'service:web' && t.startedBy?.startsWith('ecs-svc/'))).toBe(true);
  });

  it('scale out and in; scale-in stops tasks from the busiest instances first', () => {
    const { sim } = cluster(3);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 });
    sim.advance(10_000);
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 7 });
    sim.advance(10_000);
    expect(describeService(sim).runningCount).toBe(7);
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 3 });
    sim.advance(10_000);
    expect(describeService(sim).runningCount).toBe(3);
    const perHost = new Map<string, number>();
    for (const t of serviceTasks(sim)!) perHost.set(t.containerInstanceArn!, (perHost.get(t.containerInstanceArn!) ?? 0) + 1);
    expect([...perHost.values()].sort()).toEqual([1, 1, 1]);
  });

  it('draining replaces tasks within 50% / 200%: 4 tasks move, never fewer than 2 running', () => {
    const { sim, arns } = cluster(2, 8192);
    sim.createService({
      cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 4,
      placementConstraints: [{ type: 'memberOf', expression: `ec2InstanceId == i-0` }],
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
    });
    sim.advance(10_000);
    expect(serviceTasks(sim)!.every((t) => t.containerInstanceArn === arns[0])).toBe(true);
    sim.updateService({ cluster: 'c', service: 'web', placementConstraints: [] });
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    let minRunning = Infinity;
    for (let t = 0; t < 60; t++) {
      sim.advance(1_000);
      minRunning = Math.min(minRunning, serviceTasks(sim)!.filter((x) => x.lastStatus === 'RUNNING').length);
    }
    expect(minRunning).toBeGreaterThanOrEqual(2);
    const tasks = serviceTasks(sim);
    expect(tasks).toHaveLength(4);
    expect(tasks!.every((t) => t.containerInstanceArn === arns[1] && t.lastStatus === 'RUNNING')).toBe(true);
    expect(sim.describeContainerInstances({ cluster: 'c', containerInstances: [arns[0]!] }).containerInstances![0]!.runningTasksCount).toBe(0);
  });

  it('with 100% / 100% draining never completes, as the guide warns', () => {
    const { sim, arns } = cluster(2, 8192);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, placementConstraints: [{ type: 'memberOf', expression: 'ec2InstanceId == i-0' }], deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    sim.advance(10_000);
    sim.updateService({ cluster: 'c', service: 'web', placementConstraints: [] });
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    sim.advance(120_000);
    expect(serviceTasks(sim)!.every((t) => t.containerInstanceArn === arns[0])).toBe(true);
  });

  it('standalone tasks on a draining instance are left alone', () => {
    const { sim, arns } = cluster(1);
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    sim.advance(60_000);
    expect(sim.describeTasks({ cluster: 'c', tasks: [tasks![0]!.taskArn!] }).tasks![0]!.lastStatus).toBe('RUNNING');
  });

  it('force-deregistration orphans service tasks and the service replaces them', () => {
    const { sim, arns } = cluster(2);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, placementConstraints: [{ type: 'distinctInstance' }] });
    sim.advance(10_000);
    sim.registerContainerInstance({ cluster: 'c', instanceIdentityDocument: identity('i-9', 'm5.large', 'us-east-1c'), totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }] });
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arns[0]!, force: true });
    sim.advance(10_000);
    const tasks = serviceTasks(sim);
    expect(tasks).toHaveLength(2);
    expect(tasks!.some((t) => t.containerInstanceArn === arns[0])).toBe(false);
  });

  it('a new task definition rolls the service over', () => {
    const { sim } = cluster(3);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 });
    sim.advance(10_000);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:2', cpu: 256, memory: 512 }] });
    sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' });
    sim.advance(60_000);
    const tasks = serviceTasks(sim);
    expect(tasks).toHaveLength(3);
    expect(tasks!.every((t) => t.taskDefinitionArn!.endsWith('task-definition/web:2'))).toBe(true);
  });

  it('forceNewDeployment replaces every task with a new one of the same task definition, never below minimumHealthyPercent; tasks started after it stay', () => {
    const { sim } = cluster(3);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } });
    sim.advance(10_000);
    const before = new Set(serviceTasks(sim)!.map((t) => t.taskArn));
    sim.updateService({ cluster: 'c', service: 'web', forceNewDeployment: true });
    let lowest = 3;
    for (let t = 0; t < 60; t++) {
      sim.advance(1_000);
      lowest = Math.min(lowest, serviceTasks(sim)!.filter((x) => x.desiredStatus === 'RUNNING').length);
    }
    const after = serviceTasks(sim)!;
    expect(after).toHaveLength(3);
    expect(after.filter((t) => before.has(t.taskArn))).toEqual([]);
    expect(after.every((t) => t.taskDefinitionArn!.endsWith('task-definition/web:1'))).toBe(true);
    expect(lowest).toBe(3);
    // Settled: nothing more moves.
    const settled = after.map((t) => t.taskArn).sort();
    sim.advance(120_000);
    expect(serviceTasks(sim)!.map((t) => t.taskArn).sort()).toEqual(settled);
  });

  it('forceNewDeployment replaces a daemon service\'s tasks too', () => {
    const { sim } = cluster(2);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', schedulingStrategy: 'DAEMON' });
    sim.advance(10_000);
    const before = new Set(serviceTasks(sim)!.map((t) => t.taskArn));
    expect(before.size).toBe(2);
    sim.updateService({ cluster: 'c', service: 'web', forceNewDeployment: true });
    sim.advance(60_000);
    const after = serviceTasks(sim)!;
    expect(after).toHaveLength(2);
    expect(after.filter((t) => before.has(t.taskArn))).toEqual([]);
  });

  it('reports a placement failure as a service event, once', () => {
    const { sim } = cluster(1, 1024);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 });
    sim.advance(10_000);
    const events = describeService(sim).events!.map((e) => e.message!);
    expect(events.filter((m) => m.includes('was unable to place a task'))).toHaveLength(1);
    expect(events.find((m) => m.includes('was unable'))).toMatch(/The closest matching \(container-instance [0-9a-f]+\) has insufficient memory available\.$/);
  });

  it('deleting: refused while scaled above 0 unless forced; then DRAINING and INACTIVE once tasks stop', () => {
    const { sim } = cluster(1);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.advance(10_000);
    expect(() => sim.deleteService({ cluster: 'c', service: 'web' })).toThrow('The service cannot be stopped while it is scaled above 0.');
    expect(sim.deleteService({ cluster: 'c', service: 'web', force: true }).service!.status).toBe('DRAINING');
    sim.advance(10_000);
    expect(describeService(sim).status).toBe('INACTIVE');
    expect(sim.listServices({ cluster: 'c' }).serviceArns).toEqual([]);
  });

  it('refuses a duplicate, a bad desiredCount, an unknown service; changing nothing', () => {
    const { sim } = cluster(1);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 });
    const before = sim.snapshot();
    expect(() => sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 })).toThrow('Creation of service was not idempotent.');
    expect(() => sim.createService({ cluster: 'c', serviceName: 'x', taskDefinition: 'web' })).toThrow('desiredCount is required');
    expect(() => sim.updateService({ cluster: 'c', service: 'nope', desiredCount: 1 })).toThrow('Service not found: nope');
    expect(() => sim.updateService({ cluster: 'c', service: 'web', placementStrategy: [{ type: 'binpack', field: 'disk' }] })).toThrow(/binpack takes the field cpu or memory/);
    expect(sim.snapshot()).toEqual(before);
  });
});

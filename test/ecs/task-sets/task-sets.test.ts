// Task sets: a service with the EXTERNAL (or CODE_DEPLOY) deployment controller is deployed by
// its task sets, each keeping its scale of the service's desiredCount, one of them PRIMARY.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, identity } from '../fixtures.js';

function world(instances = 4) {
  const sim = new EcsSimulator({ seed: 8 });
  sim.createCluster({ clusterName: 'c' });
  const arns: string[] = [];
  for (let i = 0; i < instances; i++) {
    arns.push(sim.registerContainerInstance({
      cluster: 'c', instanceIdentityDocument: identity(`i-${i}`, 'm5.large', ['us-east-1a', 'us-east-1b'][i % 2]),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }],
      versionInfo: { agentVersion: '1.29.0' },
    }).containerInstance!.containerInstanceArn!);
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:1', memory: 256 }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:2', memory: 256 }] });
  sim.registerTaskDefinition({ family: 'fg', networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
  sim.createService({ cluster: 'c', serviceName: 'web', desiredCount: 4, deploymentController: { type: 'EXTERNAL' } });
  return { sim, arns };
}

const sets = (sim: EcsSimulator) => sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets!;
const tasksOf = (sim: EcsSimulator) => {
  const arns = sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns!;
  return arns.length === 0 ? [] : sim.describeTasks({ cluster: 'c', tasks: arns }).tasks!;
};
const perDefinition = (sim: EcsSimulator) => {
  const counts: Record<string, number> = {};
  for (const t of tasksOf(sim)) counts[t.taskDefinitionArn!.split('/')[1]!] = (counts[t.taskDefinitionArn!.split('/')[1]!] ?? 0) + 1;
  return counts;
};

describe('task sets', () => {
  it('blue/green: each task set keeps its scale of desiredCount; the primary switches; the old one drains away', () => {
    const { sim } = world();
    const service = sim.describeServices({ cluster: 'c', services: ['web'] }).services![0]!;
    expect(service).toMatchObject({ deploymentController: { type: 'EXTERNAL' }, taskSets: [], deployments: [] });
    expect(service.taskDefinition).toBeUndefined();
    const blue = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1', externalId: 'blue' }).taskSet!;
    expect(blue).toMatchObject({ status: 'ACTIVE', computedDesiredCount: 4, scale: { value: 100, unit: 'PERCENT' }, stabilityStatus: 'STABILIZING', externalId: 'blue', launchType: 'EC2' });
    expect(blue.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(blue.taskSetArn).toBe(`arn:aws:ecs:us-east-1:123456789012:task-set/c/web/${blue.id}`);
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: blue.id! });
    sim.advance(8_000);
    expect(sets(sim)[0]).toMatchObject({ status: 'PRIMARY', runningCount: 4, pendingCount: 0, stabilityStatus: 'STEADY_STATE' });
    expect(sim.describeServices({ cluster: 'c', services: ['web'] }).services![0]).toMatchObject({ taskDefinition: expect.stringMatching(/web:1$/), runningCount: 4 });

    const green = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:2', scale: { value: 50, unit: 'PERCENT' } }).taskSet!;
    sim.advance(8_000);
    expect(perDefinition(sim)).toEqual({ 'web:1': 4, 'web:2': 2 });
    expect(sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: green.taskSetArn! }).taskSet!.status).toBe('PRIMARY');
    expect(sets(sim).map((s) => s.status)).toEqual(['ACTIVE', 'PRIMARY']);
    expect(sim.describeServices({ cluster: 'c', services: ['web'] }).services![0]!.taskDefinition).toMatch(/web:2$/);
    sim.updateTaskSet({ cluster: 'c', service: 'web', taskSet: green.id!, scale: { value: 100, unit: 'PERCENT' } });
    sim.updateTaskSet({ cluster: 'c', service: 'web', taskSet: blue.id!, scale: { value: 0, unit: 'PERCENT' } });
    sim.advance(8_000);
    expect(perDefinition(sim)).toEqual({ 'web:2': 4 });
    expect(sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: blue.id! }).taskSet!.status).toBe('DRAINING');
    sim.advance(2_000);
    expect(sets(sim).map((s) => s.id)).toEqual([green.id]);
  });

  it('rounds computedDesiredCount up, follows the service desiredCount, and replaces tasks on draining instances', () => {
    const { sim, arns } = world();
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 3 });
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1', scale: { value: 50, unit: 'PERCENT' } }).taskSet!;
    expect(set.computedDesiredCount).toBe(2);
    sim.advance(8_000);
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 10 });
    sim.advance(8_000);
    expect(sets(sim)[0]).toMatchObject({ computedDesiredCount: 5, runningCount: 5 });
    const on0 = tasksOf(sim).filter((t) => t.containerInstanceArn === arns[0]).length;
    expect(on0).toBeGreaterThan(0);
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    sim.advance(15_000);
    expect(tasksOf(sim).filter((t) => t.containerInstanceArn === arns[0])).toEqual([]);
    expect(sets(sim)[0]).toMatchObject({ runningCount: 5, stabilityStatus: 'STEADY_STATE' });
  });

  it('run FARGATE task sets, and take tags (TagResource and include TAGS)', () => {
    const { sim } = world(0);
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } }, tags: [{ key: 'color', value: 'blue' }] }).taskSet!;
    sim.advance(8_000);
    expect(tasksOf(sim).map((t) => [t.launchType, t.containerInstanceArn])).toEqual(Array(4).fill(['FARGATE', undefined]));
    sim.tagResource({ resourceArn: set.taskSetArn!, tags: [{ key: 'stage', value: 'canary' }] });
    expect(sim.listTagsForResource({ resourceArn: set.taskSetArn! }).tags).toEqual([{ key: 'color', value: 'blue' }, { key: 'stage', value: 'canary' }]);
    expect(sim.describeTaskSets({ cluster: 'c', service: 'web', include: ['TAGS'] }).taskSets![0]!.tags).toHaveLength(2);
    expect(sets(sim)[0]!.tags).toBeUndefined();
  });

  it('CODE_DEPLOY: CreateService makes the first task set, PRIMARY at 100%', () => {
    const { sim } = world();
    sim.createService({ cluster: 'c', serviceName: 'cd', taskDefinition: 'web:1', desiredCount: 2, deploymentController: { type: 'CODE_DEPLOY' } });
    sim.advance(8_000);
    const [set] = sim.describeTaskSets({ cluster: 'c', service: 'cd' }).taskSets!;
    expect(set).toMatchObject({ status: 'PRIMARY', computedDesiredCount: 2, runningCount: 2, startedBy: 'CodeDeploy' });
  });

  it('describes unknown task sets as failures, and survives forks and snapshots', () => {
    const { sim } = world();
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1' }).taskSet!;
    expect(sim.describeTaskSets({ cluster: 'c', service: 'web', taskSets: [set.id!, 'ecs-svc/1111111111111111111'] }).failures)
      .toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:task-set/c/web/ecs-svc/1111111111111111111', reason: 'MISSING' }]);
    const fork = sim.fork();
    fork.updateTaskSet({ cluster: 'c', service: 'web', taskSet: set.id!, scale: { value: 25, unit: 'PERCENT' } });
    expect(sets(sim)[0]!.scale!.value).toBe(100);
    const copy = EcsSimulator.restore(sim.snapshot());
    expect(copy.snapshot()).toEqual(sim.snapshot());
    copy.advance(8_000);
    expect(sets(copy)[0]!.runningCount).toBe(4);
  });

  it('refuses what ECS refuses, changing nothing', () => {
    const { sim } = world();
    sim.createService({ cluster: 'c', serviceName: 'ecs', taskDefinition: 'web:1', desiredCount: 1 });
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1' }).taskSet!;
    expectRejected(sim, () => sim.createTaskSet({ cluster: 'c', service: 'ecs', taskDefinition: 'web:1' }), 'InvalidParameterException', /uses the ECS deployment controller/);
    expectRejected(sim, () => sim.createTaskSet({ cluster: 'c', service: 'nope', taskDefinition: 'web:1' }), 'ServiceNotFoundException');
    expectRejected(sim, () => sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1', scale: { value: 150, unit: 'PERCENT' } }), 'InvalidParameterException', /0 to 100/);
    expectRejected(sim, () => sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'nope' }), 'ClientException', /TaskDefinition not found/);
    expectRejected(sim, () => sim.updateTaskSet({ cluster: 'c', service: 'web', taskSet: 'ecs-svc/1111111111111111111', scale: { value: 1, unit: 'PERCENT' } }), 'TaskSetNotFoundException');
    expectRejected(sim, () => sim.updateTaskSet({ cluster: 'c', service: 'web', taskSet: 'blue', scale: { value: 1, unit: 'PERCENT' } }), 'InvalidParameterException', /neither a task set id/);
    expectRejected(sim, () => sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: set.id! }), 'InvalidParameterException', /scale it to 0 first, or delete it with force/);
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 'x', taskDefinition: 'web:1', desiredCount: 1, deploymentController: { type: 'EXTERNAL' } }), 'InvalidParameterException', /takes its task definitions from its task sets/);
    sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: set.id!, force: true });
    expectRejected(sim, () => sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: set.id! }), 'InvalidParameterException', /DRAINING/);
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 0 });
    sim.deleteService({ cluster: 'c', service: 'web' });
    expectRejected(sim, () => sim.describeTaskSets({ cluster: 'c', service: 'web' }), 'ServiceNotActiveException');
  });
});

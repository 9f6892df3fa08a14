import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

describe('clusters', () => {
  it('CreateCluster creates once and is idempotent; the default name is default', () => {
    const sim = new EcsSimulator();
    expect(sim.createCluster({ clusterName: 'prod' }).cluster).toMatchObject({ clusterName: 'prod', status: 'ACTIVE', clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' });
    sim.createCluster({ clusterName: 'prod' });
    sim.createCluster();
    expect(sim.listClusters().clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'arn:aws:ecs:us-east-1:123456789012:cluster/default']);
  });
  it('accepts a cluster by name or ARN, and refuses an ARN of another account or region', () => {
    const sim = new EcsSimulator();
    sim.createCluster({ clusterName: 'prod' });
    expect(sim.listContainerInstances({ cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' }).containerInstanceArns).toEqual([]);
    expect(() => sim.listContainerInstances({ cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod' })).toThrow(/is not a cluster of account 123456789012 in us-east-1/);
  });
  it('an unknown cluster is ClusterNotFoundException: Cluster not found.', () => {
    const sim = new EcsSimulator();
    expect(() => sim.listContainerInstances({ cluster: 'x' })).toThrow('Cluster not found.');
    expect(() => sim.listContainerInstances()).toThrow('Cluster not found.');
  });
  it('refuses a bad cluster name', () => {
    expect(() => new EcsSimulator().createCluster({ clusterName: 'a b' })).toThrow(/clusterName: up to 255 letters/);
  });
  it('DescribeClusters reports counts and MISSING clusters', () => {
    const sim = new EcsSimulator();
    sim.createCluster({ clusterName: 'prod' });
    const r = sim.describeClusters({ clusters: ['prod', 'nope'] });
    expect(r.clusters).toMatchObject([{ clusterName: 'prod', registeredContainerInstancesCount: 0 }]);
    expect(r.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING' }]);
  });
  it("DescribeClusters with include STATISTICS counts tasks and services by launch type, as ECS names them; without it there are none", () => {
    const sim = simWithCluster();
    register(sim, 1);
    sim.registerTaskDefinition({ family: 'fg', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    sim.registerTaskDefinition({ family: 'ec2', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256 }] });
    const network = { awsvpcConfiguration: { subnets: ['subnet-0123'] } };
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'ec2', desiredCount: 2 });
    sim.createService({ cluster: 'c', serviceName: 'old', taskDefinition: 'ec2', desiredCount: 1 });
    sim.createService({ cluster: 'c', serviceName: 'fg', taskDefinition: 'fg', desiredCount: 0, launchType: 'FARGATE', networkConfiguration: network });
    sim.advance(60_000); // web's two and old's one RUNNING
    sim.deleteService({ cluster: 'c', service: 'old', force: true }); // DRAINING while its task stops
    sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', count: 3, networkConfiguration: network }); // PENDING
    sim.runTask({ cluster: 'c', taskDefinition: 'ec2' }); // PENDING
    const [cluster] = sim.describeClusters({ clusters: ['c'], include: ['STATISTICS'] }).clusters!;
    expect(Object.fromEntries(cluster!.statistics!.map((kv) => [kv.name, kv.value]))).toEqual({
      runningEC2TasksCount: '3',
      runningFargateTasksCount: '0',
      pendingEC2TasksCount: '1',
      pendingFargateTasksCount: '3',
      activeEC2ServiceCount: '1',
      activeFargateServiceCount: '1',
      drainingEC2ServiceCount: '1',
      drainingFargateServiceCount: '0',
    });
    expect(cluster).toMatchObject({ runningTasksCount: 3, pendingTasksCount: 4, activeServicesCount: 2 });
    expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]!.statistics).toBeUndefined();
  });
  it('ListClusters pages with signed tokens', () => {
    const sim = new EcsSimulator();
    for (const n of ['a', 'b', 'c']) sim.createCluster({ clusterName: n });
    const p1 = sim.listClusters({ maxResults: 2 });
    expect(p1.clusterArns).toHaveLength(2);
    expect(sim.listClusters({ maxResults: 2, nextToken: p1.nextToken }).clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/c']);
  });
  it('validates simulator options', () => {
    expect(() => new EcsSimulator({ accountId: '12' })).toThrow(/account id has 12 digits/);
    expect(() => new EcsSimulator({ region: 'mars' })).toThrow(/not an AWS Region name/);
    expect(() => new EcsSimulator({ startTime: 'never' })).toThrow(/not a valid time/);
  });
});

describe('DeleteCluster', () => {
  function busy() {
    const sim = simWithCluster();
    const arn = register(sim, 1);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 128, memory: 128 }] });
    return { sim, arn };
  }

  it('makes an empty cluster INACTIVE: describable, not listed, ClusterNotFoundException for everything else', () => {
    const sim = simWithCluster();
    expect(sim.deleteCluster({ cluster: 'c' }).cluster).toMatchObject({ clusterName: 'c', status: 'INACTIVE' });
    expect(sim.describeClusters({ clusters: ['c'] }).clusters).toMatchObject([{ clusterName: 'c', status: 'INACTIVE' }]);
    expect(sim.listClusters().clusterArns).toEqual([]);
    expectRejected(sim, () => sim.listContainerInstances({ cluster: 'c' }), 'ClusterNotFoundException');
    expectRejected(sim, () => sim.deleteCluster({ cluster: 'c' }), 'ClusterNotFoundException');
  });

  it('CreateCluster of a deleted name makes a new, empty ACTIVE cluster', () => {
    const { sim, arn } = busy();
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
    sim.deleteCluster({ cluster: 'c' });
    expect(sim.createCluster({ clusterName: 'c' }).cluster).toMatchObject({ status: 'ACTIVE', registeredContainerInstancesCount: 0 });
    expect(sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns).toEqual([]);
  });

  it('is refused while container instances are registered or services are active or draining', () => {
    const { sim, arn } = busy();
    expectRejected(sim, () => sim.deleteCluster({ cluster: 'c' }), 'ClusterContainsContainerInstancesException', /deregister/);
    sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'web', desiredCount: 1 });
    sim.advance(10_000);
    // Forced deregistration orphans the service's task; the service itself stays.
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn, force: true });
    expectRejected(sim, () => sim.deleteCluster({ cluster: 'c' }), 'ClusterContainsServicesException', /delete them/);
    sim.updateService({ cluster: 'c', service: 's', desiredCount: 0 });
    sim.deleteService({ cluster: 'c', service: 's' });
    // A deleted service is DRAINING until the scheduler has seen it off.
    expectRejected(sim, () => sim.deleteCluster({ cluster: 'c' }), 'ClusterContainsServicesException');
    sim.advance(10_000);
    expect(sim.deleteCluster({ cluster: 'c' }).cluster!.status).toBe('INACTIVE');
  });

  it('can follow once a task is stopped and its instance deregistered', () => {
    const { sim, arn } = busy();
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!;
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'DRAINING' });
    // Deregistering without force is refused while the task runs; stop it, and the instance can go.
    sim.stopTask({ cluster: 'c', task: task.taskArn! });
    sim.advance(10_000);
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
    expect(sim.deleteCluster({ cluster: 'c' }).cluster!.status).toBe('INACTIVE');
  });

  it('requires the cluster member', () => {
    const sim = simWithCluster();
    expectRejected(sim, () => sim.deleteCluster({} as never), 'InvalidParameterException', /cluster is required/);
  });

  it('DescribeClusters counts ACTIVE services', () => {
    const { sim } = busy();
    sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'web', desiredCount: 0 });
    expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]!.activeServicesCount).toBe(1);
  });
});

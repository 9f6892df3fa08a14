// DAEMON services: one task on each ACTIVE instance that satisfies the constraints (instances
// registered later too), placed ahead of replica tasks, stopping after the other tasks on a
// draining instance, replaced stop-first on a new task definition.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, identity } from '../fixtures.js';

function cluster(n: number, memory = 2048) {
  const sim = new EcsSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'c' });
  const arns: string[] = [];
  const add = (i: number, role = i % 3 === 2 ? 'batch' : 'web') => {
    const { containerInstance } = sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity(`i-${i}`, 'm5.large', ['us-east-1a', 'us-east-1b'][i % 2]),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: memory }],
      versionInfo: { agentVersion: '1.29.0' },
      attributes: [{ name: 'role', value: role }],
    });
    arns.push(containerInstance!.containerInstanceArn!);
    return containerInstance!.containerInstanceArn!;
  };
  for (let i = 0; i < n; i++) add(i);
  sim.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'log', image: 'fluentd', memory: 512 }] });
  sim.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'log', image: 'fluentd:2', memory: 512 }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512 }] });
  return { sim, arns, add };
}

const tasksOf = (sim: EcsSimulator, service: string, desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING') => {
  const arns = sim.listTasks({ cluster: 'c', serviceName: service, desiredStatus }).taskArns!;
  return arns.length === 0 ? [] : sim.describeTasks({ cluster: 'c', tasks: arns }).tasks!;
};
const hosts = (sim: EcsSimulator, service: string) => tasksOf(sim, service).map((t) => t.containerInstanceArn!).sort();
const service = (sim: EcsSimulator, name = 'd') => sim.describeServices({ cluster: 'c', services: [name] }).services![0]!;

describe('DAEMON services', () => {
  it('run one task on each ACTIVE instance that satisfies the constraints; desiredCount counts those instances', () => {
    const { sim, arns } = cluster(6);
    const created = sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON', placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == web' }] }).service!;
    expect(created).toMatchObject({ schedulingStrategy: 'DAEMON', desiredCount: 0, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } });
    sim.advance(7_000);
    const web = arns.filter((_, i) => i % 3 !== 2).sort();
    expect(hosts(sim, 'd')).toEqual(web);
    expect(service(sim)).toMatchObject({ desiredCount: 4, runningCount: 4 });
  });

  it('start a task on an instance registered later, and stop the one on an instance that stops qualifying', () => {
    const { sim, arns: registered, add } = cluster(2);
    const arns = [...registered];
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON', placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == web' }] });
    sim.advance(7_000);
    const late = add(9, 'web');
    add(10, 'batch');
    sim.advance(7_000);
    expect(hosts(sim, 'd')).toEqual([...arns, late].sort());
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'role', value: 'batch', targetId: arns[0]! }] });
    sim.advance(1_000); // a put is no instance event; the next change makes the scheduler look
    sim.updateService({ cluster: 'c', service: 'd' });
    sim.advance(7_000);
    expect(hosts(sim, 'd')).toEqual([arns[1]!, late].sort());
    expect(tasksOf(sim, 'd', 'STOPPED')[0]!.stoppedReason).toMatch(/no longer satisfies the daemon service/);
    expect(service(sim).desiredCount).toBe(2);
  });

  it('are placed ahead of replica tasks: a replica service created first does not crowd them out', () => {
    const { sim, arns } = cluster(2, 1024); // room for two 512 MiB tasks per instance
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 10 });
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' });
    sim.advance(7_000);
    expect(hosts(sim, 'd')).toEqual([...arns].sort());
    expect(tasksOf(sim, 'web')).toHaveLength(2);
  });

  it('on a draining instance, stop after the other tasks there have stopped', () => {
    const { sim, arns } = cluster(2, 4096);
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' });
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 4, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 200 } });
    sim.advance(7_000);
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    sim.advance(1_000); // the scheduler's pass: replica tasks there told to stop, the daemon not yet
    const onDrained = (name: string) => tasksOf(sim, name).filter((t) => t.containerInstanceArn === arns[0]);
    expect(onDrained('web')).toEqual([]);
    expect(onDrained('d')).toHaveLength(1);
    sim.advance(5_000); // the replica tasks have STOPPED; the next pass stops the daemon
    sim.advance(1_000);
    expect(onDrained('d')).toEqual([]);
    const stopped = sim.describeTasks({ cluster: 'c', tasks: sim.listTasks({ cluster: 'c', containerInstance: arns[0]!, desiredStatus: 'STOPPED' }).taskArns! }).tasks!;
    const daemonStop = stopped.find((t) => t.group === 'service:d')!.stoppingAt!.getTime();
    expect(stopped.filter((t) => t.group === 'service:web').every((t) => t.stoppedAt!.getTime() <= daemonStop)).toBe(true);
    expect(service(sim).desiredCount).toBe(1);
  });

  it('replace each task on a new task definition, stopping the old one first', () => {
    const { sim } = cluster(2, 600); // room for one daemon task per instance only
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' });
    sim.advance(7_000);
    sim.updateService({ cluster: 'c', service: 'd', taskDefinition: 'agent:2' });
    sim.advance(20_000);
    expect(tasksOf(sim, 'd').map((t) => t.taskDefinitionArn!.split('/')[1])).toEqual(['agent:2', 'agent:2']);
    expect(service(sim).events!.some((e) => /unable to place/.test(e.message!))).toBe(false);
  });

  it('are deleted without scaling to 0 first, and go INACTIVE once their tasks stopped', () => {
    const { sim } = cluster(2);
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' });
    sim.advance(7_000);
    sim.deleteService({ cluster: 'c', service: 'd' });
    sim.advance(10_000);
    expect(service(sim).status).toBe('INACTIVE');
    expect(tasksOf(sim, 'd')).toEqual([]);
  });

  it('count in a drain what-if: the daemon on the drained instance stops, the others stay', () => {
    const { sim, arns } = cluster(3);
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' });
    sim.advance(7_000);
    const { fork, unplaced } = sim.drainInstancesWhatIf([arns[0]!], { cluster: 'c' });
    expect(unplaced).toEqual([]);
    expect(hosts(fork, 'd')).toEqual([arns[1]!, arns[2]!].sort());
    expect(hosts(sim, 'd')).toEqual([...arns].sort());
  });

  it('refuse what ECS refuses, with its messages', () => {
    const { sim } = cluster(1);
    const base = { cluster: 'c', serviceName: 'd', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' as const };
    expectRejected(sim, () => sim.createService({ ...base, desiredCount: 1 }), 'InvalidParameterException', /^The daemon scheduling strategy does not support a desired count for services\. Remove the desired count value and try again$/);
    expectRejected(sim, () => sim.createService({ ...base, placementStrategy: [{ type: 'random' }] }), 'InvalidParameterException', /^The daemon scheduling strategy does not support placement strategies\. Remove the placement strategy and try again$/);
    expectRejected(sim, () => sim.createService({ ...base, deploymentController: { type: 'CODE_DEPLOY' } }), 'InvalidParameterException', /requires the REPLICA scheduling strategy/);
    sim.createService(base);
    expectRejected(sim, () => sim.updateService({ cluster: 'c', service: 'd', desiredCount: 3 }), 'InvalidParameterException', /does not support a desired count/);
    expectRejected(sim, () => sim.updateService({ cluster: 'c', service: 'd', placementStrategy: [{ type: 'binpack', field: 'memory' }] }), 'InvalidParameterException', /does not support placement strategies/);
  });
});

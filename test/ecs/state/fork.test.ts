import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/index.js';
import { checkInvariants } from '../../../src/testing/index.js';
import { identity } from '../fixtures.js';

function busyCluster() {
  const sim = new EcsSimulator({ seed: 31 });
  sim.createCluster({ clusterName: 'c' });
  const arns: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity(`i-${i}`, 'm5.large', i % 2 ? 'us-east-1a' : 'us-east-1b'),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }, { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22'] }],
      attributes: [{ name: 'stack', value: 'prod' }],
    });
    arns.push(r.containerInstance!.containerInstanceArn!);
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 80 }] }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 });
  sim.advance(10_000);
  return { sim, arns };
}

describe('fork', () => {
  it('starts equal to the original', () => {
    const { sim } = busyCluster();
    expect(sim.fork().snapshot()).toEqual(sim.snapshot());
  });

  it('changes in the fork never show in the original', () => {
    const { sim, arns } = busyCluster();
    const before = sim.snapshot();
    const what = sim.fork();
    what.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!, arns[1]!], status: 'DRAINING' });
    what.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetId: arns[2]! }] });
    what.runTask({ cluster: 'c', taskDefinition: 'web' });
    what.advance(120_000);
    what.deregisterContainerInstance({ cluster: 'c', containerInstance: arns[3]!, force: true });
    expect(sim.snapshot()).toEqual(before);
    expect(sim.query('attribute:stack == prod', { cluster: 'c' })).toEqual(arns);
  });

  it('changes in the original never show in the fork', () => {
    const { sim, arns } = busyCluster();
    const what = sim.fork();
    const forkBefore = what.snapshot();
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 0 });
    sim.advance(60_000);
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetId: arns[0]! }] });
    expect(what.snapshot()).toEqual(forkBefore);
    expect(what.describeServices({ cluster: 'c', services: ['web'] }).services![0]!.runningCount).toBe(3);
  });

  it('two forks given the same what-if end the same (seeded)', () => {
    const { sim, arns } = busyCluster();
    const [a, b] = [sim.fork(), sim.fork()];
    for (const f of [a, b]) {
      f.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
      f.placeTasks({ cluster: 'c', taskDefinition: 'web', count: 5, placementStrategy: [{ type: 'random' }] });
      f.advance(60_000);
    }
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it('a fork is a full simulator: it serves the SDK handler', () => {
    const { sim } = busyCluster();
    expect(typeof sim.fork().sdkHandler).toBe('function');
  });
});

describe('fork of a restored state', () => {
  it('makes the original\'s missing service summaries first, so its forks share them instead of each walking the service\'s tasks', () => {
    const { sim } = busyCluster();
    const restored = EcsSimulator.restore(sim.snapshot());
    const cluster = restored.state.clusters.get('c')!;
    // A snapshot carries no summaries: a restored state starts without.
    expect(cluster.serviceSummaries.has('web')).toBe(false);
    const what = restored.fork();
    expect(cluster.serviceSummaries.has('web')).toBe(true);
    expect(what.state.clusters.get('c')!.serviceSummaries.peek('web')).toBe(cluster.serviceSummaries.peek('web'));
    // The summary is what the tasks say (checkInvariants holds kept summaries to a recount).
    checkInvariants(restored);
    expect(restored.snapshot()).toEqual(sim.snapshot());
  });
});

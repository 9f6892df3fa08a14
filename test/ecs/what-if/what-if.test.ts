import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/index.js';
import { identity } from '../fixtures.js';

describe('drainWhatIf', () => {
  it('reports moved service tasks, unplaced ones with their reason, and utilisation before and after, leaving the original alone', () => {
    const sim = new EcsSimulator({ seed: 41 });
    sim.createCluster({ clusterName: 'c' });
    const azs = ['us-east-1a', 'us-east-1b'];
    for (let i = 0; i < 4; i++) {
      sim.registerContainerInstance({
        cluster: 'c',
        instanceIdentityDocument: identity(`i-${i}`, 'm5.large', azs[i % 2]),
        totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 2048 }],
      });
    }
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 512, memory: 1024 }] });
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 6, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
    sim.advance(10_000);
    const before = sim.snapshot();
    const report = sim.drainWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'c' });
    expect(report.containerInstanceArns).toHaveLength(2);
    // 6 tasks need 6 GiB; the 2 instances left in us-east-1b hold 4 tasks.
    expect(report.unplaced).toEqual([{ service: 'web', missing: 2, reason: expect.stringMatching(/has insufficient memory available/) }]);
    expect(report.moved.length).toBeGreaterThan(0);
    expect(report.utilisation.before.byAvailabilityZone['us-east-1a']!.tasks).toBe(3);
    expect(report.utilisation.after.byAvailabilityZone['us-east-1a']!.tasks).toBe(0);
    expect(report.utilisation.after.byAvailabilityZone['us-east-1b']!.memory).toBe(1);
    expect(sim.snapshot()).toEqual(before);
    expect(report.fork.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns).toHaveLength(2);

    // The same instances named by ARN give the same what-if.
    const { fork: byArnFork, ...byArn } = sim.drainInstancesWhatIf(report.containerInstanceArns, { cluster: 'c' });
    const { fork: byFilterFork, ...byFilter } = report;
    expect(byArn).toEqual(byFilter);
    expect(byArnFork.snapshot()).toEqual(byFilterFork.snapshot());
  });
});

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
    expect(report.services).toEqual([expect.objectContaining({ service: 'web', desiredCount: 6, running: 4, short: 2, stuck: [], reason: 'RESOURCE:MEMORY', message: expect.stringMatching(/has insufficient memory available/) })]);
    expect(report.totals).toMatchObject({ short: 2, stuck: 0, byReason: { 'RESOURCE:MEMORY': 2 } });
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

/** Cluster `c`: instances in two AZs (m5.large, 2048 CPU, 2048 MiB), a task definition `web` (512 CPU, 1024 MiB). */
function twoAzCluster(perAz: number, seed = 3) {
  const sim = new EcsSimulator({ seed });
  sim.createCluster({ clusterName: 'c' });
  const azs = ['us-east-1a', 'us-east-1b'];
  for (let i = 0; i < 2 * perAz; i++) {
    sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity(`i-${String(i).padStart(8, '0')}`, 'm5.large', azs[i % 2]),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 2048 }],
      attributes: [{ name: 'tier', value: i % 2 === 0 ? 'gold' : 'silver' }],
    });
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 512, memory: 1024 }] });
  return sim;
}

describe('what-if reports account for every task', () => {
  it('a task the deployment configuration holds on a draining instance is stuck, with the limit that holds it', () => {
    const sim = twoAzCluster(1);
    // maximumPercent 100: no replacement may start before an old task stops; minimumHealthyPercent 100: none may stop first.
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    sim.advance(10_000);
    const r = sim.drainWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'c' });
    const row = r.services.find((s) => s.service === 'web')!;
    expect(row).toMatchObject({ desiredCount: 2, running: 1, short: 0, reason: 'DEPLOYMENT:maximumPercent' });
    expect(row.stuck).toEqual([expect.objectContaining({ containerInstanceArn: r.containerInstanceArns[0], reason: 'DEPLOYMENT:maximumPercent', message: expect.stringMatching(/maximumPercent 100/) })]);
    expect(r.totals).toMatchObject({ short: 0, stuck: 1, byReason: { 'DEPLOYMENT:maximumPercent': 1 } });
  });

  it('a task whose replacement cannot be placed stays on its draining instance (minimumHealthyPercent 100): stuck, with the placement reason', () => {
    const sim = twoAzCluster(2);
    sim.createService({
      cluster: 'c', serviceName: 'gold', taskDefinition: 'web', desiredCount: 2,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == gold' }],
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
    });
    sim.advance(10_000);
    // Every gold instance is in us-east-1a.
    const r = sim.drainWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'c' });
    const row = r.services.find((s) => s.service === 'gold')!;
    expect(row.stuck).toHaveLength(2);
    expect(row).toMatchObject({ running: 0, short: 0, reason: 'CONSTRAINT:memberOf', message: expect.stringMatching(/memberOf constraint unsatisfied/) });
    expect(r.totals.byReason).toEqual({ 'CONSTRAINT:memberOf': 2 });
    // With minimumHealthyPercent 0 they stop instead: short, not stuck.
    const loose = twoAzCluster(2);
    loose.createService({
      cluster: 'c', serviceName: 'gold', taskDefinition: 'web', desiredCount: 2,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == gold' }],
      deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 200 },
    });
    loose.advance(10_000);
    const r2 = loose.drainWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'c' });
    expect(r2.services.find((s) => s.service === 'gold')).toMatchObject({ short: 2, stuck: [], reason: 'CONSTRAINT:memberOf' });
  });
});

describe('failWhatIf: abrupt loss', () => {
  it('stops the instances\' tasks as on a terminated host, makes them INACTIVE, loses standalone tasks and replaces service tasks', () => {
    const sim = twoAzCluster(2);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 4, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } });
    sim.advance(10_000);
    const standalone = sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 2, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }] }).tasks!.map((t) => t.taskArn!);
    sim.advance(10_000);
    const before = sim.snapshot();
    const r = sim.failWhatIf('attribute:ecs.availability-zone == us-east-1a', { cluster: 'c' });
    expect(sim.snapshot()).toEqual(before);
    expect(r.what).toBe('fail');
    expect(r.standalone.lost.sort()).toEqual([...standalone].sort());
    expect(r.standalone.left).toEqual([]);
    const lostTasks = r.fork.describeTasks({ cluster: 'c', tasks: standalone }).tasks!;
    for (const t of lostTasks) expect(t).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: expect.stringMatching(/^Host EC2 \(instance i-0000000\d\) terminated\.$/) });
    const instances = r.fork.describeContainerInstances({ cluster: 'c', containerInstances: r.containerInstanceArns }).containerInstances!;
    for (const i of instances) expect(i).toMatchObject({ status: 'INACTIVE', agentConnected: false, runningTasksCount: 0 });
    // us-east-1b's two instances hold 4 web tasks (2 each): every service task is replaced.
    expect(r.services).toEqual([expect.objectContaining({ service: 'web', desiredCount: 4, running: 4, short: 0, stuck: [] })]);
    expect(r.moved.reduce((n, m) => n + m.to.length, 0)).toBe(2);
  });

  it('names instances by id or ARN, refuses one that is not in the cluster, and changes nothing then', () => {
    const sim = twoAzCluster(1);
    const [arn] = sim.query(null, { cluster: 'c' });
    const id = arn!.split('/').pop()!;
    expect(sim.failInstancesWhatIf([id], { cluster: 'c' }).containerInstanceArns).toEqual([arn]);
    const before = sim.snapshot();
    expect(() => sim.failInstancesWhatIf([arn!, 'f'.repeat(32)], { cluster: 'c' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/containerInstances\[1\]/) }));
    expect(() => sim.failInstancesWhatIf([arn!], { cluster: 'c', settleMs: -1 })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(sim.snapshot()).toEqual(before);
  });
});

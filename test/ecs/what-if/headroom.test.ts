// headroom: how many more tasks of a shape fit (placed on a fork until the first that cannot be),
// per AZ and instance type, what runs out first; and N+1 with `losing`.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/index.js';
import type { SimState } from '../../../src/ecs/state/state.js';
import { keptLosses } from '../../../src/ecs/what-if/headroom.js';
import { identity } from '../fixtures.js';

/** Cluster `c`: `perAz[i]` instances in AZ i (m5.large: 2048 CPU, 2048 MiB; the last AZ's are c5.large), task definition `web` 512 CPU / 1024 MiB. */
function cluster(perAz: number[]) {
  const sim = new EcsSimulator({ seed: 17 });
  sim.createCluster({ clusterName: 'c' });
  const azs = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  let n = 0;
  perAz.forEach((count, az) => {
    for (let i = 0; i < count; i++) {
      sim.registerContainerInstance({
        cluster: 'c',
        instanceIdentityDocument: identity(`i-${String(n++).padStart(8, '0')}`, az === perAz.length - 1 ? 'c5.large' : 'm5.large', azs[az]),
        totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 2048 }],
      });
    }
  });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 512, memory: 1024 }] });
  return sim;
}

describe('headroom', () => {
  it('counts the tasks that still fit, per AZ and instance type, and names what runs out first', () => {
    const sim = cluster([2, 2]);
    sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 2 });
    const before = sim.snapshot();
    const h = sim.headroom({ taskDefinition: 'web' }, { cluster: 'c' });
    expect(h).toMatchObject({
      tasks: 6, capped: false, runsOutFirst: 'RESOURCE:MEMORY', turnedDown: { 'RESOURCE:MEMORY': 4 },
      byInstanceType: { 'c5.large': expect.any(Number), 'm5.large': expect.any(Number) },
    });
    expect(h.byAvailabilityZone['us-east-1a']! + h.byAvailabilityZone['us-east-1b']!).toBe(6);
    expect(sim.snapshot()).toEqual(before);
    // The same as placing that many for real on a fork: and not one more.
    const placed = sim.fork().placeTasks({ cluster: 'c', taskDefinition: 'web', count: 100 });
    expect(placed.taskArns).toHaveLength(h.tasks);
    expect(placed.byAvailabilityZone).toEqual(h.byAvailabilityZone);
  });

  it('keeps the request\'s constraints: then a constraint runs out first', () => {
    const sim = cluster([2, 3]);
    const h = sim.headroom({ taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }, { type: 'distinctInstance' }] }, { cluster: 'c' });
    expect(h).toMatchObject({
      tasks: 2, byAvailabilityZone: { 'us-east-1a': 2 }, runsOutFirst: 'CONSTRAINT:memberOf',
      turnedDown: { 'CONSTRAINT:distinctInstance': 2, 'CONSTRAINT:memberOf': 3 },
    });
  });

  it('counts without placing where the order cannot matter, and gives what placing one by one gives', () => {
    const sim = cluster([3, 2, 2]);
    sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 3 });
    const spread: Parameters<EcsSimulator['headroom']>[0]['placementStrategy'] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }];
    const counted = sim.headroom({ taskDefinition: 'web', placementStrategy: spread, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }] }, { cluster: 'c' });
    // A memberOf over task:group that every instance passes: the engine places them one by one.
    const placed = sim.headroom({ taskDefinition: 'web', placementStrategy: spread, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large and not(task:group == service:none)' }] }, { cluster: 'c' });
    expect(counted).toEqual(placed);
    expect(counted).toMatchObject({ tasks: 7, byInstanceType: { 'm5.large': 7 }, turnedDown: { 'RESOURCE:MEMORY': 5, 'CONSTRAINT:memberOf': 2 } });
  });

  it('counts with the request\'s overrides, as RunTask would reserve', () => {
    const sim = cluster([2]);
    const h = sim.headroom({ taskDefinition: 'web', overrides: { containerOverrides: [{ name: 'app', memory: 512 }] } }, { cluster: 'c' });
    expect(h.tasks).toBe(8);
  });

  it('stops at `count` and says so', () => {
    expect(cluster([2, 2]).headroom({ taskDefinition: 'web', count: 3 }, { cluster: 'c' })).toMatchObject({ tasks: 3, capped: true, runsOutFirst: undefined, turnedDown: {} });
  });

  it('with losing, answers the worst value after the services replaced what they could, each value shown', () => {
    // 3 instances in 1a, 1 in 1b; a service of 4 tasks (2 per instance fit).
    const sim = cluster([3, 1]);
    sim.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'web', desiredCount: 4 });
    sim.advance(30_000);
    const h = sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: 'attribute:ecs.availability-zone' });
    // Intact: 8 slots, 4 used. Losing 1a leaves 2 slots, which the service takes back: 0 more.
    // Losing 1b leaves 6 slots for the 4 tasks: 2 more.
    expect(h.losing!.intact.tasks).toBe(4);
    expect(h.losing!.byValue.map((v) => [v.value, v.instances, v.headroom.tasks, v.short])).toEqual([['us-east-1a', 3, 0, 2], ['us-east-1b', 1, 2, 0]]);
    expect(h.losing!.worst).toBe('us-east-1a');
    expect(h.tasks).toBe(0);
  });

  it('with losing, another shape on the unchanged state gets the answer a fresh copy gives; any change settles the losses again', () => {
    const sim = cluster([3, 2, 2]);
    sim.registerTaskDefinition({ family: 'small', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 256 }] });
    sim.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'web', desiredCount: 6 });
    sim.advance(30_000);
    const losing = { cluster: 'c', losing: 'attribute:ecs.availability-zone' };
    const fresh = (s: EcsSimulator, family: string) => s.fork().headroom({ taskDefinition: family }, losing);
    expect(sim.headroom({ taskDefinition: 'web' }, losing)).toEqual(fresh(sim, 'web'));
    // Settled once for web, counted again for small:
    expect(sim.headroom({ taskDefinition: 'small' }, losing)).toEqual(fresh(sim, 'small'));
    const before = sim.headroom({ taskDefinition: 'small' }, losing);
    // More tasks of the service: every loss leaves less room, and the answers follow.
    sim.updateService({ cluster: 'c', service: 'svc', desiredCount: 9 });
    sim.advance(30_000);
    const after = sim.headroom({ taskDefinition: 'small' }, losing);
    expect(after).toEqual(fresh(sim, 'small'));
    expect(after.losing!.intact.tasks).toBeLessThan(before.losing!.intact.tasks);
    expect(after.losing!.byValue.map((v) => v.headroom.tasks)).not.toEqual(before.losing!.byValue.map((v) => v.headroom.tasks));
    // Another settle time is another question.
    expect(sim.headroom({ taskDefinition: 'small' }, { ...losing, settleMs: 0 })).toEqual(sim.fork().headroom({ taskDefinition: 'small' }, { ...losing, settleMs: 0 }));
  });

  it('keeps the settled losses of attributes of a few values until the state changes, then lets go of them', () => {
    const sim = cluster([2, 2, 2]);
    sim.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'web', desiredCount: 3 });
    sim.advance(30_000);
    const state = (sim as unknown as { state: SimState }).state;
    sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: 'attribute:ecs.availability-zone' });
    expect(keptLosses(state)).toBe(3);
    sim.describeClusters({ clusters: ['c'] }); // a read changes nothing
    expect(keptLosses(state)).toBe(3);
    sim.advance(1);
    expect(keptLosses(state)).toBe(0);
    // Ten values (a rack per instance): settled every time, not kept.
    const racks = cluster([5, 5]);
    racks.listContainerInstances({ cluster: 'c' }).containerInstanceArns!.forEach((arn, i) => {
      racks.putAttributes({ cluster: 'c', attributes: [{ name: 'rack', value: `r${i}`, targetType: 'container-instance', targetId: arn }] });
    });
    expect(racks.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: 'attribute:rack' }).losing!.byValue).toHaveLength(10);
    expect(keptLosses((racks as unknown as { state: SimState }).state)).toBe(0);
  });

  it('with losing, a request whose answer placing decides (memberOf over task:group) places on a fork of each settled loss', () => {
    const sim = cluster([2, 2]);
    sim.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'web', desiredCount: 3 });
    sim.advance(30_000);
    const losing = { cluster: 'c', losing: 'attribute:ecs.availability-zone' };
    const grouped = { taskDefinition: 'web', placementConstraints: [{ type: 'memberOf' as const, expression: 'not(task:group == service:none)' }] };
    const counted = sim.headroom({ taskDefinition: 'web' }, losing);
    const placed = sim.headroom(grouped, losing);
    expect(placed).toEqual(counted);
    expect(sim.headroom(grouped, losing)).toEqual(counted);
  });

  it('refuses a losing that is not attribute:<name>, and a request RunTask would refuse', () => {
    const sim = cluster([1]);
    expect(() => sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: 'az' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    // The name is an attribute name, never CQL.
    for (const losing of ['attribute:ecs.availability-zone exists or agentConnected == true', 'attribute:(', 'attribute:a\nb']) {
      expect(() => sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/^losing: an attribute name has/) }));
    }
    expect(sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: 'attribute:__proto__' }).losing!.byValue).toEqual([]);
    // Values no JSON carries are described, never turned into text (a null-prototype object threw TypeError).
    for (const odd of [Object.create(null), 10n, Symbol('az')]) {
      expect(() => sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: odd })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
      expect(() => sim.headroom({ taskDefinition: 'web' }, { cluster: 'c', losing: 'attribute:ecs.availability-zone', settleMs: odd })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    }
    expect(() => sim.headroom({ taskDefinition: 'nope' }, { cluster: 'c' })).toThrow(expect.objectContaining({ name: 'ClientException' }));
  });
});

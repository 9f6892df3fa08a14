import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { register, simWithCluster } from '../fixtures.js';

describe('snapshot and restore', () => {
  it('round-trips the whole state losslessly, through JSON text too', () => {
    const sim = simWithCluster();
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    const a = register(sim, 1, { attributes: [{ name: 'stack', value: 'prod' }], tags: [{ key: 't', value: 'v' }] });
    register(sim, 2, { instanceType: 'c5.large' }); // trunked: an event is pending
    sim.injectFault('agent-update-failure', 2);
    sim.advance(10_000);
    const snap = sim.snapshot();
    const restored = EcsSimulator.restore(JSON.stringify(snap));
    expect(restored.snapshot()).toEqual(snap);
    expect(restored.now).toBe(sim.now);
    expect(restored.query('attribute:stack == prod', { cluster: 'c' })).toEqual([a]);
    expect(restored.describeContainerInstances({ cluster: 'c', containerInstances: [a], include: ['TAGS'] }))
      .toEqual(sim.describeContainerInstances({ cluster: 'c', containerInstances: [a], include: ['TAGS'] }));
  });

  it('a restored simulator continues exactly as the original would (pending events, random ids)', () => {
    const sim = simWithCluster();
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    register(sim, 1, { instanceType: 'c5.large' });
    const restored = EcsSimulator.restore(sim.snapshot());
    for (const s of [sim, restored]) {
      s.advance(30_000);
      register(s, 2);
    }
    expect(restored.snapshot()).toEqual(sim.snapshot());
  });

  it('restored and original are independent', () => {
    const sim = simWithCluster();
    const a = register(sim, 1);
    const restored = EcsSimulator.restore(sim.snapshot());
    register(restored, 2);
    sim.state.clusters.get('c')!.instances.get(a)!.attributes.push({ name: 'x' });
    expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toHaveLength(1);
    expect(restored.describeContainerInstances({ cluster: 'c', containerInstances: [a] }).containerInstances![0]!.attributes).not.toContainEqual({ name: 'x' });
  });

  it('refuses something that is not a snapshot', () => {
    expect(() => EcsSimulator.restore({} as never)).toThrow(/not a snapshot of this simulator/);
    expect(() => EcsSimulator.restore('{"format":"other"}')).toThrow(/not a snapshot/);
  });
});

describe('fromDescribeOutput', () => {
  const response = {
    containerInstances: [
      {
        containerInstanceArn: 'arn:aws:ecs:us-west-2:111122223333:container-instance/prod/2dd1b186f39845a584488d2ef155c131',
        ec2InstanceId: 'i-0a1b2c3d4e5f60718',
        version: 12,
        versionInfo: { agentVersion: '1.29.0', agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' },
        registeredResources: [{ name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 }],
        remainingResources: [{ name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 1024 }],
        status: 'DRAINING',
        agentConnected: true,
        runningTasksCount: 2,
        pendingTasksCount: 0,
        attributes: [{ name: 'ecs.instance-type', value: 'c5.large' }, { name: 'ecs.capability.task-eni' }],
        registeredAt: 1560788724.507,
        attachments: [],
      },
    ],
    failures: [],
  };

  it('loads a real response as is: ARNs, versions, statuses and epoch-second timestamps', () => {
    const sim = EcsSimulator.fromDescribeOutput(response);
    const arn = response.containerInstances[0]!.containerInstanceArn;
    expect(sim.query('attribute:ecs.instance-type == c5.large', { cluster: 'prod' })).toEqual([arn]);
    const ci = sim.describeContainerInstances({ cluster: 'prod', containerInstances: [arn] }).containerInstances![0]!;
    expect(ci.registeredAt).toEqual(new Date(1560788724507));
    expect(ci.version).toBe(12);
    expect(ci.status).toBe('DRAINING');
    expect(sim.listContainerInstances({ cluster: 'prod', status: 'DRAINING' }).containerInstanceArns).toEqual([arn]);
    expect(sim.query('registeredAt == 2019-06-17T16:25:24Z', { cluster: 'prod' })).toEqual([arn]);
  });

  it('loads the bundled sample cluster', () => {
    const json = JSON.parse(readFileSync(new URL('../../../datasets/small.json', import.meta.url), 'utf8'));
    const sim = EcsSimulator.fromDescribeOutput(json);
    // Every status a listing shows (the generator also dumps REGISTERING / DEREGISTERING ones).
    expect(sim.query(null, { cluster: 'sample' })).toHaveLength(50);
  });

  it('refuses what is not a DescribeContainerInstances response', () => {
    expect(() => EcsSimulator.fromDescribeOutput({ instances: [] })).toThrow(/expected a DescribeContainerInstances response/);
    const bad = { containerInstances: [{ ...response.containerInstances[0], registeredAt: 'soon' }] };
    expect(() => EcsSimulator.fromDescribeOutput(bad)).toThrow(/registeredAt: must be a timestamp/);
    const twice = { containerInstances: [response.containerInstances[0], response.containerInstances[0]] };
    expect(() => EcsSimulator.fromDescribeOutput(twice)).toThrow(/appears twice/);
  });
});

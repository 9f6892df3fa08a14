import { describe, expect, it } from 'vitest';
import { register, simWithCluster } from '../fixtures.js';

describe('DescribeContainerInstances', () => {
  it('describes by id or ARN, in the order asked, with MISSING failures for unknown ones', () => {
    const sim = simWithCluster();
    const a = register(sim, 1);
    const b = register(sim, 2);
    const idB = b.split('/').pop()!;
    const unknownId = '0123456789abcdef0123456789abcdef';
    const r = sim.describeContainerInstances({ cluster: 'c', containerInstances: [idB, a, unknownId] });
    expect(r.containerInstances!.map((i) => i.containerInstanceArn)).toEqual([b, a]);
    expect(r.failures).toEqual([{ arn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${unknownId}`, reason: 'MISSING' }]);
  });

  it('includes tags only with include TAGS', () => {
    const sim = simWithCluster();
    const a = register(sim, 1, { tags: [{ key: 'team', value: 'search' }] });
    expect(sim.describeContainerInstances({ cluster: 'c', containerInstances: [a] }).containerInstances![0]!.tags).toBeUndefined();
    expect(sim.describeContainerInstances({ cluster: 'c', containerInstances: [a], include: ['TAGS'] }).containerInstances![0]!.tags).toEqual([{ key: 'team', value: 'search' }]);
  });

  it('reports an ARN of another cluster as MISSING', () => {
    const sim = simWithCluster();
    sim.createCluster({ clusterName: 'd' });
    const a = register(sim, 1);
    const r = sim.describeContainerInstances({ cluster: 'd', containerInstances: [a] });
    expect(r.containerInstances).toEqual([]);
    expect(r.failures).toEqual([{ arn: a, reason: 'MISSING' }]);
  });

  it('returns copies: changing a response does not change the simulator', () => {
    const sim = simWithCluster();
    const a = register(sim, 1);
    const first = sim.describeContainerInstances({ cluster: 'c', containerInstances: [a] }).containerInstances![0]!;
    first.attributes!.push({ name: 'x', value: 'y' });
    first.registeredResources![0]!.integerValue = 1;
    const again = sim.describeContainerInstances({ cluster: 'c', containerInstances: [a] }).containerInstances![0]!;
    expect(again.attributes).not.toContainEqual({ name: 'x', value: 'y' });
    expect(again.registeredResources![0]!.integerValue).toBe(2048);
  });

  describe('refuses bad input', () => {
    it('no containerInstances', () => {
      expect(() => simWithCluster().describeContainerInstances({ cluster: 'c' } as never)).toThrow('containerInstances is required');
      expect(() => simWithCluster().describeContainerInstances({ cluster: 'c', containerInstances: [] })).toThrow('containerInstances must hold at least 1 item');
    });
    it('more than 100', () => {
      const refs = Array.from({ length: 101 }, (_, i) => `id${i}`);
      expect(() => simWithCluster().describeContainerInstances({ cluster: 'c', containerInstances: refs })).toThrow('containerInstances may hold at most 100 items; got 101');
    });
    it('an include other than TAGS', () => {
      expect(() => simWithCluster().describeContainerInstances({ cluster: 'c', containerInstances: ['x'], include: ['HEALTH'] } as never)).toThrow('include[0] must be one of TAGS');
    });
    it('a reference that is neither an id nor an ARN', () => {
      expect(() => simWithCluster().describeContainerInstances({ cluster: 'c', containerInstances: ['not an id!'] })).toThrow(/neither a container instance id nor a container instance ARN/);
    });
    it('an unknown cluster', () => {
      try {
        simWithCluster().describeContainerInstances({ cluster: 'zzz', containerInstances: ['x'] });
        expect.unreachable();
      } catch (e) {
        expect((e as Error).name).toBe('ClusterNotFoundException');
      }
    });
  });
});

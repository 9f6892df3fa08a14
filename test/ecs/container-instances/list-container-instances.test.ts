import { paginateListContainerInstances } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { register, simWithCluster } from '../fixtures.js';

function cluster(n: number) {
  const sim = simWithCluster();
  const arns = Array.from({ length: n }, (_, i) => register(sim, i, { attributes: [{ name: 'parity', value: i % 2 ? 'odd' : 'even' }] }));
  return { sim, arns };
}

function allPages(sim: EcsSimulator, request: Record<string, unknown>): string[] {
  const out: string[] = [];
  let nextToken = request['nextToken'] as string | undefined;
  do {
    const page = sim.listContainerInstances({ ...request, nextToken });
    out.push(...page.containerInstanceArns!);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}

describe('ListContainerInstances', () => {
  it('lists in registration order, filtered by CQL', () => {
    const { sim, arns } = cluster(6);
    expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual(arns);
    expect(sim.listContainerInstances({ cluster: 'c', filter: 'attribute:parity == odd' }).containerInstanceArns).toEqual([arns[1], arns[3], arns[5]]);
  });

  it('returns at most 100 per page by default, with a nextToken while more remain', () => {
    const { sim, arns } = cluster(150);
    const first = sim.listContainerInstances({ cluster: 'c' });
    expect(first.containerInstanceArns).toHaveLength(100);
    expect(first.nextToken).toBeTypeOf('string');
    const second = sim.listContainerInstances({ cluster: 'c', nextToken: first.nextToken });
    expect(second.containerInstanceArns).toEqual(arns.slice(100));
    expect(second.nextToken).toBeUndefined();
  });

  it('pages with maxResults to the end, filter and all', () => {
    const { sim, arns } = cluster(25);
    expect(allPages(sim, { cluster: 'c', maxResults: 4, filter: 'attribute:parity == even' })).toEqual(arns.filter((_, i) => i % 2 === 0));
  });

  it('never returns an instance twice nor skips one that existed throughout when the cluster changes while paging', () => {
    const { sim, arns } = cluster(20);
    const page1 = sim.listContainerInstances({ cluster: 'c', maxResults: 5 });
    // Changes between pages: a deregistration before the cursor, one after, new registrations.
    sim.state.clusters.get('c')!.store.setStatus(arns[2]!, 'INACTIVE');
    sim.state.clusters.get('c')!.store.setStatus(arns[12]!, 'INACTIVE');
    const added = [register(sim, 100), register(sim, 101)];
    const rest = allPages(sim, { cluster: 'c', maxResults: 5, nextToken: page1.nextToken });
    const seen = [...page1.containerInstanceArns!, ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    for (const arn of arns) if (arn !== arns[12]) expect(seen).toContain(arn);
    expect(seen).toEqual(expect.arrayContaining(added));
  });

  it('lists every status but INACTIVE by default, or the one status asked for', () => {
    const { sim, arns } = cluster(3);
    const store = sim.state.clusters.get('c')!.store;
    store.setStatus(arns[0]!, 'DRAINING');
    store.setStatus(arns[1]!, 'INACTIVE');
    expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([arns[0], arns[2]]);
    expect(sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns).toEqual([arns[0]]);
  });

  it('works with the AWS SDK paginator shape (containerInstanceArns / nextToken)', async () => {
    expect(typeof paginateListContainerInstances).toBe('function');
    const { sim, arns } = cluster(7);
    expect(allPages(sim, { cluster: 'c', maxResults: 2 })).toEqual(arns);
  });

  describe('refuses bad input', () => {
    const cases: Array<[string, Record<string, unknown>, string | RegExp, string]> = [
      ['an unknown cluster', { cluster: 'nope' }, 'Cluster not found.', 'ClusterNotFoundException'],
      ['maxResults 0', { cluster: 'c', maxResults: 0 }, 'maxResults must be between 1 and 100; got 0', 'InvalidParameterException'],
      ['maxResults 101', { cluster: 'c', maxResults: 101 }, 'maxResults must be between 1 and 100; got 101', 'InvalidParameterException'],
      ['a status outside the enum', { cluster: 'c', status: 'INACTIVE' }, /status must be one of ACTIVE, DRAINING, REGISTERING, DEREGISTERING, REGISTRATION_FAILED/, 'InvalidParameterException'],
      ['a bad filter, with its position', { cluster: 'c', filter: 'runningTasksCount >' }, "filter: line 1, column 20: expected a value after '>' but found end of input", 'InvalidParameterException'],
      ['a forged nextToken', { cluster: 'c', nextToken: 'eyJvIjoiTGlzdENvbnRhaW5lckluc3RhbmNlcyJ9.AAAAAAAAAAAAAAAAAAAAAA' }, /nextToken is invalid/, 'InvalidParameterException'],
      ['a garbage nextToken', { cluster: 'c', nextToken: 'x' }, /nextToken is invalid/, 'InvalidParameterException'],
    ];
    for (const [what, request, message, name] of cases) {
      it(what, () => {
        const { sim } = cluster(2);
        try {
          sim.listContainerInstances(request);
          expect.unreachable();
        } catch (e) {
          expect((e as Error).name).toBe(name);
          expect(() => { throw e; }).toThrow(message);
        }
      });
    }
    it('a token from another query or another simulator', () => {
      const { sim } = cluster(5);
      const token = sim.listContainerInstances({ cluster: 'c', maxResults: 1 }).nextToken;
      expect(() => sim.listContainerInstances({ cluster: 'c', maxResults: 1, filter: 'attribute:parity == odd', nextToken: token })).toThrow(/nextToken is invalid/);
      const other = new EcsSimulator({ seed: 99 });
      other.createCluster({ clusterName: 'c' });
      expect(() => other.listContainerInstances({ cluster: 'c', nextToken: token })).toThrow(/nextToken is invalid/);
    });
    it('an edited token', () => {
      const { sim } = cluster(5);
      const token = sim.listContainerInstances({ cluster: 'c', maxResults: 1 }).nextToken!;
      const [payload, mac] = token.split('.');
      const body = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      body.k = -1;
      const edited = `${Buffer.from(JSON.stringify(body)).toString('base64url')}.${mac}`;
      expect(() => sim.listContainerInstances({ cluster: 'c', maxResults: 1, nextToken: edited })).toThrow(/nextToken is invalid/);
    });
  });
});

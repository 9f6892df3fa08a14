// Stable paging for every List operation: pages continue after the last item's own key (never a
// position), so an item removed between pages never makes the next page skip one that existed
// throughout; and a token is bound to its cluster's incarnation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

/**
 * Pages through `list` with `maxResults`, calling `between(page)` after each page; returns every
 * item listed. The answer must hold every item of `kept` (items that existed throughout).
 */
function pageThrough(list: (nextToken: string | undefined) => { items: string[]; nextToken?: string | undefined }, between: (items: string[]) => void): string[] {
  const seen: string[] = [];
  let token: string | undefined;
  for (let n = 0; n < 100; n++) {
    const page = list(token);
    seen.push(...page.items);
    between(page.items);
    token = page.nextToken;
    if (token === undefined) return seen;
  }
  throw new Error('paging did not end');
}

function withTasks(count: number): EcsSimulator {
  const sim = simWithCluster();
  for (let i = 0; i < 4; i++) register(sim, i);
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 16 }] });
  for (let i = 0; i < count; i += 10) sim.runTask({ cluster: 'c', taskDefinition: 'web', count: Math.min(10, count - i) });
  return sim;
}

describe('a removal between pages never skips an item that existed throughout', () => {
  it('ListTasks: tasks stopped (gone from the RUNNING list) between pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.array(fc.nat(4), { minLength: 1, maxLength: 8 }), (maxResults, stops) => {
        const sim = withTasks(30);
        const all = sim.listTasks({ cluster: 'c' }).taskArns!;
        const stopped = new Set<string>();
        let k = 0;
        const seen = pageThrough(
          (nextToken) => {
            const r = sim.listTasks({ cluster: 'c', maxResults, ...(nextToken === undefined ? {} : { nextToken }) });
            return { items: r.taskArns!, nextToken: r.nextToken };
          },
          (page) => {
            // Stop one task listed already (or any one): the list shrinks before the cursor.
            const victim = page[(stops[k++ % stops.length] ?? 0) % page.length] ?? all[0]!;
            sim.stopTask({ cluster: 'c', task: victim });
            stopped.add(victim);
          },
        );
        for (const arn of all) if (!stopped.has(arn)) expect(seen).toContain(arn);
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { seed: 31, numRuns: 40 },
    );
  });

  it('ListServices: services deleted between pages', () => {
    const sim = withTasks(0);
    for (let i = 0; i < 15; i++) sim.createService({ cluster: 'c', serviceName: `s${i}`, taskDefinition: 'web', desiredCount: 0 });
    const all = sim.listServices({ cluster: 'c', maxResults: 100 }).serviceArns!;
    const deleted = new Set<string>();
    const seen = pageThrough(
      (nextToken) => {
        const r = sim.listServices({ cluster: 'c', maxResults: 4, ...(nextToken === undefined ? {} : { nextToken }) });
        return { items: r.serviceArns!, nextToken: r.nextToken };
      },
      (page) => {
        sim.deleteService({ cluster: 'c', service: page[0]! });
        sim.advance(5_000); // DRAINING → INACTIVE: gone from the list
        deleted.add(page[0]!);
      },
    );
    expect(deleted.size).toBeGreaterThan(2);
    for (const arn of all) if (!deleted.has(arn)) expect(seen).toContain(arn);
  });

  it('ListClusters: clusters deleted between pages', () => {
    const sim = simWithCluster();
    for (let i = 0; i < 12; i++) sim.createCluster({ clusterName: `k${i}` });
    const all = sim.listClusters({}).clusterArns!;
    const deleted = new Set<string>();
    const seen = pageThrough(
      (nextToken) => {
        const r = sim.listClusters({ maxResults: 3, ...(nextToken === undefined ? {} : { nextToken }) });
        return { items: r.clusterArns!, nextToken: r.nextToken };
      },
      (page) => {
        sim.deleteCluster({ cluster: page[0]! });
        deleted.add(page[0]!);
      },
    );
    expect(deleted.size).toBeGreaterThan(2);
    for (const arn of all) if (!deleted.has(arn)) expect(seen).toContain(arn);
  });
});

describe('a token is bound to its cluster incarnation', () => {
  it('a token of a deleted cluster is refused by a new cluster of the same name', () => {
    const sim = simWithCluster();
    const arns = [register(sim, 1), register(sim, 2)];
    const instancesToken = sim.listContainerInstances({ cluster: 'c', maxResults: 1 }).nextToken!;
    const attributesToken = sim.listAttributes({ cluster: 'c', targetType: 'container-instance', maxResults: 1 }).nextToken!;
    for (const arn of arns) sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
    sim.deleteCluster({ cluster: 'c' });
    sim.createCluster({ clusterName: 'c' });
    register(sim, 3);
    register(sim, 4);
    expectRejected(sim, () => sim.listContainerInstances({ cluster: 'c', maxResults: 1, nextToken: instancesToken }), 'InvalidParameterException', /nextToken is invalid/);
    expectRejected(sim, () => sim.listAttributes({ cluster: 'c', targetType: 'container-instance', maxResults: 1, nextToken: attributesToken }), 'InvalidParameterException', /nextToken is invalid/);
    // The new cluster's own tokens work, and survive a snapshot round trip and a fork.
    const fresh = sim.listContainerInstances({ cluster: 'c', maxResults: 1 }).nextToken!;
    expect(sim.listContainerInstances({ cluster: 'c', maxResults: 1, nextToken: fresh }).containerInstanceArns).toHaveLength(1);
    const restored = EcsSimulator.restore(sim.snapshot());
    expect(restored.listContainerInstances({ cluster: 'c', maxResults: 1, nextToken: fresh }).containerInstanceArns).toHaveLength(1);
    expectRejected(restored, () => restored.listContainerInstances({ cluster: 'c', maxResults: 1, nextToken: instancesToken }), 'InvalidParameterException');
  });
});

/**
 * Forking a large cluster: time of sim.fork() at 5k and 100k instances (with tasks placed),
 * against the snapshot → restore round trip (an eager, independent copy). Forks are
 * copy-on-write, so the bench also times what a fork pays later: its first placement, 1,000
 * placements, and draining 1% of the instances (status writes + service reconcile).
 *   node --expose-gc --import tsx bench/fork.ts [--sizes 5000,100000]
 */
import { parseArgs } from 'node:util';
import { EcsSimulator } from '../src/index.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '5000,100000' } } });
const sizes = values.sizes!.split(',').map(Number);
const TYPES = ['m5.large', 'c5.xlarge', 'r5.large', 't3.large'];
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

function build(n: number): EcsSimulator {
  const sim = new EcsSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'c' });
  for (let i = 0; i < n; i++) {
    sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: JSON.stringify({ instanceId: `i-${i}`, instanceType: TYPES[i % 4], availabilityZone: AZS[i % 3], imageId: 'ami-1' }),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 }],
      attributes: [{ name: 'stack', value: i % 3 ? 'prod' : 'dev' }],
    });
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 512 }] });
  sim.placeTasks({ cluster: 'c', taskDefinition: 'web', count: n, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
  sim.advance(10_000);
  return sim;
}

function time(f: () => unknown, reps: number): number {
  f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t0) / reps;
}

const spread = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }] as const;

console.log('| instances | tasks | fork() | fork + first placement | one placement, no fork | fork + 1,000 placements | fork + drain 1% | snapshot → restore | restore / fork() |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const sim = build(n);
  const reps = n > 50_000 ? 5 : 20;
  const fork = time(() => sim.fork(), reps);
  const first = time(() => sim.fork().placeTasks({ cluster: 'c', taskDefinition: 'web', count: 1, placementStrategy: [...spread] }), reps);
  // The same placement where nothing is shared any more: what the fork's first write adds is the difference.
  const warm = sim.fork();
  const single = time(() => warm.placeTasks({ cluster: 'c', taskDefinition: 'web', count: 1, placementStrategy: [...spread] }), reps);
  const thousand = time(() => sim.fork().placeTasks({ cluster: 'c', taskDefinition: 'web', count: 1000, placementStrategy: [...spread] }), reps);
  const drainArns = sim.query('attribute:stack == dev', { cluster: 'c' }).slice(0, Math.max(1, Math.floor(n / 100)));
  const drain = time(() => {
    const f = sim.fork();
    for (let i = 0; i < drainArns.length; i += 10) f.updateContainerInstancesState({ cluster: 'c', containerInstances: drainArns.slice(i, i + 10), status: 'DRAINING' });
  }, reps);
  const roundTrip = time(() => EcsSimulator.restore(sim.snapshot()), n > 50_000 ? 1 : 3);
  console.log(`| ${n} | ${n} | ${fork.toFixed(2)} ms | ${first.toFixed(1)} ms | ${single.toFixed(1)} ms | ${thousand.toFixed(1)} ms | ${drain.toFixed(1)} ms | ${roundTrip.toFixed(0)} ms | ${(roundTrip / fork).toFixed(0)}× |`);
}

/**
 * Forking a large cluster: time of sim.fork() at 5k and 100k instances (with tasks placed),
 * against the snapshot → restore round trip it replaces.
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
  return sim;
}

function time(f: () => unknown, reps: number): number {
  f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t0) / reps;
}

console.log('| instances | tasks | fork() | snapshot → restore | ratio |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const sim = build(n);
  const fork = time(() => sim.fork(), n > 50_000 ? 3 : 10);
  const roundTrip = time(() => EcsSimulator.restore(sim.snapshot()), n > 50_000 ? 1 : 3);
  console.log(`| ${n} | ${n} | ${fork.toFixed(1)} ms | ${roundTrip.toFixed(0)} ms | ${(roundTrip / fork).toFixed(0)}× |`);
}

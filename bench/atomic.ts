/**
 * What atomic calls cost: the same operation through `invokeOperation` (one journal transaction:
 * records copied on first `get`, undos recorded) and through its bare handler (no transaction),
 * alternating in one run so both see the same machine load. RunTask of 10 tasks on a cluster of
 * 5,000 instances (a typical API call), and `placeTasks` of 100,000 tasks on a fork (the bulk
 * what-if), each on its own fresh fork.
 *   node --expose-gc --import tsx bench/atomic.ts [--instances 5000] [--reps 30]
 */
import { parseArgs } from 'node:util';
import { invokeOperation, type Operation } from '../src/ecs/operation.js';
import { runTask } from '../src/ecs/tasks/run-task.js';
import { placeTasks } from '../src/ecs/tasks/place-tasks.js';
import { EcsSimulator } from '../src/index.js';

const { values } = parseArgs({ options: { instances: { type: 'string', default: '5000' }, reps: { type: 'string', default: '30' } } });
const n = Number(values.instances);
const reps = Number(values.reps);
const TYPES = ['m5.large', 'c5.xlarge', 'r5.large', 't3.large'];
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

const sim = new EcsSimulator({ seed: 1 });
sim.createCluster({ clusterName: 'c' });
for (let i = 0; i < n; i++) {
  sim.registerContainerInstance({
    cluster: 'c',
    instanceIdentityDocument: JSON.stringify({ instanceId: `i-${i}`, instanceType: TYPES[i % 4], availabilityZone: AZS[i % 3], imageId: 'ami-1' }),
    totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 204800 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 768000 }],
  });
}
sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 1, memory: 1 }] });
sim.placeTasks({ cluster: 'c', taskDefinition: 'web', count: n });
sim.advance(10_000);

const spread = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }];
const small = { cluster: 'c', taskDefinition: 'web', count: 10, placementStrategy: spread };
const bulk = { cluster: 'c', taskDefinition: 'web', count: 100_000, placementStrategy: [{ type: 'binpack', field: 'memory' }] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of `call` on a fresh fork, journaled and bare alternating. */
function ab(op: Operation<string, never, unknown>, request: unknown, count: number): { journaled: number; bare: number } {
  const times = { journaled: [] as number[], bare: [] as number[] };
  for (let i = 0; i < count + 2; i++) {
    for (const mode of i % 2 === 0 ? (['journaled', 'bare'] as const) : (['bare', 'journaled'] as const)) {
      const fork = sim.fork();
      fork.placeTasks({ cluster: 'c', taskDefinition: 'web', count: 1 }); // the fork's first writes, outside the timing
      globalThis.gc?.();
      const t0 = performance.now();
      if (mode === 'journaled') invokeOperation(fork.state, op, request as never);
      else op.handler(fork.state, request as never, undefined);
      if (i >= 2) times[mode].push(performance.now() - t0);
    }
  }
  return { journaled: median(times.journaled), bare: median(times.bare) };
}

console.log(`${n} instances, ${n} tasks; medians of ${reps} (small) / ${Math.max(3, Math.floor(reps / 5))} (bulk) alternating runs`);
console.log('| call | journaled (invokeOperation) | bare handler | ratio |');
console.log('|---|---:|---:|---:|');
for (const [name, op, request, count] of [
  ['RunTask, 10 tasks, spread(AZ) + spread(instanceId)', runTask, small, reps],
  ['placeTasks, 100,000 tasks, binpack(memory)', placeTasks, bulk, Math.max(3, Math.floor(reps / 5))],
] as const) {
  const { journaled, bare } = ab(op as unknown as Operation<string, never, unknown>, request, count);
  console.log(`| ${name} | ${journaled.toFixed(2)} ms | ${bare.toFixed(2)} ms | ${(journaled / bare).toFixed(2)}× |`);
}

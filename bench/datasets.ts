/**
 * Dataset generation and loading (issue 7): how long generateCluster takes at 10^4–10^5
 * instances (and writeCluster, which streams, at 10^5), against JSON.stringify of the same
 * cluster — a ratio, since the machine is shared — and how long the bundled medium dataset
 * (5,000 instances) takes to parse and load with EcsSimulator.fromDescribeOutput.
 *
 *   npm run bench:datasets            (add --million to also stream 10^6 instances)
 */
import { readFileSync } from 'node:fs';
import { EcsSimulator } from '../src/ecs/simulator.js';
import { generateCluster, writeCluster } from '../src/sim/cluster-generator.js';

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

const ms = (x: number) => `${Math.round(x)} ms`;

// A 100k-instance cluster is ~650 MB of JSON, more than one JS string holds: stringify is timed at 10^4.
let perInstance10k = 0;
for (const instances of [10_000, 100_000]) {
  const [cluster, generate] = time(() => generateCluster({ instances, seed: 7 }));
  let line = `generateCluster ${instances.toLocaleString('en')}: ${ms(generate)} (${cluster.tasks.length.toLocaleString('en')} tasks)`;
  if (instances === 10_000) {
    perInstance10k = generate / instances;
    const [text, stringify] = time(() => JSON.stringify(cluster));
    line += `; JSON.stringify of it ${ms(stringify)} (${(text.length / 1e6).toFixed(0)} MB), generate/stringify ${(generate / stringify).toFixed(2)}`;
  } else {
    line += `; per instance ${(generate / instances / perInstance10k).toFixed(2)}× the 10^4 run's`;
  }
  console.log(line);
}
for (const instances of process.argv.includes('--million') ? [100_000, 1_000_000] : [100_000]) {
  let bytes = 0;
  const [, stream] = time(() => writeCluster({ instances, seed: 7, compact: true }, (chunk) => { bytes += chunk.length; }));
  console.log(`writeCluster ${instances.toLocaleString('en')} (compact, streamed): ${ms(stream)}, ${(bytes / 1e6).toFixed(0)} MB`);
}

const path = new URL('../datasets/medium.json', import.meta.url);
const [text, read] = time(() => readFileSync(path, 'utf8'));
const [json, parse] = time(() => JSON.parse(text) as unknown);
const [sim, load] = time(() => EcsSimulator.fromDescribeOutput(json));
const cluster = sim.state.clusters.get('sample')!;
console.log(`medium.json (${(text.length / 1e6).toFixed(1)} MB, ${cluster.instances.size} instances, ${cluster.tasks.size} tasks): read ${ms(read)}, JSON.parse ${ms(parse)}, fromDescribeOutput ${ms(load)}`);

/**
 * One what-if, profiled: loads the bundled medium dataset (or a 20,000-instance generated one),
 * settles it, runs the what-if once (placement structures prepared), then three more timed by
 * CPU time (`process.cpuUsage`, steadier than wall time on a shared machine), and with `--prof`
 * records those three as a `node:inspector` CPU profile in a fresh temp directory.
 *
 *   node --max-old-space-size=8192 --import tsx bench/whatif-profile.ts one|az|headroom|large [--prof]
 *
 * one: 40 one-instance drains spread through the fleet; az: us-east-1b drained; headroom: losing
 * any AZ; large: us-east-1b lost at 20,000 instances. To compare with another branch, run this
 * file there too, alternately, in the same minutes (bench/RESULTS.md, What-ifs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { EcsSimulator, generateCluster } from '../src/index.js';

const which = process.argv[2] ?? 'one';
const cluster = 'sample';
const az = 'attribute:ecs.availability-zone == us-east-1b';
const sim = which === 'large'
  ? EcsSimulator.fromDescribeOutput(generateCluster({ instances: 20_000, seed: 11 }))
  : EcsSimulator.fromDescribeOutput(readFileSync(new URL('../datasets/medium.json', import.meta.url), 'utf8'));
sim.advance(600_000);
const active = sim.query(null, { cluster, status: 'ACTIVE' });
const picks = Array.from({ length: 40 }, (_, i) => active[Math.floor((i * active.length) / 40)]!);
const runs: Record<string, () => unknown> = {
  one: () => picks.map((arn) => sim.drainInstancesWhatIf([arn], { cluster })),
  az: () => sim.drainWhatIf(az, { cluster }),
  // A millisecond on first: a headroom keeps its state's settled losses until the state changes.
  headroom: () => {
    sim.advance(1);
    return sim.headroom({ taskDefinition: sim.state.clusters.get(cluster)!.services.values().next().value!.taskDefinitionArn }, { cluster, losing: 'attribute:ecs.availability-zone' });
  },
  large: () => sim.failWhatIf(az, { cluster }),
};
const run = runs[which];
if (run === undefined) throw new Error(`what-if: one of ${Object.keys(runs).join(', ')}; got ${which}`);
run();
const cpu: string[] = [];
for (let i = 0; i < 3; i++) {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  cpu.push(((used.user + used.system) / 1000).toFixed(0));
}
console.log(`${which}: CPU ms of 3 runs ${cpu.join(', ')} (load ${os.loadavg()[0]!.toFixed(1)})`);
if (process.argv.includes('--prof')) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 3; i++) run();
  const { profile } = await session.post('Profiler.stop');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'whatif-profile-')), `${which}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`profile: ${file}`);
}

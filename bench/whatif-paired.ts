/**
 * One what-if on this tree and on another checkout (main, say), in one process, run in turn:
 * CPU time of each run (`process.cpuUsage`), the order swapped every round, so that the load of a
 * shared machine falls on both alike. Alternating whole processes (`whatif-profile.ts` here, then
 * there) gave differences of ±30% between neighbouring runs at load 5–8 on 2 vCPUs; this pairing
 * gives the ratio within a few percent. Both trees load their own dataset (twice the memory), and
 * their answers are compared first.
 *
 *   node --max-old-space-size=8192 --import tsx bench/whatif-paired.ts /work/main az|headroom|intact|large|sweep [rounds]
 *
 * az: us-east-1b drained (medium); headroom: losing any AZ (medium); intact: headroom without
 * losing (medium); large: us-east-1b lost at
 * 20,000 instances (generated, seed 11); sweep: a sweep draining each of 200 instances spread
 * through medium's fleet, one at a time, on this thread.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [other, which = 'az', roundsArg = '10'] = process.argv.slice(2);
if (other === undefined) throw new Error('usage: whatif-paired.ts <other checkout> az|headroom|intact|large|sweep [rounds]');
const rounds = Number(roundsArg);
const trees = [path.resolve(other), path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')];
const cluster = 'sample';
const az = 'attribute:ecs.availability-zone == us-east-1b';

const runs: (() => unknown)[] = [];
for (const tree of trees) {
  const { EcsSimulator, generateCluster } = await import(pathToFileURL(path.join(tree, 'src/index.ts')).href);
  const sim = which === 'large'
    ? EcsSimulator.fromDescribeOutput(generateCluster({ instances: 20_000, seed: 11 }))
    : EcsSimulator.fromDescribeOutput(readFileSync(path.join(tree, 'datasets/medium.json'), 'utf8'));
  sim.advance(600_000);
  const active: string[] = sim.query(null, { cluster, status: 'ACTIVE' });
  const spread = Array.from({ length: 200 }, (_, i) => ({ what: 'drain' as const, containerInstances: [active[Math.floor((i * active.length) / 200)]!] }));
  const byName: Record<string, () => unknown> = {
    az: () => sim.drainWhatIf(az, { cluster }),
    sweep: () => sim.whatIfSweep(spread, { cluster, workers: 1 }),
    large: () => sim.failWhatIf(az, { cluster }),
    intact: () => sim.headroom({ taskDefinition: sim.state.clusters.get(cluster)!.services.values().next().value!.taskDefinitionArn }, { cluster }),
    // A millisecond on first: a headroom keeps its state's settled losses until the state changes.
    headroom: () => {
      sim.advance(1);
      return sim.headroom({ taskDefinition: sim.state.clusters.get(cluster)!.services.values().next().value!.taskDefinitionArn }, { cluster, losing: 'attribute:ecs.availability-zone' });
    },
  };
  const run = byName[which];
  if (run === undefined) throw new Error(`what-if: one of ${Object.keys(byName).join(', ')}; got ${which}`);
  runs.push(run);
}

// The first run of each also warms it (placement structures prepared), as in whatif-profile.ts.
const answers: string[] = [];
for (const run of runs) {
  const r = (await run()) as { totals?: unknown; tasks?: unknown; losing?: unknown; rows?: unknown };
  answers.push(JSON.stringify(r.totals ?? r.rows ?? [r.tasks, r.losing]));
}
if (answers[0] !== answers[1]) throw new Error(`the two trees answer differently:\n${answers[0]}\n${answers[1]}`);

const cpu: number[][] = [[], []];
for (let i = 0; i < rounds; i++) {
  for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
    const start = process.cpuUsage();
    await runs[k]!();
    const used = process.cpuUsage(start);
    cpu[k]!.push((used.user + used.system) / 1000);
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const total = (a: number[]) => a.reduce((x, y) => x + y, 0);
console.log(`${which}, ${rounds} rounds, load ${os.loadavg()[0]!.toFixed(1)}: ${path.basename(trees[0]!)} median ${median(cpu[0]!).toFixed(0)} ms CPU, this tree ${median(cpu[1]!).toFixed(0)} ms; totals ${(total(cpu[1]!) / total(cpu[0]!)).toFixed(2)}×`);

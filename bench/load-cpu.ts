/**
 * Loading, by CPU time: `fromDescribeOutput` of the bundled medium dataset's text (`load`), or
 * `restore` of its snapshot's text once loaded and settled for 10 minutes (`restore`, what a
 * sweep worker does), each against `JSON.parse` of the same text. CPU time (`process.cpuUsage`,
 * the collector's threads included) is steadier than wall time on a shared machine; the min and
 * median of `--runs` (default 7) are printed, each run after a full collection.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/load-cpu.ts load|restore [--runs 7] [--root <checkout>]
 *
 * `--root` loads the library from another checkout (e.g. /work/main), so this one file compares
 * two branches: run both at the same time (same contention), or alternately, in the same minutes
 * (bench/RESULTS.md, What-ifs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '7' }, root: { type: 'string' } } });
const what = positionals[0] ?? 'load';
if (what !== 'load' && what !== 'restore') throw new Error('load-cpu.ts: load or restore');
const root = path.resolve(values.root ?? new URL('..', import.meta.url).pathname);
const { EcsSimulator } = (await import(pathToFileURL(path.join(root, 'src/index.ts')).href)) as typeof import('../src/index.js');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => { throw new Error('run with --expose-gc'); });

const medium = readFileSync(path.join(root, 'datasets/medium.json'), 'utf8');
let text = medium;
if (what === 'restore') {
  const sim = EcsSimulator.fromDescribeOutput(medium);
  sim.advance(600_000);
  text = JSON.stringify(sim.snapshot());
}
const run = what === 'load' ? () => EcsSimulator.fromDescribeOutput(text) : () => EcsSimulator.restore(text);
const cpu = (f: () => unknown): number => {
  gc();
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
run(); // warm-up
const parses: number[] = [];
const runs: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  parses.push(cpu(() => JSON.parse(text)));
  runs.push(cpu(run));
}
const min = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`${root} ${what}: CPU min ${ms(min(runs))}, median ${ms(median(runs))}; JSON.parse min ${ms(min(parses))}, median ${ms(median(parses))}; ratio of mins ${(min(runs) / min(parses)).toFixed(2)}×, of medians ${(median(runs) / median(parses)).toFixed(2)}×`);

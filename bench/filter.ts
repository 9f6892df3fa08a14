/**
 * Filter-query throughput of the indexed store against the ways a user would filter without it.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/filter.ts   (npm run bench:filter)
 *   … bench/filter.ts --sizes 10000,100000      only these fleet sizes (default 10000,100000,1000000)
 *   … --rounds 2 --max-time 1 --min-samples 5  benchmark.js settings (defaults shown), see below
 *   … --shapes eq,range                        only these query shapes
 *   … --seed 1                                 dataset seed (same seed, same fleet)
 *
 * Fleets come from bench/data/instances.ts (seeded; ~10 attributes an instance, realistic
 * value distributions). For every query shape and fleet size, in one process:
 * - `ours`: `store.querySlots(cql)` — the plan is cached by filter text, as a user calling it
 *   repeatedly gets; `ours, ARNs`: `store.query(cql)`, the same with the ARN strings gathered;
 * - `closure`: `instances.filter(i => …)` over plain ContainerInstance objects, attributes read
 *   with `attributes.find`, written by hand per shape as a user without this library would
 *   (each shape its own `filter` call site, so V8 sees one callback per site, as in user code);
 * - `column loop`: a hand-written loop over the store's own typed-array columns (live bit, then
 *   codes / numbers compared), writing matching slots into a preallocated Int32Array and
 *   slicing it, i.e. the same output as `querySlots`: the practical ceiling of a scan;
 * - `sift` (`docs.filter(sift(q))`) and `mingo` (`docs.filter(d => query.test(d))`, the faster
 *   of its two documented ways: `query.find(docs).all()` measured 1.1–1.4× slower here) over
 *   flat documents: sift and mingo read dots in keys as paths, so attribute names become keys
 *   without dots or dashes (`ecs.instance-type` → `ecs_instance_type`), valueless attributes
 *   are '', registeredAt is epoch ms. Queries are compiled once, outside the timed function;
 *   `matches` is `$regex` with an anchored RegExp object.
 * Before timing, every implementation's answer is checked against the others (same count; for
 * ours, closure, sift and mingo the same ARNs in the same order; ours and the column loop the
 * same slots); the run aborts on any difference.
 *
 * Fairness: `--rounds` rounds; in each, every (shape, implementation) runs as its own
 * benchmark.js Benchmark with `maxTime` seconds and at least `minSamples` samples, after a
 * minor `global.gc({ type: 'minor' })` (an empty young generation for each; a full collection
 * of the 1M heap would take seconds), the implementations in an order rotated per round and
 * shape. Samples of all rounds are pooled: reported time = mean of the pooled samples, ± = 95%
 * confidence half-width (Student t) relative to it, and `spread` = largest/smallest round mean.
 *
 * Heap: the main table runs with everything alive (store, plain objects, documents: ~3.5 GB at
 * 1M), which makes every young-generation collection dearer. `querySlots` allocates its result
 * (an Int32Array, off-heap), and V8 runs a scavenge per ~32 MB of such young ArrayBuffers, so
 * `ours` is also measured first, while only the store is in the heap ("store-only heap").
 *
 * Memory: the store alone — built straight from the generator so that no plain object shares
 * its strings — as the delta of heapUsed + external (ArrayBuffers) between two `global.gc()`s.
 * Load time: registering the pre-generated plain instances (with their task groups) into a
 * fresh store, generation excluded.
 */
import Benchmark from 'benchmark';
import { Query } from 'mingo';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import siftModule from 'sift';
import type { ContainerInstance } from '../src/shapes.js';
import type { DictionaryColumn } from '../src/store/dictionary-column.js';
import { InstanceStore } from '../src/store/store.js';
import { flatten, generateFleet, generateInstances, type FlatDocument } from './data/instances.js';

// ---- options --------------------------------------------------------------------------------
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '2' },
    'max-time': { type: 'string', default: '1' },
    'min-samples': { type: 'string', default: '5' },
    shapes: { type: 'string' },
  },
});
const SIZES = args.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
const SEED = Number(args.seed);
const ROUNDS = Number(args.rounds);
const MAX_TIME = Number(args['max-time']);
const MIN_SAMPLES = Number(args['min-samples']);
if (SIZES.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes: positive integers, got ${args.sizes}`);

// sift is CommonJS: imported from ESM (NodeNext) its default is module.exports, whose `default`
// is the documented `sift(query)`.
const sift = siftModule.default;

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
const collectGarbage = () => {
  if (gc) {
    gc();
    gc();
  }
};

// ---- query shapes ----------------------------------------------------------------------------
type Slots = Int32Array;
interface Shape {
  key: string;
  /** selective shapes take the posting-list path; scans compute bitsets over every slot */
  kind: 'selective' | 'scan';
  cql: string;
  /** `instances.filter(…)` written out per shape, so that every shape has its own call site (as in user code) */
  closure: (instances: ContainerInstance[]) => ContainerInstance[];
  /** matching live slots into `out`, ascending; returns how many */
  columns: (store: InstanceStore, out: Int32Array) => number;
  mongo: Record<string, unknown>;
}

const column = (store: InstanceStore, name: string): DictionaryColumn | undefined => store.attributes.get(name);

const IN_TYPES = ['c5.2xlarge', 'r5.2xlarge', 'g4dn.xlarge'];
const M5 = /^m5.*$/;
const MAR_1 = Date.UTC(2025, 2, 1);
const JUN_1 = Date.UTC(2025, 5, 1);

const SHAPES: Shape[] = [
  {
    key: 'eq',
    kind: 'selective',
    cql: 'attribute:team == data-eng',
    closure: (instances) => instances.filter((i) => i.attributes?.find((a) => a.name === 'team')?.value === 'data-eng'),
    columns: (store, out) => {
      const col = column(store, 'team');
      const code = col?.codeOf('data-eng') ?? 0;
      if (code === 0) return 0;
      const codes = col!.codes, live = store.live, size = store.size;
      let n = 0;
      for (let s = 0; s < size; s++) if (codes[s] === code && (live[s >>> 5]! >>> (s & 31)) & 1) out[n++] = s;
      return n;
    },
    mongo: { team: 'data-eng' },
  },
  {
    key: 'in',
    kind: 'selective',
    cql: `attribute:ecs.instance-type in [${IN_TYPES.join(', ')}]`,
    closure: (instances) =>
      instances.filter((i) => {
        const v = i.attributes?.find((a) => a.name === 'ecs.instance-type')?.value;
        return v !== undefined && IN_TYPES.includes(v);
      }),
    columns: (store, out) => {
      const col = column(store, 'ecs.instance-type');
      if (col === undefined) return 0;
      // Codes of absent values are 0, which no present slot holds: -1 never matches.
      const [a, b, c] = IN_TYPES.map((t) => col.codeOf(t) || -1) as [number, number, number];
      const codes = col.codes, live = store.live, size = store.size;
      let n = 0;
      for (let s = 0; s < size; s++) {
        const x = codes[s];
        if ((x === a || x === b || x === c) && (live[s >>> 5]! >>> (s & 31)) & 1) out[n++] = s;
      }
      return n;
    },
    mongo: { ecs_instance_type: { $in: IN_TYPES } },
  },
  {
    key: 'range',
    kind: 'scan',
    cql: 'runningTasksCount > 10',
    closure: (instances) => instances.filter((i) => (i.runningTasksCount ?? 0) > 10),
    columns: (store, out) => {
      const rtc = store.runningTasksCount, live = store.live, size = store.size;
      let n = 0;
      for (let s = 0; s < size; s++) if (rtc[s]! > 10 && (live[s >>> 5]! >>> (s & 31)) & 1) out[n++] = s;
      return n;
    },
    mongo: { runningTasksCount: { $gt: 10 } },
  },
  {
    key: 'mixed',
    kind: 'scan',
    cql: 'attribute:stack == prod and (attribute:ecs.availability-zone == us-east-1a or runningTasksCount > 15) and not(attribute:ecs.os-type == windows)',
    closure: (instances) =>
      instances.filter((i) => {
        const attr = (name: string) => i.attributes?.find((a) => a.name === name)?.value;
        return attr('stack') === 'prod' && (attr('ecs.availability-zone') === 'us-east-1a' || (i.runningTasksCount ?? 0) > 15) && attr('ecs.os-type') !== 'windows';
      }),
    columns: (store, out) => {
      const stack = column(store, 'stack'), az = column(store, 'ecs.availability-zone'), osType = column(store, 'ecs.os-type');
      const prod = stack?.codeOf('prod') ?? 0;
      if (prod === 0) return 0;
      const a = az?.codeOf('us-east-1a') || -1, win = osType?.codeOf('windows') || -1;
      const sc = stack!.codes, ac = az?.codes ?? new Int32Array(store.size), oc = osType?.codes ?? new Int32Array(store.size);
      const rtc = store.runningTasksCount, live = store.live, size = store.size;
      let n = 0;
      for (let s = 0; s < size; s++) {
        if (sc[s] === prod && (ac[s] === a || rtc[s]! > 15) && oc[s] !== win && (live[s >>> 5]! >>> (s & 31)) & 1) out[n++] = s;
      }
      return n;
    },
    mongo: { stack: 'prod', $or: [{ ecs_availability_zone: 'us-east-1a' }, { runningTasksCount: { $gt: 15 } }], ecs_os_type: { $ne: 'windows' } },
  },
  {
    key: 'matches',
    kind: 'scan',
    cql: 'attribute:ecs.instance-type =~ m5.*',
    closure: (instances) =>
      instances.filter((i) => {
        const v = i.attributes?.find((a) => a.name === 'ecs.instance-type')?.value;
        return v !== undefined && M5.test(v);
      }),
    columns: (store, out) => {
      const col = column(store, 'ecs.instance-type');
      if (col === undefined) return 0;
      // Test each distinct value once (a handful), then scan the codes.
      const pass = new Uint8Array(col.values.length);
      for (let c = 1; c < col.values.length; c++) pass[c] = M5.test(col.values[c]!) ? 1 : 0;
      const codes = col.codes, live = store.live, size = store.size;
      let n = 0;
      for (let s = 0; s < size; s++) if (pass[codes[s]!] === 1 && (live[s >>> 5]! >>> (s & 31)) & 1) out[n++] = s;
      return n;
    },
    mongo: { ecs_instance_type: { $regex: M5 } },
  },
  {
    key: 'registeredAt',
    kind: 'scan',
    cql: 'registeredAt >= 2025-03-01 and registeredAt < 2025-06-01',
    closure: (instances) =>
      instances.filter((i) => {
        const t = i.registeredAt?.getTime();
        return t !== undefined && t >= MAR_1 && t < JUN_1;
      }),
    columns: (store, out) => {
      const at = store.registeredAt, live = store.live, size = store.size;
      let n = 0;
      for (let s = 0; s < size; s++) {
        const t = at[s]!;
        if (t >= MAR_1 && t < JUN_1 && (live[s >>> 5]! >>> (s & 31)) & 1) out[n++] = s;
      }
      return n;
    },
    mongo: { registeredAt: { $gte: MAR_1, $lt: JUN_1 } },
  },
];
const shapes = args.shapes ? SHAPES.filter((s) => args.shapes!.split(',').includes(s.key)) : SHAPES;
if (shapes.length === 0) throw new Error(`--shapes: none of ${SHAPES.map((s) => s.key).join(', ')}`);

const IMPLS = ['ours', 'ours, ARNs', 'closure', 'column loop', 'sift', 'mingo'] as const;
type Impl = (typeof IMPLS)[number];
const ALONE = ['ours', 'ours, ARNs'] as const;
type AloneImpl = (typeof ALONE)[number];

/** Runs `impls` of every shape for ROUNDS rounds, order rotated per round and shape; pooled results. */
function measureAll<I extends string>(size: number, names: readonly I[], fns: Map<string, Record<I, () => unknown>>): Map<string, Map<I, Result>> {
  const cells = new Map<string, Map<I, Cell>>(shapes.map((s) => [s.key, new Map(names.map((i) => [i, { samples: [], roundMeans: [] }]))]));
  for (let round = 0; round < ROUNDS; round++) {
    shapes.forEach((shape, k) => {
      const impl = fns.get(shape.key)!;
      const rot = (round + k) % names.length;
      for (const name of [...names.slice(rot), ...names.slice(0, rot)]) {
        // An empty young generation for every benchmark (a full collection of a 1M-instance heap would take seconds).
        gc?.({ type: 'minor' });
        const f = impl[name];
        const samples = measure(`${size} ${shape.key} ${name}`, () => {
          sink = f();
        });
        const cell = cells.get(shape.key)!.get(name)!;
        cell.samples.push(...samples);
        cell.roundMeans.push(samples.reduce((a, b) => a + b, 0) / samples.length);
      }
      process.stderr.write(`  round ${round + 1}/${ROUNDS}: ${shape.key} (${names.join(', ')}) done\n`);
    });
  }
  return new Map([...cells].map(([k, m]) => [k, new Map([...m].map(([i, c]) => [i, summarise(c)]))]));
}

// ---- statistics -------------------------------------------------------------------------------
// Two-sided 95% Student t for 1..30 degrees of freedom; 1.96 beyond.
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

interface Cell {
  samples: number[];
  roundMeans: number[];
}
interface Result {
  /** seconds per query */
  mean: number;
  /** ± relative, % */
  rme: number;
  samples: number;
  /** largest / smallest round mean */
  spread: number;
}

function summarise(cell: Cell): Result {
  const xs = cell.samples;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  const t = T95[xs.length - 2] ?? 1.96;
  const rme = ((t * Math.sqrt(variance / xs.length)) / mean) * 100;
  return { mean, rme, samples: xs.length, spread: Math.max(...cell.roundMeans) / Math.min(...cell.roundMeans) };
}

function measure(name: string, fn: () => void): number[] {
  const bench = new Benchmark(name, fn, { maxTime: MAX_TIME, minSamples: MIN_SAMPLES, initCount: 1 });
  bench.run({ async: false });
  if (bench.error) throw bench.error;
  return bench.stats.sample.slice();
}

// ---- memory and load time ------------------------------------------------------------------------
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** Bytes of the typed arrays the store holds (columns, bitsets, posting lists), for the breakdown. */
function typedArrayBytes(store: InstanceStore): number {
  let n = 0;
  const add = (x: unknown) => {
    if (ArrayBuffer.isView(x)) n += x.byteLength;
  };
  for (const v of Object.values(store)) add(v);
  for (const col of [store.status, store.agentConnected, store.agentVersion, ...store.attributes.values()]) {
    for (const v of Object.values(col)) add(v);
    for (const p of col.postings) add(p.slots);
  }
  for (const p of store.groupPostings.values()) add(p.slots);
  return n;
}

interface Footprint {
  bytes: number;
  typedArrays: number;
  capacity: number;
}

/** The store alone: built from the generator, so it shares no string with a plain instance. */
function storeFootprint(count: number): { store: InstanceStore; footprint: Footprint | null } {
  collectGarbage();
  const before = memory();
  const store = new InstanceStore();
  for (const { instance, taskGroups } of generateInstances(count, SEED)) store.register(instance, taskGroups);
  collectGarbage();
  const bytes = memory() - before;
  return { store, footprint: gc ? { bytes, typedArrays: typedArrayBytes(store), capacity: store.capacity } : null };
}

function loadTime(instances: ContainerInstance[], groups: string[][]): number {
  collectGarbage();
  const t0 = performance.now();
  const store = new InstanceStore();
  for (let i = 0; i < instances.length; i++) store.register(instances[i]!, groups[i]!);
  const ms = performance.now() - t0;
  if (store.liveCount !== instances.length) throw new Error('load: count differs');
  return ms;
}

// ---- one fleet size ------------------------------------------------------------------------------
interface SizeReport {
  size: number;
  selectivity: Map<string, number>;
  results: Map<string, Map<Impl, Result>>;
  /** ours measured while the store is the only large thing in the heap */
  alone: Map<string, Map<AloneImpl, Result>>;
  footprint: Footprint | null;
  loadMs: number;
  generateMs: number;
}

let sink: unknown;

function runSize(size: number): SizeReport {
  // 1. The store alone: memory, then `ours` while nothing else big is in the heap.
  const { store, footprint } = storeFootprint(size);
  const out = new Int32Array(store.size);
  const alone = measureAll(size, ALONE, new Map(shapes.map((s) => [s.key, { ours: () => store.querySlots(s.cql), 'ours, ARNs': () => store.query(s.cql) }])));

  // 2. The same fleet as plain objects (load time measured on them), then as flat documents.
  const g0 = performance.now();
  const fleet = generateFleet(size, SEED);
  const generateMs = performance.now() - g0;
  const instances = fleet.map((g) => g.instance);
  const groups = fleet.map((g) => g.taskGroups);
  const loadMs = loadTime(instances, groups);
  const docs: FlatDocument[] = fleet.map(flatten);
  fleet.length = 0;

  // 3. Implementations, compiled once; same answers, or stop.
  const fns = new Map<string, Record<Impl, () => unknown>>();
  const selectivity = new Map<string, number>();
  for (const shape of shapes) {
    const tester = sift(shape.mongo);
    const query = new Query(shape.mongo);
    const { cql, closure, columns } = shape;
    const impl: Record<Impl, () => unknown> = {
      ours: () => store.querySlots(cql),
      'ours, ARNs': () => store.query(cql),
      closure: () => closure(instances),
      'column loop': () => out.slice(0, columns(store, out)),
      sift: () => docs.filter(tester),
      mingo: () => docs.filter((d) => query.test(d)),
    };
    fns.set(shape.key, impl);

    const slots = impl.ours() as Slots;
    const arns = impl['ours, ARNs']() as string[];
    const fail = (what: string) => {
      throw new Error(`${shape.key} at ${size}: ${what} (${cql})`);
    };
    if (slots.length === 0) fail('no match: the shape measures nothing');
    const same = (xs: ArrayLike<unknown>, ys: ArrayLike<unknown>) => xs.length === ys.length && Array.prototype.every.call(xs, (x, k) => x === ys[k]);
    if (!same(arns, Array.from(slots, (s) => store.arns[s]))) fail('query and querySlots differ');
    if (!same(slots, impl['column loop']() as Slots)) fail('column loop selects other slots');
    const byClosure = (impl.closure() as ContainerInstance[]).map((i) => i.containerInstanceArn);
    if (!same(arns, byClosure)) fail(`closure selects ${byClosure.length} instances, ours ${arns.length}, or another order`);
    if (!same(arns, (impl.sift() as FlatDocument[]).map((d) => d.containerInstanceArn))) fail('sift differs');
    if (!same(arns, (impl.mingo() as FlatDocument[]).map((d) => d.containerInstanceArn))) fail('mingo differs');
    selectivity.set(shape.key, slots.length / store.liveCount);
  }
  process.stderr.write(`size ${size}: answers agree for ${shapes.length} shapes; measuring ${ROUNDS} round(s)…\n`);

  // 4. Everything, interleaved, with the store, the plain objects and the documents all in the heap.
  const results = measureAll(size, IMPLS, fns);
  return { size, selectivity, results, alone, footprint, loadMs, generateMs };
}

// ---- output ----------------------------------------------------------------------------------------
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
function fmtTime(seconds: number): string {
  const us = seconds * 1e6;
  if (us < 10) return `${us.toFixed(2)} µs`;
  if (us < 1000) return `${us.toFixed(1)} µs`;
  if (us < 10_000) return `${(us / 1000).toFixed(2)} ms`;
  return `${(us / 1000).toFixed(1)} ms`;
}
const fmtX = (x: number) => (x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(header), sep, ...rows.map(line)].join('\n');
}

function report(r: SizeReport): string[] {
  const lines: string[] = [];
  lines.push(`\n### ${fmtInt(r.size)} instances\n`);
  const header = ['shape', 'match', ...IMPLS.map((i) => `${i}`), '×closure', '×column', '×sift', '×mingo'];
  const rows: string[][] = [];
  for (const shape of shapes) {
    const res = r.results.get(shape.key)!;
    const t = (i: Impl) => res.get(i)!;
    const cell = (i: Impl) => `${fmtTime(t(i).mean)} ±${t(i).rme.toFixed(0)}%`;
    const ours = t('ours').mean;
    rows.push([
      shape.key,
      `${(r.selectivity.get(shape.key)! * 100).toFixed(1)}%`,
      ...IMPLS.map(cell),
      fmtX(t('closure').mean / ours),
      fmtX(t('column loop').mean / ours),
      fmtX(t('sift').mean / ours),
      fmtX(t('mingo').mean / ours),
    ]);
  }
  lines.push('Time per query (mean ± 95% CI); ×: how many times faster `ours` (querySlots) is.\n');
  lines.push(table(header, rows));

  // Throughput and stability.
  const rows2: string[][] = [];
  for (const shape of shapes) {
    const res = r.results.get(shape.key)!;
    rows2.push([
      shape.key,
      ...IMPLS.map((i) => `${fmtInt(1 / res.get(i)!.mean)} (${((r.size / res.get(i)!.mean) / 1e6).toFixed(1)}M)`),
      IMPLS.map((i) => res.get(i)!.spread.toFixed(2)).join(' / '),
      IMPLS.map((i) => String(res.get(i)!.samples)).join(' / '),
    ]);
  }
  const rows3 = shapes.map((shape) => {
    const a = r.alone.get(shape.key)!, shared = r.results.get(shape.key)!;
    const c = (x: Result) => `${fmtTime(x.mean)} ±${x.rme.toFixed(0)}%`;
    return [shape.key, c(a.get('ours')!), c(a.get('ours, ARNs')!), fmtX(shared.get('ours')!.mean / a.get('ours')!.mean), fmtX(shared.get('ours, ARNs')!.mean / a.get('ours, ARNs')!.mean)];
  });
  lines.push('\n`ours` again, measured before the plain objects and documents exist (only the store in the heap), and how much slower the same call is in the full heap above:\n');
  lines.push(table(['shape', 'querySlots, store-only heap', 'query (ARNs), store-only heap', 'querySlots slowdown in full heap', 'query slowdown'], rows3));

  lines.push('\nQueries/s (instances evaluated per second, millions); spread = slowest/fastest round mean; samples pooled over rounds (same implementation order as the columns).\n');
  lines.push(table(['shape', ...IMPLS, 'spread', 'samples'], rows2));

  if (r.footprint) {
    const f = r.footprint;
    lines.push(`\nstore memory: ${(f.bytes / 2 ** 20).toFixed(1)} MiB = ${fmtInt(f.bytes / r.size)} B/instance ` +
      `(typed arrays ${fmtInt(f.typedArrays / r.size)} B/instance, for ${fmtInt(f.capacity)} rows of capacity; the rest, ${fmtInt((f.bytes - f.typedArrays) / r.size)} B/instance, ` +
      `is JS heap: ARN and ec2InstanceId strings, the ARN and id maps, per-slot task-group maps, dictionaries)`);
  } else lines.push('\nstore memory: not measured (run node with --expose-gc)');
  lines.push(`load: ${fmtInt(r.size)} instances registered in ${fmtInt(r.loadMs)} ms = ${(r.loadMs * 1000 / r.size).toFixed(2)} µs/instance (${fmtInt(r.size / r.loadMs * 1000)}/s); generating it took ${fmtInt(r.generateMs)} ms`);
  lines.push(...targets(r));
  return lines;
}

function verdict(ok: boolean, detail: string): string {
  return `${ok ? 'MET   ' : 'MISSED'} ${detail}`;
}

function targets(r: SizeReport): string[] {
  const lines = ['\nTargets:'];
  for (const shape of shapes) {
    const res = r.results.get(shape.key)!;
    const ours = res.get('ours')!.mean;
    if (shape.kind === 'scan') {
      const vsClosure = res.get('closure')!.mean / ours;
      lines.push(`- ${verdict(vsClosure >= 2, `${shape.key}: ≥ 2× the closure — ${fmtX(vsClosure)} (${vsClosure >= 2 ? '+' : ''}${((vsClosure / 2 - 1) * 100).toFixed(0)}% vs target)`)}`);
      const vsColumn = ours / res.get('column loop')!.mean;
      lines.push(`- ${verdict(vsColumn <= 1.5, `${shape.key}: within 1.5× of the column loop — ours takes ${vsColumn.toFixed(2)}× its time`)}`);
    } else if (r.size >= 1_000_000) {
      const alone = r.alone.get(shape.key)!.get('ours')!.mean;
      lines.push(`- ${verdict(ours <= 100e-6, `${shape.key}: ≤ 100 µs at ${fmtInt(r.size)}, full heap — ${fmtTime(ours)} (${(ours / 100e-6).toFixed(2)}× the budget)`)}`);
      lines.push(`- ${verdict(alone <= 100e-6, `${shape.key}: ≤ 100 µs at ${fmtInt(r.size)}, store-only heap — ${fmtTime(alone)} (${(alone / 100e-6).toFixed(2)}× the budget)`)}`);
    }
    for (const lib of ['sift', 'mingo'] as const) {
      const x = res.get(lib)!.mean / ours;
      lines.push(`- ${verdict(x >= 50, `${shape.key}: ≥ 50× ${lib} — ${fmtX(x)}`)}`);
    }
  }
  if (r.footprint && r.size >= 1_000_000) {
    const per = r.footprint.bytes / r.size;
    lines.push(`- ${verdict(per <= 1024, `≤ 1 KiB per instance — ${fmtInt(per)} B (${((per / 1024) * 100).toFixed(0)}% of the budget)`)}`);
  }
  return lines;
}

function main(): void {
  if (!gc) process.stderr.write('warning: no global.gc (run node with --expose-gc): memory is not measured and benchmarks start without a collection\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const head = [
    `Filter queries — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${os.cpus().length} × ${cpu}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    `benchmark.js: ${ROUNDS} round(s) × maxTime ${MAX_TIME} s, minSamples ${MIN_SAMPLES}, per (shape, implementation); seed ${SEED}`,
    ...shapes.map((s) => `- ${s.key} (${s.kind}): \`${s.cql}\` — mongo: \`${JSON.stringify(s.mongo, (_k, v) => (v instanceof RegExp ? String(v) : v))}\``),
  ];
  console.log(head.join('\n'));
  for (const size of SIZES) {
    const r = runSize(size);
    console.log(report(r).join('\n'));
    collectGarbage();
  }
  console.log(`\nend load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  void sink;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();

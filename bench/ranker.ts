/**
 * The ranker's hot path alone (rank-tree.ts over collections/indexed-heap.ts and slot-set.ts):
 * the engine's pick loop — best(), the k-th candidate, remove, re-score, add — without the
 * store, the accountant or the engine around it, so a change to the tree or its collections
 * shows up undiluted.
 *
 *   node --expose-gc --import tsx bench/ranker.ts [--slots 5000] [--picks 200000] [--rounds 7]
 *   … --against /path/to/other/checkout    A/B: the same loops with that checkout's src/placement,
 *                                          alternating per round in this process; prints the ratio
 *
 * Chains: binpack (one per-slot level), spread(AZ) + spread(instanceId) (a scanned per-value
 * level over per-slot), spread(rack) + spread(pdu) (two indexed per-value levels). Scores move
 * as the engine moves them: the picked slot's memory goes down by 256 (binpack), its group count
 * and its values' counts up by one (spreads).
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
const SLOTS = Number(arg('slots') ?? 5000);
const PICKS = Number(arg('picks') ?? 200_000);
const ROUNDS = Number(arg('rounds') ?? 7);
const AGAINST = arg('against');

interface RankerLike {
  readonly size: number;
  add(slot: number): void;
  remove(slot: number): void;
  best(): { readonly size: number; kth(k: number): number };
}
type RankerClass = new (levels: readonly unknown[], slots: number) => RankerLike;

/** A deterministic generator (mulberry32), so both sides make the same picks. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), t | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

class SlotScore {
  readonly kind = 'slot';
  constructor(readonly label: string, readonly values: Float64Array) {}
  score(slot: number): number {
    return this.values[slot]!;
  }
}

class ValueScore {
  readonly kind = 'value';
  readonly counts: Float64Array;
  readonly rank: Int32Array;
  constructor(readonly label: string, readonly codes: Int32Array, values: number) {
    this.counts = new Float64Array(values);
    this.rank = Int32Array.from({ length: values }, (_, c) => c);
  }
  code(slot: number): number {
    return this.codes[slot]!;
  }
}

type Chain = 'binpack' | 'spread' | 'rack-pdu';

/** One pick loop: returns ns per pick and a checksum of the picked slots. */
function run(Ranker: RankerClass, chain: Chain): { nsPerPick: number; checksum: number } {
  const memory = Float64Array.from({ length: SLOTS }, (_, s) => 4096 + 1024 * (s % 7) + PICKS * 256);
  const groupCount = new Float64Array(SLOTS);
  const az = new ValueScore('az', Int32Array.from({ length: SLOTS }, (_, s) => 1 + (s % 3)), 4);
  const rack = new ValueScore('rack', Int32Array.from({ length: SLOTS }, (_, s) => 1 + Math.floor(s / 10)), 2 + Math.floor(SLOTS / 10));
  const pdu = new ValueScore('pdu', Int32Array.from({ length: SLOTS }, (_, s) => 1 + Math.floor(s / 4)), 2 + Math.floor(SLOTS / 4));
  const levels = chain === 'binpack' ? [new SlotScore('binpack', memory)]
    : chain === 'spread' ? [az, new SlotScore('instance', groupCount)]
    : [rack, pdu];
  const values = levels.filter((l): l is ValueScore => l instanceof ValueScore);
  const ranker = new Ranker(levels, SLOTS);
  for (let s = 0; s < SLOTS; s++) ranker.add(s);
  const random = rng(7);
  let checksum = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PICKS; i++) {
    const best = ranker.best();
    const slot = best.kth(Math.floor(random() * best.size));
    checksum = (checksum * 31 + slot) | 0;
    ranker.remove(slot);
    memory[slot]! -= 256;
    groupCount[slot]!++;
    for (let v = 0; v < values.length; v++) values[v]!.counts[values[v]!.code(slot)]!++;
    ranker.add(slot);
  }
  return { nsPerPick: Number(process.hrtime.bigint() - t0) / PICKS, checksum };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function load(root: string): Promise<RankerClass> {
  const mod = (await import(pathToFileURL(path.join(root, 'src/placement/rank-tree.ts')).href)) as { TreeRanker: RankerClass };
  return mod.TreeRanker;
}

async function main(): Promise<void> {
  const sides: [string, RankerClass][] = [['this checkout', await load(process.cwd())]];
  if (AGAINST !== undefined) sides.push([AGAINST, await load(path.resolve(AGAINST))]);
  console.log(`# ranker bench — ${new Date().toISOString()} — node ${process.version} — load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`slots ${SLOTS}, picks ${PICKS}, rounds ${ROUNDS} (both sides each round, which goes first alternating; median ns per pick)`);
  console.log('');
  console.log(`| chain | ${sides.map(([name]) => name).join(' | ')}${sides.length > 1 ? ' | ratio (this ÷ other, time) |' : ''}`);
  console.log(`|---|${sides.map(() => '---').join('|')}|${sides.length > 1 ? '---|' : ''}`);
  for (const chain of ['binpack', 'spread', 'rack-pdu'] as const) {
    const times = sides.map(() => [] as number[]);
    const sums = new Set<number>();
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which side runs first, so neither always follows the other.
      const order = r % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
      order.forEach((i) => {
        const Ranker = sides[i]![1];
        gc();
        const { nsPerPick, checksum } = run(Ranker, chain);
        times[i]!.push(nsPerPick);
        sums.add(checksum);
      });
    }
    if (sums.size !== 1) throw new Error(`${chain}: the two sides picked differently`);
    const m = times.map(median);
    console.log(`| ${chain} | ${m.map((x) => x.toFixed(0)).join(' | ')}${m.length > 1 ? ` | ${(m[0]! / m[1]!).toFixed(3)} |` : ''}`);
  }
}

await main();

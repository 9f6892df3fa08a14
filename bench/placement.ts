/**
 * Placement throughput: `placeTasks` (incremental) against `naivePlaceTasks` (one full scan per
 * task), on realistic fleets.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/placement.ts   (npm run bench:placement)
 *   … --sizes 5000,100000          fleet sizes (default 5000,100000)
 *   … --tasks 100000               tasks per bulk call (default 100000)
 *   … --reps 5                     timed repetitions per cell (default 5)
 *   … --scenarios binpack,spread   only these scenarios (see SCENARIOS)
 *   … --naive 2000,100             naive tasks per fleet size, in --sizes order (default 2000,100)
 *   … --accountant real,lean       the real ResourceAccountant, and/or a lean stand-in (below)
 *   … --small                      also time RunTask-sized calls (count 1 and 10)
 *   … --seed 1                     fleet seed
 *
 * Why a plain timed loop and not benchmark.js: a bulk call mutates its cluster (100k tasks
 * fill it), so every sample needs a fresh cluster, built outside the timing; benchmark.js
 * re-runs one function many times on the same state. Each sample here: build the cluster from
 * the pre-generated fleet (untimed), `global.gc()`, then time one `placeTasks` call with
 * `process.hrtime.bigint()`. Reported: the median over --reps samples, and min–max as the
 * variance. Placements/s = tasks placed / call time (the call's set-up scan included), by wall
 * time and by the process's CPU time (`process.cpuUsage`: all threads, GC included) — on a
 * shared machine wall time includes time the process was not running; CPU time does not.
 *
 * The naive placer rescans the whole fleet for every task, so it runs a smaller call (--naive)
 * on a fresh copy of the same fleet; its per-task cost does not depend on how full the cluster
 * is (every task scans every instance), so placements/s over a short call stands for a long one.
 * The engine also runs that short call, and its placements must equal the naive ones (same
 * seed): the benchmark aborts otherwise.
 *
 * Fleets come from bench/data/instances.ts (15 instance types, 3 AZs, 93% ACTIVE, 98% agents
 * connected, existing task groups). Registered CPU/memory per type are what the ECS agent
 * reports for them (memory a little below nominal), ENI limits from src/resources/eni-limits.ts,
 * agent ports 22, 2375, 2376, 51678, 51679, one GPU on g4dn.xlarge; plus a custom attribute
 * `rack` (10 instances a rack) for the high-cardinality spread scenarios.
 */
import { generateFleet, type GeneratedInstance } from './data/instances.js';
import { naivePlaceTasks } from '../src/placement/naive.js';
import { placeTasks } from '../src/placement/engine.js';
import type { PlacementContext, PlacementOutcome, PlacementRequest } from '../src/placement/types.js';
import { ResourceAccountant } from '../src/resources/accountant.js';
import { eniTaskLimit } from '../src/resources/eni-limits.js';
import type { TaskRequirements } from '../src/resources/types.js';
import { SeededRandom } from '../src/sim/random.js';
import { InstanceStore } from '../src/store/store.js';
import os from 'node:os';

// ---- arguments -------------------------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
const SIZES = (arg('sizes') ?? '5000,100000').split(',').map(Number);
const TASKS = Number(arg('tasks') ?? 100_000);
const REPS = Number(arg('reps') ?? 5);
const NAIVE = (arg('naive') ?? '2000,100').split(',').map(Number);
const SEED = Number(arg('seed') ?? 1);
const SMALL = process.argv.includes('--small');

// ---- fleets --------------------------------------------------------------------------------------

/** [CPU units, registered MiB] per instance type. */
const RESOURCES: Record<string, [number, number]> = {
  'm5.large': [2048, 7680], 'm5.xlarge': [4096, 15576], 'm5.2xlarge': [8192, 31406],
  'c5.large': [2048, 3705], 'c5.xlarge': [4096, 7480], 'c5.2xlarge': [8192, 15236],
  'r5.large': [2048, 15576], 'r5.xlarge': [4096, 31406], 'r5.2xlarge': [8192, 63270],
  't3.medium': [2048, 3920], 't3.large': [2048, 7840], 'm6g.large': [2048, 7680],
  'c6g.xlarge': [4096, 7480], 'g4dn.xlarge': [4096, 15576], 'i3.xlarge': [4096, 30425],
};
const AGENT_PORTS = ['22', '2375', '2376', '51678', '51679'];

interface Cluster {
  store: InstanceStore;
  accountant: ResourceAccountant;
}

function build(fleet: readonly GeneratedInstance[]): Cluster {
  const store = new InstanceStore();
  const accountant = new ResourceAccountant(store);
  for (let i = 0; i < fleet.length; i++) {
    const { instance, taskGroups } = fleet[i]!;
    // One extra custom attribute for the high-cardinality scenarios: 10 instances a rack.
    const slot = store.register({ ...instance, attributes: [...instance.attributes!, { name: 'rack', value: `rack-${Math.floor(i / 10)}` }] }, taskGroups);
    const type = instance.attributes!.find((a) => a.name === 'ecs.instance-type')!.value!;
    const [cpu, memory] = RESOURCES[type]!;
    accountant.addInstance(slot, [
      { name: 'CPU', type: 'INTEGER', integerValue: cpu },
      { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: AGENT_PORTS },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
    ], type === 'g4dn.xlarge' ? ['GPU-0'] : [], eniTaskLimit(type, false));
  }
  return { store, accountant };
}

// ---- scenarios -------------------------------------------------------------------------------------

const small: TaskRequirements = { cpu: 64, memory: 256, tcpPorts: [], udpPorts: [], gpus: 0, eni: false, attributes: [] };
const AZ = 'attribute:ecs.availability-zone';

const SCENARIOS: Record<string, { label: string; request: Omit<PlacementRequest, 'count'>; tasks?: number }> = {
  binpack: {
    label: 'binpack(memory)',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'binpack', field: 'memory' }] },
  },
  spread: {
    label: 'spread(AZ) + spread(instanceId)',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'instanceId' }] },
  },
  'memberof-binpack': {
    label: 'memberOf + binpack(memory)',
    request: {
      requirements: small, group: 'service:bench',
      constraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux and not(task:group == database)' }],
      strategies: [{ type: 'binpack', field: 'memory' }],
    },
  },
  'memberof-spread': {
    label: 'memberOf + spread(AZ) + spread(instanceId)',
    request: {
      requirements: small, group: 'service:bench',
      constraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux and not(task:group == database)' }],
      strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'instanceId' }],
    },
  },
  'distinct-port': {
    label: 'distinctInstance + host port 8080',
    request: { requirements: { ...small, tcpPorts: [8080] }, group: 'service:bench', constraints: [{ type: 'distinctInstance' }], strategies: [] },
  },
  // High-cardinality spreads (a rack per 10 instances: 500 at 5k, 10,000 at 100k).
  'rack-spread': {
    label: 'spread(rack) + spread(instanceId) [indexed first level]',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'instanceId' }] },
  },
  'az-rack': {
    label: 'spread(AZ) + spread(rack) [indexed second level]',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'attribute:rack' }] },
  },
  // The remaining scan: a many-valued per-value level that is not the chain's last one.
  'rack-az': {
    label: 'spread(rack) + spread(AZ) [fallback: scanned first level], 1k tasks',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: AZ }] },
    tasks: 1_000,
  },
};
const CHOSEN = (arg('scenarios') ?? Object.keys(SCENARIOS).join(',')).split(',');

// ---- a stand-in accountant, to separate the engine's cost from the accountant's -------------------

/**
 * `--accountant lean` (analysis only): CPU, MEMORY and TCP ports kept in the store columns and
 * a Set per instance, reservations as plain objects; nothing validated, no GPU/ENI/UDP. The
 * real ResourceAccountant spends ~1.5–3 µs in `reserve` (validation, sorted frozen port lists,
 * a Set of live reservations per instance), which caps any placer; this shows what the
 * engine's own structures cost.
 */
class LeanAccountant {
  private readonly ports: (Set<number> | undefined)[] = [];
  constructor(private readonly store: InstanceStore) {}
  fits(slot: number, req: TaskRequirements): string | null {
    if (req.cpu > this.store.remainingCpu[slot]!) return 'RESOURCE:CPU';
    if (req.memory > this.store.remainingMemory[slot]!) return 'RESOURCE:MEMORY';
    const taken = this.ports[slot];
    if (taken !== undefined) for (const p of req.tcpPorts) if (taken.has(p)) return 'RESOURCE:PORTS';
    return null;
  }
  reserve(slot: number, req: TaskRequirements) {
    this.store.remainingCpu[slot]! -= req.cpu;
    this.store.remainingMemory[slot]! -= req.memory;
    if (req.tcpPorts.length > 0) {
      let taken = this.ports[slot];
      if (taken === undefined) this.ports[slot] = taken = new Set();
      for (const p of req.tcpPorts) taken.add(p);
    }
    return { slot, cpu: req.cpu, memory: req.memory, tcpPorts: req.tcpPorts, udpPorts: req.udpPorts, gpuIds: [], eni: req.eni };
  }
}

const ACCOUNTANTS = (arg('accountant') ?? 'real,lean').split(',') as ('real' | 'lean')[];

function withAccountant(c: Cluster, kind: 'real' | 'lean'): ResourceAccountant {
  return kind === 'real' ? c.accountant : (new LeanAccountant(c.store) as unknown as ResourceAccountant);
}

// ---- timing ----------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

interface Sample {
  wallMs: number;
  cpuMs: number;
  outcome: PlacementOutcome;
}

/** One call on a fresh cluster: wall time, and CPU time of the process (all threads, GC included). */
function timeCall(fleet: readonly GeneratedInstance[], kind: 'real' | 'lean', run: (ctx: PlacementContext) => PlacementOutcome): Sample {
  const cluster = build(fleet);
  const accountant = withAccountant(cluster, kind);
  gc();
  const ctx: PlacementContext = { store: cluster.store, accountant, random: new SeededRandom(SEED) };
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const outcome = run(ctx);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, outcome };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));
const range = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;

function main(): void {
  console.log(`# placement bench — ${new Date().toISOString()} — node ${process.version} — ${os.cpus()[0]?.model} ×${os.cpus().length} — load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`tasks per bulk call ${TASKS}, reps ${REPS}, seed ${SEED}, accountants ${ACCOUNTANTS.join(',')}`);
  console.log('');
  console.log('| fleet | accountant | scenario | placed / unplaced | call ms wall: median (min–max) | placements/s by wall | placements/s by CPU | naive tasks | naive placements/s (CPU) | ratio (CPU) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  SIZES.forEach((size, sizeIndex) => {
    const fleet = generateFleet(size, SEED);
    const naiveCount = NAIVE[sizeIndex] ?? NAIVE[NAIVE.length - 1]!;
    for (const kind of ACCOUNTANTS) {
      for (const key of CHOSEN) {
        const scenario = SCENARIOS[key];
        if (scenario === undefined) throw new Error(`unknown scenario ${key}`);
        const bulk: PlacementRequest = { ...scenario.request, count: Math.min(TASKS, scenario.tasks ?? TASKS) };
        const walls: number[] = [];
        const byWall: number[] = [];
        const byCpu: number[] = [];
        let placed = 0;
        let unplaced = 0;
        for (let r = 0; r < REPS; r++) {
          const { wallMs, cpuMs, outcome } = timeCall(fleet, kind, (ctx) => placeTasks(ctx, bulk));
          placed = outcome.placements.length;
          unplaced = outcome.unplaced;
          walls.push(wallMs);
          byWall.push(placed / (wallMs / 1000));
          byCpu.push(placed / (cpuMs / 1000));
        }
        // The naive oracle on a short call, and the engine on the same call: same placements.
        const short: PlacementRequest = { ...scenario.request, count: naiveCount };
        const naive = timeCall(fleet, kind, (ctx) => naivePlaceTasks(ctx, short));
        const fast = timeCall(fleet, kind, (ctx) => placeTasks(ctx, short));
        const a = naive.outcome.placements.map((p) => p.slot).join();
        const b = fast.outcome.placements.map((p) => p.slot).join();
        if (a !== b) throw new Error(`${key} @${size}: engine and naive placed differently`);
        const naiveRate = naive.outcome.placements.length / (naive.cpuMs / 1000);
        console.log(`| ${size.toLocaleString('en-US')} | ${kind} | ${scenario.label} | ${placed} / ${unplaced} | ${range(walls)} | ${range(byWall)} | ${range(byCpu)} | ${naiveCount} | ${fmt(naiveRate)} | ${fmt(median(byCpu) / naiveRate)}× |`);
      }
    }
  });

  if (SMALL) {
    // RunTask-sized calls (count ≤ 10): the per-call cost, dominated by the one scan of the fleet.
    console.log('');
    console.log('| fleet | scenario | count | µs per call (CPU, median of 5 batches) |');
    console.log('|---|---|---|---|');
    for (const size of SIZES) {
      const fleet = generateFleet(size, SEED);
      for (const key of ['binpack', 'spread']) {
        for (const count of [1, 10]) {
          const request: PlacementRequest = { ...SCENARIOS[key]!.request, count };
          const cluster = build(fleet);
          const random = new SeededRandom(SEED);
          const calls = Math.max(5, Math.round(100_000 / size));
          const batches: number[] = [];
          for (let b = 0; b < 6; b++) {
            const c0 = process.cpuUsage();
            for (let i = 0; i < calls; i++) placeTasks({ store: cluster.store, accountant: cluster.accountant, random }, request);
            const c = process.cpuUsage(c0);
            if (b > 0) batches.push((c.user + c.system) / calls); // the first batch warms up
          }
          console.log(`| ${size.toLocaleString('en-US')} | ${SCENARIOS[key]!.label} | ${count} | ${fmt(median(batches))} |`);
        }
      }
    }
  }
}

main();

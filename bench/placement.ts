/**
 * Placement throughput: the engine (`PlacementEngine.place`, incremental) against `naivePlaceTasks` (one full scan per
 * task), on realistic fleets.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/placement.ts   (npm run bench:placement)
 *   … --sizes 5000,100000          fleet sizes (default 5000,100000)
 *   … --tasks 100000               tasks per bulk call (default 100000)
 *   … --reps 5                     timed repetitions per cell (default 5)
 *   … --scenarios binpack,spread   only these scenarios (see SCENARIOS)
 *   … --naive 2000,100             naive tasks per fleet size, in --sizes order (default 2000,100)
 *   … --accountant real,lean       the real ResourceAccountant (default), and/or a lean stand-in (below);
 *                                  `journaled`: the real one, with the store and accountant journaled
 *                                  and the call inside a transaction (committed), as an atomic ECS call runs
 *   … --small                      also time RunTask-sized calls (count 1 and 10), with the engine reusing its
 *                                  prepared structures between calls and without (a fresh set-up per call)
 *   … --warm-up                    call the engine's opt-in warmUp() first (shape-witnesses.ts); default: not
 *   … --drain                      also time draining 10% of the cluster through the simulator (below)
 *   … --isolate                    each (fleet, scenario) row in its own process (see below)
 *   … --seed 1                     fleet seed
 *
 * Why a plain timed loop and not benchmark.js: a bulk call mutates its cluster (100k tasks
 * fill it), so every sample needs a fresh cluster, built outside the timing; benchmark.js
 * re-runs one function many times on the same state. Each sample here: build the cluster from
 * the pre-generated fleet (untimed), `global.gc()`, then time one `engine.place` call with
 * `process.hrtime.bigint()`. Reported: the median over --reps samples, and min–max as the
 * variance. Placements/s = tasks placed / call time (the call's set-up scan included), by wall
 * time and by the process's CPU time (`process.cpuUsage`: all threads, GC included) — on a
 * shared machine wall time includes time the process was not running; CPU time does not.
 *
 * --isolate: rows run one after another in one process share the JIT's type feedback and the
 * heap; each row in its own process measures the scenario alone (the figures in bench/RESULTS.md
 * come from the default, one process for all rows, which is what a simulator mixing chains sees).
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
 * agent ports 22, 2375, 2376, 51678, 51679, one GPU on g4dn.xlarge; plus custom attributes
 * `rack` (10 consecutive instances a rack) and `pdu` (4 consecutive instances a power domain,
 * so a rack holds 3–4 and a few span two racks) for the many-valued spread scenarios.
 *
 * --drain: a simulator (EcsSimulator) with the same fleet and a REPLICA service of 50,000 tasks
 * (64 CPU units, 256 MiB; the default service strategy, spread(AZ) + spread(instanceId)), all
 * RUNNING; then `drainWhatIf` of 10% of the instances (a fork, DRAINING in batches of 10, the
 * clock advanced until the replacements run, the report): wall time, and replaced tasks per
 * second of it. It goes through everything the simulator does (task records, events, stops,
 * reconcile passes), so it is not placements alone; for the placer's share, the replacements'
 * placement call is also timed on its own on a fork drained the same way, against the naive
 * placer on another such fork (same seed, same first placements).
 */
import { generateFleet, type GeneratedInstance } from './data/instances.js';
import { naivePlaceTasks } from '../src/placement/naive.js';
import { PlacementEngine } from '../src/placement/engine.js';
import type { StrategyPlugin } from '../src/placement/plugins/types.js';
import type { PlacementContext, PlacementOutcome, PlacementRequest } from '../src/placement/types.js';
import { ResourceAccountant } from '../src/resources/accountant.js';
import { eniTaskLimit } from '../src/resources/eni-limits.js';
import type { TaskRequirements } from '../src/resources/types.js';
import { SeededRandom } from '../src/sim/random.js';
import { InstanceStore } from '../src/store/store.js';
import { ChangeLog } from '../src/collections/change-log.js';
import { Journal } from '../src/collections/journal.js';
import { EcsSimulator } from '../src/index.js';
import { spawnSync } from 'node:child_process';
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
const DRAIN = process.argv.includes('--drain');
const ISOLATE = process.argv.includes('--isolate');
const WARM_UP = process.argv.includes('--warm-up');
/** Set in the child processes of --isolate: print the table rows only. */
const ROWS_ONLY = process.argv.includes('--rows-only');

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

/** The custom attributes of the many-valued scenarios: a rack per 10 instances, a power domain per 4. */
function extraAttributes(i: number) {
  return [{ name: 'rack', value: `rack-${Math.floor(i / 10)}` }, { name: 'pdu', value: `pdu-${Math.floor(i / 4)}` }];
}

interface Cluster {
  store: InstanceStore;
  accountant: ResourceAccountant;
}

function build(fleet: readonly GeneratedInstance[]): Cluster {
  const store = new InstanceStore();
  const accountant = new ResourceAccountant(store);
  for (let i = 0; i < fleet.length; i++) {
    const { instance, taskGroups } = fleet[i]!;
    const slot = store.register({ ...instance, attributes: [...instance.attributes!, ...extraAttributes(i)] }, taskGroups);
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

// ---- the engine, and a strategy plug-in equivalent to binpack(memory) ------------------------------

/** Candidates the plug-in has scored (for its cost per candidate). */
let scored = 0;
const binpackPlugin: StrategyPlugin = {
  name: 'bench-binpack-memory',
  score(candidates, view) {
    scored += candidates.length;
    const out = new Float64Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) out[i] = view.remainingMemory(candidates[i]!);
    return out;
  },
};
const engine = new PlacementEngine();
engine.register(binpackPlugin);
const place = (ctx: PlacementContext, request: PlacementRequest) => engine.place(ctx, request);
const naive = (ctx: PlacementContext, request: PlacementRequest) => naivePlaceTasks(ctx, request, { plugins: engine.plugins });

// ---- scenarios -------------------------------------------------------------------------------------

/** Frozen, as `requirementsOf` returns them (the accountant checks a frozen shape once, not per call). */
function requirements(r: Omit<TaskRequirements, 'tcpPorts'> & { tcpPorts: number[] }): TaskRequirements {
  return Object.freeze({ ...r, tcpPorts: Object.freeze([...r.tcpPorts]), udpPorts: Object.freeze([...r.udpPorts]), attributes: Object.freeze([...r.attributes]) });
}
const small = requirements({ cpu: 64, memory: 256, tcpPorts: [], udpPorts: [], gpus: 0, eni: false, attributes: [] });
const AZ = 'attribute:ecs.availability-zone';

const SCENARIOS: Record<string, { label: string; request: Omit<PlacementRequest, 'count'>; tasks?: number }> = {
  binpack: {
    label: 'binpack(memory)',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'binpack', field: 'memory' }] },
  },
  // The same choices through a strategy plug-in: every pick scores every feasible instance.
  'binpack-plugin': {
    label: 'plugin (= binpack(memory)), 2,000 tasks',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: `plugin:${binpackPlugin.name}` }] },
    tasks: 2000,
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
    request: { requirements: requirements({ ...small, tcpPorts: [8080] }), group: 'service:bench', constraints: [{ type: 'distinctInstance' }], strategies: [] },
  },
  // Many-valued spreads (a rack per 10 instances: 500 at 5k, 10,000 at 100k; a power domain
  // per 4: 1,250 at 5k, 25,000 at 100k). The ranker scans few-valued levels and indexes
  // many-valued ones below them (rank-tree.ts).
  'rack-spread': {
    label: 'spread(rack) + spread(instanceId) [indexed]',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'instanceId' }] },
  },
  'az-rack': {
    label: 'spread(AZ) + spread(rack) [AZ scanned, racks indexed]',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'attribute:rack' }] },
  },
  // Formerly the scanned fallback (every pick scanned the racks): the AZ level now sits above
  // the indexed racks, and tied racks of different AZs interleave by rack (mergedKth).
  'rack-az': {
    label: 'spread(rack) + spread(AZ) [AZ above indexed racks, interleaved]',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: AZ }] },
  },
  // Two many-valued levels: nested indexes (a placement re-keys its rack and power domain).
  'rack-pdu': {
    label: 'spread(rack) + spread(pdu) [nested indexes]',
    request: { requirements: small, group: 'service:bench', constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'attribute:pdu' }] },
  },
};
/** `--scenarios none` with `--drain`: the drain rows only. */
const CHOSEN = (arg('scenarios') ?? Object.keys(SCENARIOS).join(',')).split(',').filter((k) => k !== '' && k !== 'none');

// ---- a stand-in accountant, to separate the engine's cost from the accountant's -------------------

/**
 * `--accountant lean` (analysis only): CPU, MEMORY and TCP ports kept in the store columns and
 * a Set per instance, reservations as plain objects; nothing validated, no GPU/ENI/UDP. It
 * shows what the engine's own structures cost, apart from the accountant's bookkeeping.
 */
class LeanAccountant {
  private readonly ports: (Set<number> | undefined)[] = [];
  readonly changes = new ChangeLog();
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
    this.changes.note(slot);
    return { slot, cpu: req.cpu, memory: req.memory, tcpPorts: req.tcpPorts, udpPorts: req.udpPorts, gpuIds: [], eni: req.eni };
  }
}

type AccountantKind = 'real' | 'lean' | 'journaled';
const ACCOUNTANTS = (arg('accountant') ?? 'real').split(',') as AccountantKind[];

function withAccountant(c: Cluster, kind: AccountantKind): ResourceAccountant {
  return kind === 'lean' ? (new LeanAccountant(c.store) as unknown as ResourceAccountant) : c.accountant;
}

// ---- timing ----------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

interface Sample {
  wallMs: number;
  cpuMs: number;
  outcome: PlacementOutcome;
}

/** One call on a fresh cluster: wall time, and CPU time of the process (all threads, GC included). */
function timeCall(fleet: readonly GeneratedInstance[], kind: AccountantKind, run: (ctx: PlacementContext) => PlacementOutcome): Sample {
  const cluster = build(fleet);
  const accountant = withAccountant(cluster, kind);
  const journal = new Journal();
  if (kind === 'journaled') {
    cluster.store.useJournal(journal);
    accountant.useJournal(journal);
  }
  gc();
  const ctx: PlacementContext = { store: cluster.store, accountant, random: new SeededRandom(SEED) };
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const outcome = kind === 'journaled' ? journal.atomically(() => run(ctx)) : run(ctx);
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

/** --isolate: one child process per (fleet, scenario), each printing its rows. */
function isolated(): void {
  SIZES.forEach((size, sizeIndex) => {
    for (const key of CHOSEN) {
      const args = ['--sizes', String(size), '--naive', String(NAIVE[sizeIndex] ?? NAIVE[NAIVE.length - 1]), '--scenarios', key, '--reps', String(REPS),
        '--tasks', String(TASKS), '--seed', String(SEED), '--accountant', ACCOUNTANTS.join(','), '--rows-only', ...(WARM_UP ? ['--warm-up'] : [])];
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (child.status !== 0) throw new Error(`${key} @${size}: ${child.stderr}`);
      process.stdout.write(child.stdout);
    }
  });
}

function main(): void {
  if (WARM_UP) engine.warmUp();
  if (!ROWS_ONLY) {
    console.log(`# placement bench — ${new Date().toISOString()} — node ${process.version} — ${os.cpus()[0]?.model} ×${os.cpus().length} — load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`tasks per bulk call ${TASKS}, reps ${REPS}, seed ${SEED}, accountants ${ACCOUNTANTS.join(',')}${ISOLATE ? ', a process per row' : ''}, warm-up ${WARM_UP ? 'on' : 'off'}`);
    console.log('');
    console.log('| fleet | accountant | scenario | placed / unplaced | call ms wall: median (min–max) | placements/s by wall | placements/s by CPU | naive tasks | naive placements/s (CPU) | ratio (CPU) |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
  }
  if (ISOLATE) isolated();
  else SIZES.forEach((size, sizeIndex) => {
    const fleet = generateFleet(size, SEED);
    const naiveCount = NAIVE[sizeIndex] ?? NAIVE[NAIVE.length - 1]!;
    for (const kind of ACCOUNTANTS) {
      for (const key of CHOSEN) {
        const scenario = SCENARIOS[key];
        if (scenario === undefined) throw new Error(`unknown scenario ${key}`);
        const bulk: PlacementRequest = { ...scenario.request, count: Math.min(TASKS, scenario.tasks ?? TASKS) };
        const walls: number[] = [];
        const pluginNs: number[] = [];
        const byWall: number[] = [];
        const byCpu: number[] = [];
        let placed = 0;
        let unplaced = 0;
        for (let r = 0; r < REPS; r++) {
          scored = 0;
          const { wallMs, cpuMs, outcome } = timeCall(fleet, kind, (ctx) => place(ctx, bulk));
          if (scored > 0) pluginNs.push((wallMs * 1e6) / scored);
          placed = outcome.placements.length;
          unplaced = outcome.unplaced;
          walls.push(wallMs);
          byWall.push(placed / (wallMs / 1000));
          byCpu.push(placed / (cpuMs / 1000));
        }
        // The naive oracle on a short call, and the engine on the same call: same placements.
        const short: PlacementRequest = { ...scenario.request, count: naiveCount };
        const slow = timeCall(fleet, kind, (ctx) => naive(ctx, short));
        const fast = timeCall(fleet, kind, (ctx) => place(ctx, short));
        const a = slow.outcome.placements.map((p) => p.slot).join();
        const b = fast.outcome.placements.map((p) => p.slot).join();
        if (a !== b) throw new Error(`${key} @${size}: engine and naive placed differently`);
        const naiveRate = slow.outcome.placements.length / (slow.cpuMs / 1000);
        const perCandidate = pluginNs.length > 0 ? ` (${fmt(median(pluginNs))} ns per candidate scored)` : '';
        console.log(`| ${size.toLocaleString('en-US')} | ${kind} | ${scenario.label}${perCandidate} | ${placed} / ${unplaced} | ${range(walls)} | ${range(byWall)} | ${range(byCpu)} | ${naiveCount} | ${fmt(naiveRate)} | ${fmt(median(byCpu) / naiveRate)}× |`);
      }
    }
  });

  if (SMALL) {
    // RunTask-sized calls (count ≤ 10): the per-call cost, dominated by the one scan of the fleet.
    console.log('');
    // Each call places on the cluster the previous one left; between calls nothing else changes it,
    // so the reusing engine brings its prepared structures along with no refresh at all.
    console.log('| fleet | scenario | count | µs per call, set-up every call (CPU, median of 5 batches) | µs per call, reusing the set-up | ratio |');
    console.log('|---|---|---|---|---|---|');
    const fresh = new PlacementEngine({ reusePerStore: 0 });
    if (WARM_UP) fresh.warmUp();
    for (const size of SIZES) {
      const fleet = generateFleet(size, SEED);
      for (const key of ['binpack', 'spread']) {
        for (const count of [1, 10]) {
          const request: PlacementRequest = { ...SCENARIOS[key]!.request, count };
          const perCall = [fresh, engine].map((e) => {
            const cluster = build(fleet);
            const random = new SeededRandom(SEED);
            const calls = Math.max(5, Math.round(100_000 / size));
            const batches: number[] = [];
            for (let b = 0; b < 6; b++) {
              const c0 = process.cpuUsage();
              for (let i = 0; i < calls; i++) e.place({ store: cluster.store, accountant: cluster.accountant, random }, request);
              const c = process.cpuUsage(c0);
              if (b > 0) batches.push((c.user + c.system) / calls); // the first batch warms up
            }
            return median(batches);
          });
          console.log(`| ${size.toLocaleString('en-US')} | ${SCENARIOS[key]!.label} | ${count} | ${fmt(perCall[0]!)} | ${fmt(perCall[1]!)} | ${fmt(perCall[0]! / perCall[1]!)}× |`);
        }
      }
    }
  }
}

// ---- draining through the simulator ------------------------------------------------------------

const SERVICE_TASKS = 50_000;
const DRAINED = 'attribute:drain-group == 0';

/** A simulator with the fleet registered (all ACTIVE, agents connected) and a 50,000-task service RUNNING. */
function buildSimulator(fleet: readonly GeneratedInstance[]): EcsSimulator {
  const sim = new EcsSimulator({ seed: SEED });
  sim.createCluster({ clusterName: 'bench' });
  for (let i = 0; i < fleet.length; i++) {
    const attributes = fleet[i]!.instance.attributes!;
    const attr = (name: string) => attributes.find((a) => a.name === name)?.value;
    const type = attr('ecs.instance-type')!;
    const [cpu, memory] = RESOURCES[type]!;
    sim.registerContainerInstance({
      cluster: 'bench',
      instanceIdentityDocument: JSON.stringify({ instanceId: `i-${i.toString(16).padStart(17, '0')}`, instanceType: type, availabilityZone: attr('ecs.availability-zone'), imageId: 'ami-1' }),
      totalResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: cpu },
        { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: AGENT_PORTS },
      ],
      // drain-group: 10% of the instances each
      attributes: [...extraAttributes(i), { name: 'drain-group', value: String(i % 10) }],
    });
  }
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 64, memory: 256 }] });
  sim.createService({ cluster: 'bench', serviceName: 'web', taskDefinition: 'web', desiredCount: SERVICE_TASKS });
  sim.advance(600_000);
  return sim;
}

/** A fork with the drained instances DRAINING and the clock not advanced: the replacements are not placed yet. */
function drainedFork(sim: EcsSimulator): { fork: EcsSimulator; request: PlacementRequest } {
  const fork = sim.fork();
  const arns = fork.query(DRAINED, { cluster: 'bench', status: 'ACTIVE' });
  for (let i = 0; i < arns.length; i += 10) fork.updateContainerInstancesState({ cluster: 'bench', containerInstances: arns.slice(i, i + 10), status: 'DRAINING' });
  // What the service scheduler asks for: one task per task on the drained instances (min 100%,
  // max 200%: all of them start at once), spread(AZ) + spread(instanceId).
  const cluster = fork.state.clusters.get('bench')!;
  const drained = new Set(arns);
  let moving = 0;
  for (const t of cluster.tasks.values()) if (t.desiredStatus === 'RUNNING' && t.containerInstanceArn !== undefined && drained.has(t.containerInstanceArn)) moving++;
  const requirements = fork.state.taskDefinitions.requirementsOf([...cluster.services.values()][0]!.taskDefinitionArn);
  return { fork, request: { requirements, group: 'service:web', count: moving, constraints: [], strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'instanceId' }] } };
}

function drainBench(): void {
  console.log('');
  console.log(`Draining 10% of the instances (\`drainWhatIf('${DRAINED}')\`) with ${SERVICE_TASKS.toLocaleString('en-US')} service tasks RUNNING:`);
  console.log('');
  console.log('| fleet | build (register + 50k tasks), s | tasks moved | drainWhatIf ms: median (min–max) | moved tasks/s (whole what-if) | the replacements\' placement call alone: placements/s | naive tasks | naive placements/s | ratio |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  SIZES.forEach((size, sizeIndex) => {
    const t0 = performance.now();
    const sim = buildSimulator(generateFleet(size, SEED));
    const buildS = (performance.now() - t0) / 1000;
    const walls: number[] = [];
    let moved = 0;
    for (let r = 0; r < REPS; r++) {
      gc();
      const t = performance.now();
      const report = sim.drainWhatIf(DRAINED, { cluster: 'bench' });
      walls.push(performance.now() - t);
      moved = report.moved.reduce((n, m) => n + m.to.length, 0);
      if (report.unplaced.some((u) => u.missing > 0)) throw new Error(`drain @${size}: tasks left unplaced`);
    }
    // The placement call alone, on forks drained the same way; the naive placer on a short call.
    const rates: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const { fork, request } = drainedFork(sim);
      const cluster = fork.state.clusters.get('bench')!;
      gc();
      const t = performance.now();
      const outcome = place({ store: cluster.store, accountant: cluster.accountant, random: new SeededRandom(SEED) }, request);
      rates.push(outcome.placements.length / ((performance.now() - t) / 1000));
    }
    const naiveCount = NAIVE[sizeIndex] ?? NAIVE[NAIVE.length - 1]!;
    const slotsOf = (placer: typeof place) => {
      const { fork, request } = drainedFork(sim);
      const cluster = fork.state.clusters.get('bench')!;
      const c0 = process.cpuUsage();
      const outcome = placer({ store: cluster.store, accountant: cluster.accountant, random: new SeededRandom(SEED) }, { ...request, count: naiveCount });
      const c = process.cpuUsage(c0);
      return { slots: outcome.placements.map((p) => p.slot).join(), rate: outcome.placements.length / ((c.user + c.system) / 1e6) };
    };
    const oracle = slotsOf(naive);
    if (oracle.slots !== slotsOf(place).slots) throw new Error(`drain @${size}: engine and naive placed differently`);
    console.log(`| ${size.toLocaleString('en-US')} | ${buildS.toFixed(1)} | ${moved} | ${range(walls)} | ${fmt(moved / (median(walls) / 1000))} | ${range(rates)} | ${naiveCount} | ${fmt(oracle.rate)} | ${fmt(median(rates) / oracle.rate)}× |`);
  });
}

main();
if (DRAIN) drainBench();

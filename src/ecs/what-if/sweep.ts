/**
 * Sweeps: many independent what-ifs of one cluster, one summary row each, worst first. The
 * scenarios are expanded once from a description (`expandScenarios`: every instance, every value
 * of an attribute, seeded random sets of instances, or an explicit list) into a numbered list;
 * each runs on its own fork of the same base state (`runScenarios`), so a row depends on its
 * scenario alone — not on which worker ran it, nor on what ran before. Rows are sorted worst first
 * by a total order (`sortRows`), so any split of the scenarios, merged (`mergeSweeps`), gives the
 * same result as one run.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import { describeValue } from '../../model/validate.js';
import { SeededRandom } from '../../sim/random.js';
import { checkAttributeName } from '../attributes/rules.js';
import type { ClusterRecord } from '../clusters/record.js';
import { forkState } from '../state/fork.js';
import type { SimState } from '../state/state.js';
import { WHAT_IF_REASONS, type WhatIfReason } from './reasons.js';
import { resolveInstances, runWhatIfOutcome } from './run.js';

/** What a sweep scenario does to its instances. */
export type SweepAction = 'drain' | 'fail';

/**
 * The scenarios of a sweep: one per instance (`each: 'instance'`), one per value of an attribute
 * (`each: 'attribute:<name>'`: the instances with that value), `count` seeded random sets of
 * `instances` instances each, or an explicit list. `filter` (CQL) narrows the instances drawn from
 * (ACTIVE ones to drain; ACTIVE or DRAINING ones to fail).
 *
 * @example
 * const scenarios: SweepScenarios = { each: 'attribute:ecs.availability-zone', what: 'fail' };
 */
export type SweepScenarios =
  | { readonly each: 'instance' | `attribute:${string}`; readonly what: SweepAction; readonly filter?: string }
  | { readonly random: { readonly instances: number; readonly count: number; readonly seed: number }; readonly what: SweepAction; readonly filter?: string }
  | readonly { readonly what: SweepAction; readonly name?: string; readonly containerInstances?: readonly string[]; readonly filter?: string }[];

/** One expanded scenario: what to do to which instances. */
export interface SweepScenario {
  readonly index: number;
  readonly name: string;
  readonly what: SweepAction;
  readonly containerInstanceArns: readonly string[];
}

/** One scenario's summary. */
export interface SweepRow {
  /** the scenario's place in the expanded list */
  readonly index: number;
  readonly scenario: string;
  readonly what: SweepAction;
  /** instances drained or lost */
  readonly instances: number;
  /** service tasks short and stuck after the settle time (see WhatIfReport) */
  readonly short: number;
  readonly stuck: number;
  /** standalone tasks lost (fail) or left on drained instances (drain) */
  readonly lost: number;
  readonly left: number;
  /** services short or with stuck tasks, by name */
  readonly servicesAtRisk: string[];
  /** short and stuck tasks by reason code */
  readonly byReason: Partial<Record<WhatIfReason, number>>;
}

/** A sweep's answer (or a shard of it: `shard` set, rows of that shard only). */
export interface SweepResult {
  readonly cluster: string;
  readonly settleMs: number;
  /** scenarios in the whole sweep */
  readonly scenarios: number;
  /** worst first (see `sortRows`) */
  readonly rows: SweepRow[];
  /** present on a part made by one shard of a sharded sweep */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** A sweep worker's state in the shared buffer: set once by a compare-and-swap, by the worker (RUNNING) or by the thread that started it (CALLED_OFF). */
export const NOT_STARTED = 0;
export const RUNNING = 1;
export const CALLED_OFF = -1;

/** Marks a sweep worker's data (importing the worker module elsewhere then does nothing). */
export const SWEEP_JOB = 'ecs-cluster-sim/sweep-job';

/** What a sweep worker is given (the base state, a snapshot, follows as its first message): the scenarios and the shared counter of those taken (runSharedScenarios), plug-in modules to load. */
export interface SweepJob {
  readonly kind: typeof SWEEP_JOB;
  readonly cluster: string;
  readonly settleMs: number;
  readonly scenarios: readonly SweepScenario[];
  /** Int32s: the count of scenarios handed out (runSharedScenarios), then each worker's state (NOT_STARTED, RUNNING, CALLED_OFF) */
  readonly shared: SharedArrayBuffer;
  /** this worker's place in `shared` */
  readonly worker: number;
  readonly chunk: number;
  /** module paths of placement plug-ins to load before running */
  readonly plugins: readonly string[];
}

const ACTIONS: readonly SweepAction[] = ['drain', 'fail'];

function checkAction(what: unknown, member: string): SweepAction {
  if (!ACTIONS.includes(what as SweepAction)) throw new InvalidParameterException(`${member} must be drain or fail; got ${quote(what)}`);
  return what as SweepAction;
}

function candidates(cluster: ClusterRecord, what: SweepAction, filter: string | undefined): string[] {
  return cluster.store.query(filter ?? null, { status: what === 'drain' ? 'ACTIVE' : ['ACTIVE', 'DRAINING'] });
}

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** The numbered scenarios a description expands to, on `cluster` as it is now. */
export function expandScenarios(cluster: ClusterRecord, spec: SweepScenarios): SweepScenario[] {
  const out: SweepScenario[] = [];
  const push = (name: string, what: SweepAction, arns: readonly string[]) => out.push({ index: out.length, name, what, containerInstanceArns: arns });
  if (Array.isArray(spec)) {
    spec.forEach((item: { what?: unknown; name?: unknown; containerInstances?: unknown; filter?: unknown }, i) => {
      if (item === null || typeof item !== 'object') throw new InvalidParameterException(`scenarios[${i}] must be an object`);
      const what = checkAction(item.what, `scenarios[${i}].what`);
      if (item.filter !== undefined && typeof item.filter !== 'string') throw new InvalidParameterException(`scenarios[${i}].filter must be a string`);
      const arns = item.containerInstances !== undefined
        ? resolveInstances(cluster, item.containerInstances as string[], `scenarios[${i}].containerInstances`)
        : item.filter !== undefined ? candidates(cluster, what, item.filter) : [];
      if (arns.length === 0) throw new InvalidParameterException(`scenarios[${i}] names no container instance (give containerInstances or a filter that selects some)`);
      push(typeof item.name === 'string' ? item.name : `#${i}`, what, arns);
    });
    return out;
  }
  if (spec === null || typeof spec !== 'object') throw new InvalidParameterException('scenarios must be { each }, { random } or a list');
  const s = spec as { each?: unknown; random?: unknown; what?: unknown; filter?: unknown };
  const what = checkAction(s.what, 'scenarios.what');
  if (s.filter !== undefined && typeof s.filter !== 'string') throw new InvalidParameterException('scenarios.filter must be a string');
  const pool = candidates(cluster, what, s.filter as string | undefined);
  if (s.each === 'instance') {
    for (const arn of pool) push(idOf(arn), what, [arn]);
  } else if (typeof s.each === 'string' && s.each.startsWith('attribute:') && s.each.length > 'attribute:'.length) {
    const name = checkAttributeName(s.each.slice('attribute:'.length), 'scenarios.each', undefined, null);
    const byValue = new Map<string, string[]>();
    for (const arn of pool) {
      const value = cluster.instances.peek(arn)!.attributes.find((a) => a.name === name)?.value;
      if (value === undefined) continue;
      byValue.set(value, [...(byValue.get(value) ?? []), arn]);
    }
    for (const value of [...byValue.keys()].sort()) push(`${name}=${value}`, what, byValue.get(value)!);
  } else if (s.random !== undefined) {
    const r = s.random as { instances?: unknown; count?: unknown; seed?: unknown };
    const k = r?.instances;
    const count = r?.count;
    const seed = r?.seed;
    if (!Number.isInteger(k) || (k as number) < 1) throw new InvalidParameterException('scenarios.random.instances must be a positive integer');
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 10_000_000) throw new InvalidParameterException('scenarios.random.count must be an integer from 1 to 10,000,000');
    if (!Number.isInteger(seed)) throw new InvalidParameterException('scenarios.random.seed must be an integer');
    if ((k as number) > pool.length) throw new InvalidParameterException(`scenarios.random.instances is ${k as number}, but only ${pool.length} instances can be chosen`);
    const random = new SeededRandom(seed as number);
    const picked = [...pool];
    for (let n = 0; n < (count as number); n++) {
      // A partial Fisher–Yates shuffle: the first k of `picked` are k distinct instances.
      for (let i = 0; i < (k as number); i++) {
        const j = i + Math.floor(random.next() * (picked.length - i));
        [picked[i], picked[j]] = [picked[j]!, picked[i]!];
      }
      push(`random #${n}`, what, picked.slice(0, k as number).sort());
    }
  } else {
    throw new InvalidParameterException(`scenarios.each must be instance or attribute:<name> (or give random, or a list); got ${quote(s.each)}`);
  }
  return out;
}

/** Runs the scenarios (each on its own fork of `state`) and summarises each: rows in the scenarios' order. */
export function runScenarios(state: SimState, clusterName: string, scenarios: readonly SweepScenario[], settleMs: number): SweepRow[] {
  return scenarios.map((s) => runScenario(state, clusterName, s, settleMs));
}

/**
 * Runs the scenarios that threads sharing `next` (a counter of scenarios handed out, in a
 * SharedArrayBuffer) have not taken yet, `chunk` at a time, until none is left: each thread
 * takes more while another is still starting or slower. Rows of the scenarios this thread ran.
 */
export function runSharedScenarios(state: SimState, clusterName: string, scenarios: readonly SweepScenario[], settleMs: number, next: Int32Array, chunk: number): SweepRow[] {
  const rows: SweepRow[] = [];
  for (let from = Atomics.add(next, 0, chunk); from < scenarios.length; from = Atomics.add(next, 0, chunk)) {
    for (let i = from; i < Math.min(from + chunk, scenarios.length); i++) rows.push(runScenario(state, clusterName, scenarios[i]!, settleMs));
  }
  return rows;
}

function runScenario(state: SimState, clusterName: string, s: SweepScenario, settleMs: number): SweepRow {
  const r = runWhatIfOutcome(state, forkState(state), s.what, clusterName, s.containerInstanceArns, settleMs);
  return {
    index: s.index,
    scenario: s.name,
    what: s.what,
    instances: s.containerInstanceArns.length,
    short: r.totals.short,
    stuck: r.totals.stuck,
    lost: r.totals.lost,
    left: r.totals.left,
    servicesAtRisk: r.services.filter((x) => x.short > 0 || x.stuck.length > 0).map((x) => x.service),
    byReason: r.totals.byReason,
  };
}

/**
 * Worst first, a total order: more service tasks short or stuck, then more short, more stuck,
 * more standalone tasks lost or left, then the scenario's index.
 */
export function sortRows(rows: readonly SweepRow[]): SweepRow[] {
  return [...rows].sort((a, b) => b.short + b.stuck - (a.short + a.stuck) || b.short - a.short || b.stuck - a.stuck || b.lost + b.left - (a.lost + a.left) || a.index - b.index);
}

/** A shard, checked: absent (`undefined` or `null`), or `{ index, count }` with 0 <= index < count. */
export function checkShard(shard: unknown, where: string): { index: number; count: number } | undefined {
  if (shard === undefined || shard === null) return undefined;
  const s = shard as { index?: unknown; count?: unknown };
  if (typeof shard !== 'object' || !Number.isInteger(s.count) || (s.count as number) < 1 || !Number.isInteger(s.index) || (s.index as number) < 0 || (s.index as number) >= (s.count as number)) {
    throw new InvalidParameterException(`${where} must be { index, count } with whole numbers 0 <= index < count; got ${typeof shard === 'object' ? `${describeValue(s.index)} of ${describeValue(s.count)}` : describeValue(shard)}`);
  }
  return { index: s.index as number, count: s.count as number };
}

/** The shard's scenarios: every `count`-th, starting at `index` (a checked shard; none: every one). */
export function shardOf<T extends { index: number }>(scenarios: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (shard === undefined) return [...scenarios];
  return scenarios.filter((s) => s.index % shard.count === shard.index);
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A part as `mergeSweeps` reads it (a file, maybe edited by hand): every member it reads, of its type. */
function checkPart(part: unknown, i: number): void {
  const at = `sweep-merge: part ${i}`;
  if (typeof part !== 'object' || part === null || Array.isArray(part)) throw new InvalidParameterException(`${at} must be a sweep's answer (an object); got ${describeValue(part)}`);
  const p = part as Record<string, unknown>;
  if (typeof p['cluster'] !== 'string') throw new InvalidParameterException(`${at}.cluster must be a string; got ${describeValue(p['cluster'])}`);
  if (typeof p['settleMs'] !== 'number' || !Number.isFinite(p['settleMs']) || p['settleMs'] < 0) throw new InvalidParameterException(`${at}.settleMs must be milliseconds; got ${describeValue(p['settleMs'])}`);
  if (!isCount(p['scenarios'])) throw new InvalidParameterException(`${at}.scenarios must be a whole number; got ${describeValue(p['scenarios'])}`);
  checkShard(p['shard'], `${at}.shard`);
  if (!Array.isArray(p['rows'])) throw new InvalidParameterException(`${at}.rows must be a list; got ${describeValue(p['rows'])}`);
  p['rows'].forEach((row: unknown, k: number) => {
    const r = row as Record<string, unknown>;
    const bad = typeof row !== 'object' || row === null
      ? 'an object'
      : !isCount(r['index']) || typeof r['scenario'] !== 'string' || (r['what'] !== 'drain' && r['what'] !== 'fail') || !['instances', 'short', 'stuck', 'lost', 'left'].every((m) => isCount(r[m]))
        ? 'a row (index, scenario, what, instances, short, stuck, lost, left)'
        : !Array.isArray(r['servicesAtRisk']) || !r['servicesAtRisk'].every((n) => typeof n === 'string')
          ? 'a row whose servicesAtRisk is a list of names'
          : typeof r['byReason'] !== 'object' || r['byReason'] === null || !Object.entries(r['byReason']).every(([reason, n]) => (WHAT_IF_REASONS as readonly string[]).includes(reason) && isCount(n))
            ? 'a row whose byReason counts reason codes'
            : null;
    if (bad !== null) throw new InvalidParameterException(`${at}.rows[${k}] must be ${bad}`);
  });
}

/**
 * One result from the parts of a sharded sweep (every shard once, of the same sweep): equal to
 * the result of running the sweep in one go. Each part is checked first (a part is a file).
 */
export function mergeSweeps(parts: readonly SweepResult[]): SweepResult {
  if (!Array.isArray(parts as unknown)) throw new InvalidParameterException(`sweep-merge: parts must be a list of sweep answers; got ${describeValue(parts)}`);
  if (parts.length === 0) throw new InvalidParameterException('sweep-merge: no parts');
  parts.forEach((part, i) => checkPart(part, i));
  const [first] = parts;
  const count = first!.shard?.count ?? 1;
  const seen = new Set<number>();
  for (const [i, p] of parts.entries()) {
    if (p.cluster !== first!.cluster || p.settleMs !== first!.settleMs || p.scenarios !== first!.scenarios) {
      throw new InvalidParameterException(`sweep-merge: part ${i} is of another sweep (cluster, settle time or scenario count differ)`);
    }
    const shard = p.shard ?? { index: 0, count: 1 };
    if (shard.count !== count) throw new InvalidParameterException(`sweep-merge: part ${i} is shard ${shard.index}/${shard.count}, the first part is of ${count} shards`);
    if (seen.has(shard.index)) throw new InvalidParameterException(`sweep-merge: shard ${shard.index}/${count} appears twice`);
    seen.add(shard.index);
    const stray = p.rows.find((r) => r.index >= p.scenarios || r.index % shard.count !== shard.index);
    if (stray !== undefined) throw new InvalidParameterException(`sweep-merge: part ${i} (shard ${shard.index}/${shard.count}) holds the row of scenario ${stray.index}, which is not its own`);
  }
  if (seen.size !== count) {
    const missing = [...Array(count).keys()].filter((i) => !seen.has(i));
    throw new InvalidParameterException(`sweep-merge: shards ${missing.map((i) => `${i}/${count}`).join(', ')} are missing`);
  }
  const rows = sortRows(parts.flatMap((p) => p.rows));
  if (rows.length !== first!.scenarios) throw new InvalidParameterException(`sweep-merge: the parts hold ${rows.length} rows for ${first!.scenarios} scenarios`);
  return { cluster: first!.cluster, settleMs: first!.settleMs, scenarios: first!.scenarios, rows };
}


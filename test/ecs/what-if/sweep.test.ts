// whatIfSweep: many what-ifs, one row each, worst first; the same rows for 1 and 2 threads (this
// one and a worker thread, which runs the project's build if it is fresh, else the TypeScript
// sources through tsx's loader) and for shards merged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/index.js';
import { expandScenarios, mergeSweeps, runSharedScenarios, runScenarios } from '../../../src/ecs/what-if/sweep.js';
import { runOnWorkers } from '../../../src/ecs/what-if/sweep-pool.js';

const SMALL = readFileSync(new URL('../../../datasets/small.json', import.meta.url), 'utf8');
const small = () => EcsSimulator.fromDescribeOutput(SMALL);

describe('whatIfSweep', () => {
  it('drains every ACTIVE instance in turn: one row each, worst first, each row the what-if\'s totals', async () => {
    const sim = small();
    const before = sim.snapshot();
    const result = await sim.whatIfSweep({ each: 'instance', what: 'drain' }, { cluster: 'sample', settleMs: 120_000 });
    const active = sim.query(null, { cluster: 'sample', status: 'ACTIVE' });
    expect(result.scenarios).toBe(active.length);
    expect(result.rows.map((r) => r.index).sort((a, b) => a - b)).toEqual(active.map((_, i) => i));
    // Worst first.
    for (let i = 1; i < result.rows.length; i++) {
      const [a, b] = [result.rows[i - 1]!, result.rows[i]!];
      expect(a.short + a.stuck).toBeGreaterThanOrEqual(b.short + b.stuck);
    }
    // A row is its what-if's summary.
    for (const row of result.rows.slice(0, 3)) {
      const arn = active[row.index]!;
      const { totals, services } = sim.drainInstancesWhatIf([arn], { cluster: 'sample', settleMs: 120_000 });
      expect(row).toMatchObject({ scenario: arn.split('/').pop(), what: 'drain', instances: 1, short: totals.short, stuck: totals.stuck, left: totals.left, byReason: totals.byReason });
      expect(row.servicesAtRisk).toEqual(services.filter((s) => s.short + s.stuck.length > 0).map((s) => s.service));
    }
    expect(sim.snapshot()).toEqual(before);
  });

  it('gives the same rows on 1 and 2 worker threads, and sharded then merged', async () => {
    const sim = small();
    const spec = { random: { instances: 3, count: 12, seed: 7 }, what: 'fail' } as const;
    const one = await sim.whatIfSweep(spec, { cluster: 'sample' });
    const two = await sim.whatIfSweep(spec, { cluster: 'sample', workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const parts = await Promise.all([0, 1, 2].map((index) => sim.whatIfSweep(spec, { cluster: 'sample', shard: { index, count: 3 } })));
    expect(parts.map((p) => p.rows.length).reduce((a, b) => a + b, 0)).toBe(12);
    expect(JSON.stringify(mergeSweeps([parts[2]!, parts[0]!, parts[1]!]))).toBe(JSON.stringify(one));
    // A shard on workers is the same shard.
    const onWorkers = await sim.whatIfSweep(spec, { cluster: 'sample', workers: 2, shard: { index: 1, count: 3 } });
    expect(JSON.stringify(onWorkers)).toBe(JSON.stringify(parts[1]));
  }, 120_000);

  it('threads take scenarios a chunk at a time from a shared counter; rows from worker threads alone equal this thread\'s', async () => {
    const sim = small();
    const cluster = sim.state.clusters.get('sample')!;
    const scenarios = expandScenarios(cluster, { random: { instances: 2, count: 9, seed: 3 }, what: 'drain' });
    const one = runScenarios(sim.state, 'sample', scenarios, 60_000);
    // Four already taken by another thread: this one runs the rest, in chunks of 2.
    const counter = new Int32Array(new SharedArrayBuffer(4));
    counter[0] = 4;
    expect(runSharedScenarios(sim.state, 'sample', scenarios, 60_000, counter, 2)).toEqual(one.slice(4));
    expect(counter[0]).toBeGreaterThanOrEqual(scenarios.length);
    // Two worker threads share every scenario between them (this thread only waits).
    const rows = await runOnWorkers(sim.state, () => JSON.stringify(sim.snapshot()), 'sample', scenarios, 60_000, 3, [], { onThisThread: false });
    expect(rows).toEqual(one);
  }, 120_000);

  it('one scenario per attribute value, seeded random sets, or a list', async () => {
    const sim = small();
    const byAz = await sim.whatIfSweep({ each: 'attribute:ecs.availability-zone', what: 'fail' }, { cluster: 'sample' });
    expect(byAz.rows.map((r) => r.scenario).sort()).toEqual(['ecs.availability-zone=us-east-1a', 'ecs.availability-zone=us-east-1b', 'ecs.availability-zone=us-east-1c']);
    const az = byAz.rows.find((r) => r.scenario.endsWith('us-east-1b'))!;
    const direct = sim.failWhatIf('attribute:ecs.availability-zone == us-east-1b', { cluster: 'sample' });
    expect(az).toMatchObject({ instances: direct.containerInstanceArns.length, short: direct.totals.short, lost: direct.totals.lost });
    const a = await sim.whatIfSweep({ random: { instances: 2, count: 5, seed: 3 }, what: 'drain' }, { cluster: 'sample' });
    const b = await sim.whatIfSweep({ random: { instances: 2, count: 5, seed: 3 }, what: 'drain' }, { cluster: 'sample' });
    expect(b).toEqual(a);
    const [first] = sim.query(null, { cluster: 'sample', status: 'ACTIVE' });
    const list = await sim.whatIfSweep([{ what: 'drain', name: 'one', containerInstances: [first!] }, { what: 'fail', filter: 'attribute:ecs.availability-zone == us-east-1a' }], { cluster: 'sample' });
    expect(list.rows.map((r) => r.scenario).sort()).toEqual(['#1', 'one']);
  });

  it('refuses bad descriptions, and merges only complete sets of parts of one sweep', async () => {
    const sim = small();
    await expect(sim.whatIfSweep({ each: 'everything', what: 'drain' } as never, { cluster: 'sample' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(sim.whatIfSweep({ each: 'instance', what: 'explode' } as never, { cluster: 'sample' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    // An attribute name ECS would refuse (here a CQL expression) is refused, not read as a filter.
    await expect(sim.whatIfSweep({ each: 'attribute:ecs.availability-zone exists or agentConnected == true', what: 'fail' }, { cluster: 'sample' })).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('an attribute name has') });
    await expect(sim.whatIfSweep({ random: { instances: 1000, count: 1, seed: 1 }, what: 'fail' }, { cluster: 'sample' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(sim.whatIfSweep({ each: 'instance', what: 'drain' }, { cluster: 'sample', shard: { index: 3, count: 3 } })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const spec = { random: { instances: 1, count: 4, seed: 1 }, what: 'drain' } as const;
    const [p0, p1] = await Promise.all([0, 1].map((index) => sim.whatIfSweep(spec, { cluster: 'sample', settleMs: 10_000, shard: { index, count: 2 } })));
    expect(() => mergeSweeps([p0!])).toThrow(/shards 1\/2 are missing/);
    expect(() => mergeSweeps([p0!, p0!])).toThrow(/appears twice/);
    expect(() => mergeSweeps([p0!, { ...p1!, settleMs: 1 }])).toThrow(/another sweep/);
    // Parts are files: anything else is refused as an InvalidParameterException naming the member, never a TypeError.
    const refused = (parts: unknown, message: RegExp) => expect(() => mergeSweeps(parts as never)).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(message) }));
    refused(null, /parts must be a list/);
    refused([null], /part 0 must be a sweep's answer/);
    refused([p0, { ...p1, rows: null }], /part 1\.rows must be a list/);
    refused([p0, { ...p1, rows: [null] }], /part 1\.rows\[0\] must be an object/);
    refused([p0, { ...p1, rows: [{ ...p1!.rows[0], short: '2' }] }], /part 1\.rows\[0\] must be a row/);
    refused([p0, { ...p1, rows: [{ ...p1!.rows[0], byReason: { 'RESOURCE:TIME': 1 } }] }], /byReason counts reason codes/);
    refused([p0, { ...p1, shard: { index: 1, count: null } }], /part 1\.shard must be/);
    refused([p0, { ...p1, rows: p0!.rows }], /holds the row of scenario \d+, which is not its own/);
    // A shard option that is not { index, count } is refused (null: none).
    await expect(sim.whatIfSweep(spec, { cluster: 'sample', shard: { index: 0 } as never })).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/^shard must be/) });
    expect((await sim.whatIfSweep(spec, { cluster: 'sample', settleMs: 10_000, shard: null as never })).rows).toHaveLength(4);
  });
});

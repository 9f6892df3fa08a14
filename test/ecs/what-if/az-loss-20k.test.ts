// The question the library exists for, at the size where it went wrong: a 20,000-instance
// generated cluster (seed 11), "what if we lose us-east-1b?". Drained, 81 inference tasks cannot
// be placed and 319 thumbnailer tasks (memberOf arm64, minimumHealthyPercent 100) stay RUNNING on
// the DRAINING instances because their replacements cannot be placed; lost abruptly, all 400 are
// short. Both reports are checked against the state their fork ends in, recomputed from every
// task: every task counted once, each stuck task named.
import { beforeAll, describe, expect, it } from 'vitest';
import { EcsSimulator, generateCluster } from '../../../src/index.js';
import type { WhatIfResult } from '../../../src/ecs/simulator.js';
import { expectAccountsForTheFork } from './end-state.js';

const LOSE = 'attribute:ecs.availability-zone == us-east-1b';
let sim: EcsSimulator;
let drained: WhatIfResult<EcsSimulator>;
let failed: WhatIfResult<EcsSimulator>;

beforeAll(() => {
  sim = EcsSimulator.fromDescribeOutput(generateCluster({ instances: 20_000, seed: 11 }));
  drained = sim.drainWhatIf(LOSE, { cluster: 'sample' });
  failed = sim.failWhatIf(LOSE, { cluster: 'sample' });
}, 600_000);

describe('losing us-east-1b of a 20,000-instance cluster (generated, seed 11)', () => {
  it('drained: 81 inference tasks short (RESOURCE:CPU), 319 thumbnailer tasks stuck (CONSTRAINT:memberOf), named', () => {
    expect(drained.totals).toMatchObject({ short: 81, stuck: 319, byReason: { 'RESOURCE:CPU': 81, 'CONSTRAINT:memberOf': 319 }, servicesAtRisk: 2 });
    const thumbnailer = drained.services.find((s) => s.service === 'thumbnailer')!;
    expect(thumbnailer).toMatchObject({ short: 0, reason: 'CONSTRAINT:memberOf', message: expect.stringMatching(/memberOf constraint unsatisfied/) });
    expect(thumbnailer.stuck).toHaveLength(319);
    const draining = new Set(drained.containerInstanceArns);
    for (const t of thumbnailer.stuck) expect(draining.has(t.containerInstanceArn)).toBe(true);
    expect(drained.services.find((s) => s.service === 'inference')).toMatchObject({ short: 81, stuck: [], reason: 'RESOURCE:CPU' });
    // Standalone tasks stay on draining instances (ECS does not move them).
    expect(drained.standalone.left.length).toBeGreaterThan(0);
    expect(drained.standalone.lost).toEqual([]);
    expectAccountsForTheFork(drained, 'sample');
  }, 120_000);

  it('lost abruptly: the same 400 tasks short, none stuck; tasks stopped as on a terminated host, instances INACTIVE', () => {
    expect(failed.totals).toMatchObject({ short: 400, stuck: 0, byReason: { 'RESOURCE:CPU': 81, 'CONSTRAINT:memberOf': 319 } });
    const perService = (r: WhatIfResult<EcsSimulator>) => Object.fromEntries(r.services.filter((s) => s.short + s.stuck.length > 0).map((s) => [s.service, s.short + s.stuck.length]));
    expect(perService(failed)).toEqual(perService(drained));
    expectAccountsForTheFork(failed, 'sample');
    const cluster = failed.fork.state.clusters.get('sample')!;
    for (const arn of failed.containerInstanceArns.slice(0, 50)) expect(cluster.instances.peek(arn)!.status).toBe('INACTIVE');
    expect(failed.standalone.left).toEqual([]);
    for (const arn of failed.standalone.lost.slice(0, 50)) {
      expect(cluster.tasks.peek(arn)).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: expect.stringMatching(/^Host EC2 \(instance i-[0-9a-f]+\) terminated\.$/) });
    }
    // The original is untouched.
    expect(sim.query(`${LOSE}`, { cluster: 'sample', status: 'INACTIVE' })).toEqual([]);
  }, 120_000);
});

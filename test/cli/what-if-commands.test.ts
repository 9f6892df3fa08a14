/**
 * fail, headroom, sweep and sweep-merge as the real program on the small dataset: --json is what
 * the library answers for the same data and calls; a sweep's shards merged are the single run
 * byte for byte, with `--shard auto/N` reading a batch engine's index.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import { runCli, SMALL } from './run-cli.js';

function library() {
  const sim = EcsSimulator.fromDescribeOutput(JSON.parse(readFileSync(SMALL, 'utf8')));
  return { sim, cluster: sim.listClusters().clusterArns![0]!.split('/').pop()! };
}

const LOSE = 'attribute:ecs.availability-zone == us-east-1a';

describe.concurrent('what-if commands', () => {
  it('fail --json is the library failWhatIf report; the text has the per-service table', async () => {
    const [json, text] = await Promise.all([
      runCli(['fail', LOSE, '--settle', '300', '--json', '--data', SMALL]),
      runCli(['fail', LOSE, '--settle', '300', '--data', SMALL]),
    ]);
    expect(json.code).toBe(0);
    const { sim, cluster } = library();
    const { fork: _fork, ...report } = sim.failWhatIf(LOSE, { cluster, settleMs: 300_000 });
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(text.stdout).toMatch(/^fail what-if: \d+ instances \(the ACTIVE and DRAINING instances matching .*\) lost, then 300 s/);
    expect(text.stdout).toMatch(/^SERVICE +DESIRED +RUNNING +SHORT +STUCK +MOVED +WHY$/m);
    expect(text.stdout).toMatch(/standalone tasks lost: \d+/);
  });

  it('drain names stuck tasks and the reason codes; --fail-on-short exits 3 when any are short or stuck', async () => {
    const all = 'agentConnected == true or agentConnected == false';
    const r = await runCli(['drain', all, '--data', SMALL, '--fail-on-short']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^REASON +TASKS SHORT OR STUCK$/m);
  });

  it('headroom --json is the library headroom, with --losing the worst value', async () => {
    const r = await runCli(['headroom', '--cpu', '256', '--memory', '512', '--losing', 'attribute:ecs.availability-zone', '--settle', '60', '--json', '--data', SMALL]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const { sim, cluster } = library();
    const { taskDefinition } = sim.registerTaskDefinition({ family: 'cli-task', containerDefinitions: [{ name: 'cli-task', image: 'cli-task', cpu: 256, memory: 512 }] } as never);
    const want = sim.headroom({ taskDefinition: taskDefinition!.taskDefinitionArn!, count: 1_000_000, placementStrategy: [], placementConstraints: [] }, { cluster, settleMs: 60_000, losing: 'attribute:ecs.availability-zone' });
    expect(out.tasks).toBe(want.tasks);
    expect(out.losing.byValue.map((v: { value: string; headroom: { tasks: number } }) => [v.value, v.headroom.tasks])).toEqual(want.losing!.byValue.map((v) => [v.value, v.headroom.tasks]));
    const text = await runCli(['headroom', '--cpu', '256', '--memory', '512', '--data', SMALL]);
    expect(text.stdout).toMatch(/^\d[\d,]* more tasks fit; what runs out first: \S+/);
  });

  it('sweep: shards written with --out (one through --shard auto/N) merge to the single run, byte for byte', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'h-whatif-'));
    const args = ['sweep', '--random', '2:9:4', '--what', 'fail', '--settle', '60', '--data', SMALL];
    const [single, p0, p1, p2] = await Promise.all([
      runCli([...args, '--json']),
      runCli([...args, '--shard', '0/3', '--out', path.join(dir, 'p0.json')]),
      runCli([...args, '--shard', 'auto/3', '--out', path.join(dir, 'p1.json')], undefined, { JOB_COMPLETION_INDEX: '1' }),
      runCli([...args, '--shard', 'auto/3', '--out', path.join(dir, 'p2.json')], undefined, { JOB_COMPLETION_INDEX: '', AWS_BATCH_JOB_ARRAY_INDEX: '2' }),
    ]);
    for (const r of [single, p0, p1, p2]) expect(r.code, r.stderr).toBe(0);
    expect(p1.stdout).toMatch(/^sweep: 3 of 9 scenarios on cluster \S+ \(shard 1\/3\)/);
    const merged = await runCli(['sweep-merge', ...['p2', 'p0', 'p1'].map((p) => path.join(dir, `${p}.json`)), '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    const missing = await runCli(['sweep-merge', path.join(dir, 'p0.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^InvalidParameterException: sweep-merge: shards 1\/3, 2\/3 are missing/);
  });

  it('sweep --each attribute prints the worst rows; bad shard and scenario options are usage errors', async () => {
    const [byAz, noIndex, both] = await Promise.all([
      runCli(['sweep', '--each', 'attribute:ecs.availability-zone', '--what', 'fail', '--settle', '60', '--data', SMALL]),
      runCli(['sweep', '--each', 'instance', '--shard', 'auto/2', '--data', SMALL], undefined, { JOB_COMPLETION_INDEX: '', AWS_BATCH_JOB_ARRAY_INDEX: '' }),
      runCli(['sweep', '--each', 'instance', '--random', '1:2', '--data', SMALL]),
    ]);
    expect(byAz.code).toBe(0);
    expect(byAz.stdout).toMatch(/^SCENARIO +WHAT +INSTANCES +SHORT +STUCK +STANDALONE +SERVICES AT RISK +MOSTLY$/m);
    expect(byAz.stdout).toMatch(/^ecs\.availability-zone=us-east-1a +fail /m);
    expect(noIndex.code).toBe(2);
    expect(noIndex.stderr).toMatch(/neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is set/);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give exactly one of --each, --random and --scenarios/);
  });
});

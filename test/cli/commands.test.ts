/**
 * Each subcommand's happy path, run as the real program on the small dataset; `--json` output is
 * parsed and compared with what the library answers for the same data, seed and calls.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import { toWire } from '../../src/protocol/wire.js';
import { generateCluster } from '../../src/sim/cluster-generator.js';
import { runCli, SMALL } from './run-cli.js';

function library(seed = 1) {
  const sim = EcsSimulator.fromDescribeOutput(JSON.parse(readFileSync(SMALL, 'utf8')), { seed });
  const cluster = sim.listClusters().clusterArns![0]!.split('/').pop()!;
  return { sim, cluster };
}

const FILTER = 'attribute:ecs.availability-zone == us-east-1a';

describe.concurrent('ecs-cluster-sim subcommands', () => {
  it('--help describes every subcommand; each subcommand has its own --help', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['query', 'describe', 'place', 'drain', 'fail', 'headroom', 'sweep', 'sweep-merge', 'whatif', 'demo', 'generate', 'serve']) expect(top.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const sub = await runCli(['place', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/^Usage: ecs-cluster-sim place /);
    expect(sub.stdout).toContain('--strategy');
  });

  it('query --json answers the ARNs sim.query answers, with the plan sim.explain gives', async () => {
    const filter = 'attribute:ecs.instance-type =~ m5.* or runningTasksCount > 5';
    const r = await runCli(['query', filter, '--explain', '--json', '--data', SMALL]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const { sim, cluster } = library();
    expect(out.containerInstanceArns).toEqual(sim.query(filter, { cluster }));
    expect(out.count).toBe(out.containerInstanceArns.length);
    expect(out.count).toBeGreaterThan(0);
    expect(out.plan).toEqual(sim.explain(filter, { cluster }));
  });

  it('query prints an aligned table with the match count, and the plan tree with --explain', async () => {
    const r = await runCli(['query', FILTER, '--explain', '--data', SMALL]);
    expect(r.code).toBe(0);
    const { sim, cluster } = library();
    const n = sim.query(FILTER, { cluster }).length;
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +EC2 INSTANCE +TYPE +AZ +STATUS/);
    expect(r.stdout).toContain(`${n} of ${sim.query(null, { cluster }).length} instances match ${FILTER}`);
    // One row per instance, every row as wide as the header's columns say.
    const rows = lines.slice(1, 1 + n);
    expect(rows.every((l) => l.includes('us-east-1a'))).toBe(true);
    const azColumn = lines[0]!.indexOf('AZ');
    expect(rows.every((l) => l.slice(azColumn).startsWith('us-east-1a'))).toBe(true);
    expect(r.stdout).toMatch(/└─ status in \[/);
  });

  it('describe --json is the DescribeContainerInstances response on the wire; unknown ids are MISSING failures', async () => {
    const { sim, cluster } = library();
    const arns = sim.query(FILTER, { cluster }).slice(0, 3);
    const ids = [...arns.map((a) => a.split('/').pop()!), 'no-such-instance'];
    const r = await runCli(['describe', ...ids, '--json', '--data', SMALL]);
    // An unknown id is bad input (exit 2), but the response is printed all the same.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ClientException: describe: 1 of the 4 instances named are not in cluster sample');
    expect(JSON.parse(r.stdout)).toEqual(toWire(sim.describeContainerInstances({ cluster, containerInstances: ids })));
    expect(JSON.parse(r.stdout).failures).toEqual([expect.objectContaining({ reason: 'MISSING' })]);
  });

  it('describe --filter - reads the filter from stdin and describes what it selects', async () => {
    const r = await runCli(['describe', '--filter', '-', '--json', '--data', SMALL], `${FILTER}\n`);
    expect(r.code).toBe(0);
    const { sim, cluster } = library();
    expect(JSON.parse(r.stdout).containerInstances.map((i: { containerInstanceArn: string }) => i.containerInstanceArn)).toEqual(sim.query(FILTER, { cluster }));
  });

  it('place --json places as the library does for the same task definition, strategies, constraints and seed', async () => {
    const args = ['--memory', '512', '--cpu', '256', '--port', '8080', '--count', '60',
      '--strategy', 'spread:attribute:ecs.availability-zone', '--strategy', 'binpack:memory',
      '--constraint', 'memberOf:attribute:ecs.os-type == linux'];
    const r = await runCli(['place', ...args, '--json', '--data', SMALL, '--seed', '7']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const { sim, cluster } = library(7);
    const { taskDefinition } = sim.registerTaskDefinition({
      family: 'cli-task', networkMode: 'bridge',
      containerDefinitions: [{ name: 'app', image: 'app', cpu: 256, memory: 512, portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }] }],
    });
    const params = {
      cluster, taskDefinition: taskDefinition!.taskDefinitionArn!,
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
    };
    const expected = sim.placeTasks({ ...params, count: 60 } as Parameters<typeof sim.placeTasks>[0]);
    expect(out.taskDefinitionArn).toBe(taskDefinition!.taskDefinitionArn);
    expect(out.placed.map((p: { taskArn: string }) => p.taskArn)).toEqual(expected.taskArns);
    expect(out.placed.map((p: { containerInstanceArn: string }) => p.containerInstanceArn)).toEqual(expected.containerInstanceArns);
    expect(out.unplaced).toBe(expected.unplaced);
    // A static host port: at most one task per instance.
    expect(new Set(expected.containerInstanceArns).size).toBe(expected.containerInstanceArns.length);
    expect(expected.unplaced).toBeGreaterThan(0);
    // Why: the RunTask failures of the first task that could not be placed, one per instance, tallied.
    const { failures } = sim.runTask({ ...params, count: 1 } as never);
    expect(out.failures).toEqual(failures);
    const tally: Record<string, number> = {};
    for (const f of failures!) tally[f.reason!] = (tally[f.reason!] ?? 0) + 1;
    expect(out.turnedDown).toEqual(tally);
    expect(Object.values(out.turnedDown as Record<string, number>).reduce((n, k) => n + k, 0)).toBe(sim.query(null, { cluster }).length);
    // The reason named: the commonest among instances that were candidates at all (not STATUS, AGENT or ATTRIBUTE).
    const candidates = Object.entries(tally).filter(([r]) => !['STATUS', 'AGENT', 'ATTRIBUTE'].includes(r));
    expect(candidates.length).toBeGreaterThan(0);
    expect(out.reason).toBe(candidates.sort(([, a], [, b]) => b - a)[0]![0]);
  });

  it('place prints placements per AZ, how many tasks were left over, and the instances that turned down the first of them, by reason', async () => {
    const r = await runCli(['place', '--memory', '4096', '--count', '500', '--data', SMALL]);
    expect(r.code).toBe(0);
    const { sim, cluster } = library();
    const instances = sim.query(null, { cluster }).length;
    const [, placed] = /^placed (\d+) of 500 tasks of cli-task:1 on \d+ instances$/m.exec(r.stdout) ?? [];
    expect(r.stdout).toContain(`${500 - Number(placed)} tasks could not be placed: the first of them fits on none of the ${instances} instances; `);
    expect(r.stdout).toMatch(/^AVAILABILITY ZONE +TASKS +INSTANCES$/m);
    expect(r.stdout).toContain('why not here: the instances that turned down the first task that could not be placed\nREASON           INSTANCES\n');
    // Per instance, not summed over tasks: the tally adds up to the cluster's instances.
    const tally = r.stdout.split('REASON           INSTANCES\n')[1]!.trim().split('\n').map((l) => Number(l.trim().split(/ +/).pop()!.replace(/,/g, '')));
    expect(tally.reduce((n, k) => n + k, 0)).toBe(instances);
    const [, most, reason] = /; (\d+) turned it down for (\S+)$/m.exec(r.stdout) ?? [];
    expect(reason).toBe('RESOURCE:MEMORY');
    expect(Number(most)).toBe(Math.max(...tally));
  });

  it('drain --json is the library drainWhatIf report for the same filter', async () => {
    const r = await runCli(['drain', FILTER, '--settle', '300', '--json', '--data', SMALL]);
    expect(r.code).toBe(0);
    const { sim, cluster } = library();
    const { fork: _fork, ...report } = sim.drainWhatIf(FILTER, { cluster, settleMs: 300_000 });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(report.containerInstanceArns.length).toBeGreaterThan(0);
  });

  it('drain --instance drains the named instances and prints utilisation before → after', async () => {
    const { sim, cluster } = library();
    const [a, b] = sim.query(FILTER, { cluster, status: 'ACTIVE' });
    const r = await runCli(['drain', '--instance', a!, '--instance', b!.split('/').pop()!, '--data', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^drain what-if: 2 instances \(the instances named\) set to DRAINING/);
    expect(r.stdout).toMatch(/^AZ us-east-1a +[\d.]+% → [\d.]+%/m);
    expect(r.stdout).toMatch(/^total /m);
  });

  it('generate writes what generateCluster answers for the same options', async () => {
    const r = await runCli(['generate', '--instances', '12', '--seed', '3', '--cluster', 'gen']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(generateCluster({ instances: 12, seed: 3, cluster: 'gen' }))));
  });

  it('serve answers ECS requests for the loaded data until stopped', async () => {
    const { spawn } = await import('node:child_process');
    const { ROOT } = await import('./run-cli.js');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data', SMALL], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => {
          err += d;
          const m = /ECS endpoint at (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.ListContainerInstances' },
        body: JSON.stringify({ cluster: 'sample', filter: FILTER, maxResults: 100 }),
      });
      const { sim, cluster } = library();
      expect(cluster).toBe('sample');
      expect(((await response.json()) as { containerInstanceArns: string[] }).containerInstanceArns).toEqual(sim.query(FILTER, { cluster, status: ['ACTIVE', 'DRAINING'] }));
    } finally {
      child.kill();
    }
  });
});

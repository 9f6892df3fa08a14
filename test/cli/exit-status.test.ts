/**
 * One exit-status rule for every command (src/cli/outcome.ts): 0 when the command answered, 3
 * with --fail-on-short when tasks are left short or stuck, 2 for bad input; a filter that selects
 * nothing is a warning on stderr, not an error.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SMALL } from './run-cli.js';

const NOTHING = 'attribute:ecs.availability-zone == eu-west-9z';

describe('exit status', () => {
  it('--help of the program and of a command states the rule (main.ts adds it to every command\'s help)', async () => {
    for (const args of [['--help'], ['generate', '--help']]) {
      const h = await runCli(args);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain('Exit status: 0 when the command answered');
      expect(h.stdout).toContain('3 with --fail-on-short when tasks are left short or stuck');
      expect(h.stdout).toContain('2 for bad input');
    }
  });

  it('place: 0 when tasks are left over, 3 with --fail-on-short; 0 with it when every task was placed', async () => {
    const short = ['place', '--memory', '4096', '--count', '500', '--data', SMALL];
    const [plain, failing, json, complete] = await Promise.all([
      runCli(short),
      runCli([...short, '--fail-on-short']),
      runCli([...short, '--fail-on-short', '--json']),
      runCli(['place', '--memory', '128', '--count', '5', '--data', SMALL, '--fail-on-short']),
    ]);
    expect(plain.code).toBe(0);
    expect(failing.code).toBe(3);
    expect(failing.stdout).toBe(plain.stdout);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).unplaced).toBeGreaterThan(0);
    expect(complete.code).toBe(0);
    expect(complete.stdout).toMatch(/^placed 5 of 5 tasks/);
  });

  it('drain: 3 with --fail-on-short when service tasks are left short or standalone tasks stuck', async () => {
    const all = 'agentConnected == true or agentConnected == false';
    const [failing, plain] = await Promise.all([
      runCli(['drain', all, '--data', SMALL, '--fail-on-short', '--json']),
      runCli(['drain', all, '--data', SMALL]),
    ]);
    expect(failing.code).toBe(3);
    const report = JSON.parse(failing.stdout);
    expect(report.standalone.left.length + report.totals.short + report.totals.stuck).toBeGreaterThan(0);
    expect(plain.code).toBe(0);
  });

  it('a filter that selects nothing: a warning on stderr, exit 0, for query, describe and drain', async () => {
    const [query, describeRun, drain] = await Promise.all([
      runCli(['query', NOTHING, '--data', SMALL, '--json']),
      runCli(['describe', '--filter', NOTHING, '--data', SMALL]),
      runCli(['drain', NOTHING, '--data', SMALL, '--fail-on-short']),
    ]);
    for (const r of [query, describeRun, drain]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^ecs-cluster-sim: warning: (query|describe|drain): the filter selects no instances: /);
    }
    expect(JSON.parse(query.stdout).count).toBe(0);
    expect(drain.stdout).toMatch(/^drain what-if: 0 instances/);
  });

  it('describe with an unknown id: exit 2 in table and --json mode alike', async () => {
    const [table, json] = await Promise.all([
      runCli(['describe', 'no-such-instance', '--data', SMALL]),
      runCli(['describe', 'no-such-instance', '--data', SMALL, '--json']),
    ]);
    for (const r of [table, json]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ClientException: describe: 1 of the 1 instances named are not in cluster sample');
    }
    expect(JSON.parse(json.stdout).failures).toEqual([expect.objectContaining({ reason: 'MISSING' })]);
  });

  it('whatif: 3 with --fail-on-short when an alternative leaves tasks short; a step whose filter selects nothing warns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firsthour-exit-'));
    const scenario = join(dir, 'scenario.json');
    writeFileSync(scenario, JSON.stringify({ steps: [
      { op: 'RegisterTaskDefinition', request: { family: 'huge', containerDefinitions: [{ name: 'a', image: 'a', memory: 900000 }] } },
      { op: 'drain', filter: NOTHING, label: 'drain nothing' },
      { op: 'branches', branches: [{ name: 'none', steps: [] }, { name: 'huge', steps: [{ op: 'place', taskDefinition: 'huge', count: 2 }] }] },
    ] }));
    const [failing, plain] = await Promise.all([
      runCli(['whatif', scenario, '--data', SMALL, '--fail-on-short']),
      runCli(['whatif', scenario, '--data', SMALL]),
    ]);
    expect(failing.code).toBe(3);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('ecs-cluster-sim: warning: steps[1] (drain nothing): the filter selects no instances: attribute:ecs.availability-zone == eu-west-9z\n');
  });
});

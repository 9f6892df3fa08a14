/**
 * Bad input on the command line: the program says what and where on stderr, as
 * `<ECS error name>: <message>`, and exits with code 2 (nothing on stdout).
 */
import { describe, expect, it } from 'vitest';
import { runCli, SMALL } from './run-cli.js';

describe.concurrent('ecs-cluster-sim errors', () => {
  it('a bad filter exits 2 with the line and column of the mistake', async () => {
    // Read from stdin, over two lines: the position is on the second.
    const r = await runCli(['query', '-', '--data', SMALL], 'attribute:stack == prod and\n  runningTasksCount > few\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^InvalidParameterException: filter: line 2, column 23: /);
    expect(r.stderr).toContain('few');
  });

  it('an unknown option is a usage error: exit 2, the option named, the usage line shown', async () => {
    const r = await runCli(['query', 'agentConnected == true', '--frobnicate', '--data', SMALL]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("InvalidParameterException: query: unknown option '--frobnicate'\nusage: ecs-cluster-sim query <filter|-> [--explain] [--status <status>]... [--data <file>] [--seed <n>] [--json]\n");
  });

  it('an option without its value, and a missing argument, are usage errors too', async () => {
    const [noValue, noFilter] = await Promise.all([runCli(['place', '--count']), runCli(['drain', '--data', SMALL])]);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toMatch(/^InvalidParameterException: place: Option '--count <value>' argument missing\nusage: ecs-cluster-sim place /);
    expect(noFilter.code).toBe(2);
    expect(noFilter.stderr).toMatch(/^InvalidParameterException: drain: give a filter/);
  });

  it('every command that takes a workload refuses a task definition file and container flags together, and names itself when neither is given', async () => {
    const both = await Promise.all(['place', 'headroom', 'plan-capacity'].map((c) => runCli([c, 'task.json', '--gpu', '1', '--data', SMALL])));
    both.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^InvalidParameterException: ${['place', 'headroom', 'plan-capacity'][i]}: give a task definition file or --gpu and the other container flags, not both\n`));
    });
    const neither = await runCli(['headroom', '--cpu', '256', '--data', SMALL]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/^InvalidParameterException: headroom: give a task definition file or at least --memory/);
  });

  it('an unknown command exits 2 naming the commands; no command prints the help on stderr and exits 2', async () => {
    const [unknown, none] = await Promise.all([runCli(['frobnicate']), runCli([])]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^InvalidParameterException: unknown command 'frobnicate'; the commands are query, describe, place, drain, fail, headroom, sweep, sweep-merge, whatif, plan-capacity, plan-consolidation, benchmark, demo, generate, serve\n/);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: ecs-cluster-sim <command>/);
  });

  it('a data file that does not exist, or is not JSON, exits 2 naming the file and the place', async () => {
    const [missing, notJson] = await Promise.all([
      runCli(['query', 'agentConnected == true', '--data', '/nonexistent/cluster.json']),
      runCli(['query', 'agentConnected == true', '--data', '-']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("InvalidParameterException: --data: cannot read '/nonexistent/cluster.json': no such file\n");
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^InvalidParameterException: --data stdin: line 1, column 1: not valid JSON: /);
  });

  it('bad placement flags name the flag; an error of the simulator keeps its ECS name', async () => {
    const [strategy, constraint, definition] = await Promise.all([
      runCli(['place', '--memory', '512', '--strategy', 'binpack:disk', '--data', SMALL]),
      runCli(['place', '--memory', '512', '--constraint', 'memberOf:attribute:stack ==', '--data', SMALL]),
      runCli(['place', '--memory', '512', '--family', 'bad family!', '--data', SMALL]),
    ]);
    expect(strategy.code).toBe(2);
    expect(strategy.stderr).toBe("InvalidParameterException: --strategy 1 ('binpack:disk'): binpack takes cpu or memory, as in binpack:memory\n");
    expect(constraint.code).toBe(2);
    expect(constraint.stderr).toMatch(/^InvalidParameterException: --constraint 1 \(memberOf\): line 1, column 19: expected a value after '=='/);
    expect(definition.code).toBe(2);
    expect(definition.stderr).toMatch(/^ClientException: family: /);
  });
});

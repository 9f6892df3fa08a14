/**
 * Scenario files: checked before anything runs, with errors that name the step and member;
 * run step by step on the loaded cluster, with branches on forks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidParameterException } from '../../src/errors.js';
import { EcsSimulator } from '../../src/index.js';
import { loadCluster } from '../../src/cli/data.js';
import { runScenario } from '../../src/cli/scenario/run.js';
import { parseScenario } from '../../src/cli/scenario/validate.js';
import { runCli, SMALL } from './run-cli.js';

const NO_PROGRESS = { update() {}, finish() {} };

const SCENARIO = {
  description: 'a small what-if',
  steps: [
    { op: 'query', filter: 'attribute:ecs.availability-zone == us-east-1b', explain: true },
    { op: 'RegisterTaskDefinition', request: { family: 'probe', containerDefinitions: [{ name: 'p', image: 'p', cpu: 128, memory: 256 }] } },
    {
      op: 'branches',
      branches: [
        { name: 'binpack', steps: [{ op: 'place', taskDefinition: 'probe', count: 30, placementStrategy: [{ type: 'binpack', field: 'memory' }] }] },
        { name: 'spread', steps: [{ op: 'place', taskDefinition: 'probe', count: 30, placementStrategy: [{ type: 'spread', field: 'instanceId' }] }] },
      ],
    },
    { op: 'drain', filter: 'attribute:ecs.availability-zone == us-east-1b', settleSeconds: 120 },
    { op: 'query', label: 'after the drain', filter: 'attribute:ecs.availability-zone == us-east-1b', status: ['DRAINING'] },
  ],
};

function errorOf(json: unknown): string {
  try {
    parseScenario(json, 'plan.json');
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidParameterException);
    return (e as Error).message;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario validation', () => {
  const step = (s: Record<string, unknown>) => ({ steps: [{ op: 'query', filter: 'agentConnected == true' }, s] });

  it('names the step, the member and what was wrong', () => {
    expect(errorOf(step({ op: 'drain', filter: 'agentConnected == true', settleSeconds: -1 })))
      .toBe('scenario plan.json: steps[1].settleSeconds (drain): expected a whole number from 0 to 2592000; got -1');
    expect(errorOf(step({ op: 'place', taskDefinition: 'web' })))
      .toBe('scenario plan.json: steps[1].count (place): expected a whole number from 1 to 10000000; got nothing');
    expect(errorOf(step({ op: 'advance', seconds: 5, minutes: 1 })))
      .toBe('scenario plan.json: steps[1].minutes (advance): unknown member; advance takes seconds (and label)');
    expect(errorOf(step({ op: 'drian', filter: 'x' }))).toMatch(/^scenario plan\.json: steps\[1\]\.op \(drian\): unknown operation 'drian'; a step is one of query, place, drain/);
    expect(errorOf(step({ op: 'CreateService', request: [] }))).toBe('scenario plan.json: steps[1].request (CreateService): expected the CreateService request as a JSON object; got []');
  });

  it('checks filters and placement parameters by the simulator\'s rules, with the position in the filter', () => {
    expect(errorOf(step({ op: 'drain', filter: 'attribute:ecs.availability-zone ==' })))
      .toMatch(/^scenario plan\.json: steps\[1\]\.filter \(drain\): line 1, column 35: expected a value after '=='/);
    expect(errorOf(step({ op: 'place', taskDefinition: 'web', count: 1, placementStrategy: [{ type: 'binpack', field: 'disk' }] })))
      .toMatch(/^scenario plan\.json: steps\[1\]\.placementStrategy\[0\]: binpack takes the field cpu or memory; got "disk"/);
  });

  it('checks steps inside branches, and branch names', () => {
    const nested = { steps: [{ op: 'branches', branches: [{ name: 'a', steps: [] }, { name: 'b', steps: [{ op: 'advance' }] }] }] };
    expect(errorOf(nested)).toBe('scenario plan.json: steps[0].branches[1].steps[0].seconds (advance): expected a whole number from 0 to 2592000; got nothing');
    expect(errorOf({ steps: [{ op: 'branches', branches: [{ name: 'a', steps: [] }, { name: 'a', steps: [] }] }] }))
      .toBe("scenario plan.json: steps[0].branches[1].name: 'a' names two branches");
  });

  it('refuses documents that are not scenarios', () => {
    expect(errorOf(42)).toBe('scenario plan.json: expected {"steps": [...]} or a list of steps; got 42');
    expect(errorOf({ step: [] })).toBe('scenario plan.json: step: unknown member; a scenario has description and steps');
    expect(errorOf({ steps: {} })).toBe('scenario plan.json: steps: expected a list of steps; got {}');
  });

  it('accepts a bare list of steps, fills in defaults and labels', () => {
    const s = parseScenario([{ op: 'drain', filter: 'agentConnected == true' }, { op: 'PutAccountSettingDefault', request: { name: 'awsvpcTrunking', value: 'enabled' } }], 'x');
    expect(s.steps[0]).toMatchObject({ op: 'drain', settleSeconds: 600, label: 'drain agentConnected == true', path: 'steps[0]' });
    expect(s.steps[1]).toMatchObject({ op: 'ecs', operation: 'PutAccountSettingDefault', path: 'steps[1]' });
  });
});

describe('scenario runs', () => {
  it('runs each step as the library does; branches run on forks and leave the line alone; the same seed gives the same result', () => {
    const result = runScenario(parseScenario(SCENARIO, 't'), loadCluster({ data: SMALL, seed: '5' }), NO_PROGRESS);
    const sim = EcsSimulator.fromDescribeOutput(JSON.parse(readFileSync(SMALL, 'utf8')), { seed: 5 });
    const cluster = 'sample';
    const [query, , branches, drain, after] = result.steps;
    expect(query).toMatchObject({ op: 'query', count: sim.query(SCENARIO.steps[0]!.filter!, { cluster }).length, plan: sim.explain(SCENARIO.steps[0]!.filter!, { cluster }) });
    sim.registerTaskDefinition(SCENARIO.steps[1]!.request!);
    for (const [i, strategy] of [[0, 'binpack'], [1, 'spread']] as const) {
      const fork = sim.fork();
      const placed = fork.placeTasks({ cluster, taskDefinition: 'probe', count: 30, placementStrategy: [strategy === 'binpack' ? { type: 'binpack', field: 'memory' } : { type: 'spread', field: 'instanceId' }] });
      expect(branches!.op === 'branches' && branches!.branches[i]!.steps[0]).toMatchObject({ op: 'place', placed: placed.taskArns.length, unplaced: placed.unplaced });
    }
    // The branches changed nothing on the line: the drain sees no probe tasks.
    const report = sim.drainWhatIf(SCENARIO.steps[3]!.filter!, { cluster, settleMs: 120_000 });
    expect(drain).toMatchObject({ op: 'drain', instances: report.containerInstanceArns.length, standaloneLeft: report.standalone.left.length, utilisation: JSON.parse(JSON.stringify(report.utilisation)) });
    expect(after).toMatchObject({ op: 'query', label: 'after the drain', count: report.containerInstanceArns.length });
    const again = runScenario(parseScenario(SCENARIO, 't'), loadCluster({ data: SMALL, seed: '5' }), NO_PROGRESS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('a fail step loses the instances abruptly: standalone tasks lost, stuck service tasks counted per alternative with their reason', () => {
    const lose = 'attribute:ecs.availability-zone == us-east-1a';
    const scenario = parseScenario({ steps: [
      { op: 'branches', branches: [
        { name: 'drained', steps: [{ op: 'UpdateService', request: { service: 'api', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } } }, { op: 'drain', filter: lose, settleSeconds: 120 }] },
        { name: 'lost', steps: [{ op: 'fail', filter: lose, settleSeconds: 120 }] },
      ] },
    ] }, 't');
    const loaded = loadCluster({ data: SMALL });
    const result = runScenario(scenario, loaded, NO_PROGRESS);
    const branches = result.steps[0]!.op === 'branches' ? result.steps[0]!.branches : [];
    const [drained, lost] = [branches[0]!.steps[1]!, branches[1]!.steps[0]!];
    expect(lost).toMatchObject({ op: 'fail', stuck: [], standaloneLeft: 0 });
    const { sim, cluster } = loadCluster({ data: SMALL });
    const direct = sim.failWhatIf(lose, { cluster, settleMs: 120_000 });
    expect(lost).toMatchObject({ instances: direct.containerInstanceArns.length, standaloneLost: direct.standalone.lost.length });
    expect(drained.op).toBe('drain');
    // Both limits at 100%: the api tasks on the drained instances cannot move, and are counted as stuck.
    const stuck = drained.op === 'drain' ? drained.stuck : [];
    // (thumbnailer's arm64-only tasks are stuck too: no other arm64 instance has room.)
    const api = stuck.find((s) => s.service === 'api')!;
    expect(api).toMatchObject({ reason: 'DEPLOYMENT:maximumPercent' });
    const alternative = result.alternatives.find((a) => a.name === 'drained')!;
    expect(alternative.atRisk).toContainEqual(expect.objectContaining({ owner: 'service:api', tasks: api.tasks, reason: 'stuck: DEPLOYMENT:maximumPercent' }));
    expect(alternative.stuck).toBe(stuck.reduce((n, s) => n + s.tasks, 0) + (drained.op === 'drain' ? drained.standaloneLeft : 0));
  });

  it('an ECS error in a step keeps its name and says which step', () => {
    const bad = parseScenario({ steps: [{ op: 'CreateService', request: { serviceName: 's', taskDefinition: 'nope', desiredCount: 1 } }] }, 't');
    expect(() => runScenario(bad, loadCluster({ data: SMALL }), NO_PROGRESS)).toThrow(expect.objectContaining({
      name: 'ClientException',
      message: expect.stringMatching(/^steps\[0\] \(CreateService s\): /),
    }));
  });
});

describe.concurrent('whatif on the command line', () => {
  it('reads the scenario from stdin (-) and prints the result as JSON, the same as running it in process', async () => {
    const r = await runCli(['whatif', '-', '--json', '--data', SMALL, '--seed', '5'], JSON.stringify(SCENARIO));
    expect(r.code).toBe(0);
    const expected = runScenario(parseScenario(SCENARIO, 'stdin'), loadCluster({ data: SMALL, seed: '5' }), NO_PROGRESS);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('a scenario that is not valid JSON, or not a valid scenario, exits 2 before any work, naming the place', async () => {
    const [syntax, invalid] = await Promise.all([
      runCli(['whatif', '-', '--data', SMALL], '{\n  "steps": [\n    { "op": "advance", "seconds": 5 },\n  ]\n}\n'),
      runCli(['whatif', '-', '--data', SMALL], JSON.stringify({ steps: [{ op: 'advance', seconds: 'soon' }] })),
    ]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toBe("InvalidParameterException: scenario stdin: line 4, column 3: not valid JSON: expected a value but found ']'\n");
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toBe('InvalidParameterException: scenario stdin: steps[0].seconds (advance): expected a whole number from 0 to 2592000; got "soon"\n');
  });
});

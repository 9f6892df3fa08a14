/**
 * `--scheduler`: ECS chains in the strategies' own syntax, plug-in modules; and how a scheduler
 * takes over a scenario's placements.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidParameterException } from '../../../src/errors.js';
import { parseScheduler, scheduledBy } from '../../../src/cli/benchmark/schedulers.js';
import { overrideStrategies } from '../../../src/cli/what-if/loss-command.js';
import { EcsSimulator } from '../../../src/index.js';
import { parseScenario } from '../../../src/cli/scenario/validate.js';
import { strategyFromFlag } from '../../../src/placement/strategies/index.js';

async function errorOf(text: string, index = 0): Promise<string> {
  try {
    await parseScheduler(text, index);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidParameterException);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('--scheduler', () => {
  it('ecs:<chain> reads each entry as --strategy does, in either form', async () => {
    const chain = await parseScheduler('ecs:spread(attribute:ecs.availability-zone),binpack(memory)', 0);
    expect(chain).toEqual({
      kind: 'ecs',
      label: 'ecs:spread(attribute:ecs.availability-zone),binpack(memory)',
      strategies: [strategyFromFlag('spread:attribute:ecs.availability-zone', 0), strategyFromFlag('binpack:memory', 1)],
    });
    expect(await parseScheduler('ecs:binpack:cpu, random', 0)).toMatchObject({ kind: 'ecs', strategies: [{ type: 'binpack', field: 'cpu' }, { type: 'random' }] });
  });

  it('refuses what is not a scheduler, naming the flag and the entry', async () => {
    expect(await errorOf('ecs:binpack(disk)', 1)).toBe("--scheduler 2 ('ecs:binpack(disk)'): strategy 1 ('binpack(disk)'): binpack takes cpu or memory, as in binpack:memory");
    expect(await errorOf('ecs:random,spread(rack)')).toMatch(/^--scheduler 1 \('ecs:random,spread\(rack\)'\): strategy 2 \('spread\(rack\)'\): /);
    expect(await errorOf('ecs:')).toMatch(/an entry is empty$/);
    expect(await errorOf('ecs:random,random,random,random,random,random')).toMatch(/at most 5 strategies in a chain/);
    expect(await errorOf('binpack(memory)')).toBe("--scheduler 1 ('binpack(memory)'): a scheduler is ecs:<strategy chain> (e.g. ecs:binpack(memory)) or plugin:<module path>");
    expect(await errorOf('plugin:scarcer-fit')).toMatch(/expected plugin:<module path>/);
    const notAPlugin = fileURLToPath(new URL('./fixtures/not-a-plugin.js', import.meta.url));
    expect(await errorOf(`plugin:${notAPlugin}`)).toMatch(/^placement plug-in .*not-a-plugin\.js \(its default or "plugin" export\) must be an object/);
  });

  it('plugin:<module> is checked by loading it', async () => {
    expect(await parseScheduler('plugin:./bench/scenarios/scarcer-fit.js', 0)).toEqual({ kind: 'plugin', label: 'plugin:./bench/scenarios/scarcer-fit.js', module: './bench/scenarios/scarcer-fit.js' });
  });
});

describe('a scheduler takes over every placement of a scenario', () => {
  const STRATEGIES = [{ type: 'binpack', field: 'cpu' }];
  const scenario = parseScenario([
    { op: 'place', taskDefinition: 'f', count: 5, placementStrategy: [{ type: 'random' }], placementConstraints: [{ type: 'distinctInstance' }] },
    { op: 'CreateService', request: { serviceName: 's', taskDefinition: 'f', desiredCount: 1, placementStrategy: [{ type: 'random' }], placementConstraints: [{ type: 'distinctInstance' }] } },
    { op: 'CreateService', request: { serviceName: 'd', taskDefinition: 'f', schedulingStrategy: 'DAEMON' } },
    { op: 'RunTask', request: { taskDefinition: 'f' } },
    { op: 'RunTask', request: { taskDefinition: 'f', launchType: 'FARGATE' } },
    { op: 'UpdateService', request: { service: 's', desiredCount: 2 } },
    { op: 'UpdateService', request: { service: 's', placementStrategy: [] } },
    { op: 'branches', branches: [{ name: 'b', steps: [{ op: 'place', taskDefinition: 'f', count: 1 }] }] },
  ], 't');

  it('place steps, CreateService, RunTask, UpdateService naming a strategy, in branches too; constraints stay', () => {
    const steps = scheduledBy(scenario, STRATEGIES).steps;
    expect(steps[0]).toMatchObject({ placementStrategy: STRATEGIES, placementConstraints: [{ type: 'distinctInstance' }] });
    expect(steps[1]).toMatchObject({ request: { placementStrategy: STRATEGIES, placementConstraints: [{ type: 'distinctInstance' }] } });
    expect(steps[3]).toMatchObject({ request: { placementStrategy: STRATEGIES } });
    expect(steps[6]).toMatchObject({ request: { placementStrategy: STRATEGIES } });
    expect(steps[7]!.op === 'branches' && steps[7]!.branches[0]!.steps[0]).toMatchObject({ placementStrategy: STRATEGIES });
  });

  it('not DAEMON services, FARGATE tasks, nor an UpdateService that keeps the strategy', () => {
    const steps = scheduledBy(scenario, STRATEGIES).steps;
    for (const i of [2, 4, 5]) expect(steps[i]).toBe(scenario.steps[i]);
  });

  it("the services already there too, but a DAEMON service (which takes no strategy: UpdateService would refuse it)", () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'c' });
    sim.registerTaskDefinition({ family: 'f', containerDefinitions: [{ name: 'f', image: 'f', cpu: 128, memory: 128 }] });
    sim.createService({ cluster: 'c', serviceName: 'r', taskDefinition: 'f', desiredCount: 0 });
    sim.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'f', schedulingStrategy: 'DAEMON' });
    overrideStrategies(sim, 'c', STRATEGIES);
    const [r, d] = sim.describeServices({ cluster: 'c', services: ['r', 'd'] }).services!;
    expect(r!.placementStrategy).toEqual(STRATEGIES);
    expect(d!.placementStrategy ?? []).toEqual([]);
  });
});

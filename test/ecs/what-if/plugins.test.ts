// Placement plug-ins through the ECS layer: services, what-ifs, headroom and sweeps (on worker
// threads too) with a strategy plug-in that re-implements binpack(memory) give what the built-in
// binpack(memory) gives.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/index.js';
import { plugin } from './fixtures/binpack-memory-plugin.js';

const SMALL = readFileSync(new URL('../../../datasets/small.json', import.meta.url), 'utf8');
const MODULE = fileURLToPath(new URL('./fixtures/binpack-memory-plugin.ts', import.meta.url));

/** The small dataset with one more service placed by `strategy`. */
function withService(strategy: { type: string; field?: string }, register: (sim: EcsSimulator) => void = () => {}) {
  const sim = EcsSimulator.fromDescribeOutput(SMALL);
  register(sim);
  const td = sim.state.clusters.get('sample')!.services.values().next().value!.taskDefinitionArn;
  sim.createService({ cluster: 'sample', serviceName: 'packed', taskDefinition: td, desiredCount: 12, placementStrategy: [strategy] as never });
  sim.advance(60_000);
  return { sim, td };
}

const builtIn = { type: 'binpack', field: 'memory' };
const viaPlugin = { type: 'plugin:binpack-memory' };

describe('a strategy plug-in equal to binpack(memory), through the simulator', () => {
  it('places a service\'s tasks where the built-in does, and gives the same what-if reports and headroom', () => {
    const a = withService(builtIn);
    const b = withService(viaPlugin, (sim) => sim.placement.register(plugin));
    const where = (sim: EcsSimulator) => sim.listTasks({ cluster: 'sample', serviceName: 'packed' }).taskArns!.map((arn) => sim.describeTasks({ cluster: 'sample', tasks: [arn] }).tasks![0]!.containerInstanceArn).sort();
    expect(where(b.sim)).toEqual(where(a.sim));
    const strip = ({ fork: _fork, ...report }: ReturnType<EcsSimulator['drainWhatIf']>) => report;
    const lose = 'attribute:ecs.availability-zone == us-east-1a';
    expect(strip(b.sim.drainWhatIf(lose, { cluster: 'sample' }))).toEqual(strip(a.sim.drainWhatIf(lose, { cluster: 'sample' })));
    expect(strip(b.sim.failWhatIf(lose, { cluster: 'sample' }))).toEqual(strip(a.sim.failWhatIf(lose, { cluster: 'sample' })));
    expect(b.sim.headroom({ taskDefinition: b.td, placementStrategy: [viaPlugin] as never }, { cluster: 'sample', losing: 'attribute:ecs.availability-zone' }))
      .toEqual(a.sim.headroom({ taskDefinition: a.td, placementStrategy: [builtIn] as never }, { cluster: 'sample', losing: 'attribute:ecs.availability-zone' }));
  });

  it('and the same sweep rows, on worker threads when loaded from a module', async () => {
    const spec = { random: { instances: 2, count: 6, seed: 5 }, what: 'drain' } as const;
    const a = withService(builtIn);
    // (registered before the service exists: load is asynchronous)
    const c = EcsSimulator.fromDescribeOutput(SMALL);
    await c.placement.load(MODULE);
    c.createService({ cluster: 'sample', serviceName: 'packed', taskDefinition: a.td, desiredCount: 12, placementStrategy: [viaPlugin] as never });
    c.advance(60_000);
    const want = await a.sim.whatIfSweep(spec, { cluster: 'sample' });
    expect(JSON.stringify(await c.whatIfSweep(spec, { cluster: 'sample' }))).toBe(JSON.stringify(want));
    expect(JSON.stringify(await c.whatIfSweep(spec, { cluster: 'sample', workers: 2 }))).toBe(JSON.stringify(want));
  }, 120_000);

  it('refuses a plug-in nobody registered, and a sweep on workers with a plug-in registered as an object', async () => {
    const sim = EcsSimulator.fromDescribeOutput(SMALL);
    const td = sim.state.clusters.get('sample')!.services.values().next().value!.taskDefinitionArn;
    expect(() => sim.createService({ cluster: 'sample', serviceName: 'x', taskDefinition: td, desiredCount: 1, placementStrategy: [viaPlugin] as never }))
      .toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/binpack-memory/) }));
    sim.placement.register(plugin);
    await expect(sim.whatIfSweep({ each: 'instance', what: 'drain' }, { cluster: 'sample', workers: 2 })).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/registered as an object/) });
  });
});

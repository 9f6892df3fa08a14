// Placement plug-ins: a strategy plug-in that re-implements binpack(memory) chooses exactly as the
// built-in does (random clusters, alone and chained); scheduler plug-ins place as the naive placer
// says they would, and a pick ECS refuses is an error naming the plug-in, the task and the reason,
// after which the cluster is as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlacementEngine } from '../../src/placement/engine.js';
import { naivePlaceTasks } from '../../src/placement/naive.js';
import { PlacementPluginError, PluginRegistry } from '../../src/placement/plugins/registry.js';
import type { SchedulerPlugin, StrategyPlugin } from '../../src/placement/plugins/types.js';
import type { PlacementStrategy, PlacementRequest } from '../../src/placement/types.js';
import { buildCluster, context, plain, req, type InstanceSpec } from './fixtures.js';

const AZ = 'ecs.availability-zone';

const binpackMemory: StrategyPlugin = { name: 'binpack-memory', score: (candidates, view) => Array.from(candidates, (slot) => view.remainingMemory(slot)) };
/** Picks the candidate with the most memory left (the first of equals): a deterministic scheduler. */
const mostMemory: SchedulerPlugin = {
  name: 'most-memory',
  place: (_task, candidates, view) => {
    let best = -1;
    for (const slot of candidates) if (best < 0 || view.remainingMemory(slot) > view.remainingMemory(best)) best = slot;
    return best < 0 ? null : best;
  },
};

const spec: fc.Arbitrary<InstanceSpec> = fc.record({
  cpu: fc.constantFrom(0, 512, 1024, 4096),
  memory: fc.constantFrom(0, 512, 1000, 2048, 4096, 8192),
  az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING'),
  groups: fc.array(fc.constantFrom('service:web', 'database'), { maxLength: 2 }),
  removed: fc.boolean(),
}).map((r) => ({ cpu: r.cpu, memory: r.memory, status: r.status, groups: r.groups, attributes: { [AZ]: r.az }, removed: r.removed && r.memory === 512 }));

/** Chains with binpack(memory) somewhere, and their plug-in twins. */
const CHAINS: PlacementStrategy[][] = [
  [{ type: 'binpack', field: 'memory' }],
  [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'binpack', field: 'memory' }],
  [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }],
  [{ type: 'spread', field: 'instanceId' }, { type: 'binpack', field: 'memory' }, { type: 'spread', field: `attribute:${AZ}` }],
  [{ type: 'random' }, { type: 'binpack', field: 'memory' }, { type: 'binpack', field: 'cpu' }],
];
const twin = (chain: PlacementStrategy[]) => chain.map((s) => (s.type === 'binpack' && s.field === 'memory' ? { type: `plugin:${binpackMemory.name}` } : s));

function engineWith(...plugins: (StrategyPlugin | SchedulerPlugin)[]): PlacementEngine {
  const engine = new PlacementEngine();
  for (const p of plugins) engine.register(p);
  return engine;
}

describe('a strategy plug-in that re-implements binpack(memory)', () => {
  it('chooses exactly as the built-in does, alone and chained (random clusters)', () => {
    const scenario = fc.record({
      specs: fc.array(spec, { minLength: 1, maxLength: 40 }),
      chain: fc.nat(CHAINS.length - 1),
      memory: fc.constantFrom(0, 128, 512, 1024),
      count: fc.integer({ min: 1, max: 30 }),
      distinct: fc.boolean(),
      seed: fc.integer(),
    });
    fc.assert(fc.property(scenario, (s) => {
      const base: Omit<PlacementRequest, 'strategies'> = {
        requirements: req({ memory: s.memory }), group: 'service:web', count: s.count, constraints: s.distinct ? [{ type: 'distinctInstance' }] : [],
      };
      const engine = engineWith(binpackMemory);
      const plugins = new PluginRegistry();
      plugins.register(binpackMemory);
      const runs = [
        (ctx: ReturnType<typeof context>) => engine.place(ctx, { ...base, strategies: CHAINS[s.chain]! }),
        (ctx: ReturnType<typeof context>) => engine.place(ctx, { ...base, strategies: twin(CHAINS[s.chain]!) }),
        (ctx: ReturnType<typeof context>) => naivePlaceTasks(ctx, { ...base, strategies: twin(CHAINS[s.chain]!) }, { plugins }),
      ].map((run) => {
        const ctx = context(buildCluster(s.specs), s.seed);
        return { outcome: plain(run(ctx)), random: ctx.random.state };
      });
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
    }), { seed: 1616, numRuns: 200 });
  });
});

describe('scheduler plug-ins', () => {
  it('place as the naive placer says, after the strategies before them (random clusters)', () => {
    fc.assert(fc.property(fc.array(spec, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.integer(), (specs, count, spreadFirst, seed) => {
      const request: PlacementRequest = {
        requirements: req({ memory: 512 }), group: 'service:web', count, constraints: [],
        strategies: [...(spreadFirst ? [{ type: 'spread', field: `attribute:${AZ}` }] : []), { type: `plugin:${mostMemory.name}` }],
      };
      const plugins = new PluginRegistry();
      plugins.register(mostMemory);
      const engineSide = context(buildCluster(specs), seed);
      const naiveSide = context(buildCluster(specs), seed);
      expect(plain(engineWith(mostMemory).place(engineSide, request))).toEqual(plain(naivePlaceTasks(naiveSide, request, { plugins })));
    }), { seed: 99, numRuns: 150 });
  });

  it('refuses a pick ECS refuses, naming the plug-in, the task and the reason, and the call changes nothing', () => {
    const specs: InstanceSpec[] = [{ memory: 4096 }, { memory: 300 }, { memory: 4096, status: 'DRAINING' }];
    for (const [target, reason] of [[1, 'RESOURCE:MEMORY'], [2, 'STATUS']] as const) {
      const c = buildCluster(specs);
      // Places the first two tasks where ECS would, then insists on the instance that cannot take one.
      const stubborn: SchedulerPlugin = { name: 'stubborn', place: (task, candidates) => (task.index < 2 ? candidates[0]! : c.slots[target]!) };
      const engine = engineWith(stubborn);
      const ctx = context(c, 3);
      const before = { memory: [...c.store.remainingMemory.slice(0, 3)], groups: c.slots.map((s) => c.store.groupCountAt(s, 'service:web')), random: ctx.random.state };
      const request: PlacementRequest = { requirements: req({ memory: 512 }), group: 'service:web', count: 5, constraints: [], strategies: [{ type: 'plugin:stubborn' }] };
      let error: unknown;
      try {
        engine.place(ctx, request);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PlacementPluginError);
      expect((error as PlacementPluginError).plugin).toBe('stubborn');
      expect((error as PlacementPluginError).name).toBe('ClientException');
      expect((error as Error).message).toBe(`scheduler plug-in "stubborn" chose container instance ${c.store.arns[c.slots[target]!]} for task 2 of service:web, which ECS refuses: ${reason}`);
      expect({ memory: [...c.store.remainingMemory.slice(0, 3)], groups: c.slots.map((s) => c.store.groupCountAt(s, 'service:web')), random: ctx.random.state }).toEqual(before);
      // The engine is still sound afterwards: the same call with a well-behaved scheduler places as the naive placer.
      const fine = engineWith(mostMemory);
      const plugins = new PluginRegistry();
      plugins.register(mostMemory);
      const twinCluster = buildCluster(specs);
      const good = { ...request, strategies: [{ type: 'plugin:most-memory' }] };
      expect(plain(fine.place(ctx, good))).toEqual(plain(naivePlaceTasks(context(twinCluster, 3), good, { plugins })));
    }
  });

  it('refuses picks that are not container instances of the call', () => {
    const c = buildCluster([{}, {}]);
    for (const pick of [99, -1, 0.5, 'a']) {
      const engine = engineWith({ name: 'odd', place: () => pick as number });
      expect(() => engine.place(context(c), { requirements: req(), group: 'g', count: 1, constraints: [], strategies: [{ type: 'plugin:odd' }] }))
        .toThrow(`scheduler plug-in "odd" chose ${JSON.stringify(pick)} for task 0 of g, which is not a container instance of this call`);
    }
    // A live instance outside onlySlots is not one of the call's either.
    const engine = engineWith({ name: 'other', place: () => c.slots[1]! });
    expect(() => engine.place(context(c), { requirements: req(), group: 'g', count: 1, constraints: [], strategies: [{ type: 'plugin:other' }], onlySlots: [c.slots[0]!] }))
      .toThrow(`scheduler plug-in "other" chose ${c.slots[1]} for task 0 of g, which is not a container instance of this call`);
  });

  it('make fill give way to placing (a scheduler may decline); strategy plug-ins only order, so fill counts without calling them', () => {
    const c = buildCluster([{ memory: 4096 }, { memory: 1024 }]);
    const request = (strategy: string) => ({ requirements: req({ memory: 512 }), group: 'g', count: 1000, constraints: [], strategies: [{ type: strategy }] });
    const engine = engineWith({ name: 'two-only', place: (task, candidates) => (task.index < 2 ? candidates[0]! : null) }, { name: 'throws', score: () => { throw new Error('never called'); } });
    expect(engine.fill(context(c), request('plugin:two-only'))).toBeNull();
    const full = engine.fill(context(c), request('plugin:throws'))!;
    expect([full.tasks, [...full.counts]]).toEqual([10, [8, 2]]);
    expect(() => engine.place(context(c), request('plugin:throws'))).toThrow(/strategy plug-in "throws" failed: never called/);
  });

  it('that decline leave the rest of the call unplaced, and say so', () => {
    const c = buildCluster([{ memory: 4096 }, { memory: 100 }]);
    const engine = engineWith({ name: 'two-only', place: (task, candidates) => (task.index < 2 ? candidates[0]! : null) });
    const out = engine.place(context(c), { requirements: req({ memory: 512 }), group: 'g', count: 5, constraints: [], strategies: [{ type: 'plugin:two-only' }] });
    expect(out.placements).toHaveLength(2);
    expect(out.unplaced).toBe(3);
    expect(out.declinedBy).toBe('two-only');
    // Only the instance ECS's rules turned down is a rejection; the one the scheduler passed over is not.
    expect([...out.rejections]).toEqual([[c.slots[1], 'RESOURCE:MEMORY']]);
    expect([...out.tally]).toEqual([['RESOURCE:MEMORY', 5]]);
  });
});

describe('plug-in misuse', () => {
  it('a strategy plug-in that throws or scores badly fails the call, naming the plug-in', () => {
    const c = buildCluster([{}, {}]);
    const request = (name: string): PlacementRequest => ({ requirements: req(), group: 'g', count: 1, constraints: [], strategies: [{ type: `plugin:${name}` }] });
    const cases: [StrategyPlugin, string][] = [
      [{ name: 'throws', score: () => { throw new Error('boom'); } }, 'strategy plug-in "throws" failed: boom'],
      [{ name: 'short', score: () => [1] }, 'strategy plug-in "short" must return one score per candidate (2); got 1 scores'],
      [{ name: 'nan', score: (cs) => Array.from(cs, () => NaN) }, 'strategy plug-in "nan" scored candidate 0 NaN; scores must be numbers'],
      [{ name: 'text', score: (cs) => Array.from(cs, () => 'x' as unknown as number) }, 'strategy plug-in "text" scored candidate 0 x; scores must be numbers'],
      [{ name: 'nothing', score: () => undefined as unknown as number[] }, 'strategy plug-in "nothing" must return one score per candidate (2); got undefined'],
    ];
    for (const [plugin, message] of cases) expect(() => engineWith(plugin).place(context(c), request(plugin.name))).toThrow(message);
  });

  it('registration checks names and shapes, once per name', () => {
    const engine = new PlacementEngine();
    expect(() => engine.register({ name: 'a b', score: () => [] })).toThrow(/name must be 1 to 128 letters/);
    expect(() => engine.register({ name: '__proto__', score: () => [] })).toThrow(/name must be/);
    // A name JSON cannot carry is described, not serialised (a BigInt made a TypeError), and a chain entry's type likewise.
    expect(() => engine.register({ name: 10n as never, score: () => [] })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/got 10n$/) }));
    expect(() => engine.checkStrategies([{ type: 10n as never }])).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/got 10n$/) }));
    expect(() => engine.checkStrategies([{ type: 'spread', field: 'x'.repeat(50_000) }])).toThrow(expect.objectContaining({ message: expect.stringContaining('(50000 characters)') }));
    expect(() => engine.register({ name: 'both', score: () => [], place: () => null } as unknown as StrategyPlugin)).toThrow('plug-in "both" must have exactly one of score (a strategy) and place (a scheduler)');
    expect(() => engine.register({ name: 'neither' } as unknown as StrategyPlugin)).toThrow(/exactly one of score/);
    engine.register({ name: 'constructor', score: () => [] });
    expect(() => engine.register({ name: 'constructor', score: () => [] })).toThrow('a placement plug-in named "constructor" is already registered');
    expect(engine.plugins.names()).toEqual(['constructor']);
  });

  it('checks chains as RunTask would: known names, the scheduler last', () => {
    const engine = engineWith(binpackMemory, mostMemory);
    expect(engine.checkStrategies([{ type: 'spread', field: 'host' }, { type: 'plugin:binpack-memory', field: 'x' }, { type: 'plugin:most-memory' }]))
      .toEqual([{ type: 'spread', field: 'host' }, { type: 'plugin:binpack-memory', field: 'x' }, { type: 'plugin:most-memory' }]);
    expect(engine.checkStrategies([{ type: 'random', field: 'ignored' }])).toEqual([{ type: 'random' }]);
    expect(() => engine.checkStrategies([{ type: 'plugin:most-memory' }, { type: 'random' }])).toThrow('placementStrategy[1]: nothing may follow the scheduler plug-in plugin:most-memory, which chooses the instance');
    expect(() => engine.checkStrategies([{ type: 'plugin:nope' }], 'strategies')).toThrow('strategies[0].type: no placement plug-in named "nope" is registered');
    expect(() => engine.checkStrategies([{ type: 'plugin:' }])).toThrow(/is not a plug-in name/);
    expect(() => engine.checkStrategies([{ type: 'binpack', field: 'disk' }])).toThrow('placementStrategy[0]: binpack takes the field cpu or memory; got "disk"');
    expect(() => engine.checkStrategies(['binpack'])).toThrow('placementStrategy[0] must be an object');
    expect(() => engine.checkStrategies([{ type: 'spread', field: 7 }])).toThrow('placementStrategy[0].field must be a string');
  });
});

// The engine as an object: the opt-in warm-up changes no result; engines share nothing (a
// plug-in registered on one is unknown to another); placeTasks is an engine without plug-ins.
import { describe, expect, it } from 'vitest';
import { PlacementEngine, placeTasks } from '../../src/placement/engine.js';
import type { PlacementRequest } from '../../src/placement/types.js';
import { buildCluster, context, plain, req, type InstanceSpec } from './fixtures.js';

const specs = Array.from({ length: 40 }, (_, i): InstanceSpec => ({ cpu: 2048, memory: 4096 + 512 * (i % 5), attributes: { 'ecs.availability-zone': `az-${i % 3}`, rack: `r${i % 7}` } }));
const request: PlacementRequest = {
  requirements: req({ memory: 700 }), group: 'service:web', count: 60, constraints: [{ type: 'memberOf', expression: 'attribute:rack != r3' }],
  strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
};

describe('PlacementEngine', () => {
  it('places the same with and without the warm-up (which is idempotent)', () => {
    const warm = new PlacementEngine();
    warm.warmUp();
    warm.warmUp();
    const runs = [warm, new PlacementEngine()].map((engine) => {
      const ctx = context(buildCluster(specs), 77);
      return { outcome: plain(engine.place(ctx, request)), random: ctx.random.state };
    });
    expect(runs[0]).toEqual(runs[1]);
    const ctx = context(buildCluster(specs), 77);
    expect({ outcome: plain(placeTasks(ctx, request)), random: ctx.random.state }).toEqual(runs[0]);
  });

  it('keeps its plug-ins to itself', () => {
    const a = new PlacementEngine();
    a.register({ name: 'mine', score: (c) => Array.from(c, () => 0) });
    const strategies = [{ type: 'plugin:mine' }];
    expect(a.checkStrategies(strategies)).toEqual(strategies);
    expect(() => new PlacementEngine().checkStrategies(strategies)).toThrow('no placement plug-in named "mine" is registered');
    expect(() => placeTasks(context(buildCluster(specs)), { ...request, strategies })).toThrow('no placement plug-in named "mine" is registered');
  });
});

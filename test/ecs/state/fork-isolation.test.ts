// Copy-on-write forks against eager copies: an original and its fork take random, interleaved
// operations; each must end exactly where an independent copy (snapshot → restore) given the
// same operations ends. A write that reaches a structure still shared with the other side
// shows up as a difference on that side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { register, simWithCluster } from '../fixtures.js';
import { apply, setup, step } from '../random-steps.js';

/** Everything observable: the lossless snapshot, what describe shows (remainingResources), and what the indexes answer. */
function observe(sim: EcsSimulator): unknown {
  const arns = sim.listContainerInstances({ cluster: 'c', maxResults: 100 }).containerInstanceArns!;
  return {
    snapshot: sim.snapshot(),
    described: arns.length === 0 ? [] : sim.describeContainerInstances({ cluster: 'c', containerInstances: arns }).containerInstances,
    queries: ['attribute:stack == prod', 'attribute:constructor exists', 'task:group == service:svc', 'task:group in [g0, g1, g2]', 'agentConnected == false', 'agentVersion < 1.30.0', 'runningTasksCount > 1']
      .map((q) => sim.query(q, { cluster: 'c' })),
    drainingActive: sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns,
  };
}

describe('copy-on-write forks', () => {
  it('the original registers past its capacity after a fork registered far past it (capacity planning registers instances on forks)', () => {
    const original = simWithCluster();
    for (let n = 0; n < 40; n++) register(original, n, { attributes: [{ name: 'rack', value: `r${n % 4}` }] });
    const fork = original.fork();
    // The fork's instances have no rack: the rack column stays shared while the fork grows it (to 256 slots).
    for (let n = 40; n < 240; n++) register(fork, n);
    // The original grows to 128 slots; its rack column was already 256 long (a RangeError made this a 500).
    for (let n = 240; n < 340; n++) register(original, n, { attributes: [{ name: 'rack', value: 'r9' }] });
    expect(original.query('attribute:rack == r9', { cluster: 'c' })).toHaveLength(100);
    expect(fork.query('attribute:rack exists', { cluster: 'c' })).toHaveLength(40);
    expect(original.listContainerInstances({ cluster: 'c', maxResults: 100 }).containerInstanceArns).toHaveLength(100);
  });

  it('an original and its forks (and forks of forks) each match an eager copy given the same operations', () => {
    const target = fc.constantFrom('original' as const, 'fork' as const, 'refork' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(target, step), { minLength: 1, maxLength: 30 }), (steps) => {
        const original = setup();
        let fork = original.fork();
        const eager = { original: EcsSimulator.restore(original.snapshot()), fork: EcsSimulator.restore(original.snapshot()) };
        // Forks left behind by a refork: never touched again, so they must keep what they showed.
        const left: { sim: EcsSimulator; seen: unknown }[] = [];
        steps.forEach(([side, s], n) => {
          if (side === 'refork') {
            // A fork of a (possibly changed) fork goes on in its place.
            left.push({ sim: fork, seen: observe(fork) });
            fork = fork.fork();
            return;
          }
          apply(side === 'original' ? original : fork, s, n);
          apply(eager[side], s, n);
        });
        expect(observe(original)).toEqual(observe(eager.original));
        expect(observe(fork)).toEqual(observe(eager.fork));
        for (const { sim, seen } of left) expect(observe(sim)).toEqual(seen);
      }),
      { seed: 2026, numRuns: 150 },
    );
  });
});

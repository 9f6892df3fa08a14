// The incremental utilisation index against the full scan (`utilisationOf`) under random
// operation sequences, forks included: after every step both give the same breakdown.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { utilisation, UtilisationIndex } from '../../../src/ecs/what-if/utilisation-index.js';
import { utilisationOf } from '../../../src/ecs/what-if/utilisation.js';
import { setStatus } from '../../../src/ecs/container-instances/instances.js';
import { forkState } from '../../../src/ecs/state/fork.js';
import type { SimState } from '../../../src/ecs/state/state.js';
import { EcsSimulator, generateCluster } from '../../../src/index.js';
import { setup } from '../random-steps.js';
import { applyServiceStep, serviceStep } from '../services/service-steps.js';

describe('the utilisation index', () => {
  it('gives the full scan\'s breakdown after every step, on forks too', () => {
    fc.assert(
      fc.property(fc.array(serviceStep, { minLength: 5, maxLength: 50 }), fc.nat(3), (steps, readEvery) => {
        let sim = setup();
        const first = sim.state.clusters.get('c')!;
        utilisation(first); // built before the first fork, so forks start from it
        steps.forEach((s, n) => {
          sim = applyServiceStep(sim, s, n);
          // Read now and then only, so several changes pile up between reads.
          if (n % (readEvery + 1) !== 0) return;
          const c = sim.state.clusters.get('c')!;
          expect(utilisation(c)).toEqual(utilisationOf(c));
        });
        const c = sim.state.clusters.get('c')!;
        expect(utilisation(c)).toEqual(utilisationOf(c));
        expect(utilisation(first)).toEqual(utilisationOf(first));
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('shares its per-instance pages with forks until either side changes one (three pages of 256 instances here)', () => {
    const sim = EcsSimulator.fromDescribeOutput(generateCluster({ instances: 700, seed: 5 }));
    sim.advance(600_000);
    const arns = sim.query(null, { cluster: 'sample', status: 'ACTIVE' });
    utilisation(sim.state.clusters.get('sample')!);
    // As a what-if changes its fork (an API call on the original would make its cluster record anew).
    const drain = (state: SimState, picks: number[]) => {
      const cluster = state.clusters.get('sample')!;
      for (const i of picks) setStatus(state, cluster, cluster.instances.get(arns[i]!)!, 'DRAINING');
      state.clock.advance(120_000);
      expect(utilisation(cluster)).toEqual(utilisationOf(cluster));
    };
    const forks = [forkState(sim.state), forkState(sim.state)];
    // The sides drain instances in all three pages (slots 0-255, 256-511, 512-699), some the same
    // ones, reading in turns: a side that wrote to a page it shares would hand the other a wrong
    // contribution to take out.
    drain(forks[0]!, [3, 600]);
    drain(forks[1]!, [300, 600]);
    drain(sim.state, [3, 300, 600]);
    drain(forks[0]!, [300]);
    drain(forks[1]!, [3]);
  });

  it('survives an API call on the cluster (whose transaction makes the cluster record anew): no rebuild', () => {
    const sim = EcsSimulator.fromDescribeOutput(generateCluster({ instances: 300, seed: 6 }));
    sim.advance(600_000);
    const arns = sim.query(null, { cluster: 'sample', status: 'ACTIVE' });
    utilisation(sim.state.clusters.get('sample')!);
    const build = vi.spyOn(UtilisationIndex, 'build');
    try {
      sim.updateContainerInstancesState({ cluster: 'sample', containerInstances: [arns[0]!], status: 'DRAINING' });
      sim.advance(120_000);
      const cluster = sim.state.clusters.get('sample')!;
      expect(utilisation(cluster)).toEqual(utilisationOf(cluster));
      expect(build).not.toHaveBeenCalled();
    } finally {
      build.mockRestore();
    }
  });
});

// The incremental utilisation index against the full scan (`utilisationOf`) under random
// operation sequences, forks included: after every step both give the same breakdown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utilisation } from '../../../src/ecs/what-if/utilisation-index.js';
import { utilisationOf } from '../../../src/ecs/what-if/utilisation.js';
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
});

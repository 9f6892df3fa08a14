// Random sequences of operations (random-steps.ts); after every step the accountant, the store
// and the records agree with the tasks (the invariants live in src/testing/invariants.ts,
// exported to users).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { checkInvariants } from '../../src/testing/invariants.js';
import { apply, setup, step } from './random-steps.js';

describe('accountant, store and records stay consistent with the tasks', () => {
  it('under random sequences of operations, and after snapshot/restore and fork', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        const sim = setup();
        steps.forEach((s, n) => {
          apply(sim, s, n);
          checkInvariants(sim);
        });
        // Restoring a snapshot keeps every invariant too.
        checkInvariants(EcsSimulator.restore(sim.snapshot()));
        checkInvariants(sim.fork());
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});

// The event-driven service scheduler (a pass looks at the services an event touched and those
// waiting to place) against its reference mode (every pass looks at every service): under random
// operation sequences both end every step in the same state, snapshot for snapshot — same tasks
// on the same instances, same service events, same clock and random state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EcsSimulator } from '../../../src/ecs/simulator.js';
import { setup } from '../random-steps.js';
import { applyServiceStep, serviceStep } from './service-steps.js';

function everyServicePass(sim: EcsSimulator): EcsSimulator {
  sim.state.clusters.get('c')!.everyServicePass = true;
  return sim;
}

describe('the service scheduler looks only at the services that changed', () => {
  it('and ends every step where a scheduler looking at every service ends', () => {
    fc.assert(
      fc.property(fc.array(serviceStep, { minLength: 5, maxLength: 50 }), (steps) => {
        let changed = setup();
        let every = everyServicePass(setup());
        steps.forEach((s, n) => {
          changed = applyServiceStep(changed, s, n);
          every = applyServiceStep(every, s, n);
          expect(changed.snapshot()).toEqual(every.snapshot());
        });
        changed.advance(120_000);
        every.advance(120_000);
        expect(changed.snapshot()).toEqual(every.snapshot());
      }),
      { seed: 1313, numRuns: 200 },
    );
  });

  it('notes only the service an API call changed, for its next pass', () => {
    const sim = setup();
    for (const name of ['web', 'api', 'worker']) sim.createService({ cluster: 'c', serviceName: name, taskDefinition: 'c', desiredCount: 1 });
    sim.advance(60_000);
    // (A call copies the cluster record it changes, as it does any record: look it up after.)
    expect(sim.state.clusters.peek('c')!.dirtyServices.size).toBe(0);
    sim.updateService({ cluster: 'c', service: 'api', desiredCount: 2 });
    expect([...sim.state.clusters.peek('c')!.dirtyServices]).toEqual(['api']);
  });
});

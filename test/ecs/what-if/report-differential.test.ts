// What-if reports, read from summaries and indexes, against the fork's end state recomputed from
// every task, after random operation sequences: drain and fail of random instances.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { setup } from '../random-steps.js';
import { applyServiceStep, serviceStep } from '../services/service-steps.js';
import { endState, expectAccountsForTheFork } from './end-state.js';

describe('what-if reports account for every task of the fork they ran on', () => {
  it('after random operations, for drains and abrupt losses of random instances', () => {
    fc.assert(
      fc.property(fc.array(serviceStep, { minLength: 5, maxLength: 40 }), fc.constantFrom('drain', 'fail'), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 3_000, 600_000), (steps, what, picks, settleMs) => {
        let sim = setup();
        steps.forEach((s, n) => (sim = applyServiceStep(sim, s, n)));
        const live = sim.query(null, { cluster: 'c', status: what === 'drain' ? 'ACTIVE' : ['ACTIVE', 'DRAINING'] });
        if (live.length === 0) return;
        const arns = [...new Set(picks.map((p) => live[p % live.length]!))];
        const before = endState(sim, 'c');
        const report = what === 'drain' ? sim.drainInstancesWhatIf(arns, { cluster: 'c', settleMs }) : sim.failInstancesWhatIf(arns, { cluster: 'c', settleMs });
        expectAccountsForTheFork(report, 'c', before);
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});

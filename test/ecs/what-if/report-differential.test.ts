// What-if reports, read from summaries and indexes, against the fork's end state recomputed from
// every task, after random operation sequences: drain and fail of random instances.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkState } from '../../../src/ecs/state/fork.js';
import { runWhatIf, runWhatIfOutcome } from '../../../src/ecs/what-if/run.js';
import { recordChanges, type ChangeRecorder } from '../../../src/ecs/what-if/recorder.js';
import { buildReport, type WhatIfReport } from '../../../src/ecs/what-if/report.js';
import type { ClusterRecord } from '../../../src/ecs/clusters/record.js';
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

describe('a what-if outcome without moves and utilisation (sweep rows, headroom)', () => {
  it('has the full report\'s services, standalone tasks and totals, rows but their moved count', () => {
    fc.assert(
      fc.property(fc.array(serviceStep, { minLength: 5, maxLength: 40 }), fc.constantFrom('drain' as const, 'fail' as const), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 3_000, 600_000), (steps, what, picks, settleMs) => {
        let sim = setup();
        steps.forEach((s, n) => (sim = applyServiceStep(sim, s, n)));
        const live = sim.query(null, { cluster: 'c', status: what === 'drain' ? 'ACTIVE' : ['ACTIVE', 'DRAINING'] });
        if (live.length === 0) return;
        const arns = [...new Set(picks.map((p) => live[p % live.length]!))];
        // Each on its own fork of the same state: the same seeded run.
        const report = runWhatIf(sim.state, forkState(sim.state), what, 'c', arns, settleMs);
        const outcome = runWhatIfOutcome(sim.state, forkState(sim.state), what, 'c', arns, settleMs);
        expect(outcome.totals).toEqual(report.totals);
        expect(outcome.standalone).toEqual(report.standalone);
        expect(outcome.services).toEqual(report.services.map((row) => ({ ...row, moved: 0 })));
      }),
      { seed: 101, numRuns: 150 },
    );
  });
});

/** The moves as first written: every recorded task looked up before and after, pairs keyed by a joined string. */
function referenceMoves(before: ClusterRecord, after: ClusterRecord, recorder: ChangeRecorder): WhatIfReport['moved'] {
  const started = new Map<string, string[]>();
  const stopped: { serviceName: string; containerInstanceArn: string }[] = [];
  for (const arn of recorder.tasks) {
    const was = before.tasks.peek(arn);
    const now = after.tasks.peek(arn);
    if (was === undefined) {
      if (now?.serviceName !== undefined && now.containerInstanceArn !== undefined && now.desiredStatus === 'RUNNING') {
        started.set(now.serviceName, [...(started.get(now.serviceName) ?? []), now.containerInstanceArn]);
      }
    } else if (was.serviceName !== undefined && was.containerInstanceArn !== undefined && was.desiredStatus === 'RUNNING' && now?.desiredStatus !== 'RUNNING') {
      stopped.push({ serviceName: was.serviceName, containerInstanceArn: was.containerInstanceArn });
    }
  }
  const moved = new Map<string, { service: string; from: string; to: string[] }>();
  for (const t of stopped) {
    const key = `${t.serviceName}|${t.containerInstanceArn}`;
    const entry = moved.get(key) ?? { service: t.serviceName, from: t.containerInstanceArn, to: [] };
    const dest = started.get(t.serviceName)?.shift();
    if (dest !== undefined) entry.to.push(dest);
    moved.set(key, entry);
  }
  return [...moved.values()];
}

describe('a report\'s moves', () => {
  it('pair each service\'s stopped tasks with its new ones as the first implementation did', () => {
    fc.assert(
      fc.property(fc.array(serviceStep, { minLength: 5, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(3_000, 600_000), (steps, picks, settleMs) => {
        let sim = setup();
        steps.forEach((s, n) => (sim = applyServiceStep(sim, s, n)));
        const live = sim.query(null, { cluster: 'c', status: 'ACTIVE' });
        if (live.length === 0) return;
        const arns = [...new Set(picks.map((p) => live[p % live.length]!))];
        const fork = sim.fork();
        const recorder = recordChanges(fork.state, 'c');
        fork.updateContainerInstancesState({ cluster: 'c', containerInstances: arns, status: 'DRAINING' });
        fork.advance(settleMs);
        recorder.stop();
        const before = sim.state.clusters.get('c')!;
        const after = fork.state.clusters.get('c')!;
        const report = buildReport({ what: 'drain', containerInstanceArns: arns, settleMs, before, after, recorder });
        expect(report.moved).toEqual(referenceMoves(before, after, recorder));
      }),
      { seed: 103, numRuns: 150 },
    );
  });
});

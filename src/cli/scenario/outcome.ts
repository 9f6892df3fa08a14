/**
 * How a scenario run ends (`whatif`, `demo`): a warning for each step whose filter selected no
 * instances, and the exit status — 3 with --fail-on-short when any alternative left tasks short
 * or stuck (each alternative is judged on its own).
 */
import { answeredStatus, warnNothingSelected } from '../outcome.js';
import type { ScenarioResult, StepResult } from './results.js';

function warnEmptySelections(results: readonly StepResult[]): void {
  for (const r of results) {
    const selected = r.op === 'query' ? r.count : r.op === 'drain' || r.op === 'fail' ? r.instances : r.op === 'replaceInstances' ? r.replaced : undefined;
    if (selected === 0 && (r.op === 'query' || r.op === 'drain' || r.op === 'fail' || r.op === 'replaceInstances')) warnNothingSelected(`${r.path} (${r.label})`, r.filter);
    if (r.op === 'branches') for (const b of r.branches) warnEmptySelections(b.steps);
  }
}

/** Warns about empty selections; answers the exit status. */
export function scenarioStatus(result: ScenarioResult, failOnShort: boolean | undefined): number {
  warnEmptySelections(result.steps);
  return answeredStatus(failOnShort, Math.max(0, ...result.alternatives.map((a) => a.short + a.stuck)));
}

/**
 * A scenario's alternatives: the main line, and for each branch the path that runs the main line
 * up to the branches step and then that branch. Totals are taken per alternative and never added
 * across them: two branches are two answers to one question, not two halves of one answer.
 */
import type { UtilisationView } from '../format.js';
import { reasonOfServiceEvent } from '../reasons.js';
import type { StepResult } from './results.js';

/** Tasks one alternative left short or stuck, for one service (or, for a place step, one task definition). */
export interface AtRisk {
  /** `service:<name>`, or `task definition <family:revision>` for a place step's leftovers */
  readonly owner: string;
  /** the step that left them (its label) */
  readonly where: string;
  /** tasks short of desiredCount, or not placed */
  readonly tasks: number;
  readonly reason: string;
}

export interface Alternative {
  /** `main line`, or the branch's name (`outer / inner` when nested) */
  readonly name: string;
  /** utilisation at the end of this path */
  readonly after: UtilisationView;
  /** service tasks moved by drains and instance refreshes on this path */
  readonly moved: number;
  /** tasks short or not placed, per service or task definition and step */
  readonly atRisk: readonly AtRisk[];
  /** tasks left short or not placed, in all */
  readonly short: number;
  /** standalone tasks left on drained instances (ECS does not move them) */
  readonly stuck: number;
}

export const MAIN_LINE = 'main line';

function summarise(name: string, steps: readonly StepResult[], after: UtilisationView): Alternative {
  let moved = 0;
  let stuck = 0;
  const atRisk: AtRisk[] = [];
  for (const r of steps) {
    if (r.op === 'drain' || r.op === 'replaceInstances') moved += r.moved;
    if (r.op === 'drain') stuck += r.standaloneLeft;
    if (r.op === 'place' && r.unplaced > 0) atRisk.push({ owner: `task definition ${r.taskDefinitionArn.split('/').pop()}`, where: r.label, tasks: r.unplaced, reason: r.reason ?? 'no instance' });
    for (const s of r.shortfall) atRisk.push({ owner: `service:${s.service}`, where: r.label, tasks: s.missing, reason: reasonOfServiceEvent(s.reason) });
  }
  return { name, after, moved, atRisk, short: atRisk.reduce((n, a) => n + a.tasks, 0), stuck };
}

function walk(name: string, steps: readonly StepResult[], before: readonly StepResult[], after: UtilisationView): Alternative[] {
  const line = [...before];
  const branches: Alternative[] = [];
  for (const r of steps) {
    if (r.op !== 'branches') {
      line.push(r);
      continue;
    }
    for (const b of r.branches) branches.push(...walk(name === MAIN_LINE ? b.name : `${name} / ${b.name}`, b.steps, line, b.utilisation));
  }
  return [summarise(name, line, after), ...branches];
}

/** The main line (ending at `after`) first, then every branch's path, depth first in scenario order. */
export function alternativesOf(steps: readonly StepResult[], after: UtilisationView): Alternative[] {
  return walk(MAIN_LINE, steps, [], after);
}

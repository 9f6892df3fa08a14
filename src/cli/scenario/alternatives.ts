/**
 * A scenario's alternatives: the main line, and for each branch the path that runs the main line
 * up to the branches step and then that branch. Totals are taken per alternative and never added
 * across them: two branches are two answers to one question, not two halves of one answer.
 */
import type { UtilisationView } from '../format.js';
import { reasonOfServiceEvent } from '../reasons.js';
import type { Alternative, AtRisk, StepResult } from './results.js';

const MAIN_LINE = 'main line';

function summarise(name: string, steps: readonly StepResult[], after: UtilisationView): Alternative {
  let moved = 0;
  let stuck = 0;
  const atRisk: AtRisk[] = [];
  for (const r of steps) {
    if (r.op === 'drain' || r.op === 'fail' || r.op === 'replaceInstances') moved += r.moved;
    if (r.op === 'drain' || r.op === 'fail') {
      stuck += r.standaloneLeft;
      for (const s of r.stuck) {
        stuck += s.tasks;
        atRisk.push({ owner: `service:${s.service}`, where: r.label, tasks: s.tasks, reason: `stuck: ${s.reason}` });
      }
    }
    if (r.op === 'place' && r.unplaced > 0) atRisk.push({ owner: `task definition ${r.taskDefinitionArn.split('/').pop()}`, where: r.label, tasks: r.unplaced, reason: r.reason ?? 'no instance' });
    for (const s of r.shortfall) atRisk.push({ owner: `service:${s.service}`, where: r.label, tasks: s.missing, reason: reasonOfServiceEvent(s.reason) });
  }
  return { name, after, moved, atRisk, short: atRisk.filter((a) => !a.reason.startsWith('stuck: ')).reduce((n, a) => n + a.tasks, 0), stuck };
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

/**
 * Why tasks could not be placed, summarised: RunTask-style failures (one reason per instance that
 * turned the task down) tallied by reason, and the one reason to name for the task. As ECS names
 * the "closest matching" instance in service events, the reason named is the one of the stage
 * the instances got furthest through (status, agent, attributes, resources, constraints), the
 * most common one within that stage.
 */
import { placementStage } from '../placement/reasons.js';

export type ReasonTally = Record<string, number>;

export function tallyReasons(failures: readonly { reason?: string | undefined }[]): ReasonTally {
  const tally: ReasonTally = {};
  for (const f of failures) {
    const reason = f.reason ?? 'UNKNOWN';
    tally[reason] = (tally[reason] ?? 0) + 1;
  }
  return sortedTally(tally);
}

/** The same tally, largest count first (ties by name), so output is stable. */
export function sortedTally(tally: ReasonTally): ReasonTally {
  return Object.fromEntries(Object.entries(tally).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}


/** The reason of the furthest stage reached, most instances first; undefined for an empty tally. */
export function closestReason(tally: ReasonTally): string | undefined {
  let best: [string, number] | undefined;
  for (const [reason, n] of Object.entries(tally)) {
    const [s, b] = [placementStage(reason), best === undefined ? -1 : placementStage(best[0])];
    if (best === undefined || s > b || (s === b && n > best[1])) best = [reason, n];
  }
  return best?.[0];
}

/**
 * The placement reason a service event's text names ("… has insufficient memory available",
 * "… encountered error "RESOURCE:ENI"", …), or the text itself when it names none.
 */
export function reasonOfServiceEvent(text: string | undefined): string {
  if (text === undefined) return 'UNKNOWN';
  if (/insufficient memory/.test(text)) return 'RESOURCE:MEMORY';
  if (/insufficient CPU/.test(text)) return 'RESOURCE:CPU';
  if (/already using a port/.test(text)) return 'RESOURCE:PORTS';
  if (/is not ACTIVE/.test(text)) return 'STATUS';
  const quoted = /encountered error "([^"]+)"/.exec(text)?.[1];
  if (quoted === 'memberOf constraint unsatisfied') return 'CONSTRAINT:memberOf';
  if (quoted === 'distinctInstance constraint unsatisfied') return 'CONSTRAINT:distinctInstance';
  if (quoted !== undefined) return quoted;
  if (/no container instance/i.test(text)) return 'NO INSTANCE';
  return text;
}

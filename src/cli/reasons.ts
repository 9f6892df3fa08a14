/**
 * Why tasks could not be placed, summarised: RunTask-style failures (one reason per instance that
 * turned the first unplaced task down) tallied by reason, and the one reason to name for it.
 *
 * The reason named is what ran out across the cluster: among the instances that could take tasks
 * at all (ACTIVE, agent connected, with the task's attributes), the reason that turned down the
 * most of them, ties going to the later stage; only when no instance got that far, the commonest
 * reason overall. Not ECS's "closest matching instance" of service events, which names one
 * instance that got furthest: a memberOf constraint that turned down 4 instances would hide that
 * CPU turned down the other 4,000. And not the commonest reason outright: a drained Availability
 * Zone (STATUS) says nothing about why the rest of the cluster had no room.
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

/** Placement stages up to here decide whether an instance is a candidate at all (status, agent, attributes). */
const CANDIDATE_STAGES = placementStage('ATTRIBUTE');

/** The reason to name for a tally (see above); undefined for an empty tally. */
export function headlineReason(tally: ReasonTally): string | undefined {
  const entries = Object.entries(tally);
  const candidates = entries.filter(([reason]) => placementStage(reason) > CANDIDATE_STAGES);
  let best: [string, number] | undefined;
  for (const [reason, n] of candidates.length > 0 ? candidates : entries) {
    if (best === undefined || n > best[1] || (n === best[1] && placementStage(reason) > placementStage(best[0]))) best = [reason, n];
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

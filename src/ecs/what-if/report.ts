/**
 * The what-if report, one type for every what-if (drain, abrupt loss, scenario steps, sweep rows'
 * details): per service, what the change left it with at the end of the settle time — tasks
 * running, tasks short (nowhere: stopped and not replaced), tasks stuck (still RUNNING on an
 * instance leaving the cluster, each with why) — standalone tasks lost or left behind, totals by
 * reason code, the moves the scheduler made and utilisation before and after. Every task that does
 * not end up running where it should is counted once.
 *
 * A report reads what the what-if touched: the tasks on the instances it changed (the live-task
 * index of the cluster before), the tasks its fork's bus mentioned (`recorder.ts`), and those
 * tasks' services — not every task of the cluster.
 */
import type { ClusterRecord } from '../clusters/record.js';
import type { TaskRecord } from '../tasks/record.js';
import { aliveCount, summarise } from '../services/task-summary.js';
import { liveTasksOn } from '../tasks/task-index.js';
import type { ChangeRecorder } from './recorder.js';
import { causeOf, WHAT_IF_REASONS, type WhatIfCause, type WhatIfReason } from './reasons.js';
import type { UtilisationBreakdown } from './utilisation.js';
import { utilisation } from './utilisation-index.js';

export type { Utilisation, UtilisationBreakdown } from './utilisation.js';
export type { WhatIfReason } from './reasons.js';

/** Simulated time a what-if lets the service scheduler work, unless told otherwise (10 minutes). */
export const DRAIN_SETTLE_MS = 600_000;

/** A service task still RUNNING on an instance leaving the cluster when the settle time ended, and why. */
export interface StuckTask extends WhatIfCause {
  readonly taskArn: string;
  readonly containerInstanceArn: string;
}

/** What a what-if left one service with, at the end of the settle time. */
export interface ServiceOutcome {
  readonly service: string;
  readonly desiredCount: number;
  /** tasks RUNNING on ACTIVE instances and not told to stop */
  readonly running: number;
  /** tasks placed on ACTIVE instances, not yet RUNNING */
  readonly pending: number;
  /** tasks that are nowhere: desiredCount − running − pending − stuck (never below 0) */
  readonly short: number;
  /** tasks still RUNNING (or PENDING) on instances leaving the cluster (DRAINING, lost), by task ARN */
  readonly stuck: readonly StuckTask[];
  /** tasks of the service stopped on one instance and replaced on another */
  readonly moved: number;
  /** why the service is short or has stuck tasks (absent when it has neither) */
  readonly reason?: WhatIfReason;
  /** the ECS service event (or the simulator's words for a scheduler reason) */
  readonly message?: string;
}

/** Totals of a report. */
export interface WhatIfTotals {
  readonly short: number;
  readonly stuck: number;
  /** standalone tasks lost with their instances (abrupt loss) */
  readonly lost: number;
  /** standalone tasks left on drained instances (ECS does not move them) */
  readonly left: number;
  /** services with a row in the report */
  readonly services: number;
  /** of them, services short or with stuck tasks */
  readonly servicesAtRisk: number;
  /** short and stuck tasks by reason code, in `WHAT_IF_REASONS` order */
  readonly byReason: Partial<Record<WhatIfReason, number>>;
}

export interface WhatIfReport {
  /** what was done to the instances: set to DRAINING, or lost abruptly (terminated) */
  readonly what: 'drain' | 'fail';
  /** Instances the what-if changed. */
  readonly containerInstanceArns: string[];
  /** simulated time the scheduler had */
  readonly settleMs: number;
  /** One row per service the change touched (tasks on the changed instances, or moved), by name. */
  readonly services: ServiceOutcome[];
  /** Standalone tasks (no service) on the changed instances: lost with them, or left on them. */
  readonly standalone: { readonly lost: string[]; readonly left: string[] };
  readonly totals: WhatIfTotals;
  /** Service tasks stopped on one instance and started on another: the instance they left and where their replacements went. */
  readonly moved: { service: string; from: string; to: string[] }[];
  readonly utilisation: { before: UtilisationBreakdown; after: UtilisationBreakdown };
}

/** What a report is built from. */
export interface ReportInput {
  readonly what: 'drain' | 'fail';
  readonly containerInstanceArns: readonly string[];
  readonly settleMs: number;
  /** the cluster before the what-if (the original, never changed) and after (on the fork) */
  readonly before: ClusterRecord;
  readonly after: ClusterRecord;
  readonly recorder: ChangeRecorder;
}

/**
 * What one ACTIVE service has at the end of a what-if (or of any run: the benchmark reads it at the
 * end of a scenario): running, pending, short and stuck tasks and why; undefined for a service
 * that is not ACTIVE.
 * @example serviceOutcome(fork.state.clusters.get('prod')!, 'web', 0)?.short
 */
export function serviceOutcome(after: ClusterRecord, name: string, moved: number): ServiceOutcome | undefined {
  const service = after.services.peek(name);
  if (service === undefined || service.status !== 'ACTIVE') return undefined;
  // From the scheduler's summary of the service's tasks: O(its outdated and pending tasks), not O(its tasks).
  const summary = after.serviceSummaries.peek(name) ?? summarise(after, name);
  const alive = aliveCount(after, name, summary);
  // (a FARGATE task is on no instance: nothing can drain or lose it)
  const active = (t: TaskRecord) => t.containerInstanceArn === undefined || after.instances.peek(t.containerInstanceArn)?.status === 'ACTIVE';
  const stuckTasks: TaskRecord[] = [];
  for (const arn of summary.outdated) {
    const t = after.tasks.peek(arn)!;
    if (!active(t)) stuckTasks.push(t);
  }
  let pendingAlive = 0;
  let pending = 0;
  for (const arn of summary.pending) {
    const t = after.tasks.peek(arn)!;
    if (t.desiredStatus !== 'RUNNING') continue;
    pendingAlive++;
    if (active(t)) pending++;
  }
  const running = alive - stuckTasks.length - pending;
  const short = Math.max(0, service.desiredCount - running - pending - stuckTasks.length);
  const cause = short > 0 || stuckTasks.length > 0 ? causeOf(service, { alive, current: alive - summary.outdated.size, running: alive - pendingAlive }) : undefined;
  return {
    service: name,
    desiredCount: service.desiredCount,
    running,
    pending,
    short,
    stuck: stuckTasks
      .map((t) => ({ taskArn: t.arn, containerInstanceArn: t.containerInstanceArn!, reason: cause!.reason, message: cause!.message }))
      .sort((a, b) => (a.taskArn < b.taskArn ? -1 : 1)),
    moved,
    ...(cause === undefined ? {} : { reason: cause.reason, message: cause.message }),
  };
}

/** The moves the scheduler made: service tasks that were running before and were stopped, and the service's new tasks. */
function movesOf(before: ClusterRecord, after: ClusterRecord, recorder: ChangeRecorder): WhatIfReport['moved'] {
  const started = new Map<string, string[]>();
  const stopped: TaskRecord[] = [];
  for (const arn of recorder.tasks) {
    const was = before.tasks.peek(arn);
    const now = after.tasks.peek(arn);
    if (was === undefined) {
      // FARGATE tasks (no instance) are not moved by what happens to instances.
      if (now?.serviceName !== undefined && now.containerInstanceArn !== undefined && now.desiredStatus === 'RUNNING') {
        const list = started.get(now.serviceName) ?? [];
        list.push(now.containerInstanceArn!);
        started.set(now.serviceName, list);
      }
    } else if (was.serviceName !== undefined && was.containerInstanceArn !== undefined && was.desiredStatus === 'RUNNING' && now?.desiredStatus !== 'RUNNING') {
      stopped.push(was);
    }
  }
  // One entry per service and instance left, in order of first stop; each takes the service's
  // new tasks in order. (Keyed service, then instance: no joined key to build and hash per task.)
  const moves: WhatIfReport['moved'] = [];
  const byService = new Map<string, Map<string, WhatIfReport['moved'][number]>>();
  const taken = new Map<string, number>();
  for (const t of stopped) {
    const service = t.serviceName!;
    const from = t.containerInstanceArn!;
    let entries = byService.get(service);
    if (entries === undefined) byService.set(service, (entries = new Map()));
    let entry = entries.get(from);
    if (entry === undefined) {
      entries.set(from, (entry = { service, from, to: [] }));
      moves.push(entry);
    }
    const next = taken.get(service) ?? 0;
    const dest = started.get(service)?.[next];
    if (dest !== undefined) {
      entry.to.push(dest);
      taken.set(service, next + 1);
    }
  }
  return moves;
}

/** The services and standalone tasks a what-if left, with its totals: a report without its moves and utilisation. */
export interface WhatIfOutcome {
  readonly services: ServiceOutcome[];
  readonly standalone: { readonly lost: string[]; readonly left: string[] };
  readonly totals: WhatIfTotals;
}

/**
 * The rows and totals of a what-if's report; `movedByService` gives the rows' `moved` (a caller
 * that reads only totals and risks, as sweep rows and headroom do, passes none: each row's
 * `moved` is then 0, and the moves and utilisation, a third of a report, are not worked out).
 */
export function outcomeOf(input: ReportInput, movedByService: ReadonlyMap<string, number> = new Map()): WhatIfOutcome {
  const { before, after, recorder } = input;
  // What the changed instances held before: their services, and their standalone tasks.
  const touched = new Set(recorder.services);
  const standalone: TaskRecord[] = [];
  for (const arn of input.containerInstanceArns) {
    for (const t of liveTasksOn(before, arn)) {
      if (t.serviceName !== undefined) touched.add(t.serviceName);
      else if (t.desiredStatus === 'RUNNING') standalone.push(t);
    }
  }
  const services: ServiceOutcome[] = [];
  for (const name of [...touched].sort()) {
    const row = serviceOutcome(after, name, movedByService.get(name) ?? 0);
    if (row !== undefined) services.push(row);
  }
  const lost: string[] = [];
  const left: string[] = [];
  for (const t of standalone) {
    const now = after.tasks.peek(t.arn);
    if (now?.desiredStatus === 'RUNNING') left.push(t.arn);
    else lost.push(t.arn);
  }
  const byReason = new Map<WhatIfReason, number>();
  for (const s of services) {
    if (s.short > 0) byReason.set(s.reason!, (byReason.get(s.reason!) ?? 0) + s.short);
    for (const t of s.stuck) byReason.set(t.reason, (byReason.get(t.reason) ?? 0) + 1);
  }
  return {
    services,
    standalone: { lost, left },
    totals: {
      short: services.reduce((n, s) => n + s.short, 0),
      stuck: services.reduce((n, s) => n + s.stuck.length, 0),
      lost: lost.length,
      left: left.length,
      services: services.length,
      servicesAtRisk: services.filter((s) => s.short > 0 || s.stuck.length > 0).length,
      byReason: Object.fromEntries(WHAT_IF_REASONS.filter((r) => byReason.has(r)).map((r) => [r, byReason.get(r)!])),
    },
  };
}

/** The report of a what-if that ran on a fork (`after`) of `before`. */
export function buildReport(input: ReportInput): WhatIfReport {
  const { before, after, recorder } = input;
  const moved = movesOf(before, after, recorder);
  const movedByService = new Map<string, number>();
  for (const m of moved) movedByService.set(m.service, (movedByService.get(m.service) ?? 0) + m.to.length);
  const { services, standalone, totals } = outcomeOf(input, movedByService);
  return {
    what: input.what,
    containerInstanceArns: [...input.containerInstanceArns],
    settleMs: input.settleMs,
    services,
    standalone,
    totals,
    moved,
    utilisation: { before: utilisation(before), after: utilisation(after) },
  };
}

/**
 * Why a what-if leaves a service task short or stuck, as data: a placement reason code (the
 * closest matching instance's, as ECS names it in the service event), or one of the reasons
 * that are not placement's — the deployment configuration holding a task where it is, no
 * container instance to consider at all, or the settle time running out first. The ECS message
 * goes beside the code (`WhatIfCause.message`), never instead of it.
 */
import { REJECTION_REASONS, type RejectionReason } from '../../placement/reasons.js';
import type { ServiceRecord } from '../services/record.js';

/** Reasons of a what-if beyond placement's. */
export const SCHEDULER_REASONS = [
  /** no container instance was there to consider (the service event names none) */
  'NO_CONTAINER_INSTANCE',
  /** the replacement may not start yet: maximumPercent caps the service's tasks */
  'DEPLOYMENT:maximumPercent',
  /** the task may not stop yet: minimumHealthyPercent needs it RUNNING */
  'DEPLOYMENT:minimumHealthyPercent',
  /** the scheduler had not finished when the settle time ended */
  'SETTLING',
] as const;

/**
 * A reason code of a what-if report: a placement reason (`RESOURCE:MEMORY`,
 * `CONSTRAINT:memberOf`, ...) or a scheduler reason (`DEPLOYMENT:minimumHealthyPercent`, ...).
 *
 * @example
 * const why: WhatIfReason = 'CONSTRAINT:memberOf';
 */
export type WhatIfReason = RejectionReason | (typeof SCHEDULER_REASONS)[number];

/** Every what-if reason, placement's in stage order first: the order of report totals. */
export const WHAT_IF_REASONS: readonly WhatIfReason[] = Object.freeze([...REJECTION_REASONS, ...SCHEDULER_REASONS]);

/** A reason code with the message ECS (or, for scheduler reasons, the simulator) gives for it. */
export interface WhatIfCause {
  readonly reason: WhatIfReason;
  readonly message: string;
}

/** What a service's tasks amount to at the end of a what-if (see `causeOf`). */
export interface ServiceTally {
  /** tasks not told to stop */
  readonly alive: number;
  /** of them, on ACTIVE instances and of the service's task definition */
  readonly current: number;
  /** of them, RUNNING (anywhere) */
  readonly running: number;
}

/**
 * Why a service is short of tasks or has tasks stuck on instances leaving the cluster: its last
 * placement failure when it has one (the reason of the closest matching instance, and ECS's
 * service event), else what its deployment configuration allows, else time.
 */
export function causeOf(service: ServiceRecord, tally: ServiceTally): WhatIfCause {
  const name = `(service ${service.name})`;
  if (service.lastFailure !== undefined) {
    return { reason: service.lastFailureReason ?? 'NO_CONTAINER_INSTANCE', message: service.lastFailure };
  }
  const desired = service.desiredCount;
  const maxTotal = Math.floor((desired * service.maximumPercent) / 100);
  if (tally.current < desired && tally.alive >= maxTotal) {
    return {
      reason: 'DEPLOYMENT:maximumPercent',
      message: `${name} cannot start a replacement: maximumPercent ${service.maximumPercent} allows ${maxTotal} tasks for desiredCount ${desired}, and ${tally.alive} are not stopped.`,
    };
  }
  const minHealthy = Math.ceil((desired * service.minimumHealthyPercent) / 100);
  if (tally.running <= minHealthy) {
    return {
      reason: 'DEPLOYMENT:minimumHealthyPercent',
      message: `${name} cannot stop a task to move it: minimumHealthyPercent ${service.minimumHealthyPercent} keeps ${minHealthy} of desiredCount ${desired} RUNNING, and ${tally.running} are.`,
    };
  }
  return { reason: 'SETTLING', message: `${name} had not finished moving its tasks when the settle time ended.` };
}

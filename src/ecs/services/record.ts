/** The record of a (REPLICA) service: its configuration and its event log. */
import type { PlacementConstraint, PlacementStrategy, RejectionReason } from '../../placement/types.js';
import type { Tag } from '../../shapes.js';

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  readonly name: string;
  readonly arn: string;
  readonly clusterName: string;
  taskDefinitionArn: string;
  desiredCount: number;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  minimumHealthyPercent: number;
  maximumPercent: number;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  readonly createdAt: number;
  readonly longTaskArns: boolean;
  /** newest first, at most 100 */
  events: ServiceEvent[];
  tags: Tag[];
  /** the last placement failure reported, so the same one is not repeated every pass */
  lastFailure: string | undefined;
  /**
   * Its reason as data: the closest matching instance's reason code (undefined with the failure
   * when no instance was considered at all, or with no failure). Absent in older snapshots.
   */
  lastFailureReason?: RejectionReason | undefined;
}

/**
 * A copy of a service record for a fork's side: its lists and tags are its own; events and
 * placement entries are never changed in place, so those objects stay shared (a structuredClone of
 * every service made forks of loaded datasets cost milliseconds).
 */
export function cloneService(s: ServiceRecord): ServiceRecord {
  return {
    ...s,
    placementConstraints: [...s.placementConstraints],
    placementStrategy: [...s.placementStrategy],
    events: [...s.events],
    tags: s.tags.map((t) => ({ ...t })),
  };
}

/** What the scheduler keeps about a service's live tasks between passes (`task-summary.ts`): sets of task ARNs. */
export interface ServiceTaskSummary {
  /** told to stop, not yet STOPPED */
  readonly stopping: Set<string>;
  /** placed, not yet RUNNING nor STOPPED */
  readonly pending: Set<string>;
  /** not told to stop, on an instance that is not ACTIVE or of another task definition than the service's */
  readonly outdated: Set<string>;
}

/** A fork's own copy of a summary. */
export function copySummary(s: ServiceTaskSummary): ServiceTaskSummary {
  return { stopping: new Set(s.stopping), pending: new Set(s.pending), outdated: new Set(s.outdated) };
}

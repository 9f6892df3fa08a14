/** The record of a (REPLICA) service: its configuration and its event log. */
import type { PlacementConstraint, PlacementStrategy } from '../../placement/types.js';
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

/**
 * Service shortfall: per ACTIVE service whose last placement attempt failed, how many tasks it is
 * short of desiredCount (tasks not yet told to stop, as the what-if reports count them) and the
 * failure. A service short only because the scheduler has not run yet (just created or
 * scaled up) is not short of anything. Taken before and after a step, the growth is what the
 * step left unplaced — a service already short before the step is not counted twice.
 */
import type { EcsSimulator } from '../../protocol/simulator.js';

export interface Shortfall {
  readonly service: string;
  readonly missing: number;
  /** the service event that says why (ECS text) */
  readonly reason: string | undefined;
}

export function serviceShortfall(sim: EcsSimulator, cluster: string): Map<string, Shortfall> {
  const record = sim.state.clusters.get(cluster)!;
  const running = new Map<string, number>();
  for (const t of record.tasks.values()) {
    if (t.serviceName !== undefined && t.desiredStatus === 'RUNNING') running.set(t.serviceName, (running.get(t.serviceName) ?? 0) + 1);
  }
  const out = new Map<string, Shortfall>();
  for (const s of record.services.values()) {
    if (s.status !== 'ACTIVE' || s.lastFailure === undefined) continue;
    const missing = Math.max(0, s.desiredCount - (running.get(s.name) ?? 0));
    if (missing > 0) out.set(s.name, { service: s.name, missing, reason: s.lastFailure });
  }
  return out;
}

/** Services shorter after than before, by how much more, sorted by name. */
export function newShortfall(before: ReadonlyMap<string, Shortfall>, after: ReadonlyMap<string, Shortfall>): Shortfall[] {
  const out: Shortfall[] = [];
  for (const [name, s] of after) {
    const grew = s.missing - (before.get(name)?.missing ?? 0);
    if (grew > 0) out.push({ service: name, missing: grew, reason: s.reason });
  }
  return out.sort((a, b) => a.service.localeCompare(b.service));
}

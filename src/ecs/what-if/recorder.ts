/**
 * What a what-if changed, noted as it happens: every task the fork's event bus mentions (placed,
 * told to stop, RUNNING, STOPPED) and its service. The report reads these tasks only, so it costs
 * what the what-if changed rather than the cluster's size.
 */
import type { SimState } from '../state/state.js';

export interface ChangeRecorder {
  /** task ARNs mentioned by the bus, first mention first */
  readonly tasks: Set<string>;
  /** services of those tasks */
  readonly services: Set<string>;
  /** Stops listening. */
  stop(): void;
}

/** Listens to `state`'s bus for `cluster`'s task events until `stop()`. */
export function recordChanges(state: SimState, cluster: string): ChangeRecorder {
  const tasks = new Set<string>();
  const services = new Set<string>();
  const stop = state.events.subscribe((e) => {
    if (e.kind !== 'task-state-change' || e.cluster !== cluster) return;
    tasks.add(e.taskArn);
    if (e.serviceName !== undefined) services.add(e.serviceName);
  });
  return { tasks, services, stop };
}

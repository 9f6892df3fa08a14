/**
 * How a state reacts: what each scheduled event does when the simulated clock reaches it, and who
 * listens on the state's event bus. Every state — new, restored or forked — is put together here,
 * so a fork's clock and subscriptions act on the fork and never on the state it came from.
 */
import { CowMap } from '../../collections/cow-map.js';
import { Journal } from '../../collections/journal.js';
import { SimClock, type ScheduledEvent } from '../../sim/clock.js';
import { attachJournal, copyClusterRecord, type ClusterRecord } from '../clusters/record.js';
import { AGENT_UPDATE_EVENT, onAgentUpdateStep } from '../container-instances/agent.js';
import { onTrunkProvisioned, onTrunkReleased } from '../container-instances/trunking.js';
import { onReconcile, subscribeScheduler } from '../services/scheduler.js';
import { onTaskExpired, onTaskStarted, onTaskStopped } from '../tasks/lifecycle.js';
import { EventBus } from './events.js';
import type { SimState } from './state.js';

type Handler = (state: SimState, payload: ScheduledEvent['payload']) => void;

export const EVENT_HANDLERS: Readonly<Record<string, Handler>> = {
  'trunk-provisioned': (state, p) => onTrunkProvisioned(state, String(p['cluster']), String(p['arn'])),
  'trunk-released': (state, p) => onTrunkReleased(state, String(p['cluster']), String(p['arn'])),
  'task-started': (state, p) => onTaskStarted(state, String(p['cluster']), String(p['arn'])),
  'task-stopped': (state, p) => onTaskStopped(state, String(p['cluster']), String(p['arn'])),
  'task-expired': (state, p) => onTaskExpired(state, String(p['cluster']), String(p['arn'])),
  'services-reconcile': (state, p) => onReconcile(state, String(p['cluster'])),
  [AGENT_UPDATE_EVENT]: (state, p) => onAgentUpdateStep(state, String(p['cluster']), String(p['arn']), String(p['from'])),
};

export function dispatchEvent(state: SimState, event: ScheduledEvent): void {
  const handler = EVENT_HANDLERS[event.kind];
  if (handler === undefined) throw new Error(`no handler for scheduled event '${event.kind}'`);
  handler(state, event.payload);
}

/** What a state is made of, before it is wired: its maps as entries (the state makes them journaled maps). */
export interface StateParts extends Omit<SimState, 'clock' | 'events' | 'journal' | 'clusters' | 'settings' | 'faults'> {
  readonly clusters: Iterable<readonly [string, ClusterRecord]>;
  readonly settings: Iterable<readonly [string, Map<string, string>]>;
  readonly faults: Iterable<readonly [string, number]>;
}

/**
 * A state of these parts, its clock at `now` (with nothing scheduled), its own event bus, the
 * service scheduler subscribed to it, and its own journal attached to everything it holds.
 */
export function wireState(parts: StateParts, now: number): SimState {
  const journal = new Journal();
  const state: SimState = {
    ...parts,
    clusters: new CowMap(parts.clusters, copyClusterRecord),
    settings: new CowMap(parts.settings, (m) => new Map(m)),
    faults: new CowMap(parts.faults),
    clock: new SimClock(now, (e) => dispatchEvent(state, e)),
    events: new EventBus(),
    journal,
  };
  for (const journaled of [state.clusters, state.settings, state.faults, state.clock, state.random, state.taskDefinitions]) journaled.useJournal(journal);
  for (const cluster of state.clusters.values()) attachJournal(cluster, journal);
  subscribeScheduler(state);
  return state;
}

/**
 * How a state reacts: what each scheduled event does when the simulated clock reaches it, and who
 * listens on the state's event bus. Every state — new, restored or forked — is put together here,
 * so a fork's clock and subscriptions act on the fork and never on the state it came from.
 */
import { SimClock, type ScheduledEvent } from '../../sim/clock.js';
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

/**
 * A state of these parts, its clock at `now` (with nothing scheduled), its own event bus, and the
 * service scheduler subscribed to it.
 */
export function wireState(parts: Omit<SimState, 'clock' | 'events'>, now: number): SimState {
  const state: SimState = { ...parts, clock: new SimClock(now, (e) => dispatchEvent(state, e)), events: new EventBus() };
  subscribeScheduler(state);
  return state;
}

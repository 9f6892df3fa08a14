/**
 * What scheduled events do when the simulated clock reaches them: one handler per kind.
 */
import type { ScheduledEvent } from '../../sim/clock.js';
import { AGENT_UPDATE_EVENT, onAgentUpdateStep } from '../container-instances/agent.js';
import type { SimState } from './state.js';
import { onTrunkProvisioned, onTrunkReleased } from '../container-instances/trunking.js';
import { onTaskExpired, onTaskStarted, onTaskStopped } from '../tasks/lifecycle.js';
import { onReconcile } from '../services/scheduler.js';

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

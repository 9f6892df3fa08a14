/**
 * The container agent as ECS sees it (reference §3.11): whether it is connected, and the stages
 * an agent update goes through on the simulated clock. Also what the container-instance
 * operations of this group share: the single-instance lookup (DeregisterContainerInstance,
 * UpdateContainerAgent) and the answer shape of an instance typed as precisely as the SDK's.
 *
 * An update moves PENDING → STAGING → STAGED → UPDATING → UPDATED, one stage every
 * AGENT_UPDATE_STEP_MS, only while the agent is connected and the instance is ACTIVE or
 * DRAINING. A disconnected agent's update stays in its stage; `setAgentConnection(..., true)`
 * resumes it (the interrupted stage starts over). An `agent-update-failure` fault makes the
 * next update that finishes STAGING go to FAILED instead of STAGED (the download/verification
 * failure of §3.11).
 */
import { readVersion } from '../../cql/index.js';
import { ClientException, cut, InvalidParameterException, ServerException } from '../../errors.js';
import type { ContainerInstance } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import type { ClusterRecord } from '../clusters/record.js';
import type { SimState } from '../state/state.js';
import { describeInstance, findInstance, touch } from './instances.js';
import type { InstanceRecord } from './record.js';

/** `agentUpdateStatus` values (the AgentUpdateStatus enum of the API). */
export const AGENT_UPDATE_STATUSES = ['PENDING', 'STAGING', 'STAGED', 'UPDATING', 'UPDATED', 'FAILED'] as const;
export type AgentUpdateStatus = (typeof AGENT_UPDATE_STATUSES)[number];

/**
 * The answer shape of a record (see describeInstance), checked at run time against the API's
 * enums (a record loaded from a snapshot or a describe output keeps what it was given).
 */
export function instanceOutput(cluster: ClusterRecord, record: InstanceRecord, includeTags: boolean): ContainerInstance {
  const out = describeInstance(cluster, record, includeTags);
  if (out.agentUpdateStatus !== undefined && !(AGENT_UPDATE_STATUSES as readonly string[]).includes(out.agentUpdateStatus)) {
    throw new ServerException(`container instance ${record.arn} has agentUpdateStatus '${out.agentUpdateStatus}', not an AgentUpdateStatus`);
  }
  for (const a of out.attributes ?? []) {
    if (a.targetType !== undefined && a.targetType !== 'container-instance') {
      throw new ServerException(`container instance ${record.arn} has attribute ${a.name} with targetType '${a.targetType}'`);
    }
  }
  return out;
}

/** The stages of an update in progress (UpdateContainerAgent answers UpdateInProgressException). */
export const AGENT_UPDATE_IN_PROGRESS: readonly string[] = ['PENDING', 'STAGING', 'STAGED', 'UPDATING'];

/** Simulated time each stage of an agent update takes. */
export const AGENT_UPDATE_STEP_MS = 5_000;

/** Scheduled-event kind of one agent update stage ending. */
export const AGENT_UPDATE_EVENT = 'agent-update-step';

const NEXT_STAGE: Readonly<Record<string, AgentUpdateStatus>> = {
  PENDING: 'STAGING',
  STAGING: 'STAGED',
  STAGED: 'UPDATING',
  UPDATING: 'UPDATED',
};

/** Instance statuses in which an agent update proceeds. */
const UPDATE_PROCEEDS_IN = ['ACTIVE', 'DRAINING'];

/**
 * The instance `reference` names in `cluster`. A malformed reference is an
 * InvalidParameterException (from findInstance); one that names nothing, or an INACTIVE
 * instance when `allowInactive` is false, is a ClientException.
 */
export function requireInstance(cluster: ClusterRecord, reference: string, allowInactive: boolean): InstanceRecord {
  const record = findInstance(cluster, reference);
  if (record === null) {
    throw new ClientException(`The referenced container instance ${cut(reference)} was not found in cluster ${cluster.name}.`);
  }
  if (!allowInactive && record.status === 'INACTIVE') {
    throw new ClientException(`Container instance ${record.id} is inactive.`);
  }
  return record;
}

/** The newest agent version, parsed (the simulator option `latestAgentVersion`). */
export function latestAgentVersion(state: SimState): { text: string; parts: readonly number[] } {
  const text = state.options.latestAgentVersion;
  const parts = readVersion(text);
  if (parts === null) {
    throw new InvalidParameterException(`latestAgentVersion: '${text}' is not a version (digits separated by dots)`);
  }
  return { text, parts };
}

function scheduleStage(state: SimState, cluster: ClusterRecord, record: InstanceRecord): void {
  state.clock.schedule(AGENT_UPDATE_STEP_MS, AGENT_UPDATE_EVENT, { cluster: cluster.name, arn: record.arn, from: record.agentUpdateStatus ?? '' });
}

/** Starts an update: PENDING now, the next stages on the clock (once the agent is connected). */
export function startAgentUpdate(state: SimState, cluster: ClusterRecord, record: InstanceRecord): void {
  record.agentUpdateStatus = 'PENDING';
  touch(record);
  if (record.agentConnected) scheduleStage(state, cluster, record);
}

/**
 * Schedules the end of the current stage of an update in progress, unless one is already
 * scheduled (a disconnect that ended before the stage did loses nothing).
 */
export function resumeAgentUpdate(state: SimState, cluster: ClusterRecord, record: InstanceRecord): void {
  const stage = record.agentUpdateStatus;
  if (stage === undefined || !AGENT_UPDATE_IN_PROGRESS.includes(stage)) return;
  if (!record.agentConnected || !UPDATE_PROCEEDS_IN.includes(record.status)) return;
  const scheduled = state.clock
    .pending()
    .some((e) => e.kind === AGENT_UPDATE_EVENT && e.payload['cluster'] === cluster.name && e.payload['arn'] === record.arn && e.payload['from'] === stage);
  if (!scheduled) scheduleStage(state, cluster, record);
}

/**
 * A stage of an agent update ends (scheduled event `agent-update-step`). Stale events (the
 * instance moved on, or is gone) do nothing; so does one for a disconnected agent or an instance
 * that is no longer ACTIVE or DRAINING: the update waits in its stage.
 */
export function onAgentUpdateStep(state: SimState, clusterName: string, arn: string, from: string): void {
  const cluster = state.clusters.get(clusterName);
  const record = cluster?.instances.get(arn);
  if (cluster === undefined || record === undefined || record.agentUpdateStatus !== from) return;
  if (!record.agentConnected || !UPDATE_PROCEEDS_IN.includes(record.status)) return;
  const next = NEXT_STAGE[from];
  if (next === undefined) return;
  if (from === 'STAGING') {
    const failures = state.faults.get('agent-update-failure') ?? 0;
    if (failures > 0) {
      state.faults.set('agent-update-failure', failures - 1);
      record.agentUpdateStatus = 'FAILED';
      touch(record);
      return;
    }
  }
  record.agentUpdateStatus = next;
  if (next === 'UPDATED') {
    // The new agent reports in: its version is the latest; a build hash, if the old agent
    // reported one, is the new build's.
    const latest = latestAgentVersion(state).text;
    record.versionInfo = {
      ...record.versionInfo,
      agentVersion: latest,
      ...(record.versionInfo.agentHash === undefined ? {} : { agentHash: state.random.hex(8) }),
    };
    cluster.store.setAgentVersion(arn, latest);
  }
  touch(record);
  if (next !== 'UPDATED') scheduleStage(state, cluster, record);
}

/**
 * Connects or disconnects an instance's agent (a control for tests and harnesses; in ECS the
 * agent's own websocket decides). A change bumps `version`; reconnecting resumes an interrupted
 * agent update. Setting the current value changes nothing. Works in every status, INACTIVE
 * included (an agent may keep running after deregistration).
 */
export function setAgentConnection(state: SimState, clusterReference: unknown, reference: unknown, connected: unknown): ContainerInstance {
  if (typeof clusterReference !== 'string') throw new InvalidParameterException('setAgentConnection: cluster must be a string');
  if (typeof reference !== 'string' || reference === '') throw new InvalidParameterException('setAgentConnection: containerInstance must be a non-empty string');
  if (typeof connected !== 'boolean') throw new InvalidParameterException('setAgentConnection: connected must be a boolean');
  const cluster = clusterFor(state, { cluster: clusterReference });
  const record = requireInstance(cluster, reference, true);
  if (record.agentConnected !== connected) {
    record.agentConnected = connected;
    cluster.store.setAgentConnected(record.arn, connected);
    touch(record);
    if (connected) resumeAgentUpdate(state, cluster, record);
  }
  return instanceOutput(cluster, record, false);
}

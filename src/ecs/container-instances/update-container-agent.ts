/**
 * UpdateContainerAgent (reference §3.11): starts an agent update on one container instance.
 * The answer carries `agentUpdateStatus: PENDING`; the later stages happen on the simulated
 * clock (see agent.ts).
 *
 * Checks, in order (the first that fails decides the error):
 * - unknown instance → ClientException; INACTIVE → ClientException "Container instance <id> is inactive.";
 * - REGISTERING, REGISTRATION_FAILED, DEREGISTERING → ClientException (only ACTIVE and DRAINING
 *   instances run an agent ECS can update; DRAINING is allowed, it is the usual maintenance state);
 * - `ecs.os-type` windows or `ecs.cpu-architecture` arm64 → ClientException (the API is only for
 *   Linux x86 ECS-optimized AMIs with ecs-init);
 * - an update in progress (PENDING, STAGING, STAGED, UPDATING) → UpdateInProgressException;
 * - `versionInfo.agentVersion` missing or not a dotted version → MissingVersionException;
 * - `agentVersion` ≥ `latestAgentVersion` → NoUpdateAvailableException.
 * A disconnected agent is accepted: the update stays PENDING until the agent reconnects.
 */
import { ClientException, MissingVersionException, NoUpdateAvailableException, UpdateInProgressException } from '../../errors.js';
import { compareVersions, readVersion } from '../../cql/index.js';
import type { UpdateContainerAgentRequest, UpdateContainerAgentResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { AGENT_UPDATE_IN_PROGRESS, instanceOutput, latestAgentVersion, requireInstance, startAgentUpdate } from './agent.js';
import type { InstanceRecord } from './record.js';

function attribute(record: InstanceRecord, name: string): string | undefined {
  return record.attributes.find((a) => a.name === name)?.value;
}

/** @example sim.updateContainerAgent({ cluster: 'prod', containerInstance: id }) // → { containerInstance: { agentUpdateStatus: 'PENDING', ... } } */
export const updateContainerAgent = operation({ name: 'UpdateContainerAgent', mutates: true, handler });

function handler(state: SimState, request: UpdateContainerAgentRequest): UpdateContainerAgentResponse {
  const input = requestObject(request, 'UpdateContainerAgent');
  const cluster = clusterFor(state, input);
  const reference = requiredString(input, 'containerInstance');
  const record = requireInstance(cluster, reference, false);

  if (record.status !== 'ACTIVE' && record.status !== 'DRAINING') {
    throw new ClientException(`Container instance ${record.id} is ${record.status}; the agent can only be updated on ACTIVE or DRAINING container instances.`);
  }
  if (attribute(record, 'ecs.os-type')?.toLowerCase() === 'windows') {
    throw new ClientException(`Container instance ${record.id} runs Windows; UpdateContainerAgent only updates agents on Linux instances with ecs-init. Update the agent on the instance itself.`);
  }
  if (attribute(record, 'ecs.cpu-architecture') === 'arm64') {
    throw new ClientException(`Container instance ${record.id} is arm64; UpdateContainerAgent is not supported on the arm64 ECS-optimized AMI. Update the agent on the instance itself.`);
  }
  if (record.agentUpdateStatus !== undefined && AGENT_UPDATE_IN_PROGRESS.includes(record.agentUpdateStatus)) {
    throw new UpdateInProgressException(
      `There is already an agent update in progress on container instance ${record.id} (agentUpdateStatus ${record.agentUpdateStatus}).`,
    );
  }
  const current = record.versionInfo.agentVersion;
  const parts = current === undefined ? null : readVersion(current);
  if (current === undefined || parts === null) {
    throw new MissingVersionException(
      `Amazon ECS cannot determine the current version of the container agent on container instance ${record.id}` +
        `${current === undefined ? '' : ` (reported '${current}')`} and cannot update it.`,
    );
  }
  const latest = latestAgentVersion(state);
  if (compareVersions(parts, latest.parts) >= 0) {
    throw new NoUpdateAvailableException(
      `There is no update available for the container agent on container instance ${record.id}: it runs ${current}, the latest is ${latest.text}.`,
    );
  }

  startAgentUpdate(state, cluster, record);
  return { containerInstance: instanceOutput(cluster, record, true) };
}

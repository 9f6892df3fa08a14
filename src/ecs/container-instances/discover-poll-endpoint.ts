/**
 * DiscoverPollEndpoint (agent-only): where the container agent of this region should poll for
 * work and send telemetry — `https://ecs-a-1.<region>.amazonaws.com/` and
 * `https://ecs-t-1.<region>.amazonaws.com/`, the form ECS answers with (the number is a shard;
 * the simulator has one). A cluster or container instance named must exist (ClientException, the
 * only client error the operation declares); an agent asks before it registers, so neither is
 * required.
 */
import { ClientException, EcsError, quote } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { DiscoverPollEndpointRequest, DiscoverPollEndpointResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import type { ClusterRecord } from '../clusters/record.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { findInstance } from './instances.js';

/** @example sim.discoverPollEndpoint({ cluster: 'prod' }) // → { endpoint: 'https://ecs-a-1.us-east-1.amazonaws.com/', telemetryEndpoint: 'https://ecs-t-1.us-east-1.amazonaws.com/' } */
export const discoverPollEndpoint = operation({ name: 'DiscoverPollEndpoint', mutates: false, handler });

function handler(state: SimState, request: DiscoverPollEndpointRequest): DiscoverPollEndpointResponse {
  const input = validateRequest('DiscoverPollEndpoint', request);
  if (input.cluster !== undefined || input.containerInstance !== undefined) {
    let cluster: ClusterRecord;
    try {
      cluster = clusterFor(state, { cluster: input.cluster });
    } catch (e) {
      throw e instanceof EcsError && e.name === 'ClusterNotFoundException' ? new ClientException(`Cluster not found: ${quote(input.cluster ?? 'default')}.`) : e;
    }
    if (input.containerInstance !== undefined && findInstance(cluster, input.containerInstance) === null) {
      throw new ClientException(`The referenced container instance was not found: ${quote(input.containerInstance)}.`);
    }
  }
  const region = state.ctx.region;
  return { endpoint: `https://ecs-a-1.${region}.amazonaws.com/`, telemetryEndpoint: `https://ecs-t-1.${region}.amazonaws.com/` };
}

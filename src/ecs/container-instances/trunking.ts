/**
 * ENI trunking (reference §2.5.6, §3.2): which instances get a trunk ENI, and the asynchronous
 * steps that provision it at registration and release it at deregistration.
 */
import { setStatus } from './instances.js';
import type { SimState } from '../state/state.js';

/** Simulated time from registration until the trunk ENI is attached. */
export const TRUNK_PROVISIONING_MS = 30_000;
/** Simulated time from deregistration until the trunk ENI is released. */
export const TRUNK_RELEASE_MS = 30_000;

export { trunkSupported } from '../../resources/eni-limits.js';

/** The failure ECS reports when the trunk ENI cannot be created (observed text, §3.2). */
export function trunkFailureReason(subnet: string): string {
  return `Unexpected EC2 error while attempting to Create Network Interface in subnet '${subnet}': InvalidParameterValue`;
}

/** The trunk ENI is ready (or failed, if a `trunk-failure` fault was injected). */
export function onTrunkProvisioned(state: SimState, clusterName: string, arn: string): void {
  const cluster = state.clusters.get(clusterName);
  const record = cluster?.instances.get(arn);
  if (cluster === undefined || record === undefined || record.status !== 'REGISTERING') return;
  const attachment = record.attachments.find((a) => a.type === 'ElasticNetworkInterface');
  const failures = state.faults.get('trunk-failure') ?? 0;
  if (failures > 0) {
    state.faults.set('trunk-failure', failures - 1);
    // FAILED is not an attachment status of the 2019 API; the failed trunk ENI is gone.
    if (attachment) attachment.status = 'DELETED';
    setStatus(state, cluster, record, 'REGISTRATION_FAILED', trunkFailureReason(`subnet-${state.random.hex(17)}`));
    return;
  }
  const eni = `eni-${state.random.hex(17)}`;
  if (attachment) {
    attachment.status = 'ATTACHED';
    attachment.details = [
      { name: 'networkInterfaceId', value: eni },
      { name: 'subnetId', value: `subnet-${state.random.hex(17)}` },
    ];
  }
  record.attributes.push({ name: 'ecs.awsvpc-trunk-id', value: eni });
  cluster.store.putAttribute(arn, 'ecs.awsvpc-trunk-id', eni);
  setStatus(state, cluster, record, 'ACTIVE');
}

/** The trunk ENI of a deregistered instance is released: DEREGISTERING → INACTIVE. */
export function onTrunkReleased(state: SimState, clusterName: string, arn: string): void {
  const cluster = state.clusters.get(clusterName);
  const record = cluster?.instances.get(arn);
  if (cluster === undefined || record === undefined || record.status !== 'DEREGISTERING') return;
  for (const a of record.attachments) if (a.type === 'ElasticNetworkInterface') a.status = 'DELETED';
  setStatus(state, cluster, record, 'INACTIVE');
}

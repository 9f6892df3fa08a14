/**
 * Container instances within a cluster: finding one by id or ARN, the DescribeContainerInstances
 * shape of a record, and keeping the cluster store (what CQL queries) in step with the records.
 * Status changes are told to the state's event bus (`setStatus`).
 */
import { cut, InvalidParameterException } from '../../errors.js';
import type { ContainerInstance, Resource } from '../../shapes.js';
import { eniTaskLimit } from '../../resources/eni-limits.js';
import type { ClusterRecord } from '../clusters/record.js';
import { containerInstanceArn, containerInstanceIdOf } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import type { InstanceRecord, PlatformDevice } from './record.js';

/** The statuses ListContainerInstances and UpdateContainerInstancesState accept (no INACTIVE). */
export const CONTAINER_INSTANCE_STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'] as const;

/**
 * The record a reference (id, short or long ARN) names in `cluster`, or null. A long ARN of
 * another cluster names nothing here. The record is this side's own (copied after a fork), so
 * the caller may change it; `peekInstance` is the same lookup for callers that only read.
 */
export function findInstance(cluster: ClusterRecord, reference: string): InstanceRecord | null {
  const found = peekInstance(cluster, reference);
  return found === null ? null : cluster.instances.get(found.arn)!;
}

/** `findInstance` for reading: the record may be shared with a fork, so it must not be changed. */
export function peekInstance(cluster: ClusterRecord, reference: string): InstanceRecord | null {
  const parsed = containerInstanceIdOf(reference);
  if (parsed === null) {
    throw new InvalidParameterException(`'${cut(reference)}' is neither a container instance id nor a container instance ARN`);
  }
  if (parsed.clusterName !== null && parsed.clusterName !== cluster.name) return null;
  const arn = cluster.arnById.peek(parsed.id);
  if (arn === undefined) return null;
  const record = cluster.instances.peek(arn)!;
  // A full ARN must be this instance's own (long or short) ARN.
  if (reference.startsWith('arn:') && reference !== record.arn) return null;
  return record;
}

/** The ARN ECS reports for a reference that names nothing (DescribeContainerInstances failures). */
export function missingArn(state: SimState, cluster: ClusterRecord, reference: string): string {
  if (reference.startsWith('arn:')) return reference;
  return containerInstanceArn(state.ctx, cluster.name, reference, true);
}

/** A Resource with every numeric member present, as ECS answers them. */
export function fullResource(r: Resource): Resource {
  const out: Resource = {
    name: r.name,
    type: r.type,
    doubleValue: r.doubleValue ?? 0,
    longValue: r.longValue ?? 0,
    integerValue: r.integerValue ?? 0,
  };
  if (r.type === 'STRINGSET') out.stringSetValue = [...(r.stringSetValue ?? [])];
  return out;
}

/** The DescribeContainerInstances shape of a record (tags only when asked for). */
export function describeInstance(cluster: ClusterRecord, record: InstanceRecord, includeTags: boolean): ContainerInstance {
  const slot = cluster.store.has(record.arn) ? cluster.store.slotOf(record.arn) : -1;
  const out: ContainerInstance = {
    containerInstanceArn: record.arn,
    ...(record.ec2InstanceId === undefined ? {} : { ec2InstanceId: record.ec2InstanceId }),
    version: record.version,
    versionInfo: { ...record.versionInfo },
    remainingResources: slot >= 0 && cluster.accountant.has(slot) ? cluster.accountant.remainingResources(slot) : record.registeredResources.map(fullResource),
    registeredResources: record.registeredResources.map(fullResource),
    status: record.status,
    ...(record.statusReason === undefined ? {} : { statusReason: record.statusReason }),
    agentConnected: record.agentConnected,
    runningTasksCount: record.runningTasksCount,
    pendingTasksCount: record.pendingTasksCount,
    ...(record.agentUpdateStatus === undefined ? {} : { agentUpdateStatus: record.agentUpdateStatus }),
    attributes: record.attributes.map((a) => ({ ...a })),
    registeredAt: new Date(record.registeredAt),
    attachments: record.attachments.map((a) => ({ ...a, details: (a.details ?? []).map((d) => ({ ...d })) })),
  };
  if (includeTags) out.tags = record.tags.map((t) => ({ ...t }));
  return out;
}

/** What the cluster store indexes of a record. */
export function storeView(record: InstanceRecord): ContainerInstance {
  return {
    containerInstanceArn: record.arn,
    ec2InstanceId: record.ec2InstanceId,
    status: record.status,
    agentConnected: record.agentConnected,
    versionInfo: record.versionInfo,
    runningTasksCount: record.runningTasksCount,
    pendingTasksCount: record.pendingTasksCount,
    registeredAt: new Date(record.registeredAt),
    attributes: record.attributes,
  };
}

/**
 * Adds a record to a cluster: the record map, the id index, the store and the accountant (with
 * the record's unattributed use held, when a loaded dump gave it one).
 */
export function addInstance(cluster: ClusterRecord, record: InstanceRecord): void {
  addInstances(cluster, [record]);
}

/**
 * {@link addInstance} of many records at once, in order (loading a dump or a snapshot: the store
 * registers them in bulk); `before(i)` is told before the i-th record's resources are accounted
 * (where a refusal is reported). Returns their slots.
 *
 * @example
 * const slots = addInstances(cluster, records, (i) => (path = `instances[${i}]`));
 */
export function addInstances(cluster: ClusterRecord, records: readonly InstanceRecord[], before?: (index: number) => void): number[] {
  const slots = cluster.store.registerAll(records.map(storeView));
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const slot = slots[i]!;
    before?.(i);
    cluster.instances.set(record.arn, record);
    cluster.arnById.set(record.id, record.arn);
    cluster.accountant.addInstance(slot, record.registeredResources, record.platformDevices.map((d) => d.id), eniTaskLimit(record.instanceType, record.trunked));
    if (record.unattributed !== undefined) cluster.accountant.restore({ ...record.unattributed, slot, eni: false });
  }
  return slots;
}

/**
 * Re-registration brought registered resources and devices: they replace the instance's, and the
 * accountant starts over from them, when nothing is reserved on the instance. With tasks placed
 * the instance keeps the ones their reservations were made against (registeredResources and
 * remainingResources stay consistent: remaining = registered − the tasks' holds), as an agent
 * restarting under running tasks reports what it registered with.
 */
export function refreshResources(cluster: ClusterRecord, record: InstanceRecord, resources: Resource[], devices: PlatformDevice[]): void {
  const slot = cluster.store.slotOf(record.arn);
  if (cluster.accountant.reservations(slot).length > 0) return;
  record.registeredResources = resources;
  record.platformDevices = devices;
  cluster.accountant.removeInstance(slot);
  cluster.accountant.addInstance(slot, record.registeredResources, record.platformDevices.map((d) => d.id), eniTaskLimit(record.instanceType, record.trunked));
}

/** Records a change to an instance: `version` goes up by one. */
export function touch(record: InstanceRecord): void {
  record.version++;
}

/** Sets the status in the record and the store, and tells the state's event bus. */
export function setStatus(state: SimState, cluster: ClusterRecord, record: InstanceRecord, status: string, reason?: string): void {
  const previousStatus = record.status;
  record.status = status;
  record.statusReason = reason;
  cluster.store.setStatus(record.arn, status);
  touch(record);
  if (previousStatus !== status) {
    state.events.emit({ kind: 'container-instance-state-change', cluster: cluster.name, containerInstanceArn: record.arn, status, previousStatus });
  }
}

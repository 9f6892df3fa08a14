/**
 * The record of a container instance: its ECS fields (the queryable ones are mirrored in the
 * cluster's store, see `instances.ts`).
 */
import type { AgentUpdateStatus, Attachment, Attribute, Resource, Tag, VersionInfo } from '../../shapes.js';

/** A GPU or other device the agent reported (`platformDevices`). */
export interface PlatformDevice {
  id: string;
  type: string;
}

export interface InstanceRecord {
  readonly arn: string;
  readonly id: string;
  readonly clusterName: string;
  ec2InstanceId: string | undefined;
  registeredResources: Resource[];
  versionInfo: VersionInfo;
  status: string;
  statusReason: string | undefined;
  agentConnected: boolean;
  agentUpdateStatus: AgentUpdateStatus | undefined;
  /** epoch milliseconds */
  registeredAt: number;
  /** change counter, +1 on every change */
  version: number;
  /** in the order they were set; mirrored in the cluster store */
  attributes: Attribute[];
  attachments: Attachment[];
  tags: Tag[];
  runningTasksCount: number;
  pendingTasksCount: number;
  platformDevices: PlatformDevice[];
  /** the instance type, from the identity document or the ecs.instance-type attribute */
  instanceType: string | undefined;
  /** registered with a trunk ENI (awsvpcTrunking effective and a supported type) */
  trunked: boolean;
  /**
   * Resources a loaded DescribeContainerInstances dump shows in use (registered minus remaining)
   * that no task the simulator knows holds: tasks the dump did not list. Held for good, so the
   * instance describes as it was dumped; absent on instances the simulator registered.
   */
  unattributed?: UnattributedUse;
}

/** What `InstanceRecord.unattributed` holds (a reservation without its slot and ENI). */
export interface UnattributedUse {
  readonly cpu: number;
  readonly memory: number;
  readonly tcpPorts: readonly number[];
  readonly udpPorts: readonly number[];
  readonly gpuIds: readonly string[];
}

/**
 * A fork's own copy of an instance record, made when it first changes the record — on every
 * task placed or stopped there (its counts and version), so it is kept cheap: what is changed in
 * place is copied (the attribute list, which trunking appends to; attachments, whose status
 * changes; tags), what is only ever replaced is shared (registered resources, versionInfo,
 * platform devices, and each attribute object: put/delete make new lists of new objects).
 */
export function cloneInstance(r: InstanceRecord): InstanceRecord {
  return {
    ...r,
    attributes: [...r.attributes],
    attachments: r.attachments.map((a) => ({ ...a, details: a.details?.map((d) => ({ ...d })) })),
    tags: r.tags.map((t) => ({ ...t })),
  };
}

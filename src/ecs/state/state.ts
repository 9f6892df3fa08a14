/**
 * The simulator's state: clusters, container instances (their ECS fields, with the queryable
 * ones mirrored in each cluster's store), account settings, the clock and the seeded random
 * source. Operations validate first and mutate after, so a rejected call changes nothing.
 */
import type { AgentUpdateStatus, Attachment, Attribute, Resource, Tag, VersionInfo } from '../../shapes.js';
import type { SimClock } from '../../sim/clock.js';
import type { SeededRandom } from '../../sim/random.js';
import { InstanceStore } from '../../store/store.js';
import { CowMap } from '../../store/cow-map.js';
import type { ArnContext } from '../shared/arns.js';
import type { TaskDefinitionRegistry } from '../task-definitions/registry.js';
import { ResourceAccountant } from '../../resources/accountant.js';
import type { ServiceRecord } from '../services/scheduler.js';
import type { TaskRecord } from '../tasks/lifecycle.js';

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

export interface ClusterRecord {
  readonly name: string;
  readonly arn: string;
  status: string;
  readonly store: InstanceStore;
  /**
   * ARN → record, in registration order. After a fork, `get` hands out this side's own copy (so
   * a record it returns may be changed) and `peek` / iteration read records that may be shared.
   */
  readonly instances: CowMap<string, InstanceRecord>;
  /** id → ARN */
  readonly arnById: CowMap<string, string>;
  tags: Tag[];
  /** what every instance has left (reservations of placed tasks) */
  readonly accountant: ResourceAccountant;
  /** task ARN → record, in creation order (STOPPED tasks stay describable) */
  readonly tasks: CowMap<string, TaskRecord>;
  /** task id → ARN */
  readonly taskIdToArn: CowMap<string, string>;
  /** service name → record */
  readonly services: Map<string, ServiceRecord>;
  /** a services-reconcile event is already scheduled */
  reconcilePending: boolean;
}

export interface SimOptions {
  readonly region: string;
  readonly accountId: string;
  readonly seed: number;
  /** The caller's IAM principal ARN (default: the account root). */
  readonly principalArn: string;
  /** AWS default of the three long-ARN settings for this account (2019: `enabled` for accounts created after 2019-04-01). */
  readonly longArnFormatDefault: 'enabled' | 'disabled';
  /** The newest agent version UpdateContainerAgent can install. */
  readonly latestAgentVersion: string;
  /** Simulated start time, epoch milliseconds. */
  readonly startTime: number;
}

export interface SimState {
  readonly options: SimOptions;
  readonly ctx: ArnContext;
  readonly clusters: Map<string, ClusterRecord>;
  /** principal ARN → setting name → value; the root's entries are the account defaults */
  readonly settings: Map<string, Map<string, string>>;
  readonly random: SeededRandom;
  readonly clock: SimClock;
  /** Faults to inject into the next asynchronous transitions (see `injectFault`). */
  readonly faults: Map<string, number>;
  /** Registered task definitions, by family and revision (RegisterTaskDefinition). */
  readonly taskDefinitions: TaskDefinitionRegistry;
}

/** Per-call options: who is calling. */
export interface CallContext {
  /** IAM principal ARN of the caller; default: the simulator's. */
  readonly principalArn?: string;
}

export function newCluster(name: string, arn: string, store = new InstanceStore(), accountant?: ResourceAccountant): ClusterRecord {
  return {
    name,
    arn,
    status: 'ACTIVE',
    store,
    instances: new CowMap([], cloneInstance),
    arnById: new CowMap(),
    tags: [],
    accountant: accountant ?? new ResourceAccountant(store),
    tasks: new CowMap([], cloneTask),
    taskIdToArn: new CowMap(),
    services: new Map(),
    reconcilePending: false,
  };
}

/** A deep copy of an instance record (a fork's own, made when it first changes the record). */
export function cloneInstance(r: InstanceRecord): InstanceRecord {
  return {
    ...r,
    registeredResources: r.registeredResources.map((x) => ({ ...x, ...(x.stringSetValue ? { stringSetValue: [...x.stringSetValue] } : {}) })),
    versionInfo: { ...r.versionInfo },
    attributes: r.attributes.map((a) => ({ ...a })),
    attachments: r.attachments.map((a) => ({ ...a, details: a.details?.map((d) => ({ ...d })) })),
    tags: r.tags.map((t) => ({ ...t })),
    platformDevices: r.platformDevices.map((d) => ({ ...d })),
  };
}

/** A copy of a task record; its reservation is frozen and stays shared (the accountant tracks it by identity). */
export function cloneTask(t: TaskRecord): TaskRecord {
  return { ...t, tags: t.tags.map((x) => ({ ...x })) };
}

/**
 * The simulator's state: clusters, container instances (their ECS fields, with the queryable
 * ones mirrored in each cluster's store), account settings, the clock and the seeded random
 * source. Operations validate first and mutate after, so a rejected call changes nothing.
 */
import type { AgentUpdateStatus, Attachment, Attribute, Resource, Tag, VersionInfo } from '../shapes.js';
import type { SimClock } from '../sim/clock.js';
import type { SeededRandom } from '../sim/random.js';
import { InstanceStore } from '../store/store.js';
import type { ArnContext } from './arns.js';
import type { TaskDefinitionRegistry } from './task-definitions.js';
import { ResourceAccountant } from '../resources/accountant.js';
import type { ServiceRecord } from './services.js';
import type { TaskRecord } from './tasks.js';

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
}

export interface ClusterRecord {
  readonly name: string;
  readonly arn: string;
  status: string;
  readonly store: InstanceStore;
  /** ARN → record, in registration order */
  readonly instances: Map<string, InstanceRecord>;
  /** id → ARN */
  readonly arnById: Map<string, string>;
  tags: Tag[];
  /** what every instance has left (reservations of placed tasks) */
  readonly accountant: ResourceAccountant;
  /** task ARN → record, in creation order (STOPPED tasks stay describable) */
  readonly tasks: Map<string, TaskRecord>;
  /** task id → ARN */
  readonly taskIdToArn: Map<string, string>;
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
    instances: new Map(),
    arnById: new Map(),
    tags: [],
    accountant: accountant ?? new ResourceAccountant(store),
    tasks: new Map(),
    taskIdToArn: new Map(),
    services: new Map(),
    reconcilePending: false,
  };
}

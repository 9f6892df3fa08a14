/**
 * The record of a cluster: its container instances (records, store, accountant), tasks and
 * services. Forks copy it lazily (`state/fork.ts`).
 */
import type { Tag } from '../../shapes.js';
import { ResourceAccountant } from '../../resources/accountant.js';
import { CowMap } from '../../collections/cow-map.js';
import { InstanceStore } from '../../store/store.js';
import { cloneInstance, type InstanceRecord } from '../container-instances/record.js';
import type { ServiceRecord } from '../services/record.js';
import { cloneTask, type TaskRecord } from '../tasks/record.js';

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

/** A new, empty, ACTIVE cluster record (on a store and accountant of its own unless given). */
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

/**
 * The record of a cluster: its container instances (records, store, accountant), tasks and
 * services. Forks copy it lazily (`state/fork.ts`). Its own fields (status, tags, the scheduler's
 * notes) are undone by the state's cluster map, which hands out a copy of the record in a
 * transaction (`copyClusterRecord`); the structures it holds journal their own writes.
 */
import type { Tag } from '../../shapes.js';
import { ResourceAccountant } from '../../resources/accountant.js';
import { CowMap } from '../../collections/cow-map.js';
import type { Journal } from '../../collections/journal.js';
import { InstanceStore } from '../../store/store.js';
import { cloneInstance, type InstanceRecord } from '../container-instances/record.js';
import { cloneService, copySummary, type ServiceRecord, type ServiceTaskSummary } from '../services/record.js';
import type { ArnSet } from '../tasks/arn-set.js';
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
  /**
   * Live tasks (not yet STOPPED) by container instance ARN and by service name, as sets of task
   * ARNs in creation order (`tasks/task-index.ts`): what makes a forced deregistration, an
   * instance's loss and a service's pass cost the tasks they touch, not every task.
   */
  readonly tasksByInstance: CowMap<string, ArnSet>;
  readonly tasksByService: CowMap<string, ArnSet>;
  /** service name → record, in creation order; `get` hands out this side's own copy after a fork */
  readonly services: CowMap<string, ServiceRecord>;
  /** the scheduler's summaries of services' live tasks (`services/task-summary.ts`), by service name */
  readonly serviceSummaries: CowMap<string, ServiceTaskSummary>;
  /** a services-reconcile event is already scheduled */
  reconcilePending: boolean;
  /**
   * How many clusters of this name there have been, this one included (a deleted cluster's name
   * makes a new one): list tokens name it, so a token of a deleted cluster is refused by its successor.
   */
  generation: number;
  /** The `seq` the next task gets. */
  nextTaskSeq: number;
  /** services the next scheduler pass must look at: something they depend on changed (`services/scheduler.ts`) */
  readonly dirtyServices: Set<string>;
  /** services whose last pass could not place every task they needed: every pass tries them again */
  readonly waitingServices: Set<string>;
  /**
   * The scheduler's reference mode: every pass looks at every service, as the scheduler did before
   * it tracked what changed. Only the differential tests set it.
   */
  everyServicePass: boolean;
}

const copyArns = (s: ArnSet) => s.copy();

/**
 * A new, empty, ACTIVE cluster record (on a store and accountant of its own unless given), its
 * structures journaled in `journal` (the state's).
 */
export function newCluster(name: string, arn: string, journal: Journal | null, store = new InstanceStore(), accountant?: ResourceAccountant): ClusterRecord {
  const cluster: ClusterRecord = {
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
    tasksByInstance: new CowMap([], copyArns),
    tasksByService: new CowMap([], copyArns),
    services: new CowMap([], cloneService),
    serviceSummaries: new CowMap([], copySummary),
    reconcilePending: false,
    generation: 1,
    nextTaskSeq: 0,
    dirtyServices: new Set(),
    waitingServices: new Set(),
    everyServicePass: false,
  };
  attachJournal(cluster, journal);
  return cluster;
}

/** Journals every structure of a cluster record in `journal` (a fork's records get the fork's). */
export function attachJournal(cluster: ClusterRecord, journal: Journal | null): void {
  cluster.store.useJournal(journal);
  cluster.accountant.useJournal(journal);
  for (const map of [cluster.instances, cluster.arnById, cluster.tasks, cluster.taskIdToArn, cluster.tasksByInstance, cluster.tasksByService, cluster.services, cluster.serviceSummaries] as CowMap<string, unknown>[]) {
    map.useJournal(journal);
  }
}

/**
 * The copy of a cluster record the state's cluster map hands out in a transaction: its own
 * fields and the scheduler's notes copied, the structures (journaled themselves) shared. A
 * rollback puts the original back.
 */
export function copyClusterRecord(c: ClusterRecord): ClusterRecord {
  return { ...c, tags: c.tags.map((t) => ({ ...t })), dirtyServices: new Set(c.dirtyServices), waitingServices: new Set(c.waitingServices) };
}

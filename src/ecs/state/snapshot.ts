/**
 * Snapshots: the whole simulator state as plain JSON and back, losslessly
 * (`snapshot(restore(s))` deep-equals `s`). Loading DescribeContainerInstances output is
 * `describe-output.ts`.
 */
import { cut, InvalidParameterException, quote } from '../../errors.js';
import type { ScheduledEvent } from '../../sim/clock.js';
import type { Tag } from '../../shapes.js';
import type { Reservation } from '../../resources/types.js';
import { newCluster } from '../clusters/record.js';
import { addInstances } from '../container-instances/instances.js';
import type { InstanceRecord } from '../container-instances/record.js';
import { withServiceDefaults, type ServiceRecord } from '../services/record.js';
import type { TaskDefinitionsSnapshot } from '../task-definitions/registry.js';
import type { TaskRecord } from '../tasks/record.js';
import { indexTasks } from '../tasks/task-index.js';
import { badSnapshot } from './snapshot-checks.js';
import type { SimOptions, SimState } from './state.js';

export const SNAPSHOT_FORMAT = 'ecs-cluster-sim/snapshot@1';

export interface SimSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  options: SimOptions;
  clock: { now: number; sequence: number; events: ScheduledEvent[] };
  random: number;
  faults: [string, number][];
  /** Registered task definitions (absent in snapshots taken before they existed). */
  taskDefinitions?: TaskDefinitionsSnapshot;
  settings: [string, [string, string][]][];
  clusters: {
    name: string;
    arn: string;
    status: string;
    tags: Tag[];
    instances: InstanceRecord[];
    /** tasks with their reservations (slots are the store's business: left out) */
    tasks?: (Omit<TaskRecord, 'reservation'> & { reservation: Omit<Reservation, 'slot'> })[];
    services?: ServiceRecord[];
    reconcilePending?: boolean;
    /** the cluster's incarnation (absent in older snapshots: 1) */
    generation?: number;
    /** the seq of the cluster's next task (absent in older snapshots: after the last one) */
    nextTaskSeq?: number;
    /** the service scheduler's notes: services to look at on its next pass, services waiting to place */
    dirtyServices?: string[];
    waitingServices?: string[];
  }[];
}

const clone = <T>(x: T): T => structuredClone(x);

export function takeSnapshot(state: SimState): SimSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    options: { ...state.options },
    clock: { now: state.clock.now, sequence: state.clock.sequence, events: clone(state.clock.pending()) },
    random: state.random.state,
    faults: [...state.faults],
    taskDefinitions: state.taskDefinitions.toJSON(),
    settings: [...state.settings].map(([p, m]) => [p, [...m]]),
    clusters: [...state.clusters.values()].map((c) => ({
      name: c.name,
      arn: c.arn,
      status: c.status,
      tags: clone(c.tags),
      instances: [...c.instances.values()].map(clone),
      tasks: [...c.tasks.values()].map((t) => {
        const { slot: _slot, ...reservation } = t.reservation;
        return clone({ ...t, reservation });
      }),
      services: [...c.services.values()].map(clone),
      reconcilePending: c.reconcilePending,
      generation: c.generation,
      nextTaskSeq: c.nextTaskSeq,
      dirtyServices: [...c.dirtyServices],
      waitingServices: [...c.waitingServices],
    })),
  };
}

/**
 * Loads a snapshot into a freshly constructed state (built from `snapshot.options`). The caller
 * has checked it (`checkSnapshot`: anything the simulator would not keep is an
 * InvalidParameterException naming its JSON path); what only loading finds (a reservation that
 * does not fit its instance, a task definition the registry refuses) is reported at its path too.
 */
export function loadSnapshot(state: SimState, snapshot: SimSnapshot, options: { owned?: boolean } = {}): void {
  if (snapshot?.format !== SNAPSHOT_FORMAT) {
    throw new InvalidParameterException(`restore: not a snapshot of this simulator (expected format '${cut(SNAPSHOT_FORMAT)}')`);
  }
  let path = 'snapshot';
  try {
    // A snapshot the caller parsed for us is ours: its records are taken, not copied.
    load(state, snapshot, (p) => (path = p), options.owned === true ? (x) => x : clone);
  } catch (e) {
    if (e instanceof InvalidParameterException && e.message.startsWith('restore: ')) throw e;
    // What the accountant, the store or the registry refuses is the snapshot's fault, not ours.
    throw badSnapshot(path, e instanceof Error ? e.message : String(e));
  }
}

function load(state: SimState, snapshot: SimSnapshot, at: (path: string) => void, clone: <T>(x: T) => T): void {
  state.clock.now = snapshot.clock.now;
  state.clock.load(clone(snapshot.clock.events), snapshot.clock.sequence);
  state.random.state = snapshot.random;
  for (const [k, v] of snapshot.faults) state.faults.set(k, v);
  at('taskDefinitions');
  if (snapshot.taskDefinitions !== undefined) state.taskDefinitions.load(clone(snapshot.taskDefinitions));
  for (const [p, entries] of snapshot.settings) state.settings.set(p, new Map(entries));
  snapshot.clusters.forEach((c, ci) => {
    const cluster = newCluster(c.name, c.arn, state.journal);
    cluster.status = c.status;
    cluster.tags = clone(c.tags);
    at(`clusters[${ci}].instances`);
    addInstances(cluster, c.instances.map(clone), (i) => at(`clusters[${ci}].instances[${i}]`));
    // Tasks not yet STOPPED hold their exact ports and GPUs again, and count for task:group.
    const taskSlots: number[] = [];
    const taskGroups: string[] = [];
    const live: TaskRecord[] = [];
    (c.tasks ?? []).forEach((t, i) => {
      at(`clusters[${ci}].tasks[${i}]`);
      let reservation: Reservation;
      if (t.lastStatus !== 'STOPPED' && t.containerInstanceArn !== undefined && cluster.store.has(t.containerInstanceArn)) {
        const slot = cluster.store.slotOf(t.containerInstanceArn);
        // (the accountant copies what it keeps: nothing of the snapshot's is held)
        const r = t.reservation;
        reservation = cluster.accountant.restore({ slot, cpu: r.cpu, memory: r.memory, tcpPorts: r.tcpPorts, udpPorts: r.udpPorts, gpuIds: r.gpuIds, eni: r.eni });
        taskSlots.push(slot);
        taskGroups.push(t.group);
      } else {
        reservation = Object.freeze({ ...clone(t.reservation), slot: -1 });
      }
      // Snapshots taken before FARGATE tasks have no launchType: their tasks are EC2 tasks.
      // Snapshots taken before task seqs number their tasks in order.
      // (set on the record itself, a copy unless the snapshot is ours: members it has keep their place)
      const task: TaskRecord = Object.assign(clone(t), { seq: t.seq ?? i, launchType: t.launchType ?? 'EC2', reservation });
      cluster.tasks.set(task.arn, task);
      cluster.taskIdToArn.set(task.id, task.arn);
      if (task.lastStatus !== 'STOPPED') live.push(task);
    });
    cluster.store.addTasksAtSlots(taskSlots, taskGroups);
    indexTasks(cluster, live);
    (c.services ?? []).forEach((s, i) => {
      const td = s.taskDefinitionArn;
      if (s.status !== 'INACTIVE' && td !== '' && state.taskDefinitions.get(td) === undefined) {
        throw badSnapshot(`clusters[${ci}].services[${i}].taskDefinitionArn`, `${quote(td)} is not a registered task definition`);
      }
      cluster.services.set(s.name, withServiceDefaults(clone(s)));
    });
    cluster.reconcilePending = c.reconcilePending ?? false;
    cluster.generation = c.generation ?? 1;
    cluster.nextTaskSeq = c.nextTaskSeq ?? (c.tasks ?? []).reduce((next, t, i) => Math.max(next, (t.seq ?? i) + 1), 0);
    // A snapshot without the scheduler's notes (older format): its next pass looks at every service,
    // which changes nothing for those that had nothing to do.
    for (const name of c.dirtyServices ?? cluster.services.keys()) cluster.dirtyServices.add(name);
    for (const name of c.waitingServices ?? []) cluster.waitingServices.add(name);
    state.clusters.set(c.name, cluster);
  });
}

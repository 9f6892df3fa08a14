/**
 * Snapshots: the whole simulator state as plain JSON and back, losslessly
 * (`snapshot(restore(s))` deep-equals `s`), and loading a real DescribeContainerInstances
 * response as a cluster.
 */
import { InvalidParameterException } from '../errors.js';
import type { ScheduledEvent } from '../sim/clock.js';
import type { AgentUpdateStatus, Attachment, Attribute, Resource, Tag, VersionInfo } from '../shapes.js';
import { clusterArn, containerInstanceIdOf } from './arns.js';
import { addInstance } from './instances.js';
import { newCluster, type ClusterRecord, type InstanceRecord, type SimOptions, type SimState } from './state.js';
import type { TaskDefinitionsSnapshot } from './task-definitions.js';
import type { Reservation } from '../resources/types.js';
import type { ServiceRecord } from './services.js';
import type { TaskRecord } from './tasks.js';

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
    })),
  };
}

/** Loads a snapshot into a freshly constructed state (built from `snapshot.options`). */
export function loadSnapshot(state: SimState, snapshot: SimSnapshot): void {
  if (snapshot?.format !== SNAPSHOT_FORMAT) {
    throw new InvalidParameterException(`restore: not a snapshot of this simulator (expected format '${SNAPSHOT_FORMAT}')`);
  }
  state.clock.now = snapshot.clock.now;
  state.clock.load(clone(snapshot.clock.events), snapshot.clock.sequence);
  state.random.state = snapshot.random;
  for (const [k, v] of snapshot.faults) state.faults.set(k, v);
  if (snapshot.taskDefinitions !== undefined) state.taskDefinitions.load(clone(snapshot.taskDefinitions));
  for (const [p, entries] of snapshot.settings) state.settings.set(p, new Map(entries));
  for (const c of snapshot.clusters) {
    const cluster = newCluster(c.name, c.arn);
    cluster.status = c.status;
    cluster.tags = clone(c.tags);
    for (const r of c.instances) addInstance(cluster, clone(r));
    // Tasks not yet STOPPED hold their exact ports and GPUs again, and count for task:group.
    for (const t of c.tasks ?? []) {
      let reservation: Reservation;
      if (t.lastStatus !== 'STOPPED' && cluster.store.has(t.containerInstanceArn)) {
        const slot = cluster.store.slotOf(t.containerInstanceArn);
        reservation = cluster.accountant.restore({ ...clone(t.reservation), slot });
        cluster.store.addTask(t.containerInstanceArn, t.group);
      } else {
        reservation = Object.freeze({ ...clone(t.reservation), slot: -1 });
      }
      const task: TaskRecord = { ...clone(t), reservation };
      cluster.tasks.set(task.arn, task);
      cluster.taskIdToArn.set(task.id, task.arn);
    }
    for (const s of c.services ?? []) cluster.services.set(s.name, clone(s));
    cluster.reconcilePending = c.reconcilePending ?? false;
    state.clusters.set(c.name, cluster);
  }
}

// ---- DescribeContainerInstances responses ------------------------------------------------------

function timeOf(value: unknown, where: string): number {
  // On the wire registeredAt is epoch seconds; SDKs give Dates; tools print ISO-8601.
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string' && Number.isFinite(Date.parse(value))) return Date.parse(value);
  throw new InvalidParameterException(`${where}.registeredAt: expected epoch seconds, a Date or ISO-8601 text`);
}

const ARN_PARTS = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):container-instance\//;

/** Region and account of the first container-instance ARN in a response, if any. */
export function arnContextOf(json: unknown): { region: string; accountId: string } | null {
  const first = (json as { containerInstances?: { containerInstanceArn?: unknown }[] })?.containerInstances?.[0]?.containerInstanceArn;
  const m = typeof first === 'string' ? ARN_PARTS.exec(first) : null;
  return m ? { region: m[1]!, accountId: m[2]! } : null;
}

/**
 * Adds every instance of a DescribeContainerInstances response (`{ containerInstances: [...] }`)
 * to `clusterName` (created if needed). ARNs, ids, versions and timestamps are kept as given.
 */
export function loadDescribeOutput(state: SimState, json: unknown, clusterName: string): ClusterRecord {
  const body = json as { containerInstances?: unknown };
  if (typeof json !== 'object' || json === null || !Array.isArray(body.containerInstances)) {
    throw new InvalidParameterException('fromDescribeOutput: expected a DescribeContainerInstances response: { "containerInstances": [...] }');
  }
  const items = body.containerInstances as Record<string, unknown>[];
  const records = items.map((raw, i): InstanceRecord => {
    const where = `containerInstances[${i}]`;
    const arn = raw['containerInstanceArn'];
    if (typeof arn !== 'string' || !ARN_PARTS.test(arn)) throw new InvalidParameterException(`${where}.containerInstanceArn: expected a container instance ARN`);
    const m = ARN_PARTS.exec(arn)!;
    if (m[1] !== state.ctx.region || m[2] !== state.ctx.accountId) {
      throw new InvalidParameterException(`${where}.containerInstanceArn: ${arn} is not in ${state.ctx.region} / ${state.ctx.accountId}`);
    }
    const id = containerInstanceIdOf(arn)!.id;
    const attributes = ((raw['attributes'] as Attribute[] | undefined) ?? []).map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value }));
    const instanceType = attributes.find((a) => a.name === 'ecs.instance-type')?.value;
    const attachments = ((raw['attachments'] as Attachment[] | undefined) ?? []).map((a) => clone(a));
    return {
      arn,
      id,
      clusterName,
      ec2InstanceId: typeof raw['ec2InstanceId'] === 'string' ? raw['ec2InstanceId'] : undefined,
      registeredResources: clone((raw['registeredResources'] as Resource[] | undefined) ?? []),
      versionInfo: clone((raw['versionInfo'] as VersionInfo | undefined) ?? {}),
      status: typeof raw['status'] === 'string' ? raw['status'] : 'ACTIVE',
      statusReason: typeof raw['statusReason'] === 'string' ? raw['statusReason'] : undefined,
      agentConnected: raw['agentConnected'] !== false,
      // Kept as given, like the other members; instanceOutput (agent.ts) re-checks it against the enum.
      agentUpdateStatus: typeof raw['agentUpdateStatus'] === 'string' ? (raw['agentUpdateStatus'] as AgentUpdateStatus) : undefined,
      registeredAt: raw['registeredAt'] === undefined ? state.clock.now : timeOf(raw['registeredAt'], where),
      version: typeof raw['version'] === 'number' ? raw['version'] : 1,
      attributes,
      attachments,
      tags: clone((raw['tags'] as Tag[] | undefined) ?? []),
      runningTasksCount: typeof raw['runningTasksCount'] === 'number' ? raw['runningTasksCount'] : 0,
      pendingTasksCount: typeof raw['pendingTasksCount'] === 'number' ? raw['pendingTasksCount'] : 0,
      platformDevices: [],
      instanceType,
      trunked: attributes.some((a) => a.name === 'ecs.awsvpc-trunk-id'),
    };
  });
  const existing = state.clusters.get(clusterName);
  const seen = new Set<string>();
  for (const r of records) {
    if (existing?.instances.has(r.arn) || seen.has(r.arn)) throw new InvalidParameterException(`fromDescribeOutput: ${r.arn} appears twice`);
    seen.add(r.arn);
  }
  const cluster = existing ?? newCluster(clusterName, clusterArn(state.ctx, clusterName));
  state.clusters.set(clusterName, cluster);
  for (const r of records) addInstance(cluster, r);
  return cluster;
}

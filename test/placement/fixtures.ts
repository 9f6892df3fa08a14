// Builds small clusters (store + accountant) from plain specs, for the placement suites.
import { naivePlaceTasks } from '../../src/placement/naive.js';
import { placeTasks } from '../../src/placement/engine.js';
import type { PlacementContext, PlacementOutcome, PlacementRequest } from '../../src/placement/types.js';
import { ResourceAccountant } from '../../src/resources/accountant.js';
import type { TaskRequirements } from '../../src/resources/types.js';
import type { Resource } from '../../src/shapes.js';
import { SeededRandom } from '../../src/sim/random.js';
import { InstanceStore } from '../../src/store/store.js';

export interface InstanceSpec {
  status?: string;
  /** undefined: not recorded */
  agentConnected?: boolean | null;
  attributes?: Record<string, string | null>;
  cpu?: number;
  memory?: number;
  ports?: number[];
  udpPorts?: number[];
  gpus?: number;
  eniLimit?: number;
  /** task groups already on the instance (one entry per task) */
  groups?: string[];
  /** resources those tasks already hold */
  used?: Partial<TaskRequirements>;
  ec2InstanceId?: string;
  agentVersion?: string;
  registeredAt?: number;
  runningTasksCount?: number;
  /** registered, then deregistered (leaves a hole, or a slot to reuse) */
  removed?: boolean;
}

export interface Cluster {
  store: InstanceStore;
  accountant: ResourceAccountant;
  /** slot of each spec (removed ones: the slot they had) */
  slots: number[];
}

export function req(r: Partial<TaskRequirements> = {}): TaskRequirements {
  return { cpu: 0, memory: 0, tcpPorts: [], udpPorts: [], gpus: 0, eni: false, attributes: [], ...r };
}

function registered(spec: InstanceSpec): Resource[] {
  return [
    { name: 'CPU', type: 'INTEGER', integerValue: spec.cpu ?? 1024 },
    { name: 'MEMORY', type: 'INTEGER', integerValue: spec.memory ?? 2048 },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: (spec.ports ?? [22]).map(String) },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: (spec.udpPorts ?? []).map(String) },
  ];
}

/** Registers the specs in order (then deregisters the removed ones, then `extra` reuses slots). */
export function buildCluster(specs: readonly InstanceSpec[], extra: readonly InstanceSpec[] = []): Cluster {
  const store = new InstanceStore();
  const accountant = new ResourceAccountant(store);
  const slots: number[] = [];
  const add = (spec: InstanceSpec, n: number) => {
    const attributes = Object.entries(spec.attributes ?? {}).map(([name, value]) => (value === null ? { name } : { name, value }));
    const slot = store.register({
      containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/test/${n}`,
      status: spec.status ?? 'ACTIVE',
      ...(spec.agentConnected === null ? {} : { agentConnected: spec.agentConnected ?? true }),
      attributes,
      ...(spec.ec2InstanceId === undefined ? {} : { ec2InstanceId: spec.ec2InstanceId }),
      ...(spec.agentVersion === undefined ? {} : { versionInfo: { agentVersion: spec.agentVersion } }),
      ...(spec.registeredAt === undefined ? {} : { registeredAt: new Date(spec.registeredAt) }),
      runningTasksCount: spec.runningTasksCount ?? (spec.groups ?? []).length,
    }, spec.groups ?? []);
    accountant.addInstance(slot, registered(spec), Array.from({ length: spec.gpus ?? 0 }, (_, g) => `GPU-${n}-${g}`), spec.eniLimit ?? 3);
    if (spec.used !== undefined && accountant.fits(slot, req(spec.used)) === null) accountant.reserve(slot, req(spec.used));
    return slot;
  };
  specs.forEach((spec, n) => slots.push(add(spec, n)));
  specs.forEach((spec, n) => {
    if (spec.removed) {
      accountant.removeInstance(slots[n]!);
      store.deregister(store.arns[slots[n]!]!);
    }
  });
  extra.forEach((spec, n) => slots.push(add(spec, specs.length + n)));
  return { store, accountant, slots };
}

export function context(cluster: Cluster, seed = 1): PlacementContext {
  return { store: cluster.store, accountant: cluster.accountant, random: new SeededRandom(seed) };
}

export function request(r: Partial<PlacementRequest> & { requirements?: TaskRequirements }): PlacementRequest {
  return { requirements: req(), group: 'service:web', count: 1, constraints: [], strategies: [], ...r };
}

export type Placer = (ctx: PlacementContext, request: PlacementRequest) => PlacementOutcome;

/** The implementations every scenario runs against. */
export const PLACERS: ReadonlyArray<readonly [string, Placer]> = [
  ['placeTasks', placeTasks],
  ['naivePlaceTasks', naivePlaceTasks],
];

/** An outcome as plain data (Maps as entry lists, in their order). */
export function plain(o: PlacementOutcome) {
  return { placements: o.placements.map((p) => ({ ...p.reservation, slot: p.slot })), unplaced: o.unplaced, rejections: [...o.rejections], tally: [...o.tally] };
}

/**
 * What-if forks: an independent copy of the whole state. Stores copy their typed-array columns
 * wholesale (memcpy), the accountant and registries share what is immutable (frozen
 * reservations, frozen task-definition revisions, queued events) and copy the rest; the fork
 * continues the same seeded random sequence, so a what-if replays exactly.
 */
import { SimClock } from '../sim/clock.js';
import { SeededRandom } from '../sim/random.js';
import { dispatchEvent } from './events.js';
import { newCluster, type ClusterRecord, type InstanceRecord, type SimState } from './state.js';
import type { TaskRecord } from './tasks.js';
import type { ServiceRecord } from './services.js';

function cloneInstance(r: InstanceRecord): InstanceRecord {
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

function cloneTask(t: TaskRecord): TaskRecord {
  // The reservation is frozen and shared with the cloned accountant, which tracks it by identity.
  return { ...t, tags: t.tags.map((x) => ({ ...x })) };
}

function cloneService(s: ServiceRecord): ServiceRecord {
  return structuredClone(s);
}

function cloneCluster(c: ClusterRecord): ClusterRecord {
  const store = c.store.clone();
  const copy = newCluster(c.name, c.arn, store, c.accountant.cloneFor(store));
  copy.status = c.status;
  copy.tags = c.tags.map((t) => ({ ...t }));
  for (const [arn, r] of c.instances) copy.instances.set(arn, cloneInstance(r));
  for (const [id, arn] of c.arnById) copy.arnById.set(id, arn);
  for (const [arn, t] of c.tasks) copy.tasks.set(arn, cloneTask(t));
  for (const [id, arn] of c.taskIdToArn) copy.taskIdToArn.set(id, arn);
  for (const [name, s] of c.services) copy.services.set(name, cloneService(s));
  copy.reconcilePending = c.reconcilePending;
  return copy;
}

/** A state equal to `state` and sharing nothing mutable with it. */
export function forkState(state: SimState): SimState {
  const fork: SimState = {
    options: state.options,
    ctx: state.ctx,
    clusters: new Map([...state.clusters].map(([name, c]) => [name, cloneCluster(c)])),
    settings: new Map([...state.settings].map(([p, m]) => [p, new Map(m)])),
    random: new SeededRandom(state.random.state),
    clock: new SimClock(state.clock.now, (e) => dispatchEvent(fork, e)),
    faults: new Map(state.faults),
    taskDefinitions: state.taskDefinitions.clone(),
  };
  fork.clock.load(state.clock.pending(), state.clock.sequence);
  return fork;
}

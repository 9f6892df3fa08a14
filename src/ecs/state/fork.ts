/**
 * What-if forks: an independent copy of the whole state, made copy-on-write so that forking a
 * large cluster copies almost nothing. The store shares its columns until a side first writes
 * one, the accountant its per-instance states until a side first changes one, and the record
 * maps (instances, tasks, services, the live-task indexes) their records until a side first asks
 * for one to change (CowMap); settings and task definitions are few and copied now. Frozen things (reservations,
 * task-definition revisions, queued events) are shared for good. The fork continues the same
 * seeded random sequence, so a what-if replays exactly.
 */
import { SeededRandom } from '../../sim/random.js';
import { newCluster, type ClusterRecord } from '../clusters/record.js';
import { summariseMissing } from '../services/task-summary.js';
import { forkUtilisation } from '../what-if/utilisation-index.js';
import type { SimState } from './state.js';
import { wireState } from './wiring.js';

function cloneCluster(c: ClusterRecord): ClusterRecord {
  summariseMissing(c);
  const store = c.store.clone();
  const copy: ClusterRecord = {
    ...newCluster(c.name, c.arn, null, store, c.accountant.cloneFor(store)),
    instances: c.instances.fork(),
    arnById: c.arnById.fork(),
    tasks: c.tasks.fork(),
    taskIdToArn: c.taskIdToArn.fork(),
    tasksByInstance: c.tasksByInstance.fork(),
    tasksByService: c.tasksByService.fork(),
    services: c.services.fork(),
    serviceSummaries: c.serviceSummaries.fork(),
    dirtyServices: new Set(c.dirtyServices),
    waitingServices: new Set(c.waitingServices),
  };
  copy.status = c.status;
  copy.tags = c.tags.map((t) => ({ ...t }));
  copy.reconcilePending = c.reconcilePending;
  copy.generation = c.generation;
  copy.nextTaskSeq = c.nextTaskSeq;
  copy.everyServicePass = c.everyServicePass;
  forkUtilisation(c, copy);
  return copy;
}

/**
 * A state equal to `state` and sharing nothing mutable with it. Its clock, event bus and
 * subscriptions and journal are its own (`wireState`): what happens on the fork is reacted to on
 * the fork.
 */
export function forkState(state: SimState): SimState {
  const fork = wireState(
    {
      options: state.options,
      ctx: state.ctx,
      clusters: [...state.clusters].map(([name, c]) => [name, cloneCluster(c)] as const),
      settings: [...state.settings].map(([p, m]) => [p, new Map(m)] as const),
      random: new SeededRandom(state.random.state),
      faults: state.faults,
      taskDefinitions: state.taskDefinitions.clone(),
      placement: state.placement,
    },
    state.clock.now,
  );
  fork.clock.load(state.clock.pending(), state.clock.sequence);
  return fork;
}

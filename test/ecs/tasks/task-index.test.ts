// The live-task indexes (tasks by container instance, tasks by service) against the full
// recomputation from every task, under random operation sequences (forks included), and the
// operations that read them: forced deregistration stops exactly the instance's tasks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterRecord } from '../../../src/ecs/clusters/record.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { setup } from '../random-steps.js';
import { applyServiceStep, serviceStep } from '../services/service-steps.js';

/** What the indexes must hold: every task not yet STOPPED, grouped, in creation order. */
function recomputed(cluster: ClusterRecord) {
  const byInstance = new Map<string, string[]>();
  const byService = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const t of cluster.tasks.values()) {
    if (t.lastStatus === 'STOPPED') continue;
    if (t.containerInstanceArn !== undefined) push(byInstance, t.containerInstanceArn, t.arn);
    if (t.serviceName !== undefined) push(byService, t.serviceName, t.arn);
  }
  return { byInstance, byService };
}

function indexed(cluster: ClusterRecord) {
  const plain = (m: Iterable<[string, Set<string>]>) => new Map([...m].map(([k, v]) => [k, [...v]]));
  return { byInstance: plain(cluster.tasksByInstance), byService: plain(cluster.tasksByService) };
}

const sortedKeys = (m: Map<string, string[]>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

describe('the live-task indexes', () => {
  it('hold every task not yet STOPPED, by instance and by service, in creation order, whatever happens', () => {
    fc.assert(
      fc.property(fc.array(serviceStep, { minLength: 5, maxLength: 50 }), (steps) => {
        let sim = setup();
        const original = sim;
        steps.forEach((s, n) => {
          sim = applyServiceStep(sim, s, n);
          const c = sim.state.clusters.get('c')!;
          const want = recomputed(c);
          const got = indexed(c);
          expect(sortedKeys(got.byInstance)).toEqual(sortedKeys(want.byInstance));
          expect(sortedKeys(got.byService)).toEqual(sortedKeys(want.byService));
        });
        // The simulator the steps forked from still agrees with its own tasks.
        const c = original.state.clusters.get('c')!;
        expect(sortedKeys(indexed(c).byInstance)).toEqual(sortedKeys(recomputed(c).byInstance));
        // And a restored snapshot rebuilds them.
        const restored = EcsSimulator.restore(sim.snapshot()).state.clusters.get('c')!;
        expect(sortedKeys(indexed(restored).byService)).toEqual(sortedKeys(recomputed(restored).byService));
      }),
      { seed: 2024, numRuns: 150 },
    );
  });

  it('make a forced deregistration stop exactly the tasks of that instance', () => {
    const sim = setup();
    sim.runTask({ cluster: 'c', taskDefinition: 'c', count: 8 });
    sim.advance(10_000);
    const [victim, other] = sim.query(null, { cluster: 'c' });
    const on = (arn: string) => sim.listTasks({ cluster: 'c', containerInstance: arn, desiredStatus: 'RUNNING' }).taskArns!;
    const victimTasks = on(victim!);
    const otherTasks = on(other!);
    expect(victimTasks.length).toBeGreaterThan(0);
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: victim!, force: true });
    const stopped = sim.describeTasks({ cluster: 'c', tasks: victimTasks }).tasks!;
    expect(stopped.map((t) => t.lastStatus)).toEqual(victimTasks.map(() => 'STOPPED'));
    expect(on(other!)).toEqual(otherTasks);
  });
});

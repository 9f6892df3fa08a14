// The invariant checks and the model check can fail: each kind of corruption of a simulator's
// accountant, store or records is reported, in words naming the instance; a consistent state
// reports nothing (after a recipe, after a snapshot round trip, on a fork).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/protocol/simulator.js';
import {
  buildCluster, checkInvariants, checkModel, clusterRecipe, ecsModelSetup, invariantViolations, InvariantViolation, ModelMismatch,
} from '../../src/testing/index.js';

/** A busy cluster: instances with tasks of several groups, ports, attributes. */
function busy() {
  const [recipe] = fc.sample(clusterRecipe({ minInstances: 4, maxInstances: 4, draining: false }), { seed: 21, numRuns: 1 });
  const sim = buildCluster(recipe!);
  sim.registerTaskDefinition({ family: 'probe', containerDefinitions: [{ name: 'c', image: 'i', memory: 32, portMappings: [{ containerPort: 9, hostPort: 9999 }] }] });
  sim.runTask({ cluster: 'prod', taskDefinition: 'probe', count: 2, group: 'probe', placementConstraints: [{ type: 'distinctInstance' }] });
  const cluster = sim.state.clusters.get('prod')!;
  const task = [...cluster.tasks.values()].find((t) => t.group === 'probe')!;
  const slot = cluster.store.slotOf(task.containerInstanceArn!);
  return { sim, cluster, task, slot, id: cluster.instances.get(task.containerInstanceArn!)!.id };
}

describe('invariantViolations', () => {
  it('finds nothing in consistent states: built clusters, restored snapshots, forks', () => {
    fc.assert(fc.property(clusterRecipe(), (recipe) => {
      const sim = buildCluster(recipe);
      expect(invariantViolations(sim)).toEqual([]);
      expect(invariantViolations(EcsSimulator.restore(sim.snapshot()))).toEqual([]);
      const fork = sim.fork();
      fork.advance(600_000);
      expect(invariantViolations(fork)).toEqual([]);
      expect(invariantViolations(sim)).toEqual([]);
    }), { seed: 22, numRuns: 60 });
  });

  it('reports memory the accountant lost', () => {
    const { sim, cluster, slot, id } = busy();
    const store = cluster.store;
    store.setRemainingResources(slot, store.remainingCpu[slot]!, store.remainingMemory[slot]! - 7, store.enisInUse[slot]!);
    expect(invariantViolations(sim)).toEqual([expect.stringMatching(new RegExp(`^prod/${id}: remaining MEMORY is \\d+, registered minus live tasks is \\d+$`))]);
    expect(() => checkInvariants(sim)).toThrow(InvariantViolation);
  });

  it('reports a reservation released behind the task’s back (resources and ports)', () => {
    const { sim, cluster, task, id } = busy();
    cluster.accountant.release(task.reservation);
    const problems = invariantViolations(sim);
    expect(problems).toContainEqual(expect.stringContaining(`prod/${id}: the accountant holds`));
    expect(problems).toContainEqual(expect.stringContaining(`prod/${id}: remaining PORTS`));
  });

  it('reports a task group the store lost, in the row and through the group index', () => {
    const { sim, cluster, task, id } = busy();
    cluster.store.removeTask(task.containerInstanceArn!, 'probe');
    const problems = invariantViolations(sim);
    expect(problems).toContainEqual(expect.stringContaining(`prod/${id}: the store has task groups`));
    expect(problems).toContainEqual(expect.stringMatching(/^prod: task:group == "probe" \(postings\) selects/));
    expect(problems).toContainEqual(expect.stringMatching(/^prod: task:group == "probe" \(bitsets\) selects/));
  });

  it('reports an attribute the store has and the record does not', () => {
    const { sim, cluster, task, id } = busy();
    cluster.store.putAttribute(task.containerInstanceArn!, 'rogue', 'x');
    const problems = invariantViolations(sim);
    expect(problems).toContainEqual(expect.stringContaining(`prod/${id}: the store row`));
    expect(problems).toContainEqual(expect.stringMatching(/^prod: attribute:rogue exists \(postings\) selects \[".*"\]; the records say \[\]$/));
  });

  it('reports task counts that disagree with the tasks', () => {
    const { sim, cluster, task, id } = busy();
    cluster.instances.get(task.containerInstanceArn!)!.pendingTasksCount += 1;
    expect(invariantViolations(sim, { indexQueries: false })).toEqual([
      expect.stringMatching(new RegExp(`^prod/${id}: pendingTasksCount is \\d+, \\d+ live tasks are PENDING$`)),
      expect.stringMatching(new RegExp(`^prod/${id}: the store's pendingTasksCount is \\d+, the record's \\d+$`)),
    ]);
  });
});

describe('checkModel', () => {
  it('throws ModelMismatch when the simulator and the model disagree', () => {
    const { model, real } = ecsModelSetup()();
    checkModel(model, real);
    const [arn, instance] = [...model.instances][0]!;
    instance.custom.set('team', 'web');
    expect(() => checkModel(model, real)).toThrow(ModelMismatch);
    instance.custom.delete('team');
    real.sim.updateContainerInstancesState({ cluster: 'prod', containerInstances: [arn], status: 'DRAINING' });
    expect(() => checkModel(model, real)).toThrow(/status DRAINING, the model says ACTIVE/);
  });
});

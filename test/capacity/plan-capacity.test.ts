// planCapacity per goal kind on a small hand-made cluster whose answers can be worked out by hand,
// a task no catalogue type can hold, bad input, and properties over generated clusters: a plan
// always verifies, costs at least its lower bound, and adds nothing when nothing is short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/capacity/catalogue.js';
import { clusterFacts } from '../../src/capacity/cluster-facts.js';
import { goalScenarios, planCapacity, prepare } from '../../src/capacity/plan-capacity.js';
import { resolveOptions } from '../../src/capacity/options.js';
import { registerPlanned, releaseFor } from '../../src/capacity/registration.js';
import { verifyPlan } from '../../src/capacity/verify.js';
import { checkGoal, type CapacityGoal } from '../../src/capacity/goal.js';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { InvalidParameterException } from '../../src/errors.js';
import { generated } from './fixtures.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/**
 * Three m5.large (2048 CPU units, 7673 MiB), one per AZ, full with service `web` (six tasks of
 * 1024 CPU units / 3072 MiB, two on each), spread over AZs as services are by default.
 */
function fullCluster(): EcsSimulator {
  const sim = new EcsSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'c' });
  const ctx = { agentVersion: '1.29.0', release: releaseFor('1.29.0'), facts: clusterFacts(sim, 'c') };
  const m5 = defaultCatalogue().find((t) => t.instanceType === 'm5.large')!;
  registerPlanned(sim, ctx, 'c', AZS.map((availabilityZone) => ({ type: m5, availabilityZone, attributes: [], count: 1 })));
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 1024, memory: 3072 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 6 });
  sim.advance(60_000);
  return sim;
}

function planned(goal: CapacityGoal, options: Omit<Parameters<typeof planCapacity>[1], 'sim'> & { sim?: EcsSimulator } = {}) {
  const sim = options.sim ?? fullCluster();
  const plan = planCapacity(goal, { cluster: 'c', ...options, sim });
  if (plan.status !== 'planned') throw new Error(`expected a plan, got ${JSON.stringify(plan)}`);
  return plan;
}

describe('planCapacity on a full three-AZ cluster', () => {
  it('survives losing any AZ with one t3.medium per AZ — the cheapest, and the bound proves it', () => {
    const plan = planned({ survive: { losing: 'attribute:ecs.availability-zone' } });
    // Each loss displaces two tasks that need room in the other two AZs: one slot per AZ is the least.
    expect(plan.add.map((a) => [a.availabilityZone, a.instanceType, a.count])).toEqual(AZS.map((az) => [az, 't3.medium', 1]));
    expect(plan.hourlyCost).toBeCloseTo(3 * 0.0416, 9);
    expect(plan.lowerBound).toEqual({ hourlyCost: plan.hourlyCost, exact: true, ratio: 1 });
    expect(plan.verification.verified).toBe(true);
    expect(plan.verification.scenarios.map((s) => s.scenario)).toEqual(AZS.map((az) => `losing ecs.availability-zone = ${az}`));
  });

  it('answers "impossible" when the only AZ allowed is the one lost', () => {
    const plan = planCapacity({ survive: { losing: 'attribute:ecs.availability-zone' } }, { sim: fullCluster(), cluster: 'c', availabilityZones: ['us-east-1a'] });
    expect(plan.status).toBe('impossible');
    if (plan.status !== 'impossible') return;
    expect(plan.tasks).toEqual([expect.objectContaining({ scenario: 'losing ecs.availability-zone = us-east-1a', name: 'web', count: 2, reason: 'AVAILABILITY_ZONE' })]);
  });

  it('scales a service: two more tasks need one instance that holds two', () => {
    const plan = planned({ scale: { services: ['web'], desiredCount: 8 } });
    expect(plan.hourlyCost).toBeCloseTo(0.0832, 9);
    expect(plan.lowerBound.ratio).toBe(1);
    expect(plan.verification.verified).toBe(true);
  });

  it('places a workload: the tasks placeTasks could not place', () => {
    const sim = fullCluster();
    sim.registerTaskDefinition({ family: 'batch', containerDefinitions: [{ name: 'job', image: 'x', cpu: 2048, memory: 15000 }] });
    const plan = planned({ place: { cluster: 'c', taskDefinition: 'batch', count: 3 } }, { sim });
    // 2048 units and 15000 MiB: r5.large (2 vCPU, 15,625 MiB registered) holds one, r5.xlarge two
    // for twice the price; nothing cheaper holds any.
    expect(plan.add.every((a) => a.instanceType === 'r5.large' || a.instanceType === 'r5.xlarge')).toBe(true);
    expect(plan.hourlyCost).toBeCloseTo(3 * 0.126, 9);
    expect(plan.lowerBound).toMatchObject({ hourlyCost: 3 * 0.126, ratio: 1 });
    expect(plan.verification.scenarios).toEqual([{ scenario: 'place 3 × batch', short: 0, stuck: 0, byService: {} }]);
  });

  it('re-runs a drain report: tasks stuck on the drained instance count until they have room', () => {
    const sim = fullCluster();
    const arn = sim.query('attribute:ecs.availability-zone == us-east-1a', { cluster: 'c' })[0]!;
    const empty = planCapacity({ report: { containerInstanceArns: [arn] } }, { sim, cluster: 'c', rounds: 1, allowedTypes: ['c5.large'], prices: { 'c5.large': 0.085 }, availabilityZones: ['us-east-1b'] });
    // c5.large registers 3705 MiB: no room for a 3072 + 3072 pair, one task each.
    expect(empty.status).toBe('planned');
    if (empty.status !== 'planned') return;
    expect(empty.add).toEqual([expect.objectContaining({ instanceType: 'c5.large', count: 2, availabilityZone: 'us-east-1b' })]);
    expect(empty.verification.stuck).toBe(0);
    // With nothing added, both tasks stay RUNNING on the DRAINING instance: stuck, not lost.
    const o = resolveOptions({ sim, cluster: 'c' });
    const { scenarios } = prepare(o, (ctx, rank) => goalScenarios(checkGoal({ report: { containerInstanceArns: [arn] } }), ctx, rank));
    expect(verifyPlan(o.env, [], scenarios).scenarios[0]).toMatchObject({ short: 0, stuck: 2 });
  });

  it('survives losing any one instance with room for its two tasks anywhere', () => {
    const plan = planned({ survive: { instances: 1, samples: 3 } });
    expect(plan.hourlyCost).toBeCloseTo(0.0832, 9);
    expect(plan.verification.scenarios.length).toBeGreaterThan(0);
  });

  it('adds nothing when nothing is short', () => {
    const sim = fullCluster();
    sim.updateService({ cluster: 'c', service: 'web', desiredCount: 3 });
    sim.advance(60_000);
    const plan = planned({ survive: { losing: 'attribute:ecs.availability-zone' } }, { sim });
    expect(plan).toMatchObject({ add: [], hourlyCost: 0, lowerBound: { hourlyCost: 0, ratio: 1 } });
    expect(plan.verification.verified).toBe(true);
  });

  it('names a task no catalogue type can hold, and why', () => {
    const sim = fullCluster();
    sim.registerTaskDefinition({ family: 'huge', containerDefinitions: [{ name: 'x', image: 'x', cpu: 1024, memory: 300_000 }] });
    sim.registerTaskDefinition({ family: 'many-gpus', containerDefinitions: [{ name: 'x', image: 'x', cpu: 1024, memory: 1024, resourceRequirements: [{ type: 'GPU', value: '8' }] }] });
    sim.registerTaskDefinition({ family: 'pinned', containerDefinitions: [{ name: 'x', image: 'x', cpu: 256, memory: 256 }], placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == x1.32xlarge' }] });
    const reasons = ['huge', 'many-gpus', 'pinned'].map((family) => {
      const plan = planCapacity({ place: { cluster: 'c', taskDefinition: family, count: 2 } }, { sim, cluster: 'c' });
      expect(plan.status).toBe('impossible');
      return plan.status === 'impossible' ? plan.tasks.map((t) => [t.name, t.count, t.reason]) : [];
    });
    expect(reasons).toEqual([[['huge', 2, 'RESOURCE:MEMORY']], [['many-gpus', 2, 'RESOURCE:GPU']], [['pinned', 2, 'CONSTRAINT:memberOf']]]);
  });

  it('never changes the simulator it plans for', () => {
    const sim = fullCluster();
    const before = JSON.stringify(sim.snapshot());
    planned({ survive: { losing: 'attribute:ecs.availability-zone' } }, { sim });
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });

  it('refuses bad input with InvalidParameterException naming the member', () => {
    const sim = fullCluster();
    const bad: [unknown, object, RegExp][] = [
      [{}, {}, /goal: expected exactly one/],
      [{ survive: { losing: 'ecs.availability-zone' } }, {}, /goal.survive.losing/],
      [{ scale: { factor: 2, desiredCount: 3 } }, {}, /exactly one of desiredCount and factor/],
      [{ survive: { instances: 0 } }, {}, /goal.survive.instances/],
      [{ survive: { instances: undefined } }, {}, /goal.survive.instances: expected an integer from 1 to 1000; got nothing/],
      // the place goal is RunTask's request, checked as the model checks it (a function here threw SyntaxError)
      [{ place: { taskDefinition: 'web', overrides: () => 1 } }, {}, /^goal\.place\.overrides must be an object/],
      [{ place: { taskDefinition: 'web', overrides: { containerOverrides: [null] } } }, {}, /^goal\.place\.overrides\.containerOverrides\[0\]/],
      [{ survive: { instances: 1 } }, { allowedTypes: ['z9.mega'] }, /options.allowedTypes: 'z9.mega'/],
      [{ survive: { instances: 1 } }, { prices: { 'm5.large': -1 } }, /options.prices\['m5.large'\]/],
      [{ scale: { services: ['nope'], factor: 2 } }, {}, /'nope' is not an ACTIVE REPLICA service on EC2/],
      // Values JSON cannot carry are described, never serialised (a BigInt made a TypeError).
      [{ survive: { losing: 10n } }, {}, /goal.survive.losing: .*got a bigint/],
      [{ scale: { factor: 10n } }, {}, /goal.scale.factor: .*got a bigint/],
      [{ survive: { instances: 1 } }, { settleMs: 10n }, /options.settleMs: .*got a bigint/],
    ];
    for (const [goal, options, message] of bad) {
      expect(() => planCapacity(goal as CapacityGoal, { sim, cluster: 'c', ...options })).toThrow(InvalidParameterException);
      expect(() => planCapacity(goal as CapacityGoal, { sim, cluster: 'c', ...options })).toThrow(message);
    }
  });
});

describe('planCapacity properties over generated clusters', () => {
  const goals = fc.oneof(
    fc.constant<CapacityGoal>({ survive: { losing: 'attribute:ecs.availability-zone' } }),
    fc.integer({ min: 11, max: 25 }).map((f): CapacityGoal => ({ scale: { factor: f / 10 } })),
    fc.integer({ min: 1, max: 2 }).map((k): CapacityGoal => ({ survive: { instances: k, samples: 5, worst: 2 } })),
  );
  it('returns only verified plans, never below the lower bound, and nothing when nothing is short', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 12, max: 30 }), goals, (seed, instances, goal) => {
      const sim = generated(instances, seed);
      const plan = planCapacity(goal, { sim, cluster: 'sample' });
      if (plan.status === 'impossible') {
        expect(plan.tasks.length).toBeGreaterThan(0);
        return;
      }
      expect(plan.status).toBe('planned');
      if (plan.status !== 'planned') return;
      expect(plan.verification.verified).toBe(true);
      expect(plan.hourlyCost + 1e-9).toBeGreaterThanOrEqual(plan.lowerBound.hourlyCost);
      expect(plan.hourlyCost).toBeCloseTo(plan.add.reduce((n, a) => n + a.hourlyCost, 0), 6);
      const o = resolveOptions({ sim, cluster: 'sample' });
      const { scenarios } = prepare(o, (ctx, rank) => goalScenarios(checkGoal(goal), ctx, rank));
      if (verifyPlan(o.env, [], scenarios).verified) expect(plan.add).toEqual([]);
    }), { seed: 7, numRuns: 12 });
  }, 120_000);
});

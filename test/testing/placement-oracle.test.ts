// The placement oracle (placementChoices / isPlacementEcsCouldMake) against the simulator: every
// placement the simulator makes is one the oracle allows (sound), and every instance the oracle
// allows is one the simulator picks under some seed (tight). Plus its verdicts on small,
// hand-built clusters, and the errors it shares with RunTask.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/protocol/simulator.js';
import {
  buildCluster, clusterRecipe, clusterVocabulary, isPlacementEcsCouldMake, isPlacementSequenceEcsCouldMake, placementChoices, placementConstraints,
  placementStrategies, type ClusterRecipe, type PlacementQuestion,
} from '../../src/testing/index.js';
import type { PlacementConstraint, PlacementStrategy } from '../../src/shapes.js';

interface Scenario {
  recipe: ClusterRecipe;
  family: number;
  count: number;
  constraints: PlacementConstraint[];
  strategies: PlacementStrategy[];
  group: string | undefined;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  recipe: clusterRecipe({ minInstances: 2, maxInstances: 12, maxTasks: 3 }),
  family: fc.nat(),
  count: fc.integer({ min: 1, max: 6 }),
  constraints: placementConstraints({ vocabulary: clusterVocabulary() }),
  strategies: placementStrategies(),
  group: fc.option(fc.constantFrom('batch', 'service:svc-0'), { nil: undefined }),
});

function questionOf(s: Scenario): PlacementQuestion {
  return {
    cluster: 'prod', taskDefinition: s.recipe.taskDefinitions[s.family % s.recipe.taskDefinitions.length]!.family!,
    placementConstraints: s.constraints, placementStrategy: s.strategies, ...(s.group === undefined ? {} : { group: s.group }),
  };
}

describe('the placement oracle agrees with the simulator', () => {
  it('sound: every RunTask placement sequence is one ECS could make', () => {
    let placed = 0;
    fc.assert(fc.property(scenario, (s) => {
      const sim = buildCluster(s.recipe);
      const before = sim.fork();
      const q = questionOf(s);
      const { tasks } = sim.runTask({ ...q, placementConstraints: s.constraints, placementStrategy: s.strategies, count: s.count });
      placed += tasks!.length;
      expect(isPlacementSequenceEcsCouldMake(before, q, tasks!.map((t) => t.containerInstanceArn!), s.count)).toEqual({ ok: true });
    }), { seed: 31, numRuns: 300 });
    expect(placed).toBeGreaterThan(300);
  });

  it('tight: every instance the oracle allows is one the simulator picks under some seed', () => {
    let tied = 0;
    fc.assert(fc.property(scenario, (s) => {
      const sim = buildCluster(s.recipe);
      const q = questionOf(s);
      const { choices } = placementChoices(sim, q);
      // With up to 6 tied instances, 100 seeds miss one with probability below 1e-7.
      if (choices.length < 2 || choices.length > 6) return;
      tied++;
      const picked = new Set<string>();
      for (let seed = 1; seed <= 100 && picked.size < choices.length; seed++) {
        const what = sim.fork();
        what.state.random.state = seed;
        const { tasks } = what.runTask({ ...q, placementConstraints: s.constraints, placementStrategy: s.strategies, count: 1 });
        picked.add(tasks![0]!.containerInstanceArn!);
      }
      expect([...picked].sort()).toEqual([...choices].sort());
    }), { seed: 32, numRuns: 300 });
    expect(tied).toBeGreaterThan(30);
  });
});

describe('verdicts on hand-built clusters', () => {
  function cluster() {
    const sim = new EcsSimulator({ seed: 2 });
    sim.createCluster({ clusterName: 'prod' });
    const register = (id: string, az: string, memory: number, attributes: { name: string; value?: string }[] = []) => sim.registerContainerInstance({
      cluster: 'prod',
      instanceIdentityDocument: JSON.stringify({ instanceId: id, instanceType: 'm5.large', availabilityZone: az }),
      totalResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22'] },
      ],
      attributes,
    }).containerInstance!.containerInstanceArn!;
    const a = register('i-a', 'us-east-1a', 2048, [{ name: 'stack', value: 'prod' }]);
    const b = register('i-b', 'us-east-1a', 4096, [{ name: 'stack', value: 'dev' }]);
    const c = register('i-c', 'us-east-1b', 8192);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 1024, portMappings: [{ containerPort: 80, hostPort: 80 }] }] });
    sim.registerTaskDefinition({ family: 'eni', networkMode: 'awsvpc', containerDefinitions: [{ name: 'x', image: 'x', memory: 64 }] });
    return { sim, a, b, c };
  }

  it('no strategy: every instance that fits; a port taken turns an instance down', () => {
    const { sim, a, b, c } = cluster();
    expect(placementChoices(sim, { cluster: 'prod', taskDefinition: 'web' }).choices).toEqual([a, b, c]);
    sim.startTask({ cluster: 'prod', taskDefinition: 'web', containerInstances: [b] });
    const { choices, notChosen } = placementChoices(sim, { cluster: 'prod', taskDefinition: 'web' });
    expect(choices).toEqual([a, c]);
    expect(notChosen.get(b)).toBe('RESOURCE:PORTS');
    expect(isPlacementEcsCouldMake(sim, { cluster: 'prod', taskDefinition: 'web' }, b)).toEqual({ ok: false, reason: expect.stringMatching(/^ECS would not choose .*: RESOURCE:PORTS; it could choose 2 other/) });
  });

  it('strategies break ties in order: spread over AZs, then binpack on memory', () => {
    const { sim, a, b, c } = cluster();
    const q = { cluster: 'prod', taskDefinition: 'web', placementStrategy: [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }, { type: 'binpack' as const, field: 'memory' }] };
    expect(placementChoices(sim, q).choices).toEqual([a]);
    sim.startTask({ cluster: 'prod', taskDefinition: 'web', containerInstances: [a] });
    const { choices, notChosen } = placementChoices(sim, q);
    expect(choices).toEqual([c]);
    expect(notChosen.get(b)).toBe('STRATEGY:spread(attribute:ecs.availability-zone)');
    expect(notChosen.get(a)).toBe('RESOURCE:PORTS');
  });

  it('constraints, status, agent and attributes, each named', () => {
    const { sim, a, b, c } = cluster();
    sim.updateContainerInstancesState({ cluster: 'prod', containerInstances: [c], status: 'DRAINING' });
    sim.setAgentConnection('prod', b, false);
    expect(placementChoices(sim, { cluster: 'prod', taskDefinition: 'web' }).notChosen).toEqual(new Map([[b, 'AGENT'], [c, 'STATUS']]));
    sim.setAgentConnection('prod', b, true);
    const memberOf = { cluster: 'prod', taskDefinition: 'web', placementConstraints: [{ type: 'memberOf' as const, expression: 'attribute:stack == dev' }] };
    expect(placementChoices(sim, memberOf)).toEqual({ choices: [b], notChosen: new Map([[a, 'CONSTRAINT:memberOf'], [c, 'STATUS']]) });
    // awsvpc needs ecs.capability.task-eni, which none of them has.
    expect(placementChoices(sim, { cluster: 'prod', taskDefinition: 'eni' }).notChosen.get(a)).toBe('ATTRIBUTE');
    expect(isPlacementEcsCouldMake(sim, { cluster: 'prod', taskDefinition: 'eni' }, null)).toEqual({ ok: true });
    expect(isPlacementEcsCouldMake(sim, { cluster: 'prod', taskDefinition: 'web' }, null)).toEqual({ ok: false, reason: expect.stringContaining('ECS would place the task: 2 instance(s) qualify') });
  });

  it('distinctInstance over a sequence: each task sees the ones before it, the third has nowhere to go', () => {
    const { sim, a, b, c } = cluster();
    sim.updateContainerInstancesState({ cluster: 'prod', containerInstances: [c], status: 'DRAINING' });
    sim.registerTaskDefinition({ family: 'plain', containerDefinitions: [{ name: 'x', image: 'x', memory: 64 }] });
    const q = { cluster: 'prod', taskDefinition: 'plain', group: 'batch', placementConstraints: [{ type: 'distinctInstance' as const }] };
    expect(isPlacementSequenceEcsCouldMake(sim, q, [b, a], 3)).toEqual({ ok: true });
    expect(isPlacementSequenceEcsCouldMake(sim, q, [b, b], 2)).toEqual({ ok: false, reason: expect.stringMatching(/^task 2: ECS would not choose .*: CONSTRAINT:distinctInstance/) });
    expect(isPlacementSequenceEcsCouldMake(sim, q, [b], 2)).toEqual({ ok: false, reason: expect.stringContaining('task 2 left unplaced: ECS would place the task') });
    // The checks ran on forks: the cluster itself has no task.
    expect(sim.listTasks({ cluster: 'prod' }).taskArns).toEqual([]);
  });

  it('refuses what RunTask refuses, with the same errors', () => {
    const { sim } = cluster();
    expect(() => placementChoices(sim, { cluster: 'prod', taskDefinition: 'nope' })).toThrow(expect.objectContaining({ name: 'ClientException' }));
    expect(() => placementChoices(sim, { cluster: 'prod', taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack ==' }] }))
      .toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => placementChoices(sim, { cluster: 'nope', taskDefinition: 'web' })).toThrow(expect.objectContaining({ name: 'ClusterNotFoundException' }));
  });
});

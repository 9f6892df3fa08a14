// Every arbitrary of ecs-cluster-sim/testing produces only values the API accepts: each value is
// fed to the operation it is for, which must not throw (and must do what the value asks).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CqlSyntaxError, parseFilter, print } from '../../src/cql/index.js';
import { EcsSimulator } from '../../src/protocol/simulator.js';
import {
  buildCluster, checkInvariants, clusterRecipe, clusterVocabulary, containerInstanceRequest, cqlExpression, cqlLeaf, cqlTextAndAst,
  INSTANCE_TYPES, invalidCqlText, memberOfExpression, placementConstraints, placementStrategies, taskDefinitionRequest,
} from '../../src/testing/index.js';

function simWithCluster(): EcsSimulator {
  const sim = new EcsSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'prod' });
  return sim;
}

describe('containerInstanceRequest', () => {
  it('registers, as an ACTIVE instance with its type, AZ, resources, GPUs and attributes', () => {
    fc.assert(fc.property(containerInstanceRequest({ cluster: 'prod' }), (request) => {
      const sim = simWithCluster();
      const ci = sim.registerContainerInstance(request).containerInstance!;
      const doc = JSON.parse(request.instanceIdentityDocument!) as { instanceType: string; availabilityZone: string };
      const spec = INSTANCE_TYPES.find((t) => t.name === doc.instanceType)!;
      expect(ci.status).toBe('ACTIVE');
      expect(ci.attributes).toContainEqual({ name: 'ecs.instance-type', value: doc.instanceType });
      expect(ci.attributes).toContainEqual({ name: 'ecs.availability-zone', value: doc.availabilityZone });
      for (const a of request.attributes ?? []) expect(ci.attributes).toContainEqual(a);
      expect(ci.registeredResources!.find((r) => r.name === 'MEMORY')!.integerValue).toBe(spec.memory);
      expect(ci.remainingResources!.find((r) => r.name === 'GPU')?.integerValue ?? 0).toBe(spec.gpus);
    }), { seed: 1, numRuns: 300 });
  });

  it('keeps to the types, AZs, GPU share and attribute vocabulary it is given', () => {
    const attributes = new Map<string, (string | null)[]>([['pool', ['a', 'b']], ['fast', [null]]]);
    const samples = fc.sample(containerInstanceRequest({
      instanceTypes: ['m5.large', 'p3.2xlarge'], availabilityZones: ['eu-west-1a'], gpuShare: 0.5, attributes, maxCustomAttributes: 2, agentVersions: ['1.20.0'],
    }), { seed: 2, numRuns: 400 });
    const sim = new EcsSimulator({ region: 'eu-west-1' });
    sim.createCluster({ clusterName: 'eu' });
    let gpu = 0;
    for (const request of samples) {
      const doc = JSON.parse(request.instanceIdentityDocument!) as { instanceType: string; availabilityZone: string };
      expect(['m5.large', 'p3.2xlarge']).toContain(doc.instanceType);
      expect(doc.availabilityZone).toBe('eu-west-1a');
      const custom = (request.attributes ?? []).filter((a) => a.name !== 'ecs.capability.task-eni');
      for (const a of custom) expect(attributes.get(a.name!)).toContain(a.value ?? null);
      expect(custom.length).toBeLessThanOrEqual(2);
      if (doc.instanceType === 'p3.2xlarge') gpu++;
      sim.registerContainerInstance({ ...request, cluster: 'eu' });
    }
    // About half GPU instances (400 draws: 150 to 250 is far outside chance otherwise).
    expect(gpu).toBeGreaterThan(150);
    expect(gpu).toBeLessThan(250);
    expect(fc.sample(containerInstanceRequest({ gpuShare: 0 }), { seed: 3, numRuns: 100 }).every((r) => r.platformDevices === undefined)).toBe(true);
  });
});

describe('taskDefinitionRequest', () => {
  it('registers, in every network mode, with GPUs, task-level sizes and memberOf constraints', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(taskDefinitionRequest({ gpuShare: 0.3, taskLevelShare: 0.5, placementConstraintShare: 0.3 }), (request) => {
      const sim = new EcsSimulator();
      const { taskDefinition } = sim.registerTaskDefinition(request);
      expect(taskDefinition!.status).toBe('ACTIVE');
      expect(taskDefinition!.networkMode).toBe(request.networkMode);
      seen.add(request.networkMode!);
      if (request.containerDefinitions!.some((c) => c.resourceRequirements !== undefined)) seen.add('gpu');
      if (request.cpu !== undefined) seen.add('task-level');
      if (request.placementConstraints !== undefined) seen.add('memberOf');
      if (request.containerDefinitions!.some((c) => c.portMappings!.some((m) => m.protocol === 'udp'))) seen.add('udp');
    }), { seed: 4, numRuns: 500 });
    expect([...seen].sort()).toEqual(['awsvpc', 'bridge', 'gpu', 'host', 'memberOf', 'none', 'task-level', 'udp']);
  });

  it('maps each static host port once per protocol, so one task never conflicts with itself', () => {
    fc.assert(fc.property(taskDefinitionRequest({ hostPorts: [80, 81], maxContainers: 4 }), (request) => {
      const statics = request.containerDefinitions!.flatMap((c) => c.portMappings!.flatMap((m) => {
        const port = request.networkMode === 'host' ? m.containerPort : request.networkMode === 'bridge' ? m.hostPort : 0;
        return port ? [`${port}/${m.protocol}`] : [];
      }));
      expect(new Set(statics).size).toBe(statics.length);
    }), { seed: 5, numRuns: 300 });
  });
});

describe('placementConstraints and placementStrategies', () => {
  it('RunTask takes every list (the tasks it cannot place are failures, not errors)', () => {
    const sim = buildCluster(fc.sample(clusterRecipe({ minInstances: 4, maxInstances: 4 }), { seed: 6, numRuns: 1 })[0]!);
    sim.registerTaskDefinition({ family: 'probe', containerDefinitions: [{ name: 'c', image: 'i', memory: 16 }] });
    fc.assert(fc.property(placementConstraints({ maxLength: 10 }), placementStrategies({ maxLength: 5 }), (constraints, strategies) => {
      const what = sim.fork();
      const { tasks, failures } = what.runTask({ cluster: 'prod', taskDefinition: 'probe', count: 2, placementConstraints: constraints, placementStrategy: strategies });
      expect(tasks!.length + (failures!.length > 0 ? 1 : 0)).toBeGreaterThan(0);
    }), { seed: 7, numRuns: 300 });
  });

  it('CreateService takes them too, and memberOf expressions parse as constraint expressions', () => {
    fc.assert(fc.property(placementConstraints(), placementStrategies(), memberOfExpression({ maxDepth: 3 }), (constraints, strategies, expression) => {
      const sim = simWithCluster();
      sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'c', image: 'i', memory: 16 }] });
      sim.createService({ cluster: 'prod', serviceName: 'svc', taskDefinition: 'web', desiredCount: 1, placementConstraints: constraints, placementStrategy: strategies });
      parseFilter(expression, { source: 'placementConstraints[0].expression' });
    }), { seed: 8, numRuns: 200 });
  });
});

describe('clusterRecipe', () => {
  it('builds without a rejected call, and the built cluster keeps every invariant', () => {
    fc.assert(fc.property(clusterRecipe({ instances: { gpuShare: 0.3 } }), (recipe) => {
      const sim = buildCluster(recipe);
      expect(sim.query(null, { cluster: 'prod', status: ['ACTIVE', 'DRAINING'] })).toHaveLength(recipe.instances.length);
      checkInvariants(sim);
    }), { seed: 9, numRuns: 200 });
  });

  it('builds the same cluster every time from the same recipe', () => {
    const [recipe] = fc.sample(clusterRecipe({ minInstances: 3 }), { seed: 10, numRuns: 1 });
    expect(buildCluster(recipe!).snapshot()).toEqual(buildCluster(recipe!).snapshot());
  });
});

describe('CQL arbitraries', () => {
  const vocabularies = [{}, clusterVocabulary()];

  it('cqlExpression and cqlLeaf: checked-valid ASTs that print and parse back, and the store runs', () => {
    for (const vocabulary of vocabularies) {
      const sim = buildCluster(fc.sample(clusterRecipe({ minInstances: 3 }), { seed: 11, numRuns: 1 })[0]!);
      fc.assert(fc.property(cqlExpression({ vocabulary }), cqlLeaf(vocabulary), (ast, leaf) => {
        expect(parseFilter(print(ast))).toEqual(ast);
        expect(parseFilter(print(leaf))).toEqual(leaf);
        sim.listContainerInstances({ cluster: 'prod', filter: print(ast) });
      }), { seed: 12, numRuns: 500 });
    }
  });

  it('cqlTextAndAst: text in varied spellings parses to its AST; ListContainerInstances takes it', () => {
    const sim = buildCluster(fc.sample(clusterRecipe({ minInstances: 3 }), { seed: 13, numRuns: 1 })[0]!);
    const spellings = new Set<string>();
    fc.assert(fc.property(cqlTextAndAst(), ({ text, ast }) => {
      expect(parseFilter(text)).toEqual(ast);
      for (const s of ['&&', '||', 'equals', 'not_in', '"', '\n', '!']) if (text.includes(s)) spellings.add(s);
      expect(sim.listContainerInstances({ cluster: 'prod', filter: text, status: 'ACTIVE' }).containerInstanceArns).toEqual(
        sim.listContainerInstances({ cluster: 'prod', filter: print(ast), status: 'ACTIVE' }).containerInstanceArns);
    }), { seed: 14, numRuns: 2000 });
    expect(spellings.size).toBe(7);
  });

  it('invalidCqlText: refused with exactly the kind, line, column and message it says, by the parser and by the API', () => {
    const sim = simWithCluster();
    const defects = new Set<string>();
    fc.assert(fc.property(invalidCqlText(), (bad) => {
      defects.add(bad.defect);
      let error: unknown;
      try {
        parseFilter(bad.text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CqlSyntaxError);
      const e = error as CqlSyntaxError;
      expect({ kind: e.kind, line: e.line, column: e.column, offset: e.offset }).toEqual({ kind: bad.kind, line: bad.line, column: bad.column, offset: bad.offset });
      for (const part of bad.messageIncludes) expect(e.message).toContain(part);
      // The API answers the same error — except for blank text, which it reads as no filter at all.
      if (bad.text.trim() === '') expect(sim.listContainerInstances({ cluster: 'prod', filter: bad.text }).containerInstanceArns).toEqual([]);
      else expect(() => sim.listContainerInstances({ cluster: 'prod', filter: bad.text })).toThrow(`line ${bad.line}, column ${bad.column}`);
    }), { seed: 15, numRuns: 1500 });
    expect(defects.size).toBe(14);
  });
});

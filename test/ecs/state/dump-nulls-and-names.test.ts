// fromDescribeOutput reads a dump as the SDK types it: a null member is an absent one (the model
// makes no output member required), a null inside a list is refused; and `__proto__` is an
// ordinary name everywhere a dump holds a name, a key or a member.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { generateCluster } from '../../../src/sim/cluster-generator.js';
import { identity, RESOURCES } from '../fixtures.js';
import { answers, dumpOf, everyKind } from './dump-fixtures.js';

type Dump = Record<string, Record<string, unknown>[]>;
type Json = unknown;

/** The state a dump loads to, or the message it is refused with. */
function outcome(dump: unknown): unknown {
  try {
    return EcsSimulator.fromDescribeOutput(dump, { startTime: Date.parse('2019-06-06T00:00:00Z'), seed: 1 }).snapshot();
  } catch (e) {
    return (e as Error).message;
  }
}

describe('null members', () => {
  const base = JSON.parse(JSON.stringify(generateCluster({ instances: 6, seed: 104 }))) as Dump;
  const picks: [string, number][] = [['containerInstances', 1], ['tasks', 0], ['services', 0], ['taskDefinitions', 0]];

  it('a null member loads as the member left out, in every record kind', () => {
    let compared = 0;
    for (const [list, index] of picks) {
      for (const key of Object.keys(base[list]![index]!)) {
        const nulled = structuredClone(base);
        nulled[list]![index]![key] = null;
        const absent = structuredClone(base);
        delete absent[list]![index]![key];
        expect(outcome(nulled), `${list}[${index}].${key}`).toEqual(outcome(absent));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('so is a null member at any depth, in a dump of every service kind (task sets, FARGATE, DAEMON)', () => {
    const every = dumpOf(everyKind()) as Json;
    const members: (string | number)[][] = [];
    const walk = (v: Json, path: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          if (path.length > 0) members.push([...path, k]);
          walk(x, [...path, k]);
        }
      }
    };
    walk(every, []);
    const edit = (path: (string | number)[], f: (parent: Record<string | number, Json>, key: string | number) => void) => {
      const copy = structuredClone(every);
      let at = copy as Record<string | number, Json>;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
      f(at, path[path.length - 1]!);
      return copy;
    };
    fc.assert(
      fc.property(fc.constantFrom(...members), (path) => {
        const nulled = edit(path, (parent, key) => { parent[key] = null; });
        const absent = edit(path, (parent, key) => { delete parent[key]; });
        // (a refusal may echo the value: null or nothing)
        const same = (o: unknown) => (typeof o === 'string' ? o.replace(/got (null|undefined|nothing)$/, 'got nothing') : o);
        expect(same(outcome(nulled)), path.join('.')).toEqual(same(outcome(absent)));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('attributes: null is no attributes; platformDevices: null names the registered GPUs', () => {
    const dump = structuredClone(base);
    // An instance with two GPUs, none in use, its devices null.
    const gpu = 2;
    for (const member of ['registeredResources', 'remainingResources']) (dump.containerInstances![gpu]![member] as unknown[]).push({ name: 'GPU', type: 'INTEGER', integerValue: 2 });
    dump.containerInstances![gpu]!['platformDevices'] = null;
    dump.containerInstances![0]!['attributes'] = null;
    const sim = EcsSimulator.fromDescribeOutput(dump);
    const cluster = sim.state.clusters.get('sample')!;
    expect(cluster.instances.get(dump.containerInstances![0]!['containerInstanceArn'] as string)!.attributes).toEqual([]);
    expect(cluster.instances.get(dump.containerInstances![gpu]!['containerInstanceArn'] as string)!.platformDevices.length).toBe(2);
  });

  it('a null inside a list is refused, at its path', () => {
    const dump = structuredClone(base);
    (dump.containerInstances![1]!['attributes'] as unknown[]).splice(2, 0, null);
    expect(outcome(dump)).toMatch(/^fromDescribeOutput: containerInstances\[1\]\.attributes\[2\]: must be a value \(lists hold no nulls\); got null$/);
  });
});

describe('__proto__ is an ordinary name', () => {
  const P = '__proto__';
  const sim = new EcsSimulator({ seed: 3 });
  sim.createCluster({ clusterName: P, tags: [{ key: P, value: P }] });
  for (let n = 0; n < 2; n++) {
    sim.registerContainerInstance({
      cluster: P, instanceIdentityDocument: identity(`i-${n}`), totalResources: RESOURCES,
      attributes: [{ name: P, value: 'yes' }], tags: [{ key: P, value: 'x' }],
    });
  }
  sim.registerTaskDefinition({ family: P, containerDefinitions: [{ name: P, image: P, memory: 128, dockerLabels: { [P]: P }, logConfiguration: { logDriver: 'awslogs', options: { [P]: P } } }] });
  sim.createService({ cluster: P, serviceName: P, taskDefinition: P, desiredCount: 2, tags: [{ key: P, value: P }], placementConstraints: [{ type: 'memberOf', expression: `attribute:${P} == yes` }] });
  sim.runTask({ cluster: P, taskDefinition: P, group: P, startedBy: P, tags: [{ key: P, value: P }] });
  sim.advance(60_000);
  const dump = dumpOf(sim, P) as Dump;

  it('a dump of cluster, instances, attributes, tags, family, container, service, group and map keys all named __proto__ loads as it was', () => {
    expect(JSON.stringify(dump)).toContain('"dockerLabels":{"__proto__":"__proto__"}');
    const loaded = EcsSimulator.fromDescribeOutput(dump, { startTime: sim.now, seed: 4 });
    expect(answers(loaded, P)).toEqual(answers(sim, P));
    expect(loaded.describeTaskDefinition({ taskDefinition: `${P}:1` }).taskDefinition).toEqual(sim.describeTaskDefinition({ taskDefinition: `${P}:1` }).taskDefinition);
    expect(loaded.query(`attribute:${P} == yes and task:group == ${P}`, { cluster: P })).toHaveLength(1);
    expect(loaded.listTasks({ cluster: P, startedBy: P }).taskArns).toHaveLength(1);
  });

  it('the cluster option is a name CreateCluster takes (or this account\'s cluster ARN), else refused', () => {
    expect(EcsSimulator.fromDescribeOutput({ containerInstances: [] }, { cluster: P }).listClusters().clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/__proto__']);
    expect(EcsSimulator.fromDescribeOutput({ containerInstances: [] }, { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' }).listClusters().clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/prod']);
    for (const cluster of ['', 'a b', 'x'.repeat(256), Object.create(null), 7]) {
      expect(() => EcsSimulator.fromDescribeOutput({ containerInstances: [] }, { cluster })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringContaining('options.cluster') }));
    }
  });

  it('a record member named __proto__ (JSON text) is a member the model does not know: ignored', () => {
    const text = JSON.stringify(dump).replace('{"taskArn"', '{"__proto__":{"lastStatus":"STOPPED","containerInstanceArn":"elsewhere"},"taskArn"');
    expect(text).toContain('"__proto__":{"lastStatus"');
    const loaded = EcsSimulator.fromDescribeOutput(text, { startTime: sim.now, seed: 4 });
    expect(answers(loaded, P)).toEqual(answers(sim, P));
  });
});

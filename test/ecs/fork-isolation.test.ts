// Copy-on-write forks against eager copies: an original and its fork take random, interleaved
// operations; each must end exactly where an independent copy (snapshot → restore) given the
// same operations ends. A write that reaches a structure still shared with the other side
// shows up as a difference on that side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { identity } from './fixtures.js';

type Step =
  | { op: 'register'; type: string; az: number; stack: number }
  | { op: 'run'; family: number; count: number; strategy: number }
  | { op: 'place'; count: number }
  | { op: 'stop'; pick: number }
  | { op: 'drain' | 'activate' | 'deregister' | 'disconnect' | 'connect' | 'agent'; pick: number }
  | { op: 'put' | 'delete'; pick: number; name: number; value: number }
  | { op: 'service'; desired: number }
  | { op: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), type: fc.constantFrom('m5.large', 'c5.large', 't2.small'), az: fc.nat(2), stack: fc.nat(2) }),
  fc.record({ op: fc.constant('run' as const), family: fc.nat(2), count: fc.integer({ min: 1, max: 10 }), strategy: fc.nat(3) }),
  fc.record({ op: fc.constant('place' as const), count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('stop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constantFrom('drain' as const, 'activate' as const, 'deregister' as const, 'disconnect' as const, 'connect' as const, 'agent' as const), pick: fc.nat() }),
  fc.record({ op: fc.constantFrom('put' as const, 'delete' as const), pick: fc.nat(), name: fc.nat(2), value: fc.nat(2) }),
  fc.record({ op: fc.constant('service' as const), desired: fc.nat(12) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(500, 2_000, 5_000, 30_000) }),
);

const STRATEGIES = [[], [{ type: 'binpack', field: 'memory' }], [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }], [{ type: 'random' }]];
const STACKS = ['prod', 'dev', 'staging'];
const NAMES = ['stack', 'team', 'constructor'];

function setup(): EcsSimulator {
  const sim = new EcsSimulator({ seed: 9, latestAgentVersion: '1.30.0' });
  sim.createCluster({ clusterName: 'c' });
  sim.registerTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'x', image: 'i', cpu: 512, memory: 700, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  sim.registerTaskDefinition({ family: 'b', containerDefinitions: [{ name: 'x', image: 'i', cpu: 256, memoryReservation: 300, portMappings: [{ containerPort: 53, hostPort: 5353, protocol: 'udp' }] }] });
  sim.registerTaskDefinition({ family: 'c', networkMode: 'awsvpc', containerDefinitions: [{ name: 'x', image: 'i', cpu: 128, memory: 128 }] });
  sim.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'b', desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
  for (let n = 0; n < 4; n++) apply(sim, { op: 'register', type: 'm5.large', az: n % 3, stack: n % 2 }, 100 + n);
  sim.advance(10_000);
  return sim;
}

function apply(sim: EcsSimulator, s: Step, n: number): void {
  const instances = [...sim.state.clusters.get('c')!.instances.values()].filter((i) => i.status !== 'INACTIVE');
  const pick = (k: number) => instances[k % instances.length]!.arn;
  const ignoreEcsErrors = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if ((e as Error).name === 'Error' || (e as Error).name === 'TypeError') throw e;
    }
  };
  if ('pick' in s && s.op !== 'stop' && instances.length === 0) return;
  switch (s.op) {
    case 'register':
      sim.registerContainerInstance({
        cluster: 'c',
        instanceIdentityDocument: identity(`i-${n}`, s.type, ['us-east-1a', 'us-east-1b', 'us-east-1c'][s.az]),
        totalResources: [
          { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
          { name: 'MEMORY', type: 'INTEGER', integerValue: 2000 },
          { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375'] },
        ],
        attributes: [{ name: 'ecs.capability.task-eni' }, { name: 'stack', value: STACKS[s.stack] }],
        versionInfo: { agentVersion: '1.20.0', agentHash: 'abc', dockerVersion: 'DockerVersion: 18.06.1-ce' },
      });
      return;
    case 'run':
      ignoreEcsErrors(() => sim.runTask({ cluster: 'c', taskDefinition: ['a', 'b', 'c'][s.family], count: s.count, group: `g${s.family}`, placementStrategy: STRATEGIES[s.strategy] as never }));
      return;
    case 'place':
      ignoreEcsErrors(() => sim.placeTasks({ cluster: 'c', taskDefinition: 'b', count: s.count, placementStrategy: [{ type: 'binpack', field: 'cpu' }] }));
      return;
    case 'stop': {
      const tasks = sim.listTasks({ cluster: 'c' }).taskArns!;
      if (tasks.length > 0) sim.stopTask({ cluster: 'c', task: tasks[s.pick % tasks.length]! });
      return;
    }
    case 'drain':
    case 'activate':
      ignoreEcsErrors(() => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [pick(s.pick)], status: s.op === 'drain' ? 'DRAINING' : 'ACTIVE' }));
      return;
    case 'deregister':
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: pick(s.pick), force: true });
      return;
    case 'disconnect':
    case 'connect':
      sim.setAgentConnection('c', pick(s.pick), s.op === 'connect');
      return;
    case 'agent':
      ignoreEcsErrors(() => sim.updateContainerAgent({ cluster: 'c', containerInstance: pick(s.pick) }));
      return;
    case 'put':
      sim.putAttributes({ cluster: 'c', attributes: [{ name: NAMES[s.name]!, value: STACKS[s.value], targetId: pick(s.pick) }] });
      return;
    case 'delete':
      sim.deleteAttributes({ cluster: 'c', attributes: [{ name: NAMES[s.name]!, targetId: pick(s.pick) }] });
      return;
    case 'service':
      sim.updateService({ cluster: 'c', service: 'svc', desiredCount: s.desired });
      return;
    case 'advance':
      sim.advance(s.ms);
  }
}

/** Everything observable: the lossless snapshot, what describe shows (remainingResources), and what the indexes answer. */
function observe(sim: EcsSimulator): unknown {
  const arns = sim.listContainerInstances({ cluster: 'c', maxResults: 100 }).containerInstanceArns!;
  return {
    snapshot: sim.snapshot(),
    described: arns.length === 0 ? [] : sim.describeContainerInstances({ cluster: 'c', containerInstances: arns }).containerInstances,
    queries: ['attribute:stack == prod', 'attribute:constructor exists', 'task:group == service:svc', 'task:group in [g0, g1, g2]', 'agentConnected == false', 'agentVersion < 1.30.0', 'runningTasksCount > 1']
      .map((q) => sim.query(q, { cluster: 'c' })),
    drainingActive: sim.listContainerInstances({ cluster: 'c', status: 'DRAINING' }).containerInstanceArns,
  };
}

describe('copy-on-write forks', () => {
  it('an original and its forks (and forks of forks) each match an eager copy given the same operations', () => {
    const target = fc.constantFrom('original' as const, 'fork' as const, 'refork' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(target, step), { minLength: 1, maxLength: 30 }), (steps) => {
        const original = setup();
        let fork = original.fork();
        const eager = { original: EcsSimulator.restore(original.snapshot()), fork: EcsSimulator.restore(original.snapshot()) };
        // Forks left behind by a refork: never touched again, so they must keep what they showed.
        const left: { sim: EcsSimulator; seen: unknown }[] = [];
        steps.forEach(([side, s], n) => {
          if (side === 'refork') {
            // A fork of a (possibly changed) fork goes on in its place.
            left.push({ sim: fork, seen: observe(fork) });
            fork = fork.fork();
            return;
          }
          apply(side === 'original' ? original : fork, s, n);
          apply(eager[side], s, n);
        });
        expect(observe(original)).toEqual(observe(eager.original));
        expect(observe(fork)).toEqual(observe(eager.fork));
        for (const { sim, seen } of left) expect(observe(sim)).toEqual(seen);
      }),
      { seed: 2026, numRuns: 150 },
    );
  });
});

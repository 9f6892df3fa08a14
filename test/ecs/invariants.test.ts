// Random sequences of register / run / stop / drain / activate / deregister / services /
// advance; after every step the accountant, the store and the records agree with the tasks
// (the invariants live in src/testing/invariants.ts, exported to users).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { checkInvariants } from '../../src/testing/invariants.js';
import { identity } from './fixtures.js';

type Step =
  | { op: 'register'; type: string; az: number }
  | { op: 'run'; family: number; count: number; strategy: number }
  | { op: 'stop'; pick: number }
  | { op: 'drain'; pick: number }
  | { op: 'activate'; pick: number }
  | { op: 'deregister'; pick: number }
  | { op: 'service'; desired: number }
  | { op: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), type: fc.constantFrom('m5.large', 'c5.large', 't2.small'), az: fc.nat(2) }),
  fc.record({ op: fc.constant('run' as const), family: fc.nat(2), count: fc.integer({ min: 1, max: 10 }), strategy: fc.nat(3) }),
  fc.record({ op: fc.constant('stop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('drain' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('activate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('deregister' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('service' as const), desired: fc.nat(12) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(500, 2_000, 5_000, 30_000) }),
);

const STRATEGIES = [[], [{ type: 'binpack', field: 'memory' }], [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }], [{ type: 'random' }]];

function setup(): EcsSimulator {
  const sim = new EcsSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'c' });
  sim.registerTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'x', image: 'i', cpu: 512, memory: 700, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  sim.registerTaskDefinition({ family: 'b', containerDefinitions: [{ name: 'x', image: 'i', cpu: 256, memoryReservation: 300, portMappings: [{ containerPort: 53, hostPort: 5353, protocol: 'udp' }] }] });
  sim.registerTaskDefinition({ family: 'c', networkMode: 'awsvpc', containerDefinitions: [{ name: 'x', image: 'i', cpu: 128, memory: 128 }] });
  sim.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'b', desiredCount: 0, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
  return sim;
}

function apply(sim: EcsSimulator, s: Step, n: number): void {
  const instances = [...sim.state.clusters.get('c')!.instances.values()].filter((i) => i.status !== 'INACTIVE');
  const pick = (k: number) => instances[k % instances.length]!;
  const ignoreEcsErrors = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if ((e as Error).name === 'Error' || (e as Error).name === 'TypeError') throw e;
    }
  };
  switch (s.op) {
    case 'register':
      sim.registerContainerInstance({
        cluster: 'c',
        instanceIdentityDocument: identity(`i-${n}`, s.type, ['us-east-1a', 'us-east-1b', 'us-east-1c'][s.az]),
        totalResources: [
          { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
          { name: 'MEMORY', type: 'INTEGER', integerValue: 2000 },
          { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375'] },
          { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
        ],
        attributes: [{ name: 'ecs.capability.task-eni' }],
      });
      return;
    case 'run':
      ignoreEcsErrors(() => sim.runTask({ cluster: 'c', taskDefinition: ['a', 'b', 'c'][s.family], count: s.count, placementStrategy: STRATEGIES[s.strategy] as never }));
      return;
    case 'stop': {
      const tasks = sim.listTasks({ cluster: 'c' }).taskArns!;
      if (tasks.length > 0) sim.stopTask({ cluster: 'c', task: tasks[s.pick % tasks.length]! });
      return;
    }
    case 'drain':
    case 'activate':
      if (instances.length > 0) ignoreEcsErrors(() => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [pick(s.pick).arn], status: s.op === 'drain' ? 'DRAINING' : 'ACTIVE' }));
      return;
    case 'deregister':
      if (instances.length > 0) sim.deregisterContainerInstance({ cluster: 'c', containerInstance: pick(s.pick).arn, force: true });
      return;
    case 'service':
      sim.updateService({ cluster: 'c', service: 'svc', desiredCount: s.desired });
      return;
    case 'advance':
      sim.advance(s.ms);
  }
}

describe('accountant, store and records stay consistent with the tasks', () => {
  it('under random register / run / stop / drain / deregister / service / advance sequences', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        const sim = setup();
        for (let n = 0; n < 3; n++) apply(sim, { op: 'register', type: 'm5.large', az: n % 3 }, 100 + n);
        steps.forEach((s, n) => {
          apply(sim, s, n);
          checkInvariants(sim);
        });
        // Restoring a snapshot keeps every invariant too.
        checkInvariants(EcsSimulator.restore(sim.snapshot()));
        checkInvariants(sim.fork());
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});

// Random operations on a small cluster, for property tests of the simulator as a whole: register,
// run and place tasks, stop, drain / activate, forced deregistration, agent connection and
// updates, attributes (`constructor` among the names), the service's desired count, the clock.
// `apply` ignores the ECS errors a random step may provoke (they change nothing) and lets bugs
// (plain Error / TypeError) through.
import fc from 'fast-check';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { identity } from './fixtures.js';

export type Step =
  | { op: 'register'; type: string; az: number; stack: number }
  | { op: 'run'; family: number; count: number; strategy: number }
  | { op: 'place'; count: number }
  | { op: 'stop'; pick: number }
  | { op: 'drain' | 'activate' | 'deregister' | 'disconnect' | 'connect' | 'agent'; pick: number }
  | { op: 'put' | 'delete'; pick: number; name: number; value: number }
  | { op: 'service'; desired: number }
  | { op: 'advance'; ms: number };

export const step: fc.Arbitrary<Step> = fc.oneof(
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

export function setup(): EcsSimulator {
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

export function apply(sim: EcsSimulator, s: Step, n: number): void {
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

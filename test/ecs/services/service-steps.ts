// Random operations for the differential tests of the event-driven service scheduler and the
// live-task indexes: random-steps.ts's (instances, tasks, drains, deregistrations, the clock) plus
// services created, scaled, redeployed (a new task definition alone, or forceNewDeployment) and deleted with assorted deployment configurations,
// placement constraints and strategies, and forks (the steps continue on the fork).
import fc from 'fast-check';
import type { EcsSimulator } from '../../../src/ecs/simulator.js';
import { apply as applyBase, step as baseStep, type Step as BaseStep } from '../random-steps.js';

export type ServiceStep =
  | BaseStep
  | { op: 'svc-create'; name: number; family: number; desired: number; min: number; max: number; distinct: boolean; strategy: number }
  | { op: 'svc-update'; name: number; desired: number; family: number }
  | { op: 'svc-redeploy'; name: number; family: number }
  | { op: 'svc-force'; name: number }
  | { op: 'svc-delete'; name: number }
  | { op: 'fork' };

const NAMES = ['web', 'api', 'worker', 'constructor'];
const STRATEGIES = [[], [{ type: 'binpack', field: 'memory' }], [{ type: 'spread', field: 'instanceId' }], [{ type: 'random' }]];

export const serviceStep: fc.Arbitrary<ServiceStep> = fc.oneof(
  { weight: 6, arbitrary: baseStep },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('svc-create' as const), name: fc.nat(3), family: fc.nat(2), desired: fc.nat(8),
      min: fc.constantFrom(0, 50, 100), max: fc.constantFrom(100, 150, 200), distinct: fc.boolean(), strategy: fc.nat(3),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('svc-update' as const), name: fc.nat(3), desired: fc.nat(10), family: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('svc-redeploy' as const), name: fc.nat(3), family: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('svc-force' as const), name: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('svc-delete' as const), name: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'fork' as const }) },
);

/** Applies a step; returns the simulator to continue with (a fork, for `fork`). ECS errors are ignored. */
export function applyServiceStep(sim: EcsSimulator, s: ServiceStep, n: number): EcsSimulator {
  const ignoreEcsErrors = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if ((e as Error).name === 'Error' || (e as Error).name === 'TypeError') throw e;
    }
  };
  switch (s.op) {
    case 'svc-create':
      ignoreEcsErrors(() => sim.createService({
        cluster: 'c', serviceName: NAMES[s.name]!, taskDefinition: ['a', 'b', 'c'][s.family]!, desiredCount: s.desired,
        deploymentConfiguration: { minimumHealthyPercent: s.min, maximumPercent: s.max },
        placementConstraints: s.distinct ? [{ type: 'distinctInstance' }] : [],
        placementStrategy: STRATEGIES[s.strategy] as never,
      }));
      return sim;
    case 'svc-update':
      ignoreEcsErrors(() => sim.updateService({ cluster: 'c', service: NAMES[s.name]!, desiredCount: s.desired, taskDefinition: ['a', 'b', 'c'][s.family]! }));
      return sim;
    case 'svc-redeploy':
      ignoreEcsErrors(() => sim.updateService({ cluster: 'c', service: NAMES[s.name]!, taskDefinition: ['a', 'b', 'c'][s.family]! }));
      return sim;
    case 'svc-force':
      ignoreEcsErrors(() => sim.updateService({ cluster: 'c', service: NAMES[s.name]!, forceNewDeployment: true }));
      return sim;
    case 'svc-delete':
      ignoreEcsErrors(() => sim.deleteService({ cluster: 'c', service: NAMES[s.name]!, force: true }));
      return sim;
    case 'fork':
      return sim.fork();
    default:
      applyBase(sim, s, n);
      return sim;
  }
}

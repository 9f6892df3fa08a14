/**
 * The steps of a capacity what-if on a fork, as the what-if engine takes them (`runWhatIf`): the
 * fork is thrown away if a step throws, so the steps run outside a transaction — one would copy
 * every record the step touches, for an undo nobody needs.
 */
import { clusterFor } from '../ecs/clusters/cluster.js';
import { terminateInstance } from '../ecs/container-instances/retire.js';
import type { EcsSimulator } from '../ecs/simulator.js';

/**
 * Abrupt loss, as when EC2 terminates the instances (`failInstancesWhatIf`'s step): their tasks
 * stop with ECS's stopped reason for a terminated host, the instances go INACTIVE (DEREGISTERING
 * while a trunk ENI is released). `sim` must be a fork.
 */
export function loseInstances(sim: EcsSimulator, cluster: string, arns: readonly string[]): void {
  const record = clusterFor(sim.state, { cluster });
  for (const arn of arns) terminateInstance(sim.state, record, arn);
}

/** `ms` of simulated time on a fork: tasks start and stop, the service scheduler works. */
export function settle(sim: EcsSimulator, ms: number): void {
  sim.state.clock.advance(ms);
}

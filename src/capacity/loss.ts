/**
 * Abrupt loss of container instances on a fork, as when EC2 terminates them: their tasks stop at
 * once with ECS's stopped reason for a terminated host, the instances are deregistered (INACTIVE,
 * or DEREGISTERING while a trunk ENI is released) and services replace what they can.
 *
 * Stand-in until the what-if engine's `failInstancesWhatIf` (issue #13) is on main: forced
 * deregistration alone scans every task of the cluster per instance (about 30 s for an AZ of the
 * medium dataset), so the tasks are stopped here in one pass first, and each deregistration then
 * finds its instance empty.
 */
import type { EcsSimulator } from '../ecs/simulator.js';
import { finishStop } from '../ecs/tasks/lifecycle.js';
import { clusterFor } from '../ecs/clusters/cluster.js';

/** Terminates `arns` (instances of `cluster`) on `sim`, which must be a fork. */
export function loseInstances(sim: EcsSimulator, cluster: string, arns: readonly string[]): void {
  const record = clusterFor(sim.state, { cluster });
  const lost = new Map<string, string>();
  for (const arn of arns) {
    const i = record.instances.peek(arn);
    if (i !== undefined && i.status !== 'INACTIVE') lost.set(arn, i.ec2InstanceId ?? i.id);
  }
  const stopping = [...record.tasks.values()].filter((t) => t.lastStatus !== 'STOPPED' && t.containerInstanceArn !== undefined && lost.has(t.containerInstanceArn));
  for (const t of stopping) finishStop(sim.state, record, t, `Host EC2 (instance ${lost.get(t.containerInstanceArn!)}) terminated.`);
  for (const arn of lost.keys()) {
    if (record.instances.peek(arn)!.status === 'DEREGISTERING') continue;
    sim.deregisterContainerInstance({ cluster, containerInstance: arn, force: true });
  }
}

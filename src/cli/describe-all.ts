/** DescribeContainerInstances over any number of instances (the operation takes 100 per call). */
import type { EcsSimulator } from '../protocol/simulator.js';
import type { ContainerInstance, Failure } from '../shapes.js';

const PER_CALL = 100;

export function describeAll(sim: EcsSimulator, cluster: string, references: readonly string[]): ContainerInstance[] {
  return describeWithFailures(sim, cluster, references).containerInstances;
}

export function describeWithFailures(sim: EcsSimulator, cluster: string, references: readonly string[]): { containerInstances: ContainerInstance[]; failures: Failure[] } {
  const containerInstances: ContainerInstance[] = [];
  const failures: Failure[] = [];
  for (let i = 0; i < references.length; i += PER_CALL) {
    const out = sim.describeContainerInstances({ cluster, containerInstances: references.slice(i, i + PER_CALL) });
    containerInstances.push(...(out.containerInstances ?? []));
    failures.push(...(out.failures ?? []));
  }
  return { containerInstances, failures };
}

// Small generated clusters for the capacity tests (loaded once per seed and size).
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { generateCluster } from '../../src/sim/cluster-generator.js';

const cache = new Map<string, EcsSimulator>();

/** A generated cluster `sample` of `instances` instances (a fork, so tests never share changes). */
export function generated(instances: number, seed: number, utilization = 0.7): EcsSimulator {
  const key = `${instances}/${seed}/${utilization}`;
  let sim = cache.get(key);
  if (sim === undefined) cache.set(key, (sim = EcsSimulator.fromDescribeOutput(generateCluster({ instances, seed, utilization }))));
  return sim.fork();
}

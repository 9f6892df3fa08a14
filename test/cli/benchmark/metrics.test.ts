/**
 * The benchmark's metrics against figures worked out by hand, on clusters of three instances
 * small enough to follow every placement.
 */
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/index.js';
import { MeasuredPlacementEngine } from '../../../src/cli/benchmark/measured-engine.js';
import { measure } from '../../../src/cli/benchmark/metrics.js';
import { runScenario } from '../../../src/cli/scenario/run.js';
import { parseScenario } from '../../../src/cli/scenario/validate.js';

const NO_PROGRESS = { update() {}, finish() {} };

/** Instances: [availability zone, CPU units, MiB], registered in this order. */
function cluster(instances: readonly [string, number, number][]): { sim: EcsSimulator; engine: MeasuredPlacementEngine } {
  const engine = new MeasuredPlacementEngine();
  const sim = new EcsSimulator({ seed: 1, placement: engine });
  sim.createCluster({ clusterName: 'c' });
  instances.forEach(([az, cpu, memory], i) => {
    sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: JSON.stringify({ instanceId: `i-${i}`, instanceType: 'm5.large', availabilityZone: az, imageId: 'ami-1' }),
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: cpu }, { name: 'MEMORY', type: 'INTEGER', integerValue: memory }],
      versionInfo: { agentVersion: '1.29.0' },
    });
  });
  return { sim, engine };
}

function run(sim: EcsSimulator, engine: MeasuredPlacementEngine, steps: unknown[]) {
  const scenario = parseScenario({ steps }, 'test');
  const result = runScenario(scenario, { sim, cluster: 'c', source: 'test', seed: 1 }, NO_PROGRESS);
  return measure(sim, 'c', scenario.steps, result.steps, engine);
}

const td = (family: string, cpu: number, memory: number) => ({ op: 'RegisterTaskDefinition', request: { family, containerDefinitions: [{ name: family, image: family, cpu, memory }] } });

describe('benchmark metrics, worked out by hand', () => {
  it('placed, short by reason, instances in use, reserved, stranded CPU and memory, AZ skew', () => {
    // a: 2 vCPU / 4 GiB, b: the same, c: 4 vCPU / 8 GiB.
    const { sim, engine } = cluster([['us-east-1a', 2048, 4096], ['us-east-1b', 2048, 4096], ['us-east-1c', 4096, 8192]]);
    const metrics = run(sim, engine, [
      td('t', 1024, 1024),
      td('big', 4096, 8192),
      // binpack(memory): a (least memory that fits) twice, until its CPU is gone, then b.
      { op: 'place', taskDefinition: 't', count: 3, placementStrategy: [{ type: 'binpack', field: 'memory' }] },
      // Only c holds a big task; the second finds every instance short of CPU.
      { op: 'place', taskDefinition: 'big', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }] },
    ]);
    // Left: a 0 CPU / 2048 MiB, b 1024 / 3072, c 0 / 0. The smallest task: 1024 CPU, 1024 MiB.
    expect(metrics).toEqual({
      placed: 4,
      short: { total: 1, byReason: { 'RESOURCE:CPU': 1 } },
      stuck: { total: 0, byReason: {} },
      instancesActive: 3,
      instancesInUse: 3,
      cpuReserved: (2048 + 1024 + 4096) / 8192,
      memoryReserved: (2048 + 1024 + 8192) / 16384,
      // no instance in use has free CPU beside less than 1024 MiB free (c has neither)
      strandedCpu: 0,
      // a has 2048 MiB free and no CPU: no task of the run fits there
      strandedMemory: 2048 / 16384,
      // family:t 2, 1, 0 per AZ (skew 2); family:big 0, 0, 1 (skew 1)
      azSkewMean: 1.5,
      azSkewMax: 2,
      moved: 0,
    });
  });

  it('an instance not in use is not counted, nor its free capacity', () => {
    const { sim, engine } = cluster([['us-east-1a', 2048, 4096], ['us-east-1b', 4096, 4096]]);
    const metrics = run(sim, engine, [td('t', 1536, 512), { op: 'place', taskDefinition: 't', count: 1, placementStrategy: [{ type: 'binpack', field: 'cpu' }] }]);
    // On a: 512 CPU left (less than 1536), 3584 MiB stranded; b is empty and not in use.
    expect(metrics).toMatchObject({ placed: 1, instancesInUse: 1, cpuReserved: 0.75, memoryReserved: 0.125, strandedCpu: 0, strandedMemory: 0.875, azSkewMean: 1, azSkewMax: 1 });
  });

  it('a service task moved after an abrupt loss; the lost AZ no longer counts for skew', () => {
    // a has the least memory: binpack(memory) puts the first task there; b and c tie for the second.
    const { sim, engine } = cluster([['us-east-1a', 1024, 768], ['us-east-1b', 1024, 1024], ['us-east-1c', 1024, 1024]]);
    const metrics = run(sim, engine, [
      td('s', 512, 512),
      { op: 'CreateService', request: { serviceName: 's', taskDefinition: 's', desiredCount: 2, placementConstraints: [{ type: 'distinctInstance' }], placementStrategy: [{ type: 'binpack', field: 'memory' }] } },
      { op: 'advance', seconds: 60 },
      { op: 'fail', filter: 'attribute:ecs.availability-zone == us-east-1a', settleSeconds: 300 },
    ]);
    expect(sim.describeServices({ cluster: 'c', services: ['s'] }).services![0]!.runningCount).toBe(2);
    // The task lost with a is placed again on the one instance left without one: three placements,
    // one move; two tasks in two of the two AZs left: no skew.
    expect(metrics).toMatchObject({ placed: 3, moved: 1, short: { total: 0 }, stuck: { total: 0 }, instancesActive: 2, instancesInUse: 2, azSkewMean: 0, azSkewMax: 0 });
  });

  it('a drained instance whose task has nowhere to go: stuck, with the reason', () => {
    const { sim, engine } = cluster([['us-east-1a', 1024, 1024], ['us-east-1b', 1024, 1024]]);
    const metrics = run(sim, engine, [
      td('s', 512, 512),
      { op: 'CreateService', request: { serviceName: 's', taskDefinition: 's', desiredCount: 2, placementConstraints: [{ type: 'distinctInstance' }] } },
      { op: 'advance', seconds: 60 },
      { op: 'drain', filter: 'attribute:ecs.availability-zone == us-east-1a', settleSeconds: 300 },
    ]);
    // The task on a cannot move to b (distinctInstance) and stays on the DRAINING instance.
    expect(metrics).toMatchObject({
      placed: 2, moved: 0, instancesActive: 1, instancesInUse: 1,
      short: { total: 0, byReason: {} },
      stuck: { total: 1, byReason: { 'CONSTRAINT:distinctInstance': 1 } },
    });
  });
});

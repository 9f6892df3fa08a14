// RunTask's and StartTask's overrides: a container's cpu, memory, memoryReservation and GPUs, and
// the task's cpu and memory, change what each task reserves (and so where it fits); the tasks
// keep and echo them; overrides the task definition cannot take are refused and change nothing.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { describeOne, expectRejected, register, simWithCluster } from '../fixtures.js';

function world() {
  const sim = simWithCluster();
  const instance = register(sim, 1); // 2048 CPU units, 7681 MiB
  sim.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [
      { name: 'app', image: 'app', cpu: 256, memory: 512 },
      { name: 'sidecar', image: 'sidecar', cpu: 0, memoryReservation: 64 },
    ],
  });
  return { sim, instance };
}

const remaining = (sim: EcsSimulator, arn: string) =>
  Object.fromEntries(describeOne(sim, arn).remainingResources!.filter((r) => r.name === 'CPU' || r.name === 'MEMORY').map((r) => [r.name, r.integerValue]));

describe('RunTask and StartTask overrides', () => {
  it('a container override changes what the task reserves, and DescribeTasks echoes it', () => {
    const { sim, instance } = world();
    const overrides = { containerOverrides: [{ name: 'app', cpu: 1024, memory: 3000 }, { name: 'sidecar', memoryReservation: 100 }] };
    const { tasks } = sim.runTask({ cluster: 'c', taskDefinition: 'web', overrides });
    expect(remaining(sim, instance)).toEqual({ CPU: 2048 - 1024, MEMORY: 7681 - 3000 - 100 });
    expect(tasks![0]!.overrides).toEqual(overrides);
    expect(sim.describeTasks({ cluster: 'c', tasks: [tasks![0]!.taskArn!] }).tasks![0]!.overrides).toEqual(overrides);
    // Without overrides: the task definition's 256 + 0 units and 512 + 64 MiB.
    sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    expect(remaining(sim, instance)).toEqual({ CPU: 2048 - 1024 - 256, MEMORY: 7681 - 3100 - 576 });
  });

  it('a task-level cpu and memory override is what the task reserves', () => {
    const { sim, instance } = world();
    sim.startTask({ cluster: 'c', taskDefinition: 'web', containerInstances: [instance], overrides: { cpu: '1 vCPU', memory: '2 GB' } });
    expect(remaining(sim, instance)).toEqual({ CPU: 1024, MEMORY: 7681 - 2048 });
  });

  it('an override larger than any instance leaves the task unplaced with the resource that ran out', () => {
    const { sim } = world();
    const { tasks, failures } = sim.runTask({ cluster: 'c', taskDefinition: 'web', overrides: { containerOverrides: [{ name: 'app', memory: 8000 }] } });
    expect(tasks).toEqual([]);
    expect(failures!.map((f) => f.reason)).toEqual(['RESOURCE:MEMORY']);
  });

  it('a GPU override needs an instance with GPUs', () => {
    const { sim } = world();
    const { failures } = sim.runTask({ cluster: 'c', taskDefinition: 'web', overrides: { containerOverrides: [{ name: 'app', resourceRequirements: [{ type: 'GPU', value: '1' }] }] } });
    expect(failures!.map((f) => f.reason)).toEqual(['RESOURCE:GPU']);
  });

  it('refuses, changing nothing: a container the task definition lacks (in ECS words), one overridden twice, sizes RegisterTaskDefinition would refuse, unreadable task sizes', () => {
    const { sim } = world();
    const run = (overrides: object) => () => sim.runTask({ cluster: 'c', taskDefinition: 'web', overrides });
    expectRejected(sim, run({ containerOverrides: [{ name: 'db', memory: 128 }] }), 'InvalidParameterException', /^Override for container named db is not a container in the TaskDefinition\.$/);
    expectRejected(sim, run({ containerOverrides: [{ name: 'app', memory: 128 }, { name: 'app', cpu: 1 }] }), 'InvalidParameterException', /containerOverrides\[1\]\.name: container "app" is overridden twice/);
    // The container as overridden passes RegisterTaskDefinition's rules, in ECS's words.
    expectRejected(sim, run({ containerOverrides: [{ name: 'app', memoryReservation: 512 }] }), 'ClientException', /^Invalid setting for container 'app'\. 'memory' must be greater than 'memoryReservation'\.$/);
    expectRejected(sim, run({ containerOverrides: [{ name: 'app', memory: 0 }] }), 'ClientException', /^Invalid 'memory' setting for container 'app'\.$/);
    expectRejected(sim, run({ containerOverrides: [{ name: 'app', resourceRequirements: [{ type: 'GPU', value: 'two' }] }] }), 'ClientException', /^Invalid 'GPU' setting for container 'app'/);
    expectRejected(sim, run({ cpu: 'lots' }), 'InvalidParameterException', /overrides\.cpu: CPU units/);
    expectRejected(sim, run({ memory: '1 TiB' }), 'InvalidParameterException', /overrides\.memory: MiB/);
  });

  it('placeTasks and headroom check RunTask\'s request as the model does: a member of the wrong type is refused, changing nothing', () => {
    const { sim } = world();
    for (const bad of [() => 1, 10n, Symbol('s'), Number.NaN, 'lots']) {
      expectRejected(sim, () => sim.placeTasks({ cluster: 'c', taskDefinition: 'web', overrides: bad as never }), 'SerializationException', /^overrides must be an object/);
      expect(() => sim.headroom({ taskDefinition: 'web', overrides: bad as never }, { cluster: 'c' })).toThrow(expect.objectContaining({ name: 'SerializationException', message: expect.stringMatching(/^overrides must be an object/) }));
    }
    expectRejected(sim, () => sim.placeTasks({ cluster: 'c', taskDefinition: 'web', count: 1.5 }), 'SerializationException', /^count must be a 32-bit integer/);
    // Members the model does not know are dropped, as RunTask drops them.
    expect(sim.placeTasks({ cluster: 'c', taskDefinition: 'web', count: 2, nonsense: () => 1 } as never).taskArns).toHaveLength(2);
  });

  it('a snapshot keeps them: the restored task echoes its overrides and holds what they reserved; a snapshot with malformed overrides is refused at its path', () => {
    const { sim, instance } = world();
    const overrides = { containerOverrides: [{ name: 'app', memory: 3000, environment: [{ name: '__proto__', value: 'x' }] }] };
    const arn = sim.runTask({ cluster: 'c', taskDefinition: 'web', overrides }).tasks![0]!.taskArn!;
    const restored = EcsSimulator.restore(JSON.parse(JSON.stringify(sim.snapshot())));
    expect(restored.describeTasks({ cluster: 'c', tasks: [arn] }).tasks![0]!.overrides).toEqual(overrides);
    expect(remaining(restored, instance)).toEqual(remaining(sim, instance));
    const bad = JSON.parse(JSON.stringify(sim.snapshot()));
    bad.clusters[0].tasks[0].overrides = { containerOverrides: 'app' };
    expect(() => EcsSimulator.restore(bad)).toThrow(/^restore: clusters\[0\]\.tasks\[0\]: overrides\.containerOverrides must be a list/);
  });
});

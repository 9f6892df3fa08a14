// New ids are never ones in use: a dump loaded with the seed of the simulator that made it replays
// that simulator's draws, and registering, running and creating task sets there must still give
// fresh ids (they gave the loaded records' ids again: a StoreError, answered 500).
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { checkInvariants } from '../../../src/testing/invariants.js';
import { unusedId } from '../../../src/ecs/shared/ids.js';
import { register, simWithCluster } from '../fixtures.js';
import { dumpOf } from '../state/dump-fixtures.js';

describe('fresh ids', () => {
  it('unusedId draws again while the id is taken, and stops at the first free one', () => {
    const draws = ['a', 'b', 'a', 'c'];
    let n = 0;
    expect(unusedId(() => draws[n++]!, (id) => id === 'a' || id === 'b')).toBe('c');
    expect(n).toBe(4);
  });

  it('a dump loaded with its own seed registers instances and runs tasks under new ids', () => {
    const made = simWithCluster(); // seed 7
    register(made, 1);
    made.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }] });
    made.runTask({ cluster: 'c', taskDefinition: 'web', count: 2 });
    made.createService({ cluster: 'c', serviceName: 'svc', taskDefinition: 'web', desiredCount: 0 });
    const loaded = EcsSimulator.fromDescribeOutput(dumpOf(made), { seed: 7, cluster: 'c' });
    const before = new Set(loaded.listContainerInstances({ cluster: 'c' }).containerInstanceArns);
    const arn = register(loaded, 2);
    expect(before.has(arn)).toBe(false);
    const tasksBefore = new Set(loaded.listTasks({ cluster: 'c' }).taskArns);
    const run = loaded.runTask({ cluster: 'c', taskDefinition: 'web', count: 2 });
    expect(run.tasks!.map((t) => t.taskArn).filter((a) => tasksBefore.has(a!))).toEqual([]);
    checkInvariants(loaded);
  });
});

/**
 * `writeCluster`'s progress (what `generate`'s bar shows) counts both passes over the instances,
 * so it runs from near 0 to exactly 100% once, and is at half-way when the tasks begin.
 */
import { expect, it } from 'vitest';
import { writeCluster } from '../../src/sim/cluster-generator.js';

it('reports 1..2N in order, half-way when the tasks list starts, and 100% only at the end', () => {
  const instances = 40;
  const events: (number | string)[] = [];
  writeCluster({ instances, seed: 3 }, (chunk) => {
    if (chunk.includes('"tasks"')) events.push('tasks list');
    if (chunk.includes('"taskDefinitions"')) events.push('task definitions list');
  }, 0, (done, total) => {
    expect(total).toBe(2 * instances);
    events.push(done);
  });
  const numbers = events.filter((e): e is number => typeof e === 'number');
  expect(numbers).toEqual(Array.from({ length: 2 * instances }, (_, i) => i + 1));
  expect(events.indexOf('tasks list')).toBe(events.indexOf(instances) + 1);
  expect(events.indexOf('task definitions list')).toBe(events.indexOf(2 * instances) + 1);
});

// Every service kind of the 2019 API survives a dump: a simulator running REPLICA and DAEMON
// services, FARGATE tasks and a service deployed by task sets (EXTERNAL), described as the API
// describes it and loaded with fromDescribeOutput, describes exactly as before.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { checkInvariants } from '../../../src/testing/invariants.js';
import { register } from '../fixtures.js';
import { answers, dumpOf, everyKind } from './dump-fixtures.js';

describe('a dump of every service kind loads back to the same describe answers', () => {
  const sim = everyKind();
  const loaded = EcsSimulator.fromDescribeOutput(dumpOf(sim), { startTime: sim.now, seed: 8 });

  it('the original has a task of every kind (so the round trip covers them)', () => {
    const all = [...sim.state.clusters.get('c')!.tasks.values()];
    expect(all.some((t) => t.launchType === 'FARGATE' && t.serviceName === 'fg' && t.lastStatus === 'RUNNING')).toBe(true);
    expect(all.some((t) => t.launchType === 'FARGATE' && t.serviceName === undefined)).toBe(true);
    expect(all.filter((t) => t.serviceName === 'agent' && t.lastStatus === 'RUNNING')).toHaveLength(3);
    expect(new Set(all.filter((t) => t.serviceName === 'ext').map((t) => t.taskSetId)).size).toBe(2);
    expect(all.some((t) => t.lastStatus === 'STOPPED')).toBe(true);
    expect(all.some((t) => t.lastStatus === 'PENDING')).toBe(true);
    expect(all.some((t) => t.tags.some((x) => x.key?.startsWith('aws:')))).toBe(true);
  });

  it('describes the same instances, tasks, services and task sets', () => {
    expect(answers(loaded, 'c', 'ext')).toEqual(answers(sim, 'c', 'ext'));
    checkInvariants(loaded);
  });

  it('keeps the same state as the simulator goes on: daemons on new instances, task sets scaled', () => {
    for (const s of [sim, loaded]) {
      register(s, 9, { attributes: [{ name: 'role', value: 'worker' }] });
      s.updateService({ cluster: 'c', service: 'ext', desiredCount: 6 });
      s.advance(120_000);
    }
    const counts = (s: EcsSimulator) => {
      const a = answers(s, 'c', 'ext');
      return {
        services: a.services.services!.map((x) => [x.serviceName, x.desiredCount, x.runningCount, x.pendingCount]),
        taskSets: a.taskSets!.taskSets!.map((x) => [x.id, x.computedDesiredCount, x.runningCount, x.stabilityStatus]),
        daemons: s.listTasks({ cluster: 'c', serviceName: 'agent' }).taskArns!.length,
      };
    };
    expect(counts(loaded)).toEqual(counts(sim));
    expect(counts(loaded).daemons).toBe(4);
    checkInvariants(loaded);
  });

  it('survives a snapshot too (managed aws: tags included)', () => {
    const again = EcsSimulator.restore(JSON.parse(JSON.stringify(loaded.snapshot())));
    expect(answers(again, 'c', 'ext')).toEqual(answers(loaded, 'c', 'ext'));
  });
});

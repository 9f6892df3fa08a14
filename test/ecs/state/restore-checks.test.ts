// restore() accepts only states the simulator keeps: each kind of corruption is refused with an
// InvalidParameterException naming its JSON path (never a 500-style TypeError later), and a good
// snapshot of the same state still restores.
import { describe, expect, it } from 'vitest';
import { EcsError } from '../../../src/errors.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { setup } from '../random-steps.js';

// Loosely typed on purpose: the tests corrupt it.
type Snapshot = Record<string, any>;

function base(): Snapshot {
  const sim = setup();
  sim.runTask({ cluster: 'c', taskDefinition: 'a', count: 2 });
  sim.advance(6_000);
  return JSON.parse(JSON.stringify(sim.snapshot())) as Snapshot;
}

const runningTask = (s: Snapshot) => s.clusters[0].tasks.findIndex((t: { lastStatus: string }) => t.lastStatus === 'RUNNING');

function refused(snapshot: unknown): EcsError {
  try {
    EcsSimulator.restore(snapshot as never);
  } catch (e) {
    if (e instanceof EcsError) return e;
    throw e;
  }
  throw new Error('the snapshot should have been refused');
}

const CORRUPTIONS: [string, (s: Snapshot) => void, RegExp][] = [
  ['a task listed twice', (s) => s.clusters[0].tasks.push(s.clusters[0].tasks[runningTask(s)]), /^restore: clusters\[0\]\.tasks\[\d+\]\.arn: task .* appears twice/],
  ['an unknown instance status', (s) => (s.clusters[0].instances[0].status = 'SLEEPING'), /^restore: clusters\[0\]\.instances\[0\]\.status: must be one of ACTIVE/],
  ['attributes: null', (s) => (s.clusters[0].instances[0].attributes = null), /^restore: clusters\[0\]\.instances\[0\]\.attributes: must be a list; got null/],
  ['a clock that is not a number', (s) => (s.clock.now = 'noon'), /^restore: clock\.now: must be a time in epoch milliseconds; got "noon"/],
  ['an INACTIVE instance holding running tasks', (s) => {
    const t = s.clusters[0].tasks[runningTask(s)];
    const i = s.clusters[0].instances.find((x: { arn: string }) => x.arn === t.containerInstanceArn);
    i.status = 'INACTIVE';
  }, /^restore: clusters\[0\]\.instances\[\d+\]: an INACTIVE instance has no tasks/],
  ['a reservation that does not fit', (s) => (s.clusters[0].tasks[runningTask(s)].reservation.memory = 1_000_000), /^restore: clusters\[0\]\.tasks\[\d+\]: .*MEMORY/],
  ['a task on an unknown instance', (s) => (s.clusters[0].tasks[runningTask(s)].containerInstanceArn = 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/nope'), /^restore: clusters\[0\]\.tasks\[\d+\]\.containerInstanceArn: a task that is not STOPPED must be on an instance of the cluster/],
  ['a service of an unknown task definition', (s) => (s.clusters[0].services[0].taskDefinitionArn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/zz:9'), /^restore: clusters\[0\]\.services\[0\]\.taskDefinitionArn: .* is not a registered task definition/],
  ['an unknown task status', (s) => (s.clusters[0].tasks[0].lastStatus = 'ZOMBIE'), /^restore: clusters\[0\]\.tasks\[0\]\.lastStatus: must be one of PENDING, RUNNING, STOPPED/],
  ['an instance counting fewer tasks than it holds', (s) => {
    const t = s.clusters[0].tasks[runningTask(s)];
    s.clusters[0].instances.find((x: { arn: string }) => x.arn === t.containerInstanceArn).runningTasksCount = 0;
  }, /^restore: clusters\[0\]\.instances\[\d+\]: counts 0 running/],
  ['an event the simulator never schedules', (s) => s.clock.events.push({ at: s.clock.now, seq: 0, kind: 'explode', payload: {} }), /^restore: clock\.events\[\d+\]\.kind: not an event/],
  ['a random state that is not a number', (s) => (s.random = null), /^restore: random: must be a state/],
  ['a fault of an unknown kind', (s) => (s.faults = [['meteor', 1]]), /^restore: faults\[0\]\[0\]: must be one of/],
  ['a setting value outside the enum', (s) => (s.settings = [['arn:aws:iam::123456789012:root', [['awsvpcTrunking', 'maybe']]]]), /^restore: settings\[0\]\[1\]\[0\]\[1\]: must be one of enabled, disabled/],
  ['a scheduler note naming no service', (s) => (s.clusters[0].dirtyServices = ['ghost']), /^restore: clusters\[0\]\.dirtyServices\[0\]: must name a service of the cluster/],
  ['a cluster listed twice', (s) => s.clusters.push(s.clusters[0]), /^restore: clusters\[1\]\.name: cluster "c" appears twice/],
  ['__proto__ as the snapshot options', (s) => (s.options = JSON.parse('{"__proto__": {"region": "us-east-1"}}')), /^restore: options\.region: must be a string/],
];

describe('restore refuses inconsistent states, naming the JSON path', () => {
  for (const [what, corrupt, message] of CORRUPTIONS) {
    it(what, () => {
      const s = base();
      corrupt(s);
      const e = refused(s);
      expect(e.name).toBe('InvalidParameterException');
      expect(e.message).toMatch(message);
      // The same text through JSON also refused, not thrown as a bug.
      expect(refused(JSON.stringify(s)).message).toMatch(message);
    });
  }

  it('the uncorrupted snapshot restores, and restores to the same state', () => {
    const s = base();
    expect(EcsSimulator.restore(JSON.stringify(s)).snapshot()).toEqual(s);
  });

  it('refuses JSON text that is not JSON, and input nested 100,000 levels deep, cleanly', () => {
    expect(refused('{"format":').message).toMatch(/^restore: snapshot is not JSON text/);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(refused(deep).message).toMatch(/^restore: not a snapshot/);
    const s = base();
    const nested = JSON.stringify({ ...s, clock: { ...s.clock, now: 'X' } }).replace('"X"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(refused(nested).message).toMatch(/^restore: clock\.now: must be a time/);
  });
});

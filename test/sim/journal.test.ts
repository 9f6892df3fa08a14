// The clock and the seeded random source under a journal: a rollback puts back time, the event
// queue, the sequence counter and the random state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InjectedFault, Journal } from '../../src/collections/journal.js';
import { SimClock, type ScheduledEvent } from '../../src/sim/clock.js';
import { SeededRandom } from '../../src/sim/random.js';

type Op = { op: 'schedule'; delay: number } | { op: 'advance'; ms: number } | { op: 'draw' } | { op: 'begin' } | { op: 'commit' } | { op: 'rollback' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('schedule' as const), delay: fc.nat(100) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.nat(60) }), weight: 3 },
  { arbitrary: fc.constant({ op: 'draw' as const }), weight: 2 },
  { arbitrary: fc.constant({ op: 'begin' as const }), weight: 2 },
  { arbitrary: fc.constant({ op: 'commit' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'rollback' as const }), weight: 2 },
);

describe('SimClock and SeededRandom under a journal', () => {
  it('a rollback restores time, pending events, the sequence and the random state; events fired in it fire again', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 80 }), (ops) => {
        const journal = new Journal();
        const fired: string[] = [];
        const random = new SeededRandom(42);
        // Each event's handler schedules a follow-up now and then and draws a number, as the simulator's do.
        const clock: SimClock = new SimClock(1000, (e: ScheduledEvent) => {
          fired.push(`${e.seq}@${clock.now}`);
          if (random.next() < 0.3) clock.schedule(5, 'follow-up', {});
        });
        clock.useJournal(journal);
        random.useJournal(journal);
        const image = () => ({ now: clock.now, pending: clock.pending(), sequence: clock.sequence, random: random.state });
        const saved: { image: ReturnType<typeof image>; fired: number }[] = [];
        for (const o of ops) {
          if (o.op === 'begin') {
            journal.begin();
            saved.push({ image: image(), fired: fired.length });
          } else if (o.op === 'commit') {
            if (saved.pop() !== undefined) journal.commit();
          } else if (o.op === 'rollback') {
            const s = saved.pop();
            if (s === undefined) continue;
            journal.rollback();
            expect(image()).toEqual(s.image);
            fired.length = s.fired;
          } else if (o.op === 'schedule') clock.schedule(o.delay, 'tick', { n: o.delay });
          else if (o.op === 'advance') clock.advance(o.ms);
          else random.next();
        }
        while (saved.length > 0) {
          journal.rollback();
          const s = saved.pop()!;
          expect(image()).toEqual(s.image);
        }
        // Whatever was rolled back, the clock runs on as one that never saw it.
        const before = image();
        const replay: string[] = [];
        const twinRandom = new SeededRandom(before.random);
        const twin: SimClock = new SimClock(before.now, (e) => {
          replay.push(`${e.seq}@${twin.now}`);
          if (twinRandom.next() < 0.3) twin.schedule(5, 'follow-up', {});
        });
        twin.load(before.pending, before.sequence);
        fired.length = 0;
        clock.advance(500);
        twin.advance(500);
        expect(fired).toEqual(replay);
      }),
      { seed: 8, numRuns: 400 },
    );
  });

  it('the random state is saved once per transaction; a fault at that write point leaves it unchanged', () => {
    const journal = new Journal();
    const random = new SeededRandom(7);
    random.useJournal(journal);
    journal.begin();
    random.next();
    random.next();
    expect(journal.writePoints).toBe(1);
    journal.rollback();
    expect(random.state).toBe(7);
    journal.injectFault(0);
    expect(() => journal.atomically(() => random.uuid())).toThrow(InjectedFault);
    expect(random.state).toBe(7);
  });

  it('events scheduled in rolled-back calls cost a later call nothing: cancelled events are dropped for good', () => {
    const journal = new Journal();
    const clock = new SimClock(0, () => {});
    clock.useJournal(journal);
    for (let n = 0; n < 100; n++) {
      journal.begin();
      clock.schedule(10, 'x', {});
      journal.rollback();
    }
    const before = journal.writePoints;
    journal.atomically(() => clock.advance(50));
    // Time is saved once; dropping the 100 cancelled events records nothing.
    expect(journal.writePoints - before).toBe(1);
    expect(clock.pending()).toEqual([]);
  });
});

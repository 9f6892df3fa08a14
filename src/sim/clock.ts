/**
 * The simulated clock: time moves only when `advance` is called, and scheduled events fire in
 * time order (ties in the order they were scheduled). Nothing reads the wall clock.
 *
 * Journal (`useJournal`): in an open transaction, `schedule`, `advance`, `load` and setting
 * `now` record their undos: a scheduled event is cancelled (skipped when it comes up, left out
 * of `pending`), a fired event goes back into the queue, time and the sequence counter go back.
 * What a fired event's handler changed is journaled by the structures it changed.
 */
import { Heap } from 'mnemonist';
import { recording, type Journal } from '../collections/journal.js';

export interface ScheduledEvent {
  readonly at: number;
  readonly seq: number;
  /** What the event does, by name, so snapshots can record it. */
  readonly kind: string;
  readonly payload: Readonly<Record<string, string | number | boolean>>;
}

export type EventHandler = (event: ScheduledEvent) => void;

const firingOrder = (a: ScheduledEvent, b: ScheduledEvent): number => a.at - b.at || a.seq - b.seq;

/**
 * @example
 * const clock = new SimClock(Date.UTC(2019, 5, 6), (e) => console.log(e.kind));
 * clock.schedule(60_000, 'agent-update', { arn });
 * clock.advance(60_000); // logs 'agent-update'
 */
export class SimClock {
  private queue = new Heap<ScheduledEvent>(firingOrder);
  /** Events in the queue whose scheduling was undone (a heap cannot remove an arbitrary entry). */
  private cancelled = new Set<ScheduledEvent>();
  private nextSeq = 0;
  private time: number;
  private journal: Journal | null = null;

  /** @param now epoch milliseconds */
  constructor(now: number, private readonly handle: EventHandler) {
    this.time = now;
  }

  /** Journals every later change in `journal`'s open transactions (null: none). */
  useJournal(journal: Journal | null): void {
    this.journal = journal;
  }

  /** The simulated time, epoch milliseconds. */
  get now(): number {
    return this.time;
  }

  set now(ms: number) {
    if (recording(this.journal)) this.recordTime(this.journal);
    this.time = ms;
  }

  /** Schedules `kind` to happen `delayMs` from now. */
  schedule(delayMs: number, kind: string, payload: ScheduledEvent['payload']): void {
    const event: ScheduledEvent = { at: this.time + delayMs, seq: this.nextSeq, kind, payload };
    if (recording(this.journal)) this.recordSchedule(this.journal, event);
    this.nextSeq++;
    this.queue.push(event);
  }

  /** Moves time forward by `ms`, firing every event due on the way, each at its own time. */
  advance(ms: number): void {
    const until = this.time + ms;
    const journal = recording(this.journal) ? this.journal : null;
    if (journal !== null) this.recordTime(journal);
    for (let e = this.peek(); e !== undefined && e.at <= until; e = this.peek()) {
      if (journal !== null) this.recordFired(journal, e);
      this.queue.pop();
      this.time = Math.max(this.time, e.at);
      this.handle(e);
    }
    this.time = until;
  }

  /** The next live event, dropping cancelled ones from the top of the queue. */
  private peek(): ScheduledEvent | undefined {
    let e = this.queue.peek();
    while (e !== undefined && this.cancelled.size !== 0 && this.cancelled.has(e)) {
      this.dropCancelled(e);
      e = this.queue.peek();
    }
    return e;
  }

  /**
   * Removes a cancelled event from the top of the queue. Not journaled: a cancelled event is
   * invisible and never comes back (only an undo cancels, and undos are never undone), so
   * dropping it changes nothing a rollback must restore. (Journaled, every rolled-back call that
   * scheduled events left more to drop, each a write point: a call faulted again and again never
   * finished.)
   */
  private dropCancelled(e: ScheduledEvent): void {
    this.queue.pop();
    this.cancelled.delete(e);
  }

  // (Undos are made in methods of their own: a closure over a hot method's locals would make V8
  // allocate a context on every call, journal or not.)
  private recordSchedule(journal: Journal, event: ScheduledEvent): void {
    journal.record(() => {
      this.nextSeq = event.seq;
      this.cancelled.add(event);
    });
  }

  private recordFired(journal: Journal, e: ScheduledEvent): void {
    journal.record(() => this.queue.push(e));
  }

  private recordTime(journal: Journal): void {
    const time = this.time;
    journal.record(() => (this.time = time));
  }

  /** Pending events in firing order (for snapshots). */
  pending(): ScheduledEvent[] {
    const events = this.queue.toArray();
    return (this.cancelled.size === 0 ? events : events.filter((e) => !this.cancelled.has(e))).sort(firingOrder);
  }

  /** Replaces the queue (restoring a snapshot). */
  load(events: readonly ScheduledEvent[], nextSeq: number): void {
    if (recording(this.journal)) {
      const { queue, cancelled } = this;
      const seq = this.nextSeq;
      this.journal.record(() => {
        this.queue = queue;
        this.cancelled = cancelled;
        this.nextSeq = seq;
      });
    }
    this.queue = new Heap<ScheduledEvent>(firingOrder);
    this.cancelled = new Set();
    for (const e of events) this.queue.push(e);
    this.nextSeq = nextSeq;
  }

  get sequence(): number {
    return this.nextSeq;
  }
}

/**
 * The simulated clock: time moves only when `advance` is called, and scheduled events fire in
 * time order (ties in the order they were scheduled). Nothing reads the wall clock.
 */
import { Heap } from 'mnemonist';

export interface ScheduledEvent {
  readonly at: number;
  readonly seq: number;
  /** What the event does, by name, so snapshots can record it. */
  readonly kind: string;
  readonly payload: Readonly<Record<string, string | number | boolean>>;
}

export type EventHandler = (event: ScheduledEvent) => void;

export class SimClock {
  private readonly queue = new Heap<ScheduledEvent>((a, b) => a.at - b.at || a.seq - b.seq);
  private nextSeq = 0;

  /** @param now epoch milliseconds */
  constructor(public now: number, private readonly handle: EventHandler) {}

  /** Schedules `kind` to happen `delayMs` from now. */
  schedule(delayMs: number, kind: string, payload: ScheduledEvent['payload']): void {
    this.queue.push({ at: this.now + delayMs, seq: this.nextSeq++, kind, payload });
  }

  /** Moves time forward by `ms`, firing every event due on the way, each at its own time. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (let e = this.queue.peek(); e !== undefined && e.at <= until; e = this.queue.peek()) {
      this.queue.pop();
      this.now = Math.max(this.now, e.at);
      this.handle(e);
    }
    this.now = until;
  }

  /** Pending events in firing order (for snapshots). */
  pending(): ScheduledEvent[] {
    return this.queue.toArray().sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Replaces the queue (restoring a snapshot). */
  load(events: readonly ScheduledEvent[], nextSeq: number): void {
    this.queue.clear();
    for (const e of events) this.queue.push(e);
    this.nextSeq = nextSeq;
  }

  get sequence(): number {
    return this.nextSeq;
  }
}

/**
 * The simulated clock: time moves only when `advance` is called, and scheduled events fire in
 * time order (ties in the order they were scheduled). Nothing reads the wall clock.
 */
import { Heap } from 'mnemonist';
export class SimClock {
    now;
    handle;
    queue = new Heap((a, b) => a.at - b.at || a.seq - b.seq);
    nextSeq = 0;
    /** @param now epoch milliseconds */
    constructor(now, handle) {
        this.now = now;
        this.handle = handle;
    }
    /** Schedules `kind` to happen `delayMs` from now. */
    schedule(delayMs, kind, payload) {
        this.queue.push({ at: this.now + delayMs, seq: this.nextSeq++, kind, payload });
    }
    /** Moves time forward by `ms`, firing every event due on the way, each at its own time. */
    advance(ms) {
        const until = this.now + ms;
        for (let e = this.queue.peek(); e !== undefined && e.at <= until; e = this.queue.peek()) {
            this.queue.pop();
            this.now = Math.max(this.now, e.at);
            this.handle(e);
        }
        this.now = until;
    }
    /** Pending events in firing order (for snapshots). */
    pending() {
        return this.queue.toArray().sort((a, b) => a.at - b.at || a.seq - b.seq);
    }
    /** Replaces the queue (restoring a snapshot). */
    load(events, nextSeq) {
        this.queue.clear();
        for (const e of events)
            this.queue.push(e);
        this.nextSeq = nextSeq;
    }
    get sequence() {
        return this.nextSeq;
    }
}
//# sourceMappingURL=clock.js.map
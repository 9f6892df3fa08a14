export interface ScheduledEvent {
    readonly at: number;
    readonly seq: number;
    /** What the event does, by name, so snapshots can record it. */
    readonly kind: string;
    readonly payload: Readonly<Record<string, string | number | boolean>>;
}
export type EventHandler = (event: ScheduledEvent) => void;
export declare class SimClock {
    now: number;
    private readonly handle;
    private readonly queue;
    private nextSeq;
    /** @param now epoch milliseconds */
    constructor(now: number, handle: EventHandler);
    /** Schedules `kind` to happen `delayMs` from now. */
    schedule(delayMs: number, kind: string, payload: ScheduledEvent['payload']): void;
    /** Moves time forward by `ms`, firing every event due on the way, each at its own time. */
    advance(ms: number): void;
    /** Pending events in firing order (for snapshots). */
    pending(): ScheduledEvent[];
    /** Replaces the queue (restoring a snapshot). */
    load(events: readonly ScheduledEvent[], nextSeq: number): void;
    get sequence(): number;
}

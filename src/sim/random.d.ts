/**
 * Seeded randomness: every random choice of the simulator draws from one of these, so the same
 * seed replays the same run.
 */
/** A function returning seeded floats in [0, 1). */
export declare function prng(seed: number): () => number;
/** A seeded source of ids and choices, with its state exposed for snapshots. */
export declare class SeededRandom {
    state: number;
    constructor(state: number);
    /** The next float in [0, 1): mulberry32, a small, fast 32-bit PRNG (public domain). */
    next(): number;
    /** `n` lower-case hex digits. */
    hex(n: number): string;
    /** A version-4-shaped UUID (8-4-4-4-12 hex digits). */
    uuid(): string;
}

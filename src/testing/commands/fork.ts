/**
 * Fork: the copy's snapshot equals the original's; the suite continues on one of them and parks
 * the other with its snapshot, which must not change whatever happens next (`checkParked`).
 */
import { EcsCommand } from './command.js';
import { mismatch, snapshotText, type EcsReal } from './model.js';

/** Forks parked at most per sequence (each is compared at the end). */
const MAX_PARKED = 3;

export class Fork extends EcsCommand {
  constructor(readonly continueOnFork: boolean) {
    super();
  }

  protected apply(_m: unknown, r: EcsReal): void {
    const snapshot = snapshotText(r.sim);
    const copy = r.sim.fork();
    if (snapshotText(copy) !== snapshot) mismatch('a fork differs from its original');
    const [next, parked] = this.continueOnFork ? [copy, r.sim] : [r.sim, copy];
    if (r.parked.length < MAX_PARKED) r.parked.push({ sim: parked, snapshot });
    r.sim = next;
  }

  toString(): string {
    return `Fork(${this.continueOnFork ? 'continue on the fork' : 'continue on the original'})`;
  }
}

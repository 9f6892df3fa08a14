/** Simulated time passes: tasks start and stop, services reconcile, stopped tasks expire. */
import { EcsCommand } from './command.js';
import { mismatch, type EcsReal } from './model.js';

export class Advance extends EcsCommand {
  constructor(readonly ms: number) {
    super();
  }

  protected apply(_m: unknown, r: EcsReal): void {
    const before = r.sim.now;
    r.sim.advance(this.ms);
    if (r.sim.now !== before + this.ms) mismatch(`advance(${this.ms}) moved the clock from ${before} to ${r.sim.now}`);
  }

  toString(): string {
    return `Advance(${this.ms})`;
  }
}

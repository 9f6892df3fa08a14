/**
 * The base of every command: `run` applies the command to the simulator and the model, then
 * checks the model against the simulator and every invariant (`afterCommand`).
 */
import type fc from 'fast-check';
import { afterCommand, type EcsModel, type EcsReal } from './model.js';

export abstract class EcsCommand implements fc.Command<EcsModel, EcsReal> {
  /** Whether the command applies to the model's state (default: always). */
  check(_m: Readonly<EcsModel>): boolean {
    return true;
  }

  run(m: EcsModel, r: EcsReal): void {
    this.apply(m, r);
    afterCommand(m, r);
  }

  /** Calls the API, checks its answer, updates the model. */
  protected abstract apply(m: EcsModel, r: EcsReal): void;

  abstract toString(): string;
}

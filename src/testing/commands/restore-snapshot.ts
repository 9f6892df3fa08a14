/** Snapshot and restore: the restored simulator has the same snapshot, and the suite continues on it. */
import { EcsSimulator } from '../../protocol/simulator.js';
import { EcsCommand } from './command.js';
import { mismatch, snapshotText, type EcsReal } from './model.js';

export class RestoreSnapshot extends EcsCommand {
  protected apply(_m: unknown, r: EcsReal): void {
    const snapshot = snapshotText(r.sim);
    const restored = EcsSimulator.restore(snapshot);
    if (snapshotText(restored) !== snapshot) mismatch('a restored simulator differs from its snapshot');
    r.sim = restored;
  }

  toString(): string {
    return 'RestoreSnapshot()';
  }
}

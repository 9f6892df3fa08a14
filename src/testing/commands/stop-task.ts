/** StopTask of one running task: desiredStatus STOPPED at once. */
import { EcsCommand } from './command.js';
import { mismatch, nth, type EcsReal } from './model.js';

export class StopTask extends EcsCommand {
  constructor(readonly pick: number) {
    super();
  }

  protected apply(_m: unknown, r: EcsReal): void {
    const task = nth(r.sim.listTasks({ cluster: r.cluster }).taskArns ?? [], this.pick);
    if (task === undefined) return;
    const { task: stopped } = r.sim.stopTask({ cluster: r.cluster, task });
    if (stopped?.desiredStatus !== 'STOPPED') mismatch(`StopTask answered desiredStatus ${stopped?.desiredStatus}`);
  }

  toString(): string {
    return `StopTask(#${this.pick})`;
  }
}

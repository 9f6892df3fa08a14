/**
 * The agent reports a task crashed: SubmitTaskStateChange STOPPED (the task is STOPPED at once,
 * its resources free — the invariants check the accountant) or SubmitContainerStateChange of its
 * essential container (desiredStatus STOPPED now, STOPPED after the stop timeout).
 */
import { EcsCommand } from './command.js';
import { mismatch, nth, type EcsReal } from './model.js';

export class CrashTask extends EcsCommand {
  constructor(readonly pick: number, readonly containerOnly: boolean) {
    super();
  }

  protected apply(_m: unknown, r: EcsReal): void {
    const arn = nth(r.sim.listTasks({ cluster: r.cluster }).taskArns ?? [], this.pick);
    if (arn === undefined) return;
    const [task] = r.sim.describeTasks({ cluster: r.cluster, tasks: [arn] }).tasks!;
    const container = task!.containers![0]!.name!;
    const ack = this.containerOnly
      ? r.sim.submitContainerStateChange({ cluster: r.cluster, task: arn, containerName: container, status: 'STOPPED', exitCode: 137 })
      : r.sim.submitTaskStateChange({ cluster: r.cluster, task: arn, status: 'STOPPED', reason: 'crashed', containers: [{ containerName: container, status: 'STOPPED', exitCode: 1 }] });
    if (ack.acknowledgment !== 'ACK') mismatch(`the agent report was answered ${JSON.stringify(ack)}`);
    const [after] = r.sim.describeTasks({ cluster: r.cluster, tasks: [arn] }).tasks!;
    if (after!.desiredStatus !== 'STOPPED') mismatch(`a crashed task is still desired ${after!.desiredStatus}`);
    if (!this.containerOnly && after!.lastStatus !== 'STOPPED') mismatch(`a task reported STOPPED is ${after!.lastStatus}`);
    if (after!.containers![0]!.exitCode === undefined) mismatch('the reported exit code is not shown');
  }

  toString(): string {
    return `CrashTask(#${this.pick}${this.containerOnly ? ', essential container' : ''})`;
  }
}

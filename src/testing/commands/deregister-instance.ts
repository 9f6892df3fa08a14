/**
 * DeregisterContainerInstance: INACTIVE at once (no trunking here); refused without `force` while
 * tasks are on the instance, which the command reads from the simulator.
 */
import { EcsCommand } from './command.js';
import { expectRejected, liveInstances, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class DeregisterInstance extends EcsCommand {
  constructor(readonly pick: number, readonly force: boolean) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return liveInstances(m).length > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const arn = nth(liveInstances(m), this.pick)!;
    const [before] = r.sim.describeContainerInstances({ cluster: r.cluster, containerInstances: [arn] }).containerInstances ?? [];
    const tasks = (before?.runningTasksCount ?? 0) + (before?.pendingTasksCount ?? 0);
    const request = { cluster: r.cluster, containerInstance: arn, force: this.force };
    if (tasks > 0 && !this.force) {
      expectRejected(r.sim, () => r.sim.deregisterContainerInstance(request), 'InvalidParameterException', `deregister ${arn} with ${tasks} tasks`);
      return;
    }
    const { containerInstance } = r.sim.deregisterContainerInstance(request);
    if (containerInstance?.status !== 'INACTIVE') mismatch(`deregistered ${arn} is ${containerInstance?.status}`);
    if ((containerInstance.runningTasksCount ?? 0) + (containerInstance.pendingTasksCount ?? 0) !== 0) mismatch(`deregistered ${arn} still counts tasks`);
    m.instances.get(arn)!.status = 'INACTIVE';
  }

  toString(): string {
    return `DeregisterInstance(#${this.pick}${this.force ? ', force' : ''})`;
  }
}

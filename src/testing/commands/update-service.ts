/** UpdateService: a new desired count, sometimes a new task definition or a forced new deployment (a rollout); ClientException once deleted. */
import { EcsCommand } from './command.js';
import { expectRejected, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class UpdateService extends EcsCommand {
  constructor(readonly pick: number, readonly desiredCount: number, readonly family: number | undefined, readonly forceNewDeployment = false) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.services.size > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const name = nth([...m.services.keys()], this.pick)!;
    const service = m.services.get(name)!;
    const taskDefinition = this.family === undefined ? undefined : nth(m.families, this.family);
    const call = () => r.sim.updateService({
      cluster: r.cluster, service: name, desiredCount: this.desiredCount,
      ...(taskDefinition === undefined ? {} : { taskDefinition }),
      ...(this.forceNewDeployment ? { forceNewDeployment: true } : {}),
    });
    if (service.deleted) return expectRejected(r.sim, call, 'ClientException', `update deleted service ${name}`);
    // A DAEMON service takes no desired count; an EXTERNAL one no task definition (its task sets have theirs).
    if (service.kind === 'DAEMON') return expectRejected(r.sim, call, 'InvalidParameterException', `desiredCount of DAEMON service ${name}`);
    if (service.kind === 'EXTERNAL' && taskDefinition !== undefined) return expectRejected(r.sim, call, 'InvalidParameterException', `task definition of EXTERNAL service ${name}`);
    const { service: updated } = call();
    if (updated?.desiredCount !== this.desiredCount) mismatch(`UpdateService answered desiredCount ${updated?.desiredCount}`);
    service.desiredCount = this.desiredCount;
  }

  toString(): string {
    return `UpdateService(#${this.pick}, desired ${this.desiredCount}${this.family === undefined ? '' : `, td #${this.family}`}${this.forceNewDeployment ? ', force' : ''})`;
  }
}

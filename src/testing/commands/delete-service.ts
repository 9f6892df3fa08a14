/** DeleteService: refused while scaled above 0 without `force`, and once deleted; otherwise DRAINING. */
import { EcsCommand } from './command.js';
import { expectRejected, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class DeleteService extends EcsCommand {
  constructor(readonly pick: number, readonly force: boolean) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.services.size > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const name = nth([...m.services.keys()], this.pick)!;
    const service = m.services.get(name)!;
    const call = () => r.sim.deleteService({ cluster: r.cluster, service: name, force: this.force });
    if (service.deleted) return expectRejected(r.sim, call, 'ClientException', `delete deleted service ${name}`);
    if (service.kind !== 'DAEMON' && service.desiredCount > 0 && !this.force) return expectRejected(r.sim, call, 'InvalidParameterException', `delete ${name} scaled to ${service.desiredCount}`);
    const { service: deleted } = call();
    if (deleted?.status !== 'DRAINING') mismatch(`DeleteService answered status ${deleted?.status}`);
    service.deleted = true;
  }

  toString(): string {
    return `DeleteService(#${this.pick}${this.force ? ', force' : ''})`;
  }
}

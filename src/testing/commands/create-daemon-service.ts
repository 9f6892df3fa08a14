/**
 * CreateService with the DAEMON strategy (`svc-<n>`): refused with a desired count; created
 * without one. From then on the model check holds it to one task per instance, none on an
 * INACTIVE instance.
 */
import { EcsCommand } from './command.js';
import { expectRejected, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class CreateDaemonService extends EcsCommand {
  constructor(readonly family: number, readonly withDesiredCount: boolean) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.families.length > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const name = `svc-${m.servicesCreated}`;
    const request = { cluster: r.cluster, serviceName: name, taskDefinition: nth(m.families, this.family)!, schedulingStrategy: 'DAEMON' as const };
    if (this.withDesiredCount) return expectRejected(r.sim, () => r.sim.createService({ ...request, desiredCount: 1 }), 'InvalidParameterException', 'DAEMON service with a desired count');
    const { service } = r.sim.createService(request);
    if (service?.schedulingStrategy !== 'DAEMON' || service.status !== 'ACTIVE') mismatch(`CreateService DAEMON answered ${service?.schedulingStrategy} ${service?.status}`);
    m.servicesCreated++;
    m.services.set(name, { desiredCount: 0, deleted: false, kind: 'DAEMON' });
  }

  toString(): string {
    return `CreateDaemonService(td #${this.family}${this.withDesiredCount ? ', with a desired count' : ''})`;
  }
}

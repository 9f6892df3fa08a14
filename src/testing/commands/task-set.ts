/**
 * Task sets: the first use creates an EXTERNAL service (`svc-<n>`, desired count 2); later ones
 * create a task set in it at `scale` percent and make it PRIMARY, whose computedDesiredCount must
 * be the service's desired count times the scale, rounded up. A deleted service refuses
 * (ServiceNotActiveException).
 */
import { EcsCommand } from './command.js';
import { expectRejected, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class TaskSet extends EcsCommand {
  constructor(readonly family: number, readonly scale: number) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.families.length > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const external = [...m.services].find(([, s]) => s.kind === 'EXTERNAL');
    if (external === undefined) {
      const name = `svc-${m.servicesCreated}`;
      r.sim.createService({ cluster: r.cluster, serviceName: name, desiredCount: 2, deploymentController: { type: 'EXTERNAL' } });
      m.servicesCreated++;
      m.services.set(name, { desiredCount: 2, deleted: false, kind: 'EXTERNAL' });
      return;
    }
    const [name, service] = external;
    const call = () => r.sim.createTaskSet({ cluster: r.cluster, service: name, taskDefinition: nth(m.families, this.family)!, scale: { value: this.scale, unit: 'PERCENT' } });
    if (service.deleted) return expectRejected(r.sim, call, 'ServiceNotActiveException', `task set of deleted service ${name}`);
    const { taskSet } = call();
    const expected = Math.ceil((service.desiredCount * this.scale) / 100);
    if (taskSet?.computedDesiredCount !== expected) mismatch(`task set at ${this.scale}% of ${service.desiredCount}: computedDesiredCount ${taskSet?.computedDesiredCount}, expected ${expected}`);
    const { taskSet: primary } = r.sim.updateServicePrimaryTaskSet({ cluster: r.cluster, service: name, primaryTaskSet: taskSet.id! });
    const sets = r.sim.describeTaskSets({ cluster: r.cluster, service: name }).taskSets ?? [];
    if (primary?.status !== 'PRIMARY' || sets.filter((s) => s.status === 'PRIMARY').length !== 1) mismatch(`after UpdateServicePrimaryTaskSet: ${JSON.stringify(sets.map((s) => s.status))}`);
  }

  toString(): string {
    return `TaskSet(td #${this.family}, ${this.scale}%)`;
  }
}

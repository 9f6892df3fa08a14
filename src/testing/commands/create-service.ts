/** CreateService `svc-<n>` (a new name each time) over a registered family. */
import type { PlacementConstraint, PlacementStrategy } from '../../shapes.js';
import { EcsCommand } from './command.js';
import { mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class CreateService extends EcsCommand {
  constructor(
    readonly family: number,
    readonly desiredCount: number,
    readonly placementConstraints: PlacementConstraint[],
    readonly placementStrategy: PlacementStrategy[],
    readonly deployment: { minimumHealthyPercent: number; maximumPercent: number },
  ) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.families.length > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const name = `svc-${m.servicesCreated}`;
    const { service } = r.sim.createService({
      cluster: r.cluster, serviceName: name, taskDefinition: nth(m.families, this.family)!, desiredCount: this.desiredCount,
      placementConstraints: [...this.placementConstraints], placementStrategy: [...this.placementStrategy], deploymentConfiguration: { ...this.deployment },
    });
    if (service?.serviceName !== name || service.status !== 'ACTIVE') mismatch(`CreateService answered ${service?.serviceName} ${service?.status}`);
    m.servicesCreated++;
    m.services.set(name, { desiredCount: this.desiredCount, deleted: false });
  }

  toString(): string {
    return `CreateService(td #${this.family}, desired ${this.desiredCount}, ${JSON.stringify(this.placementConstraints)}, ${JSON.stringify(this.placementStrategy)}, ${JSON.stringify(this.deployment)})`;
  }
}

/**
 * A cluster made in another region (`sim.inRegion`): its ARN names that region, and the
 * commands' own region does not see it.
 */
import { EcsCommand } from './command.js';
import { mismatch, type EcsReal } from './model.js';

export class OtherRegion extends EcsCommand {
  constructor(readonly region: string) {
    super();
  }

  protected apply(_m: unknown, r: EcsReal): void {
    const home = r.sim.listClusters().clusterArns ?? [];
    const { cluster } = r.sim.inRegion(this.region).createCluster({ clusterName: r.cluster });
    if (cluster?.clusterArn !== `arn:aws:ecs:${this.region}:123456789012:cluster/${r.cluster}`) mismatch(`a cluster made in ${this.region} is ${cluster?.clusterArn}`);
    if (JSON.stringify(r.sim.listClusters().clusterArns ?? []) !== JSON.stringify(home)) mismatch(`a cluster made in ${this.region} shows in ${r.sim.state.options.region}`);
  }

  toString(): string {
    return `OtherRegion(${this.region})`;
  }
}

/** UpdateContainerInstancesState to ACTIVE or DRAINING; ClientException on an INACTIVE instance. */
import { EcsCommand } from './command.js';
import { expectRejected, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class UpdateInstanceState extends EcsCommand {
  constructor(readonly pick: number, readonly status: 'ACTIVE' | 'DRAINING') {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.instances.size > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const arn = nth([...m.instances.keys()], this.pick)!;
    const instance = m.instances.get(arn)!;
    const call = () => r.sim.updateContainerInstancesState({ cluster: r.cluster, containerInstances: [arn], status: this.status });
    if (instance.status === 'INACTIVE') return expectRejected(r.sim, call, 'ClientException', `set INACTIVE ${arn} ${this.status}`);
    const { containerInstances = [], failures = [] } = call();
    if (failures.length > 0 || containerInstances[0]?.status !== this.status) mismatch(`UpdateContainerInstancesState answered ${JSON.stringify({ containerInstances, failures })}`);
    instance.status = this.status;
  }

  toString(): string {
    return `UpdateInstanceState(#${this.pick}, ${this.status})`;
  }
}

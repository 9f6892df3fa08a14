/** DeleteAttributes of one custom attribute (absent: nothing to delete, no error); TargetNotFoundException on INACTIVE. */
import { EcsCommand } from './command.js';
import { expectRejected, nth, type EcsModel, type EcsReal } from './model.js';

export class DeleteAttribute extends EcsCommand {
  constructor(readonly pick: number, readonly name: string) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.instances.size > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const arn = nth([...m.instances.keys()], this.pick)!;
    const instance = m.instances.get(arn)!;
    const call = () => r.sim.deleteAttributes({ cluster: r.cluster, attributes: [{ name: this.name, targetId: arn }] });
    if (instance.status === 'INACTIVE') return expectRejected(r.sim, call, 'TargetNotFoundException', `delete ${this.name} on INACTIVE ${arn}`);
    call();
    instance.custom.delete(this.name);
  }

  toString(): string {
    return `DeleteAttribute(#${this.pick}, ${this.name})`;
  }
}

/**
 * PutAttributes of one custom attribute: creates or overwrites; TargetNotFoundException on an
 * INACTIVE instance, AttributeLimitExceededException past 10 custom attributes.
 */
import { EcsCommand } from './command.js';
import { expectRejected, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class PutAttribute extends EcsCommand {
  constructor(readonly pick: number, readonly name: string, readonly value: string | undefined) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.instances.size > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const arn = nth([...m.instances.keys()], this.pick)!;
    const instance = m.instances.get(arn)!;
    const attribute = { name: this.name, ...(this.value === undefined ? {} : { value: this.value }), targetId: arn };
    const call = () => r.sim.putAttributes({ cluster: r.cluster, attributes: [attribute] });
    if (instance.status === 'INACTIVE') return expectRejected(r.sim, call, 'TargetNotFoundException', `put ${this.name} on INACTIVE ${arn}`);
    if (!instance.custom.has(this.name) && instance.custom.size >= 10) return expectRejected(r.sim, call, 'AttributeLimitExceededException', `an 11th custom attribute on ${arn}`);
    const { attributes } = call();
    if (attributes?.[0]?.name !== this.name || attributes[0].value !== this.value) mismatch(`PutAttributes answered ${JSON.stringify(attributes)}`);
    instance.custom.set(this.name, this.value);
  }

  toString(): string {
    return `PutAttribute(#${this.pick}, ${this.name}=${this.value ?? ''})`;
  }
}

/** RegisterContainerInstance: a new ACTIVE instance with the request's custom attributes. */
import type { RegisterContainerInstanceRequest } from '../../shapes.js';
import { EcsCommand } from './command.js';
import { isCustomAttributeName, mismatch, type EcsModel, type EcsReal } from './model.js';

export class RegisterInstance extends EcsCommand {
  constructor(readonly request: RegisterContainerInstanceRequest, readonly maxInstances: number) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.instances.size < this.maxInstances;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const { containerInstance } = r.sim.registerContainerInstance({ ...this.request, cluster: r.cluster });
    const arn = containerInstance?.containerInstanceArn;
    if (arn === undefined || m.instances.has(arn)) mismatch(`RegisterContainerInstance answered ${String(arn)}, not a new instance`);
    if (containerInstance!.status !== 'ACTIVE') mismatch(`a new instance is ${containerInstance!.status}, not ACTIVE`);
    const custom = new Map<string, string | undefined>();
    for (const a of this.request.attributes ?? []) if (isCustomAttributeName(a.name!)) custom.set(a.name!, a.value);
    m.instances.set(arn, { status: 'ACTIVE', agentConnected: true, custom });
  }

  toString(): string {
    const doc = JSON.parse(this.request.instanceIdentityDocument ?? '{}') as { instanceType?: string; availabilityZone?: string };
    return `RegisterInstance(${doc.instanceType} ${doc.availabilityZone} ${JSON.stringify(this.request.attributes ?? [])})`;
  }
}

/** The agent of an instance disconnects or reconnects (`sim.setAgentConnection`). */
import { EcsCommand } from './command.js';
import { liveInstances, nth, type EcsModel, type EcsReal } from './model.js';

export class SetAgentConnection extends EcsCommand {
  constructor(readonly pick: number, readonly connected: boolean) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return liveInstances(m).length > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const arn = nth(liveInstances(m), this.pick)!;
    r.sim.setAgentConnection(r.cluster, arn, this.connected);
    m.instances.get(arn)!.agentConnected = this.connected;
  }

  toString(): string {
    return `SetAgentConnection(#${this.pick}, ${this.connected})`;
  }
}

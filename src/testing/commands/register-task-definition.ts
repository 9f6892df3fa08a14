/** RegisterTaskDefinition: a new revision of the family. */
import type { RegisterTaskDefinitionRequest } from '../../shapes.js';
import { EcsCommand } from './command.js';
import { mismatch, type EcsModel, type EcsReal } from './model.js';

export class RegisterTaskDefinition extends EcsCommand {
  constructor(readonly request: RegisterTaskDefinitionRequest) {
    super();
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const { taskDefinition } = r.sim.registerTaskDefinition(this.request);
    if (taskDefinition?.family !== this.request.family || taskDefinition?.status !== 'ACTIVE') mismatch(`RegisterTaskDefinition answered ${taskDefinition?.taskDefinitionArn}`);
    if (!m.families.includes(this.request.family!)) m.families.push(this.request.family!);
  }

  toString(): string {
    return `RegisterTaskDefinition(${JSON.stringify(this.request)})`;
  }
}

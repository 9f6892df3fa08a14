/**
 * TagResource / UntagResource on the cluster or a container instance: the tags ListTagsForResource
 * shows afterwards are the model's (a key set again takes the new value).
 */
import { EcsCommand } from './command.js';
import { nth, type EcsModel, type EcsReal } from './model.js';

/** Tag keys the commands use: few, so keys are set again and removed. */
export const COMMAND_TAG_KEYS: readonly string[] = ['team', 'env', 'cost-center', 'owner'];

function resources(m: Readonly<EcsModel>, r: EcsReal): string[] {
  return [r.sim.describeClusters({ clusters: [r.cluster] }).clusters![0]!.clusterArn!, ...m.instances.keys()];
}

export class TagResource extends EcsCommand {
  constructor(readonly pick: number, readonly key: string, readonly value: string | undefined) {
    super();
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const arn = nth(resources(m, r), this.pick)!;
    const tags = m.tags.get(arn) ?? new Map<string, string>();
    if (this.value === undefined) {
      r.sim.untagResource({ resourceArn: arn, tagKeys: [this.key] });
      tags.delete(this.key);
    } else {
      r.sim.tagResource({ resourceArn: arn, tags: [{ key: this.key, value: this.value }] });
      tags.set(this.key, this.value);
    }
    m.tags.set(arn, tags);
  }

  toString(): string {
    return this.value === undefined ? `UntagResource(#${this.pick}, ${this.key})` : `TagResource(#${this.pick}, ${this.key}=${this.value})`;
  }
}

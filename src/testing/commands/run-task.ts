/**
 * RunTask: refused in a cluster without instances; otherwise every task placed is one ECS could
 * place (the placement oracle, task after task), and when fewer than `count` were placed,
 * `failures` says why and no instance could take the next one.
 */
import type { PlacementConstraint, PlacementStrategy } from '../../shapes.js';
import { isPlacementSequenceEcsCouldMake, type PlacementQuestion } from '../placement-oracle.js';
import { EcsCommand } from './command.js';
import { expectRejected, liveInstances, mismatch, nth, type EcsModel, type EcsReal } from './model.js';

export class RunTask extends EcsCommand {
  constructor(
    readonly family: number,
    readonly count: number,
    readonly placementConstraints: PlacementConstraint[],
    readonly placementStrategy: PlacementStrategy[],
    readonly group: string | undefined,
  ) {
    super();
  }

  override check(m: Readonly<EcsModel>): boolean {
    return m.families.length > 0;
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const question: PlacementQuestion = {
      cluster: r.cluster, taskDefinition: nth(m.families, this.family)!,
      placementConstraints: this.placementConstraints, placementStrategy: this.placementStrategy,
      ...(this.group === undefined ? {} : { group: this.group }),
    };
    const call = () => r.sim.runTask({ ...question, placementConstraints: [...this.placementConstraints], placementStrategy: [...this.placementStrategy], count: this.count });
    if (liveInstances(m).length === 0) return expectRejected(r.sim, call, 'InvalidParameterException', 'RunTask in a cluster without instances');
    const before = r.sim.fork();
    const { tasks = [], failures = [] } = call();
    if (tasks.length > this.count) mismatch(`RunTask placed ${tasks.length} of ${this.count} tasks`);
    if ((tasks.length < this.count) !== (failures.length > 0)) mismatch(`RunTask placed ${tasks.length} of ${this.count} tasks with ${failures.length} failures`);
    const verdict = isPlacementSequenceEcsCouldMake(before, question, tasks.map((t) => t.containerInstanceArn!), this.count, { mutate: true });
    if (!verdict.ok) mismatch(`RunTask made a placement ECS could not make: ${verdict.reason}`);
  }

  toString(): string {
    return `RunTask(td #${this.family}, count ${this.count}, ${JSON.stringify(this.placementConstraints)}, ${JSON.stringify(this.placementStrategy)}${this.group === undefined ? '' : `, group ${this.group}`})`;
  }
}

/**
 * A CQL query (`sim.query`) selects exactly the instances the reference evaluator selects from
 * their DescribeContainerInstances output and the groups of their tasks.
 */
import { evaluate, print, type Expr } from '../../cql/index.js';
import { liveTasksByInstance } from '../invariants.js';
import { EcsCommand } from './command.js';
import { liveInstances, mismatch, type EcsModel, type EcsReal } from './model.js';

export class Query extends EcsCommand {
  constructor(readonly ast: Expr) {
    super();
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const text = print(this.ast);
    const actual = r.sim.query(text, { cluster: r.cluster });
    const arns = liveInstances(m);
    const live = liveTasksByInstance(r.sim.state.clusters.get(r.cluster)!);
    const described = [];
    for (let i = 0; i < arns.length; i += 100) described.push(...(r.sim.describeContainerInstances({ cluster: r.cluster, containerInstances: arns.slice(i, i + 100) }).containerInstances ?? []));
    const expected = described.filter((ci) => evaluate(this.ast, ci, { taskGroups: (live.get(ci.containerInstanceArn!) ?? []).map((t) => t.group) })).map((ci) => ci.containerInstanceArn!);
    if (actual.join('\n') !== expected.join('\n')) mismatch(`query ${JSON.stringify(text)} selects ${JSON.stringify(actual)}; the reference evaluator ${JSON.stringify(expected)}`);
  }

  toString(): string {
    return `Query(${JSON.stringify(print(this.ast))})`;
  }
}

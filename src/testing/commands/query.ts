/**
 * A CQL query (`sim.query`) selects exactly the instances the reference evaluator selects from
 * their DescribeContainerInstances output and the groups of their tasks.
 */
import { evaluate, print, type Expr } from '../../cql/index.js';
import { EcsCommand } from './command.js';
import { mismatch, type EcsModel, type EcsReal } from './model.js';

export class Query extends EcsCommand {
  constructor(readonly ast: Expr) {
    super();
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    const text = print(this.ast);
    const actual = r.sim.query(text, { cluster: r.cluster });
    const arns = [...m.instances].filter(([, i]) => i.status !== 'INACTIVE').map(([arn]) => arn);
    const groups = new Map<string, string[]>();
    for (const t of r.sim.state.clusters.get(r.cluster)!.tasks.values()) {
      if (t.lastStatus !== 'STOPPED') groups.set(t.containerInstanceArn, [...(groups.get(t.containerInstanceArn) ?? []), t.group]);
    }
    const described = [];
    for (let i = 0; i < arns.length; i += 100) described.push(...(r.sim.describeContainerInstances({ cluster: r.cluster, containerInstances: arns.slice(i, i + 100) }).containerInstances ?? []));
    const expected = described.filter((ci) => evaluate(this.ast, ci, { taskGroups: groups.get(ci.containerInstanceArn!) ?? [] })).map((ci) => ci.containerInstanceArn!);
    if (actual.join('\n') !== expected.join('\n')) mismatch(`query ${JSON.stringify(text)} selects ${JSON.stringify(actual)}; the reference evaluator ${JSON.stringify(expected)}`);
  }

  toString(): string {
    return `Query(${JSON.stringify(print(this.ast))})`;
  }
}

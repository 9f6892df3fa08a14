/**
 * The demand of a plan: classes of tasks that are placed alike (a service's tasks, or the tasks of
 * a `place` request) with what one of them reserves and the constraints that decide where it may
 * go. Strategies only rank instances, so they do not change whether a plan is feasible.
 */
import { parseFilter, type Expr } from '../cql/index.js';
import { visit } from '../cql/ast.js';
import type { ServiceRecord } from '../ecs/services/record.js';
import type { SimState } from '../ecs/state/state.js';
import type { TaskDefinition } from '../ecs/task-definitions/registry.js';
import type { PlacementConstraint } from '../placement/types.js';
import type { TaskRequirements } from '../resources/types.js';

export interface TaskClass {
  /** `service:<name>` or the group of a `place` request */
  readonly key: string;
  /** what a person calls it: the service name, or the task definition's family */
  readonly label: string;
  readonly service: string | undefined;
  readonly taskDefinitionArn: string;
  readonly requirements: TaskRequirements;
  /** memberOf expressions (the service's or request's and the task definition's), as written */
  readonly memberOf: readonly string[];
  /** at most one task of `group` per instance */
  readonly distinct: boolean;
  readonly group: string;
}

/** Tasks of one class that a scenario needs placed. */
export interface Demand {
  readonly cls: TaskClass;
  readonly count: number;
}

function taskDefinitionConstraints(td: TaskDefinition): PlacementConstraint[] {
  return (td.placementConstraints ?? []).map((c) => ({ type: 'memberOf', expression: c.expression }));
}

/** A class from placement constraints (request and task definition) of a task definition. */
export function taskClass(
  state: SimState, td: TaskDefinition, constraints: readonly PlacementConstraint[], group: string, service: string | undefined,
): TaskClass {
  const all = [...constraints, ...taskDefinitionConstraints(td)];
  return {
    key: service === undefined ? group : `service:${service}`,
    label: service ?? td.family ?? group,
    service,
    taskDefinitionArn: td.taskDefinitionArn!,
    requirements: state.taskDefinitions.requirementsOf(td.taskDefinitionArn!),
    memberOf: all.filter((c) => c.type === 'memberOf' && c.expression !== undefined).map((c) => c.expression!),
    distinct: all.some((c) => c.type === 'distinctInstance'),
    group,
  };
}

/** The class of a service's tasks (its current task definition and constraints). */
export function serviceClass(state: SimState, service: ServiceRecord): TaskClass {
  const td = state.taskDefinitions.resolve(service.taskDefinitionArn);
  return taskClass(state, td, service.placementConstraints, `service:${service.name}`, service.name);
}

const BUILT_IN = /^(ecs\.|com\.amazonaws\.ecs\.)/;

/** Custom attribute names the classes' memberOf expressions read (what new instances' attributes must answer). */
export function customAttributeNames(classes: Iterable<TaskClass>): string[] {
  const names = new Set<string>();
  const collect = (e: Expr): void => visit<void>(e, {
    compare: (n) => { if (n.subject.field === 'attribute' && !BUILT_IN.test(n.subject.attribute!)) names.add(n.subject.attribute!); },
    in: (n) => { if (n.subject.field === 'attribute' && !BUILT_IN.test(n.subject.attribute!)) names.add(n.subject.attribute!); },
    exists: (n) => { if (n.subject.field === 'attribute' && !BUILT_IN.test(n.subject.attribute!)) names.add(n.subject.attribute!); },
    and: (n) => n.operands.forEach(collect),
    or: (n) => n.operands.forEach(collect),
    not: (n) => collect(n.operand),
  });
  for (const c of classes) for (const m of c.memberOf) collect(parseFilter(m));
  return [...names].sort();
}

/** Adds `count` tasks of `cls` to a demand list (merging with the same class). */
export function addDemand(list: Demand[], cls: TaskClass, count: number): void {
  if (count <= 0) return;
  const i = list.findIndex((d) => d.cls.key === cls.key);
  if (i < 0) list.push({ cls, count });
  else list[i] = { cls, count: list[i]!.count + count };
}

/**
 * Text renderings shared by subcommands: container instances as table rows, query plans as an
 * indented tree, utilisation before and after.
 */
import { CONTAINER_INSTANCE_STATUSES } from '../ecs/container-instances/instances.js';
import type { PlanExplanation } from '../store/plan.js';
import type { ContainerInstance } from '../shapes.js';
import type { Utilisation, WhatIfReport } from '../ecs/what-if/report.js';
import { count, formatTable, percent } from './table.js';

export function attributeOf(instance: ContainerInstance, name: string): string {
  return instance.attributes?.find((a) => a.name === name)?.value ?? '';
}

function resource(list: ContainerInstance['registeredResources'], name: string): number {
  return list?.find((r) => r.name === name)?.integerValue ?? 0;
}

/** The id part of a container instance ARN (long or short format). */
export function shortId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Every container instance status a `--status` or a scenario's `status` may name: ListContainerInstances' and INACTIVE. */
export const INSTANCE_STATUSES: readonly string[] = [...CONTAINER_INSTANCE_STATUSES, 'INACTIVE'];

export const INSTANCE_HEADER = ['ID', 'EC2 INSTANCE', 'TYPE', 'AZ', 'STATUS', 'AGENT', 'TASKS', 'CPU FREE', 'MEMORY FREE'];

/** One table row per instance, as DescribeContainerInstances returns them. */
export function instanceRow(i: ContainerInstance): string[] {
  const cpu = `${resource(i.remainingResources, 'CPU')}/${resource(i.registeredResources, 'CPU')}`;
  const memory = `${resource(i.remainingResources, 'MEMORY')}/${resource(i.registeredResources, 'MEMORY')}`;
  return [
    shortId(i.containerInstanceArn ?? ''),
    i.ec2InstanceId ?? '',
    attributeOf(i, 'ecs.instance-type'),
    attributeOf(i, 'ecs.availability-zone'),
    i.status ?? '',
    `${i.versionInfo?.agentVersion ?? '?'}${i.agentConnected === false ? ' (disconnected)' : ''}`,
    String((i.runningTasksCount ?? 0) + (i.pendingTasksCount ?? 0)),
    cpu,
    memory,
  ];
}

/** The plan's nodes depth first, each with its tree-drawing label (`├─ `, `└─ ` prefixes). */
export function planNodes(plan: PlanExplanation): { tree: string; node: PlanExplanation }[] {
  const out: { tree: string; node: PlanExplanation }[] = [];
  const walk = (node: PlanExplanation, prefix: string, childPrefix: string) => {
    out.push({ tree: `${prefix}${node.node}`, node });
    node.children.forEach((c, i) => {
      const last = i === node.children.length - 1;
      walk(c, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(plan, '', '');
  return out;
}

/** The plan as a table whose first column draws the tree. */
export function planTable(plan: PlanExplanation): string {
  return formatTable([['PLAN', 'ESTIMATED', 'ACTUAL', 'HOW'], ...planNodes(plan).map(({ tree, node }) => [tree, count(node.estimated), count(node.actual), node.strategy])]);
}

/** Utilisation in total, per AZ and per instance type, as `utilisationOf` and the what-if reports give it. */
export type UtilisationView = WhatIfReport['utilisation']['before'];

/** CPU, memory and tasks before → after, per AZ and (unless left out) per instance type, then the total. */
export function utilisationTable(before: UtilisationView, after: UtilisationView, options: { byInstanceType?: boolean } = {}): string {
  const rows: string[][] = [['', 'CPU RESERVED', 'MEMORY RESERVED', 'TASKS']];
  const row = (label: string, b: Utilisation | undefined, a: Utilisation | undefined) => {
    const zero = { cpu: 0, memory: 0, tasks: 0 };
    const x = b ?? zero;
    const y = a ?? zero;
    rows.push([label, `${percent(x.cpu)} → ${percent(y.cpu)}`, `${percent(x.memory)} → ${percent(y.memory)}`, `${count(x.tasks)} → ${count(y.tasks)}`]);
  };
  const keys = (a: Record<string, Utilisation>, b: Record<string, Utilisation>) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const az of keys(before.byAvailabilityZone, after.byAvailabilityZone)) row(`AZ ${az}`, before.byAvailabilityZone[az], after.byAvailabilityZone[az]);
  if (options.byInstanceType !== false) for (const type of keys(before.byInstanceType, after.byInstanceType)) row(`type ${type}`, before.byInstanceType[type], after.byInstanceType[type]);
  row('total', before.total, after.total);
  return formatTable(rows);
}

/**
 * Reads a DescribeContainerInstances response (`{ containerInstances: [...] }`, as the aws CLI
 * prints it), optionally with the DescribeTasks-shaped `tasks` that run on them, into plain
 * ContainerInstance objects and each instance's task groups.
 */
import { readFileSync } from 'node:fs';
import { InvalidParameterException } from '../errors.js';
import type { ContainerInstance } from '../shapes.js';

export interface LoadedCluster {
  readonly instances: ContainerInstance[];
  /** containerInstanceArn → groups of the tasks on it that are not STOPPED. */
  readonly taskGroups: Map<string, string[]>;
}

export function loadDescribeOutput(path: string): LoadedCluster {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InvalidParameterException(`cannot read ${path}: ${(e as Error).message}`);
  }
  const body = json as { containerInstances?: unknown; tasks?: unknown };
  if (!body || !Array.isArray(body.containerInstances)) {
    throw new InvalidParameterException(`${path}: expected a DescribeContainerInstances response with a containerInstances array`);
  }
  const instances = body.containerInstances.map((raw: Record<string, unknown>) => {
    const at = raw['registeredAt'];
    // On the wire registeredAt is epoch seconds; tools also print ISO-8601 text.
    const registeredAt = typeof at === 'number' ? new Date(at * 1000) : typeof at === 'string' ? new Date(at) : undefined;
    return { ...raw, registeredAt } as ContainerInstance;
  });
  const taskGroups = new Map<string, string[]>();
  for (const t of Array.isArray(body.tasks) ? body.tasks : []) {
    const task = t as { containerInstanceArn?: string; group?: string; lastStatus?: string };
    if (!task.containerInstanceArn || !task.group || task.lastStatus === 'STOPPED') continue;
    const groups = taskGroups.get(task.containerInstanceArn) ?? [];
    groups.push(task.group);
    taskGroups.set(task.containerInstanceArn, groups);
  }
  return { instances, taskGroups };
}

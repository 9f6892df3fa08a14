/**
 * The naive store: an array of plain ECS-shaped instances, filtered with the reference
 * evaluator. Slow and obviously correct — the oracle the indexed store is tested against, with
 * the same mutation methods and the same query results.
 */
import { evaluate, parseFilter, type Expr } from '../cql/index.js';
import type { ContainerInstance } from '../shapes.js';
import type { QueryOptions } from './types.js';
import { StoreError } from './store.js';

interface Entry {
  instance: ContainerInstance;
  /** one element per task (a multiset) */
  taskGroups: string[];
}

export class NaiveInstanceStore {
  /** In registration order. */
  private readonly entries: Entry[] = [];

  private entry(arn: string): Entry {
    const e = this.entries.find((x) => x.instance.containerInstanceArn === arn);
    if (e === undefined) throw new StoreError(`no container instance ${arn} in the store`);
    return e;
  }

  get liveCount(): number {
    return this.entries.length;
  }

  has(arn: string): boolean {
    return this.entries.some((x) => x.instance.containerInstanceArn === arn);
  }

  register(instance: ContainerInstance, taskGroups: Iterable<string> = []): void {
    if (instance.containerInstanceArn === undefined) throw new StoreError('a container instance needs a containerInstanceArn');
    if (this.has(instance.containerInstanceArn)) throw new StoreError(`container instance ${instance.containerInstanceArn} is already in the store`);
    this.entries.push({
      instance: { ...instance, attributes: (instance.attributes ?? []).map((a) => ({ ...a })), runningTasksCount: instance.runningTasksCount ?? 0 },
      taskGroups: [...taskGroups],
    });
  }

  deregister(arn: string): void {
    this.entries.splice(this.entries.indexOf(this.entry(arn)), 1);
  }

  putAttribute(arn: string, name: string, value?: string): void {
    const attributes = this.entry(arn).instance.attributes!;
    const i = attributes.findIndex((a) => a.name === name);
    const attribute = value === undefined ? { name } : { name, value };
    if (i >= 0) attributes[i] = attribute;
    else attributes.push(attribute);
  }

  deleteAttribute(arn: string, name: string): void {
    const instance = this.entry(arn).instance;
    instance.attributes = instance.attributes!.filter((a) => a.name !== name);
  }

  setStatus(arn: string, status: string): void {
    this.entry(arn).instance.status = status;
  }

  setAgentConnected(arn: string, connected: boolean): void {
    this.entry(arn).instance.agentConnected = connected;
  }

  setAgentVersion(arn: string, version: string | undefined): void {
    const instance = this.entry(arn).instance;
    instance.versionInfo = { ...instance.versionInfo, agentVersion: version };
    if (version === undefined) delete instance.versionInfo.agentVersion;
  }

  setRunningTasksCount(arn: string, count: number): void {
    this.entry(arn).instance.runningTasksCount = count;
  }

  addTask(arn: string, group: string): void {
    this.entry(arn).taskGroups.push(group);
  }

  removeTask(arn: string, group: string): void {
    const groups = this.entry(arn).taskGroups;
    const i = groups.indexOf(group);
    if (i < 0) throw new StoreError(`no task of group ${group} on ${arn}`);
    groups.splice(i, 1);
  }

  query(filter: string | Expr | null, options?: QueryOptions): string[] {
    const ast = filter === null || (typeof filter === 'string' && filter.trim() === '') ? null : typeof filter === 'string' ? parseFilter(filter) : filter;
    const status = options?.status;
    const statuses = status === undefined ? null : typeof status === 'string' ? [status] : status;
    return this.entries
      .filter((e) => statuses === null || (e.instance.status !== undefined && statuses.includes(e.instance.status)))
      .filter((e) => ast === null || evaluate(ast, e.instance, { taskGroups: e.taskGroups }))
      .map((e) => e.instance.containerInstanceArn!);
  }
}

/**
 * Task definitions: their ECS shapes (the 2019-06-06 generation's members, field for field as in
 * `@aws-sdk/client-ecs`) and the registry RegisterTaskDefinition adds to and RunTask /
 * CreateService look up: family → revisions 1, 2, …, each immutable once registered.
 */
import { recording, type Journal } from '../../collections/journal.js';
import { ClientException, cut, InvalidParameterException, inEcsWords } from '../../errors.js';
import { requirementsOf } from '../../resources/requirements.js';
import type { TaskRequirements } from '../../resources/types.js';
import type * as Sdk from '../../shapes.js';
import type { Attribute, Tag } from '../../shapes.js';
import { parseTaskDefinitionArn } from '../shared/arns.js';

export type NetworkMode = Sdk.NetworkMode;
export type Compatibility = Extract<Sdk.Compatibility, 'EC2' | 'FARGATE'>;
export type TransportProtocol = Sdk.TransportProtocol;

/** ECS `PortMapping` (2019: no name / appProtocol / containerPortRange). */
export type PortMapping = Pick<Sdk.PortMapping, 'containerPort' | 'hostPort' | 'protocol'>;

/** ECS `ResourceRequirement` (2019: GPU only, no sharing strategy). */
export interface ResourceRequirement {
  type: Extract<Sdk.ResourceType, 'GPU'> | undefined;
  value: string | undefined;
}

/** ECS `TaskDefinitionPlacementConstraint` (memberOf only). */
export type TaskDefinitionPlacementConstraint = Sdk.TaskDefinitionPlacementConstraint;

/**
 * A member the simulator does not model: type-checked at the top level, kept and echoed as
 * given. Typed loosely so the AWS SDK's shapes for it fit both ways.
 */
export type Echoed = any;

/** The 2019 members of ContainerDefinition the simulator reads or checks, typed as the SDK types them. */
type ModelledContainerMember =
  | 'name' | 'image' | 'cpu' | 'memory' | 'memoryReservation' | 'links' | 'essential' | 'entryPoint' | 'command'
  | 'environment' | 'hostname' | 'user' | 'workingDirectory' | 'disableNetworking' | 'privileged'
  | 'readonlyRootFilesystem' | 'dnsServers' | 'dnsSearchDomains' | 'dockerSecurityOptions' | 'interactive'
  | 'pseudoTerminal' | 'dockerLabels' | 'startTimeout' | 'stopTimeout';

/** The other 2019 members: kept and echoed as given. */
type EchoedContainerMember =
  | 'mountPoints' | 'volumesFrom' | 'repositoryCredentials' | 'linuxParameters' | 'secrets' | 'dependsOn'
  | 'extraHosts' | 'ulimits' | 'logConfiguration' | 'healthCheck' | 'systemControls';

/**
 * ECS `ContainerDefinition`, 2019 generation: the members the simulator models are typed as in
 * the SDK (ports and GPU requirements narrowed to 2019), the others kept and echoed as given.
 */
export type ContainerDefinition = Pick<Sdk.ContainerDefinition, ModelledContainerMember> & {
  portMappings?: PortMapping[] | undefined;
  resourceRequirements?: ResourceRequirement[] | undefined;
} & { [K in EchoedContainerMember]?: Echoed };

/** ECS `TaskDefinition` as RegisterTaskDefinition / DescribeTaskDefinition return it (2019 members). */
export interface TaskDefinition {
  taskDefinitionArn?: string | undefined;
  containerDefinitions?: ContainerDefinition[] | undefined;
  family?: string | undefined;
  taskRoleArn?: string | undefined;
  executionRoleArn?: string | undefined;
  networkMode?: NetworkMode | undefined;
  revision?: number | undefined;
  volumes?: Echoed[] | undefined;
  status?: 'ACTIVE' | 'INACTIVE' | undefined;
  requiresAttributes?: Attribute[] | undefined;
  placementConstraints?: TaskDefinitionPlacementConstraint[] | undefined;
  compatibilities?: Compatibility[] | undefined;
  requiresCompatibilities?: Compatibility[] | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  pidMode?: 'host' | 'task' | undefined;
  ipcMode?: 'host' | 'task' | 'none' | undefined;
  proxyConfiguration?: Echoed;
}

/** One registered revision and the tags it was registered with. */
export interface TaskDefinitionEntry {
  readonly taskDefinition: TaskDefinition;
  readonly tags: Tag[];
}

/** The registry as plain JSON: every revision in registration order. */
export interface TaskDefinitionsSnapshot {
  entries: TaskDefinitionEntry[];
}

const FAMILY_REVISION = /^([A-Za-z0-9_-]{1,255})(?::(\d+))?$/;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Entry {
  readonly taskDefinition: TaskDefinition;
  readonly tags: readonly Tag[];
  /** computed on first use */
  requirements: TaskRequirements | undefined;
}

/**
 * Every registered task definition, by family and revision. Registered revisions are frozen:
 * lookups return them as they are (read-only); API responses should hand out copies. A family
 * may have gaps (a loaded dump holds `web:17` without revisions 1–16): missing revisions are
 * simply not found, and the next registration still gets the next number.
 *
 * @example
 * registry.get('web')                 // latest ACTIVE revision of family web
 * registry.get('web:3')               // revision 3
 * registry.get('arn:aws:ecs:us-east-1:123456789012:task-definition/web:3')
 * registry.requirementsOf('web:3')    // what one task of it reserves
 *
 * Journal (`useJournal`): in an open transaction `add` and `deregister` record undos that put
 * back exactly what they change (order included).
 */
export class TaskDefinitionRegistry {
  /** family → revisions, index = revision − 1 (holes where a revision is unknown) */
  private families = new Map<string, (Entry | undefined)[]>();
  /** ARN → entry */
  private byArn = new Map<string, Entry>();
  /** registration order, for snapshots */
  private order: Entry[] = [];
  /**
   * The three above are shared with a clone until either side first changes them: a what-if
   * fork clones the registry, and copying a few hundred revisions was a twentieth of a small
   * what-if.
   */
  private shared = false;
  private journal: Journal | null = null;

  /** This side's own copies of the maps, before it changes them. */
  private own(): void {
    if (!this.shared) return;
    this.families = new Map([...this.families].map(([f, revs]) => [f, [...revs]]));
    this.byArn = new Map(this.byArn);
    this.order = [...this.order];
    this.shared = false;
  }

  /** Journals every later change in `journal`'s open transactions (null: none). A clone starts without one. */
  useJournal(journal: Journal | null): void {
    this.journal = journal;
  }

  /** Number of registered revisions (all families). */
  get size(): number {
    return this.order.length;
  }

  /** The revision the next registration of `family` gets (1 for a new family). */
  nextRevision(family: string): number {
    return (this.families.get(family)?.length ?? 0) + 1;
  }

  /**
   * Adds a fully formed revision (RegisterTaskDefinition builds it); its `revision` must be
   * `nextRevision(family)` or later (later leaves a gap: a loaded dump's revisions) and its ARN new.
   */
  add(taskDefinition: TaskDefinition, tags: readonly Tag[] = []): void {
    const family = taskDefinition.family;
    const arn = taskDefinition.taskDefinitionArn;
    if (family === undefined || arn === undefined) throw new Error('TaskDefinitionRegistry.add: family and taskDefinitionArn are required');
    const revision = taskDefinition.revision;
    if (revision === undefined || !Number.isInteger(revision) || revision < this.nextRevision(family)) {
      throw new Error(`TaskDefinitionRegistry.add: ${family} expects revision ${this.nextRevision(family)} or later, got ${String(revision)}`);
    }
    if (this.byArn.has(arn)) throw new Error(`TaskDefinitionRegistry.add: ${arn} is already registered`);
    const entry: Entry = { taskDefinition: deepFreeze(structuredClone(taskDefinition)), tags: deepFreeze(structuredClone([...tags])), requirements: undefined };
    this.own();
    if (recording(this.journal)) this.recordAdd(this.journal, family, arn);
    let revisions = this.families.get(family);
    if (revisions === undefined) this.families.set(family, (revisions = []));
    while (revisions.length < revision - 1) revisions.push(undefined);
    revisions.push(entry);
    this.byArn.set(arn, entry);
    this.order.push(entry);
  }

  private recordAdd(journal: Journal, family: string, arn: string): void {
    const known = this.families.has(family);
    const length = this.families.get(family)?.length ?? 0;
    journal.record(() => {
      // (A fork made since may share the maps: this side copies them first.)
      this.own();
      // A new family was the last one added to the map, so deleting it restores the order.
      if (!known) this.families.delete(family);
      else this.families.get(family)!.length = length;
      this.byArn.delete(arn);
      this.order.pop();
    });
  }

  private entry(reference: string): Entry | undefined {
    if (typeof reference !== 'string') return undefined;
    const exact = this.byArn.get(reference);
    if (exact !== undefined) return exact;
    const arn = parseTaskDefinitionArn(reference);
    if (arn !== null) {
      // A full ARN with a revision is found exactly (above) or not at all; one without a
      // revision names the family's latest ACTIVE revision, if the ARN is this account's.
      if (arn.revision !== undefined) return undefined;
      const latest = this.latestActive(arn.family);
      return latest?.taskDefinition.taskDefinitionArn === `${reference}:${latest?.taskDefinition.revision}` ? latest : undefined;
    }
    const m = FAMILY_REVISION.exec(reference);
    if (m === null) return undefined;
    if (m[2] === undefined) return this.latestActive(m[1]!);
    return this.families.get(m[1]!)?.[Number(m[2]) - 1];
  }

  /** The latest ACTIVE revision of a family: what a reference without a revision means [API RunTask.taskDefinition]. */
  private latestActive(family: string): Entry | undefined {
    const revisions = this.families.get(family) ?? [];
    for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i]?.taskDefinition.status === 'ACTIVE') return revisions[i];
    return undefined;
  }

  /**
   * The revision a reference names — `family` (latest ACTIVE revision), `family:revision` or the
   * full ARN (with or without `:revision`) — or undefined.
   */
  get(reference: string): TaskDefinition | undefined {
    return this.entry(reference)?.taskDefinition;
  }

  /**
   * Like `get`, but a missing definition is the ClientException ECS answers with
   * ("TaskDefinition not found." — observed from CreateService, `Cloud-CV/EvalAI#2419` [OBS]).
   */
  resolve(reference: string, member = 'taskDefinition'): TaskDefinition {
    const td = this.get(reference);
    if (td === undefined) throw inEcsWords(new ClientException('TaskDefinition not found.'), member);
    return td;
  }

  /**
   * Like `resolve`, for starting something new (RunTask, StartTask, CreateService, UpdateService):
   * an INACTIVE revision is refused — "You can't use an INACTIVE task definition to run new
   * tasks or create new services" [API DeregisterTaskDefinition], with the text ECS answers
   * RunTask with ("TaskDefinition is inactive", `DefangLabs/defang#775` [OBS]).
   */
  resolveLaunchable(reference: string, member = 'taskDefinition'): TaskDefinition {
    const td = this.resolve(reference, member);
    if (td.status === 'INACTIVE') throw new InvalidParameterException(`${member}: TaskDefinition is inactive (${td.taskDefinitionArn}).`);
    return td;
  }

  /**
   * Marks a revision INACTIVE (DeregisterTaskDefinition) and returns it. The reference must name
   * a revision: `family:revision` or the full ARN with its revision. Deregistering an INACTIVE
   * revision again returns it unchanged [INF: the API does not say].
   */
  deregister(reference: string): TaskDefinition {
    const entry = this.entry(reference);
    const named = typeof reference === 'string' && (FAMILY_REVISION.exec(reference)?.[2] !== undefined || parseTaskDefinitionArn(reference)?.revision !== undefined);
    if (!named) throw new ClientException(`taskDefinition: name a revision ('family:revision' or the full ARN with its revision); got '${cut(String(reference))}'.`);
    if (entry === undefined) throw inEcsWords(new ClientException('TaskDefinition not found.'), 'taskDefinition');
    if (entry.taskDefinition.status === 'INACTIVE') return entry.taskDefinition;
    const inactive: Entry = { taskDefinition: deepFreeze({ ...structuredClone(entry.taskDefinition), status: 'INACTIVE' }), tags: entry.tags, requirements: entry.requirements };
    this.replace(entry, inactive);
    return inactive.taskDefinition;
  }

  /**
   * Replaces the tags of the revision a full ARN (with its revision) names (TagResource,
   * UntagResource); false if there is none.
   */
  setTags(arn: string, tags: readonly Tag[]): boolean {
    const entry = this.byArn.get(arn);
    if (entry === undefined) return false;
    this.replace(entry, { taskDefinition: entry.taskDefinition, tags: deepFreeze(structuredClone([...tags])), requirements: entry.requirements });
    return true;
  }

  /** The revision `next` in place of `entry`: entries are frozen and may be shared with forks, so they are replaced, never changed. */
  private replace(entry: Entry, next: Entry): void {
    this.own();
    if (recording(this.journal)) this.journal.record(() => this.replace(next, entry));
    const td = entry.taskDefinition;
    this.families.get(td.family!)![td.revision! - 1] = next;
    this.byArn.set(td.taskDefinitionArn!, next);
    this.order[this.order.indexOf(entry)] = next;
  }

  /** Every revision with the given status, in registration order. */
  withStatus(status: 'ACTIVE' | 'INACTIVE'): TaskDefinition[] {
    return this.order.filter((e) => e.taskDefinition.status === status).map((e) => e.taskDefinition);
  }

  /** Tags a revision was registered with. */
  tagsOf(reference: string): readonly Tag[] {
    return this.entry(reference)?.tags ?? [];
  }

  /** What one task of a registered revision (by reference) or of any task definition reserves. */
  requirementsOf(taskDefinition: string | TaskDefinition): TaskRequirements {
    if (typeof taskDefinition !== 'string') return requirementsOf(taskDefinition);
    const entry = this.entry(taskDefinition);
    if (entry === undefined) throw inEcsWords(new ClientException('TaskDefinition not found.'), 'taskDefinition');
    return (entry.requirements ??= requirementsOf(entry.taskDefinition));
  }

  /** Family names, in the order they were first registered. */
  familyNames(): string[] {
    return [...this.families.keys()];
  }

  /** Every known revision of a family, oldest first. */
  revisions(family: string): readonly TaskDefinition[] {
    return (this.families.get(family) ?? []).flatMap((e) => (e === undefined ? [] : [e.taskDefinition]));
  }

  /** An independent registry with the same revisions (they are frozen, so it shares them; the maps until either side changes). */
  clone(): TaskDefinitionRegistry {
    const copy = new TaskDefinitionRegistry();
    copy.families = this.families;
    copy.byArn = this.byArn;
    copy.order = this.order;
    copy.shared = this.shared = true;
    return copy;
  }

  /** Every revision in registration order, as plain JSON. */
  toJSON(): TaskDefinitionsSnapshot {
    return { entries: this.order.map((e) => ({ taskDefinition: structuredClone(e.taskDefinition), tags: structuredClone([...e.tags]) })) };
  }

  /** Replaces the contents with a snapshot's. */
  load(snapshot: TaskDefinitionsSnapshot): void {
    this.families = new Map();
    this.byArn = new Map();
    this.order = [];
    this.shared = false;
    for (const e of snapshot.entries) this.add(e.taskDefinition, e.tags);
  }
}

/**
 * PutAttributes, DeleteAttributes and ListAttributes (reference §3.9): custom attributes on the
 * container instances of one cluster. Attributes always target a container instance.
 *
 * Rules the reference states:
 * - `attributes`: 1 to 10 items; each names its target with `targetId` (a container instance
 *   id or ARN); `targetType` may only be `container-instance` and is required with a short id.
 * - Names and values follow attribute-rules.ts; a missing value makes a valueless attribute.
 * - An unknown target is a TargetNotFoundException; more than 10 custom attributes on an
 *   instance after the change is an AttributeLimitExceededException.
 * - ListAttributes requires `targetType`; `attributeValue` only together with `attributeName`;
 *   `maxResults` 1 to 100 (default 100) with signed `nextToken`s.
 *
 * Choices where the reference is silent:
 * - Built-in names (`ecs.*`, `com.amazonaws.ecs.*`) cannot be put or deleted
 *   (InvalidParameterException): ECS and the agent own them, the placement engine trusts them
 *   (`ecs.instance-type`, `ecs.availability-zone`), and since they do not count toward the
 *   10-attribute limit, allowing new `ecs.*` names would be a way around it. The API reference
 *   calls DeleteAttributes "deletes one or more custom attributes".
 * - Responses name the target by its full ARN with `targetType: 'container-instance'`, also when
 *   the request used a short id (the AWS CLI examples always show the ARN; one form everywhere
 *   lets callers compare results with ListAttributes).
 * - A deregistered (INACTIVE) instance is no longer a target (TargetNotFoundException) and
 *   ListAttributes leaves it out, as ListContainerInstances does by default.
 * - Deleting an attribute the instance does not have is not an error: it is returned (without a
 *   value) and nothing changes. A deleted attribute is returned with the value it had; a value
 *   given in a DeleteAttributes request is checked for form and otherwise ignored.
 * - Putting an attribute with the value it already has changes nothing: the instance's
 *   `version` goes up only when its attributes actually change (once per call).
 * - An overwritten attribute keeps its place in the instance's `attributes`; a new one is
 *   appended. Within one request the last item for the same target and name wins.
 * - ListAttributes lists built-in and custom attributes alike (DescribeContainerInstances shows
 *   both) in registration order of the instances, then the order of each instance's attributes.
 *   Pages continue after the last (instance, position) returned; deleting an attribute that
 *   sits before the cursor on the very instance being paged can shift the rest of that
 *   instance's attributes by one.
 * - `attributeName` and `attributeValue` in ListAttributes must have the form of a name and a
 *   value (InvalidParameterException otherwise), since nothing else could ever match.
 */
import { AttributeLimitExceededException, InvalidParameterException, TargetNotFoundException } from '../../errors.js';
import { checkAttributeName, checkAttributeValue, isCustomAttribute, MAX_CUSTOM_ATTRIBUTES } from './rules.js';
import { clusterFor } from '../clusters/cluster.js';
import { CONTAINER_INSTANCE_STATUSES, findInstance, touch } from '../container-instances/instances.js';
import { decodeToken, pageOf } from '../shared/pagination.js';
import type { CallContext, ClusterRecord, InstanceRecord, SimState } from '../state/state.js';
import {
  objectAt,
  optionalInteger,
  optionalString,
  requestObject,
  requiredArray,
  requiredEnum,
  type Input,
} from '../shared/validate.js';

/** The only attribute target type ECS has. */
export const TARGET_TYPES = ['container-instance'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** At most this many attributes in one PutAttributes or DeleteAttributes request. */
export const MAX_ATTRIBUTES_PER_REQUEST = 10;

/** An attribute together with the container instance it is on, as the attribute operations answer. */
export interface TargetedAttribute {
  name: string;
  value?: string;
  targetType: TargetType;
  /** the container instance's full ARN */
  targetId: string;
}

/** The PutAttributes response (`PutAttributesResponse` of `@aws-sdk/client-ecs`). */
export interface PutAttributesOutput {
  attributes: TargetedAttribute[];
}

/** The DeleteAttributes response (`DeleteAttributesResponse` of `@aws-sdk/client-ecs`). */
export interface DeleteAttributesOutput {
  attributes: TargetedAttribute[];
}

/** The ListAttributes response (`ListAttributesResponse` of `@aws-sdk/client-ecs`). */
export interface ListAttributesOutput {
  attributes: TargetedAttribute[];
  nextToken?: string;
}

/** One checked request item: what to do with which name on which instance. */
interface Item {
  readonly name: string;
  readonly value: string | undefined;
  readonly record: InstanceRecord;
}

function isBuiltIn(name: string): boolean {
  return !isCustomAttribute(name);
}

function targeted(record: InstanceRecord, name: string, value: string | undefined): TargetedAttribute {
  return value === undefined
    ? { name, targetType: 'container-instance', targetId: record.arn }
    : { name, value, targetType: 'container-instance', targetId: record.arn };
}

/** The instance an item's `targetType`/`targetId` names; InvalidParameter or TargetNotFound otherwise. */
function targetOf(cluster: ClusterRecord, item: Input, where: string): InstanceRecord {
  const targetType = item['targetType'];
  if (targetType !== undefined && targetType !== null && !(TARGET_TYPES as readonly unknown[]).includes(targetType)) {
    throw new InvalidParameterException(`${where}.targetType must be one of ${TARGET_TYPES.join(', ')}; got ${JSON.stringify(targetType)}`);
  }
  const targetId = item['targetId'];
  if (targetId === undefined || targetId === null || targetId === '') {
    throw new InvalidParameterException(`${where}.targetId is required: the id or ARN of the container instance the attribute is on`);
  }
  if (typeof targetId !== 'string') throw new InvalidParameterException(`${where}.targetId must be a string`);
  if (!targetId.startsWith('arn:') && (targetType === undefined || targetType === null)) {
    throw new InvalidParameterException(`${where}.targetType is required when targetId is a short id ('${targetId}') rather than a full ARN`);
  }
  let record: InstanceRecord | null;
  try {
    record = findInstance(cluster, targetId);
  } catch (e) {
    if (e instanceof InvalidParameterException) throw new InvalidParameterException(`${where}.targetId: ${e.message}`);
    throw e;
  }
  if (record === null || record.status === 'INACTIVE') {
    throw new TargetNotFoundException(`Could not find ${targetId}: it is not a registered container instance of cluster ${cluster.name}.`);
  }
  return record;
}

/** Checks every item of `attributes` (1 to 10) and resolves its target; changes nothing. */
function checkItems(cluster: ClusterRecord, input: Input, operation: 'PutAttributes' | 'DeleteAttributes'): Item[] {
  const items = requiredArray(input, 'attributes', MAX_ATTRIBUTES_PER_REQUEST);
  return items.map((_, i) => {
    const where = `attributes[${i}]`;
    const a = objectAt(items, i, 'attributes');
    const name = checkAttributeName(a['name'], where);
    if (isBuiltIn(name)) {
      throw new InvalidParameterException(
        `${where}.name: '${name}' is a built-in attribute name (ecs.* and com.amazonaws.ecs.* are set by ECS and the container agent); ${operation} changes custom attributes only`,
      );
    }
    const value = checkAttributeValue(a['value'], where);
    const record = targetOf(cluster, a, where);
    return { name, value, record };
  });
}

/** The items grouped by instance, in the order each instance first appears. */
function byInstance(items: readonly Item[]): Map<InstanceRecord, Item[]> {
  const groups = new Map<InstanceRecord, Item[]>();
  for (const item of items) {
    const group = groups.get(item.record);
    if (group === undefined) groups.set(item.record, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * PutAttributes: creates or overwrites custom attributes on container instances. All or nothing:
 * every item and target is checked, and every instance's limit, before anything changes.
 *
 * @example
 * sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetType: 'container-instance', targetId: id }] })
 * // → { attributes: [{ name: 'stack', value: 'dev', targetType: 'container-instance', targetId: '<ARN>' }] }
 */
export function putAttributes(state: SimState, request: unknown, _call?: CallContext): PutAttributesOutput {
  const input = requestObject(request, 'PutAttributes');
  const cluster = clusterFor(state, input);
  const items = checkItems(cluster, input, 'PutAttributes');
  const groups = byInstance(items);

  // Each instance's attributes after the change, checked against the limit before any is applied.
  const planned = new Map<InstanceRecord, { attributes: InstanceRecord['attributes']; changed: boolean }>();
  for (const [record, group] of groups) {
    const attributes = record.attributes.map((a) => ({ ...a }));
    let changed = false;
    for (const { name, value } of group) {
      const at = attributes.findIndex((a) => a.name === name);
      const next = value === undefined ? { name } : { name, value };
      if (at === -1) {
        attributes.push(next);
        changed = true;
      } else if (attributes[at]!.value !== value) {
        attributes[at] = next;
        changed = true;
      }
    }
    const custom = attributes.filter((a) => a.name !== undefined && isCustomAttribute(a.name)).length;
    if (custom > MAX_CUSTOM_ATTRIBUTES) {
      throw new AttributeLimitExceededException(
        `The attributes limit has been reached: container instance ${record.arn} would have ${custom} custom attributes; at most ${MAX_CUSTOM_ATTRIBUTES} are allowed per resource.`,
      );
    }
    planned.set(record, { attributes, changed });
  }

  for (const [record, { attributes, changed }] of planned) {
    if (!changed) continue;
    record.attributes = attributes;
    // The last item for a name wins, in the store as in the record.
    for (const { name, value } of groups.get(record)!) cluster.store.putAttribute(record.arn, name, value);
    touch(record);
  }
  return { attributes: items.map(({ record, name, value }) => targeted(record, name, value)) };
}

/**
 * DeleteAttributes: removes custom attributes from container instances, by name. All or nothing.
 * Returns each requested attribute, with the value it had (none if the instance did not have it).
 *
 * @example
 * sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: arn }] })
 */
export function deleteAttributes(state: SimState, request: unknown, _call?: CallContext): DeleteAttributesOutput {
  const input = requestObject(request, 'DeleteAttributes');
  const cluster = clusterFor(state, input);
  const items = checkItems(cluster, input, 'DeleteAttributes');

  // Records' attribute arrays are replaced, never edited in place, so an array handed out
  // earlier (a snapshot, a describe in progress) never changes under its holder.
  const out: TargetedAttribute[] = [];
  const remaining = new Map<InstanceRecord, InstanceRecord['attributes']>();
  for (const { record, name } of items) {
    const attributes = remaining.get(record) ?? record.attributes;
    const at = attributes.findIndex((a) => a.name === name);
    if (at === -1) {
      out.push(targeted(record, name, undefined));
      continue;
    }
    out.push(targeted(record, name, attributes[at]!.value));
    remaining.set(record, attributes.filter((_, i) => i !== at));
  }
  for (const [record, attributes] of remaining) {
    for (const a of record.attributes) {
      if (a.name !== undefined && !attributes.some((b) => b.name === a.name)) cluster.store.deleteAttribute(record.arn, a.name);
    }
    record.attributes = attributes;
    touch(record);
  }
  return { attributes: out };
}

/**
 * Page keys: an instance's registration sequence, then the attribute name's ordinal in the
 * store (the order names first appeared in the cluster). Unlike a position in the instance's
 * list, the ordinal never shifts when another attribute is deleted, so paging neither skips
 * nor repeats an attribute while the cluster changes between pages.
 */
const POSITIONS_PER_INSTANCE = 2 ** 26;

/**
 * ListAttributes: the attributes of every registered (non-INACTIVE) container instance of the
 * cluster, optionally only those with `attributeName` (and `attributeValue`), in pages.
 *
 * @example
 * sim.listAttributes({ cluster: 'c', targetType: 'container-instance', attributeName: 'stack', attributeValue: 'prod' })
 */
export function listAttributes(state: SimState, request: unknown, _call?: CallContext): ListAttributesOutput {
  const input = requestObject(request, 'ListAttributes');
  const cluster = clusterFor(state, input);
  const targetType = requiredEnum(input, 'targetType', TARGET_TYPES);
  const rawName = optionalString(input, 'attributeName');
  const name = rawName === undefined ? undefined : checkAttributeName(rawName, 'attributeName');
  const rawValue = optionalString(input, 'attributeValue');
  if (rawValue !== undefined && name === undefined) {
    throw new InvalidParameterException('attributeValue can only be given together with attributeName');
  }
  const value = rawValue === undefined ? undefined : checkAttributeValue(rawValue, 'attributeValue');
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 100;
  const nextToken = optionalString(input, 'nextToken');
  const query = JSON.stringify([cluster.arn, targetType, name ?? null, value ?? null]);

  const store = cluster.store;
  const slots = store.querySlots(null, { status: CONTAINER_INSTANCE_STATUSES });
  const sequence = store.sequence;
  // Start at the instance the token stopped in (slots ascend by sequence), so a page costs
  // a binary search and the page itself rather than a walk over the whole cluster.
  let first = 0;
  let after = -Infinity;
  if (nextToken !== undefined && nextToken !== '') {
    const key = decodeToken(state, 'ListAttributes', query, nextToken);
    if (typeof key !== 'number') throw new InvalidParameterException('nextToken is invalid: it was not returned by a previous call with the same parameters');
    after = key;
    const fromSequence = Math.floor(after / POSITIONS_PER_INSTANCE);
    let hi = slots.length;
    while (first < hi) {
      const mid = (first + hi) >>> 1;
      if (sequence[slots[mid]!]! < fromSequence) first = mid + 1;
      else hi = mid;
    }
  }
  // Enough entries past the token for one page, plus one to know whether another follows.
  const entries: { key: number; attribute: TargetedAttribute }[] = [];
  let pastToken = 0;
  for (let s = first; s < slots.length && pastToken <= maxResults; s++) {
    const slot = slots[s]!;
    const record = cluster.instances.peek(store.arns[slot]!);
    if (record === undefined) continue;
    const base = sequence[slot]! * POSITIONS_PER_INSTANCE;
    const mine: { key: number; attribute: TargetedAttribute }[] = [];
    for (const a of record.attributes) {
      if (a.name === undefined) continue;
      if (name !== undefined && a.name !== name) continue;
      if (value !== undefined && a.value !== value) continue;
      const key = base + store.attributeOrdinal(a.name);
      mine.push({ key, attribute: targeted(record, a.name, a.value) });
      if (key > after) pastToken++;
    }
    if (mine.length > 1) mine.sort((x, y) => x.key - y.key);
    for (const e of mine) entries.push(e);
  }
  const page = pageOf(state, 'ListAttributes', query, entries, (e) => e.attribute, maxResults, nextToken, (e) => e.key);
  return page.nextToken === undefined ? { attributes: page.items } : { attributes: page.items, nextToken: page.nextToken };
}

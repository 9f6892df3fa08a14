/**
 * What PutAttributes, DeleteAttributes and ListAttributes (reference §3.9) share: the checked
 * request items and the instances they target. Attributes always target a container instance.
 *
 * Rules the reference states:
 * - `attributes`: 1 to 10 items; each names its target with `targetId` (a container instance
 *   id or ARN); `targetType` may only be `container-instance` and is required with a short id.
 * - Names and values follow rules.ts; a missing value makes a valueless attribute.
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
import { cut, InvalidParameterException, quote, TargetNotFoundException } from '../../errors.js';
import type { ClusterRecord } from '../clusters/record.js';
import { findInstance } from '../container-instances/instances.js';
import type { InstanceRecord } from '../container-instances/record.js';
import { objectAt, requiredArray, type Input } from '../shared/validate.js';
import { checkAttributeName, checkAttributeValue, isCustomAttribute } from './rules.js';

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

/** One checked request item: what to do with which name on which instance. */
export interface Item {
  readonly name: string;
  readonly value: string | undefined;
  readonly record: InstanceRecord;
}

function isBuiltIn(name: string): boolean {
  return !isCustomAttribute(name);
}

export function targeted(record: InstanceRecord, name: string, value: string | undefined): TargetedAttribute {
  return value === undefined
    ? { name, targetType: 'container-instance', targetId: record.arn }
    : { name, value, targetType: 'container-instance', targetId: record.arn };
}

/** The instance an item's `targetType`/`targetId` names; InvalidParameter or TargetNotFound otherwise. */
function targetOf(cluster: ClusterRecord, item: Input, where: string): InstanceRecord {
  const targetType = item['targetType'];
  if (targetType !== undefined && targetType !== null && !(TARGET_TYPES as readonly unknown[]).includes(targetType)) {
    throw new InvalidParameterException(`${where}.targetType must be one of ${TARGET_TYPES.join(', ')}; got ${quote(targetType)}`);
  }
  const targetId = item['targetId'];
  if (targetId === undefined || targetId === null || targetId === '') {
    throw new InvalidParameterException(`${where}.targetId is required: the id or ARN of the container instance the attribute is on`);
  }
  if (typeof targetId !== 'string') throw new InvalidParameterException(`${where}.targetId must be a string`);
  if (!targetId.startsWith('arn:') && (targetType === undefined || targetType === null)) {
    throw new InvalidParameterException(`${where}.targetType is required when targetId is a short id ('${cut(targetId)}') rather than a full ARN`);
  }
  let record: InstanceRecord | null;
  try {
    record = findInstance(cluster, targetId);
  } catch (e) {
    if (e instanceof InvalidParameterException) throw new InvalidParameterException(`${where}.targetId: ${e.message}`);
    throw e;
  }
  if (record === null || record.status === 'INACTIVE') {
    throw new TargetNotFoundException(`Could not find ${cut(targetId)}: it is not a registered container instance of cluster ${cluster.name}.`);
  }
  return record;
}

/** Checks every item of `attributes` (1 to 10) and resolves its target; changes nothing. */
export function checkItems(cluster: ClusterRecord, input: Input, operation: 'PutAttributes' | 'DeleteAttributes'): Item[] {
  const items = requiredArray(input, 'attributes', MAX_ATTRIBUTES_PER_REQUEST);
  return items.map((_, i) => {
    const where = `attributes[${i}]`;
    const a = objectAt(items, i, 'attributes');
    const name = checkAttributeName(a['name'], where);
    if (isBuiltIn(name)) {
      throw new InvalidParameterException(
        `${where}.name: '${cut(name)}' is a built-in attribute name (ecs.* and com.amazonaws.ecs.* are set by ECS and the container agent); ${operation} changes custom attributes only`,
      );
    }
    const value = checkAttributeValue(a['value'], where);
    const record = targetOf(cluster, a, where);
    return { name, value, record };
  });
}

/** The items grouped by instance, in the order each instance first appears. */
export function byInstance(items: readonly Item[]): Map<InstanceRecord, Item[]> {
  const groups = new Map<InstanceRecord, Item[]>();
  for (const item of items) {
    const group = groups.get(item.record);
    if (group === undefined) groups.set(item.record, [item]);
    else group.push(item);
  }
  return groups;
}

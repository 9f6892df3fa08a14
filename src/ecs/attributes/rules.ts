/**
 * Attribute and tag rules of the ECS API model (reference §3.9, §3.10), shared by
 * RegisterContainerInstance and the attribute and tag operations.
 */
import { InvalidParameterException } from '../../errors.js';
import type { Attribute, Tag } from '../../shapes.js';

const ATTRIBUTE_NAME = /^[A-Za-z0-9\-_/\\.]{1,128}$/;
const ATTRIBUTE_VALUE = /^[A-Za-z0-9\-_.@/\\: ]{1,128}$/;

/** At most this many custom attributes on one container instance. */
export const MAX_CUSTOM_ATTRIBUTES = 10;

/** Attributes ECS and the agent set (`ecs.*`, `com.amazonaws.ecs.*`) do not count toward the limit. */
export function isCustomAttribute(name: string): boolean {
  return !name.startsWith('ecs.') && !name.startsWith('com.amazonaws.ecs.');
}

export function checkAttributeName(name: unknown, where: string): string {
  if (typeof name !== 'string' || !ATTRIBUTE_NAME.test(name)) {
    throw new InvalidParameterException(
      `${where}.name: an attribute name has 1 to 128 letters, digits, hyphens, underscores, forward slashes, back slashes or periods; got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

export function checkAttributeValue(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !ATTRIBUTE_VALUE.test(value) || value !== value.trim()) {
    throw new InvalidParameterException(
      `${where}.value: an attribute value has 1 to 128 letters, digits, hyphens, underscores, periods, at signs (@), forward slashes, back slashes, colons or spaces, and no leading or trailing space; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A checked attribute list (names unique, last wins as PutAttributes does). */
export function checkAttributes(items: unknown[], where: string): Attribute[] {
  const byName = new Map<string, Attribute>();
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) throw new InvalidParameterException(`${where}[${i}] must be an object`);
    const a = item as Record<string, unknown>;
    const name = checkAttributeName(a['name'], `${where}[${i}]`);
    const value = checkAttributeValue(a['value'], `${where}[${i}]`);
    byName.delete(name);
    byName.set(name, value === undefined ? { name } : { name, value });
  });
  return [...byName.values()];
}

/** Tag keys and values: Unicode letters, separators, digits and `_ . : / = + - @`. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const MAX_TAGS = 50;

export function checkTags(items: unknown[], where: string): Tag[] {
  const keys = new Set<string>();
  const tags: Tag[] = [];
  let counted = 0;
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) throw new InvalidParameterException(`${where}[${i}] must be an object`);
    const t = item as Record<string, unknown>;
    const key = t['key'];
    const value = t['value'] ?? '';
    if (typeof key !== 'string' || key.length < 1 || key.length > 128 || !TAG_TEXT.test(key)) {
      throw new InvalidParameterException(`${where}[${i}].key: a tag key has 1 to 128 Unicode letters, digits, spaces or _ . : / = + - @; got ${JSON.stringify(key)}`);
    }
    if (typeof value !== 'string' || value.length > 256 || !TAG_TEXT.test(value)) {
      throw new InvalidParameterException(`${where}[${i}].value: a tag value has up to 256 Unicode letters, digits, spaces or _ . : / = + - @`);
    }
    if (keys.has(key)) throw new InvalidParameterException(`${where}: tag keys must be unique; '${key}' appears twice`);
    keys.add(key);
    // The aws: prefix (any case) is reserved for AWS and does not count toward the limit.
    if (key.toLowerCase().startsWith('aws:')) throw new InvalidParameterException(`${where}[${i}].key: the aws: prefix is reserved for AWS use`);
    counted++;
    tags.push({ key, value });
  });
  if (counted > MAX_TAGS) throw new InvalidParameterException(`${where}: at most ${MAX_TAGS} tags per resource; got ${counted}`);
  return tags;
}

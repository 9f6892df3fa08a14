/**
 * Attribute rules of the ECS API model (reference §3.9), shared by RegisterContainerInstance and
 * the attribute operations.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import type { Attribute } from '../../shapes.js';

const ATTRIBUTE_NAME = /^[A-Za-z0-9\-_/\\.]{1,128}$/;
const ATTRIBUTE_VALUE = /^[A-Za-z0-9\-_.@/\\: ]{1,128}$/;

/**
 * Names and values found valid lately: a fleet's instances repeat the same few dozen names and
 * values (a load checks ~130,000 of them), and a set lookup costs less than the pattern.
 */
const knownNames = new Set<string>();
const knownValues = new Set<string>();
const MAX_KNOWN = 4096;

/** At most this many custom attributes on one container instance. */
export const MAX_CUSTOM_ATTRIBUTES = 10;

/** Attributes ECS and the agent set (`ecs.*`, `com.amazonaws.ecs.*`) do not count toward the limit. */
export function isCustomAttribute(name: string): boolean {
  return !name.startsWith('ecs.') && !name.startsWith('com.amazonaws.ecs.');
}

/** `where[index]` when an index is given: the path is built only for a fault. */
const pathOf = (where: string, index: number | undefined) => (index === undefined ? where : `${where}[${index}]`);

/**
 * An attribute name ECS accepts. `where` (and `index`) name the attribute whose `.name` it is; with
 * `member: null`, `where` names the value itself (a request member that is an attribute name).
 */
export function checkAttributeName(name: unknown, where: string, index?: number, member: 'name' | null = 'name'): string {
  if (typeof name === 'string' && knownNames.has(name)) return name;
  if (typeof name !== 'string' || !ATTRIBUTE_NAME.test(name)) {
    throw new InvalidParameterException(
      `${pathOf(where, index)}${member === null ? '' : `.${member}`}: an attribute name has 1 to 128 letters, digits, hyphens, underscores, forward slashes, back slashes or periods; got ${quote(name)}`,
    );
  }
  if (knownNames.size >= MAX_KNOWN) knownNames.clear();
  knownNames.add(name);
  return name;
}

export function checkAttributeValue(value: unknown, where: string, index?: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && knownValues.has(value)) return value;
  if (typeof value !== 'string' || !ATTRIBUTE_VALUE.test(value) || value !== value.trim()) {
    throw new InvalidParameterException(
      `${pathOf(where, index)}.value: an attribute value has 1 to 128 letters, digits, hyphens, underscores, periods, at signs (@), forward slashes, back slashes, colons or spaces, and no leading or trailing space; got ${quote(value)}`,
    );
  }
  if (knownValues.size >= MAX_KNOWN) knownValues.clear();
  knownValues.add(value);
  return value;
}

/** A checked attribute list (names unique, last wins as PutAttributes does). */
export function checkAttributes(items: unknown[], where: string): Attribute[] {
  const out: Attribute[] = [];
  let repeated = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'object' || item === null) throw new InvalidParameterException(`${where}[${i}] must be an object`);
    const a = item as Record<string, unknown>;
    const name = checkAttributeName(a['name'], where, i);
    const value = checkAttributeValue(a['value'], where, i);
    // (a few dozen at most: a scan makes no map, where a load checks 5,000 lists)
    if (!repeated) for (let j = 0; j < out.length; j++) if (out[j]!.name === name) repeated = true;
    out.push(value === undefined ? { name } : { name, value });
  }
  // A name given twice (rare): its last value, in the place of its last mention.
  return repeated ? out.filter((a, i) => !out.some((b, j) => j > i && b.name === a.name)) : out;
}

/**
 * Tag rules of the ECS API (reference §3.10, §7), for every operation that takes `tags`, and how
 * tags combine: TagResource over a resource's tags, `propagateTags` and the ECS managed tags
 * (`enableECSManagedTags`) onto a task.
 */
import { cut, InvalidParameterException, quote } from '../../errors.js';
import type { Tag } from '../../shapes.js';

/** Tag keys and values: Unicode letters, separators, digits and `_ . : / = + - @`. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** At most this many user tags per resource; `aws:` tags do not count. */
export const MAX_TAGS = 50;

/**
 * Whether a tag key is reserved for AWS (`aws:` in any case): users cannot set, change or remove it.
 * @example isAwsTagKey('AWS:ecs:clusterName') // true
 */
export function isAwsTagKey(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

/**
 * A checked tag list: keys unique, at most 50 user tags; `aws:` keys refused, unless `reserved`
 * (tags as ECS stores them: a snapshot or a dump holds the ECS managed tags of its tasks).
 */
export function checkTags(items: unknown[], where: string, options: { reserved?: boolean } = {}): Tag[] {
  const keys = new Set<string>();
  const tags: Tag[] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) throw new InvalidParameterException(`${where}[${i}] must be an object`);
    const t = item as Record<string, unknown>;
    const key = t['key'];
    const value = t['value'] ?? '';
    if (typeof key !== 'string' || key.length < 1 || key.length > 128 || !TAG_TEXT.test(key)) {
      throw new InvalidParameterException(`${where}[${i}].key: a tag key has 1 to 128 Unicode letters, digits, spaces or _ . : / = + - @; got ${quote(key)}`);
    }
    if (typeof value !== 'string' || value.length > 256 || !TAG_TEXT.test(value)) {
      throw new InvalidParameterException(`${where}[${i}].value: a tag value has up to 256 Unicode letters, digits, spaces or _ . : / = + - @`);
    }
    if (keys.has(key)) throw new InvalidParameterException(`${where}: tag keys must be unique; '${cut(key)}' appears twice`);
    keys.add(key);
    if (options.reserved !== true && isAwsTagKey(key)) throw new InvalidParameterException(`${where}[${i}].key: the aws: prefix is reserved for AWS use`);
    tags.push({ key, value });
  });
  countUserTags(tags, where);
  return tags;
}

function countUserTags(tags: readonly Tag[], where: string): void {
  let counted = 0;
  for (const t of tags) if (!isAwsTagKey(t.key ?? '')) counted++;
  if (counted > MAX_TAGS) throw new InvalidParameterException(`${where}: at most ${MAX_TAGS} tags per resource; got ${counted}`);
}

/**
 * `base` with `over` laid on it: a key of `over` replaces the same key of `base` in place, new keys
 * come after; more than 50 user tags in the result is an InvalidParameterException.
 * @example mergeTags([{ key: 'a', value: '1' }], [{ key: 'a', value: '2' }, { key: 'b', value: '' }], 'tags') // a=2, b=
 */
export function mergeTags(base: readonly Tag[], over: readonly Tag[], where: string): Tag[] {
  const merged = new Map<string, Tag>();
  for (const t of base) merged.set(t.key!, { key: t.key!, value: t.value ?? '' });
  for (const t of over) merged.set(t.key!, { key: t.key!, value: t.value ?? '' });
  const tags = [...merged.values()];
  countUserTags(tags, where);
  return tags;
}

/**
 * The tags ECS puts on a task when `enableECSManagedTags` is on: the cluster's name, and the
 * service's name for a service's task [DG "Tagging your Amazon ECS resources"].
 * @example managedTags('prod', 'web') // [{ key: 'aws:ecs:clusterName', value: 'prod' }, { key: 'aws:ecs:serviceName', value: 'web' }]
 */
export function managedTags(clusterName: string, serviceName?: string): Tag[] {
  const tags: Tag[] = [{ key: 'aws:ecs:clusterName', value: clusterName }];
  if (serviceName !== undefined) tags.push({ key: 'aws:ecs:serviceName', value: serviceName });
  return tags;
}

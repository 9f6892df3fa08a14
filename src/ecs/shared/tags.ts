/** Tag rules of the ECS API model (reference §3.10), for every operation that takes `tags`. */
import { InvalidParameterException } from '../../errors.js';
import type { Tag } from '../../shapes.js';

/** Tag keys and values: Unicode letters, separators, digits and `_ . : / = + - @`. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const MAX_TAGS = 50;

/** A checked tag list: keys unique, at most 50 (`aws:` keys refused). */
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

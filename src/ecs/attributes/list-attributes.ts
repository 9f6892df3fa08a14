/** ListAttributes (reference §3.9): the attributes of a cluster's container instances, in pages. */
import { InvalidParameterException } from '../../errors.js';
import type { ListAttributesRequest, ListAttributesResponse } from '../../shapes.js';
import { clusterFor, listScope } from '../clusters/cluster.js';
import { CONTAINER_INSTANCE_STATUSES } from '../container-instances/instances.js';
import { operation } from '../operation.js';
import { decodeToken, pageOf } from '../shared/pagination.js';
import { optionalInteger, optionalString, requestObject, requiredEnum } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { checkAttributeName, checkAttributeValue } from './rules.js';
import { TARGET_TYPES, targeted, type TargetedAttribute } from './targets.js';

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
export const listAttributes = operation({ name: 'ListAttributes', mutates: false, handler });

function handler(state: SimState, request: ListAttributesRequest): ListAttributesResponse {
  const input = requestObject(request, 'ListAttributes');
  const cluster = clusterFor(state, input);
  const targetType = requiredEnum(input, 'targetType', TARGET_TYPES);
  const rawName = optionalString(input, 'attributeName');
  const name = rawName === undefined ? undefined : checkAttributeName(rawName, 'attributeName', undefined, null);
  const rawValue = optionalString(input, 'attributeValue');
  if (rawValue !== undefined && name === undefined) {
    throw new InvalidParameterException('attributeValue can only be given together with attributeName');
  }
  const value = rawValue === undefined ? undefined : checkAttributeValue(rawValue, 'attributeValue');
  const maxResults = optionalInteger(input, 'maxResults', 1, 100) ?? 100;
  const nextToken = optionalString(input, 'nextToken');
  const query = JSON.stringify([listScope(cluster), targetType, name ?? null, value ?? null]);

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

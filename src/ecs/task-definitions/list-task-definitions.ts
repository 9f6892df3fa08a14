/**
 * ListTaskDefinitions: `familyPrefix` is the *full* family name [API]; `status` ACTIVE (default)
 * or INACTIVE; `sort` ASC (family lexicographically, revisions ascending) or DESC (both
 * reversed) [API]. Every INACTIVE revision is listed, not only those a task or service still uses
 * [INF: the API's wording is vaguer]. Pages continue after the last key returned (family and
 * revision), so registrations between pages never make a list skip or repeat a revision.
 */
import type { ListTaskDefinitionsRequest, ListTaskDefinitionsResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { pageOf } from '../shared/pagination.js';
import { optionalEnum, optionalInteger, optionalString, requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import type { TaskDefinition } from './registry.js';
const REVISION_DIGITS = 10;

/** A string that sorts as (family, revision) do; '\u0001' ends the family so no key is a prefix of another. */
function ascendingKey(td: TaskDefinition): string {
  return `${td.family}\u0001${String(td.revision).padStart(REVISION_DIGITS, '0')}`;
}

/** The key whose ascending order is the descending order of `ascendingKey` (each code unit complemented). */
function descendingKey(td: TaskDefinition): string {
  const key = ascendingKey(td);
  let out = '';
  for (let i = 0; i < key.length; i++) out += String.fromCharCode(0xffff - key.charCodeAt(i));
  return out;
}

/** @example sim.listTaskDefinitions({ familyPrefix: 'web', sort: 'DESC', maxResults: 10 }) */
export const listTaskDefinitions = operation({ name: 'ListTaskDefinitions', mutates: false, handler });

function handler(state: SimState, request: ListTaskDefinitionsRequest): ListTaskDefinitionsResponse {
  const input = requestObject(request ?? {}, 'ListTaskDefinitions');
  const family = optionalString(input, 'familyPrefix');
  const status = optionalEnum(input, 'status', ['ACTIVE', 'INACTIVE'] as const) ?? 'ACTIVE';
  const sort = optionalEnum(input, 'sort', ['ASC', 'DESC'] as const) ?? 'ASC';
  const keyOf = sort === 'ASC' ? ascendingKey : descendingKey;
  const revisions = state.taskDefinitions
    .withStatus(status)
    .filter((td) => family === undefined || td.family === family)
    .map((td) => ({ td, key: keyOf(td) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const query = JSON.stringify([family ?? null, status, sort]);
  const page = pageOf(state, 'ListTaskDefinitions', query, revisions, (r) => r.td.taskDefinitionArn!, optionalInteger(input, 'maxResults', 1, 100) ?? 100, optionalString(input, 'nextToken'), (r) => r.key);
  return page.nextToken === undefined ? { taskDefinitionArns: page.items } : { taskDefinitionArns: page.items, nextToken: page.nextToken };
}

/**
 * DescribeTaskDefinition, DeregisterTaskDefinition, ListTaskDefinitions and
 * ListTaskDefinitionFamilies over the registry RegisterTaskDefinition fills.
 *
 * - DescribeTaskDefinition: `family` (latest ACTIVE revision), `family:revision` or the ARN;
 *   INACTIVE revisions are describable by revision. Unknown → ClientException "Unable to
 *   describe task definition." (the text ECS answers, `sil-org/ecs-deploy#145` [OBS]).
 * - ListTaskDefinitions: `familyPrefix` is the *full* family name [API]; `status` ACTIVE
 *   (default) or INACTIVE; `sort` ASC (family lexicographically, revisions ascending) or DESC
 *   (both reversed) [API]. Every INACTIVE revision is listed, not only those a task or service
 *   still uses [INF: the API's wording is vaguer].
 * - ListTaskDefinitionFamilies: `familyPrefix` is a prefix; `status` ACTIVE (default: families
 *   with an ACTIVE revision), INACTIVE (families with none), ALL [API]; families sorted by name.
 * Pages continue after the last key returned (family and revision), so registrations between
 * pages never make a list skip or repeat a revision.
 */
import { ClientException } from '../../errors.js';
import type { Tag } from '../../shapes.js';
import { pageOf } from '../shared/pagination.js';
import type { SimState } from '../state/state.js';
import type { TaskDefinition } from './registry.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, requestObject, requiredString, stringList } from '../shared/validate.js';

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

function maxResultsOf(input: Record<string, unknown>): number {
  return optionalInteger(input, 'maxResults', 1, 100) ?? 100;
}

/** @example sim.describeTaskDefinition({ taskDefinition: 'web:3', include: ['TAGS'] }) */
export function describeTaskDefinition(state: SimState, request: unknown): { taskDefinition: TaskDefinition; tags?: Tag[] } {
  const input = requestObject(request, 'DescribeTaskDefinition');
  const reference = requiredString(input, 'taskDefinition');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  for (const i of include) if (i !== 'TAGS') throw new ClientException(`include: the only value is TAGS; got '${i}'.`);
  const td = state.taskDefinitions.get(reference);
  if (td === undefined) throw new ClientException(`Unable to describe task definition. taskDefinition: '${reference}' names no registered revision.`);
  const out = { taskDefinition: structuredClone(td) as TaskDefinition };
  return include.includes('TAGS') ? { ...out, tags: structuredClone([...state.taskDefinitions.tagsOf(reference)]) } : out;
}

/** @example sim.deregisterTaskDefinition({ taskDefinition: 'web:3' }) */
export function deregisterTaskDefinition(state: SimState, request: unknown): { taskDefinition: TaskDefinition } {
  const input = requestObject(request, 'DeregisterTaskDefinition');
  const reference = requiredString(input, 'taskDefinition');
  return { taskDefinition: structuredClone(state.taskDefinitions.deregister(reference)) as TaskDefinition };
}

/** @example sim.listTaskDefinitions({ familyPrefix: 'web', sort: 'DESC', maxResults: 10 }) */
export function listTaskDefinitions(state: SimState, request: unknown): { taskDefinitionArns: string[]; nextToken?: string } {
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
  const page = pageOf(state, 'ListTaskDefinitions', query, revisions, (r) => r.td.taskDefinitionArn!, maxResultsOf(input), optionalString(input, 'nextToken'), (r) => r.key);
  return page.nextToken === undefined ? { taskDefinitionArns: page.items } : { taskDefinitionArns: page.items, nextToken: page.nextToken };
}

/** @example sim.listTaskDefinitionFamilies({ familyPrefix: 'we', status: 'ALL' }) */
export function listTaskDefinitionFamilies(state: SimState, request: unknown): { families: string[]; nextToken?: string } {
  const input = requestObject(request ?? {}, 'ListTaskDefinitionFamilies');
  const prefix = optionalString(input, 'familyPrefix') ?? '';
  const status = optionalEnum(input, 'status', ['ACTIVE', 'INACTIVE', 'ALL'] as const) ?? 'ACTIVE';
  const registry = state.taskDefinitions;
  const families = registry
    .familyNames()
    .filter((f) => f.startsWith(prefix))
    .filter((f) => {
      if (status === 'ALL') return true;
      const active = registry.revisions(f).some((td) => td.status === 'ACTIVE');
      return status === 'ACTIVE' ? active : !active;
    })
    .sort();
  const query = JSON.stringify([prefix, status]);
  const page = pageOf(state, 'ListTaskDefinitionFamilies', query, families, (f) => f, maxResultsOf(input), optionalString(input, 'nextToken'), (f) => f);
  return page.nextToken === undefined ? { families: page.items } : { families: page.items, nextToken: page.nextToken };
}

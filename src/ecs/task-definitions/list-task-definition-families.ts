/**
 * ListTaskDefinitionFamilies: `familyPrefix` is a prefix; `status` ACTIVE (default: families with
 * an ACTIVE revision), INACTIVE (families with none), ALL [API]; families sorted by name, pages
 * continuing after the last family returned.
 */
import type { ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { pageOf } from '../shared/pagination.js';
import { optionalEnum, optionalInteger, optionalString, requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';

/** @example sim.listTaskDefinitionFamilies({ familyPrefix: 'we', status: 'ALL' }) */
export const listTaskDefinitionFamilies = operation({ name: 'ListTaskDefinitionFamilies', mutates: false, handler });

function handler(state: SimState, request: ListTaskDefinitionFamiliesRequest): ListTaskDefinitionFamiliesResponse {
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
  const page = pageOf(state, 'ListTaskDefinitionFamilies', query, families, (f) => f, optionalInteger(input, 'maxResults', 1, 100) ?? 100, optionalString(input, 'nextToken'), (f) => f);
  return page.nextToken === undefined ? { families: page.items } : { families: page.items, nextToken: page.nextToken };
}

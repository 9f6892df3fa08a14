/**
 * ListTagsForResource: a resource's tags (as TagResource names it), the `aws:` ones ECS put there
 * included, in the order they were set. Not paged (the API has no token). A resource that does
 * not exist is a ClientException (the operation declares no ResourceNotFoundException).
 */
import { ClientException } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { ListTagsForResourceRequest, ListTagsForResourceResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { taggableResource } from './resources.js';

/** @example sim.listTagsForResource({ resourceArn: clusterArn }) // → { tags: [{ key: 'team', value: 'payments' }] } */
export const listTagsForResource = operation({ name: 'ListTagsForResource', mutates: false, handler });

function handler(state: SimState, request: ListTagsForResourceRequest): ListTagsForResourceResponse {
  const input = validateRequest('ListTagsForResource', request);
  const resource = taggableResource(state, input.resourceArn!, () => new ClientException('The specified resource could not be found.'));
  return { tags: resource.tags.map((t) => ({ key: t.key!, value: t.value ?? '' })) };
}

/**
 * TagResource: adds tags to a cluster, container instance, task definition revision, task,
 * service or task set (its full, long-format ARN). A key already there takes the new value; the
 * rest keep theirs. `aws:` keys are refused; more than 50 user tags in all is an
 * InvalidParameterException; a resource that does not exist is a ResourceNotFoundException.
 */
import { ResourceNotFoundException } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { TagResourceRequest, TagResourceResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { checkTags, mergeTags } from '../shared/tags.js';
import type { SimState } from '../state/state.js';
import { taggableResource } from './resources.js';

/** @example sim.tagResource({ resourceArn: clusterArn, tags: [{ key: 'team', value: 'payments' }] }) // → {} */
export const tagResource = operation({ name: 'TagResource', mutates: true, handler });

function handler(state: SimState, request: TagResourceRequest): TagResourceResponse {
  const input = validateRequest('TagResource', request);
  const added = checkTags(input.tags!, 'tags');
  const resource = taggableResource(state, input.resourceArn!, () => new ResourceNotFoundException());
  const tags = mergeTags(resource.tags, added, 'tags');
  resource.write(tags);
  return {};
}

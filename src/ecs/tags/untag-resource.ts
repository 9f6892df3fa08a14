/**
 * UntagResource: removes tags by key from a resource (as TagResource names it). Keys the resource
 * does not have are ignored; `aws:` keys cannot be removed (InvalidParameterException).
 */
import { InvalidParameterException, ResourceNotFoundException } from '../../errors.js';
import { validateRequest } from '../../model/validate.js';
import type { UntagResourceRequest, UntagResourceResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { isAwsTagKey } from '../shared/tags.js';
import type { SimState } from '../state/state.js';
import { taggableResource } from './resources.js';

/** @example sim.untagResource({ resourceArn: clusterArn, tagKeys: ['team'] }) // → {} */
export const untagResource = operation({ name: 'UntagResource', mutates: true, handler });

function handler(state: SimState, request: UntagResourceRequest): UntagResourceResponse {
  const input = validateRequest('UntagResource', request);
  const keys = new Set(input.tagKeys!);
  input.tagKeys!.forEach((key, i) => {
    if (isAwsTagKey(key)) throw new InvalidParameterException(`tagKeys[${i}]: the aws: prefix is reserved for AWS use; such tags cannot be removed`);
  });
  const resource = taggableResource(state, input.resourceArn!, () => new ResourceNotFoundException());
  resource.write(resource.tags.filter((t) => !keys.has(t.key!)).map((t) => ({ ...t })));
  return {};
}

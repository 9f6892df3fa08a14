/** DeleteAttributes (reference §3.9): custom attributes off container instances, all or nothing. */
import type { DeleteAttributesRequest, DeleteAttributesResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { touch } from '../container-instances/instances.js';
import type { InstanceRecord } from '../container-instances/record.js';
import { operation } from '../operation.js';
import { requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { checkItems, targeted, type TargetedAttribute } from './targets.js';

/**
 * DeleteAttributes: removes custom attributes from container instances, by name. All or nothing.
 * Returns each requested attribute, with the value it had (none if the instance did not have it).
 *
 * @example
 * sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: arn }] })
 */
export const deleteAttributes = operation({ name: 'DeleteAttributes', mutates: true, handler });

function handler(state: SimState, request: DeleteAttributesRequest): DeleteAttributesResponse {
  const input = requestObject(request, 'DeleteAttributes');
  const cluster = clusterFor(state, input);
  const items = checkItems(cluster, input, 'DeleteAttributes');

  // Records' attribute arrays are replaced, never edited in place, so an array handed out
  // earlier (a snapshot, a describe in progress) never changes under its holder.
  const out: TargetedAttribute[] = [];
  const remaining = new Map<InstanceRecord, InstanceRecord['attributes']>();
  for (const { record, name } of items) {
    const attributes = remaining.get(record) ?? record.attributes;
    const at = attributes.findIndex((a) => a.name === name);
    if (at === -1) {
      out.push(targeted(record, name, undefined));
      continue;
    }
    out.push(targeted(record, name, attributes[at]!.value));
    remaining.set(record, attributes.filter((_, i) => i !== at));
  }
  for (const [record, attributes] of remaining) {
    for (const a of record.attributes) {
      if (a.name !== undefined && !attributes.some((b) => b.name === a.name)) cluster.store.deleteAttribute(record.arn, a.name);
    }
    record.attributes = attributes;
    touch(record);
  }
  return { attributes: out };
}

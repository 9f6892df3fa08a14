/** PutAttributes (reference §3.9): custom attributes onto container instances, all or nothing. */
import { AttributeLimitExceededException } from '../../errors.js';
import type { PutAttributesRequest, PutAttributesResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { touch } from '../container-instances/instances.js';
import type { InstanceRecord } from '../container-instances/record.js';
import { operation } from '../operation.js';
import { requestObject } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { isCustomAttribute, MAX_CUSTOM_ATTRIBUTES } from './rules.js';
import { byInstance, checkItems, targeted } from './targets.js';

/**
 * PutAttributes: creates or overwrites custom attributes on container instances. All or nothing:
 * every item and target is checked, and every instance's limit, before anything changes.
 *
 * @example
 * sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetType: 'container-instance', targetId: id }] })
 * // → { attributes: [{ name: 'stack', value: 'dev', targetType: 'container-instance', targetId: '<ARN>' }] }
 */
export const putAttributes = operation({ name: 'PutAttributes', mutates: true, handler });

function handler(state: SimState, request: PutAttributesRequest): PutAttributesResponse {
  const input = requestObject(request, 'PutAttributes');
  const cluster = clusterFor(state, input);
  const items = checkItems(cluster, input, 'PutAttributes');
  const groups = byInstance(items);

  // Each instance's attributes after the change, checked against the limit before any is applied.
  const planned = new Map<InstanceRecord, { attributes: InstanceRecord['attributes']; changed: boolean }>();
  for (const [record, group] of groups) {
    const attributes = record.attributes.map((a) => ({ ...a }));
    let changed = false;
    for (const { name, value } of group) {
      const at = attributes.findIndex((a) => a.name === name);
      const next = value === undefined ? { name } : { name, value };
      if (at === -1) {
        attributes.push(next);
        changed = true;
      } else if (attributes[at]!.value !== value) {
        attributes[at] = next;
        changed = true;
      }
    }
    const custom = attributes.filter((a) => a.name !== undefined && isCustomAttribute(a.name)).length;
    if (custom > MAX_CUSTOM_ATTRIBUTES) {
      throw new AttributeLimitExceededException(
        `The attributes limit has been reached: container instance ${record.arn} would have ${custom} custom attributes; at most ${MAX_CUSTOM_ATTRIBUTES} are allowed per resource.`,
      );
    }
    planned.set(record, { attributes, changed });
  }

  for (const [record, { attributes, changed }] of planned) {
    if (!changed) continue;
    record.attributes = attributes;
    // The last item for a name wins, in the store as in the record.
    for (const { name, value } of groups.get(record)!) cluster.store.putAttribute(record.arn, name, value);
    touch(record);
  }
  return { attributes: items.map(({ record, name, value }) => targeted(record, name, value)) };
}

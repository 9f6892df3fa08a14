/**
 * Tasks of the request's group per slot, for one call: read once from the store's group index,
 * then bumped by each placement of the call. `distinctInstance` and `spread(instanceId)` read it.
 */
import type { InstanceStore } from '../store/store.js';

/** A per-slot array of the group's task counts (store.size entries). */
export function groupCounts(store: InstanceStore, group: string): Int32Array {
  const counts = new Int32Array(store.size);
  const slots = store.slotsWithGroup(group);
  for (let i = 0; i < slots.length; i++) counts[slots[i]!] = store.groupCountAt(slots[i]!, group);
  return counts;
}

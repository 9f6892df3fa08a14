/**
 * Tasks per value of an instance attribute (`ecs.availability-zone`, `ecs.instance-type`): the
 * breakdown of `placeTasks` and `headroom`, read from the store's attribute column. An instance
 * without the attribute, or with it but no value, counts under `(none)`.
 */
import type { InstanceStore } from '../../store/store.js';

/**
 * `taken`: tasks per slot. Keys sorted.
 * @example tasksByAttribute(cluster.store, new Map([[0, 2], [3, 1]]), 'ecs.availability-zone') // { 'us-east-1a': 2, 'us-east-1b': 1 }
 */
export function tasksByAttribute(store: InstanceStore, taken: ReadonlyMap<number, number>, name: string): Record<string, number> {
  const column = store.attributes.get(name);
  const counts = new Map<string, number>();
  for (const [slot, n] of taken) {
    // (A valueless attribute is kept as '': shown as one that is missing.)
    const value = column?.get(slot) || '(none)';
    counts.set(value, (counts.get(value) ?? 0) + n);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

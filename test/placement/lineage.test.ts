// changedSlots: the slots that may differ between two states of a family of forks, read from the
// change logs through their common ancestor — or null when the logs cannot tell.
import { describe, expect, it } from 'vitest';
import { changedSlots, nearestAnchor, type Sides } from '../../src/placement/lineage.js';
import { ResourceAccountant } from '../../src/resources/accountant.js';
import { buildCluster, req, type InstanceSpec } from './fixtures.js';

const specs = Array.from({ length: 8 }, (): InstanceSpec => ({ cpu: 1024, memory: 2048 }));

function fork(s: Sides): Sides {
  const store = s.store.clone();
  return { store, accountant: s.accountant.cloneFor(store) };
}

const marked = (s: Sides) => ({ ...s, storeMark: s.store.changes.revision, accountantMark: s.accountant.changes.revision });
/** The slots named, each once, ascending (few notes may come back with repeats). */
const sorted = (x: Int32Array | null) => (x === null ? null : [...new Set(x)].sort((a, b) => a - b));

describe('changedSlots', () => {
  it('names what a fork changed, what its original changed after the fork, and both sides of siblings', () => {
    const c = buildCluster(specs);
    const original: Sides = { store: c.store, accountant: c.accountant };
    const atFork = marked(original);
    const a = fork(original);
    const b = fork(original);
    a.store.setStatus(a.store.arns[c.slots[1]!]!, 'DRAINING');
    b.accountant.reserve(c.slots[2]!, req({ memory: 100 }));
    original.store.setAgentConnected(original.store.arns[c.slots[3]!]!, false);
    // The original's change came after both forks: neither has it.
    expect(sorted(changedSlots(atFork, a, 100, 100))).toEqual([c.slots[1]]);
    expect(sorted(changedSlots(marked(a), b, 100, 100))).toEqual([c.slots[1], c.slots[2]]);
    expect(sorted(changedSlots(atFork, original, 100, 100))).toEqual([c.slots[3]]);
    // A fork of a fork, against its grandparent's state at the first fork.
    const grandchild = fork(a);
    grandchild.store.setRunningTasksCount(grandchild.store.arns[c.slots[4]!]!, 2);
    expect(sorted(changedSlots(atFork, grandchild, 100, 100))).toEqual([c.slots[1], c.slots[4]]);
    // A fork made after the original's change has it.
    const later = fork(original);
    expect(sorted(changedSlots(atFork, later, 100, 100))).toEqual([c.slots[3]]);
    expect(sorted(changedSlots(marked(grandchild), later, 100, 100))).toEqual([c.slots[1], c.slots[3], c.slots[4]]);
    // Its anchor: the family's root, or the nearest store named an anchor; the notes on the way there.
    expect(nearestAnchor(grandchild, () => false)).toEqual({ anchor: original.store, notes: grandchild.store.changes.revision + grandchild.accountant.changes.revision + a.store.changes.revision + a.accountant.changes.revision });
    expect(nearestAnchor(grandchild, (s) => s === a.store)).toEqual({ anchor: a.store, notes: grandchild.store.changes.revision + grandchild.accountant.changes.revision });
    expect(nearestAnchor(grandchild, (s) => s === grandchild.store)).toEqual({ anchor: grandchild.store, notes: 0 });
  });

  it('names each slot once when many notes name few slots', () => {
    const c = buildCluster(specs);
    const original: Sides = { store: c.store, accountant: c.accountant };
    const atFork = marked(original);
    const a = fork(original);
    for (let i = 0; i < 300; i++) a.store.setRunningTasksCount(a.store.arns[c.slots[i % 3]!]!, i);
    const slots = changedSlots(atFork, a, 1000, 3);
    expect(slots === null ? null : [...slots].sort((x, y) => x - y)).toEqual([c.slots[0], c.slots[1], c.slots[2]]);
    expect(changedSlots(atFork, a, 1000, 2)).toBeNull();
  });

  it('cannot tell across a change it cannot localise, past its limits, or between accountants that are not one family', () => {
    const c = buildCluster(specs);
    const original: Sides = { store: c.store, accountant: c.accountant };
    const atFork = marked(original);
    const a = fork(original);
    a.store.setStatus(a.store.arns[c.slots[1]!]!, 'DRAINING');
    a.store.setStatus(a.store.arns[c.slots[2]!]!, 'DRAINING');
    expect(changedSlots(atFork, a, 100, 1)).toBeNull();
    expect(changedSlots(atFork, a, 1, 100)).toBeNull();
    const stranger = { store: a.store, accountant: new ResourceAccountant(a.store) };
    expect(changedSlots(atFork, stranger, 100, 100)).toBeNull();
    a.store.putAttribute(a.store.arns[c.slots[1]!]!, 'stack', 'prod');
    expect(changedSlots(atFork, a, 100, 100)).toBeNull();
  });
});

/**
 * A posting list: the slots that hold one value, unordered, with O(1) add and O(1)
 * swap-remove. The caller keeps each slot's index in the list (`add` returns it, `removeAt`
 * says which slot moved), so no search is ever needed.
 */
export class PostingList {
  slots: Int32Array;
  length = 0;
  /**
   * True while the slots are in ascending order. Registrations append ever larger slots, so
   * a list stays sorted until a removal or a reused slot disorders it; `sort` restores it.
   */
  sorted = true;

  constructor(initialCapacity = 4) {
    this.slots = new Int32Array(initialCapacity);
  }

  /** An independent copy. */
  clone(): PostingList {
    const copy = new PostingList(Math.max(1, this.length));
    copy.slots.set(this.slots.subarray(0, this.length));
    copy.length = this.length;
    copy.sorted = this.sorted;
    return copy;
  }

  /** Appends `slot`; returns its index. */
  add(slot: number): number {
    if (this.length === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    if (this.length > 0 && this.slots[this.length - 1]! > slot) this.sorted = false;
    this.slots[this.length] = slot;
    return this.length++;
  }

  /**
   * Removes the entry at `index` by moving the last entry into it. Returns the slot that
   * moved (its index is now `index`), or -1 if the removed entry was the last.
   */
  removeAt(index: number): number {
    const last = --this.length;
    if (index === last) return -1;
    const moved = this.slots[last]!;
    this.slots[index] = moved;
    this.sorted = false;
    return moved;
  }

  /**
   * Sorts the slots ascending if they are not; `moved(slot, index)` is called for every entry
   * so the owner can update the index it keeps per slot.
   */
  sort(moved: (slot: number, index: number) => void): void {
    if (this.sorted) return;
    const view = this.slots.subarray(0, this.length);
    view.sort();
    for (let i = 0; i < view.length; i++) moved(view[i]!, i);
    this.sorted = true;
  }

  /** The slots in ascending order (a view; valid until the next change). */
  sortedSlots(moved: (slot: number, index: number) => void): Int32Array {
    this.sort(moved);
    return this.slots.subarray(0, this.length);
  }
}

/**
 * A posting list that knows where each of its slots sits, for owners that keep no per-slot
 * index of their own (task groups: a slot holds few groups, a group many slots).
 * Self-contained, so a what-if fork can share it until one side changes it.
 */
export class SlotPostingList extends PostingList {
  private positions = new Map<number, number>();

  override clone(): SlotPostingList {
    const copy = new SlotPostingList(Math.max(1, this.length));
    copy.slots.set(this.slots.subarray(0, this.length));
    copy.length = this.length;
    copy.sorted = this.sorted;
    copy.positions = new Map(this.positions);
    return copy;
  }

  hasSlot(slot: number): boolean {
    return this.positions.has(slot);
  }

  addSlot(slot: number): void {
    this.positions.set(slot, this.add(slot));
  }

  removeSlot(slot: number): void {
    const index = this.positions.get(slot)!;
    this.positions.delete(slot);
    const moved = this.removeAt(index);
    if (moved >= 0) this.positions.set(moved, index);
  }

  /** The slots in ascending order (a view; valid until the next change). */
  ascending(): Int32Array {
    return this.sortedSlots(this.reposition);
  }

  private readonly reposition = (slot: number, index: number): void => {
    this.positions.set(slot, index);
  };
}

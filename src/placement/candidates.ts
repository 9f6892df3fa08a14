/**
 * Stage 1, candidates (reference §2.1 preconditions): the slots a call considers — every live
 * slot, or the `onlySlots` a StartTask-style caller named — and the checks no placement can
 * change: the instance is ACTIVE (`STATUS`), its agent is connected (`AGENT`) and it has every
 * attribute the task needs (`ATTRIBUTE`). All three read dictionary codes: integer compares.
 */
import type { TaskRequirements } from '../resources/types.js';
import type { DictionaryColumn } from '../store/dictionary-column.js';
import type { InstanceStore } from '../store/store.js';
import { AGENT, ATTRIBUTE, OK, STATUS, type ReasonCode } from './reasons.js';

/**
 * The considered slots, ascending and each once. Every slot in `onlySlots` must be live: naming
 * one that is not is the caller's error (StartTask reports MISSING / INACTIVE before placing).
 */
export function consideredSlots(store: InstanceStore, onlySlots: readonly number[] | undefined): Int32Array {
  if (onlySlots === undefined) {
    const out = new Int32Array(store.liveCount);
    let n = 0;
    for (let slot = 0; slot < store.size; slot++) if (store.isLive(slot)) out[n++] = slot;
    return out;
  }
  for (const slot of onlySlots) {
    if (!Number.isInteger(slot) || !store.isLive(slot)) throw new Error(`placement: onlySlots names slot ${String(slot)}, which is not a live container instance`);
  }
  return Int32Array.from(new Set(onlySlots)).sort();
}

/** The precondition verdict of a slot for one task shape. */
export class Preconditions {
  private active: number;
  private connected: number;
  private readonly required: (DictionaryColumn | undefined)[];

  constructor(private readonly store: InstanceStore, requirements: TaskRequirements) {
    // codeOf gives 0 for a value no instance ever had; 0 is also "absent", hence the extra test.
    this.active = store.status.codeOf('ACTIVE');
    // An instance without agentConnected counts as disconnected [decision].
    this.connected = store.agentConnected.codeOf('true');
    this.required = [...new Set(requirements.attributes)].map((name) => store.attributes.get(name));
  }

  check(slot: number): ReasonCode {
    const store = this.store;
    const status = store.status.codes[slot]!;
    // A code of 0 means no instance had the value when this was made; it may have one now (the
    // engine keeps these across calls), so look again: dictionaries only grow, codes never move.
    if (this.active === 0) this.active = store.status.codeOf('ACTIVE');
    if (status === 0 || status !== this.active) return STATUS;
    const agent = store.agentConnected.codes[slot]!;
    if (this.connected === 0) this.connected = store.agentConnected.codeOf('true');
    if (agent === 0 || agent !== this.connected) return AGENT;
    for (const column of this.required) if (column === undefined || column.codes[slot] === 0) return ATTRIBUTE;
    return OK;
  }
}

/**
 * The read-only view plug-ins get: reads of the store and the accountant by slot, and the
 * request's group counts as the call sees them (the engine records a bulk call's tasks in the
 * store at its end, so for the request's group it reads its own counts).
 */
import type { ResourceAccountant } from '../../resources/accountant.js';
import type { TaskRequirements } from '../../resources/types.js';
import type { Resource } from '../../shapes.js';
import type { InstanceStore } from '../../store/store.js';
import type { PlacementView } from './types.js';

export class StoreView implements PlacementView {
  /**
   * `groupCount`: the call's per-slot count of the request's group (the engine's); null to read
   * the store (the naive placer, which records each task at once).
   */
  constructor(
    private store: InstanceStore,
    private accountant: ResourceAccountant,
    readonly group: string,
    readonly requirements: TaskRequirements,
    private readonly groupCount: Int32Array | null,
  ) {}

  /** Reads `store` and `accountant` from now on (a Prepared serving another fork of its store). */
  rebind(store: InstanceStore, accountant: ResourceAccountant): void {
    this.store = store;
    this.accountant = accountant;
  }

  containerInstanceArn(slot: number): string {
    return this.store.arns[slot]!;
  }

  remainingCpu(slot: number): number {
    return this.store.remainingCpu[slot]!;
  }

  remainingMemory(slot: number): number {
    return this.store.remainingMemory[slot]!;
  }

  remainingResources(slot: number): Resource[] {
    return this.accountant.remainingResources(slot);
  }

  attribute(slot: number, name: string): string | undefined {
    return this.store.attributes.get(name)?.get(slot);
  }

  tasksInGroup(slot: number, group: string = this.group): number {
    if (group === this.group && this.groupCount !== null) return this.groupCount[slot]!;
    return this.store.groupCountAt(slot, group);
  }
}

/**
 * `binpack(cpu|memory)` (reference §2.3): the instance with the least of the resource left that
 * still fits the task. Score: the instance's remaining CPU units / MiB, 0..registered.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import type { InstanceStore } from '../../store/store.js';
import type { SlotLevel } from './level.js';
import type { BuiltInStrategy, StrategyDefinition } from './strategy.js';

class RemainingLevel implements SlotLevel {
  readonly kind = 'slot';
  constructor(readonly label: string, private store: InstanceStore, private readonly field: 'cpu' | 'memory') {}

  rebind(store: InstanceStore): void {
    this.store = store;
  }

  score(slot: number): number {
    // The columns are read through the store: a fork's first write may replace them mid-call.
    return this.field === 'cpu' ? this.store.remainingCpu[slot]! : this.store.remainingMemory[slot]!;
  }
}

function parsed(field: 'cpu' | 'memory'): BuiltInStrategy {
  const label = `binpack(${field})`;
  return {
    kind: 'builtin',
    entry: { type: 'binpack', field },
    label,
    orderAttribute: null,
    level: (ctx) => new RemainingLevel(label, ctx.store, field),
    naiveScores: (store, candidates) => candidates.map((slot) => (field === 'cpu' ? store.remainingCpu[slot]! : store.remainingMemory[slot]!)),
  };
}

export const binpack: StrategyDefinition = {
  type: 'binpack',
  flagSyntax: 'binpack:cpu, binpack:memory',
  parse(field, where) {
    if (field !== 'cpu' && field !== 'memory') throw new InvalidParameterException(`${where}: binpack takes the field cpu or memory; got ${quote(field)}`);
    return parsed(field);
  },
  fromFlag(field, where) {
    if (field !== 'cpu' && field !== 'memory') throw new InvalidParameterException(`${where}: binpack takes cpu or memory, as in binpack:memory`);
    return { type: 'binpack', field };
  },
};

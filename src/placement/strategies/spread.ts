/**
 * `spread(instanceId|host|attribute:x)` (reference §2.3): even distribution of the request's
 * task group over the field's values. Scores:
 * - `spread(instanceId)` / `spread(host)` (the same strategy): tasks of the group on the
 *   instance, ≥ 0 — only the chosen instance's score changes with a placement;
 * - `spread(attribute:x)`: tasks of the group on all live instances (any status) whose value of
 *   `x` equals this instance's, ≥ 0 — shared by every instance with that value. Instances
 *   without `x` share one value, "absent", counted like any other value [decision: the
 *   reference is silent, §2.3].
 */
import { InvalidParameterException, quote } from '../../errors.js';
import type { DictionaryColumn } from '../../store/dictionary-column.js';
import type { InstanceStore } from '../../store/store.js';
import type { SlotLevel, ValueLevel } from './level.js';
import type { BuiltInStrategy, LevelContext, StrategyDefinition } from './strategy.js';

/** What ECS accepts after `attribute:` [API]. */
const ATTRIBUTE_FIELD = /^attribute:[A-Za-z0-9\-_/\\.]{1,128}$/;

class GroupCountLevel implements SlotLevel {
  readonly kind = 'slot';
  constructor(readonly label: string, private readonly groupCount: Int32Array) {}

  score(slot: number): number {
    return this.groupCount[slot]!;
  }
}

class AttributeLevel implements ValueLevel {
  readonly kind = 'value';
  constructor(readonly label: string, private readonly name: string, private column: DictionaryColumn | undefined, readonly counts: Float64Array, readonly rank: Int32Array) {}

  rebind(store: InstanceStore): void {
    this.column = store.attributes.get(this.name);
  }

  code(slot: number): number {
    return this.column === undefined ? 0 : this.column.codes[slot]!;
  }
}

function attributeLevel(label: string, name: string, ctx: LevelContext): ValueLevel {
  const { store, group, groupCount } = ctx;
  const column = store.attributes.get(name);
  const counts = new Float64Array(column === undefined ? 1 : column.values.length);
  const rank = column === undefined ? new Int32Array(1) : ctx.valueRanks(column);
  const level = new AttributeLevel(label, name, column, counts, rank);
  const slots = store.slotsWithGroup(group);
  for (let i = 0; i < slots.length; i++) counts[level.code(slots[i]!)]! += groupCount[slots[i]!]!;
  return level;
}

/** Tasks of the group per value of the attribute, over every live instance, for the naive placer. */
function naiveAttributeScores(store: InstanceStore, name: string, candidates: readonly number[], group: string): number[] {
  const column = store.attributes.get(name);
  const perValue = new Map<string | undefined, number>();
  for (let slot = 0; slot < store.size; slot++) {
    if (!store.isLive(slot)) continue;
    const value = column?.get(slot);
    perValue.set(value, (perValue.get(value) ?? 0) + store.groupCountAt(slot, group));
  }
  return candidates.map((slot) => perValue.get(column?.get(slot))!);
}

function parsed(field: string): BuiltInStrategy {
  if (field === 'instanceId' || field === 'host') {
    const label = 'spread(instanceId)';
    return {
      kind: 'builtin',
      entry: { type: 'spread', field },
      label,
      orderAttribute: null,
      level: (ctx) => new GroupCountLevel(label, ctx.groupCount),
      naiveScores: (store, candidates, group) => candidates.map((slot) => store.groupCountAt(slot, group)),
    };
  }
  const name = field.slice('attribute:'.length);
  const label = `spread(attribute:${name})`;
  return {
    kind: 'builtin',
    entry: { type: 'spread', field },
    label,
    orderAttribute: name,
    level: (ctx) => attributeLevel(label, name, ctx),
    naiveScores: (store, candidates, group) => naiveAttributeScores(store, name, candidates, group),
  };
}

export const spread: StrategyDefinition = {
  type: 'spread',
  flagSyntax: 'spread:instanceId, spread:host, spread:attribute:<name>',
  parse(field, where) {
    if (field !== 'instanceId' && field !== 'host' && !(field !== undefined && ATTRIBUTE_FIELD.test(field))) {
      throw new InvalidParameterException(`${where}: spread takes the field instanceId, host or attribute:<name>; got ${quote(field)}`);
    }
    return parsed(field);
  },
  fromFlag(field, where) {
    if (field === undefined || field === '') throw new InvalidParameterException(`${where}: spread takes a field, as in spread:attribute:ecs.availability-zone or spread:instanceId`);
    return { type: 'spread', field };
  },
};

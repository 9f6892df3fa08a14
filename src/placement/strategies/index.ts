/**
 * The strategy chain (reference §2.3), wired in one place: the built-in strategy types and the
 * plug-ins an engine has registered, as an ECS `placementStrategy` list names them. Each strategy
 * scores a candidate, lower is better, and the chain keeps, strategy by strategy, only the
 * candidates with the best score; a scheduler plug-in, if any, comes last and chooses among
 * what is left.
 *
 * The order of the best candidates, which the seeded draw indexes: by their values of the
 * chain's spread attributes (in chain order; absent first, then string order), then by slot.
 * Any fixed order makes the pick uniform; this one lets the ranker pick among tied groups of
 * candidates (say, two AZs with equally few tasks) without merging them slot by slot.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import type { DictionaryColumn } from '../../store/dictionary-column.js';
import { isScheduler, PLUGIN_NAME } from '../plugins/registry.js';
import type { PluginLookup, SchedulerPlugin, StrategyPlugin } from '../plugins/types.js';
import type { PlacementStrategy } from '../types.js';
import { binpack } from './binpack.js';
import { compareValues } from './level.js';
import { random } from './random.js';
import type { BuiltInStrategy, LevelContext, StrategyDefinition } from './strategy.js';
import { spread } from './spread.js';

/** The built-in strategy types, by ECS `type`. */
const BUILT_IN = new Map<string, StrategyDefinition>([binpack, spread, random].map((d) => [d.type, d]));

/** What prefixes a plug-in's name in a strategy `type`. */
export const PLUGIN_PREFIX = 'plugin:';

/** A chain entry naming a strategy plug-in. */
export interface PluginStrategy {
  readonly kind: 'plugin';
  readonly entry: PlacementStrategy;
  readonly label: string;
  readonly plugin: StrategyPlugin;
}

/** A chain entry naming a scheduler plug-in (always the last). */
export interface SchedulerEntry {
  readonly kind: 'scheduler';
  readonly entry: PlacementStrategy;
  readonly plugin: SchedulerPlugin;
}

/** A checked chain: the scoring strategies in order, and the scheduler plug-in that ends it, if any. */
export interface Chain {
  readonly strategies: readonly (BuiltInStrategy | PluginStrategy)[];
  readonly scheduler: SchedulerEntry | null;
}

const TYPES_TEXT = `${[...BUILT_IN.keys()].join(', ')} or ${PLUGIN_PREFIX}<name>`;

/** Checks one entry (`where`: how an error names it, e.g. `placementStrategy[0]`). */
function parseEntry(value: unknown, where: string, plugins: PluginLookup | null): BuiltInStrategy | PluginStrategy | SchedulerEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidParameterException(`${where} must be an object`);
  const { type, field } = value as { type?: unknown; field?: unknown };
  if (field !== undefined && field !== null && typeof field !== 'string') throw new InvalidParameterException(`${where}.field must be a string`);
  const f = typeof field === 'string' ? field : undefined;
  const definition = typeof type === 'string' ? BUILT_IN.get(type) : undefined;
  if (definition !== undefined) return definition.parse(f, where);
  if (typeof type !== 'string' || !type.startsWith(PLUGIN_PREFIX)) throw new InvalidParameterException(`${where}.type must be ${TYPES_TEXT}; got ${quote(type)}`);
  const name = type.slice(PLUGIN_PREFIX.length);
  if (!PLUGIN_NAME.test(name)) throw new InvalidParameterException(`${where}.type: "${name}" is not a plug-in name (letters, digits, '.', '_', '-')`);
  const plugin = plugins?.get(name);
  if (plugin === undefined) throw new InvalidParameterException(`${where}.type: no placement plug-in named "${name}" is registered`);
  const entry: PlacementStrategy = f === undefined ? { type } : { type, field: f };
  if (isScheduler(plugin)) return { kind: 'scheduler', entry, plugin };
  return { kind: 'plugin', entry, label: f === undefined ? type : `${type}(${f})`, plugin };
}

/**
 * Checks a `placementStrategy` list (`member` names it in errors: `placementStrategy[2].type …`)
 * against the built-in types and the plug-ins `plugins` knows. A scheduler plug-in may only come
 * last. The list's length is the caller's to check (ECS: at most 5).
 */
export function parseChain(entries: readonly unknown[], member: string, plugins: PluginLookup | null): Chain {
  const strategies: (BuiltInStrategy | PluginStrategy)[] = [];
  let scheduler: SchedulerEntry | null = null;
  entries.forEach((value, i) => {
    const where = `${member}[${i}]`;
    const parsed = parseEntry(value, where, plugins);
    if (scheduler !== null) throw new InvalidParameterException(`${where}: nothing may follow the scheduler plug-in ${scheduler.entry.type}, which chooses the instance`);
    if (parsed.kind === 'scheduler') scheduler = parsed;
    else strategies.push(parsed);
  });
  return { strategies, scheduler };
}

/** The ECS entries of a checked chain, normalised (what RunTask and services store). */
export function chainEntries(chain: Chain): PlacementStrategy[] {
  return [...chain.strategies.map((s) => s.entry), ...(chain.scheduler === null ? [] : [chain.scheduler.entry])];
}

/**
 * The entry a CLI `--strategy` stands for: `binpack:memory`, `spread:attribute:x`, `random`,
 * `plugin:<name>` (checked against `plugins` when given). `plugin:<module path>` is loaded by the
 * CLI first (plugins/load.ts), which then passes `plugin:<the plug-in's name>`.
 * `index`: the flag's position, from 0, for error messages.
 */
export function strategyFromFlag(text: string, index: number, plugins: PluginLookup | null = null): PlacementStrategy {
  const colon = text.indexOf(':');
  const type = colon === -1 ? text : text.slice(0, colon);
  const field = colon === -1 ? undefined : text.slice(colon + 1);
  const where = `--strategy ${index + 1} ('${text}')`;
  const definition = BUILT_IN.get(type);
  if (definition !== undefined) {
    const entry = definition.fromFlag(field, where);
    return definition.parse(entry.field, where).entry;
  }
  if (`${type}:` !== PLUGIN_PREFIX || field === undefined) throw new InvalidParameterException(`${where}: the strategy types are ${TYPES_TEXT}`);
  if (plugins !== null) return parseEntry({ type: text }, where, plugins).entry;
  if (!PLUGIN_NAME.test(field)) throw new InvalidParameterException(`${where}: "${field}" is not a plug-in name (letters, digits, '.', '_', '-')`);
  return { type: text };
}

/** The CLI forms of every built-in strategy and of plug-ins, for help texts. */
export const STRATEGY_FLAG_SYNTAX = `${[...BUILT_IN.values()].map((d) => d.flagSyntax).join(', ')}, ${PLUGIN_PREFIX}<name or module path>`;

/** The attributes of the canonical order: the chain's spread attributes, in chain order. */
export function orderAttributes(chain: Chain): string[] {
  return chain.strategies.flatMap((s) => (s.kind === 'builtin' && s.orderAttribute !== null ? [s.orderAttribute] : []));
}

/**
 * The rank of each value code of a column in the canonical order: absent (code 0) first, then
 * the values in string order.
 */
export function valueRanks(column: DictionaryColumn): Int32Array {
  const rank = new Int32Array(column.values.length);
  const codes = Array.from({ length: column.values.length - 1 }, (_, i) => i + 1);
  codes.sort((a, b) => compareValues(column.values[a]!, column.values[b]!));
  codes.forEach((c, i) => (rank[c] = i + 1));
  return rank;
}

export type { BuiltInStrategy, LevelContext, StrategyDefinition } from './strategy.js';

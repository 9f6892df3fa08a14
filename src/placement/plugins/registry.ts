/**
 * Plug-ins by name, owned by a PlacementEngine (`sim.placement.register(…)` once the simulator
 * owns one): register checks the plug-in's shape once, so the engine can call it without checks.
 */
import { ClientException, InvalidParameterException, quote } from '../../errors.js';
import type { PlacementPlugin, PluginLookup, SchedulerPlugin, StrategyPlugin } from './types.js';

/** Plug-in names: what may follow `plugin:` in a strategy type. */
export const PLUGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * A plug-in failed at run time: a scheduler picked an instance ECS refuses, a strategy gave a bad
 * score, or the plug-in threw. The call that ran it changes nothing (its placements are undone).
 * Named `ClientException`: the fault is in the caller's code, not the simulator's.
 *
 * @example
 * try { engine.place(ctx, request); }
 * catch (e) { if (e instanceof PlacementPluginError) console.log(e.plugin, e.message); }
 */
export class PlacementPluginError extends ClientException {
  constructor(readonly plugin: string, message: string) {
    super(message);
  }
}

/** Whether a registered plug-in is a scheduler (else a strategy). */
export function isScheduler(plugin: PlacementPlugin): plugin is SchedulerPlugin {
  return typeof (plugin as SchedulerPlugin).place === 'function';
}

/**
 * The plug-ins an engine knows, by name.
 *
 * @example
 * const registry = new PluginRegistry();
 * registry.register({ name: 'least-memory-left', score: (c, view) => Array.from(c, (s) => view.remainingMemory(s)) });
 * registry.get('least-memory-left'); // the plug-in
 */
export class PluginRegistry implements PluginLookup {
  private readonly byName = new Map<string, PlacementPlugin>();

  /** Adds a plug-in under its `name`; a name can be registered once. Returns the plug-in. */
  register<P extends PlacementPlugin>(plugin: P): P {
    checkPlugin(plugin, 'plug-in');
    if (this.byName.has(plugin.name)) throw new InvalidParameterException(`a placement plug-in named "${plugin.name}" is already registered`);
    this.byName.set(plugin.name, plugin);
    return plugin;
  }

  get(name: string): PlacementPlugin | undefined {
    return this.byName.get(name);
  }

  /** Registered names, in registration order. */
  names(): string[] {
    return [...this.byName.keys()];
  }
}

/** Checks that `value` is a strategy plug-in `{ name, score }` or a scheduler plug-in `{ name, place }`. */
export function checkPlugin(value: unknown, what: string): asserts value is PlacementPlugin {
  if (typeof value !== 'object' || value === null) throw new InvalidParameterException(`${what} must be an object { name, score } or { name, place }`);
  const p = value as Partial<StrategyPlugin & SchedulerPlugin>;
  if (typeof p.name !== 'string' || !PLUGIN_NAME.test(p.name)) {
    throw new InvalidParameterException(`${what}: name must be 1 to 128 letters, digits, '.', '_' or '-' (starting with a letter or digit); got ${quote(p.name)}`);
  }
  const score = typeof p.score === 'function';
  const place = typeof p.place === 'function';
  if (score === place) throw new InvalidParameterException(`${what} "${p.name}" must have exactly one of score (a strategy) and place (a scheduler)`);
}

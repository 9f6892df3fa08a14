/**
 * `sim.placement`: the simulator's placement engine as its users see it — register a strategy or
 * scheduler plug-in by name, or load one from a module path — and which plug-ins came from which
 * modules, so a sweep's worker threads can load them too (a plug-in object cannot be sent to a
 * thread; its module can be loaded there).
 */
import path from 'node:path';
import type { PlacementEngine } from '../placement/engine.js';
import { loadPlacementPlugin } from '../placement/plugins/load.js';
import type { PluginRegistry } from '../placement/plugins/registry.js';
import type { PlacementPlugin } from '../placement/plugins/types.js';

/** Module paths (absolute) loaded into each engine, in load order, with the plug-in each registered. */
const modulesOf = new WeakMap<PlacementEngine, { path: string; name: string }[]>();

/**
 * The placement side of a simulator: its engine's plug-ins.
 *
 * @example
 * sim.placement.register({ name: 'least-memory-left', score: (c, view) => Array.from(c, (s) => view.remainingMemory(s)) });
 * await sim.placement.load('./my-binpack.js'); // registered under the name it exports
 * sim.createService({ ..., placementStrategy: [{ type: 'plugin:least-memory-left' }] });
 */
export class SimulatorPlacement {
  constructor(readonly engine: PlacementEngine) {}

  /** The plug-ins registered, by name. */
  get plugins(): PluginRegistry {
    return this.engine.plugins;
  }

  /** Registers a plug-in object under its name (usable in this thread; sweeps on workers need `load`). */
  register<P extends PlacementPlugin>(plugin: P): P {
    return this.engine.register(plugin);
  }

  /** Imports a plug-in module (relative to `cwd`) and registers what it exports. */
  async load(modulePath: string, cwd = process.cwd()): Promise<PlacementPlugin> {
    const absolute = path.resolve(cwd, modulePath);
    const plugin = await loadPlacementPlugin(absolute, this.engine.plugins);
    modulesOf.set(this.engine, [...(modulesOf.get(this.engine) ?? []), { path: absolute, name: plugin.name }]);
    return plugin;
  }

  /** The modules loaded, absolute paths in load order. */
  get modules(): readonly string[] {
    return (modulesOf.get(this.engine) ?? []).map((m) => m.path);
  }

  /** Plug-ins registered as objects (not loaded from a module): a worker thread cannot have them. */
  get unloadable(): string[] {
    const fromModules = new Set((modulesOf.get(this.engine) ?? []).map((m) => m.name));
    return this.plugins.names().filter((n) => !fromModules.has(n));
  }
}

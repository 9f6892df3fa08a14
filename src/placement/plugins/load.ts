/**
 * Loading a plug-in from a module path (the CLI's `--strategy plugin:./my-binpack.js`): the
 * module is the user's own code, imported as any module is (dynamic `import()` of a file the user
 * named) — no text the user typed is evaluated. The module exports the plug-in as `default` or as
 * `plugin`; it is registered under its own `name`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidParameterException } from '../../errors.js';
import { checkPlugin, type PluginRegistry } from './registry.js';
import type { PlacementPlugin } from './types.js';

/** Whether the text after `plugin:` is a module path (else a registered name). */
export function isModulePath(text: string): boolean {
  return text.startsWith('.') || text.startsWith('/') || /\.(m?js|cjs|ts)$/.test(text) || path.isAbsolute(text);
}

/**
 * Imports the module at `modulePath` (relative to `cwd`), checks the plug-in it exports and
 * registers it in `registry` (a name already registered there is an error). Returns the plug-in.
 *
 * @example
 * const plugin = await loadPlacementPlugin('./least-memory-left.js', engine.plugins);
 * // strategies: [{ type: `plugin:${plugin.name}` }]
 */
export async function loadPlacementPlugin(modulePath: string, registry: PluginRegistry, cwd = process.cwd()): Promise<PlacementPlugin> {
  const url = pathToFileURL(path.resolve(cwd, modulePath)).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw new InvalidParameterException(`placement plug-in ${modulePath}: cannot load the module: ${e instanceof Error ? e.message : String(e)}`);
  }
  const plugin = mod['default'] ?? mod['plugin'];
  checkPlugin(plugin, `placement plug-in ${modulePath} (its default or "plugin" export)`);
  return registry.register(plugin);
}

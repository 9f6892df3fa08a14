/**
 * `--strategy` and `--constraint` as ECS placement strategies and constraints:
 *   --strategy binpack:memory | binpack:cpu | spread:attribute:ecs.availability-zone | spread:instanceId | random
 *              | plugin:<registered name> | plugin:<module path>
 *   --constraint distinctInstance | 'memberOf:<cql>'
 * Each is checked here so a mistake names the flag (strategies by placement's own rules,
 * placement/strategies); the simulator checks them again.
 */
import { parseFilter } from '../cql/index.js';
import { InvalidParameterException } from '../errors.js';
import { loadPlacementPlugin, isModulePath } from '../placement/plugins/load.js';
import type { PluginRegistry } from '../placement/plugins/registry.js';
import { PLUGIN_PREFIX, strategyFromFlag } from '../placement/strategies/index.js';
import type { PlacementConstraint, PlacementStrategy } from '../placement/types.js';

/** One `--strategy` (`index`: its position, from 0); `plugin:<name>` names a registered plug-in. */
export function strategyFlag(text: string, index: number): PlacementStrategy {
  return strategyFromFlag(text, index);
}

/**
 * Every `--strategy`, in order; a `plugin:<module path>` (`plugin:./my-binpack.js`) is loaded
 * into `registry` first and stands for `plugin:<its name>`.
 */
export async function strategyFlags(texts: readonly string[], registry: PluginRegistry): Promise<PlacementStrategy[]> {
  const out: PlacementStrategy[] = [];
  for (const [i, text] of texts.entries()) {
    const target = text.startsWith(PLUGIN_PREFIX) ? text.slice(PLUGIN_PREFIX.length) : '';
    if (isModulePath(target)) out.push({ type: `${PLUGIN_PREFIX}${(await loadPlacementPlugin(target, registry)).name}` });
    else out.push(strategyFromFlag(text, i, registry));
  }
  return out;
}

export function constraintFlag(text: string, index: number): PlacementConstraint {
  const where = `--constraint ${index + 1}`;
  if (text === 'distinctInstance') return { type: 'distinctInstance' };
  if (text.startsWith('memberOf:')) {
    const expression = text.slice('memberOf:'.length);
    parseFilter(expression, { source: `${where} (memberOf)` });
    return { type: 'memberOf', expression };
  }
  throw new InvalidParameterException(`${where}: expected distinctInstance or memberOf:<cql expression>; got '${text}'`);
}

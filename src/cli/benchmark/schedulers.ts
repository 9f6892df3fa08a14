/**
 * The schedulers a benchmark compares (`--scheduler`), and how one takes over a scenario:
 *
 * - `ecs:<chain>`: ECS's strategies, a chain written as the strategies label themselves, comma
 *   separated — `ecs:binpack(memory)`, `ecs:spread(attribute:ecs.availability-zone),binpack(memory)`,
 *   `ecs:random` (`type:field` as `--strategy` takes it works too); each read by the placement
 *   strategies' own CLI syntax (placement/strategies).
 * - `plugin:<module path>`: a strategy or scheduler plug-in module (its `default` or `plugin`
 *   export), loaded into each run's simulator.
 *
 * A scheduler replaces the `placementStrategy` of every placement the scenario makes — services
 * created or updated with one, RunTask, `place` steps, and the services already in the dataset —
 * and nothing else: placement constraints (the scenario's and the task definitions') still hold,
 * since they say where a task may run, not which allowed instance is best. DAEMON services and
 * FARGATE tasks take no strategy and keep none.
 */
import { InvalidParameterException } from '../../errors.js';
import { MAX_STRATEGIES } from '../../ecs/shared/placement-params.js';
import { isModulePath, loadPlacementPlugin } from '../../placement/plugins/load.js';
import { PluginRegistry } from '../../placement/plugins/registry.js';
import { PLUGIN_PREFIX, strategyFromFlag } from '../../placement/strategies/index.js';
import type { PlacementStrategy } from '../../placement/types.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import type { Scenario, Step } from '../scenario/steps.js';

const ECS_PREFIX = 'ecs:';

/** A scheduler of the comparison. */
export type Scheduler =
  | { readonly kind: 'ecs'; readonly label: string; readonly strategies: readonly PlacementStrategy[] }
  | { readonly kind: 'plugin'; readonly label: string; readonly module: string };

/** The chain's entries at the top level: commas inside parentheses belong to an entry. */
function splitChain(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

/** `binpack(memory)` → `binpack:memory`; `random` and `binpack:memory` as they are. */
function asFlag(entry: string): string {
  const m = /^([A-Za-z]+)\((.*)\)$/.exec(entry);
  return m === null ? entry : `${m[1]}:${m[2]}`;
}

/**
 * One `--scheduler` (`index`: its position, from 0). A plug-in module is imported once here, into a
 * registry of its own, so a module that does not load or export a plug-in is refused before any
 * work; each run loads it again into its own simulator.
 *
 * @example await parseScheduler('ecs:spread(attribute:ecs.availability-zone),binpack(memory)', 0)
 * // { kind: 'ecs', label: …, strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] }
 */
export async function parseScheduler(text: string, index: number): Promise<Scheduler> {
  const where = `--scheduler ${index + 1} ('${text}')`;
  if (text.startsWith(ECS_PREFIX)) {
    const entries = splitChain(text.slice(ECS_PREFIX.length));
    if (entries.some((e) => e === '')) throw new InvalidParameterException(`${where}: expected a chain of strategies such as binpack(memory) or spread(attribute:ecs.availability-zone),binpack(memory); an entry is empty`);
    if (entries.length > MAX_STRATEGIES) throw new InvalidParameterException(`${where}: at most ${MAX_STRATEGIES} strategies in a chain (as ECS allows); got ${entries.length}`);
    const strategies = entries.map((entry, i) => {
      if (entry.startsWith(PLUGIN_PREFIX)) throw new InvalidParameterException(`${where}: strategy ${i + 1} ('${entry}'): a plug-in is its own scheduler: --scheduler plugin:<module path>`);
      const flag = asFlag(entry);
      try {
        return strategyFromFlag(flag, i);
      } catch (e) {
        if (!(e instanceof InvalidParameterException)) throw e;
        // strategyFromFlag names a --strategy; here the entry of a --scheduler's chain is meant.
        const message = e.message.replace(`--strategy ${i + 1} ('${flag}'): `, '');
        throw new InvalidParameterException(`${where}: strategy ${i + 1} ('${entry}'): ${message}`);
      }
    });
    return { kind: 'ecs', label: text, strategies };
  }
  if (text.startsWith(PLUGIN_PREFIX)) {
    const module = text.slice(PLUGIN_PREFIX.length);
    if (!isModulePath(module)) throw new InvalidParameterException(`${where}: expected plugin:<module path> (a .js or .mjs file, e.g. plugin:./my-scheduler.js); got '${module}'`);
    await loadPlacementPlugin(module, new PluginRegistry());
    return { kind: 'plugin', label: text, module };
  }
  throw new InvalidParameterException(`${where}: a scheduler is ecs:<strategy chain> (e.g. ecs:binpack(memory)) or plugin:<module path>`);
}

/**
 * Readies `sim` for `scheduler` (loads the plug-in module into its engine) and answers the
 * `placementStrategy` list that stands for it.
 */
export async function strategiesFor(sim: EcsSimulator, scheduler: Scheduler): Promise<PlacementStrategy[]> {
  if (scheduler.kind === 'ecs') return [...scheduler.strategies];
  const plugin = await sim.placement.load(scheduler.module);
  return [{ type: `${PLUGIN_PREFIX}${plugin.name}` }];
}

/** ECS operations whose request takes a placementStrategy the scheduler replaces. */
const PLACING_OPERATIONS = new Set(['CreateService', 'UpdateService', 'RunTask']);

function takesStrategy(operation: string, request: Readonly<Record<string, unknown>>): boolean {
  if (!PLACING_OPERATIONS.has(operation)) return false;
  if (request['launchType'] === 'FARGATE' || request['schedulingStrategy'] === 'DAEMON') return false;
  // UpdateService keeps the service's strategy (the scheduler's, since CreateService) unless it names one.
  return operation !== 'UpdateService' || request['placementStrategy'] !== undefined;
}

function withStrategies(step: Step, strategies: readonly PlacementStrategy[]): Step {
  switch (step.op) {
    case 'place':
      return { ...step, placementStrategy: strategies };
    case 'ecs':
      return takesStrategy(step.operation, step.request) ? { ...step, request: { ...step.request, placementStrategy: strategies } } : step;
    case 'branches':
      return { ...step, branches: step.branches.map((b) => ({ name: b.name, steps: b.steps.map((s) => withStrategies(s, strategies)) })) };
    default:
      return step;
  }
}

/**
 * The scenario with every placement it makes placed by `strategies` (see the top of this file).
 *
 * @example scheduledBy(scenario, [{ type: 'binpack', field: 'memory' }]).steps
 */
export function scheduledBy(scenario: Scenario, strategies: readonly PlacementStrategy[]): Scenario {
  return { description: scenario.description, steps: scenario.steps.map((s) => withStrategies(s, strategies)) };
}

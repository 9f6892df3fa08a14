/**
 * Calling plug-ins, for both placers: a plug-in's answer is checked before it is used, and
 * anything wrong — it threw, a score that is not a number, a pick ECS's rules refuse — is a
 * PlacementPluginError naming the plug-in (the placer then undoes the call).
 */
import { PlacementPluginError } from './registry.js';
import type { PlacementTask, PlacementView } from './types.js';
import type { PluginStrategy, SchedulerEntry } from '../strategies/index.js';

function failed(name: string, kind: string, e: unknown): PlacementPluginError {
  return new PlacementPluginError(name, `${kind} plug-in "${name}" failed: ${e instanceof Error ? e.message : String(e)}`);
}

/** The plug-in's scores of `candidates`, written into `out` (one per candidate). */
export function pluginScores(step: PluginStrategy, candidates: Int32Array, view: PlacementView, out: Float64Array): void {
  const { plugin, entry } = step;
  const n = candidates.length;
  let answer: ArrayLike<number>;
  try {
    answer = plugin.score(candidates, view, entry);
  } catch (e) {
    throw failed(plugin.name, 'strategy', e);
  }
  if (answer === null || typeof answer !== 'object' || answer.length !== n) {
    const got = answer === null || typeof answer !== 'object' ? String(answer) : `${answer.length} scores`;
    throw new PlacementPluginError(plugin.name, `strategy plug-in "${plugin.name}" must return one score per candidate (${n}); got ${got}`);
  }
  for (let i = 0; i < n; i++) {
    const x = answer[i];
    if (typeof x !== 'number' || Number.isNaN(x)) {
      throw new PlacementPluginError(plugin.name, `strategy plug-in "${plugin.name}" scored candidate ${i} ${String(x)}; scores must be numbers`);
    }
    out[i] = x;
  }
}

/**
 * The scheduler's pick for `task`: a slot, or null when it declines. `arnOf` names an instance of
 * the call (undefined for anything else); `refusal(slot)` says why ECS's rules refuse one of
 * them (null: they do not).
 */
export function schedulerPick(
  step: SchedulerEntry, task: PlacementTask, candidates: Int32Array, view: PlacementView,
  refusal: (slot: number) => string | null, arnOf: (slot: number) => string | undefined,
): number | null {
  const { plugin, entry } = step;
  let pick: unknown;
  try {
    pick = plugin.place(task, candidates, view, entry);
  } catch (e) {
    throw failed(plugin.name, 'scheduler', e);
  }
  if (pick === null || pick === undefined) return null;
  const which = `task ${task.index} of ${task.group}`;
  if (typeof pick !== 'number' || !Number.isInteger(pick) || arnOf(pick) === undefined) {
    throw new PlacementPluginError(plugin.name, `scheduler plug-in "${plugin.name}" chose ${JSON.stringify(pick)} for ${which}, which is not a container instance of this call`);
  }
  const why = refusal(pick);
  if (why !== null) {
    throw new PlacementPluginError(plugin.name, `scheduler plug-in "${plugin.name}" chose container instance ${arnOf(pick)} for ${which}, which ECS refuses: ${why}`);
  }
  return pick;
}

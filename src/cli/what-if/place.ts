/**
 * Bulk placement with the reason it stopped: `placeTasks` for `count` tasks and, when some are
 * left over, the RunTask failures for one more (nothing fits any more, so RunTask places nothing
 * and answers why, per instance), tallied by reason.
 */
import type { EcsSimulator } from '../../protocol/simulator.js';
import type { PlacementConstraint, PlacementStrategy } from '../../placement/types.js';
import type { PlaceTasksRequest } from '../../ecs/tasks/place-tasks.js';
import type { RunTaskRequest } from '../../shapes.js';
import { tallyReasons } from '../reasons.js';

export interface PlaceParams {
  cluster: string;
  taskDefinition: string;
  placementStrategy: readonly PlacementStrategy[];
  placementConstraints: readonly PlacementConstraint[];
  group?: string;
}

export function placeWithFailures(sim: EcsSimulator, params: PlaceParams, count: number) {
  const result = sim.placeTasks({ ...params, count } as PlaceTasksRequest);
  const failures = result.unplaced > 0 ? sim.runTask({ ...params, count: 1 } as RunTaskRequest).failures ?? [] : [];
  return { result, failures, failureTally: tallyReasons(failures) };
}

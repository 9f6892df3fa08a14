/**
 * What-if scenarios: a JSON document with a sequence of steps run in order on one simulator (the
 * "main line"), where a `branches` step runs alternatives, each on its own fork of the state at
 * that point, and the main line goes on unchanged. Two kinds of steps:
 *
 * - simulator actions (camelCase `op`): query, place, drain, fail, advance, replaceInstances, branches;
 * - ECS operations (PascalCase `op`, as the wire protocol names them) with their `request`, e.g.
 *   `{"op": "CreateService", "request": {...}}`; `cluster` is filled in with the loaded cluster.
 *
 * The format is documented in src/cli/README.md; `parseScenario` (validate.ts) checks a document
 * and answers these types.
 */
import type { PlacementConstraint, PlacementStrategy } from '../../placement/types.js';

interface StepBase {
  /** where the step is in the document, e.g. `steps[3]` or `steps[5].branches[1].steps[0]` */
  readonly path: string;
  /** what to call the step in output (default: made from the step) */
  readonly label: string;
}

export interface QueryStep extends StepBase {
  readonly op: 'query';
  readonly filter: string;
  readonly explain: boolean;
  readonly status: readonly string[] | undefined;
}

export interface PlaceStep extends StepBase {
  readonly op: 'place';
  readonly taskDefinition: string;
  readonly count: number;
  readonly group: string | undefined;
  readonly placementStrategy: readonly PlacementStrategy[];
  readonly placementConstraints: readonly PlacementConstraint[];
}

/** `drain`: the instances go DRAINING; `fail`: they are lost abruptly (their EC2 instances terminated). */
export interface DrainStep extends StepBase {
  readonly op: 'drain' | 'fail';
  readonly filter: string;
  readonly settleSeconds: number;
}

export interface AdvanceStep extends StepBase {
  readonly op: 'advance';
  readonly seconds: number;
}

/**
 * An instance refresh: each ACTIVE instance the filter selects is replaced by a new one of the
 * same type, AZ, resources and attributes (registered now, so under the account settings of now:
 * this is how awsvpcTrunking takes effect); then the old ones are drained and deregistered.
 */
export interface ReplaceInstancesStep extends StepBase {
  readonly op: 'replaceInstances';
  readonly filter: string;
  readonly settleSeconds: number;
}

export interface BranchesStep extends StepBase {
  readonly op: 'branches';
  readonly branches: readonly { readonly name: string; readonly steps: readonly Step[] }[];
}

export interface EcsOperationStep extends StepBase {
  readonly op: 'ecs';
  /** the ECS operation, e.g. CreateService */
  readonly operation: string;
  readonly request: Readonly<Record<string, unknown>>;
  readonly principalArn: string | undefined;
}

export type Step = QueryStep | PlaceStep | DrainStep | AdvanceStep | ReplaceInstancesStep | BranchesStep | EcsOperationStep;

export interface Scenario {
  readonly description: string | undefined;
  readonly steps: readonly Step[];
}

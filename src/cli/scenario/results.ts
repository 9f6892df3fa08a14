/**
 * What running a scenario answers: one result per step (JSON-ready, and the same for the same
 * data, scenario and seed), the utilisation at the start and end of the main line, and the
 * totals per alternative the summary and the HTML report lead with.
 */
import type { PlanExplanation } from '../../store/plan.js';
import type { UtilisationView } from '../format.js';
import type { ReasonTally } from '../reasons.js';
import type { Shortfall } from '../what-if/shortfall.js';

interface ResultBase {
  readonly path: string;
  readonly label: string;
}

/** Service tasks a change moved, per service, and those left unplaced. */
export interface ServiceMoves {
  readonly service: string;
  /** tasks stopped on a changed instance and started elsewhere */
  readonly tasks: number;
  /** instances they left */
  readonly from: number;
  /** instances they went to */
  readonly to: number;
  /** tasks the step left the service short of desiredCount (beyond any shortfall before it) */
  readonly missing: number;
  /** the service event that says why (ECS text), when tasks are missing */
  readonly reason: string | undefined;
}

/** A step's own result, without what every step reports. */
export type StepCore =
  | (ResultBase & { op: 'query'; filter: string; count: number; plan: PlanExplanation | undefined })
  | (ResultBase & {
      op: 'place';
      taskDefinitionArn: string;
      requested: number;
      placed: number;
      unplaced: number;
      /** tasks placed per Availability Zone */
      byAvailabilityZone: Record<string, number>;
      /** the first task that could not be placed, when some were left over: instances that turned it down, per reason (RunTask failures) */
      failures: ReasonTally;
      /** the reason to name for the unplaced tasks: the one that turned down the most instances */
      reason: string | undefined;
    })
  | (ResultBase & {
      /** drained, or lost abruptly */
      op: 'drain' | 'fail';
      filter: string;
      settleSeconds: number;
      instances: number;
      moved: number;
      services: ServiceMoves[];
      /** service tasks still on the drained or lost instances when the settle time ended, per service, and why (a reason code) */
      stuck: { service: string; tasks: number; reason: string }[];
      /** standalone tasks left on drained instances (drain) */
      standaloneLeft: number;
      /** standalone tasks lost with their instances (fail) */
      standaloneLost: number;
      utilisation: { before: UtilisationView; after: UtilisationView };
    })
  | (ResultBase & { op: 'advance'; seconds: number; services: { service: string; desired: number; running: number; pending: number }[] })
  | (ResultBase & {
      op: 'replaceInstances';
      filter: string;
      settleSeconds: number;
      /** old instances replaced (drained, then deregistered) */
      replaced: number;
      /** replacements that came up with a trunk ENI */
      trunked: number;
      /** replacements whose registration failed */
      registrationFailed: number;
      moved: number;
      services: ServiceMoves[];
      /** standalone tasks stopped when their old instance was deregistered */
      standaloneStopped: number;
    })
  | (ResultBase & { op: 'ecs'; operation: string; response: unknown })
  | (ResultBase & { op: 'branches'; branches: { name: string; steps: StepResult[]; utilisation: UtilisationView }[] });

/** A step's result: its own, and the service tasks it left unplaced (any step can: a drain, an UpdateService, the clock). */
export type StepResult = StepCore & { readonly shortfall: readonly Shortfall[] };

/** Tasks one alternative left short or stuck, for one service (or, for a place step, one task definition). */
export interface AtRisk {
  /** `service:<name>`, or `task definition <family:revision>` for a place step's leftovers */
  readonly owner: string;
  /** the step that left them (its label) */
  readonly where: string;
  /** tasks short of desiredCount, or not placed */
  readonly tasks: number;
  readonly reason: string;
}

export interface Alternative {
  /** `main line`, or the branch's name (`outer / inner` when nested) */
  readonly name: string;
  /** utilisation at the end of this path */
  readonly after: UtilisationView;
  /** service tasks moved by drains and instance refreshes on this path */
  readonly moved: number;
  /** tasks short or not placed, per service or task definition and step */
  readonly atRisk: readonly AtRisk[];
  /** tasks left short or not placed, in all */
  readonly short: number;
  /** service tasks stuck on drained instances, and standalone tasks left on them (ECS does not move those) */
  readonly stuck: number;
}

export interface ScenarioResult {
  readonly description: string | undefined;
  readonly data: { source: string; cluster: string; seed: number; instances: number; tasks: number };
  /** the main line, as loaded and after its last step */
  readonly utilisation: { before: UtilisationView; after: UtilisationView };
  readonly steps: StepResult[];
  /** the main line, then each branch's path: what each moved and left short or stuck (never added up across them) */
  readonly alternatives: Alternative[];
}

/**
 * Verification: a plan's instances registered on a fork as their agents would register them, and
 * each scenario's what-if re-run there. A plan is verified when no scenario leaves a task short
 * or stuck. The original simulator is never touched.
 */
import type { EcsSimulator } from '../ecs/simulator.js';
import { settle } from './fork-steps.js';
import { TRUNK_PROVISIONING_MS } from '../ecs/container-instances/trunking.js';
import type { Kind } from './kinds.js';
import { registerPlanned, type RegistrationContext } from './registration.js';
import type { Scenario, ScenarioOutcome } from './scenarios.js';

/** The result of re-running a goal's what-ifs with a plan's instances registered. */
export interface Verification {
  /** zero tasks short and zero stuck in every scenario */
  readonly verified: boolean;
  readonly short: number;
  readonly stuck: number;
  /** per service (or placed group), summed over the scenarios that leave it short */
  readonly byService: Readonly<Record<string, { short: number; stuck: number; reason?: string }>>;
  /** one outcome per scenario, in the goal's order */
  readonly scenarios: readonly ScenarioOutcome[];
}

/** How a plan's instances join a fork: the registration context and the trunking setting (undefined: the account's). */
export interface PlanEnvironment {
  readonly sim: EcsSimulator;
  readonly cluster: string;
  readonly registration: RegistrationContext;
  readonly trunking: boolean | undefined;
}

/** Instances per kind, as `registerPlanned` takes them. */
export function plannedGroups(kinds: readonly Kind[], counts: ArrayLike<number>): { kind: Kind; count: number }[] {
  return kinds.filter((k) => (counts[k.index] ?? 0) > 0).map((k) => ({ kind: k, count: counts[k.index]! }));
}

/** A fork of the simulator with the plan's instances registered and ACTIVE. */
export function forkWithPlan(env: PlanEnvironment, groups: readonly { kind: Kind; count: number }[]): { fork: EcsSimulator; planned: { arn: string; candidate: Kind['candidate'] }[] } {
  const fork = env.sim.fork();
  if (env.trunking !== undefined) fork.putAccountSetting({ name: 'awsvpcTrunking', value: env.trunking ? 'enabled' : 'disabled' });
  const arns = registerPlanned(fork, env.registration, env.cluster, groups.map((g) => ({ type: g.kind.type, availabilityZone: g.kind.availabilityZone, attributes: g.kind.attributes, count: g.count })));
  const planned: { arn: string; candidate: Kind['candidate'] }[] = [];
  let i = 0;
  for (const g of groups) for (let n = 0; n < g.count; n++) planned.push({ arn: arns[i++]!, candidate: g.kind.candidate });
  // Trunked instances are REGISTERING until their trunk ENI is attached.
  if (groups.some((g) => g.kind.trunked)) settle(fork, TRUNK_PROVISIONING_MS + 1_000);
  return { fork, planned };
}

/**
 * Re-runs every scenario on its own fork with the plan registered.
 * @example verifyPlan(env, [], scenarios).verified // true when the cluster needs nothing added
 */
export function verifyPlan(env: PlanEnvironment, groups: readonly { kind: Kind; count: number }[], scenarios: readonly Scenario[]): Verification {
  const outcomes: ScenarioOutcome[] = [];
  const byService: Record<string, { short: number; stuck: number; reason?: string }> = Object.create(null);
  let short = 0;
  let stuck = 0;
  for (const scenario of scenarios) {
    const { fork, planned } = forkWithPlan(env, groups);
    const outcome = scenario.run(fork, planned);
    outcomes.push(outcome);
    short += outcome.short;
    stuck += outcome.stuck;
    for (const [service, o] of Object.entries(outcome.byService)) {
      const seen = byService[service] ?? { short: 0, stuck: 0 };
      byService[service] = { short: seen.short + o.short, stuck: seen.stuck + o.stuck, ...(o.reason === undefined ? (seen.reason === undefined ? {} : { reason: seen.reason }) : { reason: o.reason }) };
    }
  }
  return { verified: short === 0 && stuck === 0, short, stuck, byService, scenarios: outcomes };
}

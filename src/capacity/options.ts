/**
 * Options every capacity question shares — the simulator and cluster, the catalogue, allowed
 * types and AZs, prices, and how new instances register — checked and resolved once.
 */
import { describeValue } from '../model/validate.js';
import { InvalidParameterException } from '../errors.js';
import { callerOf, effectiveSetting } from '../ecs/account-settings/settings.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import { DRAIN_SETTLE_MS } from '../ecs/what-if/report.js';
import type { Attribute } from '../shapes.js';
import { defaultCatalogue, type CatalogueType } from './catalogue.js';
import { clusterFacts, type ClusterFacts } from './cluster-facts.js';
import { JUNE_2019_US_EAST_1_LINUX } from './prices-2019.js';
import { releaseFor, type RegistrationContext } from './registration.js';
import type { PlanEnvironment } from './verify.js';

/** Options of `planCapacity` and `planConsolidation`; only `sim` is required. */
export interface CapacityOptions {
  /** the simulator holding the cluster (never changed: every what-if runs on a fork) */
  readonly sim: EcsSimulator;
  /** cluster name or ARN (default `default`) */
  readonly cluster?: string;
  /** instance types to choose from (default: the 2019 types the dataset generator knows, `defaultCatalogue()`) */
  readonly catalogue?: readonly CatalogueType[];
  /** only these instance types (default: all of the catalogue that have a price) */
  readonly allowedTypes?: readonly string[];
  /** only these Availability Zones (default: the AZs of the cluster's ACTIVE instances) */
  readonly availabilityZones?: readonly string[];
  /** hourly price per instance type (default: us-east-1 Linux on-demand, June 2019: `JUNE_2019_US_EAST_1_LINUX`) */
  readonly prices?: Readonly<Record<string, number>>;
  /** agent version new instances run (default: the simulator's latest, 1.29.0) */
  readonly agentVersion?: string;
  /** awsvpcTrunking for new instances (default: the account setting in effect for the caller) */
  readonly trunking?: boolean;
  /** custom attributes every new instance registers with (default: chosen per task's memberOf constraints from the cluster's own) */
  readonly attributes?: readonly Attribute[];
  /** simulated time each what-if lets the scheduler work (default 10 minutes) */
  readonly settleMs?: number;
  /** verification rounds before giving up (default 6) */
  readonly rounds?: number;
}

export interface ResolvedOptions {
  readonly env: PlanEnvironment;
  readonly facts: ClusterFacts;
  readonly types: readonly CatalogueType[];
  readonly availabilityZones: readonly string[];
  readonly prices: Readonly<Record<string, number>>;
  /** trunking in effect for new instances */
  readonly trunking: boolean;
  readonly attributes: readonly Attribute[] | undefined;
  readonly settleMs: number;
  readonly rounds: number;
  readonly registration: RegistrationContext;
}

function list(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new InvalidParameterException(`${where}: expected a list of strings`);
  return value as string[];
}

/** Checks and resolves options (InvalidParameterException naming the member on bad input). */
export function resolveOptions(options: CapacityOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidParameterException('options: expected an object with at least `sim`');
  const sim = options.sim;
  if (typeof sim !== 'object' || sim === null || typeof (sim as { fork?: unknown }).fork !== 'function') throw new InvalidParameterException('options.sim: expected an EcsSimulator');
  const facts = clusterFacts(sim, options.cluster);
  const prices = options.prices ?? JUNE_2019_US_EAST_1_LINUX;
  for (const [type, price] of Object.entries(prices)) {
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) throw new InvalidParameterException(`options.prices['${type}']: expected a price of 0 or more; got ${describeValue(price)}`);
  }
  const catalogue = options.catalogue ?? defaultCatalogue();
  const allowed = list(options.allowedTypes, 'options.allowedTypes');
  for (const t of allowed ?? []) if (!catalogue.some((c) => c.instanceType === t)) throw new InvalidParameterException(`options.allowedTypes: '${t}' is not in the catalogue`);
  const types = catalogue.filter((t) => (allowed === undefined || allowed.includes(t.instanceType)) && Object.hasOwn(prices, t.instanceType));
  const azs = list(options.availabilityZones, 'options.availabilityZones') ?? facts.availabilityZones;
  for (const az of azs) if (!/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(az)) throw new InvalidParameterException(`options.availabilityZones: '${az}' is not an Availability Zone name`);
  const agentVersion = options.agentVersion ?? sim.state.options.latestAgentVersion;
  if (typeof agentVersion !== 'string' || !/^\d+\.\d+\.\d+$/.test(agentVersion)) throw new InvalidParameterException(`options.agentVersion: expected a version such as 1.29.0; got ${describeValue(agentVersion)}`);
  if (options.trunking !== undefined && typeof options.trunking !== 'boolean') throw new InvalidParameterException('options.trunking: expected true or false');
  const settleMs = options.settleMs ?? DRAIN_SETTLE_MS;
  if (typeof settleMs !== 'number' || !Number.isFinite(settleMs) || settleMs < 0) throw new InvalidParameterException(`options.settleMs: expected milliseconds, 0 or more; got ${describeValue(settleMs)}`);
  const rounds = options.rounds ?? 6;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new InvalidParameterException(`options.rounds: expected an integer from 1 to 100; got ${describeValue(rounds)}`);
  if (options.attributes !== undefined && (!Array.isArray(options.attributes) || options.attributes.some((a) => typeof a?.name !== 'string'))) throw new InvalidParameterException('options.attributes: expected a list of { name, value } attributes');
  const registration: RegistrationContext = { agentVersion, release: releaseFor(agentVersion), facts };
  const trunking = options.trunking ?? effectiveSetting(sim.state, callerOf(sim.state, undefined), 'awsvpcTrunking').value === 'enabled';
  return {
    env: { sim, cluster: facts.cluster.name, registration, trunking: options.trunking },
    facts,
    types,
    availabilityZones: azs,
    prices,
    trunking,
    attributes: options.attributes,
    settleMs,
    rounds,
    registration,
  };
}

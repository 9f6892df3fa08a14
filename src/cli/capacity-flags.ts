/**
 * The options `plan-capacity` and `plan-consolidation` share: which types, AZs and prices new
 * instances may use, how they register, the settle time, and a resilience target.
 */
import { InvalidParameterException } from '../errors.js';
import type { CapacityOptions } from '../capacity/options.js';
import type { ResilienceTarget } from '../capacity/goal.js';
import { integerOption } from './args.js';
import { parseJson, readText } from './io.js';

export const CAPACITY_OPTIONS = {
  types: { type: 'string' },
  az: { type: 'string' },
  prices: { type: 'string' },
  'agent-version': { type: 'string' },
  trunking: { type: 'string' },
  settle: { type: 'string' },
  'survive-losing': { type: 'string' },
  'survive-instances': { type: 'string' },
} as const;

export const CAPACITY_HELP = `  --types <t,t>      only these instance types (default: every type of the 2019 catalogue)
  --az <az,az>       only these Availability Zones (default: the cluster's)
  --prices <file>    hourly prices, a JSON object type → USD (default: us-east-1 Linux on-demand, June 2019)
  --agent-version <v>  agent new instances run (default 1.29.0)
  --trunking on|off  awsvpcTrunking for new instances (default: the account setting)
  --settle <s>       simulated seconds each what-if lets the scheduler work (default 600)`;

export const TARGET_HELP = `  --survive-losing <attribute:name>  any one value of the attribute lost (e.g. attribute:ecs.availability-zone)
  --survive-instances <k>            any k instances lost (the worst sets of a sweep)`;

export interface CapacityFlagValues {
  types?: string | undefined;
  az?: string | undefined;
  prices?: string | undefined;
  'agent-version'?: string | undefined;
  trunking?: string | undefined;
  settle?: string | undefined;
  'survive-losing'?: string | undefined;
  'survive-instances'?: string | undefined;
}

const list = (text: string | undefined) => text?.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** The capacity options the flags give (without `sim` and `cluster`). */
export function capacityOptions(values: CapacityFlagValues): Omit<CapacityOptions, 'sim'> {
  const trunking = values.trunking;
  if (trunking !== undefined && trunking !== 'on' && trunking !== 'off') throw new InvalidParameterException(`--trunking: expected on or off; got '${trunking}'`);
  const prices = values.prices === undefined ? undefined : parseJson(readText(values.prices, 'prices'), `prices ${values.prices}`);
  if (prices !== undefined && (typeof prices !== 'object' || prices === null || Array.isArray(prices))) throw new InvalidParameterException(`--prices ${values.prices}: expected a JSON object of instance type → hourly USD`);
  const types = list(values.types);
  const azs = list(values.az);
  return {
    ...(types === undefined ? {} : { allowedTypes: types }),
    ...(azs === undefined ? {} : { availabilityZones: azs }),
    ...(prices === undefined ? {} : { prices: prices as Record<string, number> }),
    ...(values['agent-version'] === undefined ? {} : { agentVersion: values['agent-version'] }),
    ...(trunking === undefined ? {} : { trunking: trunking === 'on' }),
    ...(values.settle === undefined ? {} : { settleMs: integerOption(values.settle, 'settle', 600, 0, 7 * 86_400) * 1000 }),
  };
}

/** The resilience target of --survive-losing / --survive-instances, if one is given. */
export function targetFlag(values: CapacityFlagValues): ResilienceTarget | undefined {
  if (values['survive-losing'] !== undefined && values['survive-instances'] !== undefined) throw new InvalidParameterException('give --survive-losing or --survive-instances, not both');
  if (values['survive-losing'] !== undefined) return { losing: values['survive-losing'] };
  if (values['survive-instances'] !== undefined) return { instances: integerOption(values['survive-instances'], 'survive-instances', 1, 1, 1000) };
  return undefined;
}

/** Dollars per hour as a table shows them. */
export function dollars(n: number): string {
  return `$${n.toFixed(Math.abs(n) < 100 ? 4 : 2)}`;
}

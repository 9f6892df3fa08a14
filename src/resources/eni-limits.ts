/**
 * How many `awsvpc` tasks a container instance can run at once (reference §2.5.6).
 *
 * Without trunking each task needs its own ENI and the primary ENI is the instance's own, so the
 * limit is the instance type's maximum network interfaces minus one [DG]. With trunking (the
 * `awsvpcTrunking` setting of the registering principal, on a supported type) tasks use branch
 * ENIs of a trunk ENI, and the limit is the guide's per-type table [DG].
 */
import { compareVersions, readVersion } from '../cql/index.js';

/** Maximum network interfaces per instance type: EC2 facts for the types ECS users ran in 2019, plus the reference's later rows. */
const MAX_ENIS = new Map<string, number>();

function sizes(families: readonly string[], table: Readonly<Record<string, number>>): void {
  for (const family of families) for (const [size, enis] of Object.entries(table)) MAX_ENIS.set(`${family}.${size}`, enis);
}

// Current-generation Nitro families share one ENI count per size.
const NITRO = { large: 3, xlarge: 4, '2xlarge': 4, '4xlarge': 8, '8xlarge': 8, '9xlarge': 8, '12xlarge': 8, '16xlarge': 15, '18xlarge': 15, '24xlarge': 15, metal: 15 };
sizes(['c5', 'c5d', 'c5n'], { large: 3, xlarge: 4, '2xlarge': 4, '4xlarge': 8, '9xlarge': 8, '12xlarge': 8, '18xlarge': 15, '24xlarge': 15, metal: 15 });
sizes(['m5', 'm5a', 'm5d', 'r5', 'r5a', 'r5d'], { large: 3, xlarge: 4, '2xlarge': 4, '4xlarge': 8, '8xlarge': 8, '12xlarge': 8, '16xlarge': 15, '24xlarge': 15, metal: 15 });
sizes(['r4', 'i3'], { large: 3, xlarge: 4, '2xlarge': 4, '4xlarge': 8, '8xlarge': 8, '16xlarge': 15 });
sizes(['c4'], { large: 3, xlarge: 4, '2xlarge': 4, '4xlarge': 8, '8xlarge': 8 });
sizes(['m4'], { large: 2, xlarge: 4, '2xlarge': 4, '4xlarge': 8, '10xlarge': 8, '16xlarge': 8 });
sizes(['t2'], { nano: 2, micro: 2, small: 3, medium: 3, large: 3, xlarge: 3, '2xlarge': 3 });
sizes(['t3', 't3a'], { nano: 2, micro: 2, small: 3, medium: 3, large: 3, xlarge: 4, '2xlarge': 4 });
sizes(['a1'], { medium: 2, large: 3, xlarge: 4, '2xlarge': 4, '4xlarge': 8 });
sizes(['p2'], { xlarge: 4, '8xlarge': 8, '16xlarge': 8 });
sizes(['p3'], { '2xlarge': 4, '8xlarge': 8, '16xlarge': 8 });
sizes(['p3dn'], { '24xlarge': 15 });
sizes(['g3'], { '4xlarge': 8, '8xlarge': 8, '16xlarge': 15 });
sizes(['g3s'], { xlarge: 4 });
// Later rows of the reference's table *(later)*.
sizes(['c6i', 'm6i'], { large: 3 });
sizes(['m6g'], { medium: 2 });

/**
 * Maximum network interfaces of an instance type that is not in the table, by its size suffix.
 * The reference gives no rule for unknown types [?]; these are the values most families share
 * for each size (the Nitro column above; nano–medium from the burstable families) [INF]. A type
 * without a recognisable size (or no type at all) gets 2, the smallest count any EC2 type has,
 * so the simulator never promises more awsvpc tasks than a real instance could run.
 */
const MAX_ENIS_BY_SIZE: Readonly<Record<string, number>> = { nano: 2, micro: 2, small: 3, medium: 3, ...NITRO, '3xlarge': 8, '6xlarge': 8, '10xlarge': 8, '32xlarge': 15 };
const FALLBACK_MAX_ENIS = 2;

/**
 * awsvpc tasks with trunking, from the guide's supported-type table (June 2019 and 2023
 * versions agree on the c5/m5/r5 rows; c6i, m6i, m6g, a1 are 2023-only rows) [DG].
 *
 * The c5.large row: the trunking page gives it an ENI limit of twelve (10 tasks + primary +
 * trunk) while the account-settings page calls its ENI quota ten; both say 10 *tasks*, and
 * tasks are what this table counts [DG; reference §2.5.6 inconsistency].
 */
const TRUNKED_TASKS = new Map<string, number>();
for (const family of ['c5', 'm5', 'r5']) {
  for (const [size, tasks] of Object.entries({ large: 10, xlarge: 20, '2xlarge': 40, '4xlarge': 60, '12xlarge': 60, '24xlarge': 120 })) {
    TRUNKED_TASKS.set(`${family}.${size}`, tasks);
  }
}
TRUNKED_TASKS.set('c5.9xlarge', 60);
TRUNKED_TASKS.set('c5.18xlarge', 120);
TRUNKED_TASKS.set('p3.2xlarge', 40);
TRUNKED_TASKS.set('p3.8xlarge', 60);
TRUNKED_TASKS.set('c6i.large', 10);
TRUNKED_TASKS.set('m6i.large', 10);
TRUNKED_TASKS.set('m6g.medium', 4);
TRUNKED_TASKS.set('a1.medium', 10);

/**
 * Trunked task limits of supported types missing from the table (e.g. m5.8xlarge, p3.16xlarge,
 * p3dn.24xlarge), by size: the table's values grow with size the same way in every family, so
 * the size decides [INF]. A size not here falls back to the untrunked limit.
 */
const TRUNKED_TASKS_BY_SIZE: Readonly<Record<string, number>> = {
  large: 10, xlarge: 20, '2xlarge': 40, '4xlarge': 60, '8xlarge': 60, '9xlarge': 60, '12xlarge': 60,
  '16xlarge': 120, '18xlarge': 120, '24xlarge': 120, metal: 120,
};

function sizeOf(instanceType: string): string | undefined {
  const dot = instanceType.indexOf('.');
  return dot < 0 ? undefined : instanceType.slice(dot + 1);
}

function lookupSize(table: Readonly<Record<string, number>>, size: string | undefined): number | undefined {
  return size !== undefined && Object.hasOwn(table, size) ? table[size] : undefined;
}

/**
 * The maximum number of network interfaces of an instance type (the table, else by size suffix,
 * else 2).
 *
 * @example maxNetworkInterfaces('c5.large') // 3
 */
export function maxNetworkInterfaces(instanceType: string | undefined): number {
  if (instanceType === undefined) return FALLBACK_MAX_ENIS;
  return MAX_ENIS.get(instanceType) ?? lookupSize(MAX_ENIS_BY_SIZE, sizeOf(instanceType)) ?? FALLBACK_MAX_ENIS;
}

/**
 * How many awsvpc tasks an instance of `instanceType` can run at once. `trunked` is whether the
 * instance registered with a trunk ENI (the caller decides: setting, type and agent version,
 * see `ecs/container-instances/trunking.ts`); a trunked type with no table row or size rule gets the untrunked limit.
 *
 * @example eniTaskLimit('c5.large', false) // 2
 * @example eniTaskLimit('c5.large', true)  // 10
 */
export function eniTaskLimit(instanceType: string | undefined, trunked: boolean): number {
  if (trunked && instanceType !== undefined) {
    const tasks = TRUNKED_TASKS.get(instanceType) ?? lookupSize(TRUNKED_TASKS_BY_SIZE, sizeOf(instanceType));
    if (tasks !== undefined) return tasks;
  }
  return maxNetworkInterfaces(instanceType) - 1;
}

/** Families the June 2019 guide lists as supporting trunking. */
const TRUNK_FAMILIES = ['c5', 'm5', 'r5', 'p3'];
/** The minimum agent version for trunking (1.28.1). */
const MIN_TRUNK_AGENT = [1, 28, 1];

/**
 * Whether an instance of this type, with this agent, gets a trunk ENI when it registers with
 * `awsvpcTrunking` enabled (reference §2.5.6): c5, m5, r5, p3 (and p3dn.24xlarge), agent ≥ 1.28.1.
 * An unreadable agent version does not block it.
 */
export function trunkSupported(instanceType: string | undefined, agentVersion: string | undefined): boolean {
  if (instanceType === undefined) return false;
  const family = instanceType.split('.')[0]!;
  if (!TRUNK_FAMILIES.includes(family) && instanceType !== 'p3dn.24xlarge') return false;
  const version = readVersion(agentVersion ?? '');
  return version === null || compareVersions(version, MIN_TRUNK_AGENT) >= 0;
}

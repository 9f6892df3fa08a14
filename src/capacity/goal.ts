/**
 * What a capacity plan is for: the goals `planCapacity` takes, the resilience targets
 * `planConsolidation` keeps, and their checks (bad input is an InvalidParameterException naming
 * the member).
 */
import { checkRequest, describeValue } from '../model/validate.js';
import { InvalidParameterException } from '../errors.js';
import type { PlaceTasksRequest } from '../ecs/tasks/place-tasks.js';

/** Survive the loss of any one value of an attribute (e.g. `attribute:ecs.availability-zone`): every service back at desired count after the settle time. */
export interface SurviveLosing {
  readonly losing: string;
}

/**
 * Survive the loss of any `instances` container instances. Checked over the worst cases of a
 * sweep, not all subsets: for each service the k instances holding most of its tasks, the k
 * holding most CPU and most memory, and `samples` random sets (seeded), the `worst` of them by
 * what the fast model leaves unplaced.
 */
export interface SurviveInstances {
  readonly instances: number;
  /** random k-sets to add to the sweep (default 50) */
  readonly samples?: number;
  /** seed of the random sets (default 1) */
  readonly seed?: number;
  /** how many of the worst sets are verified on forks (default 3) */
  readonly worst?: number;
}

export type ResilienceTarget = SurviveLosing | SurviveInstances;

/** Scale services: each to `desiredCount`, or to `factor` × its desired count (rounded up). */
export interface ScaleServices {
  /** service names (default: every ACTIVE service) */
  readonly services?: readonly string[];
  readonly desiredCount?: number;
  readonly factor?: number;
}

/**
 * What `planCapacity` plans for:
 * - `{ place: PlaceTasksRequest }`: a workload to add (RunTask's request without the limit of 10);
 * - `{ scale: { services?, desiredCount | factor } }`: services scaled;
 * - `{ survive: { losing: 'attribute:ecs.availability-zone' } }` or `{ survive: { instances: k } }`;
 * - `{ report: { containerInstanceArns, kind? } }`: the tasks a drain (default) or abrupt-loss
 *   what-if of those instances left short or stuck (a what-if report has these members).
 * @example planCapacity({ survive: { losing: 'attribute:ecs.availability-zone' } }, { sim, cluster: 'sample' })
 */
export type CapacityGoal =
  | { readonly place: PlaceTasksRequest }
  | { readonly scale: ScaleServices }
  | { readonly survive: ResilienceTarget }
  | { readonly report: { readonly containerInstanceArns: readonly string[]; readonly kind?: 'drain' | 'fail' } };

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidParameterException(`${where}: expected an object; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  return value as Record<string, unknown>;
}

function positiveInteger(value: unknown, where: string, min = 1, max = 1_000_000): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new InvalidParameterException(`${where}: expected an integer from ${min} to ${max}; got ${describeValue(value)}`);
  return value;
}

/** `positiveInteger` that must be there (`'instances' in t` holds for `{ instances: undefined }` too). */
function requiredInteger(value: unknown, where: string, min: number, max: number): number {
  if (value === undefined) throw new InvalidParameterException(`${where}: expected an integer from ${min} to ${max}; got nothing`);
  return positiveInteger(value, where, min, max)!;
}

/** Checks a resilience target; returns it typed. */
export function checkTarget(value: unknown, where: string): ResilienceTarget {
  const t = object(value, where);
  const keys = Object.keys(t);
  if ('losing' in t) {
    if (typeof t['losing'] !== 'string' || !/^attribute:.+/.test(t['losing'])) throw new InvalidParameterException(`${where}.losing: expected 'attribute:<name>' (e.g. attribute:ecs.availability-zone); got ${describeValue(t['losing'])}`);
    const extra = keys.filter((k) => k !== 'losing');
    if (extra.length > 0) throw new InvalidParameterException(`${where}: unknown member '${extra[0]}' beside 'losing'`);
    return { losing: t['losing'] };
  }
  if ('instances' in t) {
    const extra = keys.filter((k) => !['instances', 'samples', 'seed', 'worst'].includes(k));
    if (extra.length > 0) throw new InvalidParameterException(`${where}: unknown member '${extra[0]}'`);
    const seed = t['seed'];
    if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) throw new InvalidParameterException(`${where}.seed: expected an integer; got ${describeValue(seed)}`);
    return {
      instances: requiredInteger(t['instances'], `${where}.instances`, 1, 1000),
      ...(t['samples'] === undefined ? {} : { samples: positiveInteger(t['samples'], `${where}.samples`, 0, 100_000)! }),
      ...(seed === undefined ? {} : { seed: seed as number }),
      ...(t['worst'] === undefined ? {} : { worst: positiveInteger(t['worst'], `${where}.worst`, 1, 1000)! }),
    };
  }
  throw new InvalidParameterException(`${where}: expected { losing: 'attribute:<name>' } or { instances: <k> }`);
}

/** Checks a goal; returns it typed. */
export function checkGoal(value: unknown): CapacityGoal {
  const g = object(value, 'goal');
  const keys = Object.keys(g);
  if (keys.length !== 1) throw new InvalidParameterException(`goal: expected exactly one of place, scale, survive, report; got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  const key = keys[0]!;
  switch (key) {
    case 'place': {
      object(g['place'], 'goal.place');
      // RunTask's request, checked as the model checks RunTask's (the fork's placeTasks takes it; the model's own estimates read it first).
      const issue = checkRequest('RunTask', g['place']);
      if (issue !== null) throw new InvalidParameterException(`goal.place.${issue.message}`);
      return { place: g['place'] as PlaceTasksRequest };
    }
    case 'scale': {
      const s = object(g['scale'], 'goal.scale');
      const services = s['services'];
      if (services !== undefined && (!Array.isArray(services) || services.some((x) => typeof x !== 'string'))) throw new InvalidParameterException('goal.scale.services: expected a list of service names');
      const desiredCount = positiveInteger(s['desiredCount'], 'goal.scale.desiredCount', 0, 10_000_000);
      const factor = s['factor'];
      if (factor !== undefined && (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 0 || factor > 1000)) throw new InvalidParameterException(`goal.scale.factor: expected a number from 0 to 1000; got ${describeValue(factor)}`);
      if ((desiredCount === undefined) === (factor === undefined)) throw new InvalidParameterException('goal.scale: give exactly one of desiredCount and factor');
      return { scale: { ...(services === undefined ? {} : { services: services as string[] }), ...(desiredCount === undefined ? {} : { desiredCount }), ...(factor === undefined ? {} : { factor: factor as number }) } };
    }
    case 'survive':
      return { survive: checkTarget(g['survive'], 'goal.survive') };
    case 'report': {
      const r = object(g['report'], 'goal.report');
      const arns = r['containerInstanceArns'];
      if (!Array.isArray(arns) || arns.some((a) => typeof a !== 'string')) throw new InvalidParameterException('goal.report.containerInstanceArns: expected a list of container instance ARNs');
      const kind = r['kind'] ?? 'drain';
      if (kind !== 'drain' && kind !== 'fail') throw new InvalidParameterException(`goal.report.kind: expected 'drain' or 'fail'; got ${describeValue(kind)}`);
      return { report: { containerInstanceArns: arns as string[], kind } };
    }
    default:
      throw new InvalidParameterException(`goal: unknown goal '${key}'; expected place, scale, survive or report`);
  }
}

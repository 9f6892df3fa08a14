/**
 * How the loader of a dump reports what is wrong, at its JSON path, building the path only for a
 * fault: a record's loader throws a {@link DumpFault} naming the member (`status`), or any check
 * written for requests (an EcsError naming the member in its message); the loop over the records
 * puts the record's path in front ({@link located}). Shapes are checked by the model checker
 * (`model/validate.ts`, with the SDK's newer enum values: a dump may come from today's ECS).
 */
import { EcsError, InvalidParameterException, messageWithMember, quote } from '../../../errors.js';
import { checkShape } from '../../../model/validate.js';
import type { ShapeName } from '../../../model/tables.generated.js';
import { AccountantError } from '../../../resources/accountant.js';
import { parseClusterArn, type ArnContext } from '../../shared/arns.js';
import { checkTags } from '../../shared/tags.js';
import type { Tag } from '../../../shapes.js';

const PREFIX = 'fromDescribeOutput: ';

/** The error of a dump's value at `path`. */
export function dumpError(path: string, what: string): InvalidParameterException {
  return new InvalidParameterException(`${PREFIX}${path}: ${what}`);
}

/** A fault of one member (a path relative to its record; '' for the record itself). */
export class DumpFault extends Error {
  constructor(readonly member: string, what: string) {
    super(what);
  }
}

/** Throws the fault of `member` of the record being loaded. */
export function fault(member: string, what: string): never {
  throw new DumpFault(member, what);
}

/**
 * What a record's loader threw, as the error of the dump: with the record's path (`where`) in
 * front. Anything else (a bug of ours) goes up unchanged.
 */
export function located(e: unknown, where: string): unknown {
  if (e instanceof DumpFault) return dumpError(e.member === '' ? where : e.member.startsWith('[') ? where + e.member : `${where}.${e.member}`, e.message);
  if (e instanceof EcsError && !e.message.startsWith(PREFIX)) return dumpError(where, messageWithMember(e));
  if (e instanceof AccountantError) return dumpError(where, e.message);
  return e;
}

const NEWER = { newerEnumValues: true } as const;

/** `raw` checked as the model's `shape` (null members are absent members); a fault at its member. */
export function shaped<T>(shape: ShapeName, raw: unknown): T {
  const issue = checkShape(shape, raw, NEWER);
  if (issue !== null) {
    // The message is the path, a space, then what is wrong ("the value …" for the record itself).
    fault(issue.path, issue.path === '' ? issue.message.replace(/^the value /, '') : issue.message.slice(issue.path.length + 1));
  }
  return raw as T;
}

/** A value the model allows that the simulator does not run; `values` are what it runs. */
export function supported<T extends string>(value: string | null | undefined, member: string, values: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (!(values as readonly string[]).includes(value)) fault(member, `must be one of ${values.join(', ')}; got ${quote(value)}`);
  return value as T;
}

/** The latest time a Date holds (epoch ms). */
export const MAX_TIME = 8.64e15;

/**
 * A timestamp in epoch ms. On the wire a timestamp is epoch seconds; SDKs give Dates; tools print
 * ISO-8601 (the model checked which). One a Date cannot hold is a fault: the state could not be
 * described, snapshotted or restored.
 */
export function timeOf(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? Math.round(value * 1000) : Date.parse(value as string);
  if (!(Math.abs(ms) <= MAX_TIME)) fault(member, `must be a time a Date can hold (within ±8.64e12 epoch seconds); got ${quote(value)}`);
  return ms;
}

/** A count the model types as an integer: whole and not negative. */
export function countOf(value: number | null | undefined, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value < 0 || value > 2 ** 31 - 1) fault(member, `must be a whole number from 0 to ${2 ** 31 - 1}; got ${value}`);
  return value;
}

const STORED = { reserved: true } as const;

/** Tags as ECS stores them (the managed `aws:` ones included); most records have none. */
export function tagsOf(tags: readonly Tag[] | null | undefined, member = 'tags'): Tag[] {
  return tags === undefined || tags === null || tags.length === 0 ? [] : checkTags(tags as unknown[], member, STORED);
}

/** An ARN of the simulator's region and account. */
export function sameAccount(ctx: ArnContext, owner: { region: string; accountId: string }, member: string, arn: string): void {
  if (owner.region !== ctx.region || owner.accountId !== ctx.accountId) fault(member, `${arn} is not in ${ctx.region} / ${ctx.accountId}`);
}

/**
 * The cluster a dump is of: the first ARN naming a cluster says which, and every other must agree
 * (a dump holds one cluster; a task of another cluster's instance is not this one's).
 */
export class DumpCluster {
  private name: string | undefined;
  /** the last cluster ARN seen and found to agree (every task of a dump names the same one) */
  private agreed: string | undefined;

  see(name: string, member: string): void {
    if (this.name === undefined) this.name = name;
    else if (name !== this.name) fault(member, `names cluster ${quote(name)}, but the dump is of cluster ${quote(this.name)} (its first ARN naming a cluster)`);
  }

  /** A `clusterArn` member, if given. */
  seeArn(ctx: ArnContext, arn: string | null | undefined, member: string): void {
    if (arn === undefined || arn === null || arn === this.agreed) return;
    const parsed = parseClusterArn(arn);
    if (parsed === null) return fault(member, `expected a cluster ARN; got ${quote(arn)}`);
    sameAccount(ctx, parsed, member, arn);
    this.see(parsed.clusterName, member);
    this.agreed = arn;
  }
}

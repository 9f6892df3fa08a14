/**
 * Checks of the library methods' own arguments (the ones that are not ECS requests, which the
 * model checks): a value of the wrong type, or one JSON cannot carry (NaN, a BigInt, a function,
 * a Map), is an InvalidParameterException naming the method and the argument, before anything
 * reads it — never a TypeError from deeper down.
 *
 * @example optionsArgument('query', options).cluster
 */
import { InvalidParameterException } from '../errors.js';
import { describeValue } from '../model/validate.js';

/** The longest single clock advance: ten years of 365.25 days. */
export const MAX_ADVANCE_MS = 10 * 365.25 * 24 * 3600 * 1000;
/** The last instant a JavaScript Date holds (epoch ms). */
export const LAST_DATE_MS = 8.64e15;

const refuse = (method: string, name: string, expected: string, value: unknown) =>
  new InvalidParameterException(`${method}: ${name} must be ${expected}; got ${describeValue(value)}`);

/**
 * An options argument: absent (`undefined` or `null`) is `{}`; otherwise a plain object.
 * @example optionsArgument('drainWhatIf', { cluster: 'prod' }) // { cluster: 'prod' }
 */
export function optionsArgument<T extends object>(method: string, value: T | null | undefined, name = 'options'): Partial<T> {
  if (value === undefined || value === null) return {};
  const proto: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (typeof value !== 'object' || Array.isArray(value) || (proto !== Object.prototype && proto !== null)) throw refuse(method, name, 'an object', value);
  return value;
}

/** A string argument (`optional`: or absent). */
export function stringArgument(method: string, name: string, value: unknown, optional: true): string | undefined;
export function stringArgument(method: string, name: string, value: unknown, optional?: false): string;
export function stringArgument(method: string, name: string, value: unknown, optional = false): string | undefined {
  if (optional && value === undefined) return undefined;
  if (typeof value !== 'string') throw refuse(method, name, 'a string', value);
  return value;
}

/** A whole number from `min` to `max`. */
export function integerArgument(method: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw refuse(method, name, `a whole number from ${min} to ${max}`, value);
  return value;
}

/**
 * A `status` option of a query: absent, a status, or a list of them.
 * @example statusArgument('query', ['ACTIVE', 'DRAINING'])
 */
export function statusArgument(method: string, value: unknown): string | readonly string[] | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) throw refuse(method, 'options.status', 'a status or a list of statuses', value);
  return value as string[];
}

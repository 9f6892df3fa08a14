/**
 * One validator for everything the ECS service model states about a value: member types,
 * required members, enum values, lengths, ranges and patterns, for a request of any of the 44
 * operations (`validateRequest`) or any named shape (`validateShape`, e.g. the `ContainerInstance`
 * items of a DescribeContainerInstances dump).
 *
 * - Each shape's table is compiled once into a closure (`checkerFor`); a check follows the model,
 *   never the input, so its depth is the model's (at most 11 levels) whatever the input's nesting,
 *   and a cyclic or hostile input is rejected at the first value of the wrong type. A depth guard
 *   keeps that true even if a future model had a cycle.
 * - Only own properties are read: a member named `constructor` or `toString` is absent unless the
 *   input has it, and map keys such as `__proto__` are ordinary keys.
 * - The first fault wins (ECS answers one error). Its path is built while unwinding, so the
 *   common, valid path allocates nothing; echoed values are cut to {@link ECHO_LIMIT} characters.
 * - Members the model does not know are ignored, as ECS ignores them; `null` is an absent member;
 *   `validateRequest` hands the operation the request without either (a copy only when needed).
 *
 * Which error ECS answers (see README.md): a value of the wrong JSON type is a
 * `SerializationException` (the JSON 1.1 front end rejects it before the operation runs); a value
 * of the right type that breaks a model constraint (required, enum, length, range, pattern) is an
 * `InvalidParameterException`.
 */
import { EcsError, InvalidParameterException } from '../errors.js';
import { OPERATIONS, type OperationName, type OperationTypes } from './operations.generated.js';
import type { ShapeTable } from './table-types.js';
import { SHAPE_TABLES, type ShapeName } from './tables.generated.js';

/**
 * How many characters of an offending value a message repeats.
 *
 * @example
 * checkRequest('RunTask', { taskDefinition: 'x'.repeat(1e6), count: 'x'.repeat(1e6) })!.message.length < 400 // true
 */
export const ECHO_LIMIT = 200;

/** Deeper than any shape of the model nests (11); reaching it means the model has a cycle. */
const MAX_DEPTH = 64;

/**
 * What kind of rule a value broke. `type` and `depth` are wire-level; the rest model constraints.
 *
 * @example
 * checkRequest('RunTask', {})!.kind // 'required'
 */
export type IssueKind = 'type' | 'required' | 'enum' | 'length' | 'range' | 'pattern' | 'depth';

/**
 * The first thing wrong with a value.
 *
 * @example
 * checkShape('Attribute', { name: 7 })
 * // { kind: 'type', path: 'name', message: 'name must be a string; got the number 7' }
 */
export interface ValidationIssue {
  readonly kind: IssueKind;
  /** where, as `containerInstances[3].attributes[0].name` ('' for the value itself) */
  readonly path: string;
  /** the whole message, path first */
  readonly message: string;
}

/** Options of {@link checkShape} / {@link validateShape}. */
export interface ShapeCheckOptions {
  /** a path to put in front of every path (e.g. `containerInstances[3]`) */
  readonly where?: string;
  /**
   * Accept the enum values the SDK knows beyond the model (a dump taken from today's ECS may hold
   * them); requests accept only the model's.
   */
  readonly newerEnumValues?: boolean;
}

// ---- checkers -------------------------------------------------------------------------------------

/** A fault on its way up: `segments` are appended child-first and reversed once, at the top. */
interface Fault {
  kind: IssueKind;
  /** what is wrong, without the path ("must be a string; got …") */
  what: string;
  segments: (string | number)[];
}

type Checker = (value: unknown, depth: number) => Fault | null;

const hasOwn = Object.prototype.hasOwnProperty;
const fault = (kind: IssueKind, what: string): Fault => ({ kind, what, segments: [] });

/**
 * A value as a message may show it: its kind, and scalars cut to ECHO_LIMIT characters.
 *
 * @example
 * describeValue([[['deep']]]) // 'a list of 1' (never serialised, so never recursed into)
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string': return `the string ${quoteCut(value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `${value}`;
    case 'bigint': return 'a bigint';
    case 'object': return value instanceof Date ? 'a Date' : 'an object';
    default: return typeof value;
  }
}

function quoteCut(s: string): string {
  return s.length <= ECHO_LIMIT ? JSON.stringify(s) : `${JSON.stringify(s.slice(0, ECHO_LIMIT))}… (${s.length} characters)`;
}

const wrongType = (expected: string, value: unknown) => fault('type', `must be ${expected}; got ${describeValue(value)}`);

/**
 * The simulator's own values beyond a model enum, as a prefix: a placement strategy of type
 * `plugin:<name>` names a strategy plug-in (the placement engine checks the name).
 */
const ENUM_EXTENSIONS: Partial<Record<ShapeName, string>> = { PlacementStrategyType: 'plugin:' };

function stringChecker(t: Extract<ShapeTable, { type: 'string' }>, newer: boolean, extension: string | undefined): Checker {
  const values = t.enum === undefined ? undefined : new Set([...t.enum, ...(newer ? t.newerEnum ?? [] : [])]);
  const listed = values === undefined ? '' : [...values].join(', ') + (extension === undefined ? '' : ` or ${extension}<name>`);
  const min = t.min ?? 0;
  const max = t.max ?? Infinity;
  // Model patterns are Java regexes; the ECS ones (\p{L}…) read the same as JavaScript `u` ones.
  const pattern = t.pattern === undefined ? undefined : new RegExp(t.pattern, 'u');
  return (v) => {
    if (typeof v !== 'string') return wrongType('a string', v);
    if (values !== undefined && !values.has(v) && !(extension !== undefined && v.startsWith(extension))) return fault('enum', `must be one of ${listed}; got ${quoteCut(v)}`);
    if (v.length < min || v.length > max) {
      return fault('length', `must be ${max === Infinity ? `at least ${min}` : `${min} to ${max}`} characters long; got ${v.length}`);
    }
    if (pattern !== undefined && !pattern.test(v)) return fault('pattern', `must match ${t.pattern}; got ${quoteCut(v)}`);
    return null;
  };
}

function numberChecker(t: Extract<ShapeTable, { type: 'integer' | 'long' | 'double' | 'float' }>): Checker {
  const min = t.min ?? -Infinity;
  const max = t.max ?? Infinity;
  const isType: (v: number) => boolean =
    t.type === 'integer' ? (v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31
      : t.type === 'long' ? Number.isSafeInteger
        : Number.isFinite;
  const expected = t.type === 'integer' ? 'a 32-bit integer' : t.type === 'long' ? 'an integer' : 'a finite number';
  return (v) => {
    if (typeof v !== 'number' || !isType(v)) return wrongType(expected, v);
    if (v < min || v > max) return fault('range', `must be ${max === Infinity ? `at least ${min}` : min === -Infinity ? `at most ${max}` : `from ${min} to ${max}`}; got ${v}`);
    return null;
  };
}

/** Epoch seconds (the JSON 1.1 wire form), a Date, or a date string (as `aws ecs` prints them). */
const timestampChecker: Checker = (v) => {
  if (typeof v === 'number' ? Number.isFinite(v) : v instanceof Date ? Number.isFinite(v.getTime()) : typeof v === 'string' && Number.isFinite(Date.parse(v))) return null;
  return wrongType('a timestamp (epoch seconds, a Date or a date string)', v);
};

const booleanChecker: Checker = (v) => (typeof v === 'boolean' ? null : wrongType('a boolean', v));
const blobChecker: Checker = (v) => (typeof v === 'string' || v instanceof Uint8Array ? null : wrongType('base64 text or bytes', v));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether the check running now met a structure member that is `null` or that the model does not
 * know (read by `validateRequest`, which then hands the operation a copy of the model's members
 * only: handlers test members against `undefined`, and keep or copy what they are given, so an
 * unknown member must not reach them). Checks are synchronous, so one flag serves them all.
 */
let strayMemberSeen = false;

function structureChecker(t: Extract<ShapeTable, { type: 'structure' }>, newer: boolean): Checker {
  const names = Object.keys(t.members);
  const checks = names.map((n) => checkerFor(t.members[n] as ShapeName, newer));
  const required = names.map((n) => t.required?.includes(n) ?? false);
  const requiredCount = required.filter(Boolean).length;
  const position = new Map(names.map((n, i) => [n, i]));
  // Members any string satisfies (most of a record's: ARNs, names, ids) are checked right here.
  const anyString = names.map((n) => {
    const m = SHAPE_TABLES[t.members[n] as ShapeName];
    return m.type === 'string' && m.enum === undefined && m.pattern === undefined && (m.min ?? 0) === 0 && m.max === undefined;
  });

  /**
   * The model's verdict, member by member in the model's order (the first fault wins), for the
   * members before `end`; `known` is member `end`'s fault, found already.
   */
  const inModelOrder = (v: Record<string, unknown>, depth: number, end: number, known: Fault | null): Fault | null => {
    for (let i = 0; i < end; i++) {
      const name = names[i]!;
      const x = hasOwn.call(v, name) ? v[name] : undefined;
      if (x === undefined || x === null) {
        if (required[i]) {
          const f = fault('required', 'is required');
          f.segments.push(name);
          return f;
        }
        continue;
      }
      const f = checks[i]!(x, depth + 1);
      if (f !== null) {
        f.segments.push(name);
        return f;
      }
    }
    if (known !== null) known.segments.push(names[end]!);
    return known;
  };

  // The members the value has, in its own order (a record has a few of the model's many); only
  // on a fault are the members before it checked in the model's order, so the fault is the
  // first in the model's order, as ECS answers it. A member's check runs at most twice.
  return (v, depth) => {
    if (!isRecord(v)) return wrongType('an object', v);
    if (depth > MAX_DEPTH) return fault('depth', `nests deeper than ${MAX_DEPTH} levels`);
    let requiredSeen = 0;
    let stray = false;
    for (const name in v) {
      // An inherited or unknown key, an undefined or null member: one the model does not know, or absent.
      const i = hasOwn.call(v, name) ? position.get(name) : undefined;
      const x = i === undefined ? undefined : v[name];
      if (x === undefined || x === null) {
        stray = true;
        continue;
      }
      if (required[i!]) requiredSeen++;
      if (anyString[i!] && typeof x === 'string') continue;
      const f = checks[i!]!(x, depth + 1);
      if (f !== null) return inModelOrder(v, depth, i!, f);
    }
    if (requiredSeen !== requiredCount) return inModelOrder(v, depth, names.length, null);
    if (stray) strayMemberSeen = true;
    return null;
  };
}

function listChecker(t: Extract<ShapeTable, { type: 'list' }>, newer: boolean): Checker {
  const item = checkerFor(t.member as ShapeName, newer);
  const min = t.min ?? 0;
  const max = t.max ?? Infinity;
  return (v, depth) => {
    if (!Array.isArray(v)) return wrongType('a list', v);
    if (depth > MAX_DEPTH) return fault('depth', `nests deeper than ${MAX_DEPTH} levels`);
    if (v.length < min || v.length > max) return fault('length', `must hold ${max === Infinity ? `at least ${min}` : `${min} to ${max}`} items; got ${v.length}`);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const f = x === undefined || x === null ? wrongType('a value (lists hold no nulls)', x) : item(x, depth + 1);
      if (f !== null) {
        f.segments.push(i);
        return f;
      }
    }
    return null;
  };
}

function mapChecker(t: Extract<ShapeTable, { type: 'map' }>, newer: boolean): Checker {
  const key = checkerFor(t.key as ShapeName, newer);
  const value = checkerFor(t.value as ShapeName, newer);
  return (v, depth) => {
    if (!isRecord(v)) return wrongType('a map (an object)', v);
    if (depth > MAX_DEPTH) return fault('depth', `nests deeper than ${MAX_DEPTH} levels`);
    // Object.keys: own keys only; `__proto__` from JSON.parse is one of them, an ordinary key.
    for (const k of Object.keys(v)) {
      const x = v[k];
      const f = key(k, depth + 1) ?? (x === undefined || x === null ? wrongType('a value (maps hold no nulls)', x) : value(x, depth + 1));
      if (f !== null) {
        f.segments.push(`[${quoteCut(k)}]`);
        return f;
      }
    }
    return null;
  };
}

function compile(t: ShapeTable, newer: boolean, shape: ShapeName): Checker {
  switch (t.type) {
    case 'structure': return structureChecker(t, newer);
    case 'list': return listChecker(t, newer);
    case 'map': return mapChecker(t, newer);
    case 'string': return stringChecker(t, newer, ENUM_EXTENSIONS[shape]);
    case 'integer': case 'long': case 'double': case 'float': return numberChecker(t);
    case 'boolean': return booleanChecker;
    case 'timestamp': return timestampChecker;
    case 'blob': return blobChecker;
  }
}

/** Compiled checkers by shape name: the model's enum values, and with the SDK's newer ones. */
const compiled = [new Map<string, Checker>(), new Map<string, Checker>()] as const;

function checkerFor(shape: ShapeName, newer: boolean): Checker {
  const cache = compiled[newer ? 1 : 0];
  let check = cache.get(shape);
  if (check === undefined) {
    const table = SHAPE_TABLES[shape];
    if (table === undefined) throw new Error(`no shape ${String(shape)} in the model tables`);
    // A stand-in while compiling, should a shape ever (indirectly) contain itself.
    let done: Checker | undefined;
    cache.set(shape, (v, d) => done!(v, d));
    done = compile(table, newer, shape);
    cache.set(shape, done);
    check = done;
  }
  return check;
}

// ---- entry points ---------------------------------------------------------------------------------

function pathOf(where: string, segments: readonly (string | number)[]): string {
  let path = where;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    path += typeof s === 'number' ? `[${s}]` : s.startsWith('[') ? s : path === '' ? s : `.${s}`;
  }
  return path;
}

function issueOf(f: Fault, where: string): ValidationIssue {
  const path = pathOf(where, f.segments);
  return { kind: f.kind, path, message: `${path === '' ? 'the value' : path} ${f.what}` };
}

/**
 * The first thing the model says is wrong with `value` as a `shape`, or null.
 *
 * @example
 * checkShape('ContainerInstance', dump.containerInstances[3], { where: 'containerInstances[3]', newerEnumValues: true })
 */
export function checkShape(shape: ShapeName, value: unknown, options: ShapeCheckOptions = {}): ValidationIssue | null {
  const f = checkerFor(shape, options.newerEnumValues === true)(value, 0);
  return f === null ? null : issueOf(f, options.where ?? '');
}

/**
 * The first thing the model says is wrong with a request of `operation`, or null. A missing
 * request (`undefined` / `null`) is an empty one.
 *
 * @example
 * checkRequest('RunTask', { taskDefinition: 'web', count: '3' })
 * // { kind: 'type', path: 'count', message: 'count must be a 32-bit integer; got the string "3"' }
 */
export function checkRequest(operation: OperationName, input: unknown): ValidationIssue | null {
  const spec = OPERATIONS[operation];
  if (spec === undefined) throw new Error(`no operation ${String(operation)} in the model tables`);
  if (input === undefined || input === null) input = {};
  strayMemberSeen = false;
  const f = checkerFor(spec.input, false)(input, 0);
  if (f === null) return null;
  const issue = issueOf(f, '');
  return issue.path === '' ? { ...issue, message: `the ${operation} request ${f.what}` } : issue;
}

/**
 * The error ECS answers for an issue on the wire: SerializationException for a value of the wrong
 * type, InvalidParameterException for a broken constraint (see README.md).
 */
export function requestError(issue: ValidationIssue): EcsError {
  return issue.kind === 'type' || issue.kind === 'depth'
    ? new EcsError('SerializationException', issue.message)
    : new InvalidParameterException(issue.message);
}

/**
 * Checks a request of `operation` against the model and returns it typed (`{}` for a missing
 * one): the request itself, or, if it has `null` members (absent, as the model reads them) or
 * members the model does not know (ignored, as ECS ignores them), a copy without them; throws
 * what ECS answers (see {@link requestError}).
 *
 * @example
 * const request = validateRequest('RegisterContainerInstance', body); // RegisterContainerInstanceRequest
 * validateRequest('CreateTaskSet', { cluster: 'c', service: 's', taskDefinition: 'web', scale: null, x: 1 }) // { cluster: 'c', service: 's', taskDefinition: 'web' }
 */
export function validateRequest<O extends OperationName>(operation: O, input: unknown): OperationTypes[O]['input'] {
  const issue = checkRequest(operation, input);
  if (issue !== null) throw requestError(issue);
  if (input === undefined || input === null) return {} as OperationTypes[O]['input'];
  return (strayMemberSeen ? modelMembers(OPERATIONS[operation].input, input) : input) as OperationTypes[O]['input'];
}

/** An own data property, so that a key named `__proto__` stays an ordinary key. */
function define(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A valid `shape` value with only the structure members the model knows and that are not `null`,
 * following the model (so at most its depth); parts without a stray member are shared, not copied.
 */
function modelMembers(shape: ShapeName, value: unknown): unknown {
  const t = SHAPE_TABLES[shape];
  if (t.type === 'list') {
    const items = value as unknown[];
    const out = items.map((x) => modelMembers(t.member as ShapeName, x));
    return out.some((x, i) => x !== items[i]) ? out : items;
  }
  if (t.type !== 'structure' && t.type !== 'map') return value;
  const o = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = o[k];
    let y: unknown;
    if (t.type === 'map') y = modelMembers(t.value as ShapeName, x);
    else if (hasOwn.call(t.members, k) && x !== null && x !== undefined) y = modelMembers(t.members[k] as ShapeName, x);
    if (y !== x && copy === undefined) {
      copy = {};
      for (let j = 0; j < i; j++) define(copy, keys[j]!, o[keys[j]!]);
    }
    if (copy !== undefined && y !== undefined) define(copy, k, y);
  }
  return copy ?? o;
}

/**
 * Checks `value` as a `shape`; throws an InvalidParameterException naming the member (loading a
 * file is not the wire: every fault is a bad parameter, as `fromDescribeOutput` reports them).
 *
 * @example
 * validateShape('Task', raw, { where: 'tasks[0]', newerEnumValues: true });
 */
export function validateShape(shape: ShapeName, value: unknown, options: ShapeCheckOptions = {}): void {
  const issue = checkShape(shape, value, options);
  if (issue !== null) throw new InvalidParameterException(issue.message);
}

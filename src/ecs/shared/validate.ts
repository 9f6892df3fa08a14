/**
 * Request validation as the ECS API model states it: types, required members, enums, ranges
 * and list sizes. Each failure is an InvalidParameterException naming the member. Requests may
 * come from the wire, so nothing is assumed about their types.
 */
import { cut, InvalidParameterException } from '../../errors.js';

export type Input = Record<string, unknown>;

/** The request as an object (a missing request is an empty one). */
export function requestObject(input: unknown, operation: string): Input {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new InvalidParameterException(`${operation}: the request must be an object`);
  }
  return input as Input;
}

export function optionalString(input: Input, name: string, max = Infinity): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InvalidParameterException(`${name} must be a string`);
  if (v.length > max) throw new InvalidParameterException(`${name} must be at most ${max} characters long`);
  return v;
}

export function requiredString(input: Input, name: string, max = Infinity): string {
  const v = optionalString(input, name, max);
  if (v === undefined || v === '') throw new InvalidParameterException(`${name} is required`);
  return v;
}

export function optionalBoolean(input: Input, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new InvalidParameterException(`${name} must be a boolean`);
  return v;
}

export function optionalInteger(input: Input, name: string, min: number, max: number): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new InvalidParameterException(`${name} must be an integer`);
  if (v < min || v > max) throw new InvalidParameterException(`${name} must be between ${min} and ${max}; got ${v}`);
  return v;
}

export function optionalEnum<T extends string>(input: Input, name: string, values: readonly T[]): T | undefined {
  const v = optionalString(input, name);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) {
    throw new InvalidParameterException(`${name} must be one of ${values.join(', ')}; got '${cut(v)}'`);
  }
  return v as T;
}

export function requiredEnum<T extends string>(input: Input, name: string, values: readonly T[]): T {
  const v = optionalEnum(input, name, values);
  if (v === undefined) throw new InvalidParameterException(`${name} is required`);
  return v;
}

export function optionalArray(input: Input, name: string, max = Infinity): unknown[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new InvalidParameterException(`${name} must be a list`);
  if (v.length > max) throw new InvalidParameterException(`${name} may hold at most ${max} items; got ${v.length}`);
  return v;
}

export function requiredArray(input: Input, name: string, max = Infinity, min = 1): unknown[] {
  const v = optionalArray(input, name, max);
  if (v === undefined) throw new InvalidParameterException(`${name} is required`);
  if (v.length < min) throw new InvalidParameterException(`${name} must hold at least ${min} item${min === 1 ? '' : 's'}`);
  return v;
}

export function stringList(items: unknown[], name: string): string[] {
  return items.map((v, i) => {
    if (typeof v !== 'string' || v === '') throw new InvalidParameterException(`${name}[${i}] must be a non-empty string`);
    return v;
  });
}

export function objectAt(items: unknown[], i: number, name: string): Input {
  const v = items[i];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidParameterException(`${name}[${i}] must be an object`);
  return v as Input;
}

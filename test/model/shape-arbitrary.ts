// Values of a model shape, from the generated tables: what a valid request or response may hold
// (lists and maps kept short, so a whole RegisterTaskDefinition stays small), and the schema walk
// the mutation property uses to find every member of a value.
import fc from 'fast-check';
import type { ShapeTable } from '../../src/model/table-types.js';
import { SHAPE_TABLES, type ShapeName } from '../../src/model/tables.generated.js';

const ALPHABET = [...'abcXYZ019_.:/=+-@ '];
const table = (name: string): ShapeTable => SHAPE_TABLES[name as ShapeName];
const cache = new Map<string, fc.Arbitrary<unknown>>();

/** Any value the model allows for `shape` (model enum values only). */
export function valueOf(shape: string): fc.Arbitrary<unknown> {
  let arb = cache.get(shape);
  if (arb === undefined) {
    arb = build(table(shape));
    cache.set(shape, arb);
  }
  return arb;
}

function build(t: ShapeTable): fc.Arbitrary<unknown> {
  switch (t.type) {
    case 'structure': {
      const members = Object.fromEntries(Object.entries(t.members).map(([m, s]) => [m, valueOf(s)]));
      return fc.record(members, { requiredKeys: [...(t.required ?? [])] });
    }
    case 'list':
      return fc.array(valueOf(t.member), { minLength: t.min ?? 0, maxLength: Math.min(t.max ?? 2, 2) });
    case 'map':
      return fc.dictionary(valueOf(t.key) as fc.Arbitrary<string>, valueOf(t.value), { maxKeys: 2 });
    case 'string': {
      if (t.enum !== undefined) return fc.constantFrom(...t.enum);
      const s = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: t.min ?? 0, maxLength: Math.min(t.max ?? 12, 12) });
      const re = t.pattern === undefined ? undefined : new RegExp(t.pattern, 'u');
      return re === undefined ? s : s.filter((v) => re.test(v));
    }
    case 'integer': return fc.integer({ min: Math.max(t.min ?? -(2 ** 31), -(2 ** 31)), max: Math.min(t.max ?? 2 ** 31 - 1, 2 ** 31 - 1) });
    case 'long': return fc.maxSafeInteger();
    case 'double': case 'float': return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'timestamp': return fc.oneof(fc.date({ noInvalidDate: true }), fc.integer({ min: 0, max: 2 ** 31 }));
    case 'blob': return fc.string();
  }
}

/** One member (or item, or map value) inside a value, found by following the model. */
export interface Slot {
  readonly path: string;
  readonly shape: string;
  /** what the slot holds */
  readonly value: unknown;
  /** the value with this slot replaced (a deep copy; the original is left alone) */
  readonly replaced: (root: unknown, by: unknown) => unknown;
}

/** Every slot of `value` (a `shape`; where it is not, the parts that are not are not walked into), outermost first. */
export function slotsOf(shape: string, value: unknown): Slot[] {
  const slots: Slot[] = [];
  const walk = (s: string, v: unknown, path: string, steps: (string | number)[]) => {
    const t = table(s);
    const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
    const visit = (child: string, cv: unknown, childPath: string, key: string | number) => {
      const at = [...steps, key];
      slots.push({ path: childPath, shape: child, value: cv, replaced: (root, by) => setAt(root, at, by) });
      walk(child, cv, childPath, at);
    };
    if (t.type === 'structure' && isObject) {
      for (const [m, child] of Object.entries(t.members)) {
        const cv = (v as Record<string, unknown>)[m];
        if (Object.hasOwn(v as object, m) && cv !== undefined) visit(child, cv, path === '' ? m : `${path}.${m}`, m);
      }
    } else if (t.type === 'list' && Array.isArray(v)) {
      (v as unknown[]).forEach((cv, i) => visit(t.member, cv, `${path}[${i}]`, i));
    } else if (t.type === 'map' && isObject) {
      for (const [k, cv] of Object.entries(v as Record<string, unknown>)) visit(t.value, cv, `${path}[${JSON.stringify(k)}]`, k);
    }
  };
  walk(shape, value, '', []);
  return slots;
}

function setAt(root: unknown, steps: readonly (string | number)[], by: unknown): unknown {
  if (steps.length === 0) return by;
  const [head, ...rest] = steps;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(root[head as number], rest, by);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(root as object)) Object.defineProperty(copy, k, { value: (root as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, head as string, { value: setAt((root as Record<string, unknown>)[head as string], rest, by), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A value of the wrong JSON type for `shape`. */
export function wrongTypeFor(shape: string): unknown {
  switch (table(shape).type) {
    case 'string': return 42;
    case 'integer': case 'long': case 'double': case 'float': return '7';
    case 'boolean': return 'true';
    case 'timestamp': return true;
    case 'structure': case 'map': return 'text';
    case 'list': return { length: 1 };
    case 'blob': return 3;
  }
}

// The checker reads a structure's members in the value's own key order and, only on a fault,
// the members before it in the model's order. Differential test against a reference that walks
// every value in the model's order (the first fault wins, as ECS answers one error): values with
// several faults, their keys in reverse order, must get the same first fault.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../src/model/operations.generated.js';
import { SHAPE_TABLES, type ShapeName } from '../../src/model/tables.generated.js';
import { checkShape, validateRequest } from '../../src/model/validate.js';
import { slotsOf, valueOf, wrongTypeFor } from './shape-arbitrary.js';

type Found = { kind: string; path: string } | null;

/** The first fault in the model's order: structures member by member, as the model lists them. */
function reference(shape: string, v: unknown, path: string): Found {
  const t = SHAPE_TABLES[shape as ShapeName];
  const at = (child: string) => (path === '' ? child : `${path}.${child}`);
  const isRecord = typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
  if (t.type === 'structure' && isRecord) {
    for (const [name, child] of Object.entries(t.members)) {
      const x = Object.hasOwn(v as object, name) ? (v as Record<string, unknown>)[name] : undefined;
      if (x === undefined || x === null) {
        if (t.required?.includes(name)) return { kind: 'required', path: at(name) };
        continue;
      }
      const f = reference(child, x, at(name));
      if (f !== null) return f;
    }
    return null;
  }
  if (t.type === 'list' && Array.isArray(v) && (v.length >= (t.min ?? 0) && v.length <= (t.max ?? Infinity))) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null || v[i] === undefined) return { kind: 'type', path: `${path}[${i}]` };
      const f = reference(t.member, v[i], `${path}[${i}]`);
      if (f !== null) return f;
    }
    return null;
  }
  if (t.type === 'map' && isRecord) {
    for (const k of Object.keys(v as object)) {
      const x = (v as Record<string, unknown>)[k];
      const keyFault = reference(t.key, k, '');
      if (keyFault !== null || x === null || x === undefined) return { kind: keyFault?.kind ?? 'type', path: `${path}[${JSON.stringify(k)}]` };
      const f = reference(t.value, x, `${path}[${JSON.stringify(k)}]`);
      if (f !== null) return f;
    }
    return null;
  }
  // A scalar, or a value of the wrong type for a structure, list or map: the checker's own verdict at this one level.
  const issue = checkShape(shape as ShapeName, v);
  return issue === null ? null : { kind: issue.kind, path: path + (issue.path === '' ? '' : issue.path.startsWith('[') ? issue.path : `.${issue.path}`) };
}

/** A deep copy with every object's keys in reverse order (so the value's order is not the model's). */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (typeof v !== 'object' || v === null || v instanceof Date) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).reverse()) Object.defineProperty(out, k, { value: reversed((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out;
}

const operations = Object.keys(OPERATIONS) as OperationName[];
const shapes = [...new Set(operations.flatMap((op) => [OPERATIONS[op].input, OPERATIONS[op].output])), 'ContainerInstance', 'Task', 'Service', 'TaskDefinition'] as ShapeName[];

/** A valid value of a shape with up to four of its members (at any depth) made wrong: another type, null, or gone. */
const faulty = fc.constantFrom(...shapes).chain((shape) => valueOf(shape).chain((value) => {
  const slots = slotsOf(shape, value);
  const change = fc.record({ slot: fc.nat(Math.max(0, slots.length - 1)), how: fc.constantFrom('type', 'null', 'gone') });
  return fc.array(change, { minLength: 1, maxLength: 4 }).map((changes) => {
    let v = value;
    for (const { slot, how } of changes) {
      // (slots are found again on the changed value: an earlier change may have removed one)
      const now = slotsOf(shape, v);
      const s = now[slot % Math.max(1, now.length)];
      if (s === undefined) break;
      v = s.replaced(v, how === 'type' ? wrongTypeFor(s.shape) : how === 'null' ? null : undefined);
    }
    return { shape, value: v };
  });
}));

describe('the first fault is the first in the model\'s order, whatever the order of the value\'s keys', () => {
  it('checkShape finds the fault a model-order walk finds', () => {
    fc.assert(fc.property(faulty, ({ shape, value }) => {
      for (const v of [value, reversed(value)]) {
        const issue = checkShape(shape, v);
        expect(issue === null ? null : { kind: issue.kind, path: issue.path }).toEqual(reference(shape, v, ''));
      }
    }), { seed: 13, numRuns: 1500 });
  });

  it('a valid request with keys in any order, null and unknown members, validates to the model\'s members only', () => {
    const request = fc.constantFrom(...operations).chain((op) => valueOf(OPERATIONS[op].input).map((input) => ({ op, input })));
    fc.assert(fc.property(request, fc.boolean(), ({ op, input }, stray) => {
      const v = reversed(input) as Record<string, unknown>;
      if (stray) Object.assign(v, { notAMember: 1, alsoNull: null });
      const out = validateRequest(op, v);
      expect(out).toEqual(input);
      expect(out === v).toBe(!stray);
    }), { seed: 13, numRuns: 300 });
  });
});

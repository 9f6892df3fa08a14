/** Reading JSON from outside: the checker agrees with JSON.parse, faults are located, depth is bounded without recursion. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/cli/io.js';
import { depthFault, jsonFaultAt, MAX_JSON_DEPTH, parseJsonText } from '../../src/protocol/json-text.js';

const nested = (levels: number, inner = '1') => '['.repeat(levels) + inner + ']'.repeat(levels);

describe('jsonFaultAt', () => {
  it('finds no error in valid JSON, and an error wherever JSON.parse finds one', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', ':', 'x', '-', '\\', '\n', '{', '['), fc.nat(3)).map(([text, at, insert, drop]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + drop);
    });
    fc.assert(fc.property(fc.oneof(fc.json(), mutated), (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonFaultAt(text) === null).toBe(valid);
    }), { numRuns: 2000 });
  });

  it('reports the line and column of the first offending character', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b": tru\n}', 'scenario x')).toThrow("scenario x: line 3, column 11: not valid JSON: expected 'true' but found '\n'");
    expect(() => parseJson('[1, 2', 'f')).toThrow("f: line 1, column 6: not valid JSON: expected ',' or ']' after an array element but found end of input");
    expect(() => parseJson('', 'f')).toThrow('f: line 1, column 1: not valid JSON: expected a value but found end of input');
    expect(() => parseJson('{"a": 1,}', 'f')).toThrow("f: line 1, column 9: not valid JSON: expected a property name in double quotes but found '}'");
    expect(() => parseJson('[,1]', 'f')).toThrow("f: line 1, column 2: not valid JSON: expected a value but found ','");
  });

  it('checks 100,000 levels of nesting without running out of stack', () => {
    expect(jsonFaultAt(nested(100_000))).toBeNull();
    expect(jsonFaultAt(nested(100_000).slice(0, -1))).toMatchObject({ offset: 200_000, reason: "expected ',' or ']' after an array element but found end of input" });
    expect(jsonFaultAt(nested(100_000), 10)).toEqual({ offset: 10, reason: 'nested deeper than 10 levels', tooDeep: true });
  });
});

describe('depth bound', () => {
  it('depthFault counts brackets outside strings only', () => {
    expect(depthFault(nested(3), 3)).toBeNull();
    expect(depthFault(nested(4), 3)).toMatchObject({ offset: 3 });
    expect(depthFault(`[${JSON.stringify('[[[[\\"[[[[')}]`, 1)).toBeNull();
    expect(depthFault('{"a": {"b": {}}}', 2)).toMatchObject({ offset: 12 });
  });

  it('agrees with the iterative checker on every valid JSON text', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), fc.integer({ min: 0, max: 6 }), (text, max) => {
      expect(depthFault(text, max)?.offset ?? null).toBe(jsonFaultAt(text, max)?.offset ?? null);
    }), { numRuns: 1000 });
  });

  it('parseJsonText refuses deep input (valid or not) with line and column, and reads MAX_JSON_DEPTH levels', () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseJsonText(`\n  ${nested(100_000)}`)).toEqual({ ok: false, fault: { offset: 3 + MAX_JSON_DEPTH, line: 2, column: 3 + MAX_JSON_DEPTH, reason: `nested deeper than ${MAX_JSON_DEPTH} levels`, tooDeep: true } });
    expect(parseJsonText('['.repeat(100_000))).toMatchObject({ ok: false, fault: { offset: MAX_JSON_DEPTH, tooDeep: true } });
    // A syntax error before the deep part is the first fault.
    expect(parseJsonText(`[x, ${nested(100_000)}]`)).toMatchObject({ ok: false, fault: { offset: 1, reason: "expected a value but found 'x'" } });
  });

  it('the CLI reader says where JSON nests too deep', () => {
    expect(() => parseJson(nested(100_000), 'f')).toThrow(`f: line 1, column ${MAX_JSON_DEPTH + 1}: JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  });
});

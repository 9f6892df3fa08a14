/** The JSON checker that locates syntax errors agrees with JSON.parse on what is valid. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/cli/io.js';
import { jsonErrorAt } from '../../src/cli/json-position.js';

describe('jsonErrorAt', () => {
  it('finds no error in valid JSON, and an error wherever JSON.parse finds one', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', ':', 'x', '-', '\\', '\n'), fc.nat(3)).map(([text, at, insert, drop]) => {
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
      expect(jsonErrorAt(text) === null).toBe(valid);
    }), { numRuns: 2000 });
  });

  it('reports the line and column of the first offending character', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b": tru\n}', 'scenario x')).toThrow("scenario x: line 3, column 11: not valid JSON: expected 'true' but found '\n'");
    expect(() => parseJson('[1, 2', 'f')).toThrow("f: line 1, column 6: not valid JSON: expected ',' or ']' after an array element but found end of input");
    expect(() => parseJson('', 'f')).toThrow('f: line 1, column 1: not valid JSON: expected a value but found end of input');
  });
});

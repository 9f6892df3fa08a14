import { describe, expect, it } from 'vitest';
import { CqlSyntaxError, parseFilter } from '../../src/cql/index.js';

describe('CQL refuses =~ patterns too costly to run over stored values', () => {
  it('names the line, the column of the pattern and what is too large', () => {
    const filter = "attribute:stack == prod and\n  attribute:rack =~ '(?:[\\p{L}\\p{N}]{1,100}){1,10}'";
    let error: unknown;
    try {
      parseFilter(filter);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CqlSyntaxError);
    const message = (error as Error).message;
    expect(message).toMatch(/line 2, column 22/);
    expect(message).toMatch(/regular expression too large at offset 0 of the pattern: it compiles to \d+ instructions, more than the 500 allowed/);
  });

  it('refuses nested counted repetitions whose product exceeds 1000', () => {
    expect(() => parseFilter("attribute:a =~ '(a{1,1000}){1,1000}'")).toThrow(/line 1, column 28: .*\{1,1000\}.*1000/);
  });
});

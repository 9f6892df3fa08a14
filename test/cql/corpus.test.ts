// The CQL corpus (grammar/corpus/): every valid expression parses and survives print → parse;
// every invalid one is refused with exactly the stated line, column and message fragment.
// The file formats are described at the top of each corpus file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CqlSyntaxError, parseFilter, print } from '../../src/cql/index.js';

const CORPUS = new URL('../../grammar/corpus/', import.meta.url);

interface Line {
  /** 1-based line in the corpus file. */
  readonly at: number;
  /** The line as written (for `@` lines, escapes not yet undone). */
  readonly text: string;
}

/** `@` lines: `\n`, `\r`, `\t` stand for line feed, carriage return and tab. */
function unescape(raw: string): string {
  if (!raw.startsWith('@')) return raw;
  return raw.slice(1).replace(/\\([nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\t'));
}

/** The entries of a corpus file: comment lines (`#`) and blank lines skipped. */
function entries(file: string): Line[] {
  const text = readFileSync(new URL(file, CORPUS), 'utf8');
  return text
    .split('\n')
    .map((raw, i) => ({ raw, at: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.startsWith('#'))
    .map(({ raw, at }) => ({ at, text: raw }));
}

/** A readable test name for an expression: escapes shown, long ones shortened. */
function label(expression: string): string {
  if (expression === '') return '(empty)';
  const shown = JSON.stringify(expression).slice(1, -1);
  return shown.length > 90 ? `${shown.slice(0, 60)}… (${expression.length} characters)` : shown;
}

const valid = entries('valid.txt').map(({ at, text }) => ({ at, expression: unescape(text) }));

interface InvalidEntry {
  readonly at: number;
  readonly expression: string;
  readonly line: number;
  readonly column: number;
  readonly fragment: string;
}

/** `expression<TAB>line<TAB>column<TAB>fragment`: the expression is everything before the last three tabs. */
const invalid: InvalidEntry[] = entries('invalid.txt').map(({ at, text }) => {
  const fields = text.split('\t');
  if (fields.length < 4) throw new Error(`grammar/corpus/invalid.txt:${at}: expected expression<TAB>line<TAB>column<TAB>fragment`);
  const [line, column, fragment] = fields.slice(-3) as [string, string, string];
  const expression = unescape(fields.slice(0, -3).join('\t'));
  if (!/^[1-9][0-9]*$/.test(line) || !/^[1-9][0-9]*$/.test(column) || fragment === '') {
    throw new Error(`grammar/corpus/invalid.txt:${at}: line and column must be positive integers and the fragment non-empty`);
  }
  return { at, expression, line: Number(line), column: Number(column), fragment };
});

describe('grammar/corpus/valid.txt', () => {
  it('holds at least 110 expressions', () => {
    expect(valid.length).toBeGreaterThanOrEqual(110);
  });

  for (const { at, expression } of valid) {
    it(`valid.txt:${at}: ${label(expression)}`, () => {
      const ast = parseFilter(expression);
      const printed = print(ast);
      expect(parseFilter(printed), `printed as ${printed}`).toEqual(ast);
      // The printed form is a fixed point.
      expect(print(parseFilter(printed))).toBe(printed);
    });
  }
});

describe('grammar/corpus/invalid.txt', () => {
  it('holds at least 60 entries', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(60);
  });

  for (const { at, expression, line, column, fragment } of invalid) {
    it(`invalid.txt:${at}: ${label(expression)} → ${line}:${column} "${fragment.length > 60 ? fragment.slice(0, 60) + '…' : fragment}"`, () => {
      let error: unknown;
      try {
        parseFilter(expression);
      } catch (e) {
        error = e;
      }
      expect(error, 'expected a CqlSyntaxError').toBeInstanceOf(CqlSyntaxError);
      const e = error as CqlSyntaxError;
      expect({ line: e.line, column: e.column }, e.message).toEqual({ line, column });
      expect(e.message).toContain(fragment);
    });
  }
});

/**
 * Reading what the user hands over (a file, or stdin for `-`) and parsing JSON with the line and
 * column of a syntax error, so a bad file is reported as precisely as a bad filter.
 */
import { readFileSync } from 'node:fs';
import { InvalidParameterException } from '../errors.js';
import { jsonErrorAt } from './json-position.js';

/** The text of `path`, or of stdin when `path` is `-`. `what` names the input in errors. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new InvalidParameterException(`${what}: cannot read ${path === '-' ? 'stdin' : `'${path}'`}: ${reason}`);
  }
}

/** 1-based line and column of a 0-based offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** JSON.parse, with a syntax error reported as `<what>: line L, column C: <reason>`. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8 does not always say where; the checker does.
    const error = jsonErrorAt(text) ?? { offset: 0, reason: (e as Error).message };
    const { line, column } = lineColumn(text, error.offset);
    throw new InvalidParameterException(`${what}: line ${line}, column ${column}: not valid JSON: ${error.reason}`);
  }
}

/** A filter from the command line: the text itself, or stdin for `-` (surrounding whitespace dropped). */
export function filterText(argument: string): string {
  return argument === '-' ? readText('-', 'filter').trim() : argument;
}

/** Writes a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

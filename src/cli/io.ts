/**
 * Reading what the user hands over (a file, or stdin for `-`) and parsing JSON with the line and
 * column of a syntax error (or of nesting too deep to walk), so a bad file is reported as
 * precisely as a bad filter.
 */
import { readFileSync } from 'node:fs';
import { InvalidParameterException } from '../errors.js';
import { describeJsonFault, parseJsonText } from '../protocol/json-text.js';

/** The text of `path`, or of stdin when `path` is `-`. `what` names the input in errors. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new InvalidParameterException(`${what}: cannot read ${path === '-' ? 'stdin' : `'${path}'`}: ${reason}`);
  }
}

/**
 * JSON text as a value; a syntax error, or nesting deeper than MAX_JSON_DEPTH, is an
 * InvalidParameterException (exit 2) `<what>: line L, column C: not valid JSON: <reason>`.
 */
export function parseJson(text: string, what: string): unknown {
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  throw new InvalidParameterException(`${what}: ${describeJsonFault(parsed.fault)}`);
}

/** A filter from the command line: the text itself, or stdin for `-` (surrounding whitespace dropped). */
export function filterText(argument: string): string {
  return argument === '-' ? readText('-', 'filter').trim() : argument;
}

/** Writes a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

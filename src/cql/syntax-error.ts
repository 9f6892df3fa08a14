import { InvalidParameterException } from '../errors.js';

/** What kind of problem a {@link CqlSyntaxError} reports. */
export type CqlErrorKind =
  /** the text does not follow the grammar */
  | 'syntax'
  /** well-formed, but an operator or value does not fit its subject */
  | 'type'
  /** a size limit (length, nesting depth, list length) was exceeded */
  | 'limit';

export interface CqlErrorDetails {
  readonly kind: CqlErrorKind;
  /** What the expression is called in messages: `filter`, `expression`, `placementConstraints[0].expression`. */
  readonly source: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** 0-based offset of the problem in the text. */
  readonly offset: number;
  /** The offending text, or `null` at end of input. */
  readonly found: string | null;
  /** What would have been accepted there, in words; `null` when not a question of grammar. */
  readonly expected: string | null;
  /** The message without its position prefix. */
  readonly reason: string;
}

/**
 * A CQL expression that cannot be compiled. It is an `InvalidParameterException` (the error
 * ECS answers a bad filter or constraint expression with), so it can cross the API edge as
 * is, and it carries the position and what was expected.
 *
 * @example
 * try { parseFilter('runningTasksCount == '); }
 * catch (e) {
 *   if (e instanceof CqlSyntaxError) console.log(e.line, e.column, e.expected);
 *   // e.message: "filter: line 1, column 22: expected a value after '==' but found end of input"
 * }
 */
export class CqlSyntaxError extends InvalidParameterException implements CqlErrorDetails {
  readonly kind: CqlErrorKind;
  readonly source: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly found: string | null;
  readonly expected: string | null;
  readonly reason: string;

  constructor(details: CqlErrorDetails) {
    super(`${details.source}: line ${details.line}, column ${details.column}: ${details.reason}`);
    this.kind = details.kind;
    this.source = details.source;
    this.line = details.line;
    this.column = details.column;
    this.offset = details.offset;
    this.found = details.found;
    this.expected = details.expected;
    this.reason = details.reason;
  }
}

/** 1-based line and column of an offset, counting `\n`, `\r\n` and lone `\r` as line ends. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Builds the error for a problem at `offset` in `text`. */
export function cqlError(
  text: string,
  source: string,
  kind: CqlErrorKind,
  offset: number,
  reason: string,
  found: string | null = null,
  expected: string | null = null,
): CqlSyntaxError {
  const { line, column } = lineAndColumn(text, offset);
  return new CqlSyntaxError({ kind, source, line, column, offset, found, expected, reason });
}

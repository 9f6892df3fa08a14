/**
 * Text → checked AST: limits, lexing, parsing, type checks, each error as a CqlSyntaxError.
 */
import { Lexer } from 'chevrotain';
import type { Expr } from './ast.js';
import { check } from './check.js';
import { parseErrorToCql } from './messages.js';
import { CqlParser, DepthLimitExceeded, MAX_DEPTH } from './parser.js';
import { cqlError } from './syntax-error.js';
import { lexerDefinition } from './tokens.js';

/** The longest expression accepted: ECS's limit for `memberOf` expressions. */
export const MAX_EXPRESSION_LENGTH = 2000;

export interface ParseOptions {
  /** What the expression is called in error messages; default `filter`. */
  readonly source?: string;
}

// Built once: building a Chevrotain lexer or parser costs milliseconds, using one microseconds.
const lexer = new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: false });
const parser = new CqlParser();

/**
 * Parses and checks a CQL expression.
 *
 * @example
 * parseFilter('attribute:ecs.instance-type =~ t2.* and runningTasksCount < 5');
 * // { kind: 'and', operands: [ { kind: 'compare', op: '=~', ... }, { kind: 'compare', op: '<', ... } ] }
 * @throws CqlSyntaxError (an InvalidParameterException) with line, column and what was expected.
 */
export function parseFilter(text: string, options: ParseOptions = {}): Expr {
  const source = options.source ?? 'filter';
  if (typeof text !== 'string') {
    throw cqlError('', source, 'syntax', 0, `expected the expression as a string but got ${text === null ? 'null' : typeof text}`);
  }
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw cqlError(text, source, 'limit', MAX_EXPRESSION_LENGTH,
      `expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`);
  }
  const lexed = lexer.tokenize(text);
  parser.beginParse();
  parser.input = lexed.tokens;
  let ast: Expr;
  try {
    ast = parser.expression();
  } catch (e) {
    if (e instanceof DepthLimitExceeded) {
      throw cqlError(text, source, 'limit', e.token.startOffset,
        `expression nests parentheses and 'not' more than ${MAX_DEPTH} deep`, e.token.image);
    }
    throw e;
  }
  // Every lexer mode ends with the catch-all error token `Unexpected`, so lexing cannot fail:
  // a stray character reaches the parser as a token no rule accepts, and the parse error words it.
  if (lexed.errors.length > 0) throw new Error(`CQL lexer failed despite its catch-all token: ${lexed.errors[0]!.message}`);
  const parseError = parser.errors[0];
  if (parseError) throw parseErrorToCql(text, source, lexed.tokens, parseError);
  check(ast, text, source, parser.leafTokens);
  return ast;
}

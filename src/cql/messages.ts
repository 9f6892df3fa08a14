/**
 * Message wording for CQL errors, kept apart from detection (as Chevrotain keeps
 * `errors_public.ts`). The parser reports where it stopped; this file says, from the token
 * before that point, what a person should have written there.
 */
import { EOF, tokenMatcher, type ILexingError, type IRecognitionException, type IToken } from 'chevrotain';
import { FIELDS } from './ast.js';
import * as T from './tokens.js';
import { cqlError, type CqlSyntaxError } from './syntax-error.js';

const SUBJECT_NAMES = FIELDS.map((f) => (f === 'attribute' ? 'attribute:<name>' : f));
const KEYWORDS = [
  'and', 'or', 'not', 'in', 'not_in', 'exists', 'not_exists', 'equals', 'not_equals', 'matches', 'not_matches',
  'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
];

export const EXPECT_SUBJECT = `a subject (${SUBJECT_NAMES.join(', ')}), 'not' or '('`;
export const EXPECT_OPERATOR =
  "an operator (==, !=, >, >=, <, <=, =~, !~, in, !in, exists, !exists, or a word form such as 'equals')";
export const EXPECT_VALUE = 'a value';
export const EXPECT_LIST = "'[' to start a list";
export const EXPECT_LIST_NEXT = "',' or ']'";

function quoted(text: string): string {
  return `'${text.length > 40 ? text.slice(0, 40) + '…' : text}'`;
}

function describeFound(token: IToken): string {
  if (tokenMatcher(token, EOF)) return 'end of input';
  if (token.image === "'" || token.image === '"') return `an unterminated quoted value starting with ${token.image}`;
  return quoted(token.image);
}

/** What may follow a complete comparison, given how many parentheses are open. */
function expectAfterComparison(openParens: number): string {
  return openParens > 0 ? "'and', 'or' or ')'" : "'and', 'or' or end of input";
}

function openParensBefore(tokens: readonly IToken[], offset: number): number {
  let open = 0;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    if (t.tokenType === T.LParen) open++;
    else if (t.tokenType === T.RParen) open--;
  }
  return open;
}

function isValueToken(t: IToken): boolean {
  return tokenMatcher(t, T.Value);
}

/** What the grammar wanted after `previous` (undefined at the start of the text). */
function expectedAfter(previous: IToken | undefined, tokens: readonly IToken[], offset: number): string {
  if (previous === undefined) return EXPECT_SUBJECT;
  const p = previous.tokenType;
  if (tokenMatcher(previous, T.Subject)) return EXPECT_OPERATOR;
  if (tokenMatcher(previous, T.CompareOperator)) return EXPECT_VALUE;
  if (tokenMatcher(previous, T.ListOperator)) return EXPECT_LIST;
  if (p === T.LBracket || p === T.Comma) return EXPECT_VALUE;
  if (p === T.ListBareValue || p === T.ListQuotedValue) return EXPECT_LIST_NEXT;
  if (isValueToken(previous) || tokenMatcher(previous, T.ExistsOperator) || p === T.RParen || p === T.RBracket) {
    return expectAfterComparison(openParensBefore(tokens, offset));
  }
  return EXPECT_SUBJECT; // after '(', 'not', 'and', 'or'
}

/** A hint for a near miss: wrong case, a single '=' or '&', a value that needs quotes. */
function hint(found: IToken, expected: string): string {
  const image = found.image;
  if (found.tokenType === T.Identifier) {
    const lower = image.toLowerCase();
    const subject = SUBJECT_NAMES.find((s) => s.toLowerCase() === lower || (s === 'attribute:<name>' && lower.startsWith('attribute:')));
    if (expected === EXPECT_SUBJECT && subject) return ` (did you mean '${subject === 'attribute:<name>' ? 'attribute:' + image.slice(10) : subject}'? subjects are case-sensitive)`;
    if (KEYWORDS.includes(lower)) return ` (keywords are lower-case: '${lower}')`;
    if (expected === EXPECT_SUBJECT) return ' (unknown subject)';
  }
  if (expected === EXPECT_VALUE && found.tokenType === T.NotAValue && image === '[') {
    return " (a list goes with 'in' or '!in')";
  }
  if (expected === EXPECT_VALUE && found.tokenType === T.NotAValue && image !== "'" && image !== '"') {
    return ' (quote a value that contains spaces, parentheses, brackets, commas, && or ||)';
  }
  return '';
}

function previousToken(tokens: readonly IToken[], offset: number): IToken | undefined {
  let prev: IToken | undefined;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    prev = t;
  }
  return prev;
}

/** Turns the parser's first recognition error into a message about what was expected. */
export function parseErrorToCql(
  text: string,
  source: string,
  tokens: readonly IToken[],
  error: IRecognitionException,
): CqlSyntaxError {
  const found = error.token;
  const atEnd = tokenMatcher(found, EOF);
  const offset = atEnd ? text.length : found.startOffset;
  const previous = previousToken(tokens, offset);
  if (!atEnd && found.tokenType === T.RParen && openParensBefore(tokens, offset) === 0
    && previous !== undefined && expectedAfter(previous, tokens, offset) !== EXPECT_SUBJECT) {
    return cqlError(text, source, 'syntax', offset, "unmatched ')'", ')', 'end of input');
  }
  const expected = expectedAfter(previous, tokens, offset);
  const after = previous === undefined ? '' : ` after ${quoted(previous.image)}`;
  const reason = `expected ${expected}${after} but found ${describeFound(found)}${atEnd ? '' : hint(found, expected)}`;
  return cqlError(text, source, 'syntax', offset, reason, atEnd ? null : found.image, expected);
}

/** Turns a lexing error (a character no token starts with) into a message. */
export function lexErrorToCql(text: string, source: string, error: ILexingError): CqlSyntaxError {
  const ch = text.slice(error.offset, error.offset + 1);
  const suggestions: Record<string, string> = {
    '=': " (did you mean '=='?)",
    '&': " (did you mean '&&'?)",
    '|': " (did you mean '||'?)",
    '~': " (did you mean '=~'?)",
  };
  const extra = suggestions[ch] ?? (/[0-9]/.test(ch) ? ' (an expression starts with a subject)' : '');
  return cqlError(text, source, 'syntax', error.offset, `unexpected character ${quoted(ch)}${extra}`, ch, null);
}

/**
 * Message wording for CQL errors, kept apart from detection (as Chevrotain keeps
 * `errors_public.ts`). The parser reports where it stopped; this file says, from the tokens
 * around that point, what a person should have written there.
 *
 * Every syntax error arrives here as a parse error: the lexer never fails, because each of its
 * modes ends with the error token `Unexpected` (see `tokens.ts`), which no rule consumes. So a
 * stray character is reported like any other misplaced token, with what was expected after
 * what came before it, and a hint for the usual causes (a near-miss operator, a value that
 * needs quotes, an invisible character, an unclosed parenthesis).
 */
import { EOF, tokenMatcher, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { FIELDS } from './ast.js';
import { valueOf } from './parser.js';
import { cqlError, lineAndColumn, type CqlSyntaxError } from './syntax-error.js';
import * as T from './tokens.js';

const SUBJECT_NAMES: readonly string[] = FIELDS.map((f) => (f === 'attribute' ? 'attribute:<name>' : f));
const KEYWORDS = [
  'and', 'or', 'not', 'in', 'not_in', 'exists', 'not_exists', 'equals', 'not_equals', 'matches', 'not_matches',
  'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
];
const OPERATOR_WORDS = KEYWORDS.filter((k) => !['and', 'or', 'not'].includes(k));

export const EXPECT_SUBJECT = `a subject (${SUBJECT_NAMES.join(', ')}), 'not' or '('`;
export const EXPECT_OPERATOR =
  "an operator (==, !=, >, >=, <, <=, =~, !~, in, !in, exists, !exists, or a word form such as 'equals')";
export const EXPECT_VALUE = 'a value';
export const EXPECT_LIST = "'[' to start a list";
export const EXPECT_LIST_NEXT = "',' or ']'";

/** The quoting rule, as hints state it. */
const VALUE_QUOTING = 'a value containing spaces, parentheses, commas, && or || must be quoted';
const LIST_ITEM_QUOTING = 'a list item containing spaces, parentheses, brackets, commas, && or || must be quoted';
const LIST_PLACE = "a list goes after 'in' or '!in'";

// ---- showing text in messages ---------------------------------------------------------------

/** Control, format, unassigned and separator characters: shown by code point, not as is. */
const INVISIBLE = /[\p{C}\p{Z}]/u;
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00: 'null', 0x09: 'tab', 0x0a: 'line feed', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x0d: 'carriage return',
  0x7f: 'delete', 0x85: 'next line', 0xa0: 'no-break space', 0xad: 'soft hyphen', 0x1680: 'ogham space mark',
  0x180e: 'Mongolian vowel separator', 0x2000: 'en quad', 0x2001: 'em quad', 0x2002: 'en space', 0x2003: 'em space',
  0x2004: 'three-per-em space', 0x2005: 'four-per-em space', 0x2006: 'six-per-em space', 0x2007: 'figure space',
  0x2008: 'punctuation space', 0x2009: 'thin space', 0x200a: 'hair space', 0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner', 0x200d: 'zero-width joiner', 0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark', 0x2028: 'line separator', 0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x202f: 'narrow no-break space',
  0x205f: 'medium mathematical space', 0x2060: 'word joiner', 0x3000: 'ideographic space',
  0xfeff: 'zero-width no-break space, byte order mark',
};

function isInvisible(ch: string): boolean {
  return ch !== ' ' && INVISIBLE.test(ch);
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character for a message: `'@'`, or `U+00A0 (no-break space)` when it cannot be seen. */
export function describeCharacter(ch: string): string {
  if (!isInvisible(ch)) return show(ch);
  const name = CHARACTER_NAMES[ch.codePointAt(0)!];
  return name ? `${codePoint(ch)} (${name})` : codePoint(ch);
}

/**
 * Text quoted for a message: in single quotes, or in double quotes when it contains a single
 * quote and no double quote (`"'x'"`); invisible characters written as `<U+200B>`; cut after 40
 * characters.
 */
export function show(text: string): string {
  let shown = '';
  let count = 0;
  for (const ch of text) {
    if (count++ === 40) {
      shown += '…';
      break;
    }
    shown += isInvisible(ch) ? `<${codePoint(ch)}>` : ch;
  }
  return shown.includes("'") && !shown.includes('"') ? `"${shown}"` : `'${shown}'`;
}

/** The one character of `text`, if it is exactly one (code point). */
function singleCharacter(text: string): string | null {
  const [first, second] = [...text];
  return first !== undefined && second === undefined ? first : null;
}

function describeFound(token: IToken): string {
  if (tokenMatcher(token, EOF)) return 'end of input';
  const image = token.image;
  if (image === "'" || image === '"') return `an unterminated quoted value starting with ${show(image)}`;
  const ch = singleCharacter(image);
  return ch !== null ? describeCharacter(ch) : show(image);
}

/** The token before the error: a value is named as such, with its text (`the value 'x'`). */
function describePrevious(token: IToken): string {
  return isValueToken(token) ? `the value ${show(valueOf(token))}` : show(token.image);
}

// ---- spellings and near misses --------------------------------------------------------------

type Role = 'operator' | 'connective' | 'not' | 'other';

/** Every fixed spelling of a default-mode token, with the role it plays in the grammar. */
const SPELLINGS: ReadonlyMap<string, Role> = new Map(
  [...T.defaultModeTokens.flatMap((t) => (typeof t.PATTERN === 'string' ? [[t.PATTERN, t] as const] : [])),
    ['!exists', T.NotExistsSymbol] as const, ['!in', T.NotInSymbol] as const]
    .map(([spelling, token]) => [spelling, roleOf(token)] as const),
);

function roleOf(token: TokenType): Role {
  const categories = token.CATEGORIES ?? [];
  if ([T.CompareOperator, T.ExistsOperator, T.ListOperator].some((c) => categories.includes(c))) return 'operator';
  if (categories.includes(T.AndOperator) || categories.includes(T.OrOperator)) return 'connective';
  if (categories.includes(T.NotOperator)) return 'not';
  return 'other';
}

/**
 * Spellings that are not tokens but are close to one: other languages' operators, doubled or
 * swapped characters, a single `&` or `|`, and look-alike symbols.
 */
const NEAR_MISSES: Readonly<Record<string, string>> = {
  '=': '==', '===': '==', '!==': '!=', '=!': '!=', '<>': '!=', '=>': '>=', '=<': '<=', '>==': '>=', '<==': '<=',
  '~': '=~', '~=': '=~', '==~': '=~', '!=~': '!~', '~!': '!~', '=!~': '!~',
  '&': '&&', '&&&': '&&', '|': '||', '|||': '||',
  '≠': '!=', '≥': '>=', '≤': '<=', '∧': 'and', '∨': 'or', '¬': 'not',
};

/**
 * The operator meant by `spelling` (`=>` → `>=`, `!==` → `!=`), or undefined if none is close.
 * A valid spelling is its own answer.
 */
export function operatorMeant(spelling: string): string | undefined {
  if (SPELLINGS.get(spelling) === 'operator') return spelling;
  const meant = NEAR_MISSES[spelling];
  return meant !== undefined && SPELLINGS.get(meant) === 'operator' ? meant : undefined;
}

/** A value made only of operator characters: likely the tail of a mistyped operator (`!==`). */
export const OPERATOR_CHARACTERS = /^[=!<>~]+$/;

/** The role of the token the parser wanted, read from the `expected` wording. */
function expectedRole(expected: string): Role | null {
  if (expected === EXPECT_OPERATOR) return 'operator';
  if (expected === EXPECT_SUBJECT) return 'not';
  if (expected.startsWith("'and', 'or'")) return 'connective';
  return null;
}

/** Negated spellings of a positive operator, for `not in` / `! exists`. */
const NEGATED: ReadonlyMap<TokenType, readonly [string, string]> = new Map([
  [T.InWord, ['not_in', '!in']],
  [T.ExistsWord, ['not_exists', '!exists']],
  [T.Equals, ['not_equals', '!=']],
  [T.EqualsWord, ['not_equals', '!=']],
  [T.Matches, ['not_matches', '!~']],
  [T.MatchesWord, ['not_matches', '!~']],
]);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Words close to `word` (at most 2 edits, fewer than half its length, or it is a prefix of 4+ letters). */
function closeWords(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  return candidates
    .map((c) => ({ c, d: c.toLowerCase().startsWith(lower) && lower.length >= 4 ? 0.5 : distance(lower, c.toLowerCase()) }))
    .filter(({ d }) => d <= 2 && d * 2 < lower.length)
    .sort((x, y) => x.d - y.d)
    .slice(0, 2)
    .map(({ c }) => c);
}

function orList(words: readonly string[]): string {
  return words.map((w) => `'${w}'`).join(' or ');
}

// ---- what was expected ----------------------------------------------------------------------

/** What may follow a complete comparison, given how many parentheses are open. */
function expectAfterComparison(openParens: number): string {
  return openParens > 0 ? "'and', 'or' or ')'" : "'and', 'or' or end of input";
}

/** The `(` tokens before `offset` that are not closed before it, outermost first. */
function unclosedParens(tokens: readonly IToken[], offset: number): IToken[] {
  const open: IToken[] = [];
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    if (t.tokenType === T.LParen) open.push(t);
    else if (t.tokenType === T.RParen) open.pop();
  }
  return open;
}

function isValueToken(t: IToken): boolean {
  return tokenMatcher(t, T.Value);
}

function isListItem(t: IToken): boolean {
  return t.tokenType === T.ListBareValue || t.tokenType === T.ListQuotedValue;
}

/** What the grammar wanted after `previous` (undefined at the start of the text). */
function expectedAfter(previous: IToken | undefined, tokens: readonly IToken[], offset: number): string {
  if (previous === undefined) return EXPECT_SUBJECT;
  const p = previous.tokenType;
  if (tokenMatcher(previous, T.Subject)) return EXPECT_OPERATOR;
  if (tokenMatcher(previous, T.CompareOperator)) return EXPECT_VALUE;
  if (tokenMatcher(previous, T.ListOperator)) return EXPECT_LIST;
  if (p === T.LBracket || p === T.Comma) return EXPECT_VALUE;
  if (isListItem(previous)) return EXPECT_LIST_NEXT;
  if (isValueToken(previous) || tokenMatcher(previous, T.ExistsOperator) || p === T.RParen || p === T.RBracket) {
    return expectAfterComparison(unclosedParens(tokens, offset).length);
  }
  return EXPECT_SUBJECT; // after '(', 'not', 'and', 'or'
}

// ---- hints ----------------------------------------------------------------------------------

/** The tokens around the error, for the hint rules. */
interface Context {
  readonly text: string;
  readonly found: IToken;
  readonly previous: IToken | undefined;
  /** The token before `previous`. */
  readonly beforePrevious: IToken | undefined;
  readonly next: IToken | undefined;
  readonly expected: string;
}

const end = (t: IToken): number => t.startOffset + t.image.length;
/** Only white space (at least one character of it) between two tokens. */
const spaced = (text: string, a: IToken, b: IToken): boolean => end(a) < b.startOffset && text.slice(end(a), b.startOffset).trim() === '';
const adjacent = (a: IToken, b: IToken): boolean => end(a) === b.startOffset;

const WHOLE_BARE_VALUE = new RegExp(`^(?:${T.BARE_VALUE.source})$`);

/** A word-like token that may be the rest of a value: `22:28:28`, `York`, `b`. */
function wordLike(t: IToken): boolean {
  if (t.tokenType === T.Identifier || t.tokenType === T.ListBareValue) return true;
  return t.tokenType === T.Unexpected && WHOLE_BARE_VALUE.test(t.image) && !/^[=!<>~&|]/.test(t.image);
}

/** A hint for the usual causes of an error at `found`, or `''`. The first rule that applies wins. */
function hint(c: Context): string {
  const { found, previous, expected } = c;
  const image = found.image;
  const role = expectedRole(expected);

  // An invisible or unusual white-space character.
  const ch = singleCharacter(image);
  if (found.tokenType === T.Unexpected && ch !== null && isInvisible(ch)) {
    return /[\s\p{Z}]/u.test(ch)
      ? ' (only spaces, tabs and line breaks may separate tokens; a value containing other white space must be quoted)'
      : ' (an invisible character; delete it)';
  }

  if (found.tokenType === T.Identifier) {
    // Wrong case.
    const lower = image.toLowerCase();
    const subject = SUBJECT_NAMES.find((s) => s.toLowerCase() === lower || (s === 'attribute:<name>' && lower.startsWith('attribute:')));
    if (expected === EXPECT_SUBJECT && subject) return ` (did you mean '${subject === 'attribute:<name>' ? 'attribute:' + image.slice(10) : subject}'? subjects are case-sensitive)`;
    if (KEYWORDS.includes(lower)) return ` (keywords are lower-case: '${lower}')`;
  }

  // `not in`, `! exists`: a negation written apart from its operator.
  if (role === 'operator' && tokenMatcher(found, T.NotOperator) && c.next) {
    const joined = image + c.next.image;
    if (image === '!' && spaced(c.text, found, c.next) && SPELLINGS.get(joined) === 'operator') return ` (write '${joined}' without a space)`;
    const negated = NEGATED.get(c.next.tokenType);
    if (negated) return ` (did you mean ${orList(negated)}?)`;
  }

  // A symbol near an operator or connective: `=`, `=>`, `& &`, `&&&`, `∧`.
  if (found.tokenType === T.Unexpected && role !== null) {
    if (c.next && spaced(c.text, found, c.next) && SPELLINGS.get(image + c.next.image) === role) {
      return ` (write '${image + c.next.image}' without a space)`;
    }
    const meant = NEAR_MISSES[image];
    if (meant !== undefined && SPELLINGS.get(meant) === role) return ` (did you mean '${meant}'?)`;
    const joined = previous && adjacent(previous, found) && !isValueToken(previous) ? NEAR_MISSES[previous.image + image] : undefined;
    if (joined !== undefined) return ` (did you mean '${joined}'?)`;
  }

  // A word close to one the grammar wanted: `equal`, `adn`, `runningTaskCount`.
  if (found.tokenType === T.Identifier && role !== null) {
    const candidates = role === 'operator' ? OPERATOR_WORDS
      : role === 'connective' ? ['and', 'or']
        : [...SUBJECT_NAMES, 'not'];
    const close = closeWords(image, candidates);
    const subjects = close.every((w) => SUBJECT_NAMES.includes(w));
    if (close.length > 0) return ` (${role === 'not' && subjects ? 'unknown subject; ' : ''}did you mean ${orList(close)}?)`;
  }

  // After a single value (`attribute:a == b ...`).
  if (previous && (previous.tokenType === T.BareValue || previous.tokenType === T.QuotedValue)) {
    const operator = c.beforePrevious;
    if (previous.tokenType === T.BareValue && OPERATOR_CHARACTERS.test(previous.image) && operator && adjacent(operator, previous)) {
      const meant = operatorMeant(operator.image + previous.image);
      const readAs = `the value ${show(previous.image)} was read as the operand`;
      return meant ? ` (did you mean '${meant}'? ${readAs})` : ` (${readAs} of '${operator.image}')`;
    }
    if (image === ',') return ` (a value containing commas must be quoted; ${LIST_PLACE})`;
    if (found.tokenType === T.LParen && adjacent(previous, found) && previous.tokenType === T.BareValue) {
      return ` (${VALUE_QUOTING})`;
    }
    if (wordLike(found)) {
      if (previous.tokenType === T.QuotedValue) return ' (the quoted value ends at its closing quote; put the whole value inside the quotes)';
      if (spaced(c.text, previous, found)) {
        return ` (a value containing spaces must be quoted: ${show(c.text.slice(previous.startOffset, end(found)))})`;
      }
    }
  }

  // Inside a list.
  if (previous && isListItem(previous) && found.tokenType !== T.NotAListItem && isValueToken(found)) {
    const joined = previous.tokenType === T.ListBareValue && found.tokenType === T.ListBareValue
      ? `; a list item containing spaces must be quoted: ${show(c.text.slice(previous.startOffset, end(found)))}` : '';
    return ` (separate list items with ','${joined})`;
  }
  if (found.tokenType === T.NotAListItem && image !== "'" && image !== '"') return ` (${LIST_ITEM_QUOTING})`;

  // Misplaced brackets and quotes.
  if (image === '[' && (found.tokenType === T.Unexpected || found.tokenType === T.NotAValue)) return ` (${LIST_PLACE})`;
  if (found.tokenType === T.Unexpected && image.length > 1 && (image[0] === "'" || image[0] === '"')) {
    return ' (a quoted value goes after an operator)';
  }

  // No value after a single-value operator.
  if (found.tokenType === T.NotAValue && image !== "'" && image !== '"') {
    return image === '(' ? ` (${VALUE_QUOTING})` : ` (a value is missing; ${VALUE_QUOTING})`;
  }

  if (found.tokenType === T.Identifier && expected === EXPECT_SUBJECT) return ' (unknown subject)';
  return '';
}

/** At end of input: which `(` or `[` is still open. */
function unclosedHint(text: string, tokens: readonly IToken[], expected: string): string {
  const at = (t: IToken) => {
    const { line, column } = lineAndColumn(text, t.startOffset);
    return `line ${line}, column ${column}`;
  };
  if (expected === EXPECT_LIST_NEXT) {
    const bracket = [...tokens].reverse().find((t) => t.tokenType === T.LBracket);
    if (bracket) return ` (the '[' at ${at(bracket)} is not closed)`;
  }
  if (expected.endsWith("or ')'")) {
    const innermost = unclosedParens(tokens, text.length).at(-1);
    if (innermost) return ` (the '(' at ${at(innermost)} is not closed)`;
  }
  return '';
}

// ---- the error ------------------------------------------------------------------------------

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
  let index = atEnd ? tokens.length : tokens.indexOf(found);
  if (index < 0) index = tokens.findIndex((t) => t.startOffset >= offset);
  if (index < 0) index = tokens.length;
  const previous = tokens[index - 1];
  const expected = expectedAfter(previous, tokens, offset);

  if (!atEnd && found.tokenType === T.RParen && unclosedParens(tokens, offset).length === 0
    && (previous === undefined || expected !== EXPECT_SUBJECT)) {
    return cqlError(text, source, 'syntax', offset, "unmatched ')'", ')', expected);
  }
  if (!atEnd && found.tokenType === T.Unexpected && found.image === ']') {
    return cqlError(text, source, 'syntax', offset, "unmatched ']'", ']', expected);
  }

  const after = previous === undefined ? '' : ` after ${describePrevious(previous)}`;
  const extra = atEnd
    ? unclosedHint(text, tokens, expected)
    : hint({ text, found, previous, beforePrevious: tokens[index - 2], next: tokens[index + 1], expected });
  const reason = `expected ${expected}${after} but found ${describeFound(found)}${extra}`;
  return cqlError(text, source, 'syntax', offset, reason, atEnd ? null : found.image, expected);
}

/**
 * Type checks: which operators each subject allows and which values each subject reads.
 * ECS documents an operator list for five subjects; the choices for the rest (attribute:,
 * task:group) are this project's and are tabled in `grammar/README.md`.
 */
import type { IToken } from 'chevrotain';
import { subjectText, type Expr, type Field, type Leaf } from './ast.js';
import type { LeafTokens } from './parser.js';
import { compilePattern } from './patterns.js';
import { describeCharacter, OPERATOR_CHARACTERS, operatorMeant, show } from './messages.js';
import { cqlError, type CqlSyntaxError } from './syntax-error.js';
import * as T from './tokens.js';
import { readBoolean, readRegisteredAt, readTaskCount, readVersion, REGISTERED_AT_FORMATS } from './values.js';

/** An operator in its symbolic spelling, `in`/`!in` and `exists`/`!exists` included. */
export type OperatorName = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~' | 'in' | '!in' | 'exists' | '!exists';

const EQUALITY: OperatorName[] = ['==', '!='];
const ORDERING: OperatorName[] = ['>', '>=', '<', '<='];
const MEMBERSHIP: OperatorName[] = ['in', '!in'];
const PATTERN: OperatorName[] = ['=~', '!~'];
const EXISTENCE: OperatorName[] = ['exists', '!exists'];

/** Operators each subject accepts. */
export const OPERATORS_BY_FIELD: Readonly<Record<Field, readonly OperatorName[]>> = Object.freeze({
  agentConnected: [...EQUALITY, ...MEMBERSHIP, ...PATTERN],
  agentVersion: [...EQUALITY, ...ORDERING],
  attribute: [...EQUALITY, ...MEMBERSHIP, ...PATTERN, ...EXISTENCE],
  ec2InstanceId: [...EQUALITY, ...MEMBERSHIP, ...PATTERN],
  registeredAt: [...EQUALITY, ...ORDERING],
  runningTasksCount: [...EQUALITY, ...ORDERING],
  'task:group': [...EQUALITY, ...MEMBERSHIP, ...PATTERN, ...EXISTENCE],
});

/** At most this many values in one `in` list. */
export const MAX_LIST_LENGTH = 100;
/** Attribute names: 1–128 of letters, digits, `-`, `_`, `/`, `\`, `.` (ECS `PutAttributes`). */
const ATTRIBUTE_NAME = /^[A-Za-z0-9\-_/\\.]{1,128}$/;
const NOT_IN_ATTRIBUTE_NAME = /[^A-Za-z0-9\-_/\\.]/u;
const ATTRIBUTE_PREFIX_LENGTH = 'attribute:'.length;

export function operatorName(leaf: Leaf): OperatorName {
  switch (leaf.kind) {
    case 'compare': return leaf.op;
    case 'in': return leaf.negated ? '!in' : 'in';
    case 'exists': return leaf.negated ? '!exists' : 'exists';
  }
}

/** What each typed subject reads, for messages, and the reader. */
const VALUE_READERS: Partial<Record<Field, { what: string; valid: (v: string) => boolean }>> = {
  agentConnected: { what: "'true' or 'false'", valid: (v) => readBoolean(v) !== null },
  agentVersion: { what: 'an agent version such as 1.14.5', valid: (v) => readVersion(v) !== null },
  registeredAt: {
    what: `a date in one of the forms ${REGISTERED_AT_FORMATS.join(', ')}`,
    valid: (v) => readRegisteredAt(v) !== null,
  },
  runningTasksCount: { what: 'a non-negative integer', valid: (v) => readTaskCount(v) !== null },
};

/**
 * Checks every leaf of `ast`; throws the first problem found, in text order.
 * `tokens` maps each leaf to its source tokens (from the parser).
 */
export function check(ast: Expr, text: string, source: string, tokens: ReadonlyMap<Expr, LeafTokens>): void {
  // Map iteration order is insertion order, which is text order for the parser's leaves.
  for (const [leaf, toks] of tokens) {
    const problem = checkLeaf(leaf as Leaf, toks, text, source);
    if (problem) throw problem;
  }
  void ast;
}

function checkLeaf(leaf: Leaf, toks: LeafTokens, text: string, source: string): CqlSyntaxError | null {
  const subject = subjectText(leaf.subject);
  const field = leaf.subject.field;
  const op = operatorName(leaf);

  if (field === 'attribute') {
    const name = leaf.subject.attribute ?? '';
    if (name.length === 0) return typeError(text, source, toks.subject, "expected an attribute name after 'attribute:'");
    if (!ATTRIBUTE_NAME.test(name)) {
      const bad = NOT_IN_ATTRIBUTE_NAME.exec(name);
      if (bad === null) return typeError(text, source, toks.subject, `attribute name is ${name.length} characters long; the limit is 128`);
      // Point at the offending character, not at the start of the subject.
      const ch = String.fromCodePoint(name.codePointAt(bad.index)!);
      return cqlError(text, source, 'type', toks.subject.startOffset + ATTRIBUTE_PREFIX_LENGTH + bad.index,
        `attribute name ${show(name)} contains ${describeCharacter(ch)}; names use letters, digits, '-', '_', '/', '\\' and '.'`, ch, null);
    }
  }

  // `===`, `!==`, `<>`: an operator run into a value made only of operator characters.
  if (leaf.kind === 'compare') {
    const value = toks.values[0]!;
    const operator = toks.operator;
    if (value.tokenType === T.BareValue && OPERATOR_CHARACTERS.test(value.image) && OPERATOR_CHARACTERS.test(operator.image)
      && operator.startOffset + operator.image.length === value.startOffset) {
      const written = operator.image + value.image;
      const meant = operatorMeant(written);
      return cqlError(text, source, 'type', operator.startOffset,
        `${show(written)} is not an operator${meant ? ` (did you mean '${meant}'?)` : ''}; `
        + `it reads as '${operator.image}' followed by the value ${show(value.image)}: to compare with that value, `
        + `quote it or put a space before it`, written, null);
    }
  }

  const allowed = OPERATORS_BY_FIELD[field];
  if (!allowed.includes(op)) {
    return typeError(text, source, toks.operator, `operator '${op}' does not apply to ${subject}; ${subject} takes ${allowed.join(', ')}`);
  }

  if (leaf.kind === 'in' && leaf.values.length > MAX_LIST_LENGTH) {
    const token = toks.values[MAX_LIST_LENGTH]!;
    return cqlError(text, source, 'limit', token.startOffset,
      `list after '${op}' has ${leaf.values.length} values; the limit is ${MAX_LIST_LENGTH}`, token.image, null);
  }

  const values = leaf.kind === 'compare' ? [leaf.value] : leaf.kind === 'in' ? leaf.values : [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const token = toks.values[i]!;
    if (op === '=~' || op === '!~') {
      const compiled = compilePattern(value);
      if (!compiled.ok) {
        // Point at the construct inside the pattern; offsets in the message are the pattern's.
        const message = compiled.message.replace(/\bat offset (\d+)/, 'at offset $1 of the pattern');
        return cqlError(text, source, 'type', patternOffsetInText(token, compiled.index),
          `invalid regular expression after '${op}' on ${subject}: ${message}`, token.image, null);
      }
      continue;
    }
    const reader = VALUE_READERS[field];
    if (reader && !reader.valid(value)) {
      return typeError(text, source, token, `${subject} ${op} needs ${reader.what} but found ${show(value)}`);
    }
  }
  return null;
}

/**
 * The offset in the text of the character at `index` in the value of `token`: after the opening
 * quote of a quoted value, counting `\\` + quote and `\\` + `\\` as the one character they stand
 * for (every other backslash is kept, as `valueOf` keeps it).
 */
export function patternOffsetInText(token: IToken, index: number): number {
  const image = token.image;
  const quote = image[0];
  if (quote !== "'" && quote !== '"') return token.startOffset + Math.min(index, image.length);
  let raw = 1;
  for (let i = 0; i < index && raw < image.length - 1; i++) {
    raw += image[raw] === '\\' && (image[raw + 1] === quote || image[raw + 1] === '\\') ? 2 : 1;
  }
  return token.startOffset + raw;
}

/** A type error at `token`. A module-level function, not a closure per leaf: under esbuild's keepNames (tsx) every named closure costs an Object.defineProperty. */
function typeError(text: string, source: string, token: IToken, reason: string): CqlSyntaxError {
  return cqlError(text, source, 'type', token.startOffset, reason, token.image, null);
}

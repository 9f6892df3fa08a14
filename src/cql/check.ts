/**
 * Type checks: which operators each subject allows and which values each subject reads.
 * ECS documents an operator list for five subjects; the choices for the rest (attribute:,
 * task:group) are this project's and are tabled in `grammar/README.md`.
 */
import type { IToken } from 'chevrotain';
import { subjectText, type Expr, type Field, type Leaf } from './ast.js';
import type { LeafTokens } from './parser.js';
import { compilePattern } from './patterns.js';
import { cqlError, type CqlSyntaxError } from './syntax-error.js';
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
  const fail = (token: IToken, reason: string) => cqlError(text, source, 'type', token.startOffset, reason, token.image, null);

  if (field === 'attribute') {
    const name = leaf.subject.attribute ?? '';
    if (name.length === 0) return fail(toks.subject, "expected an attribute name after 'attribute:'");
    if (!ATTRIBUTE_NAME.test(name)) {
      const bad = name.length > 128 ? null : [...name].find((c) => !/[A-Za-z0-9\-_/\\.]/.test(c));
      return fail(toks.subject, bad
        ? `attribute name '${name}' contains '${bad}'; names use letters, digits, '-', '_', '/', '\\' and '.'`
        : `attribute name is ${name.length} characters long; the limit is 128`);
    }
  }

  const allowed = OPERATORS_BY_FIELD[field];
  if (!allowed.includes(op)) {
    return fail(toks.operator, `operator '${op}' does not apply to ${subject}; ${subject} takes ${allowed.join(', ')}`);
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
        return fail(token, `invalid regular expression after '${op}' on ${subject}: ${compiled.message}`);
      }
      continue;
    }
    const reader = VALUE_READERS[field];
    if (reader && !reader.valid(value)) {
      return fail(token, `${subject} ${op} needs ${reader.what} but found '${value}'`);
    }
  }
  return null;
}

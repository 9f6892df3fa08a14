/**
 * AST → normalised CQL text: symbolic operators, single spaces, lower-case keywords, values
 * quoted only when they must be, parentheses only where precedence needs them.
 * `parseFilter(print(ast))` deep-equals `ast`.
 */
import { subjectText, visit, type Expr, type ExprVisitor } from './ast.js';

import { BARE_LIST_ITEM, BARE_VALUE } from './tokens.js';

const BARE = new RegExp(`^(?:${BARE_VALUE.source})$`);
const BARE_IN_LIST = new RegExp(`^(?:${BARE_LIST_ITEM.source})$`);

/** A value as CQL text: bare if it lexes back as one bare value there, else single-quoted. */
export function printValue(value: string, inList = false): string {
  if ((inList ? BARE_IN_LIST : BARE).test(value)) return value;
  return `'${value.replace(/[\\']/g, (c) => '\\' + c)}'`;
}

const printer: ExprVisitor<string> = {
  compare: (n) => `${subjectText(n.subject)} ${n.op} ${printValue(n.value)}`,
  in: (n) => `${subjectText(n.subject)} ${n.negated ? '!in' : 'in'} [${n.values.map((v) => printValue(v, true)).join(', ')}]`,
  exists: (n) => `${subjectText(n.subject)} ${n.negated ? '!exists' : 'exists'}`,
  // `and` binds tighter than `or`, so only an `or` operand needs parentheses.
  and: (n) => n.operands.map((o) => (o.kind === 'or' ? `(${print(o)})` : print(o))).join(' and '),
  or: (n) => n.operands.map(print).join(' or '),
  not: (n) => (n.operand.kind === 'and' || n.operand.kind === 'or' ? `not(${print(n.operand)})` : `not ${print(n.operand)}`),
};

/**
 * Prints an AST as normalised CQL text.
 *
 * @example
 * print(parseFilter('not(task:group equals database)&&agentConnected==true'));
 * // "not task:group == database and agentConnected == true"
 */
export function print(ast: Expr): string {
  return visit(ast, printer);
}

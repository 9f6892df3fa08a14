/**
 * The CQL abstract syntax tree: readonly nodes tagged with `kind`, built only through the
 * frozen factories below. Nodes carry no source positions (those live in a side table kept by
 * the parser), so two parses of equivalent text give deep-equal trees and
 * `parse(print(ast))` equals `ast`.
 */

/** The subjects CQL can test (ECS guide, "Cluster query language"). */
export type Field =
  | 'agentConnected'
  | 'agentVersion'
  | 'attribute'
  | 'ec2InstanceId'
  | 'registeredAt'
  | 'runningTasksCount'
  | 'task:group';

export const FIELDS: readonly Field[] = Object.freeze([
  'agentConnected', 'agentVersion', 'attribute', 'ec2InstanceId', 'registeredAt', 'runningTasksCount', 'task:group',
]);

/** `attribute` carries the attribute name; every other field has `attribute: null`. */
export interface Subject {
  readonly field: Field;
  readonly attribute: string | null;
}

/** Single-value operators, in their symbolic spelling (word spellings normalise to these). */
export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~';

export interface CompareNode {
  readonly kind: 'compare';
  readonly subject: Subject;
  readonly op: CompareOp;
  readonly value: string;
}

/** `in` (negated: false) or `!in` / `not_in` (negated: true). */
export interface InNode {
  readonly kind: 'in';
  readonly subject: Subject;
  readonly negated: boolean;
  readonly values: readonly string[];
}

/** `exists` (negated: false) or `!exists` / `not_exists` (negated: true). */
export interface ExistsNode {
  readonly kind: 'exists';
  readonly subject: Subject;
  readonly negated: boolean;
}

/** Two or more operands joined by `and` / `&&` (flattened: `a and b and c` is one node). */
export interface AndNode {
  readonly kind: 'and';
  readonly operands: readonly Expr[];
}

/** Two or more operands joined by `or` / `||` (flattened). */
export interface OrNode {
  readonly kind: 'or';
  readonly operands: readonly Expr[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly operand: Expr;
}

export type Leaf = CompareNode | InNode | ExistsNode;
export type Expr = Leaf | AndNode | OrNode | NotNode;
export type ExprKind = Expr['kind'];

/** Per-kind dispatch table: forgetting a kind is a type error. */
export type ExprVisitor<R> = { readonly [K in ExprKind]: (node: Extract<Expr, { kind: K }>) => R };

export function visit<R>(node: Expr, visitor: ExprVisitor<R>): R {
  return (visitor[node.kind] as (n: Expr) => R)(node);
}

/** The subjects without an attribute name are constants: frozen once, shared by every AST. */
const FIELD_SUBJECTS = new Map<Field, Subject>(
  FIELDS.filter((f) => f !== 'attribute').map((f) => [f, Object.freeze({ field: f, attribute: null })]),
);

export const Subject = Object.freeze({
  of(field: Field, attribute: string | null = null): Subject {
    if (field !== 'attribute') return FIELD_SUBJECTS.get(field)!;
    return Object.freeze({ field, attribute: attribute ?? '' });
  },
});

export const CompareNode = Object.freeze({
  create(subject: Subject, op: CompareOp, value: string): CompareNode {
    return Object.freeze({ kind: 'compare', subject, op, value });
  },
});

export const InNode = Object.freeze({
  create(subject: Subject, negated: boolean, values: readonly string[]): InNode {
    return Object.freeze({ kind: 'in', subject, negated, values: Object.freeze([...values]) });
  },
});

export const ExistsNode = Object.freeze({
  create(subject: Subject, negated: boolean): ExistsNode {
    return Object.freeze({ kind: 'exists', subject, negated });
  },
});

/** Operands with nested nodes of `kind` spliced in (a plain loop: this runs once per parse rule). */
function flatten(kind: 'and' | 'or', operands: readonly Expr[]): Expr[] {
  const flat: Expr[] = [];
  for (const o of operands) {
    if (o.kind === kind) for (const inner of o.operands) flat.push(inner);
    else flat.push(o);
  }
  return flat;
}

export const AndNode = Object.freeze({
  /** Flattens nested `and`s; one operand is returned as is. */
  create(operands: readonly Expr[]): Expr {
    // Most parse rules see a single operand: return it without allocating.
    if (operands.length === 1) return operands[0]!;
    return Object.freeze({ kind: 'and', operands: Object.freeze(flatten('and', operands)) });
  },
});

export const OrNode = Object.freeze({
  /** Flattens nested `or`s; one operand is returned as is. */
  create(operands: readonly Expr[]): Expr {
    if (operands.length === 1) return operands[0]!;
    return Object.freeze({ kind: 'or', operands: Object.freeze(flatten('or', operands)) });
  },
});

export const NotNode = Object.freeze({
  create(operand: Expr): NotNode {
    return Object.freeze({ kind: 'not', operand });
  },
});

/** `attribute:<name>` or the field name, as written in CQL. */
export function subjectText(subject: Subject): string {
  return subject.field === 'attribute' ? `attribute:${subject.attribute}` : subject.field;
}

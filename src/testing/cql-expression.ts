/**
 * Checked-valid CQL ASTs (`cqlExpression`) and their leaves (`cqlLeaf`): every operator a
 * subject takes, with values it reads, over a vocabulary shared with the instance arbitraries.
 * Shrinking goes toward simpler expressions: `not`s drop, operand lists lose operands (down to
 * the operand itself), compound nodes shrink to a single leaf, leaves toward the first subject.
 */
import fc from 'fast-check';
import {
  AndNode, CompareNode, ExistsNode, InNode, NotNode, OrNode, Subject,
  type CompareOp, type Expr, type Field,
} from '../cql/ast.js';
import { vocabularyOf, type CqlVocabulary } from './vocabulary.js';

export interface CqlExpressionOptions {
  /** Nesting of and / or / not above the leaves; default 4. */
  readonly maxDepth?: number;
  /** What leaves mention; missing members fall back to `DEFAULT_CQL_VOCABULARY`. */
  readonly vocabulary?: Partial<CqlVocabulary>;
}

const EQUALITY: CompareOp[] = ['==', '!='];
const ORDERING: CompareOp[] = ['==', '!=', '>', '>=', '<', '<='];
const PATTERN: CompareOp[] = ['=~', '!~'];

function from<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...values);
}

/** The leaf shapes of one subject; empty when the vocabulary leaves it nothing to say. */
function leavesFor(field: Field, v: CqlVocabulary): fc.Arbitrary<Expr>[] {
  const compare = (subject: fc.Arbitrary<Subject>, ops: CompareOp[], values: fc.Arbitrary<string>) =>
    fc.tuple(subject, from(ops), values).map(([s, op, value]) => CompareNode.create(s, op, value));
  const list = (subject: fc.Arbitrary<Subject>, values: fc.Arbitrary<string>) =>
    fc.tuple(subject, fc.boolean(), fc.array(values, { minLength: 1, maxLength: 4 })).map(([s, negated, vs]) => InNode.create(s, negated, vs));
  const exists = (subject: fc.Arbitrary<Subject>) => fc.tuple(subject, fc.boolean()).map(([s, negated]) => ExistsNode.create(s, negated));
  const patterns = v.patterns.length > 0 ? [from(v.patterns)] : [];
  const textLeaves = (subject: fc.Arbitrary<Subject>, values: readonly string[], withExists: boolean) => [
    ...(values.length > 0 ? [compare(subject, EQUALITY, from(values)), list(subject, from(values))] : []),
    ...patterns.map((p) => compare(subject, PATTERN, p)),
    ...(withExists ? [exists(subject)] : []),
  ];
  const fixed = fc.constant(Subject.of(field));
  switch (field) {
    case 'attribute': {
      // One arbitrary per attribute name, so each name is compared with its own values.
      return [...v.attributes].flatMap(([name, values]) => {
        const leaves = textLeaves(fc.constant(Subject.of('attribute', name)), values, true);
        return leaves.length === 0 ? [] : [fc.oneof(...leaves)];
      });
    }
    case 'task:group': return textLeaves(fixed, v.taskGroups, true);
    case 'ec2InstanceId': return textLeaves(fixed, v.ec2InstanceIds, false);
    case 'agentConnected': return textLeaves(fixed, ['true', 'false'], false);
    case 'agentVersion': return v.agentVersions.length > 0 ? [compare(fixed, ORDERING, from(v.agentVersions))] : [];
    case 'registeredAt': return v.dates.length > 0 ? [compare(fixed, ORDERING, from(v.dates))] : [];
    case 'runningTasksCount': return [compare(fixed, ORDERING, fc.integer({ min: 0, max: v.maxTaskCount }).map(String))];
  }
}

/**
 * One comparison, `in` or `exists` leaf with an operator its subject takes and a value it reads.
 *
 * @example
 * fc.sample(cqlLeaf({ fields: ['runningTasksCount'] }), 1); // [{ kind: 'compare', subject: { field: 'runningTasksCount', … }, op: '<=', value: '3' }]
 */
export function cqlLeaf(vocabulary: Partial<CqlVocabulary> = {}): fc.Arbitrary<Expr> {
  const v = vocabularyOf(vocabulary);
  const perField = v.fields.flatMap((field) => {
    const leaves = leavesFor(field, v);
    if (leaves.length === 0) return [];
    // Attributes are what most real filters test: twice the weight of any other subject.
    return [{ arbitrary: fc.oneof(...leaves), weight: field === 'attribute' ? 2 : 1 }];
  });
  if (perField.length === 0) throw new Error('cqlLeaf: the vocabulary leaves no subject anything to compare');
  return fc.oneof({ withCrossShrink: true }, ...perField);
}

/**
 * A checked-valid CQL AST of bounded depth: `parseFilter(print(ast))` deep-equals `ast`.
 *
 * Built so that every simplification is a shrink step: a node is a core (a leaf, or an and / or
 * over up to three operands — one operand is that operand, none is a leaf) under zero to two
 * `not`s, drawn from an integer that shrinks to "no not"; operand lists lose any operand, which
 * with one left replaces the connective by it; and a compound core shrinks to a single leaf.
 *
 * @example
 * fc.assert(fc.property(cqlExpression(), instanceWithGroups(), (ast, { instance, taskGroups }) =>
 *   myFilter(print(ast), instance, taskGroups) === evaluate(ast, instance, { taskGroups })));
 * cqlExpression({ maxDepth: 2, vocabulary: { fields: ['attribute'], attributes: new Map([['stack', ['prod', 'dev']]]) } });
 */
export function cqlExpression(options: number | CqlExpressionOptions = {}): fc.Arbitrary<Expr> {
  const { maxDepth = 4, vocabulary = {} } = typeof options === 'number' ? { maxDepth: options } : options;
  const leaf = cqlLeaf(vocabulary);
  // 0 to 9 → no `not` (6 in 10), one (3 in 10), two (1 in 10); shrinking goes to 0.
  const negations = fc.integer({ min: 0, max: 9 }).map((n) => (n < 6 ? 0 : n < 9 ? 1 : 2));
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
    // Operand lists may be empty (the node is then a leaf of its own): fast-check's array
    // shrinker can drop any operand only from a list allowed to become empty.
    const compound = (make: (operands: readonly Expr[]) => Expr) =>
      fc.tuple(fc.array(tie('expr'), { maxLength: 3 }), leaf).map(([operands, alone]) => (operands.length === 0 ? alone : make(operands)));
    return {
      expr: fc.tuple(
        negations,
        fc.oneof(
          // The leaf comes first: depth limits fall back to it, and cross-shrinking tries it first.
          { maxDepth, depthIdentifier: 'cql', withCrossShrink: true },
          leaf,
          compound((ops) => AndNode.create(ops)),
          compound((ops) => OrNode.create(ops)),
        ),
      ).map(([nots, core]) => {
        let e = core;
        for (let i = 0; i < nots; i++) e = NotNode.create(e);
        return e;
      }),
    };
  });
  return expr;
}

/** The number of nodes of an AST (leaves and connectives): a measure of how far shrinking got. */
export function cqlSize(ast: Expr): number {
  switch (ast.kind) {
    case 'and':
    case 'or': return 1 + ast.operands.reduce((n, o) => n + cqlSize(o), 0);
    case 'not': return 1 + cqlSize(ast.operand);
    default: return 1;
  }
}

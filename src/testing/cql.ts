/**
 * fast-check arbitraries for CQL: checked-valid ASTs over a small vocabulary (so that random
 * expressions actually select something from random instances), and instances drawn from the
 * same vocabulary.
 *
 * @example
 * fc.assert(fc.property(cqlExpression(), instanceWithGroups(), (ast, { instance, taskGroups }) =>
 *   myFilter(ast, instance, taskGroups) === evaluate(ast, instance, { taskGroups })));
 */
import fc from 'fast-check';
import {
  AndNode, CompareNode, ExistsNode, InNode, NotNode, OrNode, Subject,
  type CompareOp, type Expr, type Field,
} from '../cql/ast.js';
import type { ContainerInstance } from '../shapes.js';

/** Attribute names, including ones that would break a plain-object implementation. */
export const ATTRIBUTE_NAMES = ['stack', 'team', 'ecs.instance-type', 'ecs.availability-zone', 'ecs.capability.task-eni', '__proto__', 'constructor'];
/** Attribute values, including ones that need quoting when printed. */
export const ATTRIBUTE_VALUES = ['prod', 'dev', 't2.small', 'g2.2xlarge', 'us-east-1a', 'us-east-1b', 'a b', "it's", 'back\\slash', 'x:y@z'];
export const TASK_GROUPS = ['service:web', 'service:api', 'database', 'family:batch'];
export const EC2_IDS = ['i-abcd1234', 'i-wxyx7890', 'i-0123456789abcdef0'];
export const AGENT_VERSIONS = ['1.14.5', '1.14.4', '1.29.0', '1.2', '2.0.0'];
export const DATES = ['2018-02-13', '2018-06-18T22:28:28Z', '2018-06-18T22:28:28', '2018-06-18T23:28:28+01:00', '2019-01-01'];
/** Patterns valid in Java and RE2, with the same meaning in both. */
export const PATTERNS = ['prod', 't2.*', 'g2\\..*', 'us-east-1[ab]', '.*', '(dev|prod)', 'service:.*', 'i-[0-9a-f]+', 'true', 'tr.e', '1\\.14\\..*'];

const value = (values: readonly string[]) => fc.constantFrom(...values);

function leafFor(field: Field): fc.Arbitrary<Expr> {
  const subject = field === 'attribute'
    ? value(ATTRIBUTE_NAMES).map((n) => Subject.of('attribute', n))
    : fc.constant(Subject.of(field));
  const compare = (ops: CompareOp[], values: fc.Arbitrary<string>) =>
    fc.tuple(subject, fc.constantFrom(...ops), values).map(([s, op, v]) => CompareNode.create(s, op, v));
  const list = (values: fc.Arbitrary<string>) =>
    fc.tuple(subject, fc.boolean(), fc.array(values, { minLength: 1, maxLength: 4 })).map(([s, neg, vs]) => InNode.create(s, neg, vs));
  const exists = fc.tuple(subject, fc.boolean()).map(([s, neg]) => ExistsNode.create(s, neg));
  const patterns = value(PATTERNS);
  switch (field) {
    case 'attribute':
      return fc.oneof(compare(['==', '!='], value(ATTRIBUTE_VALUES)), list(value(ATTRIBUTE_VALUES)), compare(['=~', '!~'], patterns), exists);
    case 'task:group':
      return fc.oneof(compare(['==', '!='], value(TASK_GROUPS)), list(value(TASK_GROUPS)), compare(['=~', '!~'], patterns), exists);
    case 'ec2InstanceId':
      return fc.oneof(compare(['==', '!='], value(EC2_IDS)), list(value(EC2_IDS)), compare(['=~', '!~'], patterns));
    case 'agentConnected':
      return fc.oneof(compare(['==', '!='], value(['true', 'false'])), list(value(['true', 'false'])), compare(['=~', '!~'], patterns));
    case 'agentVersion':
      return compare(['==', '!=', '>', '>=', '<', '<='], value(AGENT_VERSIONS));
    case 'registeredAt':
      return compare(['==', '!=', '>', '>=', '<', '<='], value(DATES));
    case 'runningTasksCount':
      return compare(['==', '!=', '>', '>=', '<', '<='], fc.integer({ min: 0, max: 12 }).map(String));
  }
}

/** One comparison, `in` or `exists` leaf with a valid operator and value for its subject. */
export function cqlLeaf(): fc.Arbitrary<Expr> {
  return fc.constantFrom<Field>('attribute', 'attribute', 'task:group', 'ec2InstanceId', 'agentConnected', 'agentVersion', 'registeredAt', 'runningTasksCount')
    .chain(leafFor);
}

/** A checked-valid CQL AST of bounded depth (shrinks toward single leaves). */
export function cqlExpression(maxDepth = 4): fc.Arbitrary<Expr> {
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { maxDepth, depthIdentifier: 'cql' },
      cqlLeaf(),
      fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((ops) => AndNode.create(ops)),
      fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((ops) => OrNode.create(ops)),
      tie('expr').map((e) => NotNode.create(e)),
    ),
  }));
  return expr;
}

/** A plain ContainerInstance over the same vocabulary, with the task groups placed on it. */
export function instanceWithGroups(): fc.Arbitrary<{ instance: ContainerInstance; taskGroups: string[] }> {
  const attribute = fc.record({
    name: value(ATTRIBUTE_NAMES),
    value: fc.option(value(ATTRIBUTE_VALUES), { nil: undefined }),
  });
  return fc.record({
    attributes: fc.uniqueArray(attribute, { selector: (a) => a.name, maxLength: 5 }),
    ec2InstanceId: fc.option(value(EC2_IDS), { nil: undefined }),
    agentConnected: fc.option(fc.boolean(), { nil: undefined }),
    agentVersion: fc.option(value([...AGENT_VERSIONS, '1.14', 'bogus']), { nil: undefined }),
    registeredAt: fc.option(fc.integer({ min: Date.UTC(2018, 1, 12), max: Date.UTC(2019, 0, 2) }), { nil: undefined }),
    registeredAtOnBoundary: fc.option(value(DATES), { nil: undefined }),
    runningTasksCount: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    taskGroups: fc.array(value(TASK_GROUPS), { maxLength: 3 }),
  }).map((r) => {
    const boundary = r.registeredAtOnBoundary === undefined ? undefined : Date.parse(r.registeredAtOnBoundary.endsWith('Z') || r.registeredAtOnBoundary.includes('+') || r.registeredAtOnBoundary.length === 10 ? r.registeredAtOnBoundary : r.registeredAtOnBoundary + 'Z');
    const at = boundary ?? r.registeredAt;
    const instance: ContainerInstance = {
      attributes: r.attributes.map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })),
      ...(r.ec2InstanceId === undefined ? {} : { ec2InstanceId: r.ec2InstanceId }),
      ...(r.agentConnected === undefined ? {} : { agentConnected: r.agentConnected }),
      ...(r.agentVersion === undefined ? {} : { versionInfo: { agentVersion: r.agentVersion } }),
      ...(at === undefined ? {} : { registeredAt: new Date(at) }),
      ...(r.runningTasksCount === undefined ? {} : { runningTasksCount: r.runningTasksCount }),
    };
    return { instance, taskGroups: r.taskGroups };
  });
}

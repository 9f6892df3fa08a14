/**
 * The reference evaluator: the meaning of CQL, written as plainly as possible over a plain
 * ECS-shaped ContainerInstance. It is the oracle every optimised path is tested against, so it
 * re-reads values on every call and takes no shortcuts.
 *
 * One rule covers absence: every comparison is false when its subject is absent (an attribute
 * the instance does not have, an instance with no tasks for `task:group`, a missing field),
 * except `!exists`, which asks exactly that.
 * So `attribute:stack != prod` skips instances without `stack` (as the ECS guide says), and
 * `not(attribute:stack == prod)` is the way to include them.
 */
import type { ContainerInstance } from '../shapes.js';
import type { CompareOp, Expr, Leaf } from './ast.js';
import { patternMatcher } from './patterns.js';
import { compareVersions, readBoolean, readRegisteredAt, readTaskCount, readVersion } from './values.js';

/** What an instance offers CQL beyond its own fields. */
export interface EvaluationContext {
  /** Groups of the tasks on the instance that are not yet STOPPED (`task:group`). */
  readonly taskGroups?: Iterable<string>;
}

/**
 * True if `instance` satisfies `ast`.
 *
 * @example
 * evaluate(parseFilter('attribute:stack == prod'), { attributes: [{ name: 'stack', value: 'prod' }] }); // true
 */
export function evaluate(ast: Expr, instance: ContainerInstance, context: EvaluationContext = {}): boolean {
  switch (ast.kind) {
    case 'and': return ast.operands.every((o) => evaluate(o, instance, context));
    case 'or': return ast.operands.some((o) => evaluate(o, instance, context));
    case 'not': return !evaluate(ast.operand, instance, context);
    default: return evaluateLeaf(ast, instance, context);
  }
}

function evaluateLeaf(leaf: Leaf, instance: ContainerInstance, context: EvaluationContext): boolean {
  switch (leaf.subject.field) {
    case 'attribute': {
      const attribute = (instance.attributes ?? []).find((a) => a.name === leaf.subject.attribute);
      if (attribute === undefined) return isNotExists(leaf);
      // An attribute without a value (a capability flag) compares as the empty string.
      return testText(leaf, [attribute.value ?? '']);
    }
    case 'task:group': {
      const groups = [...new Set(context.taskGroups ?? [])];
      if (groups.length === 0) return isNotExists(leaf);
      return testSet(leaf, groups);
    }
    case 'ec2InstanceId':
      return instance.ec2InstanceId === undefined ? false : testText(leaf, [instance.ec2InstanceId]);
    case 'agentConnected':
      return instance.agentConnected === undefined ? false : testAgentConnected(leaf, instance.agentConnected);
    case 'agentVersion': {
      const version = readVersion(instance.versionInfo?.agentVersion ?? '');
      if (version === null || leaf.kind !== 'compare') return false;
      return testOrder(leaf.op, compareVersions(version, readVersion(leaf.value)!));
    }
    case 'registeredAt': {
      if (!(instance.registeredAt instanceof Date) || leaf.kind !== 'compare') return false;
      return testTime(leaf.op, instance.registeredAt.getTime(), readRegisteredAt(leaf.value)!);
    }
    case 'runningTasksCount': {
      if (typeof instance.runningTasksCount !== 'number' || leaf.kind !== 'compare') return false;
      const operand = readTaskCount(leaf.value)!;
      return testOrder(leaf.op, Math.sign(instance.runningTasksCount - operand));
    }
  }
}

/** `!exists` is the one test an absent subject passes. */
function isNotExists(leaf: Leaf): boolean {
  return leaf.kind === 'exists' && leaf.negated;
}

/** A leaf over a present single text value (`values` has one element). */
function testText(leaf: Leaf, values: string[]): boolean {
  return testSet(leaf, values);
}

/**
 * A leaf over a present, non-empty set of text values: positive operators ask whether some
 * value satisfies the test; negated ones whether none does.
 */
function testSet(leaf: Leaf, values: string[]): boolean {
  switch (leaf.kind) {
    case 'exists': return !leaf.negated;
    case 'in': {
      const some = values.some((v) => leaf.values.includes(v));
      return leaf.negated ? !some : some;
    }
    case 'compare': {
      switch (leaf.op) {
        case '==': return values.some((v) => v === leaf.value);
        case '!=': return !values.some((v) => v === leaf.value);
        case '=~': return values.some(patternMatcher(leaf.value));
        case '!~': return !values.some(patternMatcher(leaf.value));
        default: return false; // ordering on text is refused by the checker
      }
    }
  }
}

function testAgentConnected(leaf: Leaf, connected: boolean): boolean {
  const text = String(connected);
  if (leaf.kind === 'in') {
    const some = leaf.values.some((v) => readBoolean(v) === connected);
    return leaf.negated ? !some : some;
  }
  if (leaf.kind === 'compare' && (leaf.op === '==' || leaf.op === '!=')) {
    const equal = readBoolean(leaf.value) === connected;
    return leaf.op === '==' ? equal : !equal;
  }
  return testText(leaf, [text]);
}

/** `cmp` is the sign of (subject − operand). */
function testOrder(op: CompareOp, cmp: number): boolean {
  switch (op) {
    case '==': return cmp === 0;
    case '!=': return cmp !== 0;
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    default: return false;
  }
}

/** The operand is an interval [start, end); see `TimeInterval`. */
function testTime(op: CompareOp, at: number, operand: { start: number; end: number }): boolean {
  switch (op) {
    case '==': return at >= operand.start && at < operand.end;
    case '!=': return !(at >= operand.start && at < operand.end);
    case '>': return at >= operand.end;
    case '>=': return at >= operand.start;
    case '<': return at < operand.start;
    case '<=': return at < operand.end;
    default: return false;
  }
}

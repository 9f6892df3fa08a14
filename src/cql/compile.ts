/**
 * Compiles a checked AST into a tree of closures over plain ContainerInstance objects, for
 * callers that hold instances as objects rather than in the store. All per-expression work
 * (reading dates and versions, compiling patterns, building sets) happens here, once; the
 * returned closures only compare. Semantics are the reference evaluator's, checked by a
 * differential test.
 */
import { LRUMap } from 'mnemonist';
import type { ContainerInstance } from '../shapes.js';
import type { CompareOp, Expr, Leaf } from './ast.js';
import type { EvaluationContext } from './evaluate.js';
import { parseFilter, type ParseOptions } from './parse.js';
import { patternMatcher } from './patterns.js';
import { print } from './print.js';
import { compareVersions, readBoolean, readRegisteredAt, readTaskCount, readVersion } from './values.js';

type Predicate = (instance: ContainerInstance, context: EvaluationContext) => boolean;
/** A test of one present text value. */
export type TextTest = (value: string) => boolean;

/** A parsed, checked and compiled CQL expression. */
export interface CompiledFilter {
  /** The expression in normalised form (see `print`). */
  readonly text: string;
  readonly ast: Expr;
  /** Whether `instance` (with the task groups in `context`) satisfies the expression. */
  matches(instance: ContainerInstance, context?: EvaluationContext): boolean;
}

const NO_CONTEXT: EvaluationContext = Object.freeze({});
const cache = new LRUMap<string, CompiledFilter>(4096);

/**
 * Parses, checks and compiles `text`, or returns the cached result for the same text.
 *
 * @example
 * const f = compileFilter('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]');
 * instances.filter((i) => f.matches(i));
 * @throws CqlSyntaxError
 */
export function compileFilter(text: string, options?: ParseOptions): CompiledFilter {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const ast = parseFilter(text, options);
  const predicate = compile(ast);
  const compiled: CompiledFilter = Object.freeze({
    text: print(ast),
    ast,
    matches: (instance: ContainerInstance, context: EvaluationContext = NO_CONTEXT) => predicate(instance, context),
  });
  cache.set(text, compiled);
  return compiled;
}

/** Compiles an already checked AST (no cache). */
export function compile(ast: Expr): Predicate {
  switch (ast.kind) {
    case 'and': {
      const parts = ast.operands.map(compile);
      return (i, c) => {
        for (const p of parts) if (!p(i, c)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = ast.operands.map(compile);
      return (i, c) => {
        for (const p of parts) if (p(i, c)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compile(ast.operand);
      return (i, c) => !inner(i, c);
    }
    default:
      return compileLeaf(ast);
  }
}

function compileLeaf(leaf: Leaf): Predicate {
  switch (leaf.subject.field) {
    case 'attribute': {
      const name = leaf.subject.attribute;
      const test = presentValueTest(leaf);
      const whenAbsent = leaf.kind === 'exists' && leaf.negated;
      return (instance) => {
        const attributes = instance.attributes;
        if (attributes === undefined) return whenAbsent;
        for (const a of attributes) if (a.name === name) return test(a.value ?? '');
        return whenAbsent;
      };
    }
    case 'task:group':
      return setTest(leaf);
    case 'ec2InstanceId': {
      const test = presentValueTest(leaf);
      return (instance) => instance.ec2InstanceId !== undefined && test(instance.ec2InstanceId);
    }
    case 'agentConnected': {
      const test = presentValueTest(leaf);
      return (instance) => instance.agentConnected !== undefined && test(String(instance.agentConnected));
    }
    case 'agentVersion': {
      const test = presentValueTest(leaf);
      return (instance) => {
        const version = instance.versionInfo?.agentVersion;
        return version !== undefined && test(version);
      };
    }
    case 'registeredAt': {
      const { op, value } = leaf as Leaf & { op: CompareOp; value: string };
      const within = timeTest(op, readRegisteredAt(value)!);
      return (instance) => instance.registeredAt instanceof Date && within(instance.registeredAt.getTime());
    }
    case 'runningTasksCount': {
      const { op, value } = leaf as Leaf & { op: CompareOp; value: string };
      const operand = readTaskCount(value)!;
      const order = orderTest(op);
      return (instance) => typeof instance.runningTasksCount === 'number' && order(instance.runningTasksCount - operand);
    }
  }
}

/**
 * The test of a leaf on a subject that is present with the text `value`, for the subjects
 * that hold one text value: `attribute:` (a valueless attribute is ''), `ec2InstanceId`,
 * `agentConnected` ('true' / 'false') and `agentVersion` (the version as registered). The store
 * runs it once per distinct value of a dictionary-encoded column instead of once per instance.
 */
export function presentValueTest(leaf: Leaf): TextTest {
  switch (leaf.subject.field) {
    case 'agentConnected':
      return textTest(booleanAsText(leaf));
    case 'agentVersion': {
      const { op, value } = leaf as Leaf & { op: CompareOp; value: string };
      const operand = readVersion(value)!;
      const order = orderTest(op);
      return (text) => {
        const version = readVersion(text);
        return version !== null && order(compareVersions(version, operand));
      };
    }
    default:
      return textTest(leaf);
  }
}

/**
 * For `task:group`: the test one group must pass, and whether the leaf asks that some group
 * passes (`negated: false`) or that the instance has groups and none passes (`negated: true`).
 */
export function groupTest(leaf: Leaf): { test: TextTest; negated: boolean; exists: boolean } {
  const negated = leaf.kind === 'compare' ? leaf.op === '!=' || leaf.op === '!~' : leaf.negated;
  const test: TextTest = leaf.kind === 'compare' && negated
    ? textTest({ ...leaf, op: leaf.op === '!=' ? '==' : '=~' })
    : leaf.kind === 'in' ? textTest({ ...leaf, negated: false }) : textTest(leaf);
  return { test, negated, exists: leaf.kind === 'exists' };
}

/** `agentConnected == TRUE`-style leaves compare booleans; rewrite them to their text form. */
function booleanAsText(leaf: Leaf): Leaf {
  if (leaf.kind === 'in') return { ...leaf, values: leaf.values.map((v) => String(readBoolean(v))) };
  if (leaf.kind === 'compare' && (leaf.op === '==' || leaf.op === '!=')) return { ...leaf, value: String(readBoolean(leaf.value)) };
  return leaf;
}

/** The test of one present text value. */
function textTest(leaf: Leaf): TextTest {
  switch (leaf.kind) {
    case 'exists': return () => !leaf.negated;
    case 'in': {
      const set = new Set(leaf.values);
      return leaf.negated ? (v) => !set.has(v) : (v) => set.has(v);
    }
    case 'compare': {
      const operand = leaf.value;
      switch (leaf.op) {
        case '==': return (v) => v === operand;
        case '!=': return (v) => v !== operand;
        case '=~': return patternMatcher(operand);
        case '!~': {
          const m = patternMatcher(operand);
          return (v) => !m(v);
        }
        default: return () => false;
      }
    }
  }
}

/** `task:group`: positive operators ask whether some group passes, negated ones whether none does. */
function setTest(leaf: Leaf): Predicate {
  const { test, negated, exists } = groupTest(leaf);
  return (_instance, context) => {
    let any = false;
    for (const g of context.taskGroups ?? []) {
      any = true;
      if (exists) break;
      if (test(g)) return !negated;
    }
    // No tasks: only `!exists` holds (absent-subject rule).
    if (!any) return exists && negated;
    return exists ? !negated : negated;
  };
}

/** `diff` is subject − operand (any sign-carrying number). */
function orderTest(op: CompareOp): (diff: number) => boolean {
  switch (op) {
    case '==': return (d) => d === 0;
    case '!=': return (d) => d !== 0;
    case '>': return (d) => d > 0;
    case '>=': return (d) => d >= 0;
    case '<': return (d) => d < 0;
    case '<=': return (d) => d <= 0;
    default: return () => false;
  }
}

function timeTest(op: CompareOp, operand: { start: number; end: number }): (at: number) => boolean {
  const { start, end } = operand;
  switch (op) {
    case '==': return (t) => t >= start && t < end;
    case '!=': return (t) => t < start || t >= end;
    case '>': return (t) => t >= end;
    case '>=': return (t) => t >= start;
    case '<': return (t) => t < start;
    case '<=': return (t) => t < end;
    default: return () => false;
  }
}

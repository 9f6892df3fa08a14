/**
 * Invalid CQL text with the error it must produce: a defect of a known kind, often after a
 * valid prefix (in varied spellings, over several lines), so the position of the error is
 * known exactly. What `parseFilter` (and ECS's InvalidParameterException) reports for it:
 * `kind`, 1-based `line` and `column`, and fragments its message contains.
 */
import fc from 'fast-check';
import type { Field } from '../cql/ast.js';
import { MAX_LIST_LENGTH, OPERATORS_BY_FIELD, type OperatorName } from '../cql/check.js';
import { MAX_EXPRESSION_LENGTH } from '../cql/parse.js';
import { MAX_DEPTH } from '../cql/parser.js';
import type { CqlErrorKind } from '../cql/syntax-error.js';
import { cqlText } from './cql-text.js';
import type { CqlExpressionOptions } from './cql-expression.js';

/** The kinds of mistake `invalidCqlText` makes. */
export type InvalidCqlDefect =
  | 'missing-value' | 'dangling-connective' | 'unclosed-parenthesis' | 'operator-not-allowed'
  | 'unreadable-value' | 'bad-attribute-name' | 'empty' | 'unknown-subject' | 'upper-case-keyword'
  | 'unsupported-regex' | 'list-too-long' | 'too-long' | 'too-deep' | 'unquoted-space';

export const INVALID_CQL_DEFECTS: readonly InvalidCqlDefect[] = [
  'missing-value', 'dangling-connective', 'unclosed-parenthesis', 'operator-not-allowed', 'unreadable-value',
  'bad-attribute-name', 'empty', 'unknown-subject', 'upper-case-keyword', 'unsupported-regex', 'list-too-long',
  'too-long', 'too-deep', 'unquoted-space',
];

/** Invalid text and the CqlSyntaxError it must raise. */
export interface InvalidCqlSample {
  readonly text: string;
  readonly defect: InvalidCqlDefect;
  readonly kind: CqlErrorKind;
  /** 1-based, counting `\n`, `\r\n` and a lone `\r` as line ends */
  readonly line: number;
  readonly column: number;
  /** 0-based offset of the error in `text` */
  readonly offset: number;
  /** Text the error's message contains. */
  readonly messageIncludes: readonly string[];
}

export interface InvalidCqlOptions {
  /** Only these defects (default: all). */
  readonly defects?: readonly InvalidCqlDefect[];
  /** Options of the valid prefixes (default: depth 2 over the default vocabulary). */
  readonly prefix?: CqlExpressionOptions;
}

/** A defect placed at `offset` of `text`. */
interface Defect {
  readonly text: string;
  readonly offset: number;
  readonly kind: CqlErrorKind;
  readonly messageIncludes: readonly string[];
}

/** Each operator's spellings, the symbol (or the only word) first. */
const SPELLINGS: Readonly<Record<OperatorName, readonly string[]>> = {
  '==': ['==', 'equals'], '!=': ['!=', 'not_equals'], '>': ['>', 'greater_than'], '>=': ['>=', 'greater_than_equal'],
  '<': ['<', 'less_than'], '<=': ['<=', 'less_than_equal'], '=~': ['=~', 'matches'], '!~': ['!~', 'not_matches'],
  in: ['in'], '!in': ['!in', 'not_in'], exists: ['exists'], '!exists': ['!exists', 'not_exists'],
};
/** Word spelling → the symbol error messages name the operator by. */
const SYMBOLS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPELLINGS).flatMap(([symbol, spellings]) => spellings.slice(1).map((word) => [word, symbol])),
);
const SUBJECTS: readonly string[] = ['agentConnected', 'agentVersion', 'attribute:stack', 'ec2InstanceId', 'registeredAt', 'runningTasksCount', 'task:group'];
const WHITE = fc.constantFrom('', ' ', '\n', '\t ', '\r\n');
const SPACE = fc.constantFrom(' ', '  ', '\n', '\t');

function fieldOf(subject: string): Field {
  return subject.startsWith('attribute:') ? 'attribute' : (subject as Field);
}

/** The 1-based line and column of `offset`, by the rule CqlSyntaxError documents. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

// ---- defects that follow a valid prefix and a connective ----------------------------------------

/** A leaf whose operator its subject does not take. */
const operatorNotAllowed = fc.constantFrom(...SUBJECTS).chain((subject) => {
  const refused = (Object.keys(SPELLINGS) as OperatorName[]).filter((op) => !OPERATORS_BY_FIELD[fieldOf(subject)].includes(op));
  return fc.tuple(fc.constantFrom(...refused.flatMap((op) => SPELLINGS[op])), SPACE).map(([spelling, space]) => {
    const symbol = SYMBOLS[spelling] ?? spelling;
    const tail = symbol === 'in' || symbol === '!in' ? ' [x]' : symbol === 'exists' || symbol === '!exists' ? '' : ' x';
    return { leaf: `${subject}${space}${spelling}${tail}`, at: subject.length + space.length, kind: 'type' as const, messageIncludes: [`operator '${symbol}' does not apply to ${subject}`] };
  });
});

const UNREADABLE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['runningTasksCount', ['ten', '-1', '1.5', '2147483648', '0x10']],
  ['agentVersion', ['latest', 'v1.2', '1.2.3.4.5', '1..2']],
  ['registeredAt', ['2018/06/18', '2018-02-30', '2018-06-18T22:28', '2018-06-18T24:00:00', 'yesterday']],
  ['agentConnected', ['yes', 'TRUE', '1']],
];

/** A comparison whose value its subject cannot read. */
const unreadableValue = fc.constantFrom(...UNREADABLE).chain(([subject, values]) =>
  fc.tuple(fc.constantFrom(...values), fc.constantFrom<OperatorName>('==', '!=')).map(([value, op]) => ({
    leaf: `${subject} ${op} ${value}`, at: subject.length + op.length + 2, kind: 'type' as const,
    messageIncludes: [`${subject} ${op} needs`, `but found '${value}'`],
  })));

/** An attribute name with a character names may not hold. */
const badAttributeName = fc.tuple(
  fc.constantFrom('', 'a', 'stack', 'ecs.'), fc.constantFrom('@', '#', '$', '%', '*', '+', '?', ';', ':', '{', 'é'), fc.constantFrom('', 'b', 'x1'),
).map(([before, bad, after]) => {
  const name = `${before}${bad}${after}`;
  return { leaf: `attribute:${name} exists`, at: 'attribute:'.length + before.length, kind: 'type' as const, messageIncludes: [`attribute name '${name}' contains '${bad}'`] };
});

/** A word that is not a subject where a subject must be. */
const unknownSubject = fc.constantFrom('status', 'instanceType', 'agentconnected', 'task:groups', 'runningTaskCount', 'attributes:stack')
  .map((word) => ({ leaf: `${word} == x`, at: 0, kind: 'syntax' as const, messageIncludes: ['expected a subject', `but found '${word}'`] }));

/** Patterns RE2 cannot run (or that do not compile), with where the construct starts. */
const PATTERNS: ReadonlyArray<readonly [string, number]> = [['a(?=b)', 1], ['(?<=a)b', 0], ['(?!a)b', 0], ['(a)\\1', 3], ['(a', 0], ['a{2,1}', 1]];

/** A `=~` / `!~` whose pattern is refused, quoted so the offset inside it is known. */
const unsupportedRegex = fc.tuple(fc.constantFrom('attribute:stack', 'task:group', 'ec2InstanceId', 'agentConnected'), fc.constantFrom('=~', '!~'), fc.constantFrom(...PATTERNS))
  .map(([subject, op, [pattern, index]]) => {
    // Inside quotes a backslash is written twice (`'(a)\\1'`); none comes before the construct.
    const quoted = `'${pattern.replace(/\\/g, '\\\\')}'`;
    return {
      leaf: `${subject} ${op} ${quoted}`, at: subject.length + op.length + 2 + 1 + index, kind: 'type' as const,
      messageIncludes: [`invalid regular expression after '${op}' on ${subject}`],
    };
  });

/** A value with a space, not quoted: the second word is read as the next token. */
const unquotedSpace = fc.constantFrom(['prod', 'env'], ['a', 'b'], ['us-east-1a', 'x']).map(([first, second]) => ({
  leaf: `attribute:stack == ${first} ${second}`, at: `attribute:stack == ${first} `.length, kind: 'syntax' as const,
  messageIncludes: [`after the value '${first}' but found '${second}'`],
}));

/** `prefix` joined to a defective `leaf` by a connective (or the leaf alone). */
function afterPrefix(leafArb: fc.Arbitrary<{ leaf: string; at: number; kind: CqlErrorKind; messageIncludes: readonly string[] }>, prefix: fc.Arbitrary<string | null>): fc.Arbitrary<Defect> {
  return fc.tuple(prefix, fc.constantFrom(' and ', ' or ', ' && ', ' || ', '\nand\n'), leafArb).map(([p, connective, l]) => {
    const head = p === null ? '' : p + connective;
    return { text: head + l.leaf, offset: head.length + l.at, kind: l.kind, messageIncludes: l.messageIncludes };
  });
}

function defectArbitrary(defect: InvalidCqlDefect, prefix: fc.Arbitrary<string | null>, valid: fc.Arbitrary<string>): fc.Arbitrary<Defect> {
  switch (defect) {
    case 'missing-value':
      return fc.tuple(prefix, fc.constantFrom(...SUBJECTS), fc.constantFrom('==', '!=', 'equals', 'not_equals'), WHITE).map(([p, subject, op, trailing]) => {
        const text = `${p === null ? '' : `${p} and `}${subject} ${op}${trailing}`;
        return { text, offset: text.length, kind: 'syntax', messageIncludes: [`expected a value after '${op}' but found end of input`] };
      });
    case 'dangling-connective':
      return fc.tuple(valid, fc.constantFrom('and', 'or', '&&', '||'), WHITE).map(([p, connective, trailing]) => {
        const text = `${p} ${connective}${trailing}`;
        return { text, offset: text.length, kind: 'syntax', messageIncludes: [`after '${connective}' but found end of input`] };
      });
    case 'unclosed-parenthesis':
      return fc.tuple(WHITE, valid, WHITE).map(([inside, p, trailing]) => {
        const text = `(${inside}${p}${trailing}`;
        return { text, offset: text.length, kind: 'syntax', messageIncludes: ["(the '(' at line 1, column 1 is not closed)"] };
      });
    case 'operator-not-allowed': return afterPrefix(operatorNotAllowed, prefix);
    case 'unreadable-value': return afterPrefix(unreadableValue, prefix);
    case 'bad-attribute-name': return afterPrefix(badAttributeName, prefix);
    case 'unknown-subject': return afterPrefix(unknownSubject, prefix);
    case 'unsupported-regex': return afterPrefix(unsupportedRegex, prefix);
    case 'unquoted-space': return afterPrefix(unquotedSpace, prefix);
    case 'empty':
      return fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n'), { maxLength: 4 }).map((ws) => {
        const text = ws.join('');
        return { text, offset: text.length, kind: 'syntax', messageIncludes: ['expected a subject', 'but found end of input'] };
      });
    case 'upper-case-keyword':
      return fc.tuple(valid, fc.constantFrom('AND', 'OR', 'And', 'Or'), valid).map(([a, word, b]) => ({
        text: `${a} ${word} ${b}`, offset: a.length + 1, kind: 'syntax', messageIncludes: [`but found '${word}'`, `keywords are lower-case: '${word.toLowerCase()}'`],
      }));
    case 'list-too-long':
      return fc.tuple(fc.constantFrom('attribute:stack', 'task:group', 'ec2InstanceId'), fc.constantFrom('in', '!in', 'not_in'), fc.integer({ min: MAX_LIST_LENGTH + 1, max: MAX_LIST_LENGTH + 40 }))
        .map(([subject, op, n]) => {
          const head = `${subject} ${op} [`;
          const values = Array.from({ length: n }, (_, i) => `v${i}`);
          const offset = head.length + values.slice(0, MAX_LIST_LENGTH).reduce((k, v) => k + v.length + 2, 0);
          return { text: `${head}${values.join(', ')}]`, offset, kind: 'limit', messageIncludes: [`list after '${SYMBOLS[op] ?? op}' has ${n} values; the limit is ${MAX_LIST_LENGTH}`] };
        });
    case 'too-long':
      // Valid expressions or-ed together until the text is over the limit: only the length is wrong.
      return fc.array(valid, { minLength: 1, maxLength: 4 }).map((parts) => {
        let text = parts.join(' or ');
        for (let i = 0; text.length <= MAX_EXPRESSION_LENGTH; i++) text += ` or ${parts[i % parts.length]}`;
        return { text, offset: MAX_EXPRESSION_LENGTH, kind: 'limit', messageIncludes: [`expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`] };
      });
    case 'too-deep':
      return fc.tuple(fc.constantFrom('not ', '!', '('), fc.integer({ min: MAX_DEPTH + 1, max: MAX_DEPTH + 20 })).map(([opener, n]) => {
        const close = opener === '(' ? ')'.repeat(n) : '';
        return { text: `${opener.repeat(n)}attribute:a exists${close}`, offset: opener.length * MAX_DEPTH, kind: 'limit', messageIncludes: [`nests parentheses and 'not' more than ${MAX_DEPTH} deep`] };
      });
  }
}

/**
 * Invalid CQL text and the error it must raise (see `InvalidCqlSample`).
 *
 * @example
 * fc.assert(fc.property(invalidCqlText(), (bad) => {
 *   const e = (() => { try { parseFilter(bad.text); } catch (x) { return x as CqlSyntaxError; } })();
 *   expect([e?.line, e?.column]).toEqual([bad.line, bad.column]);
 *   for (const part of bad.messageIncludes) expect(e?.message).toContain(part);
 * }));
 */
export function invalidCqlText(options: InvalidCqlOptions = {}): fc.Arbitrary<InvalidCqlSample> {
  const valid = cqlText(options.prefix ?? { maxDepth: 2 });
  const prefix = fc.option(valid, { nil: null });
  const defects = options.defects ?? INVALID_CQL_DEFECTS;
  if (defects.length === 0) throw new Error('invalidCqlText: no defects to choose from');
  return fc.constantFrom(...defects).chain((defect) => defectArbitrary(defect, prefix, valid).map((d) => ({
    text: d.text, defect, kind: d.kind, ...positionOf(d.text, d.offset), offset: d.offset, messageIncludes: d.messageIncludes,
  })));
}

/**
 * Valid CQL as text: a random AST (cql-expression.ts) written in any of the spellings the
 * grammar accepts — word or symbol operators (`equals` / `==`, `not_in` / `!in`, `&&` / `and`),
 * quoted or bare values, single or double quotes, redundant parentheses, no, one or several
 * white-space characters (line breaks included) between tokens. The spelling is drawn from a
 * seed that shrinks to 0, and seed 0 is the normalised text `print(ast)`, so counterexamples
 * shrink to readable text.
 */
import fc from 'fast-check';
import { subjectText, type CompareOp, type Expr, type Leaf } from '../cql/ast.js';
import { print, printValue } from '../cql/print.js';
import { MAX_EXPRESSION_LENGTH } from '../cql/parse.js';
import { SeededRandom } from '../sim/random.js';
import { cqlExpression, type CqlExpressionOptions } from './cql-expression.js';

/** A valid expression with the AST it parses to. */
export interface CqlTextSample {
  readonly text: string;
  /** `parseFilter(text)` deep-equals this */
  readonly ast: Expr;
}

const WORDS: Readonly<Record<CompareOp, string>> = {
  '==': 'equals', '!=': 'not_equals', '>': 'greater_than', '>=': 'greater_than_equal',
  '<': 'less_than', '<=': 'less_than_equal', '=~': 'matches', '!~': 'not_matches',
};
const SPACES = [' ', '  ', '\n', '\t', '\r\n', ' \n '];
/** Characters that, right after a symbolic operator, would read as part of it (`== =x`). */
const OPERATOR_CHARACTER = /^[=!<>~]/;

/** Spelling choices drawn from one seeded sequence. */
class Speller {
  private readonly random: SeededRandom;
  constructor(seed: number) {
    this.random = new SeededRandom(seed);
  }

  private pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.random.next() * options.length)]!;
  }

  private chance(p: number): boolean {
    return this.random.next() < p;
  }

  /** White space where the grammar needs some. */
  space(): string {
    return this.chance(0.7) ? ' ' : this.pick(SPACES);
  }

  /** White space where the grammar needs none. */
  maybeSpace(): string {
    return this.chance(0.4) ? '' : this.space();
  }

  value(value: string, inList: boolean): string {
    const normal = printValue(value, inList);
    const bare = !normal.startsWith("'");
    if (bare && this.chance(0.7)) return normal;
    const quote = this.pick(["'", '"']);
    // Inside quotes a backslash escapes the next character only before the quote or another
    // backslash; doubling every backslash and escaping the quote reads back as `value`.
    return quote + value.replace(/\\/g, '\\\\').split(quote).join('\\' + quote) + quote;
  }

  leaf(leaf: Leaf): string {
    const subject = subjectText(leaf.subject);
    switch (leaf.kind) {
      case 'compare': {
        const word = this.chance(0.4);
        const op = word ? WORDS[leaf.op] : leaf.op;
        const value = this.value(leaf.value, false);
        // Words need white space on both sides; symbols need it only before a value that
        // starts with an operator character (which would otherwise extend the operator).
        const before = word ? this.space() : this.maybeSpace();
        const after = word || OPERATOR_CHARACTER.test(value) ? this.space() : this.maybeSpace();
        return `${subject}${before}${op}${after}${value}`;
      }
      case 'in': {
        const op = leaf.negated ? this.pick(['!in', 'not_in']) : 'in';
        const items = leaf.values.map((v) => this.maybeSpace() + this.value(v, true) + this.maybeSpace());
        return `${subject}${this.space()}${op}${this.maybeSpace()}[${items.join(',')}]`;
      }
      case 'exists':
        return `${subject}${this.space()}${leaf.negated ? this.pick(['!exists', 'not_exists']) : 'exists'}`;
    }
  }

  /** `text` wrapped in redundant parentheses, sometimes. */
  private group(text: string, needed: boolean): string {
    return needed || this.chance(0.1) ? `(${this.maybeSpace()}${text}${this.maybeSpace()})` : text;
  }

  expression(ast: Expr): string {
    switch (ast.kind) {
      case 'compare':
      case 'in':
      case 'exists':
        return this.group(this.leaf(ast), false);
      case 'and':
        // `and` binds tighter than `or`: an `or` operand needs its parentheses.
        return this.group(ast.operands.map((o) => this.group(this.expression(o), o.kind === 'or'))
          .reduce((text, next) => `${text}${this.connective('and', '&&')}${next}`), false);
      case 'or':
        return this.group(ast.operands.map((o) => this.expression(o)).reduce((text, next) => `${text}${this.connective('or', '||')}${next}`), false);
      case 'not': {
        const compound = ast.operand.kind === 'and' || ast.operand.kind === 'or';
        const operand = this.group(this.expression(ast.operand), compound);
        const word = this.chance(0.5);
        // `not` is a word: white space after it unless a parenthesis follows.
        const gap = word && !operand.startsWith('(') ? this.space() : this.maybeSpace();
        return `${word ? 'not' : '!'}${gap}${operand}`;
      }
    }
  }

  /** A connective; values may end in `&` or `|`, so a symbol gets white space before it too. */
  private connective(word: string, symbol: string): string {
    return this.chance(0.5) ? `${this.space()}${word}${this.space()}` : `${this.space()}${symbol}${this.maybeSpace()}`;
  }
}

/**
 * The text of `ast` in the spelling `seed` picks; seed 0 gives `print(ast)`.
 *
 * @example
 * spellCql(parseFilter('not(task:group == web) and agentConnected == true'), 7);
 * // e.g. "! (task:group equals 'web')&&agentConnected   ==true"
 */
export function spellCql(ast: Expr, seed: number): string {
  return seed === 0 ? print(ast) : new Speller(seed).expression(ast);
}

/**
 * Valid CQL text together with the AST it parses to, in varied spellings (see the file comment);
 * at most 2,000 characters, the limit `parseFilter` enforces.
 *
 * @example
 * fc.assert(fc.property(cqlTextAndAst(), ({ text, ast }) => { expect(myParser(text)).toEqual(toMine(ast)); }));
 */
export function cqlTextAndAst(options: number | CqlExpressionOptions = {}): fc.Arbitrary<CqlTextSample> {
  return fc.tuple(cqlExpression(options), fc.nat())
    .map(([ast, seed]) => ({ text: spellCql(ast, seed), ast }))
    .filter((s) => s.text.length <= MAX_EXPRESSION_LENGTH);
}

/**
 * Valid CQL text in varied spellings (see `cqlTextAndAst`).
 *
 * @example
 * fc.assert(fc.property(cqlText(), (text) => { sim.listContainerInstances({ cluster: 'prod', filter: text }); }));
 */
export function cqlText(options: number | CqlExpressionOptions = {}): fc.Arbitrary<string> {
  return cqlTextAndAst(options).map((s) => s.text);
}

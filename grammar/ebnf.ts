/**
 * The CQL grammar as ISO 14977 EBNF text, generated from the parser's own grammar
 * (Chevrotain's GAST), so `grammar/cql.ebnf` can be checked against the parser
 * (`test/cql/grammar.test.ts`) and the syntax diagram drawn from the same source
 * (`grammar/generate-diagram.ts`).
 *
 * Conventions of the generated text:
 * - one rule per line: `name = definition ;`, names padded so the `=` line up;
 * - `,` concatenation, `|` alternation, `{ … }` zero or more, `[ … ]` optional, `( … )` grouping;
 * - a terminal whose token has a fixed spelling is written as that string (`"("`); a token
 *   category (`Subject`, `CompareOperator`, …) or a token with a regular-expression pattern
 *   is written by its token name, defined in the token part of `cql.ebnf`.
 */
import {
  Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory,
  RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, Terminal,
  type IProduction, type TokenType,
} from 'chevrotain';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CqlParser } from '../src/cql/parser.js';

/** The markers around the generated rule part of `cql.ebnf`. */
export const RULES_BEGIN = '(* rules: generated from the parser, checked by test/cql/grammar.test.ts *)';
export const RULES_END = '(* end of rules *)';

/** How to regenerate the rule part and the diagram, for failure messages. */
export const REGENERATE_EBNF_HINT =
  'regenerate the rule part with `npx tsx grammar/ebnf.ts` (rewrites the text between the markers in grammar/cql.ebnf), then review the diff';
export const REGENERATE_DIAGRAM_HINT = 'regenerate it with `npm run grammar:diagram` (rewrites grammar/diagram.html)';

/** A terminal as EBNF: its fixed spelling in quotes, or its token name. */
function terminal(tokenType: TokenType): string {
  const pattern = tokenType.PATTERN;
  if (typeof pattern === 'string') return quote(pattern);
  return tokenType.name;
}

/** An ISO EBNF terminal string: double quotes unless the text contains one. */
export function quote(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  throw new Error(`cannot write ${text} as one ISO EBNF terminal string`);
}

/** A sequence of productions, `,`-separated. */
function sequence(productions: readonly IProduction[]): string {
  if (productions.length === 0) return '';
  return productions.map(production).join(' , ');
}

/** Alternatives, `|`-separated; each alternative a sequence. */
function alternatives(alternation: Alternation): string {
  return alternation.definition
    .map((alt) => sequence((alt as Alternative).definition))
    .join(' | ');
}

function production(p: IProduction): string {
  if (p instanceof Terminal) return terminal(p.terminalType);
  if (p instanceof NonTerminal) return p.nonTerminalName;
  if (p instanceof Alternation) return `( ${alternatives(p)} )`;
  if (p instanceof Option) return `[ ${sequence(p.definition)} ]`;
  if (p instanceof Repetition) return `{ ${sequence(p.definition)} }`;
  if (p instanceof RepetitionMandatory) {
    const body = sequence(p.definition);
    return `( ${body} ) , { ${body} }`;
  }
  if (p instanceof RepetitionWithSeparator) {
    const body = sequence(p.definition);
    return `[ ${body} , { ${terminal(p.separator)} , ${body} } ]`;
  }
  if (p instanceof RepetitionMandatoryWithSeparator) {
    const body = sequence(p.definition);
    return `${body} , { ${terminal(p.separator)} , ${body} }`;
  }
  if (p instanceof Alternative) return `( ${sequence(p.definition)} )`;
  throw new Error(`no EBNF form for grammar production ${p.constructor.name}`);
}

/** One rule's definition: a top-level alternation needs no parentheses. */
function definition(rule: Rule): string {
  const [only] = rule.definition;
  if (rule.definition.length === 1 && only instanceof Alternation) return alternatives(only);
  return sequence(rule.definition);
}

/** The rule part of `cql.ebnf` (without the markers), in the parser's rule order. */
export function rulesAsEbnf(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.name.length));
  return rules.map((r) => `${r.name.padEnd(width)} = ${definition(r)} ;`).join('\n');
}

/** The grammar of a freshly built CQL parser, rule part only. */
export function cqlRulesAsEbnf(): string {
  const parser = new CqlParser();
  const productions = parser.getGAstProductions();
  return rulesAsEbnf(Object.values(productions));
}

/** Path of `cql.ebnf`, beside this file. */
export const EBNF_PATH = fileURLToPath(new URL('./cql.ebnf', import.meta.url));

/** The text between the rule markers of an EBNF file (trimmed), or `null` without markers. */
export function ruleSection(ebnf: string): string | null {
  const begin = ebnf.indexOf(RULES_BEGIN);
  const end = ebnf.indexOf(RULES_END);
  if (begin < 0 || end < begin) return null;
  return ebnf.slice(begin + RULES_BEGIN.length, end).trim();
}

/** `ebnf` with its rule section replaced by `rules`. */
export function withRuleSection(ebnf: string, rules: string): string {
  const begin = ebnf.indexOf(RULES_BEGIN);
  const end = ebnf.indexOf(RULES_END);
  if (begin < 0 || end < begin) throw new Error(`cql.ebnf lacks the markers ${RULES_BEGIN} … ${RULES_END}`);
  return `${ebnf.slice(0, begin + RULES_BEGIN.length)}\n${rules}\n${ebnf.slice(end)}`;
}

// `npx tsx grammar/ebnf.ts`: rewrite the rule part of cql.ebnf from the parser.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = readFileSync(EBNF_PATH, 'utf8');
  const after = withRuleSection(before, cqlRulesAsEbnf());
  if (after === before) {
    console.log(`${EBNF_PATH}: rule part already up to date`);
  } else {
    writeFileSync(EBNF_PATH, after);
    console.log(`${EBNF_PATH}: rule part rewritten from the parser`);
  }
}

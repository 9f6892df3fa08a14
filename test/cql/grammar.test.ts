// grammar/cql.ebnf and grammar/diagram.html must describe the parser that is actually built:
// the rule part of the EBNF is compared with text generated from the parser's GAST, the token
// part with the token definitions, and the diagram's embedded grammar with the serialized GAST.
import { readFileSync } from 'node:fs';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import {
  cqlRulesAsEbnf, EBNF_PATH, REGENERATE_DIAGRAM_HINT, REGENERATE_EBNF_HINT, RULES_BEGIN, RULES_END, ruleSection,
} from '../../grammar/ebnf.js';
import { DIAGRAM_PATH, diagramHtml, embeddedGrammar, serializedGrammar } from '../../grammar/generate-diagram.js';
import * as T from '../../src/cql/tokens.js';

const ebnf = readFileSync(EBNF_PATH, 'utf8');

// ---- a small reader for the hand-written token part -----------------------------------------

/** The token part: everything after the rule section, comments kept (they hold the patterns). */
const tokenPart = ebnf.slice(ebnf.indexOf(RULES_END) + RULES_END.length);

type Item = { kind: 'string'; text: string } | { kind: 'name'; text: string } | { kind: 'special' } | { kind: 'symbol'; text: string };

/** `name = item item … ;` statements of an EBNF text, comments removed. */
function statements(text: string): Map<string, Item[]> {
  const body = text.replace(/\(\*[\s\S]*?\*\)/g, ' ');
  const lexeme = /\s+|"([^"]*)"|'([^']*)'|\?[^?]*\?|([A-Za-z][A-Za-z0-9_]*)|([=|,;{}()[\]])/gy;
  const result = new Map<string, Item[]>();
  let current: Item[] = [];
  let m: RegExpExecArray | null;
  while (lexeme.lastIndex < body.length && (m = lexeme.exec(body)) !== null) {
    if (m[0].trim() === '') continue;
    if (m[1] !== undefined || m[2] !== undefined) current.push({ kind: 'string', text: (m[1] ?? m[2])! });
    else if (m[0].startsWith('?')) current.push({ kind: 'special' });
    else if (m[3] !== undefined) current.push({ kind: 'name', text: m[3] });
    else if (m[4] === ';') {
      const [name, eq, ...definition] = current;
      if (name?.kind !== 'name' || eq?.kind !== 'symbol' || eq.text !== '=') {
        throw new Error(`cql.ebnf: cannot read the statement ${JSON.stringify(current)}`);
      }
      result.set(name.text, definition);
      current = [];
    } else current.push({ kind: 'symbol', text: m[4]! });
  }
  if (lexeme.lastIndex < body.length) throw new Error(`cql.ebnf: cannot read ${JSON.stringify(body.slice(lexeme.lastIndex, lexeme.lastIndex + 40))}`);
  if (current.length > 0) throw new Error(`cql.ebnf: statement without ';': ${JSON.stringify(current)}`);
  return result;
}

/** The alternatives of a definition that is a plain choice of strings and names. */
function choice(definition: Item[], rule: string): Array<{ kind: 'string' | 'name'; text: string }> {
  const alternatives: Array<{ kind: 'string' | 'name'; text: string }> = [];
  definition.forEach((item, i) => {
    const separator = i % 2 === 1;
    if (separator) {
      if (item.kind !== 'symbol' || item.text !== '|') throw new Error(`cql.ebnf: ${rule} should be a plain choice ("a" | "b" | Name)`);
    } else if (item.kind === 'string' || item.kind === 'name') {
      alternatives.push(item);
    } else {
      throw new Error(`cql.ebnf: ${rule} should be a plain choice ("a" | "b" | Name)`);
    }
  });
  return alternatives;
}

/** `pattern of Name: /source/` comments of the token part. */
const documentedPatterns = new Map(
  [...tokenPart.matchAll(/pattern of (\w+): \/(.*)\/ \*\)\s*$/gm)].map((m) => [m[1]!, m[2]!] as const),
);

/** What a token looks like in the EBNF: a fixed spelling, or a name standing for a pattern. */
function spelling(token: TokenType): { kind: 'string'; text: string } | { kind: 'pattern'; source: string } {
  const pattern = token.PATTERN;
  if (typeof pattern === 'string') return { kind: 'string', text: pattern };
  if (pattern instanceof RegExp) {
    // `!exists(?![A-Za-z0-9_])`: a fixed word that must not run into a longer word.
    const word = /^([^\\^$.|?*+()[\]{}]+)\(\?!\[A-Za-z0-9_\]\)$/.exec(pattern.source);
    if (word) return { kind: 'string', text: word[1]! };
    return { kind: 'pattern', source: pattern.source };
  }
  throw new Error(`token ${token.name} has a pattern the grammar test cannot describe`);
}

const CATEGORIES: readonly TokenType[] = [
  T.Subject, T.CompareOperator, T.ExistsOperator, T.ListOperator, T.AndOperator, T.OrOperator, T.NotOperator, T.Value,
];

const tokenStatements = statements(tokenPart);

// ---- the tests ---------------------------------------------------------------------------------

describe('grammar/cql.ebnf', () => {
  it('has the rule markers', () => {
    expect(ebnf, `grammar/cql.ebnf must contain the lines\n${RULES_BEGIN}\n…\n${RULES_END}`).toContain(RULES_BEGIN);
    expect(ebnf).toContain(RULES_END);
    expect(ebnf.indexOf(RULES_BEGIN)).toBeLessThan(ebnf.indexOf(RULES_END));
  });

  it('has a rule part equal to the grammar generated from the parser', () => {
    expect(ruleSection(ebnf), `the rule part of grammar/cql.ebnf differs from the parser (src/cql/parser.ts); ${REGENERATE_EBNF_HINT}`)
      .toBe(cqlRulesAsEbnf());
  });

  it('defines, in the token part, every token category the rules use', () => {
    const rules = statements(ruleSection(ebnf) ?? '');
    const used = new Set([...rules.values()].flat().filter((i) => i.kind === 'name').map((i) => i.text));
    for (const name of used) {
      if (rules.has(name)) continue;
      expect(tokenStatements.has(name), `the rules use ${name}; define it in the token part of grammar/cql.ebnf`).toBe(true);
    }
  });

  describe.each(CATEGORIES.map((c) => [c.name, c] as const))('token category %s', (name, category) => {
    const members = T.allTokens.filter((t) => (t.CATEGORIES ?? []).includes(category));

    it('lists exactly the spellings of the tokens in src/cql/tokens.ts', () => {
      expect(members.length).toBeGreaterThan(0);
      const definition = tokenStatements.get(name);
      expect(definition, `grammar/cql.ebnf lacks the token statement ${name} = … ;`).toBeDefined();
      const alternatives = choice(definition!, name);

      const expectedWords = members.map(spelling).flatMap((s) => (s.kind === 'string' ? [s.text] : []));
      const listedWords = alternatives.filter((a) => a.kind === 'string').map((a) => a.text);
      expect([...listedWords].sort(), `spellings of ${name} in grammar/cql.ebnf vs the tokens of category ${name} in src/cql/tokens.ts`)
        .toEqual([...expectedWords].sort());

      const expectedPatterns = new Set(members.map(spelling).flatMap((s) => (s.kind === 'pattern' ? [s.source] : [])));
      const named = alternatives.filter((a) => a.kind === 'name').map((a) => a.text);
      for (const tokenName of named) {
        const token = members.find((t) => t.name === tokenName);
        expect(token, `${name} names ${tokenName}, which is not a token of category ${name} in src/cql/tokens.ts`).toBeDefined();
        expect(tokenStatements.has(tokenName), `grammar/cql.ebnf lacks the token statement ${tokenName} = … ;`).toBe(true);
        expect(documentedPatterns.get(tokenName), `grammar/cql.ebnf should document ${tokenName} with the comment "pattern of ${tokenName}: /${(token!.PATTERN as RegExp).source}/ *)"`)
          .toBe((token!.PATTERN as RegExp).source);
      }
      // Tokens with the same pattern in another lexer mode (ListBareValue = BareValue) count once.
      expect(new Set(named.map((n) => documentedPatterns.get(n))), `patterns of ${name} in grammar/cql.ebnf vs src/cql/tokens.ts`)
        .toEqual(expectedPatterns);
    });
  });

  it('documents BARE_VALUE as exported by tokens.ts', () => {
    expect(documentedPatterns.get('BareValue')).toBe(T.BARE_VALUE.source);
  });
});

describe('grammar/diagram.html', () => {
  const html = readFileSync(DIAGRAM_PATH, 'utf8');

  it('embeds the serialized grammar of the current parser', () => {
    expect(embeddedGrammar(html), `grammar/diagram.html is out of date with the parser; ${REGENERATE_DIAGRAM_HINT}`)
      .toEqual(JSON.parse(JSON.stringify(serializedGrammar())));
  });

  it('is exactly what grammar/generate-diagram.ts writes', () => {
    expect(html === diagramHtml(), `grammar/diagram.html differs from the generator's output; ${REGENERATE_DIAGRAM_HINT}`).toBe(true);
  });

  it('loads the diagram scripts from the local chevrotain package, not a CDN', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("src='../node_modules/chevrotain/diagrams/src/main.js'");
  });
});

import { Lexer } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CqlSyntaxError, MAX_DEPTH, parseFilter, print } from '../../src/cql/index.js';
import { CqlParser } from '../../src/cql/parser.js';
import { lexerDefinition, Unexpected } from '../../src/cql/tokens.js';
import { InvalidParameterException } from '../../src/errors.js';

function parseError(text: string): CqlSyntaxError {
  try {
    parseFilter(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CqlSyntaxError);
    return e as CqlSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('operator spellings', () => {
  const pairs: Array<[string, string]> = [
    ['==', 'equals'], ['!=', 'not_equals'], ['>', 'greater_than'], ['>=', 'greater_than_equal'],
    ['<', 'less_than'], ['<=', 'less_than_equal'],
  ];
  for (const [symbol, word] of pairs) {
    it(`'${word}' means the same as '${symbol}'`, () => {
      expect(parseFilter(`runningTasksCount ${word} 3`)).toEqual(parseFilter(`runningTasksCount ${symbol} 3`));
    });
  }
  it("'matches' and 'not_matches' mean '=~' and '!~'", () => {
    expect(parseFilter('ec2InstanceId matches i-.*')).toEqual(parseFilter('ec2InstanceId =~ i-.*'));
    expect(parseFilter('ec2InstanceId not_matches i-.*')).toEqual(parseFilter('ec2InstanceId !~ i-.*'));
  });
  it("'not_in' means '!in' and 'not_exists' means '!exists'", () => {
    expect(parseFilter('attribute:a not_in [x]')).toEqual(parseFilter('attribute:a !in [x]'));
    expect(parseFilter('attribute:a not_exists')).toEqual(parseFilter('attribute:a !exists'));
    expect(parseFilter('attribute:a !exists')).toMatchObject({ kind: 'exists', negated: true });
  });
  it("'&&', '||' and '!' mean 'and', 'or' and 'not'", () => {
    expect(parseFilter('attribute:a exists && attribute:b exists || !attribute:c exists'))
      .toEqual(parseFilter('attribute:a exists and attribute:b exists or not attribute:c exists'));
  });
});

describe('precedence', () => {
  it('and binds tighter than or', () => {
    expect(print(parseFilter('attribute:a exists or attribute:b exists and attribute:c exists')))
      .toBe('attribute:a exists or attribute:b exists and attribute:c exists');
    expect(parseFilter('attribute:a exists or attribute:b exists and attribute:c exists')).toMatchObject({
      kind: 'or', operands: [{ kind: 'exists' }, { kind: 'and' }],
    });
  });
  it('not binds tighter than and', () => {
    expect(parseFilter('not attribute:a exists and attribute:b exists')).toMatchObject({
      kind: 'and', operands: [{ kind: 'not' }, { kind: 'exists' }],
    });
  });
  it('parentheses override precedence', () => {
    expect(parseFilter('(attribute:a exists or attribute:b exists) and attribute:c exists')).toMatchObject({
      kind: 'and', operands: [{ kind: 'or' }, { kind: 'exists' }],
    });
  });
  it('chains of and / or are flattened, left to right', () => {
    const ast = parseFilter('attribute:a exists and attribute:b exists and attribute:c exists');
    expect(ast).toMatchObject({ kind: 'and', operands: [{ subject: { attribute: 'a' } }, { subject: { attribute: 'b' } }, { subject: { attribute: 'c' } }] });
  });
});

describe('lexing', () => {
  it('keywords never split identifiers (longer_alt)', () => {
    expect(parseError('instanceType == x').message).toContain("found 'instanceType'");
    expect(parseError('notable == x').message).toContain("found 'notable'");
    expect(parseFilter('attribute:android exists')).toMatchObject({ subject: { attribute: 'android' } });
  });
  it('needs no white space between tokens', () => {
    expect(parseFilter('attribute:a==b&&runningTasksCount>=2||not(task:group==x)'))
      .toEqual(parseFilter('attribute:a == b and runningTasksCount >= 2 or not (task:group == x)'));
  });
  it('accepts any white space, including new lines, between tokens', () => {
    expect(parseFilter('attribute:a\t==\n b\r\n and\n runningTasksCount > 1'))
      .toEqual(parseFilter('attribute:a == b and runningTasksCount > 1'));
  });
  it('reads a value with keywords, subjects and operator characters bare', () => {
    expect(parseFilter('attribute:a == and')).toMatchObject({ value: 'and' });
    expect(parseFilter('attribute:a == task:group')).toMatchObject({ value: 'task:group' });
    expect(parseFilter('attribute:a =~ ^x=!<>.*$')).toMatchObject({ value: '^x=!<>.*$' });
    expect(parseFilter('attribute:a == b&c|d')).toMatchObject({ value: 'b&c|d' });
  });
  it('reads single- and double-quoted values with escapes for the quote and the backslash', () => {
    expect(parseFilter("attribute:a == 'it\\'s'")).toMatchObject({ value: "it's" });
    expect(parseFilter('attribute:a == "say \\"hi\\""')).toMatchObject({ value: 'say "hi"' });
    expect(parseFilter("attribute:a == 'a\\\\b'")).toMatchObject({ value: 'a\\b' });
    expect(parseFilter("attribute:a == 'a\\db'")).toMatchObject({ value: 'a\\db' });
    expect(parseFilter("attribute:a in ['x y', \"(z)\", w]")).toMatchObject({ values: ['x y', '(z)', 'w'] });
  });
  it('treats an attribute named __proto__ or constructor as an ordinary name', () => {
    expect(parseFilter('attribute:__proto__ == x')).toMatchObject({ subject: { field: 'attribute', attribute: '__proto__' } });
    expect(parseFilter('attribute:constructor exists')).toMatchObject({ subject: { attribute: 'constructor' } });
  });
});

describe('syntax errors say where and what was expected', () => {
  it('a missing value at end of input', () => {
    const e = parseError('attribute:ecs.instance-type == ');
    expect(e.message).toBe("filter: line 1, column 32: expected a value after '==' but found end of input");
    expect([e.line, e.column, e.offset, e.found, e.kind]).toEqual([1, 32, 31, null, 'syntax']);
    expect(e.expected).toBe('a value');
  });
  it('is an InvalidParameterException, the error ECS gives a bad expression', () => {
    const e = parseError('runningTasksCount ==');
    expect(e).toBeInstanceOf(InvalidParameterException);
    expect(e.name).toBe('InvalidParameterException');
  });
  it('names the source it was given', () => {
    try {
      parseFilter('x', { source: 'placementConstraints[0].expression' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^placementConstraints\[0\]\.expression: line 1, column 1: /);
    }
  });
  it('counts lines and columns across new lines', () => {
    const e = parseError('attribute:a == b and\n  runningTasksCount >');
    expect([e.line, e.column]).toEqual([2, 22]);
  });
  it('an unknown subject', () => {
    expect(parseError('status == ACTIVE').message).toContain("expected a subject (agentConnected, agentVersion, attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount, task:group), 'not' or '(' but found 'status' (unknown subject)");
  });
  it('a subject in the wrong case, with a suggestion', () => {
    expect(parseError('AgentConnected == true').message).toContain("did you mean 'agentConnected'?");
  });
  it('an upper-case keyword', () => {
    expect(parseError('attribute:a exists AND attribute:b exists').message)
      .toContain("expected 'and', 'or' or end of input after 'exists' but found 'AND' (keywords are lower-case: 'and')");
  });
  it('a single = sign', () => {
    expect(parseError('attribute:a = b').message).toBe(`filter: line 1, column 13: expected an operator (==, !=, >, >=, <, <=, =~, !~, in, !in, exists, !exists, or a word form such as 'equals') after 'attribute:a' but found '=' (did you mean '=='?)`);
  });
  it('an unterminated quoted value', () => {
    const e = parseError("attribute:a == 'abc");
    expect(e.message).toContain('column 16');
    expect(e.message).toContain('unterminated quoted value');
  });
  it('a list after a single-value operator', () => {
    expect(parseError('attribute:a == [x, y]').message).toContain("(a list goes after 'in' or '!in')");
  });
  it('in without a list', () => {
    expect(parseError('attribute:a in x').message).toContain("expected '[' to start a list after 'in' but found 'x'");
  });
  it('an unclosed list', () => {
    expect(parseError('attribute:a in [x, y').message).toContain("expected ',' or ']' after the value 'y' but found end of input");
  });
  it('an empty list', () => {
    expect(parseError('attribute:a in []').message).toContain("expected a value after '[' but found ']'");
  });
  it('an unclosed parenthesis', () => {
    expect(parseError('(attribute:a exists').message).toContain("expected 'and', 'or' or ')' after 'exists' but found end of input");
  });
  it("an unmatched ')'", () => {
    expect(parseError('attribute:a exists)').message).toContain("column 19: unmatched ')'");
  });
  it('a missing operator', () => {
    expect(parseError('attribute:a b').message).toContain("expected an operator (==, !=, >, >=, <, <=, =~, !~, in, !in, exists, !exists, or a word form such as 'equals') after 'attribute:a' but found 'b'");
  });
  it('empty input', () => {
    expect(parseError('').message).toMatch(/line 1, column 1: expected a subject .* but found end of input/);
    expect(parseError('   ').message).toMatch(/column 4: expected a subject/);
  });
  it('a dangling connective', () => {
    expect(parseError('attribute:a exists and').message).toContain("expected a subject");
    expect(parseError('attribute:a exists and').message).toContain("after 'and' but found end of input");
  });
  it('a value with a parenthesis must be quoted', () => {
    expect(parseError('attribute:a =~ (x|y)').message).toContain('a value containing spaces, parentheses, commas, && or || must be quoted');
    expect(parseFilter("attribute:a =~ '(x|y)'")).toMatchObject({ value: '(x|y)' });
  });
  it('rejects a non-string with a message, not a crash', () => {
    expect(() => parseFilter(undefined as unknown as string)).toThrow(/expected the expression as a string but got undefined/);
  });
});

describe('stray characters reach the parser, which says what it expected', () => {
  const lexer = new Lexer(lexerDefinition, { positionTracking: 'onlyOffset' });

  it('the lexer never fails: whatever no token matches becomes the error token Unexpected', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (text) => {
        expect(lexer.tokenize(text).errors).toEqual([]);
      }),
      { seed: 2028, numRuns: 2000 },
    );
    for (const text of ['\u2028', 'attribute:a ==\u00a0x', 'attribute:a in [\u2029]', '\ud800', '=> ; @ # ∧']) {
      expect(lexer.tokenize(text).errors, JSON.stringify(text)).toEqual([]);
    }
  });

  it('the error token Unexpected is no terminal of any grammar rule', () => {
    const rules = JSON.stringify(new CqlParser().getSerializedGastProductions());
    expect(rules).not.toContain(`"${Unexpected.name}"`);
    expect(rules).toContain('"name":"Value"');
    // …nor a member of a category a rule uses.
    expect(Unexpected.CATEGORIES ?? []).toEqual([]);
  });

  it('reports a word after a value as a missing connective, with a hint to quote values with spaces', () => {
    const e = parseError('registeredAt < 2018-06-18 22:28:28');
    expect([e.column, e.kind, e.found]).toEqual([27, 'syntax', '22:28:28']);
    expect(e.reason).toBe("expected 'and', 'or' or end of input after the value '2018-06-18' but found '22:28:28' (a value containing spaces must be quoted: '2018-06-18 22:28:28')");
  });

  it('names the previous token as "the value …" when it is a value', () => {
    expect(parseError('attribute:a == b == c').reason).toContain("after the value 'b' but found '=='");
    expect(parseError("attribute:a == 'x y' z").reason).toContain("after the value 'x y' but found 'z'");
    expect(parseError('attribute:a in [x y]').reason).toContain("after the value 'x' but found 'y'");
  });

  it("shows text containing ' in double quotes", () => {
    expect(parseError("attribute:a == 'x' 'y'").reason)
      .toBe(`expected 'and', 'or' or end of input after the value 'x' but found "'y'" (a quoted value goes after an operator)`);
    expect(parseError("'x' == y").reason).toContain(`but found "'x'" (a quoted value goes after an operator)`);
    expect(parseError('attribute:a == "it\'s" x').reason).toContain(`after the value "it's" but found 'x'`);
    expect(parseError("attribute:a == 'abc").reason).toContain(`found an unterminated quoted value starting with "'"`);
    expect(parseError('attribute:a == "abc').reason).toContain(`found an unterminated quoted value starting with '"'`);
  });

  it('says a comma after a value needs quotes, or a list', () => {
    expect(parseError('attribute:a == b,c').reason)
      .toBe("expected 'and', 'or' or end of input after the value 'b' but found ',' (a value containing commas must be quoted; a list goes after 'in' or '!in')");
  });

  it("reports an unmatched ']'", () => {
    const e = parseError('attribute:a in [x] ]');
    expect([e.column, e.reason]).toEqual([20, "unmatched ']'"]);
    expect(parseError('attribute:a exists]').reason).toBe("unmatched ']'");
  });

  it("says where a list goes when '[' is misplaced", () => {
    expect(parseError('attribute:a in [x] [y]').reason)
      .toBe("expected 'and', 'or' or end of input after ']' but found '[' (a list goes after 'in' or '!in')");
    expect(parseError('[x]').reason).toMatch(/^expected a subject .* but found '\[' \(a list goes after 'in' or '!in'\)$/);
  });

  it("reports an unmatched ')' at the start of the text", () => {
    const e = parseError(') attribute:a exists');
    expect([e.column, e.reason]).toEqual([1, "unmatched ')'"]);
  });

  it("names the innermost unclosed '(' at end of input", () => {
    expect(parseError('(attribute:a exists').reason)
      .toBe("expected 'and', 'or' or ')' after 'exists' but found end of input (the '(' at line 1, column 1 is not closed)");
    expect(parseError('((attribute:a exists) and (attribute:b exists').reason).toContain("(the '(' at line 1, column 27 is not closed)");
    expect(parseError('(attribute:a exists and\n  (attribute:b exists)').reason).toContain("(the '(' at line 1, column 1 is not closed)");
  });

  it("names the unclosed '[' at end of input", () => {
    expect(parseError('attribute:a in [x,\n y').reason).toContain("(the '[' at line 1, column 16 is not closed)");
  });

  it('says a value is missing before a closing parenthesis, comma or connective', () => {
    const hint = '(a value is missing; a value containing spaces, parentheses, commas, && or || must be quoted)';
    expect(parseError('attribute:c ==)').reason).toBe(`expected a value after '==' but found ')' ${hint}`);
    expect(parseError('attribute:c == && attribute:d exists').reason).toContain(`found '&&' ${hint}`);
    expect(parseError('attribute:a =~ (x|y)').reason).not.toContain('a value is missing');
  });

  it('adds the quoting hint inside a list', () => {
    expect(parseError('attribute:a in [(x)]').reason)
      .toBe("expected a value after '[' but found '(' (a list item containing spaces, parentheses, brackets, commas, && or || must be quoted)");
    expect(parseError('attribute:a in [x y]').reason).toContain("(separate list items with ','; a list item containing spaces must be quoted: 'x y')");
  });

  it('reads a bare value starting with any non-ASCII character', () => {
    expect(parseFilter('attribute:a == ∧x')).toMatchObject({ value: '∧x' });
    expect(parseFilter('attribute:a in [日本, ✓]')).toMatchObject({ values: ['日本', '✓'] });
  });
});

describe('near-miss operators get a suggestion', () => {
  it("suggests not_in for 'not in'", () => {
    expect(parseError('attribute:a not in [x]').reason).toContain("but found 'not' (did you mean 'not_in' or '!in'?)");
  });
  it("suggests not_exists for 'not exists'", () => {
    expect(parseError('attribute:a not exists').reason).toContain("but found 'not' (did you mean 'not_exists' or '!exists'?)");
  });
  it("asks for '!in' and '!exists' without a space", () => {
    expect(parseError('attribute:a ! in [x]').reason).toContain("but found '!' (write '!in' without a space)");
    expect(parseError('attribute:a ! exists').reason).toContain("but found '!' (write '!exists' without a space)");
    expect(parseError('attribute:a = = b').reason).toContain("but found '=' (write '==' without a space)");
  });
  it("suggests 'equals' for 'equal', and other close words", () => {
    expect(parseError('attribute:a equal b').reason).toContain("but found 'equal' (did you mean 'equals'?)");
    expect(parseError('attribute:a exists adn attribute:b exists').reason).toContain("but found 'adn' (did you mean 'and'?)");
    expect(parseError('runningTaskCount > 1').reason).toContain("(unknown subject; did you mean 'runningTasksCount'?)");
    expect(parseError('attribute:a is null').reason).not.toContain('did you mean');
  });
  it("suggests '>=' for '=>', '!=' for '=!', and the doubled symbols for '=', '&', '|', '~'", () => {
    expect(parseError('attribute:a => b').reason).toContain("but found '=>' (did you mean '>='?)");
    expect(parseError('attribute:a =! b').reason).toContain("but found '=!' (did you mean '!='?)");
    expect(parseError('attribute:a = b').reason).toContain("but found '=' (did you mean '=='?)");
    expect(parseError('attribute:a ~ b').reason).toContain("but found '~' (did you mean '=~'?)");
    expect(parseError('attribute:a exists & attribute:b exists').reason).toContain("but found '&' (did you mean '&&'?)");
    expect(parseError('attribute:a exists | attribute:b exists').reason).toContain("but found '|' (did you mean '||'?)");
  });
  it("says a value of operator characters was read as the operand ('!== b', '<> b')", () => {
    expect(parseError('attribute:a !== b').reason)
      .toBe("expected 'and', 'or' or end of input after the value '=' but found 'b' (did you mean '!='? the value '=' was read as the operand)");
    expect(parseError('attribute:a <> b').reason).toContain("(did you mean '!='? the value '>' was read as the operand)");
  });
  it("refuses '===' as a type error, but keeps '== =' and \"== '='\"", () => {
    const e = parseError('attribute:a ===');
    expect([e.kind, e.column, e.found]).toEqual(['type', 13, '===']);
    expect(e.reason).toBe("'===' is not an operator (did you mean '=='?); it reads as '==' followed by the value '=': to compare with that value, quote it or put a space before it");
    expect(parseError('attribute:a !==').reason).toContain("'!==' is not an operator (did you mean '!='?)");
    expect(parseFilter('attribute:a == =')).toMatchObject({ op: '==', value: '=' });
    expect(parseFilter("attribute:a == '='")).toMatchObject({ op: '==', value: '=' });
    expect(parseFilter('attribute:a == !')).toMatchObject({ op: '==', value: '!' });
  });
});

describe('invisible characters are named by code point', () => {
  it('a no-break space', () => {
    const e = parseError('attribute:a == x\u00a0and attribute:b exists');
    expect(e.column).toBe(17);
    expect(e.reason).toContain("after the value 'x' but found U+00A0 (no-break space) (only spaces, tabs and line breaks may separate tokens");
  });
  it('a zero-width space', () => {
    expect(parseError('attribute:a exists\u200b').reason).toContain('but found U+200B (zero-width space) (an invisible character; delete it)');
  });
  it('a line separator where a value belongs', () => {
    expect(parseError('attribute:a ==\u2028x').reason).toContain("expected a value after '==' but found U+2028 (line separator)");
  });
  it('any other invisible character, also inside a longer text', () => {
    expect(parseError('attribute:a exists\u0007').reason).toContain('but found U+0007');
    const e = parseError('attribute:a\u200bb exists');
    expect(e.column).toBe(12);
    expect(e.reason).toContain("attribute name 'a<U+200B>b' contains U+200B (zero-width space)");
  });
});

describe('type errors point inside the subject or value', () => {
  it('points at the offending character of an attribute name', () => {
    expect(parseError('attribute:a@b == x').column).toBe(12);
    expect(parseError('runningTasksCount > 1 and attribute:%41 exists').column).toBe(37);
    expect(parseError(`attribute:${'a'.repeat(129)} exists`).column).toBe(1);
  });
  it('points at the construct inside a regular expression and names the offset in the pattern', () => {
    const e = parseError("attribute:x =~ 'a(?=b)'");
    expect(e.column).toBe(18);
    expect(e.reason).toContain("'(?=' (lookahead) at offset 1 of the pattern");
    expect(parseError('attribute:x =~ a++').column).toBe(17);
    expect(parseError("attribute:x in [a] and attribute:x =~ '(?<n>a)\\k<n>'").column).toBe(47);
  });
  it('maps a regular expression offset through the escapes of a quoted value', () => {
    // The pattern is 'x'(?=b): the lookahead is at offset 3 of the pattern, column 22 of the text.
    expect(parseError("attribute:x =~ '\\'x\\'(?=b)'").column).toBe(22);
    // The pattern is \\"(?=b) (a backslash, a quote): offset 2, column 21.
    expect(parseError('attribute:x =~ "\\\\\\"(?=b)"').column).toBe(21);
    // Other backslashes are kept: \d(?=b) has the lookahead at offset 2, column 19.
    expect(parseError("attribute:x =~ '\\d(?=b)'").column).toBe(19);
  });
});

describe('type checks name the subject, the operator and the position', () => {
  const cases: Array<[string, number, string]> = [
    ['runningTasksCount =~ 1.*', 19, "operator '=~' does not apply to runningTasksCount; runningTasksCount takes ==, !=, >, >=, <, <="],
    ['attribute:stack > 5', 17, "operator '>' does not apply to attribute:stack"],
    ['task:group >= x', 12, "operator '>=' does not apply to task:group"],
    ['agentConnected > true', 16, "operator '>' does not apply to agentConnected"],
    ['agentConnected exists', 16, "operator 'exists' does not apply to agentConnected"],
    ['ec2InstanceId < i-1', 15, "operator '<' does not apply to ec2InstanceId"],
    ['agentVersion in [1.2.3]', 14, "operator 'in' does not apply to agentVersion"],
    ['registeredAt =~ 2018.*', 14, "operator '=~' does not apply to registeredAt"],
    ['runningTasksCount in [1, 2]', 19, "operator 'in' does not apply to runningTasksCount"],
    ['runningTasksCount > ten', 21, "runningTasksCount > needs a non-negative integer but found 'ten'"],
    ['runningTasksCount > 1.5', 21, 'needs a non-negative integer'],
    ['runningTasksCount > -1', 21, 'needs a non-negative integer'],
    ['agentConnected == yes', 19, "agentConnected == needs 'true' or 'false' but found 'yes'"],
    ['agentConnected in [true, TRUE]', 26, "agentConnected in needs 'true' or 'false' but found 'TRUE'"],
    ['agentVersion < latest', 16, "agentVersion < needs an agent version such as 1.14.5 but found 'latest'"],
    ['registeredAt < yesterday', 16, 'registeredAt < needs a date in one of the forms 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28, 2018-06-18'],
    ['registeredAt < 2018-02-30', 16, "found '2018-02-30'"],
    ['registeredAt < 2018-06-18T24:00:00Z', 16, 'needs a date'],
    ['registeredAt < 2018-06-18T22:28:28.123Z', 16, 'needs a date'],
    ['attribute: == x', 1, "expected an attribute name after 'attribute:'"],
    ['attribute:a@b == x', 12, "attribute name 'a@b' contains '@'"],
    ["attribute:x =~ 'a(?=b)'", 18, "invalid regular expression after '=~' on attribute:x"],
  ];
  for (const [text, column, fragment] of cases) {
    it(`${text}`, () => {
      const e = parseError(text);
      expect(e.kind === 'type' || e.kind === 'syntax').toBe(true);
      expect(e.column).toBe(column);
      expect(e.message).toContain(fragment);
    });
  }
  it('accepts every operator the checker allows for each subject', () => {
    expect(() => parseFilter('attribute:a =~ x and attribute:a !~ x and attribute:a !in [x] and attribute:a !exists')).not.toThrow();
    expect(() => parseFilter('task:group != x and task:group in [x] and task:group =~ x and task:group exists')).not.toThrow();
    expect(() => parseFilter('agentConnected != false and agentConnected !in [true] and agentConnected =~ tr.*')).not.toThrow();
  });
});

describe('limits', () => {
  it('refuses an expression over 2,000 characters with a clear error', () => {
    const long = `attribute:a == ${'x'.repeat(1990)}`;
    const e = parseError(long);
    expect(e.kind).toBe('limit');
    expect(e.message).toContain(`expression is ${long.length} characters long; the limit is 2000`);
  });
  it('accepts an expression of exactly 2,000 characters', () => {
    const text = `attribute:a == ${'x'.repeat(2000 - 15)}`;
    expect(text.length).toBe(2000);
    expect(() => parseFilter(text)).not.toThrow();
  });
  it(`refuses nesting deeper than ${MAX_DEPTH}`, () => {
    const deep = '('.repeat(MAX_DEPTH + 1) + 'attribute:a exists' + ')'.repeat(MAX_DEPTH + 1);
    const e = parseError(deep);
    expect(e.kind).toBe('limit');
    expect(e.column).toBe(MAX_DEPTH + 1);
    expect(() => parseFilter('('.repeat(MAX_DEPTH) + 'attribute:a exists' + ')'.repeat(MAX_DEPTH))).not.toThrow();
    expect(parseError('not '.repeat(MAX_DEPTH + 1) + 'attribute:a exists').kind).toBe('limit');
  });
  it('refuses a list of more than 100 values', () => {
    const values = Array.from({ length: 101 }, (_, i) => `v${i}`);
    const e = parseError(`attribute:a in [${values.join(',')}]`);
    expect(e.kind).toBe('limit');
    expect(e.message).toContain('has 101 values; the limit is 100');
    expect(() => parseFilter(`attribute:a in [${values.slice(0, 100).join(',')}]`)).not.toThrow();
  });
  it('survives 1,000 open parentheses without a stack overflow', () => {
    expect(parseError('('.repeat(1000)).kind).toBe('limit');
  });
});

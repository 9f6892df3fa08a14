import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import {
  compileJavaRegex,
  MAX_EXPANDED_SIZE,
  MAX_PROGRAM_SIZE,
  SUPPORTED_SCRIPTS,
  translateJavaRegex,
} from '../../src/java-regex/index.js';

/** The matcher of a pattern that must compile. */
function matcher(pattern: string): (value: string) => boolean {
  const result = compileJavaRegex(pattern);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(pattern)} to compile, got: ${result.message}`);
  return result.test;
}

/** The failure of a pattern that must be rejected. */
function rejection(pattern: string): { message: string; index: number } {
  const result = compileJavaRegex(pattern);
  if (result.ok) throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
  return { message: result.message, index: result.index };
}

const INSTANCE_TYPES = [
  't2.nano', 't2.micro', 't2.small', 't2.medium', 't2.large', 't2.xlarge', 't2.2xlarge', 't3.micro', 't3a.small',
  'g2.2xlarge', 'g2.8xlarge', 'g3.4xlarge', 'g4dn.xlarge', 'm5.large', 'm5d.24xlarge', 'c5n.18xlarge', 'p3.2xlarge',
];

describe('compileJavaRegex: whole-value matching', () => {
  it('matches the whole value, not a substring', () => {
    const g2 = matcher('g2.*');
    expect(g2('g2.2xlarge')).toBe(true);
    expect(g2('xg2.2xlarge')).toBe(false);
    const t2 = matcher('t2');
    expect(t2('t2')).toBe(true);
    expect(t2('t2.small')).toBe(false);
    expect(t2('at2')).toBe(false);
  });

  it('accepts the documented ECS examples g2.* and t2.* against real instance types', () => {
    const g2 = matcher('g2.*');
    const t2 = matcher('t2.*');
    expect(INSTANCE_TYPES.filter(g2)).toEqual(['g2.2xlarge', 'g2.8xlarge']);
    expect(INSTANCE_TYPES.filter(t2)).toEqual([
      't2.nano', 't2.micro', 't2.small', 't2.medium', 't2.large', 't2.xlarge', 't2.2xlarge',
    ]);
  });

  it('anchors every alternative, not just the first and last', () => {
    const alt = matcher('t2\\.micro|m5\\.large');
    expect(alt('t2.micro')).toBe(true);
    expect(alt('m5.large')).toBe(true);
    expect(alt('t2.micro m5.large')).toBe(false);
    expect(alt('t2.microm5.large')).toBe(false);
    const family = matcher('(t2|t3a?)\\.(micro|small)');
    expect(INSTANCE_TYPES.filter(family)).toEqual(['t2.micro', 't2.small', 't3.micro', 't3a.small']);
  });

  it('reads character classes, ranges and negation as Java does', () => {
    const sizes = matcher('[mc][5-6][dn]?\\.[0-9]*x?large');
    expect(sizes('m5.large')).toBe(true);
    expect(sizes('m5d.24xlarge')).toBe(true);
    expect(sizes('c5n.18xlarge')).toBe(true);
    expect(sizes('t2.large')).toBe(false);
    const notT = matcher('[^t].*');
    expect(notT('m5.large')).toBe(true);
    expect(notT('t2.micro')).toBe(false);
    expect(matcher('[]a]+')(']a]')).toBe(true); // a leading ']' is a literal
    expect(matcher('[^]a]')('b')).toBe(true);
    expect(matcher('[^]a]')(']')).toBe(false);
    expect(matcher('[a-]+')('a-a')).toBe(true); // a trailing '-' is a literal
    expect(matcher('[\\w-z]+')('a-_')).toBe(true);
    expect(matcher('[\\[\\]\\\\]+')('[\\]')).toBe(true);
  });

  it('treats \\d, \\w and \\s as ASCII classes, with \\s including \\x0B as in Java', () => {
    expect(matcher('\\d+')('0123456789')).toBe(true);
    expect(matcher('\\d')('\u0663')).toBe(false); // ARABIC-INDIC DIGIT THREE
    expect(matcher('\\D\\W')('1-')).toBe(false);
    expect(matcher('\\D\\W')('a-')).toBe(true);
    expect(matcher('\\w+')('ab_9')).toBe(true);
    expect(matcher('\\w')('é')).toBe(false);
    expect(matcher('\\s+')(' \t\n\x0B\f\r')).toBe(true);
    expect(matcher('[\\s]')('\x0B')).toBe(true);
    expect(matcher('\\s')('\u00A0')).toBe(false);
    expect(matcher('\\S')('\x0B')).toBe(false);
    expect(matcher('[^\\S]')('\x0B')).toBe(true);
  });

  it('quotes \\Q...\\E literally, also inside classes and up to the end when unterminated', () => {
    const quoted = matcher('\\Qt2.micro\\E');
    expect(quoted('t2.micro')).toBe(true);
    expect(quoted('t2xmicro')).toBe(false);
    expect(matcher('\\Q(a|b)*\\E')('(a|b)*')).toBe(true);
    expect(matcher('\\Qa.b')('a.b')).toBe(true);
    expect(matcher('\\Qa.b')('axb')).toBe(false);
    expect(matcher('\\Qa\\\\E')('a\\')).toBe(true); // '\\' inside a quote is one backslash
    expect(matcher('[\\Q]-^\\E]+')(']-^')).toBe(true);
    expect(matcher('[\\Q]-^\\E]')('a')).toBe(false);
    expect(matcher('\\Qab\\E{2}')('abb')).toBe(true); // the quantifier applies to the last quoted character
    expect(matcher('\\\\Q')('\\Q')).toBe(true); // an escaped backslash does not start a quote
  });

  it('is case-sensitive unless (?i) is given, which is ASCII-only as in Java', () => {
    expect(matcher('t2.*')('T2.MICRO')).toBe(false);
    const ci = matcher('(?i)t2\\.MICRO');
    expect(ci('t2.micro')).toBe(true);
    expect(ci('T2.Micro')).toBe(true);
    expect(matcher('(?i)k')('\u212A')).toBe(false); // KELVIN SIGN: only Unicode case folding relates it to k
    expect(matcher('(?i)é')('É')).toBe(false);
    expect(matcher('(?i)[a-c]+')('AbC')).toBe(true);
    expect(matcher('(?i)[^a-c]')('B')).toBe(false);
    expect(matcher('(?i)\\x41')('a')).toBe(true);
    expect(matcher('(?i)\\Qab\\E')('AB')).toBe(true);
  });

  it('scopes inline flags to the enclosing group, across alternatives, like Java', () => {
    const scoped = matcher('(?i:t2)\\.MICRO');
    expect(scoped('T2.MICRO')).toBe(true);
    expect(scoped('t2.micro')).toBe(false);
    const off = matcher('(?i)a(?-i)b');
    expect(off('Ab')).toBe(true);
    expect(off('AB')).toBe(false);
    const group = matcher('(?:(?i)a|b)c');
    expect(group('Bc')).toBe(true);
    expect(group('BC')).toBe(false);
  });

  it("excludes Java's line terminators from '.', unless (?s) or (?d) says otherwise", () => {
    const dot = matcher('a.b');
    expect(dot('axb')).toBe(true);
    for (const terminator of ['\n', '\r', '\u0085', '\u2028', '\u2029']) expect(dot(`a${terminator}b`)).toBe(false);
    expect(matcher('.')('😀')).toBe(true); // one code point, not one UTF-16 unit
    expect(matcher('(?s)a.b')('a\nb')).toBe(true);
    expect(matcher('(?d)a.b')('a\rb')).toBe(true);
    expect(matcher('(?d)a.b')('a\nb')).toBe(false);
  });

  it("accepts '^' and '$' where they mean the start and end of the value", () => {
    expect(matcher('^t2\\..*$')('t2.micro')).toBe(true);
    expect(matcher('a$')('a\n')).toBe(false);
    const either = matcher('(t2$|m5)\\.?');
    expect(either('t2')).toBe(true);
    expect(either('m5.')).toBe(true);
    expect(matcher('(a$)+')('a')).toBe(true);
    expect(matcher('a$\\z')('a')).toBe(true);
    // Nothing after these '$' can match a line terminator, so '$' and '\z' agree (and 'b' never matches).
    expect(matcher('a$b')('ab')).toBe(false);
    expect(matcher('a$.')('a\n')).toBe(false);
  });

  it('translates Java-only escapes: octal, \\u (with surrogate pairs), \\x{...}, \\c, \\e', () => {
    expect(matcher('\\0101\\012')('A\n')).toBe(true); // RE2 would read \0101 as \010 followed by 1
    expect(matcher('\\0777')('?7')).toBe(true); // \077 then '7': three digits only when the first is 0-3
    expect(matcher('\\u0041\\uD83D\\uDE00')('A😀')).toBe(true);
    expect(matcher('\\x41\\x{1F600}')('A😀')).toBe(true);
    expect(matcher('\\cA\\e\\a\\t\\f')('\x01\x1B\x07\t\f')).toBe(true);
    expect(matcher('\\-\\#\\ \\é')('-# é')).toBe(true); // a backslash before a non-letter is a literal
  });

  it('supports Java property classes with Java meanings', () => {
    expect(matcher('\\p{Alpha}+')('abcXYZ')).toBe(true);
    expect(matcher('\\p{Alpha}')('é')).toBe(false); // Java's POSIX classes are ASCII-only
    expect(matcher('\\p{Punct}+')('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')).toBe(true);
    expect(matcher('\\p{Space}')('\x0B')).toBe(true);
    expect(matcher('\\p{L}+')('éαж')).toBe(true);
    expect(matcher('\\pL\\PL')('a1')).toBe(true);
    expect(matcher('\\p{IsLatin}+')('éa')).toBe(true);
    expect(matcher('\\p{IsLatin}')('α')).toBe(false);
    expect(matcher('\\p{script=GREEK}')('α')).toBe(true);
    expect(matcher('\\p{gc=Lu}\\p{IsLl}')('Ab')).toBe(true);
    expect(matcher('\\p{LC}')('ʰ')).toBe(false); // a modifier letter (Lm) is not cased
    expect(matcher('\\P{LC}')('ʰ')).toBe(true);
    expect(matcher('\\p{L1}')('\u00FF')).toBe(true);
    expect(matcher('\\p{L1}')('\u0100')).toBe(false);
    expect(matcher('[\\p{Lu}\\d]+')('A1B2')).toBe(true);
    expect(matcher('[^\\p{Alpha}]')('a')).toBe(false);
    expect(matcher('[\\P{Alpha}]')('1')).toBe(true);
  });

  it('keeps Java quirks: {n} after nothing repeats the empty string, lone ] and } are literals', () => {
    expect(matcher('{2}a')('a')).toBe(true);
    expect(matcher('a]}')('a]}')).toBe(true);
    expect(matcher('[\\Qa\\E-c]')('b')).toBe(true); // after \Q..\E rewriting this is the range a-c
  });

  it('accepts reluctant quantifiers and counted repetitions with the same whole-value result', () => {
    expect(matcher('a+?b*?c??')('aab')).toBe(true);
    expect(matcher('a{2,3}?')('aaa')).toBe(true);
    expect(matcher('a{2,3}')('aaaa')).toBe(false);
    expect(matcher('a{2,}')('aaaaa')).toBe(true);
    expect(matcher('a{0}b')('b')).toBe(true);
    expect(matcher('[a-z]{400}')('x'.repeat(400))).toBe(true);
  });

  it('repeats groups that can match the empty string exactly as Java does when that is well defined', () => {
    expect(matcher('(?:a?){2}')('a')).toBe(true); // no assertion inside: Java's early exit changes nothing
    expect(matcher('(?:a|b?){3}')('ab')).toBe(true);
    expect(matcher('(?:^a?)+')('a')).toBe(true); // minimum 1: also unaffected
    expect(matcher('(?:^a?)*b')('b')).toBe(true);
    expect(matcher('(?:\\bab){2}')('abab')).toBe(false); // cannot match empty: unaffected
    expect(matcher('(?:\\bab\\b ?){2}')('ab ab')).toBe(true);
  });

  it('accepts named groups, non-capturing groups and empty alternatives', () => {
    const named = matcher('(?<family>t2|m5)\\.(?:micro|large)');
    expect(named('m5.large')).toBe(true);
    expect(matcher('a(|b)')('a')).toBe(true);
    expect(matcher('()*')('')).toBe(true);
    expect(matcher('')('')).toBe(true);
    expect(matcher('')('x')).toBe(false);
  });

  it('returns a reusable test function that does no compilation per call', () => {
    const test = matcher('(t2|m5)\\..*');
    const start = performance.now();
    let hits = 0;
    for (let k = 0; k < 10_000; k++) if (test(INSTANCE_TYPES[k % INSTANCE_TYPES.length]!)) hits++;
    expect(hits).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('translates Java-only spellings into RE2 ones with the same meaning', () => {
    const source = (pattern: string): string => {
      const result = translateJavaRegex(pattern);
      if (!result.ok) throw new Error(result.message);
      return result.source;
    };
    expect(source('(?i)k')).toBe('[Kk]');
    expect(source('.')).toBe('[^\\x{A}\\x{D}\\x{85}\\x{2028}\\x{2029}]');
    expect(source('\\s')).toBe('[[:space:]]');
    expect(source('a$')).toBe('a\\z');
    expect(source('\\0101')).toBe('A');
    expect(source('(a|b)')).toBe('(?:a|b)');
  });
});

describe('compileJavaRegex: rejected constructs', () => {
  // [pattern, message fragment, index]
  const UNSUPPORTED: ReadonlyArray<readonly [string, string, number]> = [
    ['(a)\\1', "'\\1' (backreference)", 3],
    ['(?<n>a)\\k<n>', "'\\k<n>' (named backreference)", 7],
    ['abc(?=d)', "'(?=' (lookahead) at offset 3: matching must run in linear time", 3],
    ['(?!x)y', "'(?!' (negative lookahead)", 0],
    ['a(?<=a)', "'(?<=' (lookbehind)", 1],
    ['a(?<!b)', "'(?<!' (negative lookbehind)", 1],
    ['(?>a|ab)c', "'(?>' (atomic group)", 0],
    ['a*+', "'*+' (possessive quantifier)", 1],
    ['xa++b', "'++' (possessive quantifier)", 2],
    ['a?+', "'?+' (possessive quantifier)", 1],
    ['a{2}+', "'{2}+' (possessive quantifier)", 1],
    ['(ab){1,3}+', "'{1,3}+' (possessive quantifier)", 4],
    ['[a-z&&[^aeiou]]', "'&&' (character class intersection)", 4],
    ['[a-z&&b]', "'&&' (character class intersection)", 4],
    ['[a-d[m-p]]', "'[' (nested character class (class union))", 4],
    ['[[:alpha:]]', '\\p{Alpha}', 1],
    ['\\Ga', "'\\G' (end-of-previous-match anchor)", 0],
    ['a\\Z', "'\\Z' (end of input before a final line terminator)", 1],
    ['a\\R', "'\\R' (linebreak matcher)", 1],
    ['a\\X', "'\\X' (extended grapheme cluster)", 1],
    ['\\h', "'\\h' (horizontal whitespace class)", 0],
    ['[a\\h]', "'\\h' (horizontal whitespace class)", 2],
    ['\\H', "'\\H' (non-horizontal-whitespace class)", 0],
    ['\\v', "'\\v' (vertical whitespace class)", 0],
    ['[\\v]', 'single character \\x0B', 1],
    ['\\V', "'\\V' (non-vertical-whitespace class)", 0],
    ['\\b{g}', "'\\b{g}' (grapheme cluster boundary)", 0],
    ['\\N{DIGIT ONE}', "'\\N{DIGIT ONE}' (named character)", 0],
    ['\\p{javaLowerCase}', "'\\p{javaLowerCase}' (Java-specific character property)", 0],
    ['[\\p{javaDigit}]', "'\\p{javaDigit}' (Java-specific character property)", 1],
    ['\\p{gc=javaLetter}', '(Java-specific character property)', 0],
    ['\\p{IsAlphabetic}', "'\\p{IsAlphabetic}' (Unicode binary property)", 0],
    ['\\p{IsWhite_Space}', '(Unicode binary property)', 0],
    ['\\p{IsPunct}', '(Unicode binary property)', 0],
    ['\\p{InGreek}', "'\\p{InGreek}' (Unicode block)", 0],
    ['\\p{block=Greek}', '(Unicode block)', 0],
    ['(?m)^a$', "'(?m)' (MULTILINE flag)", 2],
    ['(?im:a)', "'(?m)' (MULTILINE flag)", 3],
    ['(?x)a b', "'(?x)' (COMMENTS flag)", 2],
    ['(?u)a', "'(?u)' (UNICODE_CASE flag)", 2],
    ['(?U)\\w', "'(?U)' (UNICODE_CHARACTER_CLASS flag)", 2],
    ['(?c)a', "'(?c)' (CANON_EQ flag)", 2],
    ['(?i)\\p{Lu}', "'\\p{Lu}' (case-sensitive property under case-insensitive matching)", 4],
    ['(?i)[\\p{Lower}]', "'\\p{Lower}' (case-sensitive property", 5],
    ['[\\P{LC}x]', "'\\P{LC}' (negated multi-part property inside a character class)", 1],
    ['a$\\n', "'$' (end-of-input anchor followed by pattern that can match a line terminator)", 1],
    ['a$\\r?\\n?', "'$' (end-of-input anchor followed by pattern that can match a line terminator)", 1],
    ['(?s)a$.*', "'$' (end-of-input anchor", 5],
    ['a$\\s*', "'$' (end-of-input anchor", 1],
    ['a$[^x]', "'$' (end-of-input anchor", 1],
    ['a$\\p{Zl}', "'$' (end-of-input anchor", 1],
    ['(a$|\\n)+', "'$' (end-of-input anchor", 2],
    ['x(?:^\\p{Cc}?){2}', "'{2}' (group that can match the empty string around an anchor or word boundary, repeated at least twice)", 13],
    ['(?:\\b|a){2,}', "'{2,}' (group that can match the empty string around an anchor", 8],
    ['a{1001}', "'{1001}' (repetition count above 1000)", 1],
    ['a{2,5000}', "'{2,5000}' (repetition count above 1000)", 1],
    ['(?:(?:a{30}){30}){30}', "'{30}' (nested counted repetitions above 1000 in total)", 17],
    ['(?:\\p{L}{1000}){11}', "'{11}' (nested counted repetitions above 1000 in total)", 15],
    ['\\uD800', "'\\uD800' (unpaired UTF-16 surrogate)", 0],
    ['a\uDC00', '(unpaired UTF-16 surrogate)', 1],
  ];

  it.each(UNSUPPORTED)('rejects %j naming the construct', (pattern, fragment, index) => {
    const failure = rejection(pattern);
    expect(failure.message).toContain(fragment);
    expect(failure.message).toContain(`at offset ${index}`);
    expect(failure.index).toBe(index);
  });

  it('phrases rejections as "unsupported regular expression construct" with a reason', () => {
    expect(rejection('abc(?=d)').message).toBe(
      "unsupported regular expression construct '(?=' (lookahead) at offset 3: matching must run in linear time",
    );
    for (const [pattern] of UNSUPPORTED) {
      expect(rejection(pattern).message).toMatch(/^unsupported regular expression construct '.+' \(.+\) at offset \d+: .+/);
    }
  });

  it('rejects patterns that expand beyond the size limit instead of compiling slowly', () => {
    const failure = rejection('\\p{L}{1000}'.repeat(11));
    expect(failure.message).toContain('regular expression too large');
    expect(failure.message).toContain(`more than the ${MAX_EXPANDED_SIZE}`);
    expect(failure.index).toBe(0);
    expect(rejection('x(?:abcdefghijk){1000}').message).toContain("'{1000}' (repetition expanding to more than");
    expect(rejection('x(?:abcdefghijk){1000}').index).toBe(16);
  });

  it('rejects patterns whose compiled program is larger than MAX_PROGRAM_SIZE (as RE2 bounds program memory)', () => {
    // Each passes the repetition and expansion checks; the compiled program is what is too large.
    for (const pattern of ['[a-z]{1000}', '(?:[\\p{L}\\p{N}]{1,100}){1,10}', '(?:.{1,10}){1,100}']) {
      const failure = rejection(pattern);
      expect(failure.message).toMatch(new RegExp(`regular expression too large at offset 0: it compiles to \\d+ instructions, more than the ${MAX_PROGRAM_SIZE} allowed`));
      expect(failure.index).toBe(0);
    }
    expect(matcher(`[a-z]{${MAX_PROGRAM_SIZE - 2}}`)('x'.repeat(MAX_PROGRAM_SIZE - 2))).toBe(true);
  });

  // [pattern, message fragment, index]: patterns Java itself refuses
  const INVALID: ReadonlyArray<readonly [string, string, number]> = [
    ['*a', "dangling quantifier '*'", 0],
    ['a|+', "dangling quantifier '+'", 2],
    ['a**', "dangling quantifier '*'", 2],
    ['(?i)?', "dangling quantifier '?'", 4],
    ['(a', "unclosed group: '(' has no matching ')'", 0],
    ['a)', "unmatched closing ')'", 1],
    ['[a', 'unclosed character class', 0],
    ['[]', 'unclosed character class', 0],
    ['[^]', 'unclosed character class', 0],
    ['a{', "illegal repetition '{'", 1],
    ['a{,3}', "illegal repetition '{'", 1],
    ['{', "illegal repetition '{'", 0],
    ['a{2', 'unclosed counted repetition', 1],
    ['a{1,x}', 'unclosed counted repetition', 1],
    ['a{3,2}', "illegal repetition range '{3,2}'", 1],
    ['a{99999999999}', 'illegal repetition range', 1],
    ['[z-a]', "illegal character range 'z-a'", 1],
    ['[a-\\d]', 'illegal character range', 1],
    ['\\y', "illegal/unsupported escape sequence '\\y'", 0],
    ['a\\E', "'\\E' must close a '\\Q' quotation", 1],
    ['a\\', 'trailing backslash', 1],
    ['\\0', 'illegal octal escape sequence', 0],
    ['\\08', 'illegal octal escape sequence', 0],
    ['\\xZ1', 'illegal hexadecimal escape sequence', 0],
    ['\\x{110000}', 'hexadecimal code point is too big', 0],
    ['\\x{41', 'unclosed hexadecimal escape sequence', 0],
    ['a\\u12', 'illegal Unicode escape sequence', 1],
    ['\\c', 'illegal control escape sequence', 0],
    ['\\p{Latin}', 'unknown character property name {Latin}', 0],
    ['\\p{Foo}', 'unknown character property name {Foo}', 0],
    ['\\p{IsNoSuchScript}', 'unknown character property name {IsNoSuchScript}', 0],
    ['\\p{sc=NoSuchScript}', "unknown or unsupported Unicode script 'NoSuchScript'", 0],
    ['\\p{', 'unclosed character property', 0],
    ['\\p{}', 'empty character property', 0],
    ['(?P<n>a)', "Python-style named group '(?P'", 0],
    ['(?#note)', "comment group '(?#'", 0],
    ['(?q)', 'unknown inline modifier', 2],
    ['(?$)', "unknown group type '(?$'", 0],
    ['(?<1a>x)', 'capturing group name does not start with a Latin letter', 3],
    ['(?<ab', "named capturing group is missing trailing '>'", 5],
    ['(?<a>x)(?<a>y)', 'named capturing group <a> is already defined', 7],
    ['[\\b]', "'\\b' is not allowed inside a character class", 1],
    ['[\\1]', "'\\1' is not allowed inside a character class", 1],
  ];

  it.each(INVALID)('reports the Java syntax error in %j', (pattern, fragment, index) => {
    const failure = rejection(pattern);
    expect(failure.message).toContain(fragment);
    expect(failure.message).toContain(`at offset ${index}`);
    expect(failure.index).toBe(index);
  });

  it("reports re2js's own refusals as data with a cleaned-up message", () => {
    // Only reachable beyond 2,000 characters: 1,000 nested starred groups.
    const failure = rejection('(?:'.repeat(1000) + 'a' + ')*'.repeat(1000));
    expect(failure.message).toBe('regular expression rejected by the linear-time engine at offset 0: repetitions are nested too deeply');
    expect(rejection('('.repeat(1001) + ')'.repeat(1001)).message).toContain('groups nested more than 1000 deep');
  });

  it("hints at Java's 'Is' prefix for scripts", () => {
    expect(rejection('\\p{Greek}').message).toContain('\\p{IsGreek}');
  });
});

describe('compileJavaRegex: linear time', () => {
  it('runs (a|a)*(a|a)*(a|a)*b against 10,000 a in well under 200 ms (ReDoS guard)', () => {
    const start = performance.now();
    const test = matcher('(a|a)*(a|a)*(a|a)*b');
    const result = test('a'.repeat(10_000));
    const elapsed = performance.now() - start;
    expect(result).toBe(false);
    expect(elapsed).toBeLessThan(200);
  });

  it('handles other classic ReDoS shapes in linear time', () => {
    for (const pattern of ['(a+)+b', '(a*)*b', '(a|aa)+b', '(.*a){20}b', '(\\w+\\s?)*$x']) {
      const result = compileJavaRegex(pattern);
      const start = performance.now();
      if (result.ok) expect(result.test(`${'a'.repeat(5000)}!`)).toBe(false);
      expect(performance.now() - start).toBeLessThan(200);
    }
  });

  it('compiles or rejects adversarial 2,000-character patterns quickly', () => {
    const patterns = [
      '('.repeat(1000) + ')'.repeat(1000),
      '(?:'.repeat(399) + 'a' + ')*'.repeat(399),
      `[${'a'.repeat(1998)}]`,
      `\\p{${'x'.repeat(1997)}`,
      `\\Q${'a.'.repeat(999)}`,
      `(?i)${'a'.repeat(1996)}`,
      '.'.repeat(2000),
      '(a*)*'.repeat(400),
      '\\p{L}'.repeat(400),
      '(a|'.repeat(500) + ')'.repeat(500),
      '(?:\\p{L}{10}){100}'.repeat(100),
      `${'['.repeat(1000)}${']'.repeat(1000)}`,
      `${'\\'.repeat(1999)}`,
      `${'(?i)'.repeat(500)}`,
      `${'a{1000}'.repeat(285)}`,
    ];
    for (const pattern of patterns) {
      expect(pattern.length).toBeLessThanOrEqual(2000);
      const start = performance.now();
      const result = compileJavaRegex(pattern);
      if (result.ok) result.test('a'.repeat(128));
      expect(performance.now() - start, pattern.slice(0, 40)).toBeLessThan(1000);
    }
  });

  it('returns failures as data for any input, never throwing, with an index inside the pattern', () => {
    const fragment = fc.constantFrom(
      '(', ')', '[', ']', '{', '}', '{2}', '{1,', '*', '+', '?', '|', '^', '$', '.', '\\', '\\Q', '\\E', '\\p{',
      '\\p{L}', '(?', '(?<', '(?i)', '&&', '-', 'a', 'Z', '0', '\\u', '\\x{', ':', '=', '!', '<', '>', 'é', '😀',
    );
    const patterns = fc.oneof(
      fc.string({ maxLength: 100, unit: 'binary' }),
      fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(patterns, (pattern) => {
        const start = performance.now();
        const result = compileJavaRegex(pattern);
        if (result.ok) {
          expect(typeof result.test('abc')).toBe('boolean');
        } else {
          expect(result.index).toBeGreaterThanOrEqual(0);
          expect(result.index).toBeLessThanOrEqual(pattern.length);
          expect(result.message.length).toBeGreaterThan(0);
        }
        expect(performance.now() - start).toBeLessThan(250);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('compileJavaRegex: agreement with an oracle', () => {
  const ATOMS = ['a', 'b', 'c', 'A', '0', '_', '.', '\\.', '[abc]', '[^a]', '[a-c]', '[A-Za-b]', '\\d', '\\w', '\\W'];
  const QUANTIFIERS = ['', '', '', '*', '+', '?', '{2}', '{0,2}', '{1,3}', '{2,}', '*?', '+?', '??'];

  /** Patterns from a subset that JavaScript's RegExp reads exactly like Java (no '.' line-terminator subtleties on this alphabet). */
  function safePattern(depth: number): fc.Arbitrary<string> {
    const atom = fc.constantFrom(...ATOMS);
    const piece =
      depth === 0
        ? atom
        : fc.oneof(
            { weight: 3, arbitrary: atom },
            {
              weight: 1,
              arbitrary: fc
                .tuple(fc.constantFrom('(', '(?:'), safePattern(depth - 1))
                .map(([open, body]) => `${open}${body})`),
            },
          );
    const quantified = fc.tuple(piece, fc.constantFrom(...QUANTIFIERS)).map(([p, q]) => p + q);
    const sequence = fc.array(quantified, { maxLength: 4 }).map((parts) => parts.join(''));
    return fc.array(sequence, { minLength: 1, maxLength: 3 }).map((alternatives) => alternatives.join('|'));
  }

  const value = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '0', '_', '.', '\n', ' '), maxLength: 8 });

  it('agrees with an anchored JavaScript RegExp on a safe subset of patterns', () => {
    fc.assert(
      fc.property(safePattern(2), value, (pattern, input) => {
        const test = matcher(pattern);
        expect(test(input)).toBe(new RegExp(`^(?:${pattern})$`).test(input));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('agrees with the oracle on case-insensitive patterns over ASCII', () => {
    fc.assert(
      fc.property(safePattern(1), value, (pattern, input) => {
        const test = matcher(`(?i)${pattern}`);
        expect(test(input)).toBe(new RegExp(`^(?:${pattern})$`, 'i').test(input));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('script table', () => {
  it('maps only scripts that re2js knows, reachable as \\p{IsName} and \\p{sc=name}', () => {
    for (const name of SUPPORTED_SCRIPTS) {
      expect(() => RE2JS.compile(`\\p{${name}}`)).not.toThrow();
      expect(compileJavaRegex(`\\p{Is${name}}`).ok).toBe(true);
      expect(compileJavaRegex(`\\p{sc=${name.toLowerCase()}}`).ok).toBe(true);
    }
  });
});

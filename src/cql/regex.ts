/**
 * Java regular expressions (java.util.regex.Pattern) for the CQL `=~` / `matches` and `!~` /
 * `not_matches` operators, matched against the WHOLE value (like `Matcher.matches()`) in linear
 * time.
 *
 * User patterns never reach a backtracking engine. A Java pattern is parsed here, following the
 * JDK's own parser (`Pattern.RemoveQEQuoting`, `expr`, `sequence`, `atom`, `closure`, `group0`,
 * `clazz`, `range`, `escape`, `family`) so that it reads the pattern exactly as Java does, and is
 * then re-emitted in RE2 syntax for `re2js` (a port of RE2/J: linear time, no backtracking). Every
 * construct is either translated to an RE2 spelling with the same meaning or rejected with a
 * message naming it: a pattern's meaning is never silently changed.
 *
 * Rejected because they need backtracking (matching must run in linear time): backreferences
 * (`\1`, `\k<name>`), lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic groups
 * `(?>`, possessive quantifiers (`*+`, `++`, `?+`, `{n}+`).
 *
 * Rejected because RE2 lacks them or would read them differently: class intersection `&&` and
 * nested classes / class union `[a-d[m-p]]` (RE2 would read these literally), `\G`, `\Z`, `\R`,
 * `\X`, `\b{g}`, `\h`, `\H`, `\v` (Java: vertical whitespace; RE2: only \x0B), `\V`, `\N{name}`,
 * Unicode blocks (`\p{InGreek}`, `\p{block=...}`), Unicode binary properties (`\p{IsAlphabetic}`,
 * `\p{IsWhite_Space}`, ...), Java-specific properties (`\p{javaLowerCase}`, ...), the
 * case-sensitive properties `\p{Lu}`, `\p{Ll}`, `\p{Lt}`, `\p{Lower}`, `\p{Upper}` under `(?i)`
 * (their case-insensitive meaning varies between Java versions), negated multi-part properties
 * inside a class (`[\P{LC}x]`), the inline flags `m` (MULTILINE), `u` (UNICODE_CASE), `U`
 * (UNICODE_CHARACTER_CLASS; RE2 reads `(?U)` as "ungreedy"), `x` (COMMENTS) and `c` (CANON_EQ),
 * `$` followed by pattern that can match a line terminator (Java's `$` also matches just before a
 * line terminator that ends the input, which RE2 cannot express), a group that contains an
 * assertion and can match the empty string repeated with a minimum of 2 or more (Java ends such a
 * loop at the first empty iteration, even below the minimum), unpaired surrogates, counted
 * repetitions above RE2's limit of 1000 (also in total when nested), and patterns expanding to
 * more than MAX_EXPANDED_SIZE elements.
 *
 * Translated so that the meaning is exactly Java's:
 * - `.` excludes `\n`, `\r`, `\u0085`, `\u2028`, `\u2029` (Java), not only `\n` (RE2); with
 *   `(?d)` (UNIX_LINES) only `\n`; with `(?s)` nothing.
 * - `\s` / `\S` are `[ \t\n\x0B\f\r]` and its complement (Java includes \x0B; RE2's `\s` does not).
 * - `(?i)` is ASCII-only case-insensitivity, as in Java without UNICODE_CASE (RE2's `(?i)` folds
 *   all of Unicode, e.g. `k` would also match the Kelvin sign U+212A); it is expanded here
 *   (`a` becomes `[Aa]`, `[a-c]` becomes `[a-cA-C]`) and RE2 never sees the flag.
 * - Java-only escapes `\0ooo` (octal; RE2 reads `\0101` differently), `\uXXXX` (surrogate pairs
 *   combined as Java does), `\cX`, `\e`; POSIX `\p{Alpha}`, `\p{Punct}`, ... (ASCII, as in Java);
 *   `\p{LC}`, `\p{LD}`, `\p{L1}`, `\p{all}`; scripts `\p{IsLatin}`, `\p{sc=Greek}`; categories
 *   `\p{IsLu}`, `\p{gc=Lu}`; `\Q...\E` quoting (also inside classes, exactly as Java rewrites it).
 * - Java syntax errors (dangling `*`, bad ranges, unknown escapes such as `\y`, `\p{Latin}`
 *   without `Is`, ...) are reported as errors; Java's oddities are kept (`{2}` with nothing before
 *   it repeats the empty string; `]` and `}` on their own are literals).
 *
 * Remaining documented differences, accepted:
 * - Unicode data: `\p{..}` categories and scripts use re2js's Unicode tables, which may be a newer
 *   (or older) Unicode version than the JVM's; a script name the JVM does not know yet is accepted.
 * - `\b` / `\B` use ASCII word characters `[A-Za-z0-9_]`, as Java does since JDK 19; older JDKs
 *   also counted non-ASCII letters and digits as word characters for `\b`.
 * - Reluctant quantifiers (`*?`, `{n,m}?`) are accepted and read as greedy: under whole-value
 *   matching the result is the same.
 * - Script aliases (ISO 15924 codes such as `\p{IsLatn}`) are rejected even though Java accepts
 *   them (a rejection, never a change of meaning).
 *
 * The translation was checked by differential fuzzing against `Pattern.matches` on JDK 25 (no
 * differences) and JDK 17 (differences only in `\b`/`\B` next to non-ASCII letters, as above).
 */
import { RE2JS } from 're2js';

/** Result of compiling a user pattern. Failures are data, not exceptions. */
export type RegexCompileResult =
  | { readonly ok: true; readonly test: (value: string) => boolean }
  | { readonly ok: false; readonly message: string; readonly index: number }; // index: 0-based offset in the pattern where the problem is (best effort, 0 if unknown)

/** Result of translating a Java pattern to RE2 syntax (exposed for diagnostics and tests). */
export type RegexTranslateResult =
  | { readonly ok: true; readonly source: string }
  | { readonly ok: false; readonly message: string; readonly index: number };

/** Largest count RE2 accepts in `{n,m}`, and the largest product of nested counted repetitions. */
export const MAX_REPETITION = 1000;

/**
 * Largest pattern accepted, counted in characters-to-match after counted repetitions are expanded
 * (`[a-z]{1000}` counts 1000, `(?:ab){10}` counts 20). RE2 compiles `x{n}` into n copies of `x`,
 * and re2js's one-off matcher set-up grows with that size (about 0.2 s at this limit with large
 * Unicode classes), so a pattern of a few characters must not be allowed to expand without bound.
 */
export const MAX_EXPANDED_SIZE = 10_000;

/** Deepest group nesting accepted (keeps the recursive parser and emitter shallow). */
export const MAX_GROUP_NESTING = 1000;

/** Compiles a Java-syntax regular expression for whole-value (anchored) matching in linear time. */
export function compileJavaRegex(pattern: string): RegexCompileResult {
  const translated = translate(pattern);
  if (!translated.ok) return translated;
  let re: RE2JS;
  try {
    re = RE2JS.compile(translated.source);
  } catch (error) {
    return engineFailure(error, translated);
  }
  return { ok: true, test: (value: string) => re.matches(value) };
}

/** Translates a Java pattern to an RE2 pattern with the same whole-value meaning, or explains why it cannot. */
export function translateJavaRegex(pattern: string): RegexTranslateResult {
  const translated = translate(pattern);
  return translated.ok ? { ok: true, source: translated.source } : translated;
}

// ---------------------------------------------------------------------------------------------
// Errors

class PatternError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const LINEAR_TIME = 'matching must run in linear time';

function unsupported(construct: string, what: string, reason: string, index: number): PatternError {
  return new PatternError(
    `unsupported regular expression construct '${construct}' (${what}) at offset ${index}: ${reason}`,
    index,
  );
}

/** Throws `error`; usable where an expression is expected. */
function fail(error: PatternError): never {
  throw error;
}

function invalid(description: string, index: number, hint?: string): PatternError {
  return new PatternError(`${description} at offset ${index}${hint ? `: ${hint}` : ''}`, index);
}

type Translation =
  | { readonly ok: true; readonly source: string; readonly map: readonly SourceMapEntry[] }
  | { readonly ok: false; readonly message: string; readonly index: number };

interface SourceMapEntry {
  readonly out: number; // offset in the RE2 source
  readonly src: number; // offset in the user's pattern
}

function translate(pattern: string): Translation {
  try {
    const { cps, offs } = removeQEQuoting(codePoints(pattern), pattern.length);
    const parser = new Parser(cps, offs, pattern);
    const root = parser.parse();
    checkRepetitionTotals(root, MAX_REPETITION, null);
    const size = expandedSize(root);
    if (size > MAX_EXPANDED_SIZE) {
      throw new PatternError(
        `regular expression too large at offset 0: it expands to ${size} elements once counted repetitions are expanded, more than the ${MAX_EXPANDED_SIZE} the linear-time engine accepts; use fewer or smaller counted repetitions`,
        0,
      );
    }
    if (parser.hasDollar) checkDollars(root, false);
    const emitter = new Emitter();
    emitter.emit(root);
    return { ok: true, source: emitter.source(), map: emitter.map };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, message: error.message, index: error.index };
    if (error instanceof RangeError) {
      return { ok: false, message: 'regular expression is too deeply nested to compile', index: 0 };
    }
    // A bug here must not escape as an exception: failures are data.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `internal error while reading the regular expression: ${detail}`, index: 0 };
  }
}

/** Turns an exception from re2js (should be rare: the emitted syntax is checked here first) into a result. */
function engineFailure(
  error: unknown,
  translated: { readonly source: string; readonly map: readonly SourceMapEntry[] },
): RegexCompileResult {
  const e = error as { error?: unknown; input?: unknown; message?: unknown };
  const description = typeof e.error === 'string' ? e.error : typeof e.message === 'string' ? e.message : String(error);
  const fragment = typeof e.input === 'string' ? e.input : '';
  let index = 0;
  if (fragment !== '') {
    const at = translated.source.indexOf(fragment);
    if (at >= 0) index = sourceOffset(translated.map, at);
  }
  const reason = ENGINE_ERRORS[description] ?? description.replace(/^error parsing regexp: /, '');
  return {
    ok: false,
    message: `regular expression rejected by the linear-time engine at offset ${index}: ${reason}`,
    index,
  };
}

const ENGINE_ERRORS: Readonly<Record<string, string>> = {
  'invalid repeat count': `counted repetitions may repeat at most ${MAX_REPETITION} times, also in total when nested`,
  'expression nests too deeply': 'repetitions are nested too deeply',
  'expression too large': 'the pattern is too large',
  'invalid nested repetition operator': 'a repetition operator is applied to another repetition',
};

function sourceOffset(map: readonly SourceMapEntry[], out: number): number {
  let lo = 0;
  let hi = map.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = map[mid]!;
    if (entry.out <= out) {
      best = entry.src;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Code points and \Q...\E

const EOF = -1;
const cp = (s: string): number => s.codePointAt(0)!;
const BACKSLASH = cp('\\');
const LPAREN = cp('(');
const RPAREN = cp(')');
const LBRACKET = cp('[');
const RBRACKET = cp(']');
const LBRACE = cp('{');
const RBRACE = cp('}');
const PIPE = cp('|');
const STAR = cp('*');
const PLUS = cp('+');
const QUESTION = cp('?');
const CARET = cp('^');
const DOLLAR = cp('$');
const DOT = cp('.');
const MINUS = cp('-');
const AMP = cp('&');
const COLON = cp(':');
const COMMA = cp(',');
const EQUALS = cp('=');
const BANG = cp('!');
const LT = cp('<');
const GT = cp('>');
const AT = cp('@');
const HASH = cp('#');
const CHAR_Q = cp('Q');
const CHAR_E = cp('E');
const CHAR_P = cp('P');
const CHAR_p = cp('p');
const CHAR_g = cp('g');
const CHAR_u = cp('u');
const CHAR_x = cp('x');
const CHAR_3 = cp('3');

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isOctal = (c: number): boolean => c >= 0x30 && c <= 0x37;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAsciiLetter = (c: number): boolean => isUpper(c) || isLower(c);
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || isDigit(c);
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const hexValue = (c: number): number => (isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10);
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** Java's line terminators, one bit each: \n, \r, \u0085, \u2028, \u2029. */
const TERMINATORS = [0x0a, 0x0d, 0x85, 0x2028, 0x2029] as const;
const ALL_TERMINATORS = 0b11111;
const CR_LF = 0b00011;
const C0_TERMINATORS = 0b00111; // \n, \r, \u0085: general category Cc, Latin-1

/** The TERMINATORS bits of the characters in [lo, hi]. */
function terminatorsIn(lo: number, hi: number = lo): number {
  let bits = 0;
  TERMINATORS.forEach((c, k) => {
    if (c >= lo && c <= hi) bits |= 1 << k;
  });
  return bits;
}

interface CodePoints {
  readonly cps: number[];
  /** UTF-16 offset in the pattern of each code point, plus one final entry: the pattern's length. */
  readonly offs: number[];
}

/** The pattern as code points (Java's parser works on code points too); unpaired surrogates are rejected. */
function codePoints(pattern: string): CodePoints {
  const cps: number[] = [];
  const offs: number[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern.codePointAt(i)!;
    if (isSurrogate(c)) {
      throw unsupported(
        `\\u${c.toString(16).toUpperCase()}`,
        'unpaired UTF-16 surrogate',
        'the pattern must be well-formed Unicode text',
        i,
      );
    }
    cps.push(c);
    offs.push(i);
    i += c > 0xffff ? 2 : 1;
  }
  offs.push(pattern.length);
  return { cps, offs };
}

/**
 * Java's `Pattern.RemoveQEQuoting`, code point for code point: `\Q...\E` is rewritten into
 * ordinary pattern text before parsing (quoted ASCII punctuation gets a backslash, a quoted digit
 * right after `\Q` becomes `\x3d`, letters and non-ASCII stay as they are). Each output code point
 * keeps the offset of the pattern character it comes from.
 */
function removeQEQuoting(input: CodePoints, patternLength: number): CodePoints {
  const { cps, offs } = input;
  const n = cps.length;
  let i = 0;
  while (i < n - 1) {
    if (cps[i] !== BACKSLASH) i += 1;
    else if (cps[i + 1] !== CHAR_Q) i += 2;
    else break;
  }
  if (i >= n - 1) return input;
  const out: number[] = cps.slice(0, i);
  const outOffs: number[] = offs.slice(0, i);
  const push = (c: number, off: number): void => {
    out.push(c);
    outOffs.push(off);
  };
  i += 2;
  let inQuote = true;
  let beginQuote = true;
  while (i < n) {
    const off = offs[i]!;
    const c = cps[i++]!;
    if (c > 0x7f || isAsciiLetter(c)) {
      push(c, off);
    } else if (isDigit(c)) {
      if (beginQuote) {
        push(BACKSLASH, off);
        push(CHAR_x, off);
        push(CHAR_3, off);
      }
      push(c, off);
    } else if (c !== BACKSLASH) {
      if (inQuote) push(BACKSLASH, off);
      push(c, off);
    } else if (inQuote) {
      if (cps[i] === CHAR_E) {
        i++;
        inQuote = false;
      } else {
        push(BACKSLASH, off);
        push(BACKSLASH, off);
      }
    } else if (cps[i] === CHAR_Q) {
      i++;
      inQuote = true;
      beginQuote = true;
      continue;
    } else {
      push(c, off);
      if (i !== n) {
        push(cps[i]!, offs[i]!);
        i++;
      }
    }
    beginQuote = false;
  }
  outOffs.push(patternLength);
  return { cps: out, offs: outOffs };
}

// ---------------------------------------------------------------------------------------------
// Syntax tree (already in RE2 terms at the leaves)

type Node = EmptyNode | CharNode | AssertNode | ConcatNode | AltNode | GroupNode | RepeatNode;

// `terminator`: whether the node can match a Java line terminator (needed to place `$` safely).
// `nullable`: whether it can match the empty string; `asserts`: whether it holds a zero-width
// assertion (both needed to spot Java's early exit from repeated empty iterations).
interface Facts {
  readonly terminator: boolean;
  readonly nullable: boolean;
  readonly asserts: boolean;
}
interface EmptyNode extends Facts {
  readonly kind: 'empty';
}
/** Matches exactly one character; `re` is a single RE2 atom (literal, class, `(?s:.)`). */
interface CharNode extends Facts {
  readonly kind: 'char';
  readonly re: string;
  readonly pos: number;
}
/** A zero-width assertion; `re` is a single RE2 atom. */
interface AssertNode extends Facts {
  readonly kind: 'assert';
  readonly re: string;
  readonly pos: number;
  readonly dollar: boolean;
}
interface ConcatNode extends Facts {
  readonly kind: 'concat';
  readonly items: readonly Node[];
}
interface AltNode extends Facts {
  readonly kind: 'alt';
  readonly alts: readonly Node[];
}
interface GroupNode extends Facts {
  readonly kind: 'group';
  readonly body: Node;
  readonly pos: number;
}
interface RepeatNode extends Facts {
  readonly kind: 'repeat';
  readonly sub: CharNode | AssertNode | GroupNode;
  readonly min: number;
  readonly max: number; // -1: unbounded
  readonly counted: boolean; // written as {n}, {n,} or {n,m}
  readonly op: string; // RE2 spelling of the quantifier
  readonly text: string; // the quantifier as written
  readonly pos: number;
}

const EMPTY: EmptyNode = { kind: 'empty', terminator: false, nullable: true, asserts: false };

/** `terminators`: which of Java's line terminators the character can match (TERMINATOR bits). */
const charNode = (re: string, pos: number, terminators: number): CharNode => ({
  kind: 'char',
  terminator: terminators !== 0,
  nullable: false,
  asserts: false,
  re,
  pos,
});
const assertNode = (re: string, pos: number, dollar = false): AssertNode => ({
  kind: 'assert',
  terminator: false,
  nullable: true,
  asserts: true,
  re,
  pos,
  dollar,
});

function concatNode(items: Node[]): Node {
  const kept = items.filter((item) => item.kind !== 'empty');
  if (kept.length === 0) return EMPTY;
  if (kept.length === 1) return kept[0]!;
  return {
    kind: 'concat',
    terminator: kept.some((item) => item.terminator),
    nullable: kept.every((item) => item.nullable),
    asserts: kept.some((item) => item.asserts),
    items: kept,
  };
}

function altNode(alts: Node[]): Node {
  if (alts.length === 1) return alts[0]!;
  return {
    kind: 'alt',
    terminator: alts.some((alt) => alt.terminator),
    nullable: alts.some((alt) => alt.nullable),
    asserts: alts.some((alt) => alt.asserts),
    alts,
  };
}

// ---------------------------------------------------------------------------------------------
// Emitting RE2 syntax

/** A code point as an RE2 literal, valid both inside and outside a class. */
function re2Literal(c: number): string {
  if (isAsciiAlnum(c)) return String.fromCharCode(c);
  if (c >= 0x21 && c <= 0x7e) return `\\${String.fromCharCode(c)}`;
  return `\\x{${c.toString(16).toUpperCase()}}`;
}

/** Java's ASCII-only case-insensitivity: the other case of an ASCII letter, or null. */
function otherCase(c: number): number | null {
  if (isUpper(c)) return c + 0x20;
  if (isLower(c)) return c - 0x20;
  return null;
}

function literalRe(c: number, caseInsensitive: boolean): string {
  const other = caseInsensitive ? otherCase(c) : null;
  if (other === null) return re2Literal(c);
  return `[${re2Literal(Math.min(c, other))}${re2Literal(Math.max(c, other))}]`;
}

class Emitter {
  private readonly parts: string[] = [];
  private length = 0;
  readonly map: SourceMapEntry[] = [];

  source(): string {
    return this.parts.join('');
  }

  private push(text: string, src?: number): void {
    if (src !== undefined) this.map.push({ out: this.length, src });
    this.parts.push(text);
    this.length += text.length;
  }

  private emitAlternatives(node: AltNode): void {
    node.alts.forEach((alt, k) => {
      if (k > 0) this.push('|');
      this.emit(alt);
    });
  }

  emit(node: Node): void {
    switch (node.kind) {
      case 'empty':
        return;
      case 'char':
      case 'assert':
        this.push(node.re, node.pos);
        return;
      case 'concat':
        for (const item of node.items) this.emit(item);
        return;
      case 'alt':
        this.push('(?:');
        this.emitAlternatives(node);
        this.push(')');
        return;
      case 'group':
        this.push('(?:', node.pos);
        if (node.body.kind === 'alt') this.emitAlternatives(node.body);
        else this.emit(node.body);
        this.push(')');
        return;
      case 'repeat':
        this.emit(node.sub);
        this.push(node.op, node.pos);
        return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checks on the whole tree

/**
 * RE2 refuses counted repetitions whose counts, multiplied along any nesting path, exceed 1000
 * (Go's `repeatIsValid`). Checked here to name the repetition in the message.
 */
function checkRepetitionTotals(node: Node, budget: number, outer: RepeatNode | null): void {
  switch (node.kind) {
    case 'concat':
      for (const item of node.items) checkRepetitionTotals(item, budget, outer);
      return;
    case 'alt':
      for (const alt of node.alts) checkRepetitionTotals(alt, budget, outer);
      return;
    case 'group':
      checkRepetitionTotals(node.body, budget, outer);
      return;
    case 'repeat': {
      if (!node.counted) {
        checkRepetitionTotals(node.sub, budget, outer);
        return;
      }
      if (node.max === 0) return;
      const count = node.max === -1 ? node.min : node.max;
      if (count > budget) {
        if (outer === null || count > MAX_REPETITION) {
          throw unsupported(
            node.text,
            `repetition count above ${MAX_REPETITION}`,
            `the linear-time engine supports counts up to ${MAX_REPETITION}`,
            node.pos,
          );
        }
        throw unsupported(
          outer.text,
          `nested counted repetitions above ${MAX_REPETITION} in total`,
          `counted repetitions nested inside one another may repeat at most ${MAX_REPETITION} times in total`,
          outer.pos,
        );
      }
      checkRepetitionTotals(node.sub, count > 0 ? Math.floor(budget / count) : budget, outer ?? node);
      return;
    }
    default:
      return;
  }
}

/**
 * The number of single-character and assertion elements the RE2 program will hold once counted
 * repetitions are expanded. A counted repetition whose expansion alone exceeds the limit is
 * reported at its own offset.
 */
function expandedSize(node: Node): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'char':
    case 'assert':
      return 1;
    case 'concat':
      return node.items.reduce((sum, item) => sum + expandedSize(item), 0);
    case 'alt':
      return node.alts.reduce((sum, alt) => sum + expandedSize(alt), 0);
    case 'group':
      return expandedSize(node.body);
    case 'repeat': {
      const sub = expandedSize(node.sub);
      if (!node.counted) return sub;
      const copies = node.max === -1 ? node.min + 1 : node.max;
      const size = sub * copies;
      if (size > MAX_EXPANDED_SIZE) {
        throw unsupported(
          node.text,
          `repetition expanding to more than ${MAX_EXPANDED_SIZE} elements`,
          'use a smaller count or repeat a shorter sub-pattern',
          node.pos,
        );
      }
      return size;
    }
  }
}

/**
 * Java's `$` (without MULTILINE) matches at the end of the input and also just before a line
 * terminator that ends the input; RE2 has no such assertion. Under whole-value matching `$` can
 * only differ from `\z` when what may follow it matches that final line terminator, so `$` is
 * translated to `\z` unless something after it (or, inside a repetition, the repeated part itself)
 * can match a line terminator, and rejected then.
 */
function checkDollars(node: Node, followed: boolean): void {
  switch (node.kind) {
    case 'assert':
      if (node.dollar && followed) {
        throw unsupported(
          '$',
          'end-of-input anchor followed by pattern that can match a line terminator',
          "Java's '$' also matches just before a line terminator that ends the value, which the linear-time engine cannot express; use '\\z' for the very end of the value",
          node.pos,
        );
      }
      return;
    case 'concat': {
      let after = followed;
      for (let k = node.items.length - 1; k >= 0; k--) {
        const item = node.items[k]!;
        checkDollars(item, after);
        after = after || item.terminator;
      }
      return;
    }
    case 'alt':
      for (const alt of node.alts) checkDollars(alt, followed);
      return;
    case 'group':
      checkDollars(node.body, followed);
      return;
    case 'repeat': {
      const repeats = node.max === -1 || node.max > 1;
      checkDollars(node.sub, followed || (repeats && node.sub.terminator));
      return;
    }
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Character properties (\p{...})

/** A property as RE2 class-body text; `neg` is its complement as one class item, when RE2 has one. */
interface Property {
  readonly pos: string;
  readonly neg: string | null;
  /** The TERMINATORS bits of `pos`. */
  readonly terminators: number;
  /** Java changes its meaning under CASE_INSENSITIVE (differently across versions). */
  readonly caseSensitive: boolean;
}

const GENERAL_CATEGORIES = [
  'Cn', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Me', 'Mc', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf',
  'Co', 'Cs', 'Pd', 'Ps', 'Pe', 'Pc', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Pi', 'Pf', 'L', 'M', 'N', 'Z',
  'C', 'P', 'S',
] as const;

/** General categories holding line terminators: \n, \r and \u0085 are Cc, \u2028 Zl, \u2029 Zp. */
const CATEGORY_TERMINATORS: Readonly<Record<string, number>> = {
  Cc: C0_TERMINATORS,
  C: C0_TERMINATORS,
  Zl: 0b01000,
  Zp: 0b10000,
  Z: 0b11000,
};

/** Java's `CharPredicates.forProperty` names (case-sensitive), minus the java* ones. */
const PROPERTIES: ReadonlyMap<string, Property> = new Map<string, Property>([
  ...GENERAL_CATEGORIES.map((name): [string, Property] => [
    name,
    {
      pos: `\\p{${name}}`,
      neg: `\\P{${name}}`,
      terminators: CATEGORY_TERMINATORS[name] ?? 0,
      caseSensitive: name === 'Lu' || name === 'Ll' || name === 'Lt',
    },
  ]),
  ['LC', { pos: '\\p{Lu}\\p{Ll}\\p{Lt}', neg: null, terminators: 0, caseSensitive: false }],
  ['LD', { pos: '\\p{L}\\p{Nd}', neg: null, terminators: 0, caseSensitive: false }],
  ['L1', { pos: '\\x{0}-\\x{FF}', neg: null, terminators: C0_TERMINATORS, caseSensitive: false }],
  ['all', { pos: '\\x{0}-\\x{10FFFF}', neg: null, terminators: ALL_TERMINATORS, caseSensitive: false }],
  // Java's POSIX classes are ASCII-only, exactly like RE2's [:name:] classes.
  ...(
    [
      ['ASCII', 'ascii'],
      ['Alnum', 'alnum'],
      ['Alpha', 'alpha'],
      ['Blank', 'blank'],
      ['Cntrl', 'cntrl'],
      ['Digit', 'digit'],
      ['Graph', 'graph'],
      ['Lower', 'lower'],
      ['Print', 'print'],
      ['Punct', 'punct'],
      ['Space', 'space'],
      ['Upper', 'upper'],
      ['XDigit', 'xdigit'],
    ] as const
  ).map(([java, posix]): [string, Property] => [
    java,
    {
      pos: `[:${posix}:]`,
      neg: `[:^${posix}:]`,
      terminators: posix === 'ascii' || posix === 'cntrl' || posix === 'space' ? CR_LF : 0,
      caseSensitive: java === 'Lower' || java === 'Upper',
    },
  ]),
]);

const JAVA_PROPERTIES: ReadonlySet<string> = new Set([
  'javaLowerCase', 'javaUpperCase', 'javaAlphabetic', 'javaIdeographic', 'javaTitleCase', 'javaDigit',
  'javaDefined', 'javaLetter', 'javaLetterOrDigit', 'javaJavaIdentifierStart', 'javaJavaIdentifierPart',
  'javaUnicodeIdentifierStart', 'javaUnicodeIdentifierPart', 'javaIdentifierIgnorable', 'javaSpaceChar',
  'javaWhitespace', 'javaISOControl', 'javaMirrored',
]);

/**
 * Names (upper-cased) that `\p{IsName}` resolves to a Unicode binary property or a Unicode-aware
 * POSIX class in current JDKs (`CharPredicates.forUnicodeProperty`); older JDKs read some of them
 * as ASCII classes, and RE2 has none of them.
 */
const UNICODE_BINARY_PROPERTIES: ReadonlySet<string> = new Set([
  'ALPHABETIC', 'ASSIGNED', 'CONTROL', 'HEXDIGIT', 'HEX_DIGIT', 'IDEOGRAPHIC', 'JOINCONTROL', 'JOIN_CONTROL',
  'LETTER', 'LOWERCASE', 'NONCHARACTERCODEPOINT', 'NONCHARACTER_CODE_POINT', 'TITLECASE', 'PUNCTUATION',
  'UPPERCASE', 'WHITESPACE', 'WHITE_SPACE', 'WORD', 'EMOJI', 'EMOJI_PRESENTATION', 'EMOJI_MODIFIER',
  'EMOJI_MODIFIER_BASE', 'EMOJI_COMPONENT', 'EXTENDED_PICTOGRAPHIC', 'ALPHA', 'LOWER', 'UPPER', 'SPACE',
  'PUNCT', 'XDIGIT', 'ALNUM', 'CNTRL', 'DIGIT', 'BLANK', 'GRAPH', 'PRINT',
]);

/** Unicode scripts known to re2js, by RE2 name; Java names them case-insensitively (enum constant names). */
const SCRIPT_NAMES = [
  'Adlam', 'Ahom', 'Anatolian_Hieroglyphs', 'Arabic', 'Armenian', 'Avestan', 'Balinese', 'Bamum',
  'Bassa_Vah', 'Batak', 'Bengali', 'Beria_Erfe', 'Bhaiksuki', 'Bopomofo', 'Brahmi', 'Braille', 'Buginese',
  'Buhid', 'Canadian_Aboriginal', 'Carian', 'Caucasian_Albanian', 'Chakma', 'Cham', 'Cherokee',
  'Chorasmian', 'Common', 'Coptic', 'Cuneiform', 'Cypriot', 'Cypro_Minoan', 'Cyrillic', 'Deseret',
  'Devanagari', 'Dives_Akuru', 'Dogra', 'Duployan', 'Egyptian_Hieroglyphs', 'Elbasan', 'Elymaic',
  'Ethiopic', 'Garay', 'Georgian', 'Glagolitic', 'Gothic', 'Grantha', 'Greek', 'Gujarati', 'Gunjala_Gondi',
  'Gurmukhi', 'Gurung_Khema', 'Han', 'Hangul', 'Hanifi_Rohingya', 'Hanunoo', 'Hatran', 'Hebrew', 'Hiragana',
  'Imperial_Aramaic', 'Inherited', 'Inscriptional_Pahlavi', 'Inscriptional_Parthian', 'Javanese', 'Kaithi',
  'Kannada', 'Katakana', 'Kawi', 'Kayah_Li', 'Kharoshthi', 'Khitan_Small_Script', 'Khmer', 'Khojki',
  'Khudawadi', 'Kirat_Rai', 'Lao', 'Latin', 'Lepcha', 'Limbu', 'Linear_A', 'Linear_B', 'Lisu', 'Lycian',
  'Lydian', 'Mahajani', 'Makasar', 'Malayalam', 'Mandaic', 'Manichaean', 'Marchen', 'Masaram_Gondi',
  'Medefaidrin', 'Meetei_Mayek', 'Mende_Kikakui', 'Meroitic_Cursive', 'Meroitic_Hieroglyphs', 'Miao', 'Modi',
  'Mongolian', 'Mro', 'Multani', 'Myanmar', 'Nabataean', 'Nag_Mundari', 'Nandinagari', 'New_Tai_Lue', 'Newa',
  'Nko', 'Nushu', 'Nyiakeng_Puachue_Hmong', 'Ogham', 'Ol_Chiki', 'Ol_Onal', 'Old_Hungarian', 'Old_Italic',
  'Old_North_Arabian', 'Old_Permic', 'Old_Persian', 'Old_Sogdian', 'Old_South_Arabian', 'Old_Turkic',
  'Old_Uyghur', 'Oriya', 'Osage', 'Osmanya', 'Pahawh_Hmong', 'Palmyrene', 'Pau_Cin_Hau', 'Phags_Pa',
  'Phoenician', 'Psalter_Pahlavi', 'Rejang', 'Runic', 'Samaritan', 'Saurashtra', 'Sharada', 'Shavian',
  'Siddham', 'Sidetic', 'SignWriting', 'Sinhala', 'Sogdian', 'Sora_Sompeng', 'Soyombo', 'Sundanese',
  'Sunuwar', 'Syloti_Nagri', 'Syriac', 'Tagalog', 'Tagbanwa', 'Tai_Le', 'Tai_Tham', 'Tai_Viet', 'Tai_Yo',
  'Takri', 'Tamil', 'Tangsa', 'Tangut', 'Telugu', 'Thaana', 'Thai', 'Tibetan', 'Tifinagh', 'Tirhuta',
  'Todhri', 'Tolong_Siki', 'Toto', 'Tulu_Tigalari', 'Ugaritic', 'Vai', 'Vithkuqi', 'Wancho', 'Warang_Citi',
  'Yezidi', 'Yi', 'Zanabazar_Square',
] as const;

/** Exposed for tests: every script this module maps must be known to re2js. */
export const SUPPORTED_SCRIPTS: readonly string[] = SCRIPT_NAMES;

const SCRIPTS: ReadonlyMap<string, string> = new Map(SCRIPT_NAMES.map((name) => [name.toUpperCase(), name]));

function scriptProperty(name: string): Property | undefined {
  const re2 = SCRIPTS.get(name.toUpperCase());
  if (re2 === undefined) return undefined;
  // All of Java's line terminators belong to the Common script.
  const terminators = re2 === 'Common' ? ALL_TERMINATORS : 0;
  return { pos: `\\p{${re2}}`, neg: `\\P{${re2}}`, terminators, caseSensitive: false };
}

// ---------------------------------------------------------------------------------------------
// The parser: Java's grammar, RE2 output

interface Flags {
  readonly i: boolean; // CASE_INSENSITIVE (ASCII only: UNICODE_CASE is rejected)
  readonly s: boolean; // DOTALL
  readonly d: boolean; // UNIX_LINES
}

type Escape =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'set'; readonly body: string; readonly re: string; readonly terminators: number }
  | { readonly kind: 'assert'; readonly re: string };

const DOT_RE = '[^\\x{A}\\x{D}\\x{85}\\x{2028}\\x{2029}]';
const UNIX_DOT_RE = '[^\\x{A}]';
const DOTALL_RE = '(?s:.)';

const UNSUPPORTED_FLAGS: ReadonlyMap<number, { readonly name: string; readonly reason: string }> = new Map([
  [
    cp('m'),
    {
      name: 'MULTILINE flag',
      reason:
        "Java's '^' and '$' then also work at \\r, \\u0085, \\u2028 and \\u2029 line terminators, which the linear-time engine cannot express; values are matched whole, so the flag is rarely needed",
    },
  ],
  [
    cp('u'),
    {
      name: 'UNICODE_CASE flag',
      reason: "Java's and the linear-time engine's Unicode case folding differ; only ASCII case-insensitivity (?i) is supported",
    },
  ],
  [
    cp('U'),
    {
      name: 'UNICODE_CHARACTER_CLASS flag',
      reason: "Unicode versions of \\w, \\d, \\s, \\b and the POSIX classes are not supported (and the linear-time engine would read (?U) as 'ungreedy')",
    },
  ],
  [cp('x'), { name: 'COMMENTS flag', reason: 'whitespace and #-comments inside patterns are not supported; remove them' }],
  [cp('c'), { name: 'CANON_EQ flag', reason: 'canonical equivalence is not supported by the linear-time engine' }],
]);

/** The RE2 class-body pieces of a class being parsed, and the line terminators they include. */
interface ClassItems {
  readonly parts: string[];
  terminators: number;
}

class Parser {
  private pos = 0;
  private flags: Flags = { i: false, s: false, d: false };
  private readonly groupNames = new Set<string>();
  private depth = 0;
  hasDollar = false;

  constructor(
    private readonly cps: readonly number[],
    private readonly offs: readonly number[],
    private readonly pattern: string,
  ) {}

  private peek(k = 0): number {
    const i = this.pos + k;
    return i < this.cps.length ? this.cps[i]! : EOF;
  }

  /** Offset in the user's pattern of token `i` (the pattern's length at the end). */
  private off(i = this.pos): number {
    return this.offs[Math.min(i, this.cps.length)]!;
  }

  /** The user's text from token `from` through the next `close` (if it is within 64 tokens), for messages. */
  private textThrough(from: number, close: number): string {
    const limit = Math.min(this.cps.length, this.pos + 64);
    for (let end = this.pos; end < limit; end++) {
      if (this.cps[end] === close) return this.text(from, end + 1);
    }
    return this.text(from);
  }

  /** The user's text for tokens [from, to). */
  private text(from: number, to = this.pos): string {
    return this.pattern.slice(this.off(from), this.off(to));
  }

  parse(): Node {
    const root = this.alternation();
    if (this.pos < this.cps.length) throw invalid("unmatched closing ')'", this.off());
    return root;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.peek() === PIPE) {
      this.pos++;
      alts.push(this.sequence());
    }
    return altNode(alts);
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === EOF || ch === PIPE || ch === RPAREN) break;
      const start = this.pos;
      let node: Node;
      switch (ch) {
        case LPAREN: {
          const group = this.group();
          if (group !== null) items.push(group);
          continue;
        }
        case LBRACKET:
          node = this.characterClass();
          break;
        case BACKSLASH:
          node = this.escapeAtom();
          break;
        case CARET:
          this.pos++;
          node = assertNode('^', this.off(start));
          break;
        case DOLLAR:
          this.pos++;
          this.hasDollar = true;
          node = assertNode('\\z', this.off(start), true);
          break;
        case DOT:
          this.pos++;
          node = this.flags.s
            ? charNode(DOTALL_RE, this.off(start), ALL_TERMINATORS)
            : this.flags.d
              ? charNode(UNIX_DOT_RE, this.off(start), ALL_TERMINATORS & ~terminatorsIn(0x0a))
              : charNode(DOT_RE, this.off(start), 0);
          break;
        case QUESTION:
        case STAR:
        case PLUS:
          throw invalid(
            `dangling quantifier '${String.fromCodePoint(ch)}'`,
            this.off(),
            'there is nothing before it to repeat',
          );
        case LBRACE:
          // Java's atom() yields an empty slice here, so `{n}` repeats the empty string.
          node = EMPTY;
          break;
        default:
          this.pos++;
          node = this.literal(ch, start);
          break;
      }
      items.push(this.closure(node));
    }
    return concatNode(items);
  }

  private literal(c: number, start: number): CharNode {
    if (isSurrogate(c)) {
      throw unsupported(this.text(start), 'unpaired UTF-16 surrogate', 'the pattern must be well-formed Unicode text', this.off(start));
    }
    return charNode(literalRe(c, this.flags.i), this.off(start), terminatorsIn(c));
  }

  /** Java's closure(): an optional quantifier after an atom or group. */
  private closure(node: Node): Node {
    const start = this.pos;
    const ch = this.peek();
    let min: number;
    let max: number;
    let counted = false;
    if (ch === QUESTION) {
      [min, max] = [0, 1];
      this.pos++;
    } else if (ch === STAR) {
      [min, max] = [0, -1];
      this.pos++;
    } else if (ch === PLUS) {
      [min, max] = [1, -1];
      this.pos++;
    } else if (ch === LBRACE) {
      counted = true;
      this.pos++;
      if (!isDigit(this.peek())) {
        throw invalid("illegal repetition '{'", this.off(start), "expected {n}, {n,} or {n,m}; write '\\{' for a literal brace");
      }
      min = this.count(start);
      if (this.peek() === COMMA) {
        this.pos++;
        max = this.peek() === RBRACE ? -1 : this.count(start);
      } else {
        max = min;
      }
      if (this.peek() !== RBRACE) throw invalid('unclosed counted repetition', this.off(start), "expected '}'");
      this.pos++;
      if (max !== -1 && max < min) {
        throw invalid(`illegal repetition range '${this.text(start)}'`, this.off(start), 'the minimum exceeds the maximum');
      }
    } else {
      return node;
    }
    const after = this.peek();
    if (after === QUESTION) {
      this.pos++; // reluctant: same result under whole-value matching
    } else if (after === PLUS) {
      this.pos++;
      throw unsupported(this.text(start), 'possessive quantifier', LINEAR_TIME, this.off(start));
    }
    if (node.kind === 'empty') return EMPTY;
    if (node.kind !== 'char' && node.kind !== 'assert' && node.kind !== 'group') {
      throw invalid('internal error: quantifier after a compound node', this.off(start));
    }
    if (node.kind === 'group' && min >= 2 && node.nullable && node.asserts) {
      // Java's Loop ends the repetition as soon as an iteration matches the empty string, even
      // below the minimum count (and not consistently between calls). That changes the result
      // only when whether the group can match empty depends on where it is, i.e. through an
      // assertion inside it; RE2 would count such empty iterations normally.
      throw unsupported(
        this.text(start),
        'group that can match the empty string around an anchor or word boundary, repeated at least twice',
        "Java stops repeating after an empty iteration, which the linear-time engine cannot reproduce; make the group always consume a character, or lower the minimum count to 0 or 1",
        this.off(start),
      );
    }
    const op = !counted
      ? String.fromCodePoint(ch)
      : max === -1
        ? `{${min},}`
        : max === min
          ? `{${min}}`
          : `{${min},${max}}`;
    return {
      kind: 'repeat',
      terminator: max !== 0 && node.terminator,
      nullable: min === 0 || node.nullable,
      asserts: node.asserts,
      sub: node,
      min,
      max,
      counted,
      op,
      text: this.text(start),
      pos: this.off(start),
    };
  }

  private count(start: number): number {
    let value = 0;
    while (isDigit(this.peek())) {
      value = value * 10 + (this.peek() - 0x30);
      if (value > 0x7fffffff) throw invalid('illegal repetition range', this.off(start), 'the count is too large');
      this.pos++;
    }
    return value;
  }

  /** Java's group0(); returns null for a flags-only group such as `(?i)`. */
  private group(): Node | null {
    const open = this.pos;
    const openOff = this.off(open);
    const saved = this.flags;
    this.pos++;
    if (this.peek() === QUESTION) {
      const kind = this.peek(1);
      switch (kind) {
        case COLON:
          this.pos += 2;
          break;
        case EQUALS:
          throw unsupported('(?=', 'lookahead', LINEAR_TIME, openOff);
        case BANG:
          throw unsupported('(?!', 'negative lookahead', LINEAR_TIME, openOff);
        case GT:
          throw unsupported('(?>', 'atomic group', LINEAR_TIME, openOff);
        case LT: {
          const next = this.peek(2);
          if (next === EQUALS) throw unsupported('(?<=', 'lookbehind', LINEAR_TIME, openOff);
          if (next === BANG) throw unsupported('(?<!', 'negative lookbehind', LINEAR_TIME, openOff);
          this.pos += 2;
          this.groupName(openOff);
          break;
        }
        case DOLLAR:
        case AT:
          throw invalid(`unknown group type '(?${String.fromCodePoint(kind)}'`, openOff);
        default: {
          this.pos++;
          this.inlineFlags();
          const end = this.peek();
          if (end === RPAREN) {
            this.pos++;
            return null; // the flags stay in force until the enclosing group ends
          }
          if (end !== COLON) {
            if (kind === CHAR_P && this.pos === open + 2) {
              throw invalid("Python-style named group '(?P'", openOff, "Java writes named groups as '(?<name>...)'");
            }
            if (kind === HASH && this.pos === open + 2) {
              throw invalid("comment group '(?#'", openOff, 'Java has no comment groups');
            }
            throw invalid('unknown inline modifier', this.off(), `'(?' must be followed by flags from 'idmsuxU', ':', '=', '!', '>' or '<'`);
          }
          this.pos++;
          break;
        }
      }
    }
    this.depth++;
    if (this.depth > MAX_GROUP_NESTING) {
      throw invalid(`groups nested more than ${MAX_GROUP_NESTING} deep`, openOff);
    }
    const body = this.alternation();
    this.depth--;
    if (this.peek() !== RPAREN) throw invalid("unclosed group: '(' has no matching ')'", openOff);
    this.pos++;
    this.flags = saved;
    return this.closure({
      kind: 'group',
      terminator: body.terminator,
      nullable: body.nullable,
      asserts: body.asserts,
      body,
      pos: openOff,
    });
  }

  /** Java's groupname(): an ASCII letter, then ASCII letters and digits, then '>'. */
  private groupName(openOff: number): void {
    const start = this.pos;
    if (!isAsciiLetter(this.peek())) {
      throw invalid('capturing group name does not start with a Latin letter', this.off());
    }
    while (isAsciiAlnum(this.peek())) this.pos++;
    const name = this.text(start);
    if (this.peek() !== GT) throw invalid("named capturing group is missing trailing '>'", this.off());
    this.pos++;
    if (this.groupNames.has(name)) throw invalid(`named capturing group <${name}> is already defined`, openOff);
    this.groupNames.add(name);
  }

  /** Java's addFlag()/subFlag(): `[idmsuxUc]*` then optionally `-[idmsuxUc]*`. */
  private inlineFlags(): void {
    let on = true;
    let flags = this.flags;
    for (;;) {
      const ch = this.peek();
      if (ch === MINUS && on) {
        on = false;
        this.pos++;
        continue;
      }
      if (ch === cp('i')) flags = { ...flags, i: on };
      else if (ch === cp('s')) flags = { ...flags, s: on };
      else if (ch === cp('d')) flags = { ...flags, d: on };
      else if (UNSUPPORTED_FLAGS.has(ch)) {
        // Turning an unsupported flag off is a no-op: it can never have been turned on.
        if (on) {
          const flag = UNSUPPORTED_FLAGS.get(ch)!;
          throw unsupported(`(?${String.fromCodePoint(ch)})`, flag.name, flag.reason, this.off());
        }
      } else {
        break;
      }
      this.pos++;
    }
    this.flags = flags;
  }

  /** `\...` in a sequence: a property, a literal, a class escape or an assertion. */
  private escapeAtom(): Node {
    const start = this.pos;
    const next = this.peek(1);
    if (next === CHAR_p || next === CHAR_P) {
      const property = this.property();
      return charNode(property.re, this.off(start), property.terminators);
    }
    const escape = this.escape(false);
    switch (escape.kind) {
      case 'char':
        return this.literal(escape.cp, start);
      case 'set':
        return charNode(escape.re, this.off(start), escape.terminators);
      case 'assert':
        return assertNode(escape.re, this.off(start));
    }
  }

  /** Java's escape(); the cursor is on the backslash. `\p` and `\P` are handled by callers. */
  private escape(inClass: boolean): Escape {
    const start = this.pos;
    const startOff = this.off(start);
    const c = this.peek(1);
    if (c === EOF) throw invalid('trailing backslash', startOff, "write '\\\\' for a literal backslash");
    this.pos += 2;
    const construct = this.text(start);
    const notInClass = (): void => {
      if (inClass) throw invalid(`'${construct}' is not allowed inside a character class`, startOff);
    };
    const noEquivalent = (what: string, hint: string): PatternError =>
      unsupported(construct, what, `the linear-time engine has no equivalent; ${hint}`, startOff);
    const char = (value: number): Escape => ({ kind: 'char', cp: value });
    const set = (terminators: number, body: string, re: string = body): Escape => ({ kind: 'set', body, re, terminators });
    const assertion = (re: string): Escape => ({ kind: 'assert', re });

    switch (String.fromCodePoint(c)) {
      case '0':
        return char(this.octal(startOff));
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        notInClass();
        throw unsupported(construct, 'backreference', LINEAR_TIME, startOff);
      case 'k':
        notInClass();
        throw unsupported(this.textThrough(start, GT), 'named backreference', LINEAR_TIME, startOff);
      case 'E':
        throw invalid("illegal/unsupported escape sequence '\\E'", startOff, "'\\E' must close a '\\Q' quotation");
      case 'A':
        notInClass();
        return assertion('\\A');
      case 'z':
        notInClass();
        return assertion('\\z');
      case 'B':
        notInClass();
        return assertion('\\B');
      case 'b':
        notInClass();
        if (this.peek() === LBRACE && this.peek(1) === CHAR_g) {
          if (this.peek(2) === RBRACE) {
            throw unsupported('\\b{g}', 'grapheme cluster boundary', 'the linear-time engine has no equivalent', startOff);
          }
          throw invalid("illegal escape sequence '\\b{g'", startOff, "expected '\\b{g}'");
        }
        return assertion('\\b');
      case 'G':
        notInClass();
        throw unsupported(construct, 'end-of-previous-match anchor', "not supported by the linear-time engine; a value is matched whole, so use '^' or '\\A'", startOff);
      case 'Z':
        notInClass();
        throw unsupported(construct, 'end of input before a final line terminator', "not supported by the linear-time engine; use '$' or '\\z'", startOff);
      case 'R':
        notInClass();
        throw noEquivalent('linebreak matcher', 'write an explicit alternative such as (?:\\r\\n|[\\n\\r])');
      case 'X':
        notInClass();
        throw unsupported(construct, 'extended grapheme cluster', 'not supported by the linear-time engine', startOff);
      case 'h':
        throw noEquivalent('horizontal whitespace class', 'list the characters in a class, e.g. [ \\t]');
      case 'H':
        throw noEquivalent('non-horizontal-whitespace class', 'list the characters in a negated class, e.g. [^ \\t]');
      case 'v':
        throw unsupported(
          construct,
          'vertical whitespace class',
          "the linear-time engine would read '\\v' as the single character \\x0B, silently changing the pattern's meaning; list the characters in a class, e.g. [\\n\\r]",
          startOff,
        );
      case 'V':
        throw noEquivalent('non-vertical-whitespace class', 'list the characters in a negated class, e.g. [^\\n\\r]');
      case 'N':
        throw unsupported(this.textThrough(start, RBRACE), 'named character', "not supported; write the character as '\\x{hhhh}' or '\\uhhhh'", startOff);
      case 'd':
        return set(0, '\\d');
      case 'D':
        return set(ALL_TERMINATORS, '\\D');
      case 'w':
        return set(0, '\\w');
      case 'W':
        return set(ALL_TERMINATORS, '\\W');
      case 's':
        return set(CR_LF, '[:space:]', '[[:space:]]'); // Java: [ \t\n\x0B\f\r]; RE2's \s lacks \x0B
      case 'S':
        return set(ALL_TERMINATORS & ~CR_LF, '[:^space:]', '[^[:space:]]');
      case 'a':
        return char(0x07);
      case 'e':
        return char(0x1b);
      case 'f':
        return char(0x0c);
      case 'n':
        return char(0x0a);
      case 'r':
        return char(0x0d);
      case 't':
        return char(0x09);
      case 'c': {
        const x = this.peek();
        if (x === EOF) throw invalid("illegal control escape sequence '\\c'", startOff, 'expected a character after it');
        this.pos++;
        return char(x ^ 64);
      }
      case 'x':
        return char(this.hexEscape(startOff));
      case 'u':
        return char(this.unicodeEscape(startOff));
      default:
        if (isAsciiLetter(c)) {
          throw invalid(`illegal/unsupported escape sequence '${construct}'`, startOff);
        }
        return char(c); // any other character stands for itself
    }
  }

  /** Java's o(): `\0n`, `\0nn`, `\0mnn` (m <= 3). */
  private octal(startOff: number): number {
    const n = this.peek();
    if (!isOctal(n)) throw invalid('illegal octal escape sequence', startOff, "'\\0' must be followed by 1 to 3 octal digits");
    this.pos++;
    const m = this.peek();
    if (!isOctal(m)) return n - 0x30;
    this.pos++;
    const o = this.peek();
    if (isOctal(o) && n <= cp('3')) {
      this.pos++;
      return (n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30);
    }
    return (n - 0x30) * 8 + (m - 0x30);
  }

  /** Java's x(): `\xhh` or `\x{h...h}`. */
  private hexEscape(startOff: number): number {
    const n = this.peek();
    if (isHex(n)) {
      this.pos++;
      const m = this.peek();
      if (!isHex(m)) throw invalid('illegal hexadecimal escape sequence', startOff, "expected '\\xhh' or '\\x{h...h}'");
      this.pos++;
      return hexValue(n) * 16 + hexValue(m);
    }
    if (n === LBRACE && isHex(this.peek(1))) {
      this.pos++;
      let value = 0;
      while (isHex(this.peek())) {
        value = value * 16 + hexValue(this.peek());
        if (value > 0x10ffff) throw invalid('hexadecimal code point is too big', startOff);
        this.pos++;
      }
      if (this.peek() !== RBRACE) throw invalid('unclosed hexadecimal escape sequence', startOff);
      this.pos++;
      return value;
    }
    throw invalid('illegal hexadecimal escape sequence', startOff, "expected '\\xhh' or '\\x{h...h}'");
  }

  private uxxxx(startOff: number): number {
    let value = 0;
    for (let k = 0; k < 4; k++) {
      const h = this.peek();
      if (!isHex(h)) throw invalid('illegal Unicode escape sequence', startOff, "'\\u' must be followed by four hexadecimal digits");
      value = value * 16 + hexValue(h);
      this.pos++;
    }
    return value;
  }

  /** Java's u(): `\uhhhh`, a high surrogate followed by `\ulow` combining into one code point. */
  private unicodeEscape(startOff: number): number {
    const n = this.uxxxx(startOff);
    if (n >= 0xd800 && n <= 0xdbff) {
      const mark = this.pos;
      if (this.peek() === BACKSLASH && this.peek(1) === CHAR_u) {
        this.pos += 2;
        const n2 = this.uxxxx(this.off(mark));
        if (n2 >= 0xdc00 && n2 <= 0xdfff) return 0x10000 + ((n - 0xd800) << 10) + (n2 - 0xdc00);
      }
      this.pos = mark;
    }
    return n;
  }

  /** Java's family(): `\pX`, `\p{Name}`, `\P{...}`; the cursor is on the backslash. */
  private property(): { readonly body: string | null; readonly re: string; readonly terminators: number } {
    const start = this.pos;
    const startOff = this.off(start);
    const negated = this.peek(1) === CHAR_P;
    this.pos += 2;
    let name: string;
    if (this.peek() === LBRACE) {
      this.pos++;
      const nameStart = this.pos;
      while (this.peek() !== RBRACE) {
        if (this.peek() === EOF) throw invalid('unclosed character property', startOff, "expected '}'");
        this.pos++;
      }
      name = this.cps.slice(nameStart, this.pos).map((c) => String.fromCodePoint(c)).join('');
      this.pos++;
      if (name === '') throw invalid('empty character property', startOff);
    } else {
      const c = this.peek();
      if (c === EOF) throw invalid(`unknown character property name after '${this.text(start)}'`, startOff);
      this.pos++;
      name = String.fromCodePoint(c);
    }
    const construct = this.text(start);
    const property = this.resolveProperty(name, construct, startOff);
    if (property.caseSensitive && this.flags.i) {
      throw unsupported(
        construct,
        'case-sensitive property under case-insensitive matching',
        "Java's case-insensitive reading of this property differs between Java versions; spell out both cases instead",
        startOff,
      );
    }
    const body = negated ? property.neg : property.pos;
    let re: string;
    if (!negated) re = property.neg !== null && property.pos.startsWith('\\p{') ? property.pos : `[${property.pos}]`;
    else re = property.neg !== null && property.neg.startsWith('\\P{') ? property.neg : `[^${property.pos}]`;
    const terminators = negated ? ALL_TERMINATORS & ~property.terminators : property.terminators;
    return { body, re, terminators };
  }

  private resolveProperty(name: string, construct: string, at: number): Property {
    const unknown = (hint?: string): PatternError =>
      invalid(`unknown character property name {${name}} in '${construct}'`, at, hint);
    const block = (): PatternError =>
      unsupported(construct, 'Unicode block', 'the linear-time engine has no Unicode blocks; use a code point range such as [\\x{370}-\\x{3FF}]', at);
    const byName = (n: string): Property | undefined => {
      if (JAVA_PROPERTIES.has(n)) {
        throw unsupported(construct, 'Java-specific character property', 'the linear-time engine has no equivalent', at);
      }
      return PROPERTIES.get(n);
    };

    const eq = name.indexOf('=');
    if (eq !== -1) {
      const key = name.slice(0, eq).toLowerCase();
      const value = name.slice(eq + 1);
      if (key === 'sc' || key === 'script') {
        return scriptProperty(value) ?? fail(invalid(`unknown or unsupported Unicode script '${value}' in '${construct}'`, at));
      }
      if (key === 'blk' || key === 'block') throw block();
      if (key === 'gc' || key === 'general_category') return byName(value) ?? fail(unknown());
      throw invalid(`unknown Unicode property '${name.slice(0, eq)}' in '${construct}'`, at);
    }
    if (name.startsWith('In')) throw block();
    if (name.startsWith('Is')) {
      const short = name.slice(2);
      if (UNICODE_BINARY_PROPERTIES.has(short.toUpperCase())) {
        throw unsupported(
          construct,
          'Unicode binary property',
          'the linear-time engine has no equivalent (and its meaning differs between Java versions)',
          at,
        );
      }
      return byName(short) ?? scriptProperty(short) ?? fail(unknown('not a general category or a supported script'));
    }
    const property = byName(name);
    if (property !== undefined) return property;
    if (scriptProperty(name) !== undefined) throw unknown(`Java names scripts with the 'Is' prefix, e.g. \\p{Is${name}}`);
    throw unknown();
  }

  /** Java's clazz(): `[...]`; nested classes and `&&` are rejected. */
  private characterClass(): Node {
    const open = this.pos;
    const openOff = this.off(open);
    this.pos++;
    let negated = false;
    if (this.peek() === CARET) {
      negated = true;
      this.pos++;
    }
    const caseInsensitive = this.flags.i;
    const items: ClassItems = { parts: [], terminators: 0 };
    const parts = items.parts;
    for (;;) {
      const ch = this.peek();
      if (ch === EOF) throw invalid("unclosed character class: '[' has no matching ']'", openOff);
      if (ch === LBRACKET) {
        const posix = this.peek(1) === COLON;
        throw unsupported(
          '[',
          'nested character class (class union)',
          posix
            ? "Java reads '[[:name:]]' as a nested class of the characters ':', 'n', 'a', ..., not as a POSIX class; write \\p{Alpha}, \\p{Digit}, ... instead"
            : "the linear-time engine would read '[' inside a class literally, silently changing the pattern's meaning; merge the classes into one, e.g. [a-dm-p], or escape it as '\\['",
          this.off(),
        );
      }
      if (ch === AMP && this.peek(1) === AMP) {
        throw unsupported(
          '&&',
          'character class intersection',
          "the linear-time engine would read '&&' literally, silently changing the pattern's meaning; write the intersection out as a single class",
          this.off(),
        );
      }
      if (ch === RBRACKET && parts.length > 0) {
        this.pos++;
        break;
      }
      this.classItem(items, caseInsensitive);
    }
    const terminators = negated ? ALL_TERMINATORS & ~items.terminators : items.terminators;
    return charNode(`[${negated ? '^' : ''}${parts.join('')}]`, openOff, terminators);
  }

  /** Java's range(): one character, a range, a class escape or a property, inside `[...]`. */
  private classItem(items: ClassItems, caseInsensitive: boolean): void {
    const parts = items.parts;
    const start = this.pos;
    let first: number;
    if (this.peek() === BACKSLASH) {
      const next = this.peek(1);
      if (next === CHAR_p || next === CHAR_P) {
        const property = this.property();
        if (property.body === null) {
          throw unsupported(
            this.text(start),
            'negated multi-part property inside a character class',
            'the linear-time engine cannot express it there; use it outside the class, e.g. (?:\\P{LC}|x)',
            this.off(start),
          );
        }
        parts.push(property.body);
        items.terminators |= property.terminators;
        return;
      }
      const escape = this.escape(true);
      if (escape.kind === 'set') {
        parts.push(escape.body);
        items.terminators |= escape.terminators;
        return;
      }
      if (escape.kind !== 'char') throw invalid(`'${this.text(start)}' is not allowed inside a character class`, this.off(start));
      first = escape.cp;
    } else {
      first = this.peek();
      this.pos++;
    }
    if (isSurrogate(first)) {
      throw unsupported(this.text(start), 'unpaired UTF-16 surrogate', 'the pattern must be well-formed Unicode text', this.off(start));
    }
    if (this.peek() === MINUS) {
      const endRange = this.peek(1);
      if (endRange !== LBRACKET && endRange !== RBRACKET && endRange !== EOF) {
        this.pos++;
        let last: number;
        if (this.peek() === BACKSLASH) {
          const next = this.peek(1);
          if (next === CHAR_p || next === CHAR_P) {
            throw invalid(`illegal character range '${this.text(start, this.pos + 2)}'`, this.off(start), 'a range must end with a single character');
          }
          const escape = this.escape(true);
          if (escape.kind !== 'char') {
            throw invalid(`illegal character range '${this.text(start)}'`, this.off(start), 'a range must end with a single character');
          }
          last = escape.cp;
        } else {
          last = this.peek();
          this.pos++;
        }
        if (last < first) {
          throw invalid(`illegal character range '${this.text(start)}'`, this.off(start), 'the range ends before it starts');
        }
        if (isSurrogate(last)) {
          throw unsupported(this.text(start), 'unpaired UTF-16 surrogate', 'the pattern must be well-formed Unicode text', this.off(start));
        }
        parts.push(`${re2Literal(first)}-${re2Literal(last)}`);
        items.terminators |= terminatorsIn(first, last);
        if (caseInsensitive) {
          // Java's CIRange: an ASCII letter also matches when its other case is in the range.
          const upLo = Math.max(first, 0x41);
          const upHi = Math.min(last, 0x5a);
          if (upLo <= upHi) parts.push(`${re2Literal(upLo + 0x20)}-${re2Literal(upHi + 0x20)}`);
          const lowLo = Math.max(first, 0x61);
          const lowHi = Math.min(last, 0x7a);
          if (lowLo <= lowHi) parts.push(`${re2Literal(lowLo - 0x20)}-${re2Literal(lowHi - 0x20)}`);
        }
        return;
      }
    }
    parts.push(re2Literal(first));
    items.terminators |= terminatorsIn(first);
    const other = caseInsensitive ? otherCase(first) : null;
    if (other !== null) parts.push(re2Literal(other));
  }
}

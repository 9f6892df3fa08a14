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
 * repetitions above RE2's limit of 1000 (also in total when nested), patterns expanding to
 * more than MAX_EXPANDED_SIZE elements, and patterns compiling to more than MAX_PROGRAM_SIZE
 * instructions (limits.ts says why).
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
import { checkDollars, checkRepetitionTotals, expandedSize } from './checks.js';
import { codePoints, removeQEQuoting } from './code-points.js';
import { Emitter, type SourceMapEntry } from './emit.js';
import { PatternError } from './errors.js';
import { Parser } from './parser.js';
import { MAX_EXPANDED_SIZE, MAX_PROGRAM_SIZE, MAX_REPETITION } from './limits.js';

/** Result of compiling a user pattern. Failures are data, not exceptions. */
export type RegexCompileResult =
  | { readonly ok: true; readonly test: (value: string) => boolean; /** program size in re2js instructions: matching costs up to size × characters */ readonly size: number }
  | { readonly ok: false; readonly message: string; readonly index: number }; // index: 0-based offset in the pattern where the problem is (best effort, 0 if unknown)

/** Result of translating a Java pattern to RE2 syntax (exposed for diagnostics and tests). */
export type RegexTranslateResult =
  | { readonly ok: true; readonly source: string }
  | { readonly ok: false; readonly message: string; readonly index: number };

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
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return {
      ok: false,
      message: `regular expression too large at offset 0: it compiles to ${size} instructions, more than the ${MAX_PROGRAM_SIZE} allowed (matching costs up to instructions × characters for every stored value); use fewer or smaller counted repetitions or alternatives`,
      index: 0,
    };
  }
  return { ok: true, test: (value: string) => re.matches(value), size };
}

/** Translates a Java pattern to an RE2 pattern with the same whole-value meaning, or explains why it cannot. */
export function translateJavaRegex(pattern: string): RegexTranslateResult {
  const translated = translate(pattern);
  return translated.ok ? { ok: true, source: translated.source } : translated;
}

type Translation =
  | { readonly ok: true; readonly source: string; readonly map: readonly SourceMapEntry[] }
  | { readonly ok: false; readonly message: string; readonly index: number };


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

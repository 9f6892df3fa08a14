/** Code points and `\Q...\E`: the pattern as Java reads it (surrogate pairs joined, quoting removed, source offsets kept). */
import { unsupported } from './errors.js';

export const EOF = -1;
export const cp = (s: string): number => s.codePointAt(0)!;
export const BACKSLASH = cp('\\');
export const LPAREN = cp('(');
export const RPAREN = cp(')');
export const LBRACKET = cp('[');
export const RBRACKET = cp(']');
export const LBRACE = cp('{');
export const RBRACE = cp('}');
export const PIPE = cp('|');
export const STAR = cp('*');
export const PLUS = cp('+');
export const QUESTION = cp('?');
export const CARET = cp('^');
export const DOLLAR = cp('$');
export const DOT = cp('.');
export const MINUS = cp('-');
export const AMP = cp('&');
export const COLON = cp(':');
export const COMMA = cp(',');
export const EQUALS = cp('=');
export const BANG = cp('!');
export const LT = cp('<');
export const GT = cp('>');
export const AT = cp('@');
export const HASH = cp('#');
export const CHAR_Q = cp('Q');
export const CHAR_E = cp('E');
export const CHAR_P = cp('P');
export const CHAR_p = cp('p');
export const CHAR_g = cp('g');
export const CHAR_u = cp('u');
export const CHAR_x = cp('x');
export const CHAR_3 = cp('3');

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isOctal = (c: number): boolean => c >= 0x30 && c <= 0x37;
export const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
export const isAsciiLetter = (c: number): boolean => isUpper(c) || isLower(c);
export const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || isDigit(c);
export const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
export const hexValue = (c: number): number => (isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10);
export const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** Java's line terminators, one bit each: \n, \r, \u0085, \u2028, \u2029. */
export const TERMINATORS = [0x0a, 0x0d, 0x85, 0x2028, 0x2029] as const;
export const ALL_TERMINATORS = 0b11111;
export const CR_LF = 0b00011;
export const C0_TERMINATORS = 0b00111; // \n, \r, \u0085: general category Cc, Latin-1

/** The TERMINATORS bits of the characters in [lo, hi]. */
export function terminatorsIn(lo: number, hi: number = lo): number {
  let bits = 0;
  TERMINATORS.forEach((c, k) => {
    if (c >= lo && c <= hi) bits |= 1 << k;
  });
  return bits;
}

export interface CodePoints {
  readonly cps: number[];
  /** UTF-16 offset in the pattern of each code point, plus one final entry: the pattern's length. */
  readonly offs: number[];
}

/** The pattern as code points (Java's parser works on code points too); unpaired surrogates are rejected. */
export function codePoints(pattern: string): CodePoints {
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
export function removeQEQuoting(input: CodePoints, patternLength: number): CodePoints {
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

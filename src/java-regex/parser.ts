/** The parser: Java's grammar (following `java.util.regex.Pattern`), RE2 output. */
import { ALL_TERMINATORS, AMP, AT, BACKSLASH, BANG, CARET, CHAR_g, CHAR_P, CHAR_p, CHAR_u, COLON, COMMA, cp, CR_LF, DOLLAR, DOT, EOF, EQUALS, GT, HASH, hexValue, isAsciiAlnum, isAsciiLetter, isDigit, isHex, isOctal, isSurrogate, LBRACE, LBRACKET, LPAREN, LT, MINUS, PIPE, PLUS, QUESTION, RBRACE, RBRACKET, RPAREN, STAR, terminatorsIn } from './code-points.js';
import { MAX_GROUP_NESTING } from './limits.js';
import { literalRe, otherCase, re2Literal } from './emit.js';
import { fail, invalid, LINEAR_TIME, PatternError, unsupported } from './errors.js';
import { JAVA_PROPERTIES, PROPERTIES, Property, scriptProperty, UNICODE_BINARY_PROPERTIES } from './properties.js';
import { altNode, assertNode, CharNode, charNode, concatNode, EMPTY, Node } from './tree.js';

export interface Flags {
  readonly i: boolean; // CASE_INSENSITIVE (ASCII only: UNICODE_CASE is rejected)
  readonly s: boolean; // DOTALL
  readonly d: boolean; // UNIX_LINES
}

export type Escape =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'set'; readonly body: string; readonly re: string; readonly terminators: number }
  | { readonly kind: 'assert'; readonly re: string };

export const DOT_RE = '[^\\x{A}\\x{D}\\x{85}\\x{2028}\\x{2029}]';
export const UNIX_DOT_RE = '[^\\x{A}]';
export const DOTALL_RE = '(?s:.)';

export const UNSUPPORTED_FLAGS: ReadonlyMap<number, { readonly name: string; readonly reason: string }> = new Map([
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
export interface ClassItems {
  readonly parts: string[];
  terminators: number;
}

export class Parser {
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

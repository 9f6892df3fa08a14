/**
 * Reading JSON text from outside (request bodies, files given to the CLI) safely: nesting depth is
 * bounded before anything walks the value, and a fault is located by line and column.
 *
 * V8's JSON.parse copes with any depth, but our own recursive walkers (`toWire`, request checks,
 * `structuredClone` of a snapshot) overflow the stack around 10,000 levels, so depth is checked on
 * the text first, by a loop that keeps no stack. V8's messages do not always say where a syntax
 * error is, so on failure the text is scanned again by `jsonFaultAt`, an iterative RFC 8259
 * checker that stops at the first offending character.
 */

/** Deeper than any ECS request, response or snapshot nests (they stop at about ten levels). */
export const MAX_JSON_DEPTH = 100;

/** Where JSON text goes wrong (0-based offset) and why: a syntax error, or nesting too deep to read. */
export interface JsonFault {
  readonly offset: number;
  readonly reason: string;
  readonly tooDeep?: true;
}

const tooDeep = (offset: number, maxDepth: number): JsonFault => ({ offset, reason: `nested deeper than ${maxDepth} levels`, tooDeep: true });

/**
 * The first `[` or `{` that opens level `maxDepth + 1`, or null. Brackets inside strings do not
 * count. Linear, no recursion: safe on any input.
 * @example depthFault('[[[1]]]', 2) // { offset: 2, reason: 'nested deeper than 2 levels', tooDeep: true }
 */
export function depthFault(text: string, maxDepth = MAX_JSON_DEPTH): JsonFault | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip a string; a backslash escapes the next character
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return tooDeep(i, maxDepth);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The first character that makes `text` invalid JSON (or opens a level deeper than `maxDepth`),
 * and why; null when `text` is valid. Keeps its own stack of open containers, so any depth is safe.
 * @example jsonFaultAt('[1, 2') // { offset: 5, reason: "expected ',' or ']' after an array element but found end of input" }
 */
export function jsonFaultAt(text: string, maxDepth = Number.POSITIVE_INFINITY): JsonFault | null {
  let i = 0;
  const fail = (reason: string): JsonFault => ({ offset: i, reason });
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const found = () => (i >= text.length ? 'end of input' : `'${text[i]}'`);
  const string = (): JsonFault | null => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) return fail('unterminated string');
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return null;
      }
      if (ch < ' ') return fail('control character in string');
      if (ch !== '\\') {
        i++;
        continue;
      }
      i++;
      if (text[i] === 'u') {
        HEX4.lastIndex = i + 1;
        if (!HEX4.test(text)) return fail('\\u needs four hex digits');
        i += 5;
      } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
      else return fail(`unknown escape '\\${text[i] ?? ''}'`);
    }
  };
  // A scalar, or the opening of a container (pushed on `open`, `opened` set).
  const open: ('{' | '[')[] = [];
  let opened = false;
  const value = (): JsonFault | null => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      if (open.length >= maxDepth) return tooDeep(i, maxDepth);
      open.push(ch);
      opened = true;
      i++;
      return null;
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (ch !== word[0]) continue;
      for (const expected of word) {
        if (text[i] !== expected) return fail(`expected '${word}' but found ${found()}`);
        i++;
      }
      return null;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail(`expected a value but found ${found()}`);
    i += m[0].length;
    return null;
  };
  // An object's `"key": value`.
  const member = (): JsonFault | null => {
    ws();
    if (text[i] !== '"') return fail(`expected a property name in double quotes but found ${found()}`);
    const bad = string();
    if (bad) return bad;
    ws();
    if (text[i] !== ':') return fail(`expected ':' after a property name but found ${found()}`);
    i++;
    return value();
  };
  let fault = value();
  while (fault === null && open.length > 0) {
    const first = opened; // just after the opening bracket: no ',' before the first element
    opened = false;
    const top = open[open.length - 1]!;
    ws();
    if (text[i] === (top === '{' ? '}' : ']')) {
      open.pop();
      i++;
    } else if (first || text[i] === ',') {
      if (!first) i++;
      fault = top === '{' ? member() : value();
    } else {
      fault = fail(top === '{' ? `expected ',' or '}' after a property value but found ${found()}` : `expected ',' or ']' after an array element but found ${found()}`);
    }
  }
  if (fault !== null) return fault;
  ws();
  return i < text.length ? fail(`unexpected ${found()} after the JSON value`) : null;
}

/** 1-based line and column of a 0-based offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A JSON fault with its 1-based line and column. */
export interface LocatedJsonFault extends JsonFault {
  readonly line: number;
  readonly column: number;
}

/**
 * JSON text parsed with its depth bounded: the value, or the first fault with its line and
 * column (the syntax error or the too-deep bracket, whichever comes first in the text).
 * @example parseJsonText('{"a": [1,}') // { ok: false, fault: { offset: 9, line: 1, column: 10, reason: "expected a value but found '}'" } }
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): { ok: true; value: unknown } | { ok: false; fault: LocatedJsonFault } {
  const located = (fault: JsonFault) => ({ ok: false as const, fault: { ...fault, ...lineColumn(text, fault.offset) } });
  const deep = depthFault(text, maxDepth);
  if (deep !== null) return located(jsonFaultAt(text, maxDepth) ?? deep);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return located(jsonFaultAt(text) ?? { offset: 0, reason: (e as Error).message });
  }
}

/**
 * A located fault in words, after `line L, column C: `.
 * @example describeJsonFault(fault) // "line 3, column 11: not valid JSON: expected 'true' but found '\n'"
 */
export function describeJsonFault(fault: LocatedJsonFault): string {
  return `line ${fault.line}, column ${fault.column}: ${fault.tooDeep ? `JSON ${fault.reason}` : `not valid JSON: ${fault.reason}`}`;
}

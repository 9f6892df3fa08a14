/**
 * Where JSON text first goes wrong. V8's JSON.parse does not always say where (`Unexpected token
 * '}', "…" is not valid JSON`), so on failure the text is scanned again by this small checker,
 * which follows RFC 8259 and stops at the first offending character.
 */

/** The 0-based offset of the first character that makes `text` invalid JSON, and why; null if valid. */
export function jsonErrorAt(text: string): { offset: number; reason: string } | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const found = () => (i >= text.length ? 'end of input' : `'${text[i]}'`);
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`expected '${word}' but found ${found()}`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < ' ') fail('control character in string');
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u needs four hex digits');
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fail(`unknown escape '\\${text[i] ?? ''}'`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-' || m[0] === '') fail(`expected a value but found ${found()}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes but found ${found()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a property name but found ${found()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') return void i++;
        fail(`expected ',' or '}' after a property value but found ${found()}`);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') return void i++;
        fail(`expected ',' or ']' after an array element but found ${found()}`);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the JSON value`);
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as { offset: number; reason: string };
    throw e;
  }
}

/** Echoed values are quoted and cut; no EcsError message grows without bound. */
import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, EcsError, InvalidParameterException, MESSAGE_LIMIT, quote } from '../src/errors.js';

describe('quote', () => {
  it('shows a string as JSON text, escaped', () => {
    expect(quote('web')).toBe('"web"');
    expect(quote('a"b\nc\u0000')).toBe('"a\\"b\\nc\\u0000"');
  });

  it('cuts a long string at ECHO_LIMIT characters and says how long it was', () => {
    const shown = quote('x'.repeat(900_000));
    expect(shown).toBe(`"${'x'.repeat(ECHO_LIMIT)}"… (900000 characters)`);
    expect(quote('y'.repeat(100), 10)).toBe(`"${'y'.repeat(10)}"… (100 characters)`);
  });

  it('shows other values as JSON, cut; what JSON cannot show is described', () => {
    expect(quote(7)).toBe('7');
    expect(quote(null)).toBe('null');
    expect(quote(undefined)).toBe('undefined');
    expect(quote(10n)).toBe('10n');
    expect(quote({ ms: 'soon' })).toBe('{"ms":"soon"}');
    expect(quote(Array.from({ length: 1000 }, (_, i) => i))).toMatch(/^\[0,1,2,.*… \(\d+ characters\)$/);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(quote(cyclic)).toBe('an object');
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(quote(deep)).toBe('an array of 1 element');
  });
});

describe('EcsError message cap', () => {
  it('cuts a message longer than MESSAGE_LIMIT and keeps shorter ones whole', () => {
    const long = new InvalidParameterException(`name: got '${'n'.repeat(900_000)}'`);
    expect(long.message.length).toBe(MESSAGE_LIMIT); // the note included
    expect(long.message).toMatch(/… \(message cut; 900012 characters\)$/);
    expect(new EcsError('ClientException', 'short').message).toBe('short');
  });
});

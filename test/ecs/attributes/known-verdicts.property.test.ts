// checkAttributeName / checkAttributeValue remember names and values found valid (a fleet repeats
// the same few dozen). Whatever was checked before, each verdict is the rule's: the remembered
// ones are only ever valid ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAttributeName, checkAttributeValue, checkAttributes } from '../../../src/ecs/attributes/rules.js';

const NAME = /^[A-Za-z0-9\-_/\\.]{1,128}$/;
const VALUE = /^[A-Za-z0-9\-_.@/\\: ]{1,128}$/;
const text = fc.oneof(fc.string({ unit: fc.constantFrom(...'aZ09-_./\\:@ #é'.split('')), maxLength: 6 }), fc.constantFrom('', ' a', 'a ', 'x'.repeat(129), 'ecs.availability-zone'));
const passes = (f: () => unknown) => { try { f(); return true; } catch { return false; } };

describe('attribute checks remember valid names and values only', () => {
  it('every verdict, in any order of calls, is the rule\'s', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), text), { maxLength: 60 }), (calls) => {
      for (const [isName, s] of calls) {
        if (isName) expect(passes(() => checkAttributeName(s, 'attributes', 0))).toBe(NAME.test(s));
        else expect(passes(() => checkAttributeValue(s, 'attributes', 0))).toBe(VALUE.test(s) && s === s.trim());
      }
    }), { seed: 21, numRuns: 500 });
  });

  it('a name given twice keeps its last value, in the place of its last mention', () => {
    expect(checkAttributes([{ name: 'a', value: '1' }, { name: 'b' }, { name: 'a', value: '2' }], 'attributes')).toEqual([{ name: 'b' }, { name: 'a', value: '2' }]);
  });
});

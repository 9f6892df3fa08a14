import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../src/model/operations.generated.js';
import { checkRequest, checkShape } from '../../src/model/validate.js';
import { slotsOf, valueOf, wrongTypeFor } from './shape-arbitrary.js';

const operations = Object.keys(OPERATIONS) as OperationName[];
const request = fc.constantFrom(...operations).chain((op) => valueOf(OPERATIONS[op].input).map((input) => ({ op, input })));

describe('validation against the model (properties)', () => {
  it('any request generated from an operation\'s input shape validates', () => {
    fc.assert(fc.property(request, ({ op, input }) => {
      expect(checkRequest(op, input)).toBeNull();
    }), { seed: 14, numRuns: 400 });
  });

  it('any response generated from an operation\'s output shape validates as that shape', () => {
    const response = fc.constantFrom(...operations).chain((op) => valueOf(OPERATIONS[op].output).map((output) => ({ op, output })));
    fc.assert(fc.property(response, ({ op, output }) => {
      expect(checkShape(OPERATIONS[op].output, output)).toBeNull();
    }), { seed: 14, numRuns: 200 });
  });

  it('a request with one member (at any depth) of the wrong type is rejected, naming that member', () => {
    const mutated = request
      .filter(({ op, input }) => slotsOf(OPERATIONS[op].input, input).length > 0)
      .chain(({ op, input }) => {
        const slots = slotsOf(OPERATIONS[op].input, input);
        return fc.nat(slots.length - 1).map((i) => ({ op, input, slot: slots[i]! }));
      });
    fc.assert(fc.property(mutated, ({ op, input, slot }) => {
      const issue = checkRequest(op, slot.replaced(input, wrongTypeFor(slot.shape)));
      expect(issue).toMatchObject({ kind: 'type', path: slot.path });
      expect(issue!.message.startsWith(`${slot.path} must be `)).toBe(true);
    }), { seed: 14, numRuns: 400 });
  });
});

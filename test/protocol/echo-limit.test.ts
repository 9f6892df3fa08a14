// No message repeats a long value: every string member of every operation's accepted request
// (fuzz/prepared.ts), given 100,000 characters instead, is refused (or accepted) with a message
// that shows at most ECHO_LIMIT characters of it, never one the MESSAGE_LIMIT safety net had to
// cut. Derived from the model's shapes, so a member or operation added later is covered.
import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, EcsError, MESSAGE_LIMIT } from '../../src/errors.js';
import { methodName } from '../../src/ecs/operation.js';
import { EcsSimulator } from '../../src/index.js';
import { OPERATIONS, type OperationName } from '../../src/model/operations.generated.js';
import { SHAPE_TABLES, type ShapeName } from '../../src/model/tables.generated.js';
import { slotsOf } from '../model/shape-arbitrary.js';
import { prepare } from './fuzz/prepared.js';

const prepared = prepare();
const text = JSON.stringify(prepared.sim.snapshot());
const LONG = 'x'.repeat(100_000);

describe('echoed values', () => {
  it('a 100,000-character value in any string member comes back as at most ECHO_LIMIT characters of it', () => {
    const faults: string[] = [];
    let tried = 0;
    for (const operation of Object.keys(OPERATIONS) as OperationName[]) {
      for (const example of prepared.examples[operation]) {
        for (const slot of slotsOf(OPERATIONS[operation].input, example)) {
          if (SHAPE_TABLES[slot.shape as ShapeName].type !== 'string') continue;
          tried++;
          const sim = EcsSimulator.restore(text);
          try {
            (sim as unknown as Record<string, (r: unknown) => unknown>)[methodName(operation)]!.call(sim, slot.replaced(example, LONG));
          } catch (e) {
            if (!(e instanceof EcsError)) faults.push(`${operation} ${slot.path}: ${String(e)}`);
            else if (e.message.length > MESSAGE_LIMIT || e.message.includes('(message cut;') || e.message.includes('x'.repeat(ECHO_LIMIT + 1))) {
              faults.push(`${operation} ${slot.path}: ${e.message.length} characters: ${e.message.slice(0, 100)}`);
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(faults).toEqual([]);
  });
});

// Whatever a dump holds, fromDescribeOutput either loads a state the simulator keeps (its
// invariants hold, and ordinary calls on it answer) or refuses it with an InvalidParameterException
// naming a JSON path — never another error (a 500 on the endpoint). Dumps are a generated cluster
// or one of every service kind, with up to three values, anywhere, replaced by hostile ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcsError } from '../../../src/errors.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { generateCluster } from '../../../src/sim/cluster-generator.js';
import { checkInvariants } from '../../../src/testing/invariants.js';
import { dumpOf, everyKind } from './dump-fixtures.js';

type Json = unknown;

/** Runs of the property: a few hundred in CI, as many as asked for with DUMP_FUZZ_RUNS. */
const RUNS = Number(process.env['DUMP_FUZZ_RUNS'] ?? 300);

/** A generated cluster, and a dump of every service kind (DAEMON, FARGATE, task sets). */
const BASES = [JSON.parse(JSON.stringify(generateCluster({ instances: 5, seed: 104 }))) as Json, dumpOf(everyKind())];

/** Every path in a JSON value (list indexes as numbers), the value itself first. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const ALL = BASES.flatMap((base, b) => paths(base).filter((p) => p.length > 0 && p[0] !== 'generatedBy').map((p) => [b, p] as const));

const HOSTILE: Json[] = [
  null, -1, 0, 2 ** 31, 1.5, 1e300, -0, '', 'x', '__proto__', 'INACTIVE', 'STOPPED', 'FARGATE', 'DAEMON', 'EXTERNAL',
  'arn:aws:ecs:us-east-1:123456789012:container-instance/other/0123456789abcdef0123456789abcdef',
  'arn:aws:ecs:us-east-1:123456789012:cluster/other', true, [], [null], {}, { __proto__: null }, JSON.parse('{"__proto__": 1}'),
  'x'.repeat(300), [[[[[[['deep']]]]]]],
];

function put(root: Json, path: (string | number)[], value: Json): void {
  let at = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  at[path[path.length - 1]!] = value;
}

describe('a corrupted dump loads consistently or is refused at a path', () => {
  it('never an error other than InvalidParameterException; a loaded one keeps the invariants', () => {
    let refused = 0;
    let loaded = 0;
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(fc.tuple(fc.constantFrom(...ALL), fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 3 }), (b, edits) => {
        const dump = structuredClone(BASES[b]);
        for (const [[base, path], value] of edits) {
          if (base !== b) continue;
          try {
            put(dump, path, structuredClone(value));
          } catch {
            return; // an earlier edit replaced a parent of this path
          }
        }
        let sim: EcsSimulator;
        try {
          sim = EcsSimulator.fromDescribeOutput(dump, { startTime: Date.parse('2019-06-06T00:00:00Z'), seed: 1 });
        } catch (e) {
          if (!(e instanceof EcsError) || e.name !== 'InvalidParameterException') throw e;
          expect(e.message).toMatch(/^fromDescribeOutput: /);
          refused++;
          return;
        }
        loaded++;
        checkInvariants(sim);
        sim.advance(120_000);
        checkInvariants(sim);
        EcsSimulator.restore(JSON.parse(JSON.stringify(sim.snapshot())));
      }),
      { numRuns: RUNS, seed: 20190606 },
    );
    // Both outcomes occur, so the property is not vacuous.
    expect(refused).toBeGreaterThan(0);
    expect(loaded).toBeGreaterThan(0);
  }, Math.max(60_000, RUNS * 50));
});

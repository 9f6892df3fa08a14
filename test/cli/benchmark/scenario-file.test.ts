/**
 * Benchmark scenario files: a what-if scenario checked by the whatif parser, a dataset, two sizes
 * with their variables; every bundled file reads at both sizes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidParameterException } from '../../../src/errors.js';
import { bundledScenarioNames, loadBenchmarkScenario, readBenchmarkScenario, SIZES } from '../../../src/cli/benchmark/scenario-file.js';

const DOC = {
  description: 'a test scenario',
  dataset: { utilization: 0.2 },
  sizes: { small: { instances: 10, vars: { n: 3 } }, full: { instances: 1000, vars: { n: 300 } } },
  steps: [
    { op: 'RegisterTaskDefinition', request: { family: 'f', containerDefinitions: [{ name: 'f', image: 'f', cpu: 128, memory: 128 }] } },
    { op: 'place', taskDefinition: 'f', count: '$n' },
  ],
};

function errorOf(json: unknown): string {
  try {
    readBenchmarkScenario(json, 'x', 'small');
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidParameterException);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('benchmark scenario files', () => {
  it('each size gets its instances and its variables; the steps are a checked whatif scenario', () => {
    const small = readBenchmarkScenario(DOC, 'x', 'small');
    const full = readBenchmarkScenario(DOC, 'x', 'full');
    expect(small.dataset).toEqual({ utilization: 0.2, instances: 10 });
    expect(full.dataset).toEqual({ utilization: 0.2, instances: 1000 });
    expect(small.scenario.steps[1]).toMatchObject({ op: 'place', count: 3, label: 'place 3 × f', path: 'steps[1]' });
    expect(full.scenario.steps[1]).toMatchObject({ op: 'place', count: 300 });
  });

  it('names what is wrong and where', () => {
    expect(errorOf({ ...DOC, steps: [{ op: 'advance', seconds: '$m' }] })).toBe('benchmark scenario x: steps[0].seconds: "$m" names no variable of the sizes (n)');
    expect(errorOf({ ...DOC, sizes: { ...DOC.sizes, full: { instances: 1000, vars: { k: 1 } } } })).toBe('benchmark scenario x: sizes: small declares (n) and full (k); both sizes declare the same variables');
    expect(errorOf({ ...DOC, sizes: { ...DOC.sizes, full: { instances: 6000 } } })).toMatch(/^benchmark scenario x: sizes\.full\.instances: expected a whole number from 1 to 5000/);
    expect(errorOf({ ...DOC, sizes: { ...DOC.sizes, huge: { instances: 1 } } })).toBe('benchmark scenario x: sizes.huge: unknown size; the sizes are small and full');
    expect(errorOf({ ...DOC, dataset: { instances: 5 } })).toMatch(/^benchmark scenario x: dataset\.instances: unknown member/);
    expect(errorOf({ ...DOC, stepz: [] })).toMatch(/^benchmark scenario x: stepz: unknown member/);
    // The steps' own errors come from the whatif parser, naming the step.
    expect(errorOf({ ...DOC, steps: [{ op: 'advance', seconds: -1 }] })).toBe('scenario x: steps[0].seconds (advance): expected a whole number from 0 to 2592000; got -1');
  });

  it('"$name" is replaced only as a whole string, and "__proto__" stays an ordinary member', () => {
    const doc = JSON.parse(`{"description": "d", "sizes": {"small": {"instances": 1, "vars": {"n": 2}}, "full": {"instances": 2, "vars": {"n": 4}}},
      "steps": [{"op": "PutAttributes", "label": "costs $n", "request": {"attributes": [{"name": "n", "value": "$n"}], "__proto__": {"polluted": "$n"}}}]}`);
    const step = readBenchmarkScenario(doc, 'x', 'small').scenario.steps[0]!;
    expect(step.label).toBe('costs $n');
    const request = (step as { request: Record<string, unknown> }).request;
    expect(request['attributes']).toEqual([{ name: 'n', value: 2 }]);
    expect(Object.getOwnPropertyNames(request)).toContain('__proto__');
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('every bundled scenario reads at both sizes; a file path works as well as a name', () => {
    for (const name of bundledScenarioNames()) {
      for (const size of SIZES) expect(loadBenchmarkScenario(name, size).name).toBe(name);
    }
    const dir = mkdtempSync(join(tmpdir(), 'h-bench-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(DOC));
    expect(loadBenchmarkScenario(join(dir, 'mine.json'), 'full')).toMatchObject({ name: 'mine', size: 'full', dataset: { instances: 1000 } });
    expect(() => loadBenchmarkScenario('no-such', 'small')).toThrow(/^--scenario: no bundled scenario named 'no-such'; they are awsvpc-trunking-off, /);
  });
});

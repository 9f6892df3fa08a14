// The README section "Testing your scheduler with ecs-cluster-sim" runs as written: its example
// (a property over cluster recipes, checked with the placement oracle) registers a test here.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as vitest from 'vitest';
import * as library from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { exampleAfter, runExample } from './markdown-example.js';

const HEADING = '## Testing your scheduler with ecs-cluster-sim';
const file = new URL('../../README.md', import.meta.url);
if (!readFileSync(file, 'utf8').includes(HEADING)) throw new Error(`README.md has no section '${HEADING}'`);

vitest.describe('README: Testing your scheduler with ecs-cluster-sim', () => {
  runExample(exampleAfter(file, HEADING), {
    'fast-check': { default: fc },
    vitest: vitest as unknown as Record<string, unknown>,
    'ecs-cluster-sim': library as unknown as Record<string, unknown>,
    'ecs-cluster-sim/testing': testing as unknown as Record<string, unknown>,
  });
});

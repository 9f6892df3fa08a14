// The example of src/placement/README.md runs as written (plug-ins registered on an engine).
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import * as library from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { exampleAfter, runExample } from '../testing/markdown-example.js';

const file = new URL('../../src/placement/README.md', import.meta.url);

describe('src/placement/README.md', () => {
  it('runs its plug-in example', () => {
    if (!readFileSync(file, 'utf8').includes('## Plug-ins')) throw new Error('no Plug-ins section');
    runExample(exampleAfter(file, '## Plug-ins'), {
      'ecs-cluster-sim': library as unknown as Record<string, unknown>,
      'ecs-cluster-sim/testing': testing as unknown as Record<string, unknown>,
    });
  });
});

// The guide in src/testing/README.md ("check your scheduler's choice is one ECS could make")
// runs as written.
import { expect, it } from 'vitest';
import { EcsSimulator } from '../../src/protocol/simulator.js';
import { isPlacementEcsCouldMake, placementChoices } from '../../src/testing/index.js';
import { exampleAfter, runExample } from './markdown-example.js';

it('the oracle guide example runs and its expectations hold', () => {
  const code = exampleAfter(new URL('../../src/testing/README.md', import.meta.url), "## Check your scheduler's choice is one ECS could make");
  runExample(code, {}, { EcsSimulator, expect, placementChoices, isPlacementEcsCouldMake });
});

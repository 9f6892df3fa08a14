// The model-based suite: random sequences of ECS commands (register, deregister, attributes,
// ACTIVE / DRAINING, agent connections, task definitions, RunTask / StopTask, services, time,
// forks, snapshots, queries). After every command the model matches the API's answers and every
// accountant and index invariant holds; RunTask placements are ones ECS could make; forks never
// affect each other. 10,000 sequences per run, in batches of short and long sequences.
//
// Longer local runs: ECS_SIM_MODEL_RUNS multiplies every batch's numRuns (default 1), and
// ECS_SIM_MODEL_SEED moves every batch's seed (default 0), e.g.
//   ECS_SIM_MODEL_RUNS=20 ECS_SIM_MODEL_SEED=$RANDOM npx vitest run test/testing/model-based.test.ts
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ecsModelProperty } from '../../src/testing/index.js';

const scale = Number(process.env['ECS_SIM_MODEL_RUNS'] ?? '1');
const seedOffset = Number(process.env['ECS_SIM_MODEL_SEED'] ?? '0');
if (!(scale > 0) || !Number.isInteger(seedOffset)) throw new Error('ECS_SIM_MODEL_RUNS must be a positive number and ECS_SIM_MODEL_SEED an integer');

/**
 * [seed, numRuns, maxCommands, size]: many short sequences (3 commands on average), fewer long
 * ones (about 14 on average), which reach deeper states: busy clusters, rollouts, forks of forks.
 */
const BATCHES: readonly (readonly [number, number, number, 'small' | 'large'])[] = [
  [101, 1_800, 6, 'small'],
  [102, 1_800, 6, 'small'],
  [103, 1_800, 6, 'small'],
  [104, 1_800, 6, 'small'],
  [105, 1_800, 6, 'small'],
  [201, 500, 30, 'large'],
  [202, 500, 30, 'large'],
];

describe('model-based: every command keeps the model, the accountant and the indexes in step', () => {
  for (const [seed, numRuns, maxCommands, size] of BATCHES) {
    const runs = Math.round(numRuns * scale);
    it(`${runs} sequences of up to ${maxCommands} commands (seed ${seed + seedOffset})`, () => {
      fc.assert(ecsModelProperty({ maxCommands, size, seed: seed + seedOffset }), { seed: seed + seedOffset, numRuns: runs });
    }, 600_000);
  }
});

/**
 * `sweep-merge`: combines the parts a sharded sweep wrote (`sweep --shard i/N --out part-i.json`)
 * into the answer one run gives, byte for byte (checking that every shard is there once, all of
 * one sweep).
 */
import { writeFileSync } from 'node:fs';
import { mergeSweeps, type SweepResult } from '../../ecs/what-if/sweep.js';
import { integerOption, parseCommandArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { parseJson, printJson, readText } from '../io.js';
import { sweepLines } from '../what-if/sweep-text.js';

const USAGE = 'ecs-cluster-sim sweep-merge <part.json>... [--out <file>] [--top <n>] [--json]';

export const sweepMerge: Command = {
  name: 'sweep-merge',
  summary: 'combine the parts of a sharded sweep into the answer of one run',
  usage: USAGE,
  help: `Usage: ${USAGE}

Reads the parts written by 'sweep --shard i/N --out <file>' (every shard of one sweep, once)
and prints the sweep's answer, worst first: the same, byte for byte with --json, as running the
sweep in one go.

Options:
  --out <file>   also write the merged JSON to a file
  --top <n>      rows shown (default 20)
  --json         the merged answer as JSON
  -h, --help     this text

Example:
  ecs-cluster-sim sweep-merge parts/part-*.json --json > sweep.json
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('sweep-merge', USAGE, argv, {
      out: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (positionals.length === 0) throw new UsageError('sweep-merge: give the part files', USAGE);
    const top = integerOption(values.top, 'top', 20, 0);
    const merged = mergeSweeps(positionals.map((file) => parseJson(readText(file, 'part'), `part ${file}`) as SweepResult));
    if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(merged, null, 2)}\n`);
    if (values.json) printJson(merged);
    else process.stdout.write(`${sweepLines(merged, top).join('\n')}\n`);
    return 0;
  },
};

// Every kind of JSON the command line reads (a dataset, a task definition, sweep parts, on a file
// or stdin) nested 100,000 levels deep: exit 2 with the line and column where it gets too deep,
// never a RangeError (exit 1). All of them read through cli/io.ts's parseJson; this pins that.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/protocol/json-text.js';
import { runCli } from './run-cli.js';

const DEEP = `{"a":\n  ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
// (line 2 opens with two spaces, and the `{` on line 1 is the first level)
const AT = `line 2, column ${MAX_JSON_DEPTH + 2}: JSON nested deeper than ${MAX_JSON_DEPTH} levels`;

describe('JSON nested 100,000 levels deep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h-fuzz-'));
  const file = join(dir, 'deep.json');
  writeFileSync(file, DEEP);

  for (const [args, what] of [
    [['query', 'runningTasksCount > 0', '--data', file], `--data ${file}`],
    [['place', file], `task definition ${file}`],
    [['sweep-merge', file, file], `part ${file}`],
    [['place', '-'], 'task definition stdin'],
  ] as const) {
    it(`${args[0]} ${args[1] === '-' ? 'on stdin' : (args as readonly string[]).includes('--data') ? '--data' : 'file'}: exit 2, line and column`, async () => {
      const r = await runCli(args, args[1] === '-' ? DEEP : undefined);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`InvalidParameterException: ${what}: ${AT}\n`);
    }, 60_000);
  }
});

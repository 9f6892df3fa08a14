/** How README code blocks are read: every block says how it runs, or the test names it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codeBlocks } from './markdown-blocks.js';

function blocksOf(markdown: string) {
  const dir = mkdtempSync(join(tmpdir(), 'firsthour-md-'));
  writeFileSync(join(dir, 'README.md'), markdown);
  return codeBlocks(dir, join(dir, 'README.md'));
}

it('reads each fence\'s language and role, and the code as written (indented fences too)', () => {
  const blocks = blocksOf([
    '# x', '```ts', "import 'a';", '```', '```ts vitest', "it('x', () => {});", '```',
    '- a list', '  ```sh', '  npx x --help', '  ```', '```sh clone', 'npm ci', '```', '````json fragment', '{"a": "```"}', '````',
  ].join('\n'));
  expect(blocks.map((b) => [b.where, b.language, b.role, b.code])).toEqual([
    ['README.md:2', 'ts', 'module', "import 'a';\n"],
    ['README.md:5', 'ts', 'vitest', "it('x', () => {});\n"],
    ['README.md:9', 'sh', 'shell', 'npx x --help\n'],
    ['README.md:12', 'sh', 'clone', 'npm ci\n'],
    ['README.md:15', 'json', 'fragment', '{"a": "```"}\n'],
  ]);
});

it('refuses a block that is neither runnable nor marked as a fragment, naming where it is', () => {
  expect(() => blocksOf('text\n\n```json\n{}\n```\n')).toThrow(/^README\.md:3: a ```json block is neither runnable .* nor marked as a fragment/);
  expect(() => blocksOf('```\nplain\n```\n')).toThrow(/^README\.md:1: a ``` block is neither runnable/);
  expect(() => blocksOf('```ts maybe\nx\n```\n')).toThrow(/^README\.md:1: a ```ts maybe block/);
  expect(() => blocksOf('```sh\nnever closed\n')).toThrow(/^README\.md:1: the code block is never closed/);
});

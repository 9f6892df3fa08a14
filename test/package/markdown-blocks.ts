/**
 * The fenced code blocks of the project's READMEs, and how each one runs.
 *
 * A block's info string is `<language>` or `<language> <role>`:
 *   ```ts / ```js      an ES module, run as written (with tsx) in a project that installed the
 *                      packed tarball; TypeScript blocks are also type-checked there
 *   ```ts vitest       a test file, run with vitest in that project
 *   ```sh              shell commands, run line by line with bash in that project
 *   ```sh clone        shell commands for a clone of the repository, run in this checkout
 *   ```<any> fragment  shown, never run (a piece of a larger program, output, a JSON shape)
 * Any other block is an error: the test names it, so a new block is either runnable or says it
 * is a fragment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type BlockRole = 'module' | 'vitest' | 'shell' | 'clone' | 'fragment';

export interface CodeBlock {
  /** path relative to the repository root, and the line of the opening fence */
  readonly where: string;
  readonly file: string;
  readonly language: string;
  readonly role: BlockRole;
  readonly code: string;
}

const RUNNABLE: Readonly<Record<string, Partial<Record<string, BlockRole>>>> = {
  ts: { '': 'module', vitest: 'vitest' },
  js: { '': 'module' },
  sh: { '': 'shell', clone: 'clone' },
};

/** README.md at the root and in every folder but dependencies, build output and git's. */
export function readmeFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'coverage', 'scratch'].includes(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (entry.name === 'README.md') out.push(join(dir, entry.name));
    }
  };
  walk(root);
  return out.sort();
}

/** Every fenced block of a Markdown file (fences of three or more backticks, possibly indented). */
export function codeBlocks(root: string, path: string): CodeBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const file = relative(root, path);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*(\S*)\s*(.*?)\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence, language, role] = open as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j]!)) body.push(lines[j++]!.slice(indent.length));
    const where = `${file}:${i + 1}`;
    if (j === lines.length) throw new Error(`${where}: the code block is never closed`);
    blocks.push({ where, file, language, role: roleOf(where, language, role), code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

function roleOf(where: string, language: string, role: string): BlockRole {
  if (role === 'fragment') return 'fragment';
  const runnable = RUNNABLE[language]?.[role];
  if (runnable !== undefined) return runnable;
  throw new Error(`${where}: a \`\`\`${language}${role ? ` ${role}` : ''} block is neither runnable (ts, ts vitest, js, sh, sh clone) nor marked as a fragment (\`\`\`${language || '<language>'} fragment); see "Contributing" in README.md`);
}

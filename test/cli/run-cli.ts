/**
 * Runs the real command line in a child process.
 *
 * How: `node --import tsx src/cli/main.ts`, the program's own entry file run from source. The
 * built `dist/cli/main.js` (the package `bin`) would need a build before the tests and could be
 * stale against the sources under test; tsx compiles the same file on the fly (a few hundred ms
 * per start), needs no build step, and cannot drift. Both run the same code in the same Node.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SMALL = fileURLToPath(new URL('../../datasets/small.json', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ecs-cluster-sim ...args`, feeding `stdin` when given (and `env` on top of this process's); resolves when the process exits. */
export function runCli(args: readonly string[], stdin?: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

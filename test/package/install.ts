/**
 * The package as a user gets it: `npm pack` (which builds through `prepare`), then the tarball
 * installed with npm into an empty project in a fresh temporary directory.
 *
 * The install is offline: the package's dependencies, and the tools the README's examples use
 * (tsx, vitest, the AWS SDK, @types/node), are linked from this checkout's node_modules, so the
 * test needs no registry and takes seconds. npm still resolves the tarball's dependency ranges
 * against them and links the bin, as for any install.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/run-cli.js';

/** Packages the examples import or run with, linked into the project next to the tarball's own dependencies. */
const TOOLS = ['tsx', 'vitest', '@aws-sdk/client-ecs', '@types/node'];

export interface InstalledPackage {
  /** the empty project the tarball was installed into */
  readonly app: string;
  readonly tarball: string;
  /** the files in the tarball, as `npm pack --json` lists them (paths inside the package) */
  readonly files: readonly string[];
  readonly packageDir: string;
}

const npm = (cwd: string, args: string[]) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

export function packAndInstall(): InstalledPackage {
  const dir = mkdtempSync(join(tmpdir(), 'firsthour-package-'));
  const [packed] = JSON.parse(npm(ROOT, ['pack', '--json', '--pack-destination', dir])) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, packed!.filename);
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'first-hour', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = Object.keys(pkg.dependencies).map((d) => join(ROOT, 'node_modules', d));
  npm(app, ['install', '--offline', '--no-audit', '--no-fund', '--no-save', tarball, ...dependencies]);
  // Linked after the install, which would otherwise prune what package.json does not list.
  for (const tool of TOOLS) {
    const at = join(app, 'node_modules', tool);
    mkdirSync(join(at, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', tool), at, 'dir');
  }
  return { app, tarball, files: packed!.files.map((f) => f.path).sort(), packageDir: join(app, 'node_modules', 'ecs-cluster-sim') };
}

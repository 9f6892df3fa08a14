/**
 * A user's first hour, as a test: the packed tarball installed into an empty project works from
 * ESM, CommonJS, TypeScript and the command line, holds nothing that cannot run from it, and
 * every code block of every README runs there as written (or says it is a fragment).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import { packAndInstall, type InstalledPackage } from './install.js';
import { codeBlocks, readmeFiles, type CodeBlock } from './markdown-blocks.js';

const BLOCKS = readmeFiles(ROOT).flatMap((f) => codeBlocks(ROOT, f));
const TSX = import.meta.resolve('tsx');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');
const MINUTES = 60_000;

let installed: InstalledPackage;
beforeAll(() => {
  installed = packAndInstall();
}, 3 * MINUTES);
afterAll(() => {
  if (installed !== undefined) rmSync(dirname(installed.tarball), { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, timeout = 3 * MINUTES): Run {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `run`, expecting success: on failure the message shows what the program said. */
function ok(command: string, args: readonly string[], cwd: string, timeout?: number): Run {
  const r = run(command, args, cwd, timeout);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

describe('the packed tarball, installed into an empty project', () => {
  it('holds the built library, its types, the bin, the datasets, README and the Apache-2.0 LICENSE', () => {
    const { files } = installed;
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/testing/index.js', 'dist/cli/main.js', 'datasets/small.json', 'datasets/medium.json']));
    expect(readFileSync(join(installed.packageDir, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(JSON.parse(readFileSync(join(installed.packageDir, 'package.json'), 'utf8')).license).toBe('Apache-2.0');
  });

  it('holds nothing that cannot run from it: no TypeScript sources, no source maps, every relative import shipped', () => {
    const { files } = installed;
    expect(files.filter((f) => /(?<!\.d)\.ts$|\.map$/.test(f))).toEqual([]);
    const shipped = new Set(files);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing: string[] = [];
    for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(join(installed.packageDir, file), 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const specifier = m[1] ?? m[2] ?? m[3];
        if (specifier!.startsWith('.')) {
          const target = join(file, '..', specifier!);
          const candidates = file.endsWith('.d.ts') ? [target, target.replace(/\.js$/, '.d.ts')] : [target];
          if (!candidates.some((c) => shipped.has(c))) missing.push(`${file} → ${specifier}`);
        } else if (!specifier!.startsWith('node:') && !Object.keys(pkg.dependencies).some((d) => specifier === d || specifier!.startsWith(`${d}/`))) {
          missing.push(`${file} → ${specifier} (not a dependency)`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('README links point only to files the package ships (or to web addresses)', () => {
    const shipped = new Set(installed.files);
    const broken: string[] = [];
    for (const md of installed.files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(installed.packageDir, md), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!) || target!.startsWith('#')) continue;
        const path = join(md, '..', target!.split('#')[0]!);
        if (!shipped.has(path) && !installed.files.some((f) => f.startsWith(`${path}/`))) broken.push(`${md} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('imports from ESM, both entry points', () => {
    const program = `import { EcsSimulator } from 'ecs-cluster-sim';
import { buildCluster, clusterRecipe } from 'ecs-cluster-sim/testing';
const sim = new EcsSimulator({ seed: 1 });
sim.createCluster({ clusterName: 'prod' });
console.log(sim.listClusters().clusterArns.length, typeof buildCluster, typeof clusterRecipe);`;
    writeFileSync(join(installed.app, 'esm.mjs'), program);
    const r = ok(process.execPath, ['esm.mjs'], installed.app);
    expect(r.stdout).toBe('1 function function\n');
    expect(r.stderr).toBe('');
  });

  it('requires from CommonJS, both entry points, without a warning (require(esm), Node ^20.19 || >=22.12)', () => {
    const program = `const { EcsSimulator, CqlSyntaxError } = require('ecs-cluster-sim');
const { buildCluster } = require('ecs-cluster-sim/testing');
const sim = new EcsSimulator({ seed: 1 });
sim.createCluster({ clusterName: 'prod' });
console.log(sim.listClusters().clusterArns.length, typeof CqlSyntaxError, typeof buildCluster);`;
    writeFileSync(join(installed.app, 'cjs.cjs'), program);
    const r = ok(process.execPath, ['cjs.cjs'], installed.app);
    expect(r.stdout).toBe('1 function function\n');
    expect(r.stderr).toBe('');
  });

  it('type-checks from TypeScript: node16 resolution (with every README TypeScript block, libraries checked too) and bundler', () => {
    const consumer = `import { EcsSimulator, type ContainerInstance } from 'ecs-cluster-sim';
import { buildCluster, clusterRecipe } from 'ecs-cluster-sim/testing';
const sim: EcsSimulator = new EcsSimulator({ seed: 1 });
const none: ContainerInstance[] = [];
export const used = [sim, none, buildCluster, clusterRecipe];
`;
    const dir = join(installed.app, 'typecheck');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'consumer.ts'), consumer);
    // Each README block is a module of its own (they all import), so their names do not clash.
    const blocks = BLOCKS.filter((b) => b.language === 'ts' && b.role !== 'fragment').map((b, i) => {
      const file = join(dir, `block${i}${b.role === 'vitest' ? '.test' : ''}.ts`);
      writeFileSync(file, b.code);
      return file;
    });
    const strict = ['--noEmit', '--strict', '--target', 'es2022', '--types', 'node'];
    ok(process.execPath, [TSC, ...strict, '--module', 'node16', join(dir, 'consumer.ts'), ...blocks], installed.app);
    ok(process.execPath, [TSC, ...strict, '--skipLibCheck', '--module', 'esnext', '--moduleResolution', 'bundler', join(dir, 'consumer.ts')], installed.app);
  }, 5 * MINUTES);

  it('runs the bin: --version, and a query on the bundled dataset it ships', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(ok('npx', ['ecs-cluster-sim', '--version'], installed.app).stdout).toBe(`${version}\n`);
    const r = ok('npx', ['ecs-cluster-sim', 'query', 'attribute:ecs.availability-zone == us-east-1a', '--json'], installed.app);
    expect(JSON.parse(r.stdout).count).toBeGreaterThan(0);
  }, 3 * MINUTES);
});

describe('README code blocks: each runs as written in the installed project, or is marked a fragment', () => {
  it('every block is runnable or marked as a fragment, and there are runnable ones in each kind', () => {
    // codeBlocks throws for an unmarked block; here the kinds the rest of this file runs.
    const roles = new Set(BLOCKS.map((b) => b.role));
    for (const role of ['module', 'vitest', 'shell', 'clone'] as const) expect(roles).toContain(role);
  });

  for (const block of BLOCKS.filter((b) => b.role === 'module')) {
    it(`${block.where} (${block.language}) runs and prints what its comments say`, () => {
      const file = join(installed.app, `${block.where.replace(/\W/g, '-')}.${block.language === 'ts' ? 'ts' : 'mjs'}`);
      writeFileSync(file, block.code);
      const r = ok(process.execPath, ['--import', TSX, file], installed.app);
      expect(withoutForeignWarnings(r.stderr)).toBe('');
      expect(r.stdout.split('\n').filter((l) => l !== '')).toEqual(expectedOutput(block));
    }, 3 * MINUTES);
  }

  for (const block of BLOCKS.filter((b) => b.role === 'vitest')) {
    it(`${block.where} (a vitest test file) passes`, () => {
      const dir = join(installed.app, 'vitest', block.where.replace(/\W/g, '-'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'example.test.ts'), block.code);
      const r = ok(process.execPath, [VITEST, 'run', '--root', dir], installed.app);
      expect(r.stdout).toMatch(/Tests\s+\d+ passed/);
    }, 3 * MINUTES);
  }

  for (const block of BLOCKS.filter((b) => b.role === 'shell' || b.role === 'clone')) {
    it(`${block.where} (sh${block.role === 'clone' ? ', in a clone' : ''}) runs${reduced(block) ? ' in the reduced form this test gives' : ''}`, () => {
      const script = shellScript(block);
      ok('bash', ['-euo', 'pipefail', '-c', script], block.role === 'clone' ? ROOT : installed.app, 8 * MINUTES);
    }, 10 * MINUTES);
  }
});

/**
 * Standard error without the warnings of other packages that a block cannot avoid: the AWS SDK's
 * notice that its later versions need Node 22.
 */
function withoutForeignWarnings(stderr: string): string {
  return stderr
    .replace(/^\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n/m, '');
}

/** The lines a module block's `console.log(...); // → text` comments promise, in order. */
function expectedOutput(block: CodeBlock): string[] {
  return [...block.code.matchAll(/console\.log\(.*\/\/ → (.*)$/gm)].map((m) => m[1]!);
}

/**
 * Shell lines run in a reduced form, and why. Each key is a command as a README has it (without
 * its trailing comment); a key no README has any more fails the test, so the table cannot
 * outlive what it reduces.
 */
const REDUCTIONS: Readonly<Record<string, { line: string; why: string }>> = {
  'npm ci': { line: 'true', why: 'the checkout running this test is installed already; reinstalling would replace node_modules under the running suite' },
  'npm start': { line: 'npm start -- --out "$(mktemp -d)/report.html"', why: 'as written, but the report goes to a temporary directory rather than into the checkout' },
  'npx ecs-cluster-sim generate --instances 100000 --seed 7 --compact --out large.json': {
    line: 'npx ecs-cluster-sim generate --instances 1000 --seed 7 --compact --out large.json',
    why: '1,000 instances rather than 100,000: the same code path, without writing 0.45 GB',
  },
  'npx ecs-cluster-sim generate --instances 100000 --seed 7 --compact --out cluster.json': {
    line: 'npx ecs-cluster-sim generate --instances 1000 --seed 7 --compact --out cluster.json',
    why: '1,000 instances rather than 100,000: the same code path, without writing 0.45 GB',
  },
  'npm test': { line: 'true', why: 'this test is part of npm test' },
  'npx ecs-cluster-sim sweep --each attribute:ecs.availability-zone --what fail --workers 2': {
    line: 'npx ecs-cluster-sim sweep --each attribute:ecs.availability-zone --what fail --workers 2 --data node_modules/ecs-cluster-sim/datasets/small.json',
    why: 'on the bundled small dataset rather than the default medium one: the same code path in seconds (on medium it takes tens of seconds on a loaded 2-core machine)',
  },
  'npx ecs-cluster-sim plan-capacity --survive-losing attribute:ecs.availability-zone --baseline': {
    line: 'npx ecs-cluster-sim plan-capacity --survive-losing attribute:ecs.availability-zone --baseline --data node_modules/ecs-cluster-sim/datasets/small.json',
    why: 'on the bundled small dataset rather than the default medium one: the same code path in seconds (on medium it takes tens of seconds on a loaded 2-core machine)',
  },
  'npx ecs-cluster-sim plan-consolidation --survive-losing attribute:ecs.availability-zone': {
    line: 'npx ecs-cluster-sim plan-consolidation --survive-losing attribute:ecs.availability-zone --data node_modules/ecs-cluster-sim/datasets/small.json',
    why: 'on the bundled small dataset rather than the default medium one: the same code path in seconds (on medium it takes tens of seconds on a loaded 2-core machine)',
  },
  'npx ecs-cluster-sim serve --port 4599 --data node_modules/ecs-cluster-sim/datasets/small.json &': {
    // The bin itself (npx only finds it), on a port the system picks, stopped when the block ends.
    line: `node_modules/.bin/ecs-cluster-sim serve --port 0 --data node_modules/ecs-cluster-sim/datasets/small.json 2> serve.log &
trap "kill $! 2>/dev/null" EXIT
for _ in $(seq 150); do grep -q 'http://' serve.log && break; sleep 0.2; done
ENDPOINT=$(grep -o 'http://[0-9.:]*' serve.log | head -1)`,
    why: 'a server: it listens on a free port rather than 4599, and the test stops it',
  },
  'AWS_ACCESS_KEY_ID=root AWS_SECRET_ACCESS_KEY=x aws ecs list-container-instances --cluster sample --region us-east-1 --endpoint-url http://127.0.0.1:4599': {
    line: `if command -v aws > /dev/null; then
  AWS_ACCESS_KEY_ID=root AWS_SECRET_ACCESS_KEY=x aws ecs list-container-instances --cluster sample --region us-east-1 --endpoint-url "$ENDPOINT" > answer.json
else # the same request without the aws CLI, where it is not installed
  curl -sf "$ENDPOINT" -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListContainerInstances' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=root/20190606/us-east-1/ecs/aws4_request' -d '{"cluster":"sample"}' > answer.json
fi
grep -q 'container-instance/sample/' answer.json`,
    why: 'the endpoint the server above got; the answer must list the dataset\'s instances',
  },
};

const command = (line: string) => line.replace(/\s+#.*$/, '').trim();

function reduced(block: CodeBlock): boolean {
  return block.code.split('\n').some((l) => REDUCTIONS[command(l)] !== undefined);
}

function shellScript(block: CodeBlock): string {
  return block.code.split('\n').map((l) => REDUCTIONS[command(l)]?.line ?? l).join('\n');
}

it('every reduced shell line is still in a README', () => {
  const lines = new Set(BLOCKS.flatMap((b) => b.code.split('\n').map(command)));
  expect(Object.keys(REDUCTIONS).filter((k) => !lines.has(k))).toEqual([]);
});


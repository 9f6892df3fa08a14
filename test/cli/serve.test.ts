// `serve`: options checked before anything listens (exit 2), loud about non-loopback binding,
// --region and --max-body reaching the endpoint, and JSON files of any depth read without a crash.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/protocol/json-text.js';
import { ROOT, runCli } from './run-cli.js';

/** Starts `serve args`; resolves to the endpoint URL and everything on stderr so far, and a stop function. */
function startServe(args: string[]): Promise<{ url: string; stderr: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /ECS endpoint at (http:\/\/\S+)/.exec(stderr);
      if (m) resolve({ url: m[1]!, stderr, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

describe('serve refuses what it cannot serve, with exit code 2', () => {
  it('an empty --host (which would bind every interface)', async () => {
    const r = await runCli(['serve', '--host', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^InvalidParameterException: serve: --host is empty, which would bind every interface/);
  });

  it('a busy port, a host that is not this machine, a size that is not one, a region that is not one', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await runCli(['serve', '--port', String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`InvalidParameterException: --port ${port}: 127.0.0.1:${port} is already in use`);
    } finally {
      blocker.close();
    }
    const foreign = await runCli(['serve', '--port', '0', '--host', '192.0.2.1']); // TEST-NET-1: never this machine
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('InvalidParameterException: --host 192.0.2.1: not an address of this machine');
    const size = await runCli(['serve', '--max-body', 'lots']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--max-body takes a size such as 1048576, 512kb, 1mb or 2gb; got "lots"');
    const region = await runCli(['serve', '--region', 'moon-1']);
    expect(region.code).toBe(2);
  });

  it('a --data file nested 100,000 levels deep: exit 2 with line and column, no RangeError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h-protocol-'));
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{"containerInstances":\n ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const r = await runCli(['serve', '--data', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`InvalidParameterException: --data ${file}: line 2, column ${MAX_JSON_DEPTH + 1}: JSON nested deeper than ${MAX_JSON_DEPTH} levels\n`);
  });
});

describe('serve runs', () => {
  it('warns on stderr when bound beyond loopback', async () => {
    const served = await startServe(['--port', '0', '--host', '0.0.0.0']);
    served.stop();
    expect(served.stderr).toMatch(/WARNING: listening on 0\.0\.0\.0, reachable from other machines\. Signatures are not checked .* \/_sim\/restore included/);
    const local = await startServe(['--port', '0']);
    local.stop();
    expect(local.stderr).not.toContain('WARNING');
  });

  it('--region is the default region and --max-body the body limit', async () => {
    const served = await startServe(['--port', '0', '--region', 'us-east-2', '--max-body', '2kb']);
    try {
      const post = (body: string) => fetch(served.url, { method: 'POST', headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.CreateCluster' }, body });
      const created = await post('{"clusterName": "e"}');
      expect(((await created.json()) as { cluster: { clusterArn: string } }).cluster.clusterArn).toBe('arn:aws:ecs:us-east-2:123456789012:cluster/e');
      expect((await post(JSON.stringify({ clusterName: 'x'.repeat(2048) }))).status).toBe(413);
      expect((await post(JSON.stringify({ clusterName: 'x'.repeat(2000) }))).status).toBe(400); // read; the name is too long
    } finally {
      served.stop();
    }
  });
});

// The request body limit: 413 RequestEntityTooLargeException that every kind of client sees
// (one that sends its whole body before reading, a chunked one, one that asks 100-continue, the
// JS SDK), and /_sim/restore taking any snapshot the server produces.
import { CreateClusterCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';

let endpoint: SimEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(sim: EcsSimulator, maxBodyBytes?: number): Promise<URL> {
  const started = await sim.listen({ port: 0, ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }) });
  endpoint = started.endpoint;
  return new URL(started.url);
}

const TARGET = 'AmazonEC2ContainerServiceV20141113.';

/**
 * Sends each request's whole body before reading anything (as boto3's urllib3 and the aws CLI
 * do), on one connection; resolves to the raw responses.
 */
function sendAllThenRead(url: URL, requests: { target: string; body: string }[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.setEncoding('utf8').on('data', (d: string) => (received += d));
    socket.on('error', reject);
    socket.on('end', () => resolve(received));
    const last = requests.length - 1;
    const write = (i: number) => {
      const { target, body } = requests[i]!;
      const head = `POST / HTTP/1.1\r\nHost: ${url.host}\r\nX-Amz-Target: ${TARGET}${target}\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${i === last ? 'Connection: close\r\n' : ''}\r\n`;
      socket.write(head + body, () => (i < last ? write(i + 1) : undefined));
    };
    write(0);
  });
}

const statuses = (raw: string) => [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
const errorBodies = (raw: string) => [...raw.matchAll(/\{"__type":"(\w+)","message":"([^"]*)"\}/g)].map((m) => ({ type: m[1], message: m[2] }));

describe('request body limit', () => {
  it('answers 413 RequestEntityTooLargeException to a client that sends 8 MB before reading, then serves the next request on the same connection', async () => {
    const url = await serve(new EcsSimulator(), 1000);
    const raw = await sendAllThenRead(url, [
      { target: 'CreateCluster', body: JSON.stringify({ clusterName: 'x'.repeat(8_000_000) }) },
      { target: 'ListClusters', body: '{}' },
    ]);
    expect(statuses(raw)).toEqual([413, 200]);
    expect(errorBodies(raw)[0]).toEqual({
      type: 'RequestEntityTooLargeException',
      message: 'the request body is larger than 1000 bytes (serve --max-body, or the endpoint option maxBodyBytes, raises it)',
    });
    expect(raw).toContain('{"clusterArns":[]}');
  });

  it('counts the bytes of a chunked body (no Content-Length)', async () => {
    const url = await serve(new EcsSimulator(), 1000);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'x-amz-target': `${TARGET}CreateCluster`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < 50; i++) req.write('x'.repeat(100));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('refuses an announced oversized body before it is sent when the client expects 100-continue', async () => {
    const url = await serve(new EcsSimulator(), 1000);
    const answer = await new Promise<{ status: number; sentBody: boolean }>((resolve, reject) => {
      let sentBody = false;
      const req = request(url, { method: 'POST', headers: { 'x-amz-target': `${TARGET}CreateCluster`, 'content-length': 5000, expect: '100-continue' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, sentBody });
      });
      req.on('continue', () => {
        sentBody = true;
        req.end('x'.repeat(5000));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer).toEqual({ status: 413, sentBody: false });
  });

  it('the JS SDK gets a 413 it does not retry, and the default limit is 1 MiB', async () => {
    const sim = new EcsSimulator();
    const url = await serve(sim);
    const client = new ECSClient({ region: 'us-east-1', endpoint: url.href, credentials: { accessKeyId: 'root', secretAccessKey: 'x' } });
    const error = await client.send(new CreateClusterCommand({ clusterName: 'y'.repeat(1 << 20) })).catch((e: unknown) => e) as { name: string; $metadata: { httpStatusCode: number; attempts: number } };
    expect(error.name).toBe('RequestEntityTooLargeException');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 413, attempts: 1 });
    // Just under the limit is read (and refused by CreateCluster's own name rule, not by size).
    const under = await client.send(new CreateClusterCommand({ clusterName: 'y'.repeat((1 << 20) - 100) })).catch((e: unknown) => e) as { name: string };
    expect(under.name).toBe('InvalidParameterException');
    expect((await client.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
  });
});

describe('/_sim/restore takes any snapshot the server produces', () => {
  it('GET /_sim/snapshot then POST /_sim/restore round-trips 100,000 container instances (a body far over maxBodyBytes)', async () => {
    const sim = new EcsSimulator({ seed: 9 });
    sim.createCluster({ clusterName: 'big' });
    const totalResources = [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 7681 }];
    for (let n = 0; n < 100_000; n++) {
      const instanceIdentityDocument = JSON.stringify({ instanceId: `i-${n.toString(16).padStart(17, '0')}`, instanceType: 'm5.large', availabilityZone: 'us-east-1a' });
      sim.registerContainerInstance({ cluster: 'big', instanceIdentityDocument, totalResources });
    }
    const url = await serve(sim, 1000);
    const snapshot = await (await fetch(new URL('/_sim/snapshot', url))).text();
    expect(snapshot.length).toBeGreaterThan(50_000_000);
    const other = new EcsSimulator({ seed: 9 });
    const started = await other.listen({ port: 0, maxBodyBytes: 1000 });
    try {
      const restored = await fetch(new URL('/_sim/restore', started.url), { method: 'POST', body: snapshot });
      expect(restored.status).toBe(200);
      expect(other.query(null, { cluster: 'big' })).toHaveLength(100_000);
      expect(JSON.stringify(other.snapshot())).toBe(snapshot);
    } finally {
      await started.endpoint.close();
    }
  }, 300_000);
});

// The /_sim control API of the HTTP endpoint, driven with plain HTTP as a harness in another
// language would, and the identity rules of the access key id.
import { ECSClient, ListAccountSettingsCommand, PutAccountSettingCommand, PutAccountSettingDefaultCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';
import { principalFromAuthorization } from '../../src/protocol/identity.js';

let endpoint: SimEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(sim = new EcsSimulator({ seed: 5 })): Promise<string> {
  const started = await sim.listen({ port: 0 });
  endpoint = started.endpoint;
  return started.url;
}

async function post(url: string, path: string, body?: unknown, target?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', ...(target ? { 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${target}` } : {}) },
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('control API', () => {
  it('advance moves the simulated clock and answers the new time in epoch seconds', async () => {
    const url = await serve(new EcsSimulator({ startTime: '2020-01-01T00:00:00Z' }));
    expect(await post(url, '/_sim/advance', { ms: 1500 })).toEqual({ status: 200, json: { now: Date.UTC(2020, 0, 1) / 1000 + 1.5 } });
    expect((await post(url, '/_sim/advance', { ms: 'soon' })).json.__type).toBe('InvalidParameterException');
  });

  it('snapshot, reset and restore', async () => {
    const url = await serve();
    await post(url, '/', { clusterName: 'prod' }, 'CreateCluster');
    const snap = (await (await fetch(`${url}/_sim/snapshot`)).json()) as { clusters: { name: string }[] };
    expect(snap.clusters.map((c: { name: string }) => c.name)).toEqual(['prod']);
    await post(url, '/_sim/reset');
    expect((await post(url, '/', {}, 'ListClusters')).json).toEqual({ clusterArns: [] });
    await post(url, '/_sim/restore', snap);
    expect((await post(url, '/', {}, 'ListClusters')).json).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/prod'] });
    expect((await post(url, '/_sim/restore', { format: 'x' })).json.__type).toBe('InvalidParameterException');
  });

  it('agent-connection sets agentConnected as a lost agent would', async () => {
    const url = await serve();
    await post(url, '/', { clusterName: 'c' }, 'CreateCluster');
    const reg = await post(url, '/', { cluster: 'c', versionInfo: { agentVersion: '1.29.0' } }, 'RegisterContainerInstance');
    const arn = reg.json.containerInstance.containerInstanceArn;
    expect((await post(url, '/_sim/agent-connection', { cluster: 'c', containerInstance: arn, connected: false })).status).toBe(200);
    const listed = await post(url, '/', { cluster: 'c', filter: 'agentConnected == false' }, 'ListContainerInstances');
    expect(listed.json.containerInstanceArns).toEqual([arn]);
    expect((await post(url, '/_sim/agent-connection', { cluster: 'c' })).json.__type).toBe('InvalidParameterException');
  });

  it('answers unknown routes, targets and malformed bodies with ECS-style errors', async () => {
    const url = await serve();
    expect(await post(url, '/_sim/nope')).toMatchObject({ status: 404, json: { __type: 'UnknownOperationException' } });
    expect(await post(url, '/', {}, 'DeleteEverything')).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException', message: 'Unknown operation "DeleteEverything"' } });
    expect(await post(url, '/', '{"cluster":', 'ListClusters')).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    expect(await post(url, '/', '[1]', 'ListClusters')).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    expect(await post(url, '/', { maxResults: 'ten' }, 'ListClusters')).toMatchObject({ status: 400, json: { __type: 'SerializationException', message: 'maxResults must be a 32-bit integer; got the string "ten"' } });
    expect(await post(url, '/', {}, 'toString')).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
  });

  it('answers a method other than POST on / with 404 UnknownOperationException, as AWS answers a request it cannot route', async () => {
    const url = await serve();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(url + '/', { method });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    }
  });
});

describe('caller identity from the SigV4 access key id', () => {
  const options = { accountId: '123456789012', rootAccessKeys: ['AKIAROOT'] };
  const header = (key: string) => `AWS4-HMAC-SHA256 Credential=${key}/20190606/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=abc`;
  it('root and configured root keys act as the account root', () => {
    expect(principalFromAuthorization(header('root'), options)).toBe('arn:aws:iam::123456789012:root');
    expect(principalFromAuthorization(header('AKIAROOT'), options)).toBe('arn:aws:iam::123456789012:root');
  });
  it('any other key K acts as the IAM user K', () => {
    expect(principalFromAuthorization(header('alice'), options)).toBe('arn:aws:iam::123456789012:user/alice');
  });
  it('an unsigned request is the simulator’s default caller', () => {
    expect(principalFromAuthorization(undefined, options)).toBeUndefined();
  });

  it('account settings under two principals through the real SDK', async () => {
    const sim = new EcsSimulator({ longArnFormatDefault: 'disabled' });
    const url = await serve(sim);
    const as = (key: string) => new ECSClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: key, secretAccessKey: 'x' }, maxAttempts: 1 });
    await as('alice').send(new PutAccountSettingCommand({ name: 'containerInstanceLongArnFormat', value: 'enabled' }));
    await as('root').send(new PutAccountSettingDefaultCommand({ name: 'awsvpcTrunking', value: 'enabled' }));
    const alice = await as('alice').send(new ListAccountSettingsCommand({ effectiveSettings: true }));
    const bob = await as('bob').send(new ListAccountSettingsCommand({ effectiveSettings: true }));
    const value = (r: typeof alice, name: string) => r.settings?.find((s) => s.name === name)?.value;
    expect(value(alice, 'containerInstanceLongArnFormat')).toBe('enabled');
    expect(value(bob, 'containerInstanceLongArnFormat')).toBe('disabled');
    expect(value(alice, 'awsvpcTrunking')).toBe('enabled');
    expect(value(bob, 'awsvpcTrunking')).toBe('enabled');
    expect(alice.settings?.[0]?.principalArn).toBe('arn:aws:iam::123456789012:user/alice');
  });
});

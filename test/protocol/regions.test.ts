// ECS state is regional: the SigV4 credential scope of each request picks the region, each
// region keeps its own state, and the control API says which region it means.
import { CreateClusterCommand, ECSClient, ListClustersCommand, RegisterContainerInstanceCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';
import { MAX_REGIONS } from '../../src/protocol/regions.js';

let endpoint: SimEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(sim: EcsSimulator): Promise<string> {
  const started = await sim.listen({ port: 0 });
  endpoint = started.endpoint;
  return started.url;
}

const credentials = { accessKeyId: 'root', secretAccessKey: 'x' };
const overHttp = (url: string, region: string) => new ECSClient({ region, endpoint: url, credentials, maxAttempts: 1 });
const inProcess = (sim: EcsSimulator, region: string) => new ECSClient({ region, credentials, requestHandler: sim.sdkHandler() });
const identity = JSON.stringify({ instanceId: 'i-1', instanceType: 'm5.large', availabilityZone: 'us-east-2a' });

for (const [name, connect] of [
  ['over HTTP', async (sim: EcsSimulator, region: string) => overHttp(await serve(sim), region)],
  ['in process', async (sim: EcsSimulator, region: string) => inProcess(sim, region)],
] as const) {
  describe(`regions from the credential scope, ${name}`, () => {
    it('a client configured for us-east-2 gets us-east-2 ARNs, and us-east-1 state is unaffected', async () => {
      const sim = new EcsSimulator({ seed: 2 });
      sim.createCluster({ clusterName: 'east1' });
      const east2 = await connect(sim, 'us-east-2');
      const created = await east2.send(new CreateClusterCommand({ clusterName: 'east2' }));
      expect(created.cluster?.clusterArn).toBe('arn:aws:ecs:us-east-2:123456789012:cluster/east2');
      const registered = await east2.send(new RegisterContainerInstanceCommand({ cluster: 'east2', instanceIdentityDocument: identity }));
      expect(registered.containerInstance?.containerInstanceArn).toMatch(/^arn:aws:ecs:us-east-2:123456789012:container-instance\/east2\//);
      expect((await east2.send(new ListClustersCommand({}))).clusterArns).toEqual(['arn:aws:ecs:us-east-2:123456789012:cluster/east2']);
      expect(sim.listClusters().clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/east1']);
      expect(sim.inRegion('us-east-2').query(null, { cluster: 'east2' })).toEqual([registered.containerInstance?.containerInstanceArn]);
    });

    it('a credential scoped to something that is not a region is refused as AWS refuses it (403 InvalidSignatureException)', async () => {
      const client = await connect(new EcsSimulator(), 'local');
      const error = await client.send(new ListClustersCommand({})).catch((e: unknown) => e) as { name: string; message: string; $metadata: { httpStatusCode: number } };
      expect(error.name).toBe('InvalidSignatureException');
      expect(error.$metadata.httpStatusCode).toBe(403);
      expect(error.message).toMatch(/^Credential should be scoped to a valid region, not "local"/);
    });
  });
}

describe('regions in the library and the control API', () => {
  it('inRegion is shared by sdkHandler and listen, starts at the same simulated time, and is bounded', async () => {
    const sim = new EcsSimulator({ startTime: '2021-01-01T00:00:00Z' });
    sim.advance(5000);
    const west = sim.inRegion('us-west-2');
    expect(sim.inRegion('us-west-2')).toBe(west);
    expect(west.inRegion('us-east-1')).toBe(sim);
    expect(west.now).toBe(sim.now);
    expect(west.state.options).toMatchObject({ region: 'us-west-2', accountId: sim.state.options.accountId, seed: sim.state.options.seed });
    await inProcess(sim, 'us-west-2').send(new CreateClusterCommand({ clusterName: 'w' }));
    expect(west.listClusters().clusterArns).toEqual(['arn:aws:ecs:us-west-2:123456789012:cluster/w']);
    expect(() => sim.inRegion('nowhere')).toThrow(/not an AWS Region name/);
    for (let i = 0; i < MAX_REGIONS - 2; i++) sim.inRegion(`xx-${'a'.repeat(i + 1)}-1`);
    expect(() => sim.inRegion('zz-last-1')).toThrow(`a simulator serves at most ${MAX_REGIONS}`);
  });

  it('advance and reset cover every region; snapshot, restore and agent-connection take ?region=', async () => {
    const sim = new EcsSimulator({ startTime: '2020-01-01T00:00:00Z' });
    const url = await serve(sim);
    const east2 = overHttp(url, 'us-east-2');
    await east2.send(new CreateClusterCommand({ clusterName: 'e2' }));
    const reg = await east2.send(new RegisterContainerInstanceCommand({ cluster: 'e2', instanceIdentityDocument: identity }));
    const post = (path: string, body?: unknown) => fetch(url + path, { method: 'POST', body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) });

    expect((await (await post('/_sim/advance', { ms: 1000 })).json())).toEqual({ now: Date.UTC(2020, 0, 1) / 1000 + 1 });
    expect(sim.inRegion('us-east-2').now).toBe(sim.now);

    const ci = reg.containerInstance!.containerInstanceArn!;
    expect((await post('/_sim/agent-connection', { cluster: 'e2', containerInstance: ci, connected: false })).status).toBe(400); // not in us-east-1
    expect((await post('/_sim/agent-connection?region=us-east-2', { cluster: 'e2', containerInstance: ci, connected: false })).status).toBe(200);
    expect(sim.inRegion('us-east-2').describeContainerInstances({ cluster: 'e2', containerInstances: [ci] }).containerInstances?.[0]?.agentConnected).toBe(false);

    const snapshot = await (await fetch(`${url}/_sim/snapshot?region=us-east-2`)).text();
    expect(JSON.parse(snapshot).options.region).toBe('us-east-2');
    expect(JSON.parse(await (await fetch(`${url}/_sim/snapshot`)).text()).options.region).toBe('us-east-1');

    expect(await (await post('/_sim/reset')).json()).toEqual({});
    expect(sim.inRegion('us-east-2').listClusters().clusterArns).toEqual([]);
    expect(sim.inRegion('us-east-2').now).toBe(Date.UTC(2020, 0, 1));

    // The snapshot names its region: restore puts it back there (and refuses another ?region=).
    expect((await post('/_sim/restore?region=us-west-1', snapshot)).status).toBe(400);
    expect((await post('/_sim/restore', snapshot)).status).toBe(200);
    expect((await east2.send(new ListClustersCommand({}))).clusterArns).toEqual(['arn:aws:ecs:us-east-2:123456789012:cluster/e2']);
    expect(sim.listClusters().clusterArns).toEqual([]);
  });

  it('POST /moto-api/reset resets every region and answers as moto does', async () => {
    const sim = new EcsSimulator();
    const url = await serve(sim);
    await overHttp(url, 'eu-west-1').send(new CreateClusterCommand({ clusterName: 'eu' }));
    sim.createCluster({ clusterName: 'us' });
    const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(sim.listClusters().clusterArns).toEqual([]);
    expect(sim.inRegion('eu-west-1').listClusters().clusterArns).toEqual([]);
  });

  it('restoring a snapshot of another account replaces the default region and drops the old account’s other regions', async () => {
    const sim = new EcsSimulator();
    const url = await serve(sim);
    sim.inRegion('us-east-2').createCluster({ clusterName: 'old' });
    const other = new EcsSimulator({ accountId: '210987654321' });
    other.createCluster({ clusterName: 'theirs' });
    const otherEast2 = new EcsSimulator({ accountId: '210987654321', region: 'us-east-2' });
    const refused = await fetch(`${url}/_sim/restore`, { method: 'POST', body: JSON.stringify(otherEast2.snapshot()) });
    expect(refused.status).toBe(400);
    expect((await fetch(`${url}/_sim/restore`, { method: 'POST', body: JSON.stringify(other.snapshot()) })).status).toBe(200);
    expect(sim.listClusters().clusterArns).toEqual(['arn:aws:ecs:us-east-1:210987654321:cluster/theirs']);
    expect(sim.inRegion('us-east-2').listClusters().clusterArns).toEqual([]);
    expect(sim.inRegion('us-east-2').state.options.accountId).toBe('210987654321');
  });
});

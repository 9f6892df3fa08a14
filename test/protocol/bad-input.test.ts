// Whatever a client sends gets a 4xx naming what was wrong, never a 500; our own bugs get a 500
// that shows no JavaScript internals; echoed values are cut.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import { MESSAGE_LIMIT } from '../../src/errors.js';
import { MAX_ADVANCE_MS } from '../../src/protocol/control-api.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';
import { MAX_JSON_DEPTH } from '../../src/protocol/json-text.js';

let endpoint: SimEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const logged: string[] = [];
async function serve(sim = new EcsSimulator({ seed: 5 })): Promise<string> {
  logged.length = 0;
  const started = await sim.listen({ port: 0, maxBodyBytes: 4 << 20, log: (line) => logged.push(line) });
  endpoint = started.endpoint;
  return started.url;
}

interface Answer {
  status: number;
  json: { __type?: string; message?: string; [k: string]: unknown };
  requestId: string | null;
}

async function post(url: string, path: string, body: unknown, target?: string): Promise<Answer> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: target ? { 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${target}` } : {},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Answer['json'], requestId: res.headers.get('x-amzn-requestid') };
}

const deep = (levels: number) => '['.repeat(levels) + '"x"' + ']'.repeat(levels);

describe('JSON the protocol cannot walk', () => {
  it('nesting deeper than MAX_JSON_DEPTH where a string is expected is a 400 SerializationException with line and column', async () => {
    const url = await serve();
    await post(url, '/', { clusterName: 'c' }, 'CreateCluster');
    for (const levels of [MAX_JSON_DEPTH + 1, 5_000, 100_000]) {
      const answer = await post(url, '/', `{"cluster": ${deep(levels)}}`, 'ListContainerInstances');
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ __type: 'SerializationException', message: `the request body is not readable: line 1, column ${12 + MAX_JSON_DEPTH}: JSON nested deeper than ${MAX_JSON_DEPTH} levels` });
    }
    // Within the bound, the model's check answers: an array where a string is expected.
    const shallow = await post(url, '/', `{"cluster": ${deep(MAX_JSON_DEPTH - 1)}}`, 'ListContainerInstances');
    expect(shallow.status).toBe(400);
    expect(shallow.json).toMatchObject({ __type: 'SerializationException', message: expect.stringMatching(/^cluster must be a string; got/) });
  });

  it('a body that is not a JSON object is a 400 SerializationException on every route that takes one', async () => {
    const url = await serve();
    for (const body of ['null', '[]', '7', '"text"', 'true']) {
      expect(await post(url, '/', body, 'ListClusters')).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
      for (const path of ['/_sim/advance', '/_sim/agent-connection', '/_sim/reset', '/_sim/restore']) {
        expect(await post(url, path, body)).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
      }
    }
    expect((await post(url, '/', 'null', 'ListClusters')).json.message).toBe('the request body must be a JSON object; got null');
    expect((await post(url, '/_sim/advance', '{"ms": 1,', 'ListClusters')).json.message).toBe("the request body is not readable: line 1, column 10: not valid JSON: expected a property name in double quotes but found end of input");
  });
});

describe('control API checks every member', () => {
  it('advance: ms finite, from 0 to ten years, nothing else', async () => {
    const url = await serve(new EcsSimulator({ startTime: '2020-01-01T00:00:00Z' }));
    const range = `advance: ms must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS} (ten years)`;
    expect(await post(url, '/_sim/advance', { ms: 1e300 })).toMatchObject({ status: 400, json: { __type: 'InvalidParameterException', message: `${range}; got 1e+300` } });
    expect((await post(url, '/_sim/advance', { ms: -1 })).json.message).toBe(`${range}; got -1`);
    expect((await post(url, '/_sim/advance', { ms: '5' })).json.message).toBe(`${range}; got "5"`);
    expect((await post(url, '/_sim/advance', {})).json.message).toBe(`${range}; got nothing`);
    expect((await post(url, '/_sim/advance', { ms: MAX_ADVANCE_MS + 1 })).status).toBe(400);
    expect((await post(url, '/_sim/advance', { ms: 5, extra: 1 })).json).toEqual({ __type: 'InvalidParameterException', message: 'advance: unknown member "extra"; it takes ms' });
    expect((await post(url, '/_sim/advance?region=us-east-2', { ms: 5 })).json.message).toBe('advance: unknown query parameter "region" (it covers every region)');
    expect(await post(url, '/_sim/advance', { ms: MAX_ADVANCE_MS })).toEqual({ status: 200, json: { now: (Date.UTC(2020, 0, 1) + MAX_ADVANCE_MS) / 1000 }, requestId: expect.any(String) });
  });

  it('agent-connection names the member it refuses; reset takes no members', async () => {
    const url = await serve();
    const message = async (body: unknown) => (await post(url, '/_sim/agent-connection', body)).json.message;
    expect(await message({ containerInstance: 'a', connected: false })).toBe('agent-connection: cluster must be a string; got nothing');
    expect(await message({ cluster: 'c', containerInstance: 7, connected: false })).toBe('agent-connection: containerInstance must be a string; got 7');
    expect(await message({ cluster: 'c', containerInstance: 'a', connected: 'no' })).toBe('agent-connection: connected must be a boolean; got "no"');
    expect(await message({ cluster: 'c', containerInstance: 'a', connected: false, why: 1 })).toBe('agent-connection: unknown member "why"; it takes cluster, containerInstance, connected');
    expect((await post(url, '/_sim/reset', { everything: true })).json).toEqual({ __type: 'InvalidParameterException', message: 'reset: unknown member "everything"; it takes no members' });
    expect((await fetch(`${url}/_sim/snapshot?regoin=us-east-2`)).status).toBe(400);
  });
});

describe('our own faults', () => {
  it('a non-EcsError is a 500 ServerException with a generic message and the request id; the detail goes to the log', async () => {
    const sim = new EcsSimulator();
    // A fault inside an operation: the dispatcher reaches handlers through the operation table, so
    // the state itself is made to throw.
    Object.defineProperty(sim.state, 'clusters', {
      get() {
        throw new TypeError("Cannot read properties of undefined (reading 'secret')");
      },
    });
    const url = await serve(sim);
    const answer = await post(url, '/', {}, 'ListClusters');
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ __type: 'ServerException', message: `internal error in the simulator (request ${answer.requestId}); the server log has the detail` });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`request ${answer.requestId}`);
    expect(logged[0]).toContain("reading 'secret'");
  });

  it('a hostile snapshot never brings JavaScript internals back to the client', async () => {
    const url = await serve();
    const hostile = [
      { format: 'ecs-cluster-sim/snapshot@1', options: {}, clock: null },
      { format: 'ecs-cluster-sim/snapshot@1', options: { region: 'us-east-1' }, clock: { now: 0, sequence: 0, events: 7 }, clusters: 'x' },
      { format: 'ecs-cluster-sim/snapshot@1', options: { region: 'us-east-1' }, clock: { now: 0, sequence: 0, events: [] }, random: 1, faults: [], settings: [], clusters: [{ name: 'c', instances: [null] }] },
    ];
    for (const snapshot of hostile) {
      const answer = await post(url, '/_sim/restore', snapshot);
      // Refused as the client's fault, naming the member (restore checks the whole snapshot first).
      expect(answer.status).toBe(400);
      expect(answer.json.__type).toBe('InvalidParameterException');
      expect(answer.json.message).toMatch(/^restore: [a-z]/);
      expect(answer.json.message).not.toMatch(/Cannot read|undefined|is not a function|TypeError|\bat /);
    }
    // A rejected restore changes nothing.
    expect((await post(url, '/', {}, 'ListClusters')).json).toEqual({ clusterArns: [] });
  });
});

describe('echoed values are cut', () => {
  it('a 900 KB value comes back as at most ~200 characters of it, and no message passes MESSAGE_LIMIT', async () => {
    const url = await serve();
    const name = 'n'.repeat(900_000);
    const target = await fetch(url + '/', { method: 'POST', headers: { 'x-amz-target': 'T'.repeat(8000) }, body: '{}' });
    expect(((await target.json()) as { message: string }).message).toMatch(/got "T{200}"… \(8000 characters\)$/);
    for (const [operation, body] of [
      ['CreateCluster', { clusterName: name }],
      ['ListContainerInstances', { cluster: name }],
      ['DescribeClusters', { clusters: [name] }],
      ['RegisterContainerInstance', { cluster: 'default', instanceIdentityDocument: name }],
      ['ListContainerInstances', { filter: `attribute:${name} == x` }],
    ] as const) {
      const answer = await post(url, '/', body, operation);
      expect(answer.status).toBeLessThan(500);
      expect(answer.json.message?.length ?? 0).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
    const agent = await post(url, '/_sim/agent-connection', { cluster: name, containerInstance: 'a', connected: 7 });
    expect(agent.json.message).toBe('agent-connection: connected must be a boolean; got 7');
    const badMs = await post(url, '/_sim/advance', { ms: name });
    expect(badMs.json.message).toMatch(/got "n{200}"… \(900000 characters\)$/);
  });
});

// Map members (dockerLabels, logConfiguration.options) and tag keys named `__proto__` or
// `constructor` are ordinary names: stored as given, and answered as given over raw HTTP and
// through the JS SDK (in process and over HTTP), never dropped by the wire encoding.
import * as ecs from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const endpoints: SimEndpoint[] = [];
afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
});

const MAP = '{"__proto__": "x", "constructor": "y", "toString": "z"}';
const KEYS = ['__proto__', 'constructor', 'toString'];
const body = `{"family": "f", "containerDefinitions": [{"name": "a", "image": "i", "memory": 64, "dockerLabels": ${MAP}, "logConfiguration": {"logDriver": "json-file", "options": ${MAP}}}], "tags": [{"key": "__proto__", "value": "t"}]}`;
const credentials = { accessKeyId: 'root', secretAccessKey: 'x' };

async function served(): Promise<{ sim: EcsSimulator; url: string }> {
  const sim = new EcsSimulator();
  const { url, endpoint } = await sim.listen({ port: 0 });
  endpoints.push(endpoint);
  const res = await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition' }, body });
  expect(res.status).toBe(200);
  return { sim, url };
}

describe('`__proto__` and `constructor` keys in map members', () => {
  it('come back over raw HTTP, in the JSON text', async () => {
    const { url } = await served();
    const res = await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition' }, body: '{"taskDefinition": "f", "include": ["TAGS"]}' });
    const json = JSON.parse(await res.text()) as { taskDefinition: { containerDefinitions: { dockerLabels: object; logConfiguration: { options: object } }[] }; tags: unknown[] };
    const c = json.taskDefinition.containerDefinitions[0]!;
    expect(Object.keys(c.dockerLabels)).toEqual(KEYS);
    expect(Object.keys(c.logConfiguration.options)).toEqual(KEYS);
    expect(Object.getPrototypeOf(c.dockerLabels)).toBe(Object.prototype);
    expect(json.tags).toEqual([{ key: '__proto__', value: 't' }]);
  });

  for (const transport of ['in process', 'over HTTP'] as const) {
    it(`come back through the JS SDK ${transport}`, async () => {
      const { sim, url } = await served();
      const client = new ecs.ECSClient({ region: 'us-east-1', credentials, ...(transport === 'in process' ? { requestHandler: sim.sdkHandler() } : { endpoint: url, maxAttempts: 1 }) });
      const out = await client.send(new ecs.DescribeTaskDefinitionCommand({ taskDefinition: 'f', include: ['TAGS'] }));
      const c = out.taskDefinition!.containerDefinitions![0]!;
      expect(Object.keys(c.dockerLabels!)).toEqual(KEYS);
      expect(Object.keys(c.logConfiguration!.options!)).toEqual(KEYS);
      expect(Object.getOwnPropertyDescriptor(c.dockerLabels!, '__proto__')?.value).toBe('x');
      expect(out.tags).toEqual([{ key: '__proto__', value: 't' }]);
    });
  }
});

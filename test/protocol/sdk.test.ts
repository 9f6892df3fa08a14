// The real @aws-sdk/client-ecs against the simulator, in process and over HTTP on loopback.
import {
  ClusterNotFoundException,
  CreateClusterCommand,
  DescribeContainerInstancesCommand,
  ECSClient,
  InvalidParameterException,
  ListContainerInstancesCommand,
  paginateListContainerInstances,
  RegisterContainerInstanceCommand,
  SubmitAttachmentStateChangesCommand,
  UpdateContainerAgentCommand,
  UpdateContainerInstancesStateCommand,
  UpdateInProgressException,
  NoUpdateAvailableException,
  ClientException,
  ClusterContainsContainerInstancesException,
  DeleteClusterCommand,
  DeregisterContainerInstanceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  paginateListTaskDefinitions,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';

// Every warning the SDK prints while talking to the simulator fails the last test below (the
// JsonCodec one says a handler broke the SDK's request-body contract). The SDK's notice that it
// will want Node 22 from 2027 is about the machine, not the handler: switched off by its own flag.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
process.on('warning', onWarning);
vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));

const credentials = (accessKeyId: string) => ({ accessKeyId, secretAccessKey: 'anything' });

interface Transport {
  name: string;
  client(sim: EcsSimulator, accessKeyId?: string): Promise<ECSClient>;
}

const endpoints: SimEndpoint[] = [];
afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
});

const transports: Transport[] = [
  {
    name: 'in process',
    client: async (sim, key = 'root') => new ECSClient({ region: 'us-east-1', credentials: credentials(key), requestHandler: sim.sdkHandler() }),
  },
  {
    name: 'HTTP on loopback',
    client: async (sim, key = 'root') => {
      const { url, endpoint } = await sim.listen({ port: 0 });
      endpoints.push(endpoint);
      return new ECSClient({ region: 'us-east-1', credentials: credentials(key), endpoint: url, maxAttempts: 1 });
    },
  },
];

const identity = (n: number) => JSON.stringify({ instanceId: `i-${n}`, instanceType: 'm5.large', availabilityZone: 'us-east-1a', imageId: 'ami-1' });

for (const transport of transports) {
  describe(`@aws-sdk/client-ecs ${transport.name}`, () => {
    let sim: EcsSimulator;
    let client: ECSClient;
    const arns: string[] = [];

    beforeAll(async () => {
      sim = new EcsSimulator({ seed: 3 });
      client = await transport.client(sim);
      await client.send(new CreateClusterCommand({ clusterName: 'prod' }));
      for (let n = 0; n < 7; n++) {
        const r = await client.send(new RegisterContainerInstanceCommand({
          cluster: 'prod',
          instanceIdentityDocument: identity(n),
          totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 7681 }],
          versionInfo: { agentVersion: '1.29.0' },
          attributes: [{ name: 'stack', value: n % 2 ? 'prod' : 'dev' }],
          tags: [{ key: 'n', value: String(n) }],
        }));
        arns.push(r.containerInstance!.containerInstanceArn!);
      }
    });

    it('registers and lists with a filter', async () => {
      const r = await client.send(new ListContainerInstancesCommand({ cluster: 'prod', filter: 'attribute:stack == prod', status: 'ACTIVE' }));
      expect(r.containerInstanceArns).toEqual([arns[1], arns[3], arns[5]]);
    });

    it('paginates to the end with the SDK paginator', async () => {
      const seen: string[] = [];
      for await (const page of paginateListContainerInstances({ client, pageSize: 2 }, { cluster: 'prod' })) seen.push(...(page.containerInstanceArns ?? []));
      expect(seen).toEqual(arns);
    });

    it('describes with TAGS, timestamps arriving as Dates', async () => {
      const r = await client.send(new DescribeContainerInstancesCommand({ cluster: 'prod', containerInstances: [arns[0]!, 'missing0123'], include: ['TAGS'] }));
      const ci = r.containerInstances![0]!;
      expect(ci.registeredAt).toEqual(new Date('2019-06-06T00:00:00Z'));
      expect(ci.tags).toEqual([{ key: 'n', value: '0' }]);
      expect(ci.registeredResources?.[0]).toEqual({ name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 });
      expect(r.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/missing0123', reason: 'MISSING' }]);
    });

    it('drains and lists by status', async () => {
      const r = await client.send(new UpdateContainerInstancesStateCommand({ cluster: 'prod', containerInstances: [arns[6]!], status: 'DRAINING' }));
      expect(r.containerInstances?.[0]?.status).toBe('DRAINING');
      const draining = await client.send(new ListContainerInstancesCommand({ cluster: 'prod', status: 'DRAINING' }));
      expect(draining.containerInstanceArns).toEqual([arns[6]]);
      await client.send(new UpdateContainerInstancesStateCommand({ cluster: 'prod', containerInstances: [arns[6]!], status: 'ACTIVE' }));
    });

    it('updates an agent over simulated time, with the typed update exceptions', async () => {
      const sim2 = new EcsSimulator({ seed: 4, latestAgentVersion: '1.29.0' });
      const c2 = await transport.client(sim2);
      await c2.send(new CreateClusterCommand({ clusterName: 'u' }));
      const reg = await c2.send(new RegisterContainerInstanceCommand({ cluster: 'u', versionInfo: { agentVersion: '1.20.0' }, instanceIdentityDocument: identity(1) }));
      const arn = reg.containerInstance!.containerInstanceArn!;
      const started = await c2.send(new UpdateContainerAgentCommand({ cluster: 'u', containerInstance: arn }));
      expect(started.containerInstance?.agentUpdateStatus).toBe('PENDING');
      await expect(c2.send(new UpdateContainerAgentCommand({ cluster: 'u', containerInstance: arn }))).rejects.toBeInstanceOf(UpdateInProgressException);
      sim2.advance(60_000);
      const done = await c2.send(new DescribeContainerInstancesCommand({ cluster: 'u', containerInstances: [arn] }));
      expect(done.containerInstances?.[0]).toMatchObject({ agentUpdateStatus: 'UPDATED', versionInfo: { agentVersion: '1.29.0' } });
      await expect(c2.send(new UpdateContainerAgentCommand({ cluster: 'u', containerInstance: arn }))).rejects.toBeInstanceOf(NoUpdateAvailableException);
    });

    it('registers, describes, lists (paginator) and deregisters task definitions; an INACTIVE one cannot run', async () => {
      const sim4 = new EcsSimulator({ seed: 6 });
      const c4 = await transport.client(sim4);
      await c4.send(new CreateClusterCommand({ clusterName: 't' }));
      await c4.send(new RegisterContainerInstanceCommand({ cluster: 't', instanceIdentityDocument: identity(1), totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }] }));
      for (const family of ['web', 'api', 'web']) {
        await c4.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 128, memory: 128 }] }));
      }
      const described = await c4.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }));
      expect(described.taskDefinition).toMatchObject({ family: 'web', revision: 2, status: 'ACTIVE' });
      const seen: string[] = [];
      for await (const page of paginateListTaskDefinitions({ client: c4, pageSize: 1 }, {})) seen.push(...(page.taskDefinitionArns ?? []));
      expect(seen.map((a) => a.split('/').pop())).toEqual(['api:1', 'web:1', 'web:2']);
      await c4.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:2' }));
      await expect(c4.send(new RunTaskCommand({ cluster: 't', taskDefinition: 'web:2' }))).rejects.toBeInstanceOf(InvalidParameterException);
      const ran = await c4.send(new RunTaskCommand({ cluster: 't', taskDefinition: 'web' }));
      expect(ran.tasks?.[0]?.taskDefinitionArn).toMatch(/web:1$/);
      await expect(c4.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope' }))).rejects.toBeInstanceOf(ClientException);
    });

    it('deletes a cluster only once it is empty, with the typed exception', async () => {
      const sim5 = new EcsSimulator({ seed: 7 });
      const c5 = await transport.client(sim5);
      await c5.send(new CreateClusterCommand({ clusterName: 'gone' }));
      const reg = await c5.send(new RegisterContainerInstanceCommand({ cluster: 'gone', instanceIdentityDocument: identity(1) }));
      await expect(c5.send(new DeleteClusterCommand({ cluster: 'gone' }))).rejects.toBeInstanceOf(ClusterContainsContainerInstancesException);
      await c5.send(new DeregisterContainerInstanceCommand({ cluster: 'gone', containerInstance: reg.containerInstance!.containerInstanceArn! }));
      const deleted = await c5.send(new DeleteClusterCommand({ cluster: 'gone' }));
      expect(deleted.cluster).toMatchObject({ clusterName: 'gone', status: 'INACTIVE' });
      await expect(c5.send(new ListContainerInstancesCommand({ cluster: 'gone' }))).rejects.toBeInstanceOf(ClusterNotFoundException);
    });

    it('acknowledges attachment state changes', async () => {
      const sim3 = new EcsSimulator({ seed: 5 });
      sim3.state.settings.set(sim3.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
      const c3 = await transport.client(sim3);
      await c3.send(new CreateClusterCommand({ clusterName: 't' }));
      const reg = await c3.send(new RegisterContainerInstanceCommand({ cluster: 't', versionInfo: { agentVersion: '1.29.0' }, instanceIdentityDocument: identity(2).replace('m5.large', 'c5.large') }));
      const attachmentId = reg.containerInstance!.attachments![0]!.id!;
      const attachmentArn = `arn:aws:ecs:us-east-1:123456789012:attachment/${attachmentId}`;
      const ack = await c3.send(new SubmitAttachmentStateChangesCommand({ cluster: 't', attachments: [{ attachmentArn, status: 'ATTACHED' }] }));
      expect(ack.acknowledgment).toBe('ACK');
      const described = await c3.send(new DescribeContainerInstancesCommand({ cluster: 't', containerInstances: [reg.containerInstance!.containerInstanceArn!] }));
      expect(described.containerInstances?.[0]?.attachments?.[0]?.status).toBe('ATTACHED');
      await expect(c3.send(new UpdateContainerInstancesStateCommand({ cluster: 't', containerInstances: [reg.containerInstance!.containerInstanceArn!], status: 'DRAINING' })))
        .rejects.toBeInstanceOf(ClientException);
    });

    it('raises typed exceptions with ECS names and messages', async () => {
      await expect(client.send(new ListContainerInstancesCommand({ cluster: 'nope' }))).rejects.toBeInstanceOf(ClusterNotFoundException);
      const bad = client.send(new ListContainerInstancesCommand({ cluster: 'prod', filter: 'runningTasksCount > x' }));
      await expect(bad).rejects.toBeInstanceOf(InvalidParameterException);
      await expect(bad).rejects.toThrow("filter: line 1, column 21: runningTasksCount > needs a non-negative integer but found 'x'");
      const err = await client.send(new ListContainerInstancesCommand({ cluster: 'prod', maxResults: 500 })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidParameterException);
      expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    });
  });
}

describe('@aws-sdk/client-ecs: task definitions, tasks and services, in process', () => {
  it('registers a task definition, runs and stops tasks, runs a service', async () => {
    const { RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand, DescribeTasksCommand, CreateServiceCommand, DescribeServicesCommand, ListTasksCommand } = await import('@aws-sdk/client-ecs');
    const sim = new EcsSimulator({ seed: 8 });
    const client = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'root', secretAccessKey: 'x' }, requestHandler: sim.sdkHandler() });
    await client.send(new CreateClusterCommand({ clusterName: 'p' }));
    for (let n = 0; n < 3; n++) {
      await client.send(new RegisterContainerInstanceCommand({ cluster: 'p', instanceIdentityDocument: identity(n), totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }] }));
    }
    const td = await client.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 512 }] }));
    expect(td.taskDefinition?.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
    const run = await client.send(new RunTaskCommand({ cluster: 'p', taskDefinition: 'web', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }] }));
    expect(run.tasks).toHaveLength(2);
    expect(run.tasks?.[0]?.createdAt).toBeInstanceOf(Date);
    sim.advance(10_000);
    await client.send(new StopTaskCommand({ cluster: 'p', task: run.tasks![0]!.taskArn! }));
    sim.advance(10_000);
    const described = await client.send(new DescribeTasksCommand({ cluster: 'p', tasks: [run.tasks![0]!.taskArn!] }));
    expect(described.tasks?.[0]?.lastStatus).toBe('STOPPED');
    await client.send(new CreateServiceCommand({ cluster: 'p', serviceName: 'svc', taskDefinition: 'web', desiredCount: 3 }));
    sim.advance(10_000);
    const svc = await client.send(new DescribeServicesCommand({ cluster: 'p', services: ['svc'] }));
    expect(svc.services?.[0]).toMatchObject({ runningCount: 3, status: 'ACTIVE' });
    const listed = await client.send(new ListTasksCommand({ cluster: 'p', serviceName: 'svc' }));
    expect(listed.taskArns).toHaveLength(3);
    await expect(client.send(new RunTaskCommand({ cluster: 'p', taskDefinition: 'web', count: 11 }))).rejects.toBeInstanceOf(InvalidParameterException);
  });
});

describe('the SDK’s request-body contract', () => {
  it('no warning was printed by the SDK in any test above', () => {
    process.off('warning', onWarning);
    vi.restoreAllMocks();
    expect(warnings).toEqual([]);
  });
});

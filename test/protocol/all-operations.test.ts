// The 44 operations of the ECS API's 2019-06-06 update, every one called through the real
// @aws-sdk/client-ecs, in process and over HTTP, in one scenario that exercises each. (Each
// operation's request and response types are pinned against the SDK's at compile time by
// test/ecs/operations.test.ts and test/model/sdk-compat.generated.ts.)
import * as ecs from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import { ECS_OPERATIONS } from '../../src/ecs/operations.js';
import { OPERATIONS as MODEL_OPERATIONS } from '../../src/model/operations.generated.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

/** The 2019-06-06 API, as its service model lists it. */
const API_2019_06_06 = [
  'CreateCluster', 'CreateService', 'CreateTaskSet', 'DeleteAccountSetting', 'DeleteAttributes', 'DeleteCluster', 'DeleteService',
  'DeleteTaskSet', 'DeregisterContainerInstance', 'DeregisterTaskDefinition', 'DescribeClusters', 'DescribeContainerInstances',
  'DescribeServices', 'DescribeTaskDefinition', 'DescribeTaskSets', 'DescribeTasks', 'DiscoverPollEndpoint', 'ListAccountSettings',
  'ListAttributes', 'ListClusters', 'ListContainerInstances', 'ListServices', 'ListTagsForResource', 'ListTaskDefinitionFamilies',
  'ListTaskDefinitions', 'ListTasks', 'PutAccountSetting', 'PutAccountSettingDefault', 'PutAttributes', 'RegisterContainerInstance',
  'RegisterTaskDefinition', 'RunTask', 'StartTask', 'StopTask', 'SubmitAttachmentStateChanges', 'SubmitContainerStateChange',
  'SubmitTaskStateChange', 'TagResource', 'UntagResource', 'UpdateContainerAgent', 'UpdateContainerInstancesState', 'UpdateService',
  'UpdateServicePrimaryTaskSet', 'UpdateTaskSet',
];

const endpoints: SimEndpoint[] = [];
afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
});

const credentials = { accessKeyId: 'root', secretAccessKey: 'x' };
const transports: [string, (sim: EcsSimulator) => Promise<ecs.ECSClient>][] = [
  ['in process', async (sim) => new ecs.ECSClient({ region: 'us-east-1', credentials, requestHandler: sim.sdkHandler() })],
  ['over HTTP', async (sim) => {
    const { url, endpoint } = await sim.listen({ port: 0 });
    endpoints.push(endpoint);
    return new ecs.ECSClient({ region: 'us-east-1', credentials, endpoint: url, maxAttempts: 1 });
  }],
];

describe('the 44 operations of the 2019-06-06 API', () => {
  it('are the simulator\'s table and the model\'s, exactly', () => {
    expect(API_2019_06_06).toHaveLength(44);
    expect(ECS_OPERATIONS.map((op) => op.name).sort()).toEqual(API_2019_06_06);
    expect(Object.keys(MODEL_OPERATIONS).sort()).toEqual(API_2019_06_06);
    for (const name of API_2019_06_06) expect(typeof (ecs as Record<string, unknown>)[`${name}Command`], name).toBe('function');
  });

  for (const [transport, connect] of transports) {
    it(`each answers through the SDK ${transport}`, async () => {
      const sim = new EcsSimulator({ seed: 44, latestAgentVersion: '1.29.0' });
      const client = await connect(sim);
      const answered = new Set<string>();
      // Every successful call, by its operation name (the SDK's command name without "Command").
      client.middlewareStack.add((next, context) => async (args) => {
        const out = await next(args);
        answered.add(String(context.commandName).replace(/Command$/, ''));
        return out;
      }, { step: 'initialize', name: 'recordAnswered' });
      const send = client.send.bind(client);
      const identity = (n: number, type = 'm5.large') => JSON.stringify({ instanceId: `i-${n}`, instanceType: type, availabilityZone: 'us-east-1a', imageId: 'ami-1' });
      const resources = [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }];

      // Clusters, account settings
      expect((await send(new ecs.CreateClusterCommand({ clusterName: 'all', tags: [{ key: 'k', value: 'v' }] }))).cluster?.clusterName).toBe('all');
      await send(new ecs.CreateClusterCommand({ clusterName: 'empty' }));
      expect((await send(new ecs.ListClustersCommand({}))).clusterArns).toHaveLength(2);
      expect((await send(new ecs.DescribeClustersCommand({ clusters: ['all'], include: ['TAGS'] }))).clusters?.[0]?.tags).toEqual([{ key: 'k', value: 'v' }]);
      expect((await send(new ecs.DeleteClusterCommand({ cluster: 'empty' }))).cluster?.status).toBe('INACTIVE');
      await send(new ecs.PutAccountSettingDefaultCommand({ name: 'awsvpcTrunking', value: 'enabled' }));
      await send(new ecs.PutAccountSettingCommand({ name: 'taskLongArnFormat', value: 'enabled' }));
      expect((await send(new ecs.ListAccountSettingsCommand({ effectiveSettings: true }))).settings?.length).toBeGreaterThan(0);
      await send(new ecs.DeleteAccountSettingCommand({ name: 'taskLongArnFormat' }));

      // Container instances (a trunked c5 for the attachment, an old agent for the update)
      expect((await send(new ecs.DiscoverPollEndpointCommand({ cluster: 'all' }))).endpoint).toBe('https://ecs-a-1.us-east-1.amazonaws.com/');
      const trunked = (await send(new ecs.RegisterContainerInstanceCommand({ cluster: 'all', instanceIdentityDocument: identity(1, 'c5.large'), totalResources: resources, versionInfo: { agentVersion: '1.29.0' } }))).containerInstance!;
      const old = (await send(new ecs.RegisterContainerInstanceCommand({ cluster: 'all', instanceIdentityDocument: identity(2), totalResources: resources, versionInfo: { agentVersion: '1.20.0' } }))).containerInstance!;
      const attachmentArn = `arn:aws:ecs:us-east-1:123456789012:attachment/${trunked.attachments![0]!.id}`;
      expect((await send(new ecs.SubmitAttachmentStateChangesCommand({ cluster: 'all', attachments: [{ attachmentArn, status: 'ATTACHED' }] }))).acknowledgment).toBe('ACK');
      sim.advance(60_000);
      expect((await send(new ecs.ListContainerInstancesCommand({ cluster: 'all', status: 'ACTIVE' }))).containerInstanceArns).toHaveLength(2);
      expect((await send(new ecs.DescribeContainerInstancesCommand({ cluster: 'all', containerInstances: [old.containerInstanceArn!] }))).containerInstances).toHaveLength(1);
      expect((await send(new ecs.UpdateContainerAgentCommand({ cluster: 'all', containerInstance: old.containerInstanceArn! }))).containerInstance?.agentUpdateStatus).toBe('PENDING');
      sim.advance(60_000);
      await send(new ecs.PutAttributesCommand({ cluster: 'all', attributes: [{ name: 'stack', value: 'prod', targetId: old.containerInstanceArn! }] }));
      expect((await send(new ecs.ListAttributesCommand({ cluster: 'all', targetType: 'container-instance', attributeName: 'stack' }))).attributes).toHaveLength(1);
      await send(new ecs.DeleteAttributesCommand({ cluster: 'all', attributes: [{ name: 'stack', targetId: old.containerInstanceArn! }] }));

      // Task definitions and tasks
      const td = (await send(new ecs.RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256 }], tags: [{ key: 't', value: 'd' }] }))).taskDefinition!;
      await send(new ecs.RegisterTaskDefinitionCommand({ family: 'old', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256 }] }));
      expect((await send(new ecs.DescribeTaskDefinitionCommand({ taskDefinition: 'web', include: ['TAGS'] }))).tags).toEqual([{ key: 't', value: 'd' }]);
      expect((await send(new ecs.ListTaskDefinitionsCommand({}))).taskDefinitionArns).toHaveLength(2);
      expect((await send(new ecs.ListTaskDefinitionFamiliesCommand({}))).families).toEqual(['old', 'web']);
      expect((await send(new ecs.DeregisterTaskDefinitionCommand({ taskDefinition: 'old:1' }))).taskDefinition?.status).toBe('INACTIVE');
      const ran = (await send(new ecs.RunTaskCommand({ cluster: 'all', taskDefinition: 'web', propagateTags: 'TASK_DEFINITION' }))).tasks![0]!;
      const started = (await send(new ecs.StartTaskCommand({ cluster: 'all', taskDefinition: 'web', containerInstances: [old.containerInstanceArn!] }))).tasks![0]!;
      expect((await send(new ecs.ListTasksCommand({ cluster: 'all' }))).taskArns).toHaveLength(2);
      expect((await send(new ecs.DescribeTasksCommand({ cluster: 'all', tasks: [ran.taskArn!], include: ['TAGS'] }))).tasks?.[0]?.tags).toEqual([{ key: 't', value: 'd' }]);
      expect((await send(new ecs.SubmitContainerStateChangeCommand({ cluster: 'all', task: ran.taskArn!, containerName: 'app', status: 'STOPPED', exitCode: 1 }))).acknowledgment).toBe('ACK');
      expect((await send(new ecs.SubmitTaskStateChangeCommand({ cluster: 'all', task: started.taskArn!, status: 'STOPPED', reason: 'crashed' }))).acknowledgment).toBe('ACK');
      expect((await send(new ecs.StopTaskCommand({ cluster: 'all', task: ran.taskArn! }))).task?.desiredStatus).toBe('STOPPED');

      // Services and task sets
      const svc = (await send(new ecs.CreateServiceCommand({ cluster: 'all', serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }))).service!;
      expect((await send(new ecs.UpdateServiceCommand({ cluster: 'all', service: 'api', desiredCount: 2 }))).service?.desiredCount).toBe(2);
      expect((await send(new ecs.ListServicesCommand({ cluster: 'all' }))).serviceArns).toEqual([svc.serviceArn]);
      await send(new ecs.CreateServiceCommand({ cluster: 'all', serviceName: 'ext', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } }));
      const set = (await send(new ecs.CreateTaskSetCommand({ cluster: 'all', service: 'ext', taskDefinition: 'web', scale: { value: 50, unit: 'PERCENT' } }))).taskSet!;
      expect((await send(new ecs.UpdateTaskSetCommand({ cluster: 'all', service: 'ext', taskSet: set.id!, scale: { value: 100, unit: 'PERCENT' } }))).taskSet?.computedDesiredCount).toBe(2);
      expect((await send(new ecs.UpdateServicePrimaryTaskSetCommand({ cluster: 'all', service: 'ext', primaryTaskSet: set.taskSetArn! }))).taskSet?.status).toBe('PRIMARY');
      sim.advance(10_000);
      expect((await send(new ecs.DescribeTaskSetsCommand({ cluster: 'all', service: 'ext' }))).taskSets?.[0]).toMatchObject({ runningCount: 2, stabilityStatus: 'STEADY_STATE' });
      expect((await send(new ecs.DescribeServicesCommand({ cluster: 'all', services: ['api', 'ext'] }))).services?.map((s) => s.runningCount)).toEqual([2, 2]);
      expect((await send(new ecs.DeleteTaskSetCommand({ cluster: 'all', service: 'ext', taskSet: set.id!, force: true }))).taskSet?.status).toBe('DRAINING');
      expect((await send(new ecs.DeleteServiceCommand({ cluster: 'all', service: 'api', force: true }))).service?.status).toBe('DRAINING');

      // Tags, then the instances leave
      await send(new ecs.TagResourceCommand({ resourceArn: svc.serviceArn!, tags: [{ key: 'a', value: 'b' }] }));
      await send(new ecs.UntagResourceCommand({ resourceArn: td.taskDefinitionArn!, tagKeys: ['t'] }));
      expect((await send(new ecs.ListTagsForResourceCommand({ resourceArn: svc.serviceArn! }))).tags).toEqual([{ key: 'a', value: 'b' }]);
      expect((await send(new ecs.UpdateContainerInstancesStateCommand({ cluster: 'all', containerInstances: [old.containerInstanceArn!], status: 'DRAINING' }))).containerInstances?.[0]?.status).toBe('DRAINING');
      expect((await send(new ecs.DeregisterContainerInstanceCommand({ cluster: 'all', containerInstance: old.containerInstanceArn!, force: true }))).containerInstance?.status).toBe('INACTIVE');

      expect([...answered].sort()).toEqual(API_2019_06_06);
    });
  }
});

// What the library promises about its ECS types beyond their equality with the SDK's (which
// `test/model/sdk-compat.generated.ts` checks for every operation and shape, generated from the
// model): the simulator's methods take and return these types, the package exports them, and the
// few non-model types `src/shapes.ts` keeps still match the SDK. Checked by the type checker
// (`tsc --noEmit` in CI); the runtime assertions keep vitest counting the file.
import type { ContainerInstance as SdkContainerInstance } from '@aws-sdk/client-ecs';
import type * as Sdk from '@aws-sdk/client-ecs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EcsSimulator } from '../src/ecs/simulator.js';
import type * as Public from '../src/index.js';
import type { ContainerInstance } from '../src/shapes.js';
import type * as Ours from '../src/shapes.js';

/** A command output as the simulator returns it: without the SDK's `$metadata`. */
type Out<T> = Omit<T, '$metadata'>;

describe('ECS shapes', () => {
  it('a ContainerInstance of the SDK is assignable to ours (so SDK responses load as they are)', () => {
    const fromSdk: SdkContainerInstance = {
      containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/1',
      attributes: [{ name: 'stack', value: 'prod' }],
      registeredAt: new Date(0),
      versionInfo: { agentVersion: '1.29.0' },
      registeredResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }],
    };
    const ours: ContainerInstance = fromSdk;
    expect(ours.attributes?.[0]?.value).toBe('prod');
  });

  // Two-way assignability catches a wrong type, a wrong enum and a member required on one side
  // only; equal key sets catch a member missing on one side (optional members would slip through).
  it('the types kept apart from the model (public exports newer than it) match the SDK', () => {
    expectTypeOf<Ours.GpuDevice>().toExtend<Sdk.GpuDevice>();
    expectTypeOf<Sdk.GpuDevice>().toExtend<Ours.GpuDevice>();
    expectTypeOf<keyof Ours.GpuDevice>().toEqualTypeOf<keyof Sdk.GpuDevice>();
    expectTypeOf<Ours.ManagedStorageConfiguration>().toExtend<Sdk.ManagedStorageConfiguration>();
    expectTypeOf<Sdk.ManagedStorageConfiguration>().toExtend<Ours.ManagedStorageConfiguration>();
    expectTypeOf<keyof Ours.ManagedStorageConfiguration>().toEqualTypeOf<keyof Sdk.ManagedStorageConfiguration>();
    expectTypeOf<Ours.GpuSharingMode>().toEqualTypeOf<Sdk.GpuSharingMode>();
    expectTypeOf<Ours.SettingType>().toEqualTypeOf<Sdk.SettingType>();
    expect(true).toBe(true);
  });

  it('the simulator takes these requests and returns these responses (optional request only where nothing is required)', () => {
    type M = EcsSimulator;
    expectTypeOf<M['createCluster']>().parameter(0).toEqualTypeOf<Ours.CreateClusterRequest | undefined>();
    expectTypeOf<M['createCluster']>().returns.toEqualTypeOf<Ours.CreateClusterResponse>();
    expectTypeOf<M['listClusters']>().parameter(0).toEqualTypeOf<Ours.ListClustersRequest | undefined>();
    expectTypeOf<M['listClusters']>().returns.toEqualTypeOf<Ours.ListClustersResponse>();
    expectTypeOf<M['describeClusters']>().parameter(0).toEqualTypeOf<Ours.DescribeClustersRequest | undefined>();
    expectTypeOf<M['describeClusters']>().returns.toEqualTypeOf<Ours.DescribeClustersResponse>();
    expectTypeOf<M['registerContainerInstance']>().parameter(0).toEqualTypeOf<Ours.RegisterContainerInstanceRequest | undefined>();
    expectTypeOf<M['registerContainerInstance']>().returns.toEqualTypeOf<Ours.RegisterContainerInstanceResponse>();
    expectTypeOf<M['listContainerInstances']>().parameter(0).toEqualTypeOf<Ours.ListContainerInstancesRequest | undefined>();
    expectTypeOf<M['listContainerInstances']>().returns.toEqualTypeOf<Ours.ListContainerInstancesResponse>();
    expectTypeOf<M['describeContainerInstances']>().parameter(0).toEqualTypeOf<Ours.DescribeContainerInstancesRequest>();
    expectTypeOf<M['describeContainerInstances']>().returns.toEqualTypeOf<Ours.DescribeContainerInstancesResponse>();
    expectTypeOf<M['updateContainerInstancesState']>().parameter(0).toEqualTypeOf<Ours.UpdateContainerInstancesStateRequest>();
    expectTypeOf<M['updateContainerInstancesState']>().returns.toEqualTypeOf<Ours.UpdateContainerInstancesStateResponse>();
    expectTypeOf<M['deregisterContainerInstance']>().parameter(0).toEqualTypeOf<Ours.DeregisterContainerInstanceRequest>();
    expectTypeOf<M['deregisterContainerInstance']>().returns.toEqualTypeOf<Ours.DeregisterContainerInstanceResponse>();
    expectTypeOf<M['updateContainerAgent']>().parameter(0).toEqualTypeOf<Ours.UpdateContainerAgentRequest>();
    expectTypeOf<M['updateContainerAgent']>().returns.toEqualTypeOf<Ours.UpdateContainerAgentResponse>();
    expectTypeOf<M['submitAttachmentStateChanges']>().parameter(0).toEqualTypeOf<Ours.SubmitAttachmentStateChangesRequest>();
    expectTypeOf<M['submitAttachmentStateChanges']>().returns.toEqualTypeOf<Ours.SubmitAttachmentStateChangesResponse>();
    expectTypeOf<M['putAttributes']>().parameter(0).toEqualTypeOf<Ours.PutAttributesRequest>();
    expectTypeOf<M['putAttributes']>().returns.toEqualTypeOf<Ours.PutAttributesResponse>();
    expectTypeOf<M['deleteAttributes']>().parameter(0).toEqualTypeOf<Ours.DeleteAttributesRequest>();
    expectTypeOf<M['deleteAttributes']>().returns.toEqualTypeOf<Ours.DeleteAttributesResponse>();
    expectTypeOf<M['listAttributes']>().parameter(0).toEqualTypeOf<Ours.ListAttributesRequest>();
    expectTypeOf<M['listAttributes']>().returns.toEqualTypeOf<Ours.ListAttributesResponse>();
    expectTypeOf<M['putAccountSetting']>().parameter(0).toEqualTypeOf<Ours.PutAccountSettingRequest>();
    expectTypeOf<M['putAccountSetting']>().returns.toEqualTypeOf<Ours.PutAccountSettingResponse>();
    expectTypeOf<M['putAccountSettingDefault']>().parameter(0).toEqualTypeOf<Ours.PutAccountSettingDefaultRequest>();
    expectTypeOf<M['putAccountSettingDefault']>().returns.toEqualTypeOf<Ours.PutAccountSettingDefaultResponse>();
    expectTypeOf<M['deleteAccountSetting']>().parameter(0).toEqualTypeOf<Ours.DeleteAccountSettingRequest>();
    expectTypeOf<M['deleteAccountSetting']>().returns.toEqualTypeOf<Ours.DeleteAccountSettingResponse>();
    expectTypeOf<M['listAccountSettings']>().parameter(0).toEqualTypeOf<Ours.ListAccountSettingsRequest | undefined>();
    expectTypeOf<M['listAccountSettings']>().returns.toEqualTypeOf<Ours.ListAccountSettingsResponse>();
    // Required where the SDK requires a member, optional where it requires none.
    expectTypeOf<Parameters<M['describeContainerInstances']>[0]>().not.toBeUndefined();
    expectTypeOf<undefined>().not.toExtend<Parameters<M['listAttributes']>[0]>();
    expectTypeOf<undefined>().toExtend<Parameters<M['listContainerInstances']>[0]>();

    // An SDK command input goes to the simulator as it is, and the answer is the SDK's output.
    const sim = new EcsSimulator({ seed: 1 });
    const create: Sdk.CreateClusterCommandInput = { clusterName: 'c' };
    sim.createCluster(create);
    const input: Sdk.ListContainerInstancesCommandInput = { cluster: 'c', filter: 'attribute:stack == prod', status: 'ACTIVE' };
    const output: Out<Sdk.ListContainerInstancesCommandOutput> = sim.listContainerInstances(input);
    expect(output.containerInstanceArns).toEqual([]);
    // A wrongly typed member is a compile error; the simulator still rejects it at run time.
    // @ts-expect-error filter is a string
    expect(() => sim.listContainerInstances({ cluster: 'c', filter: 42 })).toThrow('filter must be a string');
    // @ts-expect-error status is a ContainerInstanceStatus
    expect(() => sim.listContainerInstances({ cluster: 'c', status: 'RUNNING' })).toThrow(/status must be one of/);
  });

  // Task definitions, tasks and services: the requests, and every shape and enum nested in them.
  it('the simulator takes the task, task definition and service requests (optional only where nothing is required)', () => {
    type M = EcsSimulator;
    expectTypeOf<M['registerTaskDefinition']>().parameter(0).toEqualTypeOf<Ours.RegisterTaskDefinitionRequest>();
    expectTypeOf<M['runTask']>().parameter(0).toEqualTypeOf<Ours.RunTaskRequest>();
    expectTypeOf<M['startTask']>().parameter(0).toEqualTypeOf<Ours.StartTaskRequest>();
    expectTypeOf<M['stopTask']>().parameter(0).toEqualTypeOf<Ours.StopTaskRequest>();
    expectTypeOf<M['listTasks']>().parameter(0).toEqualTypeOf<Ours.ListTasksRequest | undefined>();
    expectTypeOf<M['describeTasks']>().parameter(0).toEqualTypeOf<Ours.DescribeTasksRequest>();
    expectTypeOf<M['createService']>().parameter(0).toEqualTypeOf<Ours.CreateServiceRequest>();
    expectTypeOf<M['updateService']>().parameter(0).toEqualTypeOf<Ours.UpdateServiceRequest>();
    expectTypeOf<M['deleteService']>().parameter(0).toEqualTypeOf<Ours.DeleteServiceRequest>();
    expectTypeOf<M['describeServices']>().parameter(0).toEqualTypeOf<Ours.DescribeServicesRequest>();
    expectTypeOf<M['listServices']>().parameter(0).toEqualTypeOf<Ours.ListServicesRequest | undefined>();
    expectTypeOf<M['deleteCluster']>().parameter(0).toEqualTypeOf<Ours.DeleteClusterRequest>();
    expectTypeOf<M['describeTaskDefinition']>().parameter(0).toEqualTypeOf<Ours.DescribeTaskDefinitionRequest>();
    expectTypeOf<M['deregisterTaskDefinition']>().parameter(0).toEqualTypeOf<Ours.DeregisterTaskDefinitionRequest>();
    expectTypeOf<M['listTaskDefinitions']>().parameter(0).toEqualTypeOf<Ours.ListTaskDefinitionsRequest | undefined>();
    expectTypeOf<M['listTaskDefinitionFamilies']>().parameter(0).toEqualTypeOf<Ours.ListTaskDefinitionFamiliesRequest | undefined>();
    expect(true).toBe(true);
  });

  it('the package exports every request, response and shape type', () => {
    // Each name must resolve in src/index.ts.
    type Exported = [
      Public.Cluster, Public.Failure, Public.Setting, Public.PlatformDevice, Public.AttachmentStateChange,
      Public.AgentUpdateStatus, Public.TargetType, Public.ContainerInstanceStatus, Public.ContainerInstanceField, Public.SettingName,
      Public.CreateClusterRequest, Public.CreateClusterResponse, Public.ListClustersRequest, Public.ListClustersResponse,
      Public.DescribeClustersRequest, Public.DescribeClustersResponse,
      Public.RegisterContainerInstanceRequest, Public.RegisterContainerInstanceResponse,
      Public.ListContainerInstancesRequest, Public.ListContainerInstancesResponse,
      Public.DescribeContainerInstancesRequest, Public.DescribeContainerInstancesResponse,
      Public.UpdateContainerInstancesStateRequest, Public.UpdateContainerInstancesStateResponse,
      Public.DeregisterContainerInstanceRequest, Public.DeregisterContainerInstanceResponse,
      Public.UpdateContainerAgentRequest, Public.UpdateContainerAgentResponse,
      Public.SubmitAttachmentStateChangesRequest, Public.SubmitAttachmentStateChangesResponse,
      Public.PutAttributesRequest, Public.PutAttributesResponse, Public.DeleteAttributesRequest, Public.DeleteAttributesResponse,
      Public.ListAttributesRequest, Public.ListAttributesResponse,
      Public.PutAccountSettingRequest, Public.PutAccountSettingResponse,
      Public.PutAccountSettingDefaultRequest, Public.PutAccountSettingDefaultResponse,
      Public.DeleteAccountSettingRequest, Public.DeleteAccountSettingResponse,
      Public.ListAccountSettingsRequest, Public.ListAccountSettingsResponse,
    ];
    expectTypeOf<Exported['length']>().toEqualTypeOf<44>();
    type ExportedTaskRequests = [
      Public.RegisterTaskDefinitionRequest,
      Public.RunTaskRequest,
      Public.StartTaskRequest,
      Public.StopTaskRequest,
      Public.ListTasksRequest,
      Public.DescribeTasksRequest,
      Public.CreateServiceRequest,
      Public.UpdateServiceRequest,
      Public.DeleteServiceRequest,
      Public.DescribeServicesRequest,
      Public.ListServicesRequest,
    ];
    expectTypeOf<ExportedTaskRequests['length']>().toEqualTypeOf<11>();
    expectTypeOf<Public.ListContainerInstancesRequest>().toEqualTypeOf<Ours.ListContainerInstancesRequest>();
    expect(true).toBe(true);
  });
});

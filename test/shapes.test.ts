// The library's own ECS shapes must stay interchangeable with the AWS SDK's, so a real
// DescribeContainerInstances response can be used as is, and a request written for the SDK can
// be handed to the simulator. Checked by the type checker (`tsc --noEmit` in CI); the runtime
// assertions only keep vitest counting the file.
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
  it('shared shapes are assignable to and from the SDK, member for member', () => {
    expectTypeOf<Ours.ContainerInstance>().toExtend<Sdk.ContainerInstance>();
    expectTypeOf<Sdk.ContainerInstance>().toExtend<Ours.ContainerInstance>();
    expectTypeOf<keyof Ours.ContainerInstance>().toEqualTypeOf<keyof Sdk.ContainerInstance>();
    expectTypeOf<Ours.Attribute>().toExtend<Sdk.Attribute>();
    expectTypeOf<Sdk.Attribute>().toExtend<Ours.Attribute>();
    expectTypeOf<keyof Ours.Attribute>().toEqualTypeOf<keyof Sdk.Attribute>();
    expectTypeOf<Ours.Resource>().toExtend<Sdk.Resource>();
    expectTypeOf<Sdk.Resource>().toExtend<Ours.Resource>();
    expectTypeOf<keyof Ours.Resource>().toEqualTypeOf<keyof Sdk.Resource>();
    expectTypeOf<Ours.Tag>().toExtend<Sdk.Tag>();
    expectTypeOf<Sdk.Tag>().toExtend<Ours.Tag>();
    expectTypeOf<keyof Ours.Tag>().toEqualTypeOf<keyof Sdk.Tag>();
    expectTypeOf<Ours.Attachment>().toExtend<Sdk.Attachment>();
    expectTypeOf<Sdk.Attachment>().toExtend<Ours.Attachment>();
    expectTypeOf<keyof Ours.Attachment>().toEqualTypeOf<keyof Sdk.Attachment>();
    expectTypeOf<Ours.Setting>().toExtend<Sdk.Setting>();
    expectTypeOf<Sdk.Setting>().toExtend<Ours.Setting>();
    expectTypeOf<keyof Ours.Setting>().toEqualTypeOf<keyof Sdk.Setting>();

    // The shapes nested in those and in the requests and responses below.
    expectTypeOf<Ours.VersionInfo>().toExtend<Sdk.VersionInfo>();
    expectTypeOf<Sdk.VersionInfo>().toExtend<Ours.VersionInfo>();
    expectTypeOf<keyof Ours.VersionInfo>().toEqualTypeOf<keyof Sdk.VersionInfo>();
    expectTypeOf<Ours.KeyValuePair>().toExtend<Sdk.KeyValuePair>();
    expectTypeOf<Sdk.KeyValuePair>().toExtend<Ours.KeyValuePair>();
    expectTypeOf<keyof Ours.KeyValuePair>().toEqualTypeOf<keyof Sdk.KeyValuePair>();
    expectTypeOf<Ours.Failure>().toExtend<Sdk.Failure>();
    expectTypeOf<Sdk.Failure>().toExtend<Ours.Failure>();
    expectTypeOf<keyof Ours.Failure>().toEqualTypeOf<keyof Sdk.Failure>();
    expectTypeOf<Ours.Cluster>().toExtend<Sdk.Cluster>();
    expectTypeOf<Sdk.Cluster>().toExtend<Ours.Cluster>();
    expectTypeOf<keyof Ours.Cluster>().toEqualTypeOf<keyof Sdk.Cluster>();
    expectTypeOf<keyof Ours.ClusterSetting>().toEqualTypeOf<keyof Sdk.ClusterSetting>();
    expectTypeOf<keyof Ours.ClusterConfiguration>().toEqualTypeOf<keyof Sdk.ClusterConfiguration>();
    expectTypeOf<keyof Ours.ExecuteCommandConfiguration>().toEqualTypeOf<keyof Sdk.ExecuteCommandConfiguration>();
    expectTypeOf<keyof Ours.ExecuteCommandLogConfiguration>().toEqualTypeOf<keyof Sdk.ExecuteCommandLogConfiguration>();
    expectTypeOf<keyof Ours.ManagedStorageConfiguration>().toEqualTypeOf<keyof Sdk.ManagedStorageConfiguration>();
    expectTypeOf<keyof Ours.CapacityProviderStrategyItem>().toEqualTypeOf<keyof Sdk.CapacityProviderStrategyItem>();
    expectTypeOf<keyof Ours.ClusterServiceConnectDefaults>().toEqualTypeOf<keyof Sdk.ClusterServiceConnectDefaults>();
    expectTypeOf<keyof Ours.ClusterServiceConnectDefaultsRequest>().toEqualTypeOf<keyof Sdk.ClusterServiceConnectDefaultsRequest>();
    expectTypeOf<Ours.PlatformDevice>().toExtend<Sdk.PlatformDevice>();
    expectTypeOf<Sdk.PlatformDevice>().toExtend<Ours.PlatformDevice>();
    expectTypeOf<keyof Ours.PlatformDevice>().toEqualTypeOf<keyof Sdk.PlatformDevice>();
    expectTypeOf<Ours.AttachmentStateChange>().toExtend<Sdk.AttachmentStateChange>();
    expectTypeOf<Sdk.AttachmentStateChange>().toExtend<Ours.AttachmentStateChange>();
    expectTypeOf<keyof Ours.AttachmentStateChange>().toEqualTypeOf<keyof Sdk.AttachmentStateChange>();
    expectTypeOf<keyof Ours.ContainerInstanceHealthStatus>().toEqualTypeOf<keyof Sdk.ContainerInstanceHealthStatus>();
    expectTypeOf<keyof Ours.InstanceHealthCheckResult>().toEqualTypeOf<keyof Sdk.InstanceHealthCheckResult>();
    expectTypeOf<keyof Ours.GpuDevice>().toEqualTypeOf<keyof Sdk.GpuDevice>();
    expect(true).toBe(true);
  });

  it('enums are exactly the SDK string-literal unions', () => {
    expectTypeOf<Ours.AgentUpdateStatus>().toEqualTypeOf<Sdk.AgentUpdateStatus>();
    expectTypeOf<Ours.TargetType>().toEqualTypeOf<Sdk.TargetType>();
    expectTypeOf<Ours.ContainerInstanceStatus>().toEqualTypeOf<Sdk.ContainerInstanceStatus>();
    expectTypeOf<Ours.ContainerInstanceField>().toEqualTypeOf<Sdk.ContainerInstanceField>();
    expectTypeOf<Ours.SettingName>().toEqualTypeOf<Sdk.SettingName>();
    expectTypeOf<Ours.SettingType>().toEqualTypeOf<Sdk.SettingType>();
    expectTypeOf<Ours.ClusterField>().toEqualTypeOf<Sdk.ClusterField>();
    expectTypeOf<Ours.ClusterSettingName>().toEqualTypeOf<Sdk.ClusterSettingName>();
    expectTypeOf<Ours.ExecuteCommandLogging>().toEqualTypeOf<Sdk.ExecuteCommandLogging>();
    expectTypeOf<Ours.PlatformDeviceType>().toEqualTypeOf<Sdk.PlatformDeviceType>();
    expectTypeOf<Ours.GpuSharingMode>().toEqualTypeOf<Sdk.GpuSharingMode>();
    expectTypeOf<Ours.InstanceHealthCheckType>().toEqualTypeOf<Sdk.InstanceHealthCheckType>();
    expectTypeOf<Ours.InstanceHealthCheckState>().toEqualTypeOf<Sdk.InstanceHealthCheckState>();
    expect(true).toBe(true);
  });

  it('requests are assignable to and from the SDK command inputs, member for member', () => {
    expectTypeOf<Ours.CreateClusterRequest>().toExtend<Sdk.CreateClusterCommandInput>();
    expectTypeOf<Sdk.CreateClusterCommandInput>().toExtend<Ours.CreateClusterRequest>();
    expectTypeOf<keyof Ours.CreateClusterRequest>().toEqualTypeOf<keyof Sdk.CreateClusterCommandInput>();
    expectTypeOf<Ours.ListClustersRequest>().toExtend<Sdk.ListClustersCommandInput>();
    expectTypeOf<Sdk.ListClustersCommandInput>().toExtend<Ours.ListClustersRequest>();
    expectTypeOf<keyof Ours.ListClustersRequest>().toEqualTypeOf<keyof Sdk.ListClustersCommandInput>();
    expectTypeOf<Ours.DescribeClustersRequest>().toExtend<Sdk.DescribeClustersCommandInput>();
    expectTypeOf<Sdk.DescribeClustersCommandInput>().toExtend<Ours.DescribeClustersRequest>();
    expectTypeOf<keyof Ours.DescribeClustersRequest>().toEqualTypeOf<keyof Sdk.DescribeClustersCommandInput>();
    expectTypeOf<Ours.RegisterContainerInstanceRequest>().toExtend<Sdk.RegisterContainerInstanceCommandInput>();
    expectTypeOf<Sdk.RegisterContainerInstanceCommandInput>().toExtend<Ours.RegisterContainerInstanceRequest>();
    expectTypeOf<keyof Ours.RegisterContainerInstanceRequest>().toEqualTypeOf<keyof Sdk.RegisterContainerInstanceCommandInput>();
    expectTypeOf<Ours.ListContainerInstancesRequest>().toExtend<Sdk.ListContainerInstancesCommandInput>();
    expectTypeOf<Sdk.ListContainerInstancesCommandInput>().toExtend<Ours.ListContainerInstancesRequest>();
    expectTypeOf<keyof Ours.ListContainerInstancesRequest>().toEqualTypeOf<keyof Sdk.ListContainerInstancesCommandInput>();
    expectTypeOf<Ours.DescribeContainerInstancesRequest>().toExtend<Sdk.DescribeContainerInstancesCommandInput>();
    expectTypeOf<Sdk.DescribeContainerInstancesCommandInput>().toExtend<Ours.DescribeContainerInstancesRequest>();
    expectTypeOf<keyof Ours.DescribeContainerInstancesRequest>().toEqualTypeOf<keyof Sdk.DescribeContainerInstancesCommandInput>();
    expectTypeOf<Ours.UpdateContainerInstancesStateRequest>().toExtend<Sdk.UpdateContainerInstancesStateCommandInput>();
    expectTypeOf<Sdk.UpdateContainerInstancesStateCommandInput>().toExtend<Ours.UpdateContainerInstancesStateRequest>();
    expectTypeOf<keyof Ours.UpdateContainerInstancesStateRequest>().toEqualTypeOf<keyof Sdk.UpdateContainerInstancesStateCommandInput>();
    expectTypeOf<Ours.DeregisterContainerInstanceRequest>().toExtend<Sdk.DeregisterContainerInstanceCommandInput>();
    expectTypeOf<Sdk.DeregisterContainerInstanceCommandInput>().toExtend<Ours.DeregisterContainerInstanceRequest>();
    expectTypeOf<keyof Ours.DeregisterContainerInstanceRequest>().toEqualTypeOf<keyof Sdk.DeregisterContainerInstanceCommandInput>();
    expectTypeOf<Ours.UpdateContainerAgentRequest>().toExtend<Sdk.UpdateContainerAgentCommandInput>();
    expectTypeOf<Sdk.UpdateContainerAgentCommandInput>().toExtend<Ours.UpdateContainerAgentRequest>();
    expectTypeOf<keyof Ours.UpdateContainerAgentRequest>().toEqualTypeOf<keyof Sdk.UpdateContainerAgentCommandInput>();
    expectTypeOf<Ours.SubmitAttachmentStateChangesRequest>().toExtend<Sdk.SubmitAttachmentStateChangesCommandInput>();
    expectTypeOf<Sdk.SubmitAttachmentStateChangesCommandInput>().toExtend<Ours.SubmitAttachmentStateChangesRequest>();
    expectTypeOf<keyof Ours.SubmitAttachmentStateChangesRequest>().toEqualTypeOf<keyof Sdk.SubmitAttachmentStateChangesCommandInput>();
    expectTypeOf<Ours.PutAttributesRequest>().toExtend<Sdk.PutAttributesCommandInput>();
    expectTypeOf<Sdk.PutAttributesCommandInput>().toExtend<Ours.PutAttributesRequest>();
    expectTypeOf<keyof Ours.PutAttributesRequest>().toEqualTypeOf<keyof Sdk.PutAttributesCommandInput>();
    expectTypeOf<Ours.DeleteAttributesRequest>().toExtend<Sdk.DeleteAttributesCommandInput>();
    expectTypeOf<Sdk.DeleteAttributesCommandInput>().toExtend<Ours.DeleteAttributesRequest>();
    expectTypeOf<keyof Ours.DeleteAttributesRequest>().toEqualTypeOf<keyof Sdk.DeleteAttributesCommandInput>();
    expectTypeOf<Ours.ListAttributesRequest>().toExtend<Sdk.ListAttributesCommandInput>();
    expectTypeOf<Sdk.ListAttributesCommandInput>().toExtend<Ours.ListAttributesRequest>();
    expectTypeOf<keyof Ours.ListAttributesRequest>().toEqualTypeOf<keyof Sdk.ListAttributesCommandInput>();
    expectTypeOf<Ours.PutAccountSettingRequest>().toExtend<Sdk.PutAccountSettingCommandInput>();
    expectTypeOf<Sdk.PutAccountSettingCommandInput>().toExtend<Ours.PutAccountSettingRequest>();
    expectTypeOf<keyof Ours.PutAccountSettingRequest>().toEqualTypeOf<keyof Sdk.PutAccountSettingCommandInput>();
    expectTypeOf<Ours.PutAccountSettingDefaultRequest>().toExtend<Sdk.PutAccountSettingDefaultCommandInput>();
    expectTypeOf<Sdk.PutAccountSettingDefaultCommandInput>().toExtend<Ours.PutAccountSettingDefaultRequest>();
    expectTypeOf<keyof Ours.PutAccountSettingDefaultRequest>().toEqualTypeOf<keyof Sdk.PutAccountSettingDefaultCommandInput>();
    expectTypeOf<Ours.DeleteAccountSettingRequest>().toExtend<Sdk.DeleteAccountSettingCommandInput>();
    expectTypeOf<Sdk.DeleteAccountSettingCommandInput>().toExtend<Ours.DeleteAccountSettingRequest>();
    expectTypeOf<keyof Ours.DeleteAccountSettingRequest>().toEqualTypeOf<keyof Sdk.DeleteAccountSettingCommandInput>();
    expectTypeOf<Ours.ListAccountSettingsRequest>().toExtend<Sdk.ListAccountSettingsCommandInput>();
    expectTypeOf<Sdk.ListAccountSettingsCommandInput>().toExtend<Ours.ListAccountSettingsRequest>();
    expectTypeOf<keyof Ours.ListAccountSettingsRequest>().toEqualTypeOf<keyof Sdk.ListAccountSettingsCommandInput>();
    expect(true).toBe(true);
  });

  it('responses are assignable to and from the SDK command outputs without $metadata, member for member', () => {
    expectTypeOf<Ours.CreateClusterResponse>().toExtend<Out<Sdk.CreateClusterCommandOutput>>();
    expectTypeOf<Out<Sdk.CreateClusterCommandOutput>>().toExtend<Ours.CreateClusterResponse>();
    expectTypeOf<keyof Ours.CreateClusterResponse>().toEqualTypeOf<keyof Out<Sdk.CreateClusterCommandOutput>>();
    expectTypeOf<Ours.ListClustersResponse>().toExtend<Out<Sdk.ListClustersCommandOutput>>();
    expectTypeOf<Out<Sdk.ListClustersCommandOutput>>().toExtend<Ours.ListClustersResponse>();
    expectTypeOf<keyof Ours.ListClustersResponse>().toEqualTypeOf<keyof Out<Sdk.ListClustersCommandOutput>>();
    expectTypeOf<Ours.DescribeClustersResponse>().toExtend<Out<Sdk.DescribeClustersCommandOutput>>();
    expectTypeOf<Out<Sdk.DescribeClustersCommandOutput>>().toExtend<Ours.DescribeClustersResponse>();
    expectTypeOf<keyof Ours.DescribeClustersResponse>().toEqualTypeOf<keyof Out<Sdk.DescribeClustersCommandOutput>>();
    expectTypeOf<Ours.RegisterContainerInstanceResponse>().toExtend<Out<Sdk.RegisterContainerInstanceCommandOutput>>();
    expectTypeOf<Out<Sdk.RegisterContainerInstanceCommandOutput>>().toExtend<Ours.RegisterContainerInstanceResponse>();
    expectTypeOf<keyof Ours.RegisterContainerInstanceResponse>().toEqualTypeOf<keyof Out<Sdk.RegisterContainerInstanceCommandOutput>>();
    expectTypeOf<Ours.ListContainerInstancesResponse>().toExtend<Out<Sdk.ListContainerInstancesCommandOutput>>();
    expectTypeOf<Out<Sdk.ListContainerInstancesCommandOutput>>().toExtend<Ours.ListContainerInstancesResponse>();
    expectTypeOf<keyof Ours.ListContainerInstancesResponse>().toEqualTypeOf<keyof Out<Sdk.ListContainerInstancesCommandOutput>>();
    expectTypeOf<Ours.DescribeContainerInstancesResponse>().toExtend<Out<Sdk.DescribeContainerInstancesCommandOutput>>();
    expectTypeOf<Out<Sdk.DescribeContainerInstancesCommandOutput>>().toExtend<Ours.DescribeContainerInstancesResponse>();
    expectTypeOf<keyof Ours.DescribeContainerInstancesResponse>().toEqualTypeOf<keyof Out<Sdk.DescribeContainerInstancesCommandOutput>>();
    expectTypeOf<Ours.UpdateContainerInstancesStateResponse>().toExtend<Out<Sdk.UpdateContainerInstancesStateCommandOutput>>();
    expectTypeOf<Out<Sdk.UpdateContainerInstancesStateCommandOutput>>().toExtend<Ours.UpdateContainerInstancesStateResponse>();
    expectTypeOf<keyof Ours.UpdateContainerInstancesStateResponse>().toEqualTypeOf<keyof Out<Sdk.UpdateContainerInstancesStateCommandOutput>>();
    expectTypeOf<Ours.DeregisterContainerInstanceResponse>().toExtend<Out<Sdk.DeregisterContainerInstanceCommandOutput>>();
    expectTypeOf<Out<Sdk.DeregisterContainerInstanceCommandOutput>>().toExtend<Ours.DeregisterContainerInstanceResponse>();
    expectTypeOf<keyof Ours.DeregisterContainerInstanceResponse>().toEqualTypeOf<keyof Out<Sdk.DeregisterContainerInstanceCommandOutput>>();
    expectTypeOf<Ours.UpdateContainerAgentResponse>().toExtend<Out<Sdk.UpdateContainerAgentCommandOutput>>();
    expectTypeOf<Out<Sdk.UpdateContainerAgentCommandOutput>>().toExtend<Ours.UpdateContainerAgentResponse>();
    expectTypeOf<keyof Ours.UpdateContainerAgentResponse>().toEqualTypeOf<keyof Out<Sdk.UpdateContainerAgentCommandOutput>>();
    expectTypeOf<Ours.SubmitAttachmentStateChangesResponse>().toExtend<Out<Sdk.SubmitAttachmentStateChangesCommandOutput>>();
    expectTypeOf<Out<Sdk.SubmitAttachmentStateChangesCommandOutput>>().toExtend<Ours.SubmitAttachmentStateChangesResponse>();
    expectTypeOf<keyof Ours.SubmitAttachmentStateChangesResponse>().toEqualTypeOf<keyof Out<Sdk.SubmitAttachmentStateChangesCommandOutput>>();
    expectTypeOf<Ours.PutAttributesResponse>().toExtend<Out<Sdk.PutAttributesCommandOutput>>();
    expectTypeOf<Out<Sdk.PutAttributesCommandOutput>>().toExtend<Ours.PutAttributesResponse>();
    expectTypeOf<keyof Ours.PutAttributesResponse>().toEqualTypeOf<keyof Out<Sdk.PutAttributesCommandOutput>>();
    expectTypeOf<Ours.DeleteAttributesResponse>().toExtend<Out<Sdk.DeleteAttributesCommandOutput>>();
    expectTypeOf<Out<Sdk.DeleteAttributesCommandOutput>>().toExtend<Ours.DeleteAttributesResponse>();
    expectTypeOf<keyof Ours.DeleteAttributesResponse>().toEqualTypeOf<keyof Out<Sdk.DeleteAttributesCommandOutput>>();
    expectTypeOf<Ours.ListAttributesResponse>().toExtend<Out<Sdk.ListAttributesCommandOutput>>();
    expectTypeOf<Out<Sdk.ListAttributesCommandOutput>>().toExtend<Ours.ListAttributesResponse>();
    expectTypeOf<keyof Ours.ListAttributesResponse>().toEqualTypeOf<keyof Out<Sdk.ListAttributesCommandOutput>>();
    expectTypeOf<Ours.PutAccountSettingResponse>().toExtend<Out<Sdk.PutAccountSettingCommandOutput>>();
    expectTypeOf<Out<Sdk.PutAccountSettingCommandOutput>>().toExtend<Ours.PutAccountSettingResponse>();
    expectTypeOf<keyof Ours.PutAccountSettingResponse>().toEqualTypeOf<keyof Out<Sdk.PutAccountSettingCommandOutput>>();
    expectTypeOf<Ours.PutAccountSettingDefaultResponse>().toExtend<Out<Sdk.PutAccountSettingDefaultCommandOutput>>();
    expectTypeOf<Out<Sdk.PutAccountSettingDefaultCommandOutput>>().toExtend<Ours.PutAccountSettingDefaultResponse>();
    expectTypeOf<keyof Ours.PutAccountSettingDefaultResponse>().toEqualTypeOf<keyof Out<Sdk.PutAccountSettingDefaultCommandOutput>>();
    expectTypeOf<Ours.DeleteAccountSettingResponse>().toExtend<Out<Sdk.DeleteAccountSettingCommandOutput>>();
    expectTypeOf<Out<Sdk.DeleteAccountSettingCommandOutput>>().toExtend<Ours.DeleteAccountSettingResponse>();
    expectTypeOf<keyof Ours.DeleteAccountSettingResponse>().toEqualTypeOf<keyof Out<Sdk.DeleteAccountSettingCommandOutput>>();
    expectTypeOf<Ours.ListAccountSettingsResponse>().toExtend<Out<Sdk.ListAccountSettingsCommandOutput>>();
    expectTypeOf<Out<Sdk.ListAccountSettingsCommandOutput>>().toExtend<Ours.ListAccountSettingsResponse>();
    expectTypeOf<keyof Ours.ListAccountSettingsResponse>().toEqualTypeOf<keyof Out<Sdk.ListAccountSettingsCommandOutput>>();
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
  it('task, task definition and service requests are assignable to and from the SDK command inputs, member for member', () => {
    expectTypeOf<Ours.RegisterTaskDefinitionRequest>().toExtend<Sdk.RegisterTaskDefinitionCommandInput>();
    expectTypeOf<Sdk.RegisterTaskDefinitionCommandInput>().toExtend<Ours.RegisterTaskDefinitionRequest>();
    expectTypeOf<keyof Ours.RegisterTaskDefinitionRequest>().toEqualTypeOf<keyof Sdk.RegisterTaskDefinitionCommandInput>();
    expectTypeOf<Ours.RunTaskRequest>().toExtend<Sdk.RunTaskCommandInput>();
    expectTypeOf<Sdk.RunTaskCommandInput>().toExtend<Ours.RunTaskRequest>();
    expectTypeOf<keyof Ours.RunTaskRequest>().toEqualTypeOf<keyof Sdk.RunTaskCommandInput>();
    expectTypeOf<Ours.StartTaskRequest>().toExtend<Sdk.StartTaskCommandInput>();
    expectTypeOf<Sdk.StartTaskCommandInput>().toExtend<Ours.StartTaskRequest>();
    expectTypeOf<keyof Ours.StartTaskRequest>().toEqualTypeOf<keyof Sdk.StartTaskCommandInput>();
    expectTypeOf<Ours.StopTaskRequest>().toExtend<Sdk.StopTaskCommandInput>();
    expectTypeOf<Sdk.StopTaskCommandInput>().toExtend<Ours.StopTaskRequest>();
    expectTypeOf<keyof Ours.StopTaskRequest>().toEqualTypeOf<keyof Sdk.StopTaskCommandInput>();
    expectTypeOf<Ours.ListTasksRequest>().toExtend<Sdk.ListTasksCommandInput>();
    expectTypeOf<Sdk.ListTasksCommandInput>().toExtend<Ours.ListTasksRequest>();
    expectTypeOf<keyof Ours.ListTasksRequest>().toEqualTypeOf<keyof Sdk.ListTasksCommandInput>();
    expectTypeOf<Ours.DescribeTasksRequest>().toExtend<Sdk.DescribeTasksCommandInput>();
    expectTypeOf<Sdk.DescribeTasksCommandInput>().toExtend<Ours.DescribeTasksRequest>();
    expectTypeOf<keyof Ours.DescribeTasksRequest>().toEqualTypeOf<keyof Sdk.DescribeTasksCommandInput>();
    expectTypeOf<Ours.CreateServiceRequest>().toExtend<Sdk.CreateServiceCommandInput>();
    expectTypeOf<Sdk.CreateServiceCommandInput>().toExtend<Ours.CreateServiceRequest>();
    expectTypeOf<keyof Ours.CreateServiceRequest>().toEqualTypeOf<keyof Sdk.CreateServiceCommandInput>();
    expectTypeOf<Ours.UpdateServiceRequest>().toExtend<Sdk.UpdateServiceCommandInput>();
    expectTypeOf<Sdk.UpdateServiceCommandInput>().toExtend<Ours.UpdateServiceRequest>();
    expectTypeOf<keyof Ours.UpdateServiceRequest>().toEqualTypeOf<keyof Sdk.UpdateServiceCommandInput>();
    expectTypeOf<Ours.DeleteServiceRequest>().toExtend<Sdk.DeleteServiceCommandInput>();
    expectTypeOf<Sdk.DeleteServiceCommandInput>().toExtend<Ours.DeleteServiceRequest>();
    expectTypeOf<keyof Ours.DeleteServiceRequest>().toEqualTypeOf<keyof Sdk.DeleteServiceCommandInput>();
    expectTypeOf<Ours.DescribeServicesRequest>().toExtend<Sdk.DescribeServicesCommandInput>();
    expectTypeOf<Sdk.DescribeServicesCommandInput>().toExtend<Ours.DescribeServicesRequest>();
    expectTypeOf<keyof Ours.DescribeServicesRequest>().toEqualTypeOf<keyof Sdk.DescribeServicesCommandInput>();
    expectTypeOf<Ours.ListServicesRequest>().toExtend<Sdk.ListServicesCommandInput>();
    expectTypeOf<Sdk.ListServicesCommandInput>().toExtend<Ours.ListServicesRequest>();
    expectTypeOf<keyof Ours.ListServicesRequest>().toEqualTypeOf<keyof Sdk.ListServicesCommandInput>();
    expectTypeOf<Ours.DeleteClusterRequest>().toExtend<Sdk.DeleteClusterCommandInput>();
    expectTypeOf<Sdk.DeleteClusterCommandInput>().toExtend<Ours.DeleteClusterRequest>();
    expectTypeOf<keyof Ours.DeleteClusterRequest>().toEqualTypeOf<keyof Sdk.DeleteClusterCommandInput>();
    expectTypeOf<Ours.DescribeTaskDefinitionRequest>().toExtend<Sdk.DescribeTaskDefinitionCommandInput>();
    expectTypeOf<Sdk.DescribeTaskDefinitionCommandInput>().toExtend<Ours.DescribeTaskDefinitionRequest>();
    expectTypeOf<keyof Ours.DescribeTaskDefinitionRequest>().toEqualTypeOf<keyof Sdk.DescribeTaskDefinitionCommandInput>();
    expectTypeOf<Ours.DeregisterTaskDefinitionRequest>().toExtend<Sdk.DeregisterTaskDefinitionCommandInput>();
    expectTypeOf<Sdk.DeregisterTaskDefinitionCommandInput>().toExtend<Ours.DeregisterTaskDefinitionRequest>();
    expectTypeOf<keyof Ours.DeregisterTaskDefinitionRequest>().toEqualTypeOf<keyof Sdk.DeregisterTaskDefinitionCommandInput>();
    expectTypeOf<Ours.ListTaskDefinitionsRequest>().toExtend<Sdk.ListTaskDefinitionsCommandInput>();
    expectTypeOf<Sdk.ListTaskDefinitionsCommandInput>().toExtend<Ours.ListTaskDefinitionsRequest>();
    expectTypeOf<keyof Ours.ListTaskDefinitionsRequest>().toEqualTypeOf<keyof Sdk.ListTaskDefinitionsCommandInput>();
    expectTypeOf<Ours.ListTaskDefinitionFamiliesRequest>().toExtend<Sdk.ListTaskDefinitionFamiliesCommandInput>();
    expectTypeOf<Sdk.ListTaskDefinitionFamiliesCommandInput>().toExtend<Ours.ListTaskDefinitionFamiliesRequest>();
    expectTypeOf<keyof Ours.ListTaskDefinitionFamiliesRequest>().toEqualTypeOf<keyof Sdk.ListTaskDefinitionFamiliesCommandInput>();
    expect(true).toBe(true);
  });

  it('the shapes nested in the task, task definition and service requests match the SDK, member for member', () => {
    expectTypeOf<Ours.ContainerDefinition>().toExtend<Sdk.ContainerDefinition>();
    expectTypeOf<Sdk.ContainerDefinition>().toExtend<Ours.ContainerDefinition>();
    expectTypeOf<keyof Ours.ContainerDefinition>().toEqualTypeOf<keyof Sdk.ContainerDefinition>();
    expectTypeOf<Ours.Volume>().toExtend<Sdk.Volume>();
    expectTypeOf<Sdk.Volume>().toExtend<Ours.Volume>();
    expectTypeOf<keyof Ours.Volume>().toEqualTypeOf<keyof Sdk.Volume>();
    expectTypeOf<Ours.TaskDefinitionPlacementConstraint>().toExtend<Sdk.TaskDefinitionPlacementConstraint>();
    expectTypeOf<Sdk.TaskDefinitionPlacementConstraint>().toExtend<Ours.TaskDefinitionPlacementConstraint>();
    expectTypeOf<keyof Ours.TaskDefinitionPlacementConstraint>().toEqualTypeOf<keyof Sdk.TaskDefinitionPlacementConstraint>();
    expectTypeOf<Ours.ProxyConfiguration>().toExtend<Sdk.ProxyConfiguration>();
    expectTypeOf<Sdk.ProxyConfiguration>().toExtend<Ours.ProxyConfiguration>();
    expectTypeOf<keyof Ours.ProxyConfiguration>().toEqualTypeOf<keyof Sdk.ProxyConfiguration>();
    expectTypeOf<Ours.InferenceAccelerator>().toExtend<Sdk.InferenceAccelerator>();
    expectTypeOf<Sdk.InferenceAccelerator>().toExtend<Ours.InferenceAccelerator>();
    expectTypeOf<keyof Ours.InferenceAccelerator>().toEqualTypeOf<keyof Sdk.InferenceAccelerator>();
    expectTypeOf<Ours.EphemeralStorage>().toExtend<Sdk.EphemeralStorage>();
    expectTypeOf<Sdk.EphemeralStorage>().toExtend<Ours.EphemeralStorage>();
    expectTypeOf<keyof Ours.EphemeralStorage>().toEqualTypeOf<keyof Sdk.EphemeralStorage>();
    expectTypeOf<Ours.RuntimePlatform>().toExtend<Sdk.RuntimePlatform>();
    expectTypeOf<Sdk.RuntimePlatform>().toExtend<Ours.RuntimePlatform>();
    expectTypeOf<keyof Ours.RuntimePlatform>().toEqualTypeOf<keyof Sdk.RuntimePlatform>();
    expectTypeOf<Ours.NetworkConfiguration>().toExtend<Sdk.NetworkConfiguration>();
    expectTypeOf<Sdk.NetworkConfiguration>().toExtend<Ours.NetworkConfiguration>();
    expectTypeOf<keyof Ours.NetworkConfiguration>().toEqualTypeOf<keyof Sdk.NetworkConfiguration>();
    expectTypeOf<Ours.TaskOverride>().toExtend<Sdk.TaskOverride>();
    expectTypeOf<Sdk.TaskOverride>().toExtend<Ours.TaskOverride>();
    expectTypeOf<keyof Ours.TaskOverride>().toEqualTypeOf<keyof Sdk.TaskOverride>();
    expectTypeOf<Ours.PlacementConstraint>().toExtend<Sdk.PlacementConstraint>();
    expectTypeOf<Sdk.PlacementConstraint>().toExtend<Ours.PlacementConstraint>();
    expectTypeOf<keyof Ours.PlacementConstraint>().toEqualTypeOf<keyof Sdk.PlacementConstraint>();
    expectTypeOf<Ours.PlacementStrategy>().toExtend<Sdk.PlacementStrategy>();
    expectTypeOf<Sdk.PlacementStrategy>().toExtend<Ours.PlacementStrategy>();
    expectTypeOf<keyof Ours.PlacementStrategy>().toEqualTypeOf<keyof Sdk.PlacementStrategy>();
    expectTypeOf<Ours.TaskVolumeConfiguration>().toExtend<Sdk.TaskVolumeConfiguration>();
    expectTypeOf<Sdk.TaskVolumeConfiguration>().toExtend<Ours.TaskVolumeConfiguration>();
    expectTypeOf<keyof Ours.TaskVolumeConfiguration>().toEqualTypeOf<keyof Sdk.TaskVolumeConfiguration>();
    expectTypeOf<Ours.LoadBalancer>().toExtend<Sdk.LoadBalancer>();
    expectTypeOf<Sdk.LoadBalancer>().toExtend<Ours.LoadBalancer>();
    expectTypeOf<keyof Ours.LoadBalancer>().toEqualTypeOf<keyof Sdk.LoadBalancer>();
    expectTypeOf<Ours.ServiceRegistry>().toExtend<Sdk.ServiceRegistry>();
    expectTypeOf<Sdk.ServiceRegistry>().toExtend<Ours.ServiceRegistry>();
    expectTypeOf<keyof Ours.ServiceRegistry>().toEqualTypeOf<keyof Sdk.ServiceRegistry>();
    expectTypeOf<Ours.DeploymentConfiguration>().toExtend<Sdk.DeploymentConfiguration>();
    expectTypeOf<Sdk.DeploymentConfiguration>().toExtend<Ours.DeploymentConfiguration>();
    expectTypeOf<keyof Ours.DeploymentConfiguration>().toEqualTypeOf<keyof Sdk.DeploymentConfiguration>();
    expectTypeOf<Ours.DeploymentController>().toExtend<Sdk.DeploymentController>();
    expectTypeOf<Sdk.DeploymentController>().toExtend<Ours.DeploymentController>();
    expectTypeOf<keyof Ours.DeploymentController>().toEqualTypeOf<keyof Sdk.DeploymentController>();
    expectTypeOf<Ours.ServiceConnectConfiguration>().toExtend<Sdk.ServiceConnectConfiguration>();
    expectTypeOf<Sdk.ServiceConnectConfiguration>().toExtend<Ours.ServiceConnectConfiguration>();
    expectTypeOf<keyof Ours.ServiceConnectConfiguration>().toEqualTypeOf<keyof Sdk.ServiceConnectConfiguration>();
    expectTypeOf<Ours.ServiceVolumeConfiguration>().toExtend<Sdk.ServiceVolumeConfiguration>();
    expectTypeOf<Sdk.ServiceVolumeConfiguration>().toExtend<Ours.ServiceVolumeConfiguration>();
    expectTypeOf<keyof Ours.ServiceVolumeConfiguration>().toEqualTypeOf<keyof Sdk.ServiceVolumeConfiguration>();
    expectTypeOf<Ours.VpcLatticeConfiguration>().toExtend<Sdk.VpcLatticeConfiguration>();
    expectTypeOf<Sdk.VpcLatticeConfiguration>().toExtend<Ours.VpcLatticeConfiguration>();
    expectTypeOf<keyof Ours.VpcLatticeConfiguration>().toEqualTypeOf<keyof Sdk.VpcLatticeConfiguration>();
    expectTypeOf<Ours.GatewayConnector>().toExtend<Sdk.GatewayConnector>();
    expectTypeOf<Sdk.GatewayConnector>().toExtend<Ours.GatewayConnector>();
    expectTypeOf<keyof Ours.GatewayConnector>().toEqualTypeOf<keyof Sdk.GatewayConnector>();
    expectTypeOf<Ours.MonitoringConfiguration>().toExtend<Sdk.MonitoringConfiguration>();
    expectTypeOf<Sdk.MonitoringConfiguration>().toExtend<Ours.MonitoringConfiguration>();
    expectTypeOf<keyof Ours.MonitoringConfiguration>().toEqualTypeOf<keyof Sdk.MonitoringConfiguration>();
    expectTypeOf<Ours.RepositoryCredentials>().toExtend<Sdk.RepositoryCredentials>();
    expectTypeOf<Sdk.RepositoryCredentials>().toExtend<Ours.RepositoryCredentials>();
    expectTypeOf<keyof Ours.RepositoryCredentials>().toEqualTypeOf<keyof Sdk.RepositoryCredentials>();
    expectTypeOf<Ours.PortMapping>().toExtend<Sdk.PortMapping>();
    expectTypeOf<Sdk.PortMapping>().toExtend<Ours.PortMapping>();
    expectTypeOf<keyof Ours.PortMapping>().toEqualTypeOf<keyof Sdk.PortMapping>();
    expectTypeOf<Ours.ContainerRestartPolicy>().toExtend<Sdk.ContainerRestartPolicy>();
    expectTypeOf<Sdk.ContainerRestartPolicy>().toExtend<Ours.ContainerRestartPolicy>();
    expectTypeOf<keyof Ours.ContainerRestartPolicy>().toEqualTypeOf<keyof Sdk.ContainerRestartPolicy>();
    expectTypeOf<Ours.EnvironmentFile>().toExtend<Sdk.EnvironmentFile>();
    expectTypeOf<Sdk.EnvironmentFile>().toExtend<Ours.EnvironmentFile>();
    expectTypeOf<keyof Ours.EnvironmentFile>().toEqualTypeOf<keyof Sdk.EnvironmentFile>();
    expectTypeOf<Ours.MountPoint>().toExtend<Sdk.MountPoint>();
    expectTypeOf<Sdk.MountPoint>().toExtend<Ours.MountPoint>();
    expectTypeOf<keyof Ours.MountPoint>().toEqualTypeOf<keyof Sdk.MountPoint>();
    expectTypeOf<Ours.VolumeFrom>().toExtend<Sdk.VolumeFrom>();
    expectTypeOf<Sdk.VolumeFrom>().toExtend<Ours.VolumeFrom>();
    expectTypeOf<keyof Ours.VolumeFrom>().toEqualTypeOf<keyof Sdk.VolumeFrom>();
    expectTypeOf<Ours.LinuxParameters>().toExtend<Sdk.LinuxParameters>();
    expectTypeOf<Sdk.LinuxParameters>().toExtend<Ours.LinuxParameters>();
    expectTypeOf<keyof Ours.LinuxParameters>().toEqualTypeOf<keyof Sdk.LinuxParameters>();
    expectTypeOf<Ours.Secret>().toExtend<Sdk.Secret>();
    expectTypeOf<Sdk.Secret>().toExtend<Ours.Secret>();
    expectTypeOf<keyof Ours.Secret>().toEqualTypeOf<keyof Sdk.Secret>();
    expectTypeOf<Ours.ContainerDependency>().toExtend<Sdk.ContainerDependency>();
    expectTypeOf<Sdk.ContainerDependency>().toExtend<Ours.ContainerDependency>();
    expectTypeOf<keyof Ours.ContainerDependency>().toEqualTypeOf<keyof Sdk.ContainerDependency>();
    expectTypeOf<Ours.HostEntry>().toExtend<Sdk.HostEntry>();
    expectTypeOf<Sdk.HostEntry>().toExtend<Ours.HostEntry>();
    expectTypeOf<keyof Ours.HostEntry>().toEqualTypeOf<keyof Sdk.HostEntry>();
    expectTypeOf<Ours.Ulimit>().toExtend<Sdk.Ulimit>();
    expectTypeOf<Sdk.Ulimit>().toExtend<Ours.Ulimit>();
    expectTypeOf<keyof Ours.Ulimit>().toEqualTypeOf<keyof Sdk.Ulimit>();
    expectTypeOf<Ours.LogConfiguration>().toExtend<Sdk.LogConfiguration>();
    expectTypeOf<Sdk.LogConfiguration>().toExtend<Ours.LogConfiguration>();
    expectTypeOf<keyof Ours.LogConfiguration>().toEqualTypeOf<keyof Sdk.LogConfiguration>();
    expectTypeOf<Ours.HealthCheck>().toExtend<Sdk.HealthCheck>();
    expectTypeOf<Sdk.HealthCheck>().toExtend<Ours.HealthCheck>();
    expectTypeOf<keyof Ours.HealthCheck>().toEqualTypeOf<keyof Sdk.HealthCheck>();
    expectTypeOf<Ours.SystemControl>().toExtend<Sdk.SystemControl>();
    expectTypeOf<Sdk.SystemControl>().toExtend<Ours.SystemControl>();
    expectTypeOf<keyof Ours.SystemControl>().toEqualTypeOf<keyof Sdk.SystemControl>();
    expectTypeOf<Ours.ResourceRequirement>().toExtend<Sdk.ResourceRequirement>();
    expectTypeOf<Sdk.ResourceRequirement>().toExtend<Ours.ResourceRequirement>();
    expectTypeOf<keyof Ours.ResourceRequirement>().toEqualTypeOf<keyof Sdk.ResourceRequirement>();
    expectTypeOf<Ours.FirelensConfiguration>().toExtend<Sdk.FirelensConfiguration>();
    expectTypeOf<Sdk.FirelensConfiguration>().toExtend<Ours.FirelensConfiguration>();
    expectTypeOf<keyof Ours.FirelensConfiguration>().toEqualTypeOf<keyof Sdk.FirelensConfiguration>();
    expectTypeOf<Ours.HostVolumeProperties>().toExtend<Sdk.HostVolumeProperties>();
    expectTypeOf<Sdk.HostVolumeProperties>().toExtend<Ours.HostVolumeProperties>();
    expectTypeOf<keyof Ours.HostVolumeProperties>().toEqualTypeOf<keyof Sdk.HostVolumeProperties>();
    expectTypeOf<Ours.DockerVolumeConfiguration>().toExtend<Sdk.DockerVolumeConfiguration>();
    expectTypeOf<Sdk.DockerVolumeConfiguration>().toExtend<Ours.DockerVolumeConfiguration>();
    expectTypeOf<keyof Ours.DockerVolumeConfiguration>().toEqualTypeOf<keyof Sdk.DockerVolumeConfiguration>();
    expectTypeOf<Ours.EFSVolumeConfiguration>().toExtend<Sdk.EFSVolumeConfiguration>();
    expectTypeOf<Sdk.EFSVolumeConfiguration>().toExtend<Ours.EFSVolumeConfiguration>();
    expectTypeOf<keyof Ours.EFSVolumeConfiguration>().toEqualTypeOf<keyof Sdk.EFSVolumeConfiguration>();
    expectTypeOf<Ours.S3FilesVolumeConfiguration>().toExtend<Sdk.S3FilesVolumeConfiguration>();
    expectTypeOf<Sdk.S3FilesVolumeConfiguration>().toExtend<Ours.S3FilesVolumeConfiguration>();
    expectTypeOf<keyof Ours.S3FilesVolumeConfiguration>().toEqualTypeOf<keyof Sdk.S3FilesVolumeConfiguration>();
    expectTypeOf<Ours.FSxWindowsFileServerVolumeConfiguration>().toExtend<Sdk.FSxWindowsFileServerVolumeConfiguration>();
    expectTypeOf<Sdk.FSxWindowsFileServerVolumeConfiguration>().toExtend<Ours.FSxWindowsFileServerVolumeConfiguration>();
    expectTypeOf<keyof Ours.FSxWindowsFileServerVolumeConfiguration>().toEqualTypeOf<keyof Sdk.FSxWindowsFileServerVolumeConfiguration>();
    expectTypeOf<Ours.AwsVpcConfiguration>().toExtend<Sdk.AwsVpcConfiguration>();
    expectTypeOf<Sdk.AwsVpcConfiguration>().toExtend<Ours.AwsVpcConfiguration>();
    expectTypeOf<keyof Ours.AwsVpcConfiguration>().toEqualTypeOf<keyof Sdk.AwsVpcConfiguration>();
    expectTypeOf<Ours.ContainerOverride>().toExtend<Sdk.ContainerOverride>();
    expectTypeOf<Sdk.ContainerOverride>().toExtend<Ours.ContainerOverride>();
    expectTypeOf<keyof Ours.ContainerOverride>().toEqualTypeOf<keyof Sdk.ContainerOverride>();
    expectTypeOf<Ours.InferenceAcceleratorOverride>().toExtend<Sdk.InferenceAcceleratorOverride>();
    expectTypeOf<Sdk.InferenceAcceleratorOverride>().toExtend<Ours.InferenceAcceleratorOverride>();
    expectTypeOf<keyof Ours.InferenceAcceleratorOverride>().toEqualTypeOf<keyof Sdk.InferenceAcceleratorOverride>();
    expectTypeOf<Ours.TaskManagedEBSVolumeConfiguration>().toExtend<Sdk.TaskManagedEBSVolumeConfiguration>();
    expectTypeOf<Sdk.TaskManagedEBSVolumeConfiguration>().toExtend<Ours.TaskManagedEBSVolumeConfiguration>();
    expectTypeOf<keyof Ours.TaskManagedEBSVolumeConfiguration>().toEqualTypeOf<keyof Sdk.TaskManagedEBSVolumeConfiguration>();
    expectTypeOf<Ours.AdvancedConfiguration>().toExtend<Sdk.AdvancedConfiguration>();
    expectTypeOf<Sdk.AdvancedConfiguration>().toExtend<Ours.AdvancedConfiguration>();
    expectTypeOf<keyof Ours.AdvancedConfiguration>().toEqualTypeOf<keyof Sdk.AdvancedConfiguration>();
    expectTypeOf<Ours.DeploymentCircuitBreaker>().toExtend<Sdk.DeploymentCircuitBreaker>();
    expectTypeOf<Sdk.DeploymentCircuitBreaker>().toExtend<Ours.DeploymentCircuitBreaker>();
    expectTypeOf<keyof Ours.DeploymentCircuitBreaker>().toEqualTypeOf<keyof Sdk.DeploymentCircuitBreaker>();
    expectTypeOf<Ours.DeploymentAlarms>().toExtend<Sdk.DeploymentAlarms>();
    expectTypeOf<Sdk.DeploymentAlarms>().toExtend<Ours.DeploymentAlarms>();
    expectTypeOf<keyof Ours.DeploymentAlarms>().toEqualTypeOf<keyof Sdk.DeploymentAlarms>();
    expectTypeOf<Ours.DeploymentLifecycleHook>().toExtend<Sdk.DeploymentLifecycleHook>();
    expectTypeOf<Sdk.DeploymentLifecycleHook>().toExtend<Ours.DeploymentLifecycleHook>();
    expectTypeOf<keyof Ours.DeploymentLifecycleHook>().toEqualTypeOf<keyof Sdk.DeploymentLifecycleHook>();
    expectTypeOf<Ours.LinearConfiguration>().toExtend<Sdk.LinearConfiguration>();
    expectTypeOf<Sdk.LinearConfiguration>().toExtend<Ours.LinearConfiguration>();
    expectTypeOf<keyof Ours.LinearConfiguration>().toEqualTypeOf<keyof Sdk.LinearConfiguration>();
    expectTypeOf<Ours.CanaryConfiguration>().toExtend<Sdk.CanaryConfiguration>();
    expectTypeOf<Sdk.CanaryConfiguration>().toExtend<Ours.CanaryConfiguration>();
    expectTypeOf<keyof Ours.CanaryConfiguration>().toEqualTypeOf<keyof Sdk.CanaryConfiguration>();
    expectTypeOf<Ours.DeploymentEarlySuccessCriteria>().toExtend<Sdk.DeploymentEarlySuccessCriteria>();
    expectTypeOf<Sdk.DeploymentEarlySuccessCriteria>().toExtend<Ours.DeploymentEarlySuccessCriteria>();
    expectTypeOf<keyof Ours.DeploymentEarlySuccessCriteria>().toEqualTypeOf<keyof Sdk.DeploymentEarlySuccessCriteria>();
    expectTypeOf<Ours.ServiceConnectService>().toExtend<Sdk.ServiceConnectService>();
    expectTypeOf<Sdk.ServiceConnectService>().toExtend<Ours.ServiceConnectService>();
    expectTypeOf<keyof Ours.ServiceConnectService>().toEqualTypeOf<keyof Sdk.ServiceConnectService>();
    expectTypeOf<Ours.ServiceConnectAccessLogConfiguration>().toExtend<Sdk.ServiceConnectAccessLogConfiguration>();
    expectTypeOf<Sdk.ServiceConnectAccessLogConfiguration>().toExtend<Ours.ServiceConnectAccessLogConfiguration>();
    expectTypeOf<keyof Ours.ServiceConnectAccessLogConfiguration>().toEqualTypeOf<keyof Sdk.ServiceConnectAccessLogConfiguration>();
    expectTypeOf<Ours.ServiceConnectContainerConfiguration>().toExtend<Sdk.ServiceConnectContainerConfiguration>();
    expectTypeOf<Sdk.ServiceConnectContainerConfiguration>().toExtend<Ours.ServiceConnectContainerConfiguration>();
    expectTypeOf<keyof Ours.ServiceConnectContainerConfiguration>().toEqualTypeOf<keyof Sdk.ServiceConnectContainerConfiguration>();
    expectTypeOf<Ours.ServiceManagedEBSVolumeConfiguration>().toExtend<Sdk.ServiceManagedEBSVolumeConfiguration>();
    expectTypeOf<Sdk.ServiceManagedEBSVolumeConfiguration>().toExtend<Ours.ServiceManagedEBSVolumeConfiguration>();
    expectTypeOf<keyof Ours.ServiceManagedEBSVolumeConfiguration>().toEqualTypeOf<keyof Sdk.ServiceManagedEBSVolumeConfiguration>();
    expectTypeOf<Ours.VpcLatticeAdvancedConfiguration>().toExtend<Sdk.VpcLatticeAdvancedConfiguration>();
    expectTypeOf<Sdk.VpcLatticeAdvancedConfiguration>().toExtend<Ours.VpcLatticeAdvancedConfiguration>();
    expectTypeOf<keyof Ours.VpcLatticeAdvancedConfiguration>().toEqualTypeOf<keyof Sdk.VpcLatticeAdvancedConfiguration>();
    expectTypeOf<Ours.GatewayConnectorHealthCheck>().toExtend<Sdk.GatewayConnectorHealthCheck>();
    expectTypeOf<Sdk.GatewayConnectorHealthCheck>().toExtend<Ours.GatewayConnectorHealthCheck>();
    expectTypeOf<keyof Ours.GatewayConnectorHealthCheck>().toEqualTypeOf<keyof Sdk.GatewayConnectorHealthCheck>();
    expectTypeOf<Ours.GatewayConnectorFilters>().toExtend<Sdk.GatewayConnectorFilters>();
    expectTypeOf<Sdk.GatewayConnectorFilters>().toExtend<Ours.GatewayConnectorFilters>();
    expectTypeOf<keyof Ours.GatewayConnectorFilters>().toEqualTypeOf<keyof Sdk.GatewayConnectorFilters>();
    expectTypeOf<Ours.MetricConfiguration>().toExtend<Sdk.MetricConfiguration>();
    expectTypeOf<Sdk.MetricConfiguration>().toExtend<Ours.MetricConfiguration>();
    expectTypeOf<keyof Ours.MetricConfiguration>().toEqualTypeOf<keyof Sdk.MetricConfiguration>();
    expectTypeOf<Ours.KernelCapabilities>().toExtend<Sdk.KernelCapabilities>();
    expectTypeOf<Sdk.KernelCapabilities>().toExtend<Ours.KernelCapabilities>();
    expectTypeOf<keyof Ours.KernelCapabilities>().toEqualTypeOf<keyof Sdk.KernelCapabilities>();
    expectTypeOf<Ours.Device>().toExtend<Sdk.Device>();
    expectTypeOf<Sdk.Device>().toExtend<Ours.Device>();
    expectTypeOf<keyof Ours.Device>().toEqualTypeOf<keyof Sdk.Device>();
    expectTypeOf<Ours.Tmpfs>().toExtend<Sdk.Tmpfs>();
    expectTypeOf<Sdk.Tmpfs>().toExtend<Ours.Tmpfs>();
    expectTypeOf<keyof Ours.Tmpfs>().toEqualTypeOf<keyof Sdk.Tmpfs>();
    expectTypeOf<Ours.SharingStrategy>().toExtend<Sdk.SharingStrategy>();
    expectTypeOf<Sdk.SharingStrategy>().toExtend<Ours.SharingStrategy>();
    expectTypeOf<keyof Ours.SharingStrategy>().toEqualTypeOf<keyof Sdk.SharingStrategy>();
    expectTypeOf<Ours.EFSAuthorizationConfig>().toExtend<Sdk.EFSAuthorizationConfig>();
    expectTypeOf<Sdk.EFSAuthorizationConfig>().toExtend<Ours.EFSAuthorizationConfig>();
    expectTypeOf<keyof Ours.EFSAuthorizationConfig>().toEqualTypeOf<keyof Sdk.EFSAuthorizationConfig>();
    expectTypeOf<Ours.FSxWindowsFileServerAuthorizationConfig>().toExtend<Sdk.FSxWindowsFileServerAuthorizationConfig>();
    expectTypeOf<Sdk.FSxWindowsFileServerAuthorizationConfig>().toExtend<Ours.FSxWindowsFileServerAuthorizationConfig>();
    expectTypeOf<keyof Ours.FSxWindowsFileServerAuthorizationConfig>().toEqualTypeOf<keyof Sdk.FSxWindowsFileServerAuthorizationConfig>();
    expectTypeOf<Ours.EBSTagSpecification>().toExtend<Sdk.EBSTagSpecification>();
    expectTypeOf<Sdk.EBSTagSpecification>().toExtend<Ours.EBSTagSpecification>();
    expectTypeOf<keyof Ours.EBSTagSpecification>().toEqualTypeOf<keyof Sdk.EBSTagSpecification>();
    expectTypeOf<Ours.TaskManagedEBSVolumeTerminationPolicy>().toExtend<Sdk.TaskManagedEBSVolumeTerminationPolicy>();
    expectTypeOf<Sdk.TaskManagedEBSVolumeTerminationPolicy>().toExtend<Ours.TaskManagedEBSVolumeTerminationPolicy>();
    expectTypeOf<keyof Ours.TaskManagedEBSVolumeTerminationPolicy>().toEqualTypeOf<keyof Sdk.TaskManagedEBSVolumeTerminationPolicy>();
    expectTypeOf<Ours.ThresholdConfiguration>().toExtend<Sdk.ThresholdConfiguration>();
    expectTypeOf<Sdk.ThresholdConfiguration>().toExtend<Ours.ThresholdConfiguration>();
    expectTypeOf<keyof Ours.ThresholdConfiguration>().toEqualTypeOf<keyof Sdk.ThresholdConfiguration>();
    expectTypeOf<Ours.DeploymentLifecycleHookTimeoutConfiguration>().toExtend<Sdk.DeploymentLifecycleHookTimeoutConfiguration>();
    expectTypeOf<Sdk.DeploymentLifecycleHookTimeoutConfiguration>().toExtend<Ours.DeploymentLifecycleHookTimeoutConfiguration>();
    expectTypeOf<keyof Ours.DeploymentLifecycleHookTimeoutConfiguration>().toEqualTypeOf<keyof Sdk.DeploymentLifecycleHookTimeoutConfiguration>();
    expectTypeOf<Ours.ServiceConnectClientAlias>().toExtend<Sdk.ServiceConnectClientAlias>();
    expectTypeOf<Sdk.ServiceConnectClientAlias>().toExtend<Ours.ServiceConnectClientAlias>();
    expectTypeOf<keyof Ours.ServiceConnectClientAlias>().toEqualTypeOf<keyof Sdk.ServiceConnectClientAlias>();
    expectTypeOf<Ours.TimeoutConfiguration>().toExtend<Sdk.TimeoutConfiguration>();
    expectTypeOf<Sdk.TimeoutConfiguration>().toExtend<Ours.TimeoutConfiguration>();
    expectTypeOf<keyof Ours.TimeoutConfiguration>().toEqualTypeOf<keyof Sdk.TimeoutConfiguration>();
    expectTypeOf<Ours.ServiceConnectTlsConfiguration>().toExtend<Sdk.ServiceConnectTlsConfiguration>();
    expectTypeOf<Sdk.ServiceConnectTlsConfiguration>().toExtend<Ours.ServiceConnectTlsConfiguration>();
    expectTypeOf<keyof Ours.ServiceConnectTlsConfiguration>().toEqualTypeOf<keyof Sdk.ServiceConnectTlsConfiguration>();
    expectTypeOf<Ours.GatewayConnectorHealthCheckMatcher>().toExtend<Sdk.GatewayConnectorHealthCheckMatcher>();
    expectTypeOf<Sdk.GatewayConnectorHealthCheckMatcher>().toExtend<Ours.GatewayConnectorHealthCheckMatcher>();
    expectTypeOf<keyof Ours.GatewayConnectorHealthCheckMatcher>().toEqualTypeOf<keyof Sdk.GatewayConnectorHealthCheckMatcher>();
    expectTypeOf<Ours.NvidiaMpsAllocation>().toExtend<Sdk.NvidiaMpsAllocation>();
    expectTypeOf<Sdk.NvidiaMpsAllocation>().toExtend<Ours.NvidiaMpsAllocation>();
    expectTypeOf<keyof Ours.NvidiaMpsAllocation>().toEqualTypeOf<keyof Sdk.NvidiaMpsAllocation>();
    expectTypeOf<Ours.ServiceConnectTestTrafficRules>().toExtend<Sdk.ServiceConnectTestTrafficRules>();
    expectTypeOf<Sdk.ServiceConnectTestTrafficRules>().toExtend<Ours.ServiceConnectTestTrafficRules>();
    expectTypeOf<keyof Ours.ServiceConnectTestTrafficRules>().toEqualTypeOf<keyof Sdk.ServiceConnectTestTrafficRules>();
    expectTypeOf<Ours.ServiceConnectTlsCertificateAuthority>().toExtend<Sdk.ServiceConnectTlsCertificateAuthority>();
    expectTypeOf<Sdk.ServiceConnectTlsCertificateAuthority>().toExtend<Ours.ServiceConnectTlsCertificateAuthority>();
    expectTypeOf<keyof Ours.ServiceConnectTlsCertificateAuthority>().toEqualTypeOf<keyof Sdk.ServiceConnectTlsCertificateAuthority>();
    expectTypeOf<Ours.ServiceConnectTestTrafficHeaderRules>().toExtend<Sdk.ServiceConnectTestTrafficHeaderRules>();
    expectTypeOf<Sdk.ServiceConnectTestTrafficHeaderRules>().toExtend<Ours.ServiceConnectTestTrafficHeaderRules>();
    expectTypeOf<keyof Ours.ServiceConnectTestTrafficHeaderRules>().toEqualTypeOf<keyof Sdk.ServiceConnectTestTrafficHeaderRules>();
    expectTypeOf<Ours.ServiceConnectTestTrafficHeaderMatchRules>().toExtend<Sdk.ServiceConnectTestTrafficHeaderMatchRules>();
    expectTypeOf<Sdk.ServiceConnectTestTrafficHeaderMatchRules>().toExtend<Ours.ServiceConnectTestTrafficHeaderMatchRules>();
    expectTypeOf<keyof Ours.ServiceConnectTestTrafficHeaderMatchRules>().toEqualTypeOf<keyof Sdk.ServiceConnectTestTrafficHeaderMatchRules>();
    expectTypeOf<Ours.DocumentType>().toEqualTypeOf<Exclude<Sdk.DeploymentLifecycleHook['hookDetails'], undefined>>();
    expect(true).toBe(true);
  });

  it('the enums nested in the task, task definition and service requests are exactly the SDK string-literal unions', () => {
    expectTypeOf<Ours.NetworkMode>().toEqualTypeOf<Sdk.NetworkMode>();
    expectTypeOf<Ours.Compatibility>().toEqualTypeOf<Sdk.Compatibility>();
    expectTypeOf<Ours.PidMode>().toEqualTypeOf<Sdk.PidMode>();
    expectTypeOf<Ours.IpcMode>().toEqualTypeOf<Sdk.IpcMode>();
    expectTypeOf<Ours.LaunchType>().toEqualTypeOf<Sdk.LaunchType>();
    expectTypeOf<Ours.PropagateTags>().toEqualTypeOf<Sdk.PropagateTags>();
    expectTypeOf<Ours.DesiredStatus>().toEqualTypeOf<Sdk.DesiredStatus>();
    expectTypeOf<Ours.TaskField>().toEqualTypeOf<Sdk.TaskField>();
    expectTypeOf<Ours.AvailabilityZoneRebalancing>().toEqualTypeOf<Sdk.AvailabilityZoneRebalancing>();
    expectTypeOf<Ours.SchedulingStrategy>().toEqualTypeOf<Sdk.SchedulingStrategy>();
    expectTypeOf<Ours.ServiceField>().toEqualTypeOf<Sdk.ServiceField>();
    expectTypeOf<Ours.ResourceManagementType>().toEqualTypeOf<Sdk.ResourceManagementType>();
    expectTypeOf<Ours.VersionConsistency>().toEqualTypeOf<Sdk.VersionConsistency>();
    expectTypeOf<Ours.TaskDefinitionPlacementConstraintType>().toEqualTypeOf<Sdk.TaskDefinitionPlacementConstraintType>();
    expectTypeOf<Ours.ProxyConfigurationType>().toEqualTypeOf<Sdk.ProxyConfigurationType>();
    expectTypeOf<Ours.CPUArchitecture>().toEqualTypeOf<Sdk.CPUArchitecture>();
    expectTypeOf<Ours.OSFamily>().toEqualTypeOf<Sdk.OSFamily>();
    expectTypeOf<Ours.PlacementConstraintType>().toEqualTypeOf<Sdk.PlacementConstraintType>();
    expectTypeOf<Ours.PlacementStrategyType>().toEqualTypeOf<Sdk.PlacementStrategyType>();
    expectTypeOf<Ours.DeploymentStrategy>().toEqualTypeOf<Sdk.DeploymentStrategy>();
    expectTypeOf<Ours.DeploymentControllerType>().toEqualTypeOf<Sdk.DeploymentControllerType>();
    expectTypeOf<Ours.TransportProtocol>().toEqualTypeOf<Sdk.TransportProtocol>();
    expectTypeOf<Ours.ApplicationProtocol>().toEqualTypeOf<Sdk.ApplicationProtocol>();
    expectTypeOf<Ours.EnvironmentFileType>().toEqualTypeOf<Sdk.EnvironmentFileType>();
    expectTypeOf<Ours.ContainerCondition>().toEqualTypeOf<Sdk.ContainerCondition>();
    expectTypeOf<Ours.UlimitName>().toEqualTypeOf<Sdk.UlimitName>();
    expectTypeOf<Ours.LogDriver>().toEqualTypeOf<Sdk.LogDriver>();
    expectTypeOf<Ours.ResourceType>().toEqualTypeOf<Sdk.ResourceType>();
    expectTypeOf<Ours.FirelensConfigurationType>().toEqualTypeOf<Sdk.FirelensConfigurationType>();
    expectTypeOf<Ours.Scope>().toEqualTypeOf<Sdk.Scope>();
    expectTypeOf<Ours.EFSTransitEncryption>().toEqualTypeOf<Sdk.EFSTransitEncryption>();
    expectTypeOf<Ours.AssignPublicIp>().toEqualTypeOf<Sdk.AssignPublicIp>();
    expectTypeOf<Ours.TaskFilesystemType>().toEqualTypeOf<Sdk.TaskFilesystemType>();
    expectTypeOf<Ours.DeploymentLifecycleHookTargetType>().toEqualTypeOf<Sdk.DeploymentLifecycleHookTargetType>();
    expectTypeOf<Ours.DeploymentLifecycleHookStage>().toEqualTypeOf<Sdk.DeploymentLifecycleHookStage>();
    expectTypeOf<Ours.ServiceRevisionCleanup>().toEqualTypeOf<Sdk.ServiceRevisionCleanup>();
    expectTypeOf<Ours.ServiceConnectAccessLoggingFormat>().toEqualTypeOf<Sdk.ServiceConnectAccessLoggingFormat>();
    expectTypeOf<Ours.ServiceConnectIncludeQueryParameters>().toEqualTypeOf<Sdk.ServiceConnectIncludeQueryParameters>();
    expectTypeOf<Ours.ServiceConnectContainerLogLevel>().toEqualTypeOf<Sdk.ServiceConnectContainerLogLevel>();
    expectTypeOf<Ours.GatewayConnectorHealthCheckProtocol>().toEqualTypeOf<Sdk.GatewayConnectorHealthCheckProtocol>();
    expectTypeOf<Ours.AccessType>().toEqualTypeOf<Sdk.AccessType>();
    expectTypeOf<Ours.DeviceCgroupPermission>().toEqualTypeOf<Sdk.DeviceCgroupPermission>();
    expectTypeOf<Ours.EFSAuthorizationConfigIAM>().toEqualTypeOf<Sdk.EFSAuthorizationConfigIAM>();
    expectTypeOf<Ours.EBSResourceType>().toEqualTypeOf<Sdk.EBSResourceType>();
    expectTypeOf<Ours.ThresholdType>().toEqualTypeOf<Sdk.ThresholdType>();
    expectTypeOf<Ours.DeploymentLifecycleHookAction>().toEqualTypeOf<Sdk.DeploymentLifecycleHookAction>();
    expect(true).toBe(true);
  });

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

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
    expectTypeOf<Public.ListContainerInstancesRequest>().toEqualTypeOf<Ours.ListContainerInstancesRequest>();
    expect(true).toBe(true);
  });
});

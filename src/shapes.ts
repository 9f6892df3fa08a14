/**
 * ECS API shapes, field for field as in the ECS service model (and `@aws-sdk/client-ecs`),
 * declared here so the library's public types do not depend on the SDK at run time.
 * `test/shapes.test.ts` checks they stay assignable to and from the SDK's types.
 */

/** A name/value pair on a container instance (built-in `ecs.*`, agent capability or custom). */
export interface Attribute {
  name: string | undefined;
  value?: string | undefined;
  targetType?: TargetType | undefined;
  targetId?: string | undefined;
}

/** One resource of `registeredResources` / `remainingResources`. */
export interface Resource {
  name?: string | undefined;
  type?: string | undefined;
  doubleValue?: number | undefined;
  longValue?: number | undefined;
  integerValue?: number | undefined;
  stringSetValue?: string[] | undefined;
}

export interface VersionInfo {
  agentVersion?: string | undefined;
  agentHash?: string | undefined;
  dockerVersion?: string | undefined;
}

export interface KeyValuePair {
  name?: string | undefined;
  value?: string | undefined;
}

export interface Attachment {
  id?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  details?: KeyValuePair[] | undefined;
}

export interface Tag {
  key?: string | undefined;
  value?: string | undefined;
}

/** A container instance as DescribeContainerInstances returns it. */
export interface ContainerInstance {
  containerInstanceArn?: string | undefined;
  ec2InstanceId?: string | undefined;
  capacityProviderName?: string | undefined;
  version?: number | undefined;
  versionInfo?: VersionInfo | undefined;
  remainingResources?: Resource[] | undefined;
  registeredResources?: Resource[] | undefined;
  status?: string | undefined;
  statusReason?: string | undefined;
  agentConnected?: boolean | undefined;
  runningTasksCount?: number | undefined;
  pendingTasksCount?: number | undefined;
  agentUpdateStatus?: AgentUpdateStatus | undefined;
  attributes?: Attribute[] | undefined;
  registeredAt?: Date | undefined;
  attachments?: Attachment[] | undefined;
  tags?: Tag[] | undefined;
  healthStatus?: ContainerInstanceHealthStatus | undefined;
  gpuDevices?: GpuDevice[] | undefined;
}

// ---- enums (string-literal unions, exactly the SDK's) --------------------------------------

/** `agentUpdateStatus` of a container instance. */
export type AgentUpdateStatus = 'FAILED' | 'PENDING' | 'STAGED' | 'STAGING' | 'UPDATED' | 'UPDATING';
/** The `targetType` of an attribute (ECS has only container instances as targets). */
export type TargetType = 'container-instance';
/** The `status` filter of ListContainerInstances and the status UpdateContainerInstancesState sets. */
export type ContainerInstanceStatus = 'ACTIVE' | 'DEREGISTERING' | 'DRAINING' | 'REGISTERING' | 'REGISTRATION_FAILED';
/** The `include` values of DescribeContainerInstances. */
export type ContainerInstanceField = 'CONTAINER_INSTANCE_HEALTH' | 'TAGS';
/** Account setting names (the SDK's full list; the simulator implements the 2019-06-06 four). */
export type SettingName =
  | 'awsvpcTrunking'
  | 'containerInsights'
  | 'containerInstanceLongArnFormat'
  | 'defaultLogDriverMode'
  | 'fargateEventWindows'
  | 'fargateFIPSMode'
  | 'fargateTaskRetirementWaitPeriod'
  | 'guardDutyActivate'
  | 'serviceLongArnFormat'
  | 'tagResourceAuthorization'
  | 'taskLongArnFormat';
export type SettingType = 'aws_managed' | 'user';
/** The `include` values of DescribeClusters. */
export type ClusterField = 'ATTACHMENTS' | 'CONFIGURATIONS' | 'SETTINGS' | 'STATISTICS' | 'TAGS';
export type ClusterSettingName = 'containerInsights';
export type ExecuteCommandLogging = 'DEFAULT' | 'NONE' | 'OVERRIDE';
export type PlatformDeviceType = 'GPU' | 'NEURON_DEVICE';
export type GpuSharingMode = 'DEDICATED' | 'IDLE' | 'NVIDIA_MPS';
export type InstanceHealthCheckType = 'ACCELERATED_COMPUTE' | 'AGENT_CONNECTIVITY' | 'CONTAINER_RUNTIME' | 'DAEMON';
export type InstanceHealthCheckState = 'IMPAIRED' | 'INITIALIZING' | 'INSUFFICIENT_DATA' | 'OK';

// ---- shapes shared by several operations ----------------------------------------------------

/** A `failures` entry (a reference that named nothing, with `reason` such as `MISSING`). */
export interface Failure {
  arn?: string | undefined;
  reason?: string | undefined;
  detail?: string | undefined;
}

export interface InstanceHealthCheckResult {
  type?: InstanceHealthCheckType | undefined;
  status?: InstanceHealthCheckState | undefined;
  statusReason?: string | undefined;
  lastUpdated?: Date | undefined;
  lastStatusChange?: Date | undefined;
}

export interface ContainerInstanceHealthStatus {
  overallStatus?: InstanceHealthCheckState | undefined;
  details?: InstanceHealthCheckResult[] | undefined;
}

export interface GpuDevice {
  gpuId?: string | undefined;
  sharingMode?: GpuSharingMode | undefined;
  totalMemoryInMiB?: number | undefined;
  remainingMemoryInMiB?: number | undefined;
  containerCount?: number | undefined;
}

/** A device the agent reports at registration (`platformDevices`). */
export interface PlatformDevice {
  id: string | undefined;
  type: PlatformDeviceType | undefined;
}

/** One entry of SubmitAttachmentStateChanges' `attachments`. */
export interface AttachmentStateChange {
  attachmentArn: string | undefined;
  status: string | undefined;
}

/** An account setting. */
export interface Setting {
  name?: SettingName | undefined;
  value?: string | undefined;
  principalArn?: string | undefined;
  type?: SettingType | undefined;
}

// ---- clusters ---------------------------------------------------------------------------------

export interface ExecuteCommandLogConfiguration {
  cloudWatchLogGroupName?: string | undefined;
  cloudWatchEncryptionEnabled?: boolean | undefined;
  s3BucketName?: string | undefined;
  s3EncryptionEnabled?: boolean | undefined;
  s3KeyPrefix?: string | undefined;
}

export interface ExecuteCommandConfiguration {
  kmsKeyId?: string | undefined;
  logging?: ExecuteCommandLogging | undefined;
  logConfiguration?: ExecuteCommandLogConfiguration | undefined;
}

export interface ManagedStorageConfiguration {
  kmsKeyId?: string | undefined;
  fargateEphemeralStorageKmsKeyId?: string | undefined;
}

export interface ClusterConfiguration {
  executeCommandConfiguration?: ExecuteCommandConfiguration | undefined;
  managedStorageConfiguration?: ManagedStorageConfiguration | undefined;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string | undefined;
  weight?: number | undefined;
  base?: number | undefined;
}

export interface ClusterServiceConnectDefaultsRequest {
  namespace: string | undefined;
}

export interface ClusterServiceConnectDefaults {
  namespace?: string | undefined;
}

export interface ClusterSetting {
  name?: ClusterSettingName | undefined;
  value?: string | undefined;
}

/** A cluster as CreateCluster and DescribeClusters return it. */
export interface Cluster {
  clusterArn?: string | undefined;
  clusterName?: string | undefined;
  configuration?: ClusterConfiguration | undefined;
  status?: string | undefined;
  registeredContainerInstancesCount?: number | undefined;
  runningTasksCount?: number | undefined;
  pendingTasksCount?: number | undefined;
  activeServicesCount?: number | undefined;
  statistics?: KeyValuePair[] | undefined;
  tags?: Tag[] | undefined;
  settings?: ClusterSetting[] | undefined;
  capacityProviders?: string[] | undefined;
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  attachments?: Attachment[] | undefined;
  attachmentsStatus?: string | undefined;
  serviceConnectDefaults?: ClusterServiceConnectDefaults | undefined;
}

// ---- requests and responses, one pair per operation the simulator has -----------------------
// A response is the SDK's command output without `$metadata`. Both mirror the SDK exactly, so an
// SDK command input is a valid request and a response is a valid SDK output. Members and enum
// values newer than the simulator's 2019-06-06 model therefore type-check too: the simulator
// ignores the members (e.g. CreateCluster `tags`, DescribeClusters `include`) and rejects the
// values it does not know at run time (e.g. `include: ['CONTAINER_INSTANCE_HEALTH']`, setting
// names other than its four), with an InvalidParameterException.

export interface CreateClusterRequest {
  clusterName?: string | undefined;
  tags?: Tag[] | undefined;
  settings?: ClusterSetting[] | undefined;
  configuration?: ClusterConfiguration | undefined;
  capacityProviders?: string[] | undefined;
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  serviceConnectDefaults?: ClusterServiceConnectDefaultsRequest | undefined;
}

export interface CreateClusterResponse {
  cluster?: Cluster | undefined;
}

export interface ListClustersRequest {
  nextToken?: string | undefined;
  maxResults?: number | undefined;
}

export interface ListClustersResponse {
  clusterArns?: string[] | undefined;
  nextToken?: string | undefined;
}

export interface DescribeClustersRequest {
  clusters?: string[] | undefined;
  include?: ClusterField[] | undefined;
}

export interface DescribeClustersResponse {
  clusters?: Cluster[] | undefined;
  failures?: Failure[] | undefined;
}

export interface RegisterContainerInstanceRequest {
  cluster?: string | undefined;
  instanceIdentityDocument?: string | undefined;
  instanceIdentityDocumentSignature?: string | undefined;
  totalResources?: Resource[] | undefined;
  versionInfo?: VersionInfo | undefined;
  containerInstanceArn?: string | undefined;
  attributes?: Attribute[] | undefined;
  platformDevices?: PlatformDevice[] | undefined;
  tags?: Tag[] | undefined;
}

export interface RegisterContainerInstanceResponse {
  containerInstance?: ContainerInstance | undefined;
}

export interface ListContainerInstancesRequest {
  cluster?: string | undefined;
  filter?: string | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
  status?: ContainerInstanceStatus | undefined;
}

export interface ListContainerInstancesResponse {
  containerInstanceArns?: string[] | undefined;
  nextToken?: string | undefined;
}

export interface DescribeContainerInstancesRequest {
  cluster?: string | undefined;
  containerInstances: string[] | undefined;
  include?: ContainerInstanceField[] | undefined;
}

export interface DescribeContainerInstancesResponse {
  containerInstances?: ContainerInstance[] | undefined;
  failures?: Failure[] | undefined;
}

export interface UpdateContainerInstancesStateRequest {
  cluster?: string | undefined;
  containerInstances: string[] | undefined;
  status: ContainerInstanceStatus | undefined;
}

export interface UpdateContainerInstancesStateResponse {
  containerInstances?: ContainerInstance[] | undefined;
  failures?: Failure[] | undefined;
}

export interface DeregisterContainerInstanceRequest {
  cluster?: string | undefined;
  containerInstance: string | undefined;
  force?: boolean | undefined;
}

export interface DeregisterContainerInstanceResponse {
  containerInstance?: ContainerInstance | undefined;
}

export interface UpdateContainerAgentRequest {
  cluster?: string | undefined;
  containerInstance: string | undefined;
}

export interface UpdateContainerAgentResponse {
  containerInstance?: ContainerInstance | undefined;
}

export interface SubmitAttachmentStateChangesRequest {
  cluster?: string | undefined;
  attachments: AttachmentStateChange[] | undefined;
}

export interface SubmitAttachmentStateChangesResponse {
  acknowledgment?: string | undefined;
}

export interface PutAttributesRequest {
  cluster?: string | undefined;
  attributes: Attribute[] | undefined;
}

export interface PutAttributesResponse {
  attributes?: Attribute[] | undefined;
}

export interface DeleteAttributesRequest {
  cluster?: string | undefined;
  attributes: Attribute[] | undefined;
}

export interface DeleteAttributesResponse {
  attributes?: Attribute[] | undefined;
}

export interface ListAttributesRequest {
  cluster?: string | undefined;
  targetType: TargetType | undefined;
  attributeName?: string | undefined;
  attributeValue?: string | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
}

export interface ListAttributesResponse {
  attributes?: Attribute[] | undefined;
  nextToken?: string | undefined;
}

export interface PutAccountSettingRequest {
  name: SettingName | undefined;
  value: string | undefined;
  principalArn?: string | undefined;
}

export interface PutAccountSettingResponse {
  setting?: Setting | undefined;
}

export interface PutAccountSettingDefaultRequest {
  name: SettingName | undefined;
  value: string | undefined;
}

export interface PutAccountSettingDefaultResponse {
  setting?: Setting | undefined;
}

export interface DeleteAccountSettingRequest {
  name: SettingName | undefined;
  principalArn?: string | undefined;
}

export interface DeleteAccountSettingResponse {
  setting?: Setting | undefined;
}

export interface ListAccountSettingsRequest {
  name?: SettingName | undefined;
  value?: string | undefined;
  principalArn?: string | undefined;
  effectiveSettings?: boolean | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
}

export interface ListAccountSettingsResponse {
  settings?: Setting[] | undefined;
  nextToken?: string | undefined;
}

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

// ---- task definitions, tasks and services: requests, and the shapes nested in them ----------
// Generated field for field from `@aws-sdk/client-ecs` (dist-types/models); the simulator validates
// the values at run time and ignores members newer than its model.

export interface RegisterTaskDefinitionRequest {
  family: string | undefined;
  taskRoleArn?: string | undefined;
  executionRoleArn?: string | undefined;
  networkMode?: NetworkMode | undefined;
  containerDefinitions: ContainerDefinition[] | undefined;
  volumes?: Volume[] | undefined;
  placementConstraints?: TaskDefinitionPlacementConstraint[] | undefined;
  requiresCompatibilities?: Compatibility[] | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  tags?: Tag[] | undefined;
  pidMode?: PidMode | undefined;
  ipcMode?: IpcMode | undefined;
  proxyConfiguration?: ProxyConfiguration | undefined;
  inferenceAccelerators?: InferenceAccelerator[] | undefined;
  ephemeralStorage?: EphemeralStorage | undefined;
  runtimePlatform?: RuntimePlatform | undefined;
  enableFaultInjection?: boolean | undefined;
}

export interface RunTaskRequest {
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  cluster?: string | undefined;
  count?: number | undefined;
  enableECSManagedTags?: boolean | undefined;
  enableExecuteCommand?: boolean | undefined;
  group?: string | undefined;
  launchType?: LaunchType | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  overrides?: TaskOverride | undefined;
  placementConstraints?: PlacementConstraint[] | undefined;
  placementStrategy?: PlacementStrategy[] | undefined;
  platformVersion?: string | undefined;
  propagateTags?: PropagateTags | undefined;
  referenceId?: string | undefined;
  startedBy?: string | undefined;
  tags?: Tag[] | undefined;
  taskDefinition: string | undefined;
  clientToken?: string | undefined;
  volumeConfigurations?: TaskVolumeConfiguration[] | undefined;
}

export interface StartTaskRequest {
  cluster?: string | undefined;
  containerInstances: string[] | undefined;
  enableECSManagedTags?: boolean | undefined;
  enableExecuteCommand?: boolean | undefined;
  group?: string | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  overrides?: TaskOverride | undefined;
  propagateTags?: PropagateTags | undefined;
  referenceId?: string | undefined;
  startedBy?: string | undefined;
  tags?: Tag[] | undefined;
  taskDefinition: string | undefined;
  volumeConfigurations?: TaskVolumeConfiguration[] | undefined;
}

export interface StopTaskRequest {
  cluster?: string | undefined;
  task: string | undefined;
  reason?: string | undefined;
}

export interface ListTasksRequest {
  cluster?: string | undefined;
  containerInstance?: string | undefined;
  family?: string | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
  startedBy?: string | undefined;
  serviceName?: string | undefined;
  desiredStatus?: DesiredStatus | undefined;
  launchType?: LaunchType | undefined;
  daemonName?: string | undefined;
}

export interface DescribeTasksRequest {
  cluster?: string | undefined;
  tasks: string[] | undefined;
  include?: TaskField[] | undefined;
}

export interface CreateServiceRequest {
  cluster?: string | undefined;
  serviceName: string | undefined;
  taskDefinition?: string | undefined;
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing | undefined;
  loadBalancers?: LoadBalancer[] | undefined;
  serviceRegistries?: ServiceRegistry[] | undefined;
  desiredCount?: number | undefined;
  clientToken?: string | undefined;
  launchType?: LaunchType | undefined;
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  platformVersion?: string | undefined;
  role?: string | undefined;
  deploymentConfiguration?: DeploymentConfiguration | undefined;
  placementConstraints?: PlacementConstraint[] | undefined;
  placementStrategy?: PlacementStrategy[] | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  healthCheckGracePeriodSeconds?: number | undefined;
  schedulingStrategy?: SchedulingStrategy | undefined;
  deploymentController?: DeploymentController | undefined;
  tags?: Tag[] | undefined;
  enableECSManagedTags?: boolean | undefined;
  propagateTags?: PropagateTags | undefined;
  enableExecuteCommand?: boolean | undefined;
  serviceConnectConfiguration?: ServiceConnectConfiguration | undefined;
  volumeConfigurations?: ServiceVolumeConfiguration[] | undefined;
  vpcLatticeConfigurations?: VpcLatticeConfiguration[] | undefined;
  gatewayConnectors?: GatewayConnector[] | undefined;
  monitoring?: MonitoringConfiguration | undefined;
}

export interface UpdateServiceRequest {
  cluster?: string | undefined;
  service: string | undefined;
  desiredCount?: number | undefined;
  taskDefinition?: string | undefined;
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  deploymentConfiguration?: DeploymentConfiguration | undefined;
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  placementConstraints?: PlacementConstraint[] | undefined;
  placementStrategy?: PlacementStrategy[] | undefined;
  platformVersion?: string | undefined;
  forceNewDeployment?: boolean | undefined;
  healthCheckGracePeriodSeconds?: number | undefined;
  deploymentController?: DeploymentController | undefined;
  enableExecuteCommand?: boolean | undefined;
  enableECSManagedTags?: boolean | undefined;
  loadBalancers?: LoadBalancer[] | undefined;
  propagateTags?: PropagateTags | undefined;
  serviceRegistries?: ServiceRegistry[] | undefined;
  serviceConnectConfiguration?: ServiceConnectConfiguration | undefined;
  volumeConfigurations?: ServiceVolumeConfiguration[] | undefined;
  vpcLatticeConfigurations?: VpcLatticeConfiguration[] | undefined;
  gatewayConnectors?: GatewayConnector[] | undefined;
  monitoring?: MonitoringConfiguration | undefined;
}

export interface DeleteServiceRequest {
  cluster?: string | undefined;
  service: string | undefined;
  force?: boolean | undefined;
}

export interface DescribeServicesRequest {
  cluster?: string | undefined;
  services: string[] | undefined;
  include?: ServiceField[] | undefined;
}

export interface ListServicesRequest {
  cluster?: string | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
  launchType?: LaunchType | undefined;
  schedulingStrategy?: SchedulingStrategy | undefined;
  resourceManagementType?: ResourceManagementType | undefined;
}

export interface DeleteClusterRequest {
  cluster: string | undefined;
}

export type TaskDefinitionField = 'TAGS';

export interface DescribeTaskDefinitionRequest {
  taskDefinition: string | undefined;
  include?: TaskDefinitionField[] | undefined;
}

export interface DeregisterTaskDefinitionRequest {
  taskDefinition: string | undefined;
}

/** The SDK's statuses; the 2019 API answers ACTIVE and INACTIVE only (others are refused). */
export type TaskDefinitionStatus = 'ACTIVE' | 'DELETE_IN_PROGRESS' | 'INACTIVE';

export type SortOrder = 'ASC' | 'DESC';

export interface ListTaskDefinitionsRequest {
  familyPrefix?: string | undefined;
  status?: TaskDefinitionStatus | undefined;
  sort?: SortOrder | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
}

export type TaskDefinitionFamilyStatus = 'ACTIVE' | 'ALL' | 'INACTIVE';

export interface ListTaskDefinitionFamiliesRequest {
  familyPrefix?: string | undefined;
  status?: TaskDefinitionFamilyStatus | undefined;
  nextToken?: string | undefined;
  maxResults?: number | undefined;
}

export type NetworkMode = 'awsvpc' | 'bridge' | 'host' | 'none';

export interface ContainerDefinition {
  name?: string | undefined;
  image?: string | undefined;
  repositoryCredentials?: RepositoryCredentials | undefined;
  cpu?: number | undefined;
  memory?: number | undefined;
  memoryReservation?: number | undefined;
  links?: string[] | undefined;
  portMappings?: PortMapping[] | undefined;
  essential?: boolean | undefined;
  restartPolicy?: ContainerRestartPolicy | undefined;
  entryPoint?: string[] | undefined;
  command?: string[] | undefined;
  environment?: KeyValuePair[] | undefined;
  environmentFiles?: EnvironmentFile[] | undefined;
  mountPoints?: MountPoint[] | undefined;
  volumesFrom?: VolumeFrom[] | undefined;
  linuxParameters?: LinuxParameters | undefined;
  secrets?: Secret[] | undefined;
  dependsOn?: ContainerDependency[] | undefined;
  startTimeout?: number | undefined;
  stopTimeout?: number | undefined;
  versionConsistency?: VersionConsistency | undefined;
  hostname?: string | undefined;
  user?: string | undefined;
  workingDirectory?: string | undefined;
  disableNetworking?: boolean | undefined;
  privileged?: boolean | undefined;
  readonlyRootFilesystem?: boolean | undefined;
  dnsServers?: string[] | undefined;
  dnsSearchDomains?: string[] | undefined;
  extraHosts?: HostEntry[] | undefined;
  dockerSecurityOptions?: string[] | undefined;
  interactive?: boolean | undefined;
  pseudoTerminal?: boolean | undefined;
  dockerLabels?: Record<string, string> | undefined;
  ulimits?: Ulimit[] | undefined;
  logConfiguration?: LogConfiguration | undefined;
  healthCheck?: HealthCheck | undefined;
  systemControls?: SystemControl[] | undefined;
  resourceRequirements?: ResourceRequirement[] | undefined;
  firelensConfiguration?: FirelensConfiguration | undefined;
  credentialSpecs?: string[] | undefined;
}

export interface Volume {
  name?: string | undefined;
  host?: HostVolumeProperties | undefined;
  dockerVolumeConfiguration?: DockerVolumeConfiguration | undefined;
  efsVolumeConfiguration?: EFSVolumeConfiguration | undefined;
  s3filesVolumeConfiguration?: S3FilesVolumeConfiguration | undefined;
  fsxWindowsFileServerVolumeConfiguration?: FSxWindowsFileServerVolumeConfiguration | undefined;
  configuredAtLaunch?: boolean | undefined;
}

export interface TaskDefinitionPlacementConstraint {
  type?: TaskDefinitionPlacementConstraintType | undefined;
  expression?: string | undefined;
}

export type Compatibility = 'EC2' | 'EXTERNAL' | 'FARGATE' | 'MANAGED_INSTANCES';

export type PidMode = 'host' | 'task';

export type IpcMode = 'host' | 'none' | 'task';

export interface ProxyConfiguration {
  type?: ProxyConfigurationType | undefined;
  containerName: string | undefined;
  properties?: KeyValuePair[] | undefined;
}

export interface InferenceAccelerator {
  deviceName: string | undefined;
  deviceType: string | undefined;
}

export interface EphemeralStorage {
  sizeInGiB: number | undefined;
}

export interface RuntimePlatform {
  cpuArchitecture?: CPUArchitecture | undefined;
  operatingSystemFamily?: OSFamily | undefined;
}

export type LaunchType = 'EC2' | 'EXTERNAL' | 'FARGATE' | 'MANAGED_INSTANCES';

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration | undefined;
}

export interface TaskOverride {
  containerOverrides?: ContainerOverride[] | undefined;
  cpu?: string | undefined;
  inferenceAcceleratorOverrides?: InferenceAcceleratorOverride[] | undefined;
  executionRoleArn?: string | undefined;
  memory?: string | undefined;
  taskRoleArn?: string | undefined;
  ephemeralStorage?: EphemeralStorage | undefined;
}

export interface PlacementConstraint {
  type?: PlacementConstraintType | undefined;
  expression?: string | undefined;
}

export interface PlacementStrategy {
  type?: PlacementStrategyType | undefined;
  field?: string | undefined;
}

export type PropagateTags = 'NONE' | 'SERVICE' | 'TASK_DEFINITION';

export interface TaskVolumeConfiguration {
  name: string | undefined;
  managedEBSVolume?: TaskManagedEBSVolumeConfiguration | undefined;
}

export type DesiredStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

export type TaskField = 'TAGS';

export type AvailabilityZoneRebalancing = 'DISABLED' | 'ENABLED';

export interface LoadBalancer {
  targetGroupArn?: string | undefined;
  loadBalancerName?: string | undefined;
  containerName?: string | undefined;
  containerPort?: number | undefined;
  advancedConfiguration?: AdvancedConfiguration | undefined;
}

export interface ServiceRegistry {
  registryArn?: string | undefined;
  port?: number | undefined;
  containerName?: string | undefined;
  containerPort?: number | undefined;
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker?: DeploymentCircuitBreaker | undefined;
  maximumPercent?: number | undefined;
  minimumHealthyPercent?: number | undefined;
  alarms?: DeploymentAlarms | undefined;
  strategy?: DeploymentStrategy | undefined;
  bakeTimeInMinutes?: number | undefined;
  lifecycleHooks?: DeploymentLifecycleHook[] | undefined;
  linearConfiguration?: LinearConfiguration | undefined;
  canaryConfiguration?: CanaryConfiguration | undefined;
  earlySuccessCriteria?: DeploymentEarlySuccessCriteria | undefined;
}

export type SchedulingStrategy = 'DAEMON' | 'REPLICA';

export interface DeploymentController {
  type: DeploymentControllerType | undefined;
}

export interface ServiceConnectConfiguration {
  enabled: boolean | undefined;
  namespace?: string | undefined;
  services?: ServiceConnectService[] | undefined;
  logConfiguration?: LogConfiguration | undefined;
  accessLogConfiguration?: ServiceConnectAccessLogConfiguration | undefined;
  containerConfigurations?: ServiceConnectContainerConfiguration[] | undefined;
}

export interface ServiceVolumeConfiguration {
  name: string | undefined;
  managedEBSVolume?: ServiceManagedEBSVolumeConfiguration | undefined;
}

export interface VpcLatticeConfiguration {
  roleArn: string | undefined;
  targetGroupArn: string | undefined;
  portName: string | undefined;
  advancedConfiguration?: VpcLatticeAdvancedConfiguration | undefined;
}

export interface GatewayConnector {
  portName: string | undefined;
  healthCheck?: GatewayConnectorHealthCheck | undefined;
  filters?: GatewayConnectorFilters | undefined;
}

export interface MonitoringConfiguration {
  metricConfigurations?: MetricConfiguration[] | undefined;
}

export type ServiceField = 'TAGS';

export type ResourceManagementType = 'CUSTOMER' | 'ECS';

export interface RepositoryCredentials {
  credentialsParameter: string | undefined;
}

export interface PortMapping {
  containerPort?: number | undefined;
  hostPort?: number | undefined;
  protocol?: TransportProtocol | undefined;
  name?: string | undefined;
  appProtocol?: ApplicationProtocol | undefined;
  containerPortRange?: string | undefined;
}

export interface ContainerRestartPolicy {
  enabled: boolean | undefined;
  ignoredExitCodes?: number[] | undefined;
  restartAttemptPeriod?: number | undefined;
}

export interface EnvironmentFile {
  value: string | undefined;
  type: EnvironmentFileType | undefined;
}

export interface MountPoint {
  sourceVolume?: string | undefined;
  containerPath?: string | undefined;
  readOnly?: boolean | undefined;
}

export interface VolumeFrom {
  sourceContainer?: string | undefined;
  readOnly?: boolean | undefined;
}

export interface LinuxParameters {
  capabilities?: KernelCapabilities | undefined;
  devices?: Device[] | undefined;
  initProcessEnabled?: boolean | undefined;
  sharedMemorySize?: number | undefined;
  tmpfs?: Tmpfs[] | undefined;
  maxSwap?: number | undefined;
  swappiness?: number | undefined;
}

export interface Secret {
  name: string | undefined;
  valueFrom: string | undefined;
}

export interface ContainerDependency {
  containerName: string | undefined;
  condition: ContainerCondition | undefined;
}

export type VersionConsistency = 'disabled' | 'enabled';

export interface HostEntry {
  hostname: string | undefined;
  ipAddress: string | undefined;
}

export interface Ulimit {
  name: UlimitName | undefined;
  softLimit: number | undefined;
  hardLimit: number | undefined;
}

export interface LogConfiguration {
  logDriver: LogDriver | undefined;
  options?: Record<string, string> | undefined;
  secretOptions?: Secret[] | undefined;
}

export interface HealthCheck {
  command: string[] | undefined;
  interval?: number | undefined;
  timeout?: number | undefined;
  retries?: number | undefined;
  startPeriod?: number | undefined;
}

export interface SystemControl {
  namespace?: string | undefined;
  value?: string | undefined;
}

export interface ResourceRequirement {
  value?: string | undefined;
  type: ResourceType | undefined;
  sharingStrategy?: SharingStrategy | undefined;
}

export interface FirelensConfiguration {
  type: FirelensConfigurationType | undefined;
  options?: Record<string, string> | undefined;
}

export interface HostVolumeProperties {
  sourcePath?: string | undefined;
}

export interface DockerVolumeConfiguration {
  scope?: Scope | undefined;
  autoprovision?: boolean | undefined;
  driver?: string | undefined;
  driverOpts?: Record<string, string> | undefined;
  labels?: Record<string, string> | undefined;
}

export interface EFSVolumeConfiguration {
  fileSystemId: string | undefined;
  rootDirectory?: string | undefined;
  transitEncryption?: EFSTransitEncryption | undefined;
  transitEncryptionPort?: number | undefined;
  authorizationConfig?: EFSAuthorizationConfig | undefined;
}

export interface S3FilesVolumeConfiguration {
  fileSystemArn: string | undefined;
  rootDirectory?: string | undefined;
  transitEncryptionPort?: number | undefined;
  accessPointArn?: string | undefined;
}

export interface FSxWindowsFileServerVolumeConfiguration {
  fileSystemId: string | undefined;
  rootDirectory: string | undefined;
  authorizationConfig: FSxWindowsFileServerAuthorizationConfig | undefined;
}

export type TaskDefinitionPlacementConstraintType = 'memberOf';

export type ProxyConfigurationType = 'APPMESH';

export type CPUArchitecture = 'ARM64' | 'X86_64';

export type OSFamily = 'LINUX' | 'WINDOWS_SERVER_2004_CORE' | 'WINDOWS_SERVER_2016_FULL' | 'WINDOWS_SERVER_2019_CORE' | 'WINDOWS_SERVER_2019_FULL' | 'WINDOWS_SERVER_2022_CORE' | 'WINDOWS_SERVER_2022_FULL' | 'WINDOWS_SERVER_2025_CORE' | 'WINDOWS_SERVER_2025_FULL' | 'WINDOWS_SERVER_20H2_CORE';

export interface AwsVpcConfiguration {
  subnets: string[] | undefined;
  securityGroups?: string[] | undefined;
  assignPublicIp?: AssignPublicIp | undefined;
}

export interface ContainerOverride {
  name?: string | undefined;
  command?: string[] | undefined;
  environment?: KeyValuePair[] | undefined;
  environmentFiles?: EnvironmentFile[] | undefined;
  cpu?: number | undefined;
  memory?: number | undefined;
  memoryReservation?: number | undefined;
  resourceRequirements?: ResourceRequirement[] | undefined;
}

export interface InferenceAcceleratorOverride {
  deviceName?: string | undefined;
  deviceType?: string | undefined;
}

export type PlacementConstraintType = 'distinctInstance' | 'memberOf';

export type PlacementStrategyType = 'binpack' | 'random' | 'spread';

export interface TaskManagedEBSVolumeConfiguration {
  encrypted?: boolean | undefined;
  kmsKeyId?: string | undefined;
  volumeType?: string | undefined;
  sizeInGiB?: number | undefined;
  snapshotId?: string | undefined;
  volumeInitializationRate?: number | undefined;
  iops?: number | undefined;
  throughput?: number | undefined;
  tagSpecifications?: EBSTagSpecification[] | undefined;
  roleArn: string | undefined;
  terminationPolicy?: TaskManagedEBSVolumeTerminationPolicy | undefined;
  filesystemType?: TaskFilesystemType | undefined;
}

export interface AdvancedConfiguration {
  alternateTargetGroupArn?: string | undefined;
  productionListenerRule?: string | undefined;
  testListenerRule?: string | undefined;
  roleArn?: string | undefined;
}

export interface DeploymentCircuitBreaker {
  enable: boolean | undefined;
  rollback: boolean | undefined;
  resetOnHealthyTask?: boolean | undefined;
  thresholdConfiguration?: ThresholdConfiguration | undefined;
}

export interface DeploymentAlarms {
  alarmNames: string[] | undefined;
  rollback: boolean | undefined;
  enable: boolean | undefined;
}

export type DeploymentStrategy = 'BLUE_GREEN' | 'CANARY' | 'LINEAR' | 'ROLLING';

export interface DeploymentLifecycleHook {
  targetType?: DeploymentLifecycleHookTargetType | undefined;
  hookTargetArn?: string | undefined;
  roleArn?: string | undefined;
  lifecycleStages?: DeploymentLifecycleHookStage[] | undefined;
  hookDetails?: DocumentType | undefined;
  timeoutConfiguration?: DeploymentLifecycleHookTimeoutConfiguration | undefined;
}

export interface LinearConfiguration {
  stepPercent?: number | undefined;
  stepBakeTimeInMinutes?: number | undefined;
}

export interface CanaryConfiguration {
  canaryPercent?: number | undefined;
  canaryBakeTimeInMinutes?: number | undefined;
}

export interface DeploymentEarlySuccessCriteria {
  enable: boolean | undefined;
  healthyPercent?: number | undefined;
  sourceServiceRevisionCleanup?: ServiceRevisionCleanup | undefined;
}

export type DeploymentControllerType = 'CODE_DEPLOY' | 'ECS' | 'EXTERNAL';

export interface ServiceConnectService {
  portName: string | undefined;
  discoveryName?: string | undefined;
  clientAliases?: ServiceConnectClientAlias[] | undefined;
  ingressPortOverride?: number | undefined;
  timeout?: TimeoutConfiguration | undefined;
  tls?: ServiceConnectTlsConfiguration | undefined;
}

export interface ServiceConnectAccessLogConfiguration {
  format: ServiceConnectAccessLoggingFormat | undefined;
  includeQueryParameters?: ServiceConnectIncludeQueryParameters | undefined;
}

export type ServiceConnectContainerConfiguration =
  | { logLevel: ServiceConnectContainerLogLevel; $unknown?: never }
  | { logLevel?: never; $unknown: [string, unknown] };

export interface ServiceManagedEBSVolumeConfiguration {
  encrypted?: boolean | undefined;
  kmsKeyId?: string | undefined;
  volumeType?: string | undefined;
  sizeInGiB?: number | undefined;
  snapshotId?: string | undefined;
  volumeInitializationRate?: number | undefined;
  iops?: number | undefined;
  throughput?: number | undefined;
  tagSpecifications?: EBSTagSpecification[] | undefined;
  roleArn: string | undefined;
  filesystemType?: TaskFilesystemType | undefined;
}

export interface VpcLatticeAdvancedConfiguration {
  alternateTargetGroupArn?: string | undefined;
  productionListenerRule?: string | undefined;
  testListenerRule?: string | undefined;
}

export interface GatewayConnectorHealthCheck {
  healthCheckProtocol?: GatewayConnectorHealthCheckProtocol | undefined;
  healthCheckPort?: number | undefined;
  healthCheckPath?: string | undefined;
  healthCheckTimeoutSeconds?: number | undefined;
  healthCheckIntervalSeconds?: number | undefined;
  healthyThresholdCount?: number | undefined;
  unhealthyThresholdCount?: number | undefined;
  matcher?: GatewayConnectorHealthCheckMatcher | undefined;
}

export interface GatewayConnectorFilters {
  accessTypes?: AccessType[] | undefined;
}

export interface MetricConfiguration {
  metricNames: string[] | undefined;
  resolutionSeconds: number | undefined;
}

export type TransportProtocol = 'tcp' | 'udp';

export type ApplicationProtocol = 'grpc' | 'http' | 'http2';

export type EnvironmentFileType = 's3';

export interface KernelCapabilities {
  add?: string[] | undefined;
  drop?: string[] | undefined;
}

export interface Device {
  hostPath: string | undefined;
  containerPath?: string | undefined;
  permissions?: DeviceCgroupPermission[] | undefined;
}

export interface Tmpfs {
  containerPath: string | undefined;
  size: number | undefined;
  mountOptions?: string[] | undefined;
}

export type ContainerCondition = 'COMPLETE' | 'HEALTHY' | 'START' | 'SUCCESS';

export type UlimitName = 'core' | 'cpu' | 'data' | 'fsize' | 'locks' | 'memlock' | 'msgqueue' | 'nice' | 'nofile' | 'nproc' | 'rss' | 'rtprio' | 'rttime' | 'sigpending' | 'stack';

export type LogDriver = 'awsfirelens' | 'awslogs' | 'fluentd' | 'gelf' | 'journald' | 'json-file' | 'splunk' | 'syslog';

export type ResourceType = 'GPU' | 'InferenceAccelerator' | 'NeuronDevice';

export type SharingStrategy =
  | { nvidiaMps: NvidiaMpsAllocation; $unknown?: never }
  | { nvidiaMps?: never; $unknown: [string, unknown] };

export type FirelensConfigurationType = 'fluentbit' | 'fluentd';

export type Scope = 'shared' | 'task';

export type EFSTransitEncryption = 'DISABLED' | 'ENABLED';

export interface EFSAuthorizationConfig {
  accessPointId?: string | undefined;
  iam?: EFSAuthorizationConfigIAM | undefined;
}

export interface FSxWindowsFileServerAuthorizationConfig {
  credentialsParameter: string | undefined;
  domain: string | undefined;
}

export type AssignPublicIp = 'DISABLED' | 'ENABLED';

export interface EBSTagSpecification {
  resourceType: EBSResourceType | undefined;
  tags?: Tag[] | undefined;
  propagateTags?: PropagateTags | undefined;
}

export interface TaskManagedEBSVolumeTerminationPolicy {
  deleteOnTermination: boolean | undefined;
}

export type TaskFilesystemType = 'ext3' | 'ext4' | 'ntfs' | 'xfs';

export interface ThresholdConfiguration {
  type: ThresholdType | undefined;
  value: number | undefined;
}

export type DeploymentLifecycleHookTargetType = 'AWS_LAMBDA' | 'PAUSE';

export type DeploymentLifecycleHookStage = 'POST_PRODUCTION_TRAFFIC_SHIFT' | 'POST_SCALE_UP' | 'POST_TEST_TRAFFIC_SHIFT' | 'PRE_PRODUCTION_TRAFFIC_SHIFT' | 'PRE_SCALE_UP' | 'PRODUCTION_TRAFFIC_SHIFT' | 'RECONCILE_SERVICE' | 'TEST_TRAFFIC_SHIFT';

/** Smithy's document type (free-form JSON). */
export type DocumentType = null | boolean | number | string | DocumentType[] | { [prop: string]: DocumentType };

export interface DeploymentLifecycleHookTimeoutConfiguration {
  timeoutInMinutes?: number | undefined;
  action?: DeploymentLifecycleHookAction | undefined;
}

export type ServiceRevisionCleanup = 'BLOCKING' | 'DEFERRED';

export interface ServiceConnectClientAlias {
  port: number | undefined;
  dnsName?: string | undefined;
  testTrafficRules?: ServiceConnectTestTrafficRules | undefined;
}

export interface TimeoutConfiguration {
  idleTimeoutSeconds?: number | undefined;
  perRequestTimeoutSeconds?: number | undefined;
}

export interface ServiceConnectTlsConfiguration {
  issuerCertificateAuthority: ServiceConnectTlsCertificateAuthority | undefined;
  kmsKey?: string | undefined;
  roleArn?: string | undefined;
}

export type ServiceConnectAccessLoggingFormat = 'JSON' | 'TEXT';

export type ServiceConnectIncludeQueryParameters = 'DISABLED' | 'ENABLED';

export type ServiceConnectContainerLogLevel = 'debug' | 'info';

export type GatewayConnectorHealthCheckProtocol = 'HTTP' | 'HTTPS';

export interface GatewayConnectorHealthCheckMatcher {
  httpCode?: string | undefined;
  grpcCode?: string | undefined;
}

export type AccessType = 'PRIVATE' | 'PUBLIC';

export type DeviceCgroupPermission = 'mknod' | 'read' | 'write';

export interface NvidiaMpsAllocation {
  memory: number | undefined;
  maxComputePercent?: number | undefined;
}

export type EFSAuthorizationConfigIAM = 'DISABLED' | 'ENABLED';

export type EBSResourceType = 'volume';

export type ThresholdType = 'BOUNDED_PERCENT' | 'COUNT' | 'UNBOUNDED_PERCENT';

export type DeploymentLifecycleHookAction = 'CONTINUE' | 'ROLLBACK';

export interface ServiceConnectTestTrafficRules {
  header: ServiceConnectTestTrafficHeaderRules | undefined;
}

export interface ServiceConnectTlsCertificateAuthority {
  awsPcaAuthorityArn?: string | undefined;
}

export interface ServiceConnectTestTrafficHeaderRules {
  name: string | undefined;
  value?: ServiceConnectTestTrafficHeaderMatchRules | undefined;
}

export interface ServiceConnectTestTrafficHeaderMatchRules {
  exact: string | undefined;
}

// ---- responses of DeleteCluster and of the task-definition, task and service operations, and the
// shapes nested in them (as in `@aws-sdk/client-ecs`; test/ecs/operations.test.ts checks every
// operation's response against the SDK's command output) -------------------------------------------

export interface DeleteClusterResponse {
  cluster?: Cluster | undefined;
}

export interface RegisterTaskDefinitionResponse {
  taskDefinition?: TaskDefinition | undefined;
  tags?: Tag[] | undefined;
}

export interface DescribeTaskDefinitionResponse {
  taskDefinition?: TaskDefinition | undefined;
  tags?: Tag[] | undefined;
}

export interface DeregisterTaskDefinitionResponse {
  taskDefinition?: TaskDefinition | undefined;
}

export interface ListTaskDefinitionsResponse {
  taskDefinitionArns?: string[] | undefined;
  nextToken?: string | undefined;
}

export interface ListTaskDefinitionFamiliesResponse {
  families?: string[] | undefined;
  nextToken?: string | undefined;
}

export interface RunTaskResponse {
  tasks?: Task[] | undefined;
  failures?: Failure[] | undefined;
}

export interface StartTaskResponse {
  tasks?: Task[] | undefined;
  failures?: Failure[] | undefined;
}

export interface StopTaskResponse {
  task?: Task | undefined;
}

export interface ListTasksResponse {
  taskArns?: string[] | undefined;
  nextToken?: string | undefined;
}

export interface DescribeTasksResponse {
  tasks?: Task[] | undefined;
  failures?: Failure[] | undefined;
}

export interface CreateServiceResponse {
  service?: Service | undefined;
}

export interface UpdateServiceResponse {
  service?: Service | undefined;
}

export interface DeleteServiceResponse {
  service?: Service | undefined;
}

export interface DescribeServicesResponse {
  services?: Service[] | undefined;
  failures?: Failure[] | undefined;
}

export interface ListServicesResponse {
  serviceArns?: string[] | undefined;
  nextToken?: string | undefined;
}

export interface TaskDefinition {
  taskDefinitionArn?: string | undefined;
  containerDefinitions?: ContainerDefinition[] | undefined;
  family?: string | undefined;
  taskRoleArn?: string | undefined;
  executionRoleArn?: string | undefined;
  networkMode?: NetworkMode | undefined;
  revision?: number | undefined;
  volumes?: Volume[] | undefined;
  status?: TaskDefinitionStatus | undefined;
  requiresAttributes?: Attribute[] | undefined;
  placementConstraints?: TaskDefinitionPlacementConstraint[] | undefined;
  compatibilities?: Compatibility[] | undefined;
  runtimePlatform?: RuntimePlatform | undefined;
  requiresCompatibilities?: Compatibility[] | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  inferenceAccelerators?: InferenceAccelerator[] | undefined;
  pidMode?: PidMode | undefined;
  ipcMode?: IpcMode | undefined;
  proxyConfiguration?: ProxyConfiguration | undefined;
  registeredAt?: Date | undefined;
  deregisteredAt?: Date | undefined;
  deleteRequestedAt?: Date | undefined;
  registeredBy?: string | undefined;
  ephemeralStorage?: EphemeralStorage | undefined;
  enableFaultInjection?: boolean | undefined;
}

export interface Task {
  attachments?: Attachment[] | undefined;
  attributes?: Attribute[] | undefined;
  availabilityZone?: string | undefined;
  capacityProviderName?: string | undefined;
  clusterArn?: string | undefined;
  connectivity?: Connectivity | undefined;
  connectivityAt?: Date | undefined;
  containerInstanceArn?: string | undefined;
  containers?: Container[] | undefined;
  cpu?: string | undefined;
  createdAt?: Date | undefined;
  desiredStatus?: string | undefined;
  enableExecuteCommand?: boolean | undefined;
  executionStoppedAt?: Date | undefined;
  group?: string | undefined;
  healthStatus?: HealthStatus | undefined;
  inferenceAccelerators?: InferenceAccelerator[] | undefined;
  lastStatus?: string | undefined;
  launchType?: LaunchType | undefined;
  memory?: string | undefined;
  overrides?: TaskOverride | undefined;
  platformVersion?: string | undefined;
  platformFamily?: string | undefined;
  pullStartedAt?: Date | undefined;
  pullStoppedAt?: Date | undefined;
  startedAt?: Date | undefined;
  startedBy?: string | undefined;
  stopCode?: TaskStopCode | undefined;
  stoppedAt?: Date | undefined;
  stoppedReason?: string | undefined;
  stoppingAt?: Date | undefined;
  tags?: Tag[] | undefined;
  taskArn?: string | undefined;
  taskDefinitionArn?: string | undefined;
  version?: number | undefined;
  ephemeralStorage?: EphemeralStorage | undefined;
  fargateEphemeralStorage?: TaskEphemeralStorage | undefined;
}

export interface Service {
  serviceArn?: string | undefined;
  serviceName?: string | undefined;
  clusterArn?: string | undefined;
  loadBalancers?: LoadBalancer[] | undefined;
  serviceRegistries?: ServiceRegistry[] | undefined;
  status?: string | undefined;
  desiredCount?: number | undefined;
  runningCount?: number | undefined;
  pendingCount?: number | undefined;
  launchType?: LaunchType | undefined;
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  platformVersion?: string | undefined;
  platformFamily?: string | undefined;
  taskDefinition?: string | undefined;
  deploymentConfiguration?: DeploymentConfiguration | undefined;
  taskSets?: TaskSet[] | undefined;
  deployments?: Deployment[] | undefined;
  roleArn?: string | undefined;
  events?: ServiceEvent[] | undefined;
  createdAt?: Date | undefined;
  currentServiceDeployment?: string | undefined;
  currentServiceRevisions?: ServiceCurrentRevisionSummary[] | undefined;
  placementConstraints?: PlacementConstraint[] | undefined;
  placementStrategy?: PlacementStrategy[] | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  healthCheckGracePeriodSeconds?: number | undefined;
  schedulingStrategy?: SchedulingStrategy | undefined;
  deploymentController?: DeploymentController | undefined;
  tags?: Tag[] | undefined;
  createdBy?: string | undefined;
  enableECSManagedTags?: boolean | undefined;
  propagateTags?: PropagateTags | undefined;
  enableExecuteCommand?: boolean | undefined;
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing | undefined;
  resourceManagementType?: ResourceManagementType | undefined;
}

export type Connectivity = 'CONNECTED' | 'DISCONNECTED';

export interface Container {
  containerArn?: string | undefined;
  taskArn?: string | undefined;
  name?: string | undefined;
  image?: string | undefined;
  imageDigest?: string | undefined;
  runtimeId?: string | undefined;
  lastStatus?: string | undefined;
  exitCode?: number | undefined;
  reason?: string | undefined;
  networkBindings?: NetworkBinding[] | undefined;
  networkInterfaces?: NetworkInterface[] | undefined;
  healthStatus?: HealthStatus | undefined;
  managedAgents?: ManagedAgent[] | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  memoryReservation?: string | undefined;
  gpuIds?: string[] | undefined;
  neuronDeviceIds?: string[] | undefined;
  gpuSharingStrategy?: SharingStrategy | undefined;
}

export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

export type TaskStopCode = 'EssentialContainerExited' | 'InfrastructureHealth' | 'ServiceSchedulerInitiated' | 'SpotInterruption' | 'TaskFailedToStart' | 'TerminationNotice' | 'UserInitiated';

export interface TaskEphemeralStorage {
  sizeInGiB?: number | undefined;
  kmsKeyId?: string | undefined;
}

export interface TaskSet {
  id?: string | undefined;
  taskSetArn?: string | undefined;
  serviceArn?: string | undefined;
  clusterArn?: string | undefined;
  startedBy?: string | undefined;
  externalId?: string | undefined;
  status?: string | undefined;
  taskDefinition?: string | undefined;
  computedDesiredCount?: number | undefined;
  pendingCount?: number | undefined;
  runningCount?: number | undefined;
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  launchType?: LaunchType | undefined;
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  platformVersion?: string | undefined;
  platformFamily?: string | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  loadBalancers?: LoadBalancer[] | undefined;
  serviceRegistries?: ServiceRegistry[] | undefined;
  scale?: Scale | undefined;
  stabilityStatus?: StabilityStatus | undefined;
  stabilityStatusAt?: Date | undefined;
  tags?: Tag[] | undefined;
  fargateEphemeralStorage?: DeploymentEphemeralStorage | undefined;
}

export interface Deployment {
  id?: string | undefined;
  status?: string | undefined;
  taskDefinition?: string | undefined;
  desiredCount?: number | undefined;
  pendingCount?: number | undefined;
  runningCount?: number | undefined;
  failedTasks?: number | undefined;
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
  launchType?: LaunchType | undefined;
  platformVersion?: string | undefined;
  platformFamily?: string | undefined;
  networkConfiguration?: NetworkConfiguration | undefined;
  rolloutState?: DeploymentRolloutState | undefined;
  rolloutStateReason?: string | undefined;
  serviceConnectConfiguration?: ServiceConnectConfiguration | undefined;
  serviceConnectResources?: ServiceConnectServiceResource[] | undefined;
  volumeConfigurations?: ServiceVolumeConfiguration[] | undefined;
  fargateEphemeralStorage?: DeploymentEphemeralStorage | undefined;
  vpcLatticeConfigurations?: VpcLatticeConfiguration[] | undefined;
}

export interface ServiceEvent {
  id?: string | undefined;
  createdAt?: Date | undefined;
  message?: string | undefined;
}

export interface ServiceCurrentRevisionSummary {
  arn?: string | undefined;
  requestedTaskCount?: number | undefined;
  runningTaskCount?: number | undefined;
  pendingTaskCount?: number | undefined;
}

export interface NetworkBinding {
  bindIP?: string | undefined;
  containerPort?: number | undefined;
  hostPort?: number | undefined;
  protocol?: TransportProtocol | undefined;
  containerPortRange?: string | undefined;
  hostPortRange?: string | undefined;
}

export interface NetworkInterface {
  attachmentId?: string | undefined;
  privateIpv4Address?: string | undefined;
  ipv6Address?: string | undefined;
}

export interface ManagedAgent {
  lastStartedAt?: Date | undefined;
  name?: ManagedAgentName | undefined;
  reason?: string | undefined;
  lastStatus?: string | undefined;
}

export interface Scale {
  value?: number | undefined;
  unit?: ScaleUnit | undefined;
}

export type StabilityStatus = 'STABILIZING' | 'STEADY_STATE';

export interface DeploymentEphemeralStorage {
  kmsKeyId?: string | undefined;
}

export type DeploymentRolloutState = 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';

export interface ServiceConnectServiceResource {
  discoveryName?: string | undefined;
  discoveryArn?: string | undefined;
}

export type ManagedAgentName = 'ExecuteCommandAgent';

export type ScaleUnit = 'PERCENT';

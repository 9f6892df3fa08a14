// The public API of ecs-cluster-sim: named exports only, no logic.
export {
  AccessDeniedException,
  AttributeLimitExceededException,
  ClientException,
  ClusterContainsContainerInstancesException,
  ClusterContainsServicesException,
  ClusterNotFoundException,
  EcsError,
  InvalidParameterException,
  MissingVersionException,
  NoUpdateAvailableException,
  ResourceNotFoundException,
  ServerException,
  ServiceNotActiveException,
  ServiceNotFoundException,
  TargetNotFoundException,
  TaskSetNotFoundException,
  UnsupportedFeatureException,
  UpdateInProgressException,
} from './errors.js';
export { EcsSimulator } from './protocol/simulator.js';
export type { EcsSimulatorOptions } from './ecs/simulator.js';
export { SimEndpoint, type EndpointOptions } from './protocol/http-endpoint.js';
export { createSdkHandler, type SdkHandlerOptions } from './protocol/sdk-handler.js';
export type { CallContext } from './ecs/state/state.js';
export type { SimSnapshot } from './ecs/state/snapshot.js';
export { InstanceStore } from './store/store.js';
export { NaiveInstanceStore } from './store/naive.js';
export type { PlanExplanation } from './store/plan.js';
export type { QueryOptions } from './store/query.js';
export {
  CqlSyntaxError,
  compileFilter,
  evaluate,
  parseFilter,
  print as printFilter,
  FIELDS,
  MAX_DEPTH,
  MAX_EXPRESSION_LENGTH,
  MAX_LIST_LENGTH,
  OPERATORS_BY_FIELD,
  REGISTERED_AT_FORMATS,
} from './cql/index.js';
export type {
  CompiledFilter,
  CqlErrorDetails,
  CqlErrorKind,
  EvaluationContext,
  Expr as CqlExpression,
  Field as CqlField,
  OperatorName as CqlOperator,
  ParseOptions,
} from './cql/index.js';
export type { Attachment, Attribute, ContainerInstance, KeyValuePair, Resource, Tag, VersionInfo } from './shapes.js';
export type {
  AgentUpdateStatus,
  AttachmentStateChange,
  CapacityProviderStrategyItem,
  Cluster,
  ClusterConfiguration,
  ClusterField,
  ClusterServiceConnectDefaults,
  ClusterServiceConnectDefaultsRequest,
  ClusterSetting,
  ClusterSettingName,
  ContainerInstanceField,
  ContainerInstanceHealthStatus,
  ContainerInstanceStatus,
  ExecuteCommandConfiguration,
  ExecuteCommandLogConfiguration,
  ExecuteCommandLogging,
  Failure,
  GpuDevice,
  GpuSharingMode,
  InstanceHealthCheckResult,
  InstanceHealthCheckState,
  InstanceHealthCheckType,
  ManagedStorageConfiguration,
  PlatformDevice,
  PlatformDeviceType,
  Setting,
  SettingName,
  SettingType,
  TargetType,
  CreateClusterRequest,
  CreateClusterResponse,
  ListClustersRequest,
  ListClustersResponse,
  DescribeClustersRequest,
  DescribeClustersResponse,
  RegisterContainerInstanceRequest,
  RegisterContainerInstanceResponse,
  ListContainerInstancesRequest,
  ListContainerInstancesResponse,
  DescribeContainerInstancesRequest,
  DescribeContainerInstancesResponse,
  UpdateContainerInstancesStateRequest,
  UpdateContainerInstancesStateResponse,
  DeregisterContainerInstanceRequest,
  DeregisterContainerInstanceResponse,
  UpdateContainerAgentRequest,
  UpdateContainerAgentResponse,
  SubmitAttachmentStateChangesRequest,
  SubmitAttachmentStateChangesResponse,
  PutAttributesRequest,
  PutAttributesResponse,
  DeleteAttributesRequest,
  DeleteAttributesResponse,
  ListAttributesRequest,
  ListAttributesResponse,
  PutAccountSettingRequest,
  PutAccountSettingResponse,
  PutAccountSettingDefaultRequest,
  PutAccountSettingDefaultResponse,
  DeleteAccountSettingRequest,
  DeleteAccountSettingResponse,
  ListAccountSettingsRequest,
  ListAccountSettingsResponse,
  RegisterTaskDefinitionRequest,
  RunTaskRequest,
  StartTaskRequest,
  StopTaskRequest,
  ListTasksRequest,
  DescribeTasksRequest,
  CreateServiceRequest,
  UpdateServiceRequest,
  DeleteServiceRequest,
  DescribeServicesRequest,
  ListServicesRequest,
  DeleteClusterRequest,
  DescribeTaskDefinitionRequest,
  DeregisterTaskDefinitionRequest,
  ListTaskDefinitionsRequest,
  ListTaskDefinitionFamiliesRequest,
  TaskDefinitionField,
  TaskDefinitionStatus,
  TaskDefinitionFamilyStatus,
  SortOrder,
  DeleteClusterResponse,
  RegisterTaskDefinitionResponse,
  DescribeTaskDefinitionResponse,
  DeregisterTaskDefinitionResponse,
  ListTaskDefinitionsResponse,
  ListTaskDefinitionFamiliesResponse,
  RunTaskResponse,
  StartTaskResponse,
  StopTaskResponse,
  ListTasksResponse,
  DescribeTasksResponse,
  CreateServiceResponse,
  UpdateServiceResponse,
  DeleteServiceResponse,
  DescribeServicesResponse,
  ListServicesResponse,
  Task,
  Container,
  Service,
  Deployment,
  TaskDefinition,
} from './shapes.js';
export { ResourceAccountant } from './resources/accountant.js';
export { requirementsOf } from './resources/requirements.js';
export { eniTaskLimit } from './resources/eni-limits.js';
export type { Reservation, ResourceReason, TaskRequirements } from './resources/types.js';
export { PlacementEngine, placeTasks, warmUp, type PlacementEngineOptions } from './placement/engine.js';
export { naivePlaceTasks, type NaivePlacementOptions } from './placement/naive.js';
export { PluginRegistry, PlacementPluginError } from './placement/plugins/registry.js';
export { loadPlacementPlugin } from './placement/plugins/load.js';
export type { PlacementPlugin, PlacementTask, PlacementView, SchedulerPlugin, StrategyPlugin } from './placement/plugins/types.js';
export type { PlacementConstraint, PlacementContext, PlacementOutcome, PlacementRequest, PlacementStrategy, RandomSource, RejectionReason } from './placement/types.js';
export type { WhatIfReport, Utilisation } from './ecs/what-if/report.js';
export type { DrainWhatIf } from './ecs/simulator.js';
export type { PlaceTasksRequest, PlaceTasksResult } from './ecs/tasks/place-tasks.js';
export {
  generateCluster,
  writeCluster,
  type GenerateClusterOptions,
  type GeneratedCluster,
  type GeneratedContainerInstance,
  type GeneratedTask,
  type GeneratedService,
  type GeneratedTaskDefinition,
} from './sim/cluster-generator.js';
export { planCapacity, type CapacityPlan, type CostBound, type ImpossibleTask, type PlannedInstances } from './capacity/plan-capacity.js';
export { planConsolidation, type ConsolidationOptions, type ConsolidationPlan, type RemovedInstance } from './capacity/plan-consolidation.js';
export { baselineEstimate, type BaselineEstimate } from './capacity/baseline.js';
export { defaultCatalogue, type CatalogueType } from './capacity/catalogue.js';
export { JUNE_2019_US_EAST_1_LINUX } from './capacity/prices-2019.js';
export type { CapacityGoal, ResilienceTarget, ScaleServices, SurviveInstances, SurviveLosing } from './capacity/goal.js';
export type { CapacityOptions } from './capacity/options.js';
export type { Verification } from './capacity/verify.js';
export type { ScenarioOutcome } from './capacity/scenarios.js';

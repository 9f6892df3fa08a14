// The public API of ecs-cluster-sim: named exports only, no logic.
export {
  AccessDeniedException,
  AttributeLimitExceededException,
  ClientException,
  ClusterNotFoundException,
  EcsError,
  InvalidParameterException,
  MissingVersionException,
  NoUpdateAvailableException,
  ServerException,
  TargetNotFoundException,
  UpdateInProgressException,
} from './errors.js';
export { EcsSimulator } from './protocol/simulator.js';
export type { EcsSimulatorOptions } from './ecs/simulator.js';
export { SimEndpoint, type EndpointOptions } from './protocol/http-endpoint.js';
export { createSdkHandler, type SdkHandlerOptions } from './protocol/sdk-handler.js';
export type { CallContext } from './ecs/state.js';
export type { SimSnapshot } from './ecs/snapshot.js';
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

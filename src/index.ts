// The public API of ecs-cluster-sim: named exports only, no logic.
export { EcsError, InvalidParameterException, ClientException, ServerException } from './errors.js';
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

// `ecs-cluster-sim/testing`: fast-check arbitraries, the oracles and the model-based command set,
// for property-based tests of schedulers and tools built on ECS. Named exports only, no logic.

// ---- arbitraries -------------------------------------------------------------------------------
export { containerInstanceRequest, AGENT_RESERVED_PORTS, CUSTOM_ATTRIBUTES, TASK_ENI_CAPABILITY } from './container-instance.js';
export { INSTANCE_TYPES, instanceTypeSpec } from './instance-types.js';
export { taskDefinitionRequest } from './task-definition.js';
export { placementConstraints, memberOfExpression } from './placement-constraints.js';
export { placementStrategies, placementStrategy, SPREAD_ATTRIBUTES } from './placement-strategies.js';
export { clusterRecipe, buildCluster } from './cluster.js';
export { clusterVocabulary, CLUSTER_TASK_GROUPS } from './cluster-vocabulary.js';
export { cqlExpression, cqlLeaf, cqlSize } from './cql-expression.js';
export { cqlText, cqlTextAndAst, spellCql } from './cql-text.js';
export { invalidCqlText, positionOf, INVALID_CQL_DEFECTS } from './invalid-cql-text.js';
export { instanceWithGroups } from './instance-with-groups.js';
export {
  AGENT_VERSIONS, ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, DATES, DEFAULT_CQL_VOCABULARY, EC2_IDS, PATTERNS, TASK_GROUPS, vocabularyOf,
} from './vocabulary.js';

// ---- oracles -----------------------------------------------------------------------------------
/** The reference CQL evaluator: slow, plain, obviously correct. */
export { evaluate, parseFilter, print as printFilter } from '../cql/index.js';
/** The naive placer: every task a full scan through the placement stages; with the store, accountant and seeded random it runs on. */
export { naivePlaceTasks } from '../placement/naive.js';
export { InstanceStore } from '../store/store.js';
export { ResourceAccountant } from '../resources/accountant.js';
export { requirementsOf } from '../resources/requirements.js';
export { SeededRandom } from '../sim/random.js';
export { placementChoices, isPlacementEcsCouldMake, isPlacementSequenceEcsCouldMake } from './placement-oracle.js';
export { checkInvariants, invariantViolations, InvariantViolation } from './invariants.js';

// ---- model-based testing -----------------------------------------------------------------------
export { ecsCommands, ecsModelSetup, ecsModelProperty, COMMAND_ATTRIBUTE_NAMES } from './commands/index.js';
export { afterCommand, checkModel, checkParked, ModelMismatch } from './commands/model.js';
export { EcsCommand } from './commands/command.js';

export type { ContainerInstanceOptions } from './container-instance.js';
export type { InstanceTypeSpec } from './instance-types.js';
export type { TaskDefinitionOptions } from './task-definition.js';
export type { PlacementConstraintOptions } from './placement-constraints.js';
export type { PlacementStrategyOptions } from './placement-strategies.js';
export type { ClusterRecipe, ClusterRecipeOptions } from './cluster.js';
export type { CqlExpressionOptions } from './cql-expression.js';
export type { CqlTextSample } from './cql-text.js';
export type { InvalidCqlDefect, InvalidCqlOptions, InvalidCqlSample } from './invalid-cql-text.js';
export type { CqlVocabulary } from './vocabulary.js';
export type { NotChosenReason, PlacementChoices, PlacementQuestion, PlacementVerdict } from './placement-oracle.js';
export type { InvariantOptions } from './invariants.js';
export type { EcsCommandOptions, EcsModelPropertyOptions } from './commands/index.js';
export type { EcsModel, EcsReal, ModelInstance, ModelStatus } from './commands/model.js';
export type { Expr as CqlExpression, EvaluationContext } from '../cql/index.js';
export type { PlacementContext, PlacementOutcome, PlacementRequest } from '../placement/types.js';

// The CQL arbitraries under the module name the project's own suites import them by
// (test/cql, test/store, test/placement); users import `ecs-cluster-sim/testing` (index.ts).
export { AGENT_VERSIONS, ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, DATES, EC2_IDS, PATTERNS, TASK_GROUPS } from './vocabulary.js';
export { cqlExpression, cqlLeaf } from './cql-expression.js';
export { instanceWithGroups } from './instance-with-groups.js';

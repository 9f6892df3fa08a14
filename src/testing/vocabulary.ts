/**
 * The words random CQL is made of. A small vocabulary is deliberate: random expressions then
 * actually select something from random instances drawn from the same words, so properties
 * see matches and misses alike. Every arbitrary that takes a `vocabulary` falls back to these.
 */
import type { Field } from '../cql/ast.js';

/** Attribute names, including ones that would break a plain-object implementation. */
export const ATTRIBUTE_NAMES: readonly string[] = ['stack', 'team', 'ecs.instance-type', 'ecs.availability-zone', 'ecs.capability.task-eni', '__proto__', 'constructor'];
/** Attribute values, including ones that need quoting when printed. */
export const ATTRIBUTE_VALUES: readonly string[] = ['prod', 'dev', 't2.small', 'g2.2xlarge', 'us-east-1a', 'us-east-1b', 'a b', "it's", 'back\\slash', 'x:y@z'];
export const TASK_GROUPS: readonly string[] = ['service:web', 'service:api', 'database', 'family:batch'];
export const EC2_IDS: readonly string[] = ['i-abcd1234', 'i-wxyx7890', 'i-0123456789abcdef0'];
export const AGENT_VERSIONS: readonly string[] = ['1.14.5', '1.14.4', '1.29.0', '1.2', '2.0.0'];
/** One of each `registeredAt` form the guide lists, some on day boundaries. */
export const DATES: readonly string[] = ['2018-02-13', '2018-06-18T22:28:28Z', '2018-06-18T22:28:28', '2018-06-18T23:28:28+01:00', '2019-01-01'];
/** Patterns valid in Java and RE2, with the same meaning in both. */
export const PATTERNS: readonly string[] = ['prod', 't2.*', 'g2\\..*', 'us-east-1[ab]', '.*', '(dev|prod)', 'service:.*', 'i-[0-9a-f]+', 'true', 'tr.e', '1\\.14\\..*'];

/**
 * What random CQL may mention. Values must be valid for their subject (agent versions dotted
 * integers, dates in a documented form, patterns Java regular expressions RE2 can run);
 * `test/testing/arbitraries-accepted.test.ts` checks the defaults.
 */
export interface CqlVocabulary {
  /** Attribute name → the values compared with it (an empty list: only `exists` and patterns). */
  readonly attributes: ReadonlyMap<string, readonly string[]>;
  readonly taskGroups: readonly string[];
  readonly ec2InstanceIds: readonly string[];
  readonly agentVersions: readonly string[];
  readonly dates: readonly string[];
  /** Regular expressions for `=~` / `!~` on any subject that takes them. */
  readonly patterns: readonly string[];
  /** `runningTasksCount` operands are drawn from 0 to this. */
  readonly maxTaskCount: number;
  /** The subjects leaves are drawn from (default: all seven). */
  readonly fields: readonly Field[];
}

/** Every attribute name with every attribute value. */
export const DEFAULT_CQL_VOCABULARY: CqlVocabulary = Object.freeze<CqlVocabulary>({
  attributes: new Map(ATTRIBUTE_NAMES.map((name) => [name, ATTRIBUTE_VALUES] as const)),
  taskGroups: TASK_GROUPS,
  ec2InstanceIds: EC2_IDS,
  agentVersions: AGENT_VERSIONS,
  dates: DATES,
  patterns: PATTERNS,
  maxTaskCount: 12,
  fields: ['attribute', 'task:group', 'ec2InstanceId', 'agentConnected', 'agentVersion', 'registeredAt', 'runningTasksCount'],
});

/** The defaults, overridden by whatever `partial` gives. */
export function vocabularyOf(partial: Partial<CqlVocabulary> = {}): CqlVocabulary {
  return { ...DEFAULT_CQL_VOCABULARY, ...partial };
}

/**
 * The CQL vocabulary of clusters built from the instance arbitrary: the attributes those
 * instances carry (built-in and custom) with the values they take, and task groups, so that
 * memberOf expressions over it select some instances and not others.
 */
import type { CqlVocabulary } from './vocabulary.js';
import { CUSTOM_ATTRIBUTES, DEFAULT_AGENT_VERSIONS, DEFAULT_AVAILABILITY_ZONES, TASK_ENI_CAPABILITY, type ContainerInstanceOptions } from './container-instance.js';
import { INSTANCE_TYPES } from './instance-types.js';
import { DEFAULT_CQL_VOCABULARY } from './vocabulary.js';

/** Task groups memberOf and spread see in generated clusters (services are `svc-<n>`, families `td-<n>`). */
export const CLUSTER_TASK_GROUPS: readonly string[] = ['service:svc-0', 'service:svc-1', 'family:td-0', 'family:td-1', 'batch'];

/**
 * A CQL vocabulary matching instances drawn with `options`: `ecs.availability-zone`,
 * `ecs.instance-type`, `ecs.os-type`, the task-ENI capability and the custom attributes.
 *
 * @example
 * cqlText({ maxDepth: 2, vocabulary: clusterVocabulary({ availabilityZones: ['eu-west-1a', 'eu-west-1b'] }) });
 */
export function clusterVocabulary(options: ContainerInstanceOptions = {}, taskGroups: readonly string[] = CLUSTER_TASK_GROUPS): CqlVocabulary {
  const types = (options.instanceTypes ?? INSTANCE_TYPES).map((t) => (typeof t === 'string' ? t : t.name));
  const attributes = new Map<string, readonly string[]>([
    ['ecs.availability-zone', options.availabilityZones ?? DEFAULT_AVAILABILITY_ZONES],
    ['ecs.instance-type', types],
    ['ecs.os-type', ['linux']],
    [TASK_ENI_CAPABILITY, ['']],
  ]);
  for (const [name, values] of options.attributes ?? CUSTOM_ATTRIBUTES) {
    attributes.set(name, values.map((v) => v ?? ''));
  }
  return {
    ...DEFAULT_CQL_VOCABULARY,
    attributes,
    taskGroups,
    agentVersions: options.agentVersions ?? DEFAULT_AGENT_VERSIONS,
    dates: ['2019-06-06', '2019-06-06T00:00:30Z', '2019-06-05'],
    patterns: ['.*', 'us-east-1[ab]', 'm5\\..*', 'p[23]\\..*', 'service:.*', '(prod|dev)', 'r[12]'],
    maxTaskCount: 4,
    // ec2InstanceId is left out: generated ids are random, so comparisons with them never hold.
    fields: ['attribute', 'task:group', 'agentConnected', 'agentVersion', 'registeredAt', 'runningTasksCount'],
  };
}

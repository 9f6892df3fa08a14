/**
 * Plain ContainerInstance objects (the DescribeContainerInstances shape) over the CQL
 * vocabulary, with the task groups placed on them: inputs for the reference evaluator and for
 * any CQL implementation compared with it.
 */
import fc from 'fast-check';
import type { ContainerInstance } from '../shapes.js';
import { AGENT_VERSIONS, ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, DATES, EC2_IDS, TASK_GROUPS } from './vocabulary.js';

const value = (values: readonly string[]) => fc.constantFrom(...values);

/**
 * A plain ContainerInstance over the default vocabulary, with the task groups placed on it.
 * Fields are sometimes absent, `agentVersion` sometimes unreadable, `registeredAt` sometimes
 * exactly on a date the vocabulary compares with.
 *
 * @example
 * fc.assert(fc.property(cqlExpression(), instanceWithGroups(), (ast, { instance, taskGroups }) =>
 *   myFilter(print(ast), instance, taskGroups) === evaluate(ast, instance, { taskGroups })));
 */
export function instanceWithGroups(): fc.Arbitrary<{ instance: ContainerInstance; taskGroups: string[] }> {
  const attribute = fc.record({
    name: value(ATTRIBUTE_NAMES),
    value: fc.option(value(ATTRIBUTE_VALUES), { nil: undefined }),
  });
  return fc.record({
    attributes: fc.uniqueArray(attribute, { selector: (a) => a.name, maxLength: 5 }),
    ec2InstanceId: fc.option(value(EC2_IDS), { nil: undefined }),
    agentConnected: fc.option(fc.boolean(), { nil: undefined }),
    agentVersion: fc.option(value([...AGENT_VERSIONS, '1.14', 'bogus']), { nil: undefined }),
    registeredAt: fc.option(fc.integer({ min: Date.UTC(2018, 1, 12), max: Date.UTC(2019, 0, 2) }), { nil: undefined }),
    registeredAtOnBoundary: fc.option(value(DATES), { nil: undefined }),
    runningTasksCount: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    taskGroups: fc.array(value(TASK_GROUPS), { maxLength: 3 }),
  }).map((r) => {
    // Zone-less date-times are UTC in CQL; Date.parse would read them as local time.
    const boundary = r.registeredAtOnBoundary === undefined ? undefined : Date.parse(r.registeredAtOnBoundary.endsWith('Z') || r.registeredAtOnBoundary.includes('+') || r.registeredAtOnBoundary.length === 10 ? r.registeredAtOnBoundary : r.registeredAtOnBoundary + 'Z');
    const at = boundary ?? r.registeredAt;
    const instance: ContainerInstance = {
      attributes: r.attributes.map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })),
      ...(r.ec2InstanceId === undefined ? {} : { ec2InstanceId: r.ec2InstanceId }),
      ...(r.agentConnected === undefined ? {} : { agentConnected: r.agentConnected }),
      ...(r.agentVersion === undefined ? {} : { versionInfo: { agentVersion: r.agentVersion } }),
      ...(at === undefined ? {} : { registeredAt: new Date(at) }),
      ...(r.runningTasksCount === undefined ? {} : { runningTasksCount: r.runningTasksCount }),
    };
    return { instance, taskGroups: r.taskGroups };
  });
}

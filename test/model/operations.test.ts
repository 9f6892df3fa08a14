import { describe, expect, it } from 'vitest';
import { OPERATIONS, TARGET_PREFIX } from '../../src/model/operations.generated.js';
import { SHAPE_TABLES } from '../../src/model/tables.generated.js';
import model from '../../src/model/generator/ecs-model.json' with { type: 'json' };

/** The 44 operations of ECS API 2014-11-13 as of its 2019-06-06 update, listed here independently. */
const API_2019_06_06 = [
  'CreateCluster', 'CreateService', 'CreateTaskSet', 'DeleteAccountSetting', 'DeleteAttributes', 'DeleteCluster',
  'DeleteService', 'DeleteTaskSet', 'DeregisterContainerInstance', 'DeregisterTaskDefinition', 'DescribeClusters',
  'DescribeContainerInstances', 'DescribeServices', 'DescribeTaskDefinition', 'DescribeTaskSets', 'DescribeTasks',
  'DiscoverPollEndpoint', 'ListAccountSettings', 'ListAttributes', 'ListClusters', 'ListContainerInstances',
  'ListServices', 'ListTagsForResource', 'ListTaskDefinitionFamilies', 'ListTaskDefinitions', 'ListTasks',
  'PutAccountSetting', 'PutAccountSettingDefault', 'PutAttributes', 'RegisterContainerInstance',
  'RegisterTaskDefinition', 'RunTask', 'StartTask', 'StopTask', 'SubmitAttachmentStateChanges',
  'SubmitContainerStateChange', 'SubmitTaskStateChange', 'TagResource', 'UntagResource', 'UpdateContainerAgent',
  'UpdateContainerInstancesState', 'UpdateService', 'UpdateServicePrimaryTaskSet', 'UpdateTaskSet',
];

describe('the generated operation table', () => {
  it('has exactly the 44 operations of the 2019-06-06 API', () => {
    expect(API_2019_06_06).toHaveLength(44);
    expect(Object.keys(OPERATIONS).sort()).toEqual([...API_2019_06_06].sort());
  });

  it('names each operation on the wire as JSON 1.1 does, and its shapes are in the tables', () => {
    expect(TARGET_PREFIX).toBe('AmazonEC2ContainerServiceV20141113');
    for (const [name, op] of Object.entries(OPERATIONS)) {
      expect(op.target).toBe(`${TARGET_PREFIX}.${name}`);
      expect(SHAPE_TABLES[op.input].type).toBe('structure');
      expect(SHAPE_TABLES[op.output].type).toBe('structure');
    }
  });

  it('lists each operation\'s documented errors, all of them error shapes of the model', () => {
    const shapes = model.shapes as Record<string, { exception?: boolean; fault?: boolean }>;
    for (const op of Object.values(OPERATIONS)) {
      expect(op.errors.length).toBeGreaterThan(0);
      for (const e of op.errors) expect(shapes[e]?.exception).toBe(true);
    }
    // Lists differ: the attribute operations name neither ServerException nor ClientException,
    // DiscoverPollEndpoint names no InvalidParameterException.
    expect(OPERATIONS.DiscoverPollEndpoint.errors).toEqual(['ServerException', 'ClientException']);
    expect(OPERATIONS.ListAttributes.errors).toEqual(['ClusterNotFoundException', 'InvalidParameterException']);
    expect(OPERATIONS.UpdateContainerAgent.errors).toEqual(expect.arrayContaining(['NoUpdateAvailableException', 'MissingVersionException', 'UpdateInProgressException']));
    expect(OPERATIONS.PutAttributes.errors).toEqual(expect.arrayContaining(['TargetNotFoundException', 'AttributeLimitExceededException']));
  });
});

/**
 * The operations of the simulated API: ECS API version 2014-11-13 as of its 2019-06-06 update
 * (which added SubmitAttachmentStateChanges). Stage 1 keeps these and the shapes they reach;
 * the model's other operations (capacity providers, later additions) are left out.
 */
export const SIMULATED_OPERATIONS: readonly string[] = [
  'CreateCluster', 'CreateService', 'CreateTaskSet', 'DeleteAccountSetting', 'DeleteAttributes',
  'DeleteCluster', 'DeleteService', 'DeleteTaskSet', 'DeregisterContainerInstance',
  'DeregisterTaskDefinition', 'DescribeClusters', 'DescribeContainerInstances', 'DescribeServices',
  'DescribeTaskDefinition', 'DescribeTaskSets', 'DescribeTasks', 'DiscoverPollEndpoint',
  'ListAccountSettings', 'ListAttributes', 'ListClusters', 'ListContainerInstances', 'ListServices',
  'ListTagsForResource', 'ListTaskDefinitionFamilies', 'ListTaskDefinitions', 'ListTasks',
  'PutAccountSetting', 'PutAccountSettingDefault', 'PutAttributes', 'RegisterContainerInstance',
  'RegisterTaskDefinition', 'RunTask', 'StartTask', 'StopTask', 'SubmitAttachmentStateChanges',
  'SubmitContainerStateChange', 'SubmitTaskStateChange', 'TagResource', 'UntagResource',
  'UpdateContainerAgent', 'UpdateContainerInstancesState', 'UpdateService',
  'UpdateServicePrimaryTaskSet', 'UpdateTaskSet',
];

/**
 * Every ECS operation the simulator answers, in one table: the EcsSimulator's methods
 * (`simulator.ts`), the protocol dispatcher's operation map and the README's list of operations
 * (checked by `test/ecs/operations.test.ts`) all come from it. Adding an operation is one module
 * in its domain folder and one line here.
 */
import { deleteAccountSetting } from './account-settings/delete-account-setting.js';
import { listAccountSettings } from './account-settings/list-account-settings.js';
import { putAccountSettingDefault } from './account-settings/put-account-setting-default.js';
import { putAccountSetting } from './account-settings/put-account-setting.js';
import { deleteAttributes } from './attributes/delete-attributes.js';
import { listAttributes } from './attributes/list-attributes.js';
import { putAttributes } from './attributes/put-attributes.js';
import { createCluster } from './clusters/create-cluster.js';
import { deleteCluster } from './clusters/delete-cluster.js';
import { describeClusters } from './clusters/describe-clusters.js';
import { listClusters } from './clusters/list-clusters.js';
import { deregisterContainerInstance } from './container-instances/deregister-container-instance.js';
import { describeContainerInstances } from './container-instances/describe-container-instances.js';
import { discoverPollEndpoint } from './container-instances/discover-poll-endpoint.js';
import { listContainerInstances } from './container-instances/list-container-instances.js';
import { registerContainerInstance } from './container-instances/register-container-instance.js';
import { submitAttachmentStateChanges } from './container-instances/submit-attachment-state-changes.js';
import { updateContainerAgent } from './container-instances/update-container-agent.js';
import { updateContainerInstancesState } from './container-instances/update-container-instances-state.js';
import type { OperationMethods } from './operation.js';
import { createService } from './services/create-service.js';
import { deleteService } from './services/delete-service.js';
import { describeServices } from './services/describe-services.js';
import { listServices } from './services/list-services.js';
import { updateService } from './services/update-service.js';
import { deregisterTaskDefinition } from './task-definitions/deregister-task-definition.js';
import { describeTaskDefinition } from './task-definitions/describe-task-definition.js';
import { listTaskDefinitionFamilies } from './task-definitions/list-task-definition-families.js';
import { listTaskDefinitions } from './task-definitions/list-task-definitions.js';
import { registerTaskDefinition } from './task-definitions/register-task-definition.js';
import { describeTasks } from './tasks/describe-tasks.js';
import { listTasks } from './tasks/list-tasks.js';
import { runTask } from './tasks/run-task.js';
import { startTask } from './tasks/start-task.js';
import { listTagsForResource } from './tags/list-tags-for-resource.js';
import { createTaskSet } from './task-sets/create-task-set.js';
import { deleteTaskSet } from './task-sets/delete-task-set.js';
import { describeTaskSets } from './task-sets/describe-task-sets.js';
import { updateServicePrimaryTaskSet } from './task-sets/update-service-primary-task-set.js';
import { updateTaskSet } from './task-sets/update-task-set.js';
import { tagResource } from './tags/tag-resource.js';
import { untagResource } from './tags/untag-resource.js';
import { stopTask } from './tasks/stop-task.js';
import { submitContainerStateChange } from './tasks/submit-container-state-change.js';
import { submitTaskStateChange } from './tasks/submit-task-state-change.js';

/** The operations, in the order the README lists them. */
export const ECS_OPERATIONS = [
  createCluster,
  listClusters,
  describeClusters,
  deleteCluster,
  registerContainerInstance,
  listContainerInstances,
  describeContainerInstances,
  updateContainerInstancesState,
  deregisterContainerInstance,
  updateContainerAgent,
  submitAttachmentStateChanges,
  discoverPollEndpoint,
  putAttributes,
  deleteAttributes,
  listAttributes,
  putAccountSetting,
  putAccountSettingDefault,
  deleteAccountSetting,
  listAccountSettings,
  registerTaskDefinition,
  describeTaskDefinition,
  deregisterTaskDefinition,
  listTaskDefinitions,
  listTaskDefinitionFamilies,
  runTask,
  startTask,
  stopTask,
  listTasks,
  describeTasks,
  submitTaskStateChange,
  submitContainerStateChange,
  createService,
  updateService,
  deleteService,
  describeServices,
  listServices,
  createTaskSet,
  updateTaskSet,
  deleteTaskSet,
  describeTaskSets,
  updateServicePrimaryTaskSet,
  tagResource,
  untagResource,
  listTagsForResource,
] as const;

/** One of the table's operations. */
export type EcsOperation = (typeof ECS_OPERATIONS)[number];

/** The wire name of an operation the simulator answers (`'DescribeClusters'`, ...). */
export type EcsOperationName = EcsOperation['name'];

/** The EcsSimulator's operation methods: `describeClusters(request, call?)`, one per operation. */
export type EcsOperationMethods = OperationMethods<EcsOperation>;

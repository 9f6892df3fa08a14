/**
 * ECS API shapes, field for field as in the ECS service model (and `@aws-sdk/client-ecs`),
 * declared here so the library's public types do not depend on the SDK at run time.
 * `test/shapes.test.ts` checks they stay assignable to and from the SDK's types.
 */

/** A name/value pair on a container instance (built-in `ecs.*`, agent capability or custom). */
export interface Attribute {
  name: string | undefined;
  value?: string | undefined;
  targetType?: 'container-instance' | string | undefined;
  targetId?: string | undefined;
}

/** One resource of `registeredResources` / `remainingResources`. */
export interface Resource {
  name?: string | undefined;
  type?: string | undefined;
  doubleValue?: number | undefined;
  longValue?: number | undefined;
  integerValue?: number | undefined;
  stringSetValue?: string[] | undefined;
}

export interface VersionInfo {
  agentVersion?: string | undefined;
  agentHash?: string | undefined;
  dockerVersion?: string | undefined;
}

export interface KeyValuePair {
  name?: string | undefined;
  value?: string | undefined;
}

export interface Attachment {
  id?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  details?: KeyValuePair[] | undefined;
}

export interface Tag {
  key?: string | undefined;
  value?: string | undefined;
}

/** A container instance as DescribeContainerInstances returns it. */
export interface ContainerInstance {
  containerInstanceArn?: string | undefined;
  ec2InstanceId?: string | undefined;
  version?: number | undefined;
  versionInfo?: VersionInfo | undefined;
  remainingResources?: Resource[] | undefined;
  registeredResources?: Resource[] | undefined;
  status?: string | undefined;
  statusReason?: string | undefined;
  agentConnected?: boolean | undefined;
  runningTasksCount?: number | undefined;
  pendingTasksCount?: number | undefined;
  agentUpdateStatus?: string | undefined;
  attributes?: Attribute[] | undefined;
  registeredAt?: Date | undefined;
  attachments?: Attachment[] | undefined;
  tags?: Tag[] | undefined;
}

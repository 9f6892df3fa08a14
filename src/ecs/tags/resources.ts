/**
 * What TagResource, UntagResource and ListTagsForResource act on: the resource an ECS ARN names
 * (a cluster, container instance, task definition revision, task, service or task set), found in
 * the state, with its tags and the way to replace them.
 *
 * Which error for which ARN (README fidelity table): text that is not an ECS ARN of a taggable
 * type is an InvalidParameterException; another region's or account's ARN too; a short-format
 * container instance, task or service ARN is ECS's own "Long arn format must be used for tagging
 * operations"; a cluster that does not exist (or is INACTIVE) is a ClusterNotFoundException; any
 * other resource that does not exist is `missing()` (the operation's own error).
 */
import { ClusterNotFoundException, EcsError, InvalidParameterException, quote } from '../../errors.js';
import type { Tag } from '../../shapes.js';
import type { ClusterRecord } from '../clusters/record.js';
import {
  ecsResourceOf, parseClusterArn, parseContainerInstanceArn, parseServiceArn, parseTaskArn, parseTaskDefinitionArn, parseTaskSetArn,
} from '../shared/arns.js';
import type { SimState } from '../state/state.js';

/** A taggable resource: its tags (`aws:` ones included) and how to replace them. */
export interface Taggable {
  readonly tags: readonly Tag[];
  /** Replaces the resource's tags (called only once every check has passed). */
  write(tags: Tag[]): void;
}

const LONG_ARN_REQUIRED = 'Long arn format must be used for tagging operations';

function clusterNamed(state: SimState, name: string): ClusterRecord {
  const cluster = state.clusters.get(name);
  if (cluster === undefined || cluster.status === 'INACTIVE') throw new ClusterNotFoundException();
  return cluster;
}

/**
 * The resource `resourceArn` names.
 * @example taggableResource(state, 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', () => new ResourceNotFoundException()).tags
 */
export function taggableResource(state: SimState, resourceArn: string, missing: () => EcsError): Taggable {
  const owner = ecsResourceOf(resourceArn);
  if (owner === null) throw new InvalidParameterException(`resourceArn: ${quote(resourceArn)} is not an Amazon ECS resource ARN.`);
  if (owner.region !== state.ctx.region || owner.accountId !== state.ctx.accountId) {
    throw new InvalidParameterException(`resourceArn: ${quote(resourceArn)} is not a resource of account ${state.ctx.accountId} in ${state.ctx.region}.`);
  }
  const invalid = () => new InvalidParameterException(`resourceArn: ${quote(resourceArn)} is not a valid ${owner.resourceType} ARN.`);
  switch (owner.resourceType) {
    case 'cluster': {
      const arn = parseClusterArn(resourceArn);
      if (arn === null) throw invalid();
      const cluster = clusterNamed(state, arn.clusterName);
      return { tags: cluster.tags, write: (tags) => void (cluster.tags = tags) };
    }
    case 'container-instance': {
      const arn = parseContainerInstanceArn(resourceArn);
      if (arn === null) throw invalid();
      if (arn.clusterName === null) throw new InvalidParameterException(LONG_ARN_REQUIRED);
      const cluster = clusterNamed(state, arn.clusterName);
      const record = cluster.instances.peek(resourceArn);
      if (record === undefined) throw missing();
      return { tags: record.tags, write: (tags) => void (cluster.instances.get(resourceArn)!.tags = tags) };
    }
    case 'task': {
      const arn = parseTaskArn(resourceArn);
      if (arn === null) throw invalid();
      if (arn.clusterName === null) throw new InvalidParameterException(LONG_ARN_REQUIRED);
      const cluster = clusterNamed(state, arn.clusterName);
      const task = cluster.tasks.peek(resourceArn);
      if (task === undefined) throw missing();
      return { tags: task.tags, write: (tags) => void (cluster.tasks.get(resourceArn)!.tags = tags) };
    }
    case 'service': {
      const arn = parseServiceArn(resourceArn);
      if (arn === null) throw invalid();
      if (arn.clusterName === null) throw new InvalidParameterException(LONG_ARN_REQUIRED);
      const cluster = clusterNamed(state, arn.clusterName);
      const service = cluster.services.peek(arn.serviceName);
      if (service === undefined || service.arn !== resourceArn || service.status === 'INACTIVE') throw missing();
      return { tags: service.tags, write: (tags) => void (cluster.services.get(arn.serviceName)!.tags = tags) };
    }
    case 'task-definition': {
      const arn = parseTaskDefinitionArn(resourceArn);
      if (arn === null || arn.revision === undefined) throw invalid();
      if (state.taskDefinitions.get(resourceArn) === undefined) throw missing();
      return { tags: state.taskDefinitions.tagsOf(resourceArn), write: (tags) => void state.taskDefinitions.setTags(resourceArn, tags) };
    }
    case 'task-set': {
      const arn = parseTaskSetArn(resourceArn);
      if (arn === null) throw invalid();
      const cluster = clusterNamed(state, arn.clusterName);
      const taskSet = cluster.services.peek(arn.serviceName)?.taskSets.find((s) => s.arn === resourceArn);
      if (taskSet === undefined) throw missing();
      return { tags: taskSet.tags, write: (tags) => void (cluster.services.get(arn.serviceName)!.taskSets.find((s) => s.arn === resourceArn)!.tags = tags) };
    }
    default:
      throw new InvalidParameterException(`resourceArn: ${quote(resourceArn)}: ${owner.resourceType} resources cannot be tagged; clusters, container instances, task definitions, tasks, services and task sets can.`);
  }
}

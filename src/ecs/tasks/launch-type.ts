/**
 * The launch type of what RunTask, StartTask, CreateService and CreateTaskSet start (reference
 * §7): EC2 (placed on container instances) or FARGATE (on none). FARGATE needs a task definition
 * that is Fargate compatible (networkMode awsvpc, a 2019 cpu/memory pair: checked when it was
 * registered, `compatibilities`) and a `networkConfiguration.awsvpcConfiguration` with subnets;
 * placement constraints and strategies do not apply to it. The messages are ECS's own where they
 * are widely quoted.
 */
import { EcsError, InvalidParameterException } from '../../errors.js';
import { checkShape, requestError } from '../../model/validate.js';
import type { NetworkConfiguration } from '../../shapes.js';
import { optionalEnum, optionalString, type Input } from '../shared/validate.js';
import type { TaskDefinition } from '../task-definitions/registry.js';

/** Fargate platform versions of June 2019; `LATEST` was 1.3.0. */
const FARGATE_PLATFORM_VERSIONS = ['LATEST', '1.3.0', '1.2.0', '1.1.0', '1.0.0'];

/** What placement constraints or strategies on a FARGATE launch are told. */
export const FARGATE_PLACEMENT = 'Task placement constraints and strategies are not supported for tasks using the Fargate launch type.';

/** The launch type a request chose, with its network configuration. */
export interface LaunchTypeChoice {
  readonly launchType: 'EC2' | 'FARGATE';
  readonly networkConfiguration: NetworkConfiguration | undefined;
}

/**
 * The request's `launchType` (default EC2), `networkConfiguration` and `platformVersion`, checked
 * against the task definition. `placement`: whether the request names constraints or strategies.
 *
 * @example launchTypeOf(input, td, false) // { launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }
 */
export function launchTypeOf(input: Input, td: TaskDefinition, placement: boolean): LaunchTypeChoice {
  const launchType = optionalEnum(input, 'launchType', ['EC2', 'FARGATE'] as const) ?? 'EC2';
  const raw = input['networkConfiguration'];
  let networkConfiguration: NetworkConfiguration | undefined;
  if (raw !== undefined && raw !== null) {
    const issue = checkShape('NetworkConfiguration', raw, { where: 'networkConfiguration' });
    if (issue !== null) throw requestError(issue);
    networkConfiguration = structuredClone(raw as NetworkConfiguration);
    if (td.networkMode !== 'awsvpc') throw new InvalidParameterException('Network Configuration is not valid for the given networkMode of this task definition.');
  }
  const platformVersion = optionalString(input, 'platformVersion');
  if (launchType === 'EC2') {
    if ((td.requiresCompatibilities ?? []).length > 0 && !td.requiresCompatibilities!.includes('EC2')) {
      throw new InvalidParameterException('Task definition does not support launch_type EC2.');
    }
    if (platformVersion !== undefined) throw new InvalidParameterException('The platform version must be null when specifying an EC2 launch type.');
    return { launchType, networkConfiguration };
  }
  if (!(td.compatibilities ?? []).includes('FARGATE')) throw new InvalidParameterException('Task definition does not support launch_type FARGATE.');
  if (networkConfiguration?.awsvpcConfiguration === undefined) throw new InvalidParameterException("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  if (networkConfiguration.awsvpcConfiguration.subnets!.length === 0) throw new InvalidParameterException('networkConfiguration.awsvpcConfiguration.subnets: at least one subnet is required.');
  if (platformVersion !== undefined && !FARGATE_PLATFORM_VERSIONS.includes(platformVersion)) {
    throw new EcsError('PlatformUnknownException', `platformVersion: ${JSON.stringify(platformVersion)} is not a Fargate platform version (June 2019: LATEST, 1.3.0, 1.2.0, 1.1.0, 1.0.0).`);
  }
  if (placement) throw new InvalidParameterException(FARGATE_PLACEMENT);
  return { launchType, networkConfiguration };
}

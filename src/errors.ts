/**
 * Errors thrown at the API edge. Each class's `name` is the error code ECS puts in
 * `__type`, so `err.name === 'InvalidParameterException'` works as it does with the AWS SDK.
 *
 * @example
 * try { sim.listContainerInstances({ filter: 'runningTasksCount > x' }); }
 * catch (e) { if (e instanceof EcsError) console.log(e.name, e.message); }
 */

/** How much of a user value a message echoes (`quote`). */
export const ECHO_LIMIT = 200;
/** The longest message an EcsError carries: a safety net for values echoed without `quote`. */
export const MESSAGE_LIMIT = 1000;

/**
 * A user value as an error message should show it: JSON text (quotes, newlines and control
 * characters escaped), at most `limit` characters of it, and the full length when cut.
 * @example quote('web') // '"web"'
 * @example quote('x'.repeat(900_000)) // '"xxx…xxx"… (900000 characters)', 200 x's
 * @example quote({ ms: 'soon' }) // '{"ms":"soon"}'
 */
export function quote(value: unknown, limit = ECHO_LIMIT): string {
  if (typeof value === 'string') {
    return value.length <= limit ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, limit))}… (${value.length} characters)`;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // cycles, BigInts or nesting too deep to walk: say what it is instead
  }
  if (text === undefined) return Array.isArray(value) ? `an array of ${value.length} element${value.length === 1 ? '' : 's'}` : 'an object';
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}

/**
 * A user string as a message shows it inside the message's own quotes: as it is, or its first
 * `limit` characters and its length. For messages that keep ECS's wording (`got 'x'`); elsewhere
 * use `quote`.
 * @example `got '${cut('web')}'` // "got 'web'"
 * @example cut('x'.repeat(900_000)) // 'xxx…xxx… (900000 characters)', 200 x's
 */
export function cut(value: unknown, limit = ECHO_LIMIT): string {
  const text = String(value);
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}

/** `message`, cut to at most MESSAGE_LIMIT characters, the note that it was cut included. */
function capped(message: string): string {
  if (message.length <= MESSAGE_LIMIT) return message;
  const note = `… (message cut; ${message.length} characters)`;
  return `${message.slice(0, MESSAGE_LIMIT - note.length)}${note}`;
}

/** An error with an ECS error code as its `name`; its message is cut at MESSAGE_LIMIT characters. */
export class EcsError extends Error {
  /** HTTP status ECS answers with for this error (400 for client errors). */
  readonly httpStatus: number;
  /** True for client faults (the caller's input), false for server faults. */
  readonly isClientFault: boolean;
  /** The member the error concerns, when its message is ECS's own words and so names none (`inEcsWords`). */
  member?: string;

  constructor(code: string, message: string, httpStatus = 400) {
    super(capped(String(message)));
    this.name = code;
    this.httpStatus = httpStatus;
    this.isClientFault = httpStatus < 500;
  }
}

/** A parameter is invalid (ECS `InvalidParameterException`, HTTP 400). */
export class InvalidParameterException extends EcsError {
  constructor(message: string) {
    super('InvalidParameterException', message);
  }
}

/** The request is not valid for the resource's current state (ECS `ClientException`). */
export class ClientException extends EcsError {
  constructor(message: string) {
    super('ClientException', message);
  }
}

/** Unexpected fault inside the simulator; never caused by bad input (HTTP 500). */
export class ServerException extends EcsError {
  constructor(message: string) {
    super('ServerException', message, 500);
  }
}

/** The named cluster does not exist (ECS `ClusterNotFoundException`). */
export class ClusterNotFoundException extends EcsError {
  constructor(message = 'Cluster not found.') {
    super('ClusterNotFoundException', message);
  }
}

/** DeleteCluster on a cluster with registered container instances. */
export class ClusterContainsContainerInstancesException extends EcsError {
  constructor(message: string) {
    super('ClusterContainsContainerInstancesException', message);
  }
}

/** DeleteCluster on a cluster with ACTIVE or DRAINING services. */
export class ClusterContainsServicesException extends EcsError {
  constructor(message: string) {
    super('ClusterContainsServicesException', message);
  }
}

/** The attribute target (a container instance) does not exist. */
export class TargetNotFoundException extends EcsError {
  constructor(message: string) {
    super('TargetNotFoundException', message);
  }
}

/** More than 10 custom attributes on one resource. */
export class AttributeLimitExceededException extends EcsError {
  constructor(message: string) {
    super('AttributeLimitExceededException', message);
  }
}

/** UpdateContainerAgent: the agent already runs the latest version (or has no update path). */
export class NoUpdateAvailableException extends EcsError {
  constructor(message: string) {
    super('NoUpdateAvailableException', message);
  }
}

/** UpdateContainerAgent: ECS cannot tell the agent's current version. */
export class MissingVersionException extends EcsError {
  constructor(message: string) {
    super('MissingVersionException', message);
  }
}

/** UpdateContainerAgent: an update is already in progress on the instance. */
export class UpdateInProgressException extends EcsError {
  constructor(message: string) {
    super('UpdateInProgressException', message);
  }
}

/** The caller may not do this. */
export class AccessDeniedException extends EcsError {
  constructor(message: string) {
    super('AccessDeniedException', message);
  }
}

/** The resource an ARN names (TagResource, UntagResource) does not exist. */
export class ResourceNotFoundException extends EcsError {
  constructor(message = 'The specified resource could not be found.') {
    super('ResourceNotFoundException', message);
  }
}

/** The service a task-set operation names does not exist. */
export class ServiceNotFoundException extends EcsError {
  constructor(message = 'Service not found.') {
    super('ServiceNotFoundException', message);
  }
}

/** The service a task-set operation names is not ACTIVE. */
export class ServiceNotActiveException extends EcsError {
  constructor(message = 'Service was not ACTIVE.') {
    super('ServiceNotActiveException', message);
  }
}

/** The task set an operation names does not exist in the service. */
export class TaskSetNotFoundException extends EcsError {
  constructor(message: string) {
    super('TaskSetNotFoundException', message);
  }
}

/** The feature is not available for this resource (e.g. task sets of a service with the ECS deployment controller). */
export class UnsupportedFeatureException extends EcsError {
  constructor(message: string) {
    super('UnsupportedFeatureException', message);
  }
}

/**
 * An error that says ECS's own words verbatim (clients and peers' test suites compare them), with
 * the member it concerns kept apart, on the error.
 * @example throw inEcsWords(new ClientException('TaskDefinition not found.'), 'taskDefinition')
 */
export function inEcsWords<E extends EcsError>(error: E, member: string): E {
  error.member = member;
  return error;
}

/**
 * An error's message with the member it concerns in front, when the error names it apart (errors
 * that say ECS's own words verbatim carry it as `member`): what a loader that wraps it with a
 * path shows.
 * @example messageWithMember(Object.assign(new ClientException('Container.image should not be null or empty.'), { member: 'containerDefinitions[0].image' }))
 * // 'containerDefinitions[0].image: Container.image should not be null or empty.'
 */
export function messageWithMember(e: EcsError): string {
  return e.member !== undefined && e.member !== '' ? `${e.member}: ${e.message}` : e.message;
}

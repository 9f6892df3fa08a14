/**
 * Errors thrown at the API edge. Each class's `name` is the error code ECS puts in
 * `__type`, so `err.name === 'InvalidParameterException'` works as it does with the AWS SDK.
 *
 * @example
 * try { sim.listContainerInstances({ filter: 'runningTasksCount > x' }); }
 * catch (e) { if (e instanceof EcsError) console.log(e.name, e.message); }
 */
export class EcsError extends Error {
  /** HTTP status ECS answers with for this error (400 for client errors). */
  readonly httpStatus: number;
  /** True for client faults (the caller's input), false for server faults. */
  readonly isClientFault: boolean;

  constructor(code: string, message: string, httpStatus = 400) {
    super(message);
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

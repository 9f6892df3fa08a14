/**
 * What happened to tasks and container instances, told to whoever reacts: the service scheduler
 * subscribes (`services/scheduler.ts`), so the task and instance code never calls it. Named as
 * ECS names its own events ("ECS Task State Change", "ECS Container Instance State Change"), each
 * carrying what changed (the task's service, the instance's ARN), so a subscriber can look only
 * at what an event touched.
 *
 * Delivery is synchronous, in emission order; a subscriber only notes or schedules work (on the
 * simulated clock), never changes records while the emitter is in the middle of a change.
 */

/**
 * A task was placed (PENDING), was told to stop (`desiredStatus` STOPPED while it still runs), or
 * became RUNNING or STOPPED.
 */
export interface TaskStateChange {
  readonly kind: 'task-state-change';
  readonly cluster: string;
  readonly taskArn: string;
  readonly lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  readonly desiredStatus: 'RUNNING' | 'STOPPED';
  /** the service that owns the task, if any */
  readonly serviceName: string | undefined;
  /** the instance it ran on; undefined for a FARGATE task */
  readonly containerInstanceArn: string | undefined;
}

/** A container instance was registered or changed status (DRAINING, ACTIVE, DEREGISTERING, INACTIVE, ...). */
export interface ContainerInstanceStateChange {
  readonly kind: 'container-instance-state-change';
  readonly cluster: string;
  readonly containerInstanceArn: string;
  readonly status: string;
  /** the status before; undefined for a new registration */
  readonly previousStatus: string | undefined;
}

export type SimEvent = TaskStateChange | ContainerInstanceStateChange;

/**
 * A minimal synchronous event bus.
 *
 * @example
 * const bus = new EventBus<SimEvent>();
 * const stop = bus.subscribe((e) => { if (e.kind === 'task-state-change') console.log(e.taskArn); });
 * bus.emit({ kind: 'task-state-change', cluster: 'prod', taskArn, lastStatus: 'RUNNING', desiredStatus: 'RUNNING', serviceName: 'web', containerInstanceArn });
 * stop();
 */
export class EventBus<E> {
  private listeners: readonly ((event: E) => void)[] = [];

  /** Calls `listener` with every event emitted from now on; returns the way to stop. */
  subscribe(listener: (event: E) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event: E): void {
    // A listener added or removed during delivery takes effect from the next event.
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * How an ECS operation is declared, once: its wire name, whether it may change the state, and its
 * handler, whose request and response are the SDK's types (`src/shapes.ts`). The table of them
 * (`operations.ts`) is where the EcsSimulator's methods and the protocol dispatcher come from;
 * both reach a handler only through `invokeOperation`, the one place a call enters the state.
 */
import { OPERATIONS as MODEL_OPERATIONS, type OperationName } from '../model/operations.generated.js';
import { validateRequest } from '../model/validate.js';
import { atomically, type CallContext, type SimState } from './state/state.js';

/** One ECS operation. `Operation` alone (the request `never`) is any operation. */
export interface Operation<Name extends string = string, Request = never, Response = unknown> {
  /** The wire name: the `X-Amz-Target` suffix, the SDK command without `Command`. */
  readonly name: Name;
  /** Whether a successful call may change the state (the List / Describe operations do not). */
  readonly mutates: boolean;
  /**
   * Validates the whole request (which may come from the wire, so nothing is assumed about its
   * types) before changing anything, then answers; a rejected call throws an EcsError.
   */
  readonly handler: (state: SimState, request: Request, call: CallContext | undefined) => Response;
}

/**
 * Declares an operation (the module of each operation exports exactly this declaration).
 *
 * @example
 * export const listClusters = operation({ name: 'ListClusters', mutates: false, handler });
 *
 * function handler(state: SimState, request: ListClustersRequest): ListClustersResponse { ... }
 */
export function operation<const Name extends string, Request, Response>(declaration: Operation<Name, Request, Response>): Operation<Name, Request, Response> {
  return Object.freeze({ name: declaration.name, mutates: declaration.mutates, handler: declaration.handler });
}

/**
 * Runs an operation on a state: the one function every simulator method and every dispatched
 * request goes through. The request is checked against the ECS model first (`isModelOperation`).
 * An operation that `mutates` runs as one transaction of the state's
 * journal: it completes, or — whatever it throws, a bug of ours included — leaves the state
 * exactly as it was. (The others only read; a transaction would make them copy what they read.)
 *
 * @example invokeOperation(sim.state, describeClusters, { clusters: ['prod'] })
 */
export function invokeOperation<Request, Response>(state: SimState, op: Operation<string, Request, Response>, request: Request, call?: CallContext): Response {
  if (isModelOperation(op.name)) validateRequest(op.name, request);
  return op.mutates ? atomically(state, () => op.handler(state, request, call)) : op.handler(state, request, call);
}

/**
 * Whether the ECS service model has the operation: then its request is checked against the
 * model first (`validateRequest`: a value of the wrong type is a SerializationException, a broken
 * model constraint an InvalidParameterException, each naming the member), and the handler checks
 * what the model does not state.
 */
function isModelOperation(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(MODEL_OPERATIONS, name);
}

/** The simulator method name of a wire name: `DescribeClusters` → `describeClusters`. */
export function methodName<Name extends string>(name: Name): Uncapitalize<Name> {
  return (name.charAt(0).toLowerCase() + name.slice(1)) as Uncapitalize<Name>;
}

/**
 * The simulator method of an operation: `(request, call?) => response`, the request optional when
 * every member of it is.
 */
export type OperationMethod<O> = O extends Operation<string, infer Request, infer Response>
  ? {} extends Request
    ? (request?: Request, call?: CallContext) => Response
    : (request: Request, call?: CallContext) => Response
  : never;

/** One method per operation of `Ops`, named by `methodName`. */
export type OperationMethods<Ops extends Operation> = {
  [O in Ops as Uncapitalize<O['name']>]: OperationMethod<O>;
};

/**
 * How an ECS operation is declared, once: its wire name, whether it may change the state, and its
 * handler, whose request and response are the SDK's types (`src/shapes.ts`). The table of them
 * (`operations.ts`) is where the EcsSimulator's methods and the protocol dispatcher come from;
 * both reach a handler only through `invokeOperation`, the one place a call enters the state.
 */
import { EcsError } from '../errors.js';
import { OPERATIONS as MODEL_OPERATIONS, type OperationName } from '../model/operations.generated.js';
import { validateRequest } from '../model/validate.js';
import { optionsArgument, stringArgument } from './arguments.js';
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
  /**
   * For an operation of the simulator's own (not in the ECS model) that takes an ECS operation's
   * request — PlaceTasks takes RunTask's — that operation: its request is checked against the
   * model's shape as that operation's would be.
   */
  readonly requestOf?: OperationName;
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
  return Object.freeze({ name: declaration.name, mutates: declaration.mutates, handler: declaration.handler, ...(declaration.requestOf === undefined ? {} : { requestOf: declaration.requestOf }) });
}

/**
 * Runs an operation on a state: the one function every simulator method and every dispatched
 * request goes through. The request is checked against the ECS model first (`isModelOperation`;
 * an operation of the simulator's own against the ECS operation's it takes, `requestOf`),
 * and the handler gets it without the members the model does not know or that are `null` (absent,
 * as the model reads them); an error the model does not list for the operation is answered as
 * one it lists (`declaredError`); the call context is checked like any library argument.
 * An operation that `mutates` runs as one transaction of the state's
 * journal: it completes, or — whatever it throws, a bug of ours included — leaves the state
 * exactly as it was. (The others only read; a transaction would make them copy what they read.)
 *
 * @example invokeOperation(sim.state, describeClusters, { clusters: ['prod'] })
 */
export function invokeOperation<Request, Response>(state: SimState, op: Operation<string, Request, Response>, request: Request, call?: CallContext): Response {
  callContext(methodName(op.name), call);
  const run = (checked: Request) => (op.mutates ? atomically(state, () => op.handler(state, checked, call)) : op.handler(state, checked, call));
  if (!isModelOperation(op.name)) return run(op.requestOf === undefined ? request : (validateRequest(op.requestOf, request) as Request));
  try {
    return run(validateRequest(op.name, request) as Request);
  } catch (e) {
    throw declaredError(op.name, e);
  }
}

/** A call context argument: absent, or an object whose `principalArn`, if any, is a string. */
function callContext(method: string, call: unknown): void {
  if (call === undefined || call === null) return;
  const { principalArn } = optionsArgument(method, call as CallContext, 'call');
  stringArgument(method, 'call.principalArn', principalArn, true);
}

/** Errors the JSON 1.1 front end answers before any operation runs, so no operation declares them. */
export const PROTOCOL_ERRORS: readonly string[] = ['SerializationException'];

/**
 * Errors ECS is known to answer beyond an operation's list in the model: the container agent
 * creates the `default` cluster when RegisterContainerInstance answers ClusterNotFoundException
 * (reference §3.13 [AG]).
 */
const KNOWN_UNDECLARED: Partial<Record<OperationName, readonly string[]>> = { RegisterContainerInstance: ['ClusterNotFoundException'] };

/**
 * The error codes an operation answers: the model's list for it, what ECS is known to answer
 * beyond it, and the protocol's (`PROTOCOL_ERRORS`).
 *
 * @example errorsOf('DiscoverPollEndpoint') // ['ServerException', 'ClientException', 'SerializationException']
 */
export function errorsOf(name: OperationName): readonly string[] {
  return [...MODEL_OPERATIONS[name].errors, ...(KNOWN_UNDECLARED[name] ?? []), ...PROTOCOL_ERRORS];
}

/**
 * A client error as the operation may answer it: one it answers (`errorsOf`) as itself; any
 * other (a shared check's ClusterNotFoundException in SubmitTaskStateChange, a model
 * constraint's InvalidParameterException in DiscoverPollEndpoint) as the operation's documented
 * catch-all, ClientException ("specifying an identifier that isn't valid"), or
 * InvalidParameterException where the model lists no ClientException (the attribute operations).
 * Clients switch on `__type`, so they only ever see a type the operation declares.
 */
function declaredError(name: OperationName, e: unknown): unknown {
  if (!(e instanceof EcsError) || !e.isClientFault) return e;
  const declared = errorsOf(name);
  if (declared.includes(e.name)) return e;
  return new EcsError(declared.includes('ClientException') ? 'ClientException' : 'InvalidParameterException', e.message, e.httpStatus);
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

/**
 * The ECS JSON 1.1 dispatcher shared by the HTTP endpoint and the in-process SDK handler:
 * `X-Amz-Target` + JSON body → an EcsSimulator method → `{ status, body }`. EcsErrors become
 * `{"__type", "message"}` with their status (400 for client errors); anything else thrown is a
 * bug of ours and propagates, for the caller to answer (`thrownResponse`).
 */
import { EcsError, quote } from '../errors.js';
import { invokeOperation, type Operation } from '../ecs/operation.js';
import { ECS_OPERATIONS } from '../ecs/operations.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import { errorResponse, type WireResponse } from './error-response.js';
import { describeJsonFault, parseJsonText } from './json-text.js';
import { toWire } from './wire.js';

export const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

type Method = (sim: EcsSimulator, input: unknown, principalArn: string | undefined) => unknown;

/** Every ECS operation the simulator answers, by wire name (from the table in `ecs/operations.ts`). */
export const OPERATIONS: Readonly<Record<string, Method>> = Object.freeze(
  Object.fromEntries(
    (ECS_OPERATIONS as readonly Operation[]).map((op): [string, Method] => [
      op.name,
      (sim, input, principalArn) => invokeOperation(sim.state, op, input as never, principalArn === undefined ? undefined : { principalArn }),
    ]),
  ),
);

export type { WireResponse } from './error-response.js';

/**
 * A request body as the object an operation takes: JSON nested at most MAX_JSON_DEPTH levels
 * (deeper is no ECS shape, and would overflow the walkers after it); empty means `{}`.
 * @example requestObject('{"cluster": "prod"}') // { cluster: 'prod' }
 */
export function requestObject(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  const parsed = parseJsonText(body);
  if (!parsed.ok) throw new EcsError('SerializationException', `the request body is not readable: ${describeJsonFault(parsed.fault)}`);
  const input = parsed.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EcsError('SerializationException', `the request body must be a JSON object; got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`}`);
  }
  return input as Record<string, unknown>;
}

/**
 * Answers one ECS request. Client errors (EcsErrors) are answered; anything else thrown is a
 * simulator bug and propagates.
 */
export function dispatch(sim: EcsSimulator, target: string | undefined, body: string, principalArn?: string): WireResponse {
  try {
    if (target === undefined || !target.startsWith(TARGET_PREFIX)) {
      throw new EcsError('UnknownOperationException', `X-Amz-Target must be ${TARGET_PREFIX}<Operation>; got ${target === undefined ? 'nothing' : quote(target)}`);
    }
    const operation = target.slice(TARGET_PREFIX.length);
    const method = Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (method === undefined) throw new EcsError('UnknownOperationException', `Unknown operation ${quote(operation)}`);
    const input = requestObject(body);
    return { status: 200, body: JSON.stringify(toWire(method(sim, input, principalArn))) };
  } catch (e) {
    if (e instanceof EcsError) return errorResponse(e);
    throw e;
  }
}

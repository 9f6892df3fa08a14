/**
 * The ECS JSON 1.1 dispatcher shared by the HTTP endpoint and the in-process SDK handler:
 * `X-Amz-Target` + JSON body → an EcsSimulator method → `{ status, body }`. Errors become
 * `{"__type", "message"}` with 400 for client errors; 500 only for a genuine internal fault,
 * which bad input never causes (every input error is an EcsError).
 */
import { EcsError } from '../errors.js';
import { invokeOperation, type Operation } from '../ecs/operation.js';
import { ECS_OPERATIONS } from '../ecs/operations.js';
import type { EcsSimulator } from '../ecs/simulator.js';
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

export interface WireResponse {
  readonly status: number;
  readonly body: string;
}

function errorResponse(status: number, type: string, message: string): WireResponse {
  return { status, body: JSON.stringify({ __type: type, message }) };
}

/** Answers one ECS request. Never throws. */
export function dispatch(sim: EcsSimulator, target: string | undefined, body: string, principalArn?: string): WireResponse {
  if (target === undefined || !target.startsWith(TARGET_PREFIX)) {
    return errorResponse(400, 'UnknownOperationException', `X-Amz-Target must be ${TARGET_PREFIX}<Operation>; got ${target === undefined ? 'nothing' : `'${target}'`}`);
  }
  const operation = target.slice(TARGET_PREFIX.length);
  const method = Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (method === undefined) return errorResponse(400, 'UnknownOperationException', `Unknown operation ${operation}`);
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (e) {
    return errorResponse(400, 'SerializationException', `the request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return errorResponse(400, 'SerializationException', 'the request body must be a JSON object');
  }
  try {
    return { status: 200, body: JSON.stringify(toWire(method(sim, input, principalArn))) };
  } catch (e) {
    if (e instanceof EcsError) return errorResponse(e.httpStatus, e.name, e.message);
    // A bug in the simulator, not the caller's fault: say so, as ECS's ServerException would.
    return errorResponse(500, 'ServerException', `internal error in the simulator: ${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * Errors on the wire, as awsJson 1.1 has them: `{"__type", "message"}` with the error's status.
 * An EcsError is the client's (4xx) or a named server fault; anything else is a bug of ours: the
 * client gets a generic 500 ServerException with the request id, never JavaScript internals, and
 * the detail goes to the log under that id.
 */
import { EcsError } from '../errors.js';

/** A response of the ECS JSON protocol: status and body text. */
export interface WireResponse {
  readonly status: number;
  readonly body: string;
}

/** Where internal errors are written; default stderr. */
export type Log = (line: string) => void;

export const stderrLog: Log = (line) => {
  process.stderr.write(`${line}\n`);
};

/**
 * An error response for an ECS error code (the message is cut as EcsError cuts it).
 * @example errorResponse(new EcsError('UnknownOperationException', 'Unknown operation Nope'))
 */
export function errorResponse(error: EcsError): WireResponse {
  return { status: error.httpStatus, body: JSON.stringify({ __type: error.name, message: error.message }) };
}

/**
 * The response for anything thrown while answering request `requestId`: an EcsError as itself,
 * anything else as a generic ServerException, its detail logged.
 */
export function thrownResponse(thrown: unknown, requestId: string, log: Log = stderrLog): WireResponse {
  if (thrown instanceof EcsError) return errorResponse(thrown);
  log(`ecs-cluster-sim: internal error answering request ${requestId}: ${thrown instanceof Error ? thrown.stack ?? thrown.message : String(thrown)}`);
  return errorResponse(new EcsError('ServerException', `internal error in the simulator (request ${requestId}); the server log has the detail`, 500));
}

/**
 * One ECS JSON request as both shells (HTTP endpoint, in-process SDK handler) hand it over:
 * the SigV4 credential scope picks the region (default: the home simulator's) and the caller,
 * the dispatcher answers, and anything thrown becomes an error response.
 */
import { EcsError, InvalidParameterException, quote } from '../errors.js';
import { optionsArgument } from '../ecs/arguments.js';
import { describeValue } from '../model/validate.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import { dispatch } from './dispatcher.js';
import { stderrLog, thrownResponse, type Log, type WireResponse } from './error-response.js';
import { credentialScope, principalOf } from './identity.js';
import { simulatorIn } from './regions.js';

/** What the shells read from a request. */
export interface EcsRequest {
  readonly target: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
  /** the id the response carries, and internal errors are logged under */
  readonly requestId: string;
}

/** Options the shells share. */
export interface EcsRequestOptions {
  /** Access key ids that act as the account root (besides `root`). */
  readonly rootAccessKeys?: readonly string[];
  /** Where internal errors are logged; default stderr. */
  readonly log?: Log;
}

/**
 * `options` of `sdkHandler` / `listen`, checked: `rootAccessKeys` a list of strings, `log` a function.
 * @example requestOptions('sdkHandler', { rootAccessKeys: ['admin'] })
 */
export function requestOptions<T extends EcsRequestOptions>(method: string, options: T | undefined): Partial<T> {
  const o = optionsArgument(method, options);
  if (o.rootAccessKeys !== undefined && (!Array.isArray(o.rootAccessKeys) || !o.rootAccessKeys.every((k) => typeof k === 'string'))) {
    throw new InvalidParameterException(`${method}: options.rootAccessKeys must be a list of access key ids; got ${describeValue(o.rootAccessKeys)}`);
  }
  if (o.log !== undefined && typeof o.log !== 'function') throw new InvalidParameterException(`${method}: options.log must be a function; got ${describeValue(o.log)}`);
  return o;
}

/** The simulator of a credential scope's region; a name that is not a region is refused as AWS refuses it (403). */
function regionalSimulator(home: EcsSimulator, region: string): EcsSimulator {
  try {
    return simulatorIn(home, region);
  } catch (e) {
    if (!(e instanceof EcsError)) throw e;
    throw new EcsError('InvalidSignatureException', `Credential should be scoped to a valid region, not ${quote(region, 64)} (${e.message})`, 403);
  }
}

/**
 * Answers one ECS request against the home simulator's account, in the region it is signed for.
 * Never throws.
 * @example answerEcsRequest(sim, { target: 'AmazonEC2ContainerServiceV20141113.ListClusters', authorization: undefined, body: '{}', requestId: 'r1' })
 */
export function answerEcsRequest(home: EcsSimulator, request: EcsRequest, options: EcsRequestOptions = {}): WireResponse {
  try {
    const scope = credentialScope(request.authorization);
    const sim = scope?.region === undefined ? home : regionalSimulator(home, scope.region);
    const principal = principalOf(scope, { accountId: sim.state.ctx.accountId, rootAccessKeys: options.rootAccessKeys ?? [] });
    return dispatch(sim, request.target, request.body, principal);
  } catch (e) {
    return thrownResponse(e, request.requestId, options.log ?? stderrLog);
  }
}

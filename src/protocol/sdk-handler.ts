/**
 * An in-process request handler for `@aws-sdk/client-ecs`: the real SDK client (serialisers,
 * paginators, typed exceptions) talks to a simulator with no socket.
 *
 * @example
 * const client = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'root', secretAccessKey: 'x' },
 *   requestHandler: sim.sdkHandler() });
 */
import { Readable } from 'node:stream';
import type { EcsSimulator } from '../ecs/simulator.js';
import { dispatch } from './dispatcher.js';
import { principalFromAuthorization } from './identity.js';
import { RequestIds } from './request-ids.js';

/** The parts of a Smithy HttpRequest the handler reads. */
interface SdkHttpRequest {
  headers: Record<string, string>;
  body?: unknown;
}

export interface SdkHandlerOptions {
  /** Access key ids that act as the account root (besides `root`). */
  readonly rootAccessKeys?: readonly string[];
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  throw new TypeError('the simulator SDK handler takes string or byte request bodies');
}

export function createSdkHandler(sim: EcsSimulator, options: SdkHandlerOptions = {}) {
  const ids = new RequestIds();
  return {
    metadata: { handlerProtocol: 'ecs-cluster-sim/in-process' },
    async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Readable } }> {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
      const principal = principalFromAuthorization(headers['authorization'], { accountId: sim.state.ctx.accountId, rootAccessKeys: options.rootAccessKeys ?? [] });
      const { status, body } = dispatch(sim, headers['x-amz-target'], bodyText(request.body), principal);
      return {
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': ids.next(), 'content-length': String(Buffer.byteLength(body)) },
          body: Readable.from([Buffer.from(body)]),
        },
      };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
    destroy(): void {},
  };
}

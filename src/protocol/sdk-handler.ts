/**
 * An in-process request handler for `@aws-sdk/client-ecs`: the real SDK client (serialisers,
 * paginators, typed exceptions) talks to a simulator with no socket. The region comes from the
 * request's SigV4 credential scope (the client's `region`), as over HTTP.
 *
 * @example
 * const client = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'root', secretAccessKey: 'x' },
 *   requestHandler: sim.sdkHandler() });
 */
import { Readable } from 'node:stream';
import type { EcsSimulator } from '../ecs/simulator.js';
import { answerEcsRequest, type EcsRequestOptions } from './ecs-request.js';
import { RequestIds } from './request-ids.js';

/** The parts of a Smithy HttpRequest the handler reads. */
interface SdkHttpRequest {
  headers: Record<string, string>;
  body?: unknown;
}

export type SdkHandlerOptions = Pick<EcsRequestOptions, 'rootAccessKeys' | 'log'>;

const utf8 = new TextDecoder();

/**
 * The request body as text. The SDK's JSON codec hands over bytes (a Uint8Array subclass that
 * warns when treated as a string, so it is decoded as bytes, never through its string methods).
 */
function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return utf8.decode(body);
  throw new TypeError('the simulator SDK handler takes string or byte request bodies');
}

export function createSdkHandler(sim: EcsSimulator, options: SdkHandlerOptions = {}) {
  const ids = new RequestIds();
  return {
    metadata: { handlerProtocol: 'ecs-cluster-sim/in-process' },
    async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Readable } }> {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
      const requestId = ids.next();
      const { status, body } = answerEcsRequest(sim, { target: headers['x-amz-target'], authorization: headers['authorization'], body: bodyText(request.body), requestId }, options);
      return {
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'content-length': String(Buffer.byteLength(body)) },
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

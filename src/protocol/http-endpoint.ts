/**
 * A local ECS endpoint on `node:http`: `POST /` speaks the ECS JSON 1.1 protocol for every region
 * (the SigV4 credential scope picks it), `/_sim/*` is the control API (control-api.ts) and
 * `POST /moto-api/reset` its reset under moto's name. Signatures are not checked: the access key
 * id names the caller (identity.ts).
 *
 * Bodies: at most `maxBodyBytes` (default 1 MiB), except `/_sim/restore`, which takes any
 * snapshot the server can produce. A larger body is answered 413 RequestEntityTooLargeException
 * as soon as it is seen (from Content-Length, or once that many bytes arrived) and the rest is
 * read and dropped, so a client that sends its whole body before reading (boto3, the aws CLI)
 * gets the 413 rather than a reset connection.
 */
import { constants } from 'node:buffer';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { EcsError, InvalidParameterException, quote } from '../errors.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import { answerControl } from './control-api.js';
import { integerArgument, stringArgument } from '../ecs/arguments.js';
import { answerEcsRequest, requestOptions } from './ecs-request.js';
import { errorResponse, stderrLog, thrownResponse, type Log, type WireResponse } from './error-response.js';
import { advanceRegions, roomToAdvance } from './regions.js';
import { RequestIds } from './request-ids.js';
import { checkTimeScale, WallClockFollower } from './wall-clock.js';

/** The default of `maxBodyBytes`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20;
/** A DNS host name: dot-separated labels of letters, digits and inner hyphens, 253 characters at most. */
const HOST_NAME = /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** What `/_sim/restore` reads at most: the UTF-8 of the longest string V8 holds (a larger snapshot cannot be parsed). */
const RESTORE_MAX_BODY_BYTES = constants.MAX_STRING_LENGTH * 3;

export interface EndpointOptions {
  /** TCP port; default 4599; 0 picks a free one. */
  readonly port?: number;
  /** Address to bind; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Largest request body accepted, in bytes, on every route but `/_sim/restore`; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Access key ids that act as the account root (besides `root`). */
  readonly rootAccessKeys?: readonly string[];
  /** Where internal errors are logged (with their request id); default stderr. */
  readonly log?: Log;
  /**
   * Simulated milliseconds per wall-clock millisecond, applied to every region before each
   * request (`wall-clock.ts`); default 0: the clock moves only with `/_sim/advance`.
   */
  readonly timeScale?: number;
  /** The wall clock in ms (tests pass their own); default `performance.now`. */
  readonly wallClock?: () => number;
}

const JSON_TYPE = 'application/x-amz-json-1.1';

type Route = 'ecs' | 'control' | 'moto-reset';

/** The body as text, or null when it passes `limit` bytes: nothing more is kept, the rest is drained. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks = [];
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(Buffer.concat(chunks).toString('utf8'));
      } catch {
        resolve(null); // longer than a string can be
      }
    });
    req.on('error', reject);
    req.on('close', () => reject(new Error('the client went away before the body ended')));
  });
}

/**
 * A running endpoint. `sim` is the simulator of the default region; other regions' simulators
 * are `sim.inRegion(name)` (regions.ts). Reset and restore change their state in place.
 * @example const endpoint = new SimEndpoint(sim, { port: 0 }); const url = await endpoint.listen(); … await endpoint.close();
 */
export class SimEndpoint {
  private readonly server: Server;
  private readonly ids = new RequestIds();
  private readonly maxBodyBytes: number;
  private readonly log: Log;
  /** null: the clock stands still between `/_sim/advance` calls */
  private readonly follower: WallClockFollower | null;

  private readonly options: EndpointOptions;

  constructor(readonly sim: EcsSimulator, options: EndpointOptions = {}) {
    this.options = options = requestOptions('listen', options);
    if (options.port !== undefined) integerArgument('listen', 'options.port', options.port, 0, 65535);
    // An empty host binds every interface: say so with a name (0.0.0.0, ::) instead.
    if (options.host !== undefined && stringArgument('listen', 'options.host', options.host) === '') throw new InvalidParameterException('listen: options.host is empty, which binds every interface; name the address (0.0.0.0 or :: for all)');
    // An address, or a host name DNS could hold (else the resolver's own error, EINVAL, would come out).
    if (options.host !== undefined && isIP(options.host) === 0 && !HOST_NAME.test(options.host)) throw new InvalidParameterException(`listen: options.host must be an IP address or a host name; got ${quote(options.host)}`);
    const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (!Number.isSafeInteger(max) || max < 0) throw new InvalidParameterException(`maxBodyBytes must be a whole number of bytes; got ${quote(max)}`);
    this.maxBodyBytes = max;
    const scale = checkTimeScale(options.timeScale ?? 0, 'timeScale');
    this.follower = scale === 0 ? null : new WallClockFollower(scale, options.wallClock);
    this.log = options.log ?? stderrLog;
    this.server = createServer((req, res) => this.handle(req, res));
    // `Expect: 100-continue` (curl sends it for large bodies): refuse an oversized body before it is sent.
    this.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (Number(req.headers['content-length']) > this.limitOf(req)) {
        res.shouldKeepAlive = false;
        this.send(res, this.ids.next(), this.tooLarge(req));
        return;
      }
      res.writeContinue();
      this.handle(req, res);
    });
  }

  /** Starts listening; resolves to the endpoint URL. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 4599, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        const { address, port } = this.server.address() as AddressInfo;
        resolve(`http://${address.includes(':') ? `[${address}]` : address}:${port}`);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((e) => (e ? reject(e) : resolve()));
      this.server.closeIdleConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const requestId = this.ids.next();
    this.answer(req, requestId).then(
      (answer) => this.send(res, requestId, answer),
      (e: unknown) => {
        if (!res.headersSent && !req.socket.destroyed) this.send(res, requestId, thrownResponse(e, requestId, this.log));
      },
    );
  }

  private send(res: ServerResponse, requestId: string, answer: WireResponse): void {
    res.writeHead(answer.status, { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  private pathOf(req: IncomingMessage): string {
    // The request target is a path (`/_sim/x?y`), or an absolute URL through a proxy.
    try {
      return new URL(req.url ?? '/', 'http://endpoint').pathname;
    } catch {
      return '';
    }
  }

  private routeOf(req: IncomingMessage): Route | null {
    const path = this.pathOf(req);
    if (path === '/' && req.method === 'POST') return 'ecs';
    if (path.startsWith('/_sim/')) return 'control';
    if (path === '/moto-api/reset' && req.method === 'POST') return 'moto-reset';
    return null;
  }

  private limitOf(req: IncomingMessage): number {
    return req.method === 'POST' && this.pathOf(req) === '/_sim/restore' ? RESTORE_MAX_BODY_BYTES : this.maxBodyBytes;
  }

  private tooLarge(req: IncomingMessage): WireResponse {
    const limit = this.limitOf(req);
    const hint = limit === this.maxBodyBytes ? ' (serve --max-body, or the endpoint option maxBodyBytes, raises it)' : '';
    return errorResponse(new EcsError('RequestEntityTooLargeException', `the request body is larger than ${limit} bytes${hint}`, 413));
  }

  private async answer(req: IncomingMessage, requestId: string): Promise<WireResponse> {
    const route = this.routeOf(req);
    if (route === null) {
      req.resume();
      const path = this.pathOf(req);
      const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
      // What AWS's front end answers a request it cannot route to an operation.
      return errorResponse(new EcsError('UnknownOperationException', `no operation at ${req.method} ${shown}: ECS requests are POST / with X-Amz-Target; the control API is under /_sim/`, 404));
    }
    const body = await readBody(req, this.limitOf(req));
    if (body === null) return this.tooLarge(req);
    try {
      if (this.follower !== null) {
        const ms = Math.min(this.follower.take(), roomToAdvance(this.sim));
        if (ms > 0) advanceRegions(this.sim, ms);
      }
      if (route === 'ecs') {
        const target = req.headers['x-amz-target'];
        return answerEcsRequest(this.sim, {
          target: Array.isArray(target) ? target[0] : target,
          authorization: req.headers.authorization,
          body,
          requestId,
        }, { rootAccessKeys: this.options.rootAccessKeys ?? [], log: this.log });
      }
      if (route === 'moto-reset') {
        answerControl(this.sim, { method: 'POST', name: 'reset', query: new URLSearchParams(), body: '' });
        return { status: 200, body: '{"status": "ok"}' };
      }
      const url = new URL(req.url ?? '/', 'http://endpoint');
      return { status: 200, body: answerControl(this.sim, { method: req.method ?? 'GET', name: url.pathname.slice('/_sim/'.length), query: url.searchParams, body }) };
    } catch (e) {
      return thrownResponse(e, requestId, this.log);
    }
  }
}

/**
 * A local ECS endpoint on `node:http`: `POST /` with the ECS JSON 1.1 protocol, plus a small
 * control API for harnesses in other languages (as moto and LocalStack have):
 *   POST /_sim/advance {"ms": N}          move the simulated clock
 *   POST /_sim/reset                       back to an empty simulator
 *   GET  /_sim/snapshot                    the whole state as JSON
 *   POST /_sim/restore <snapshot>          replace the state
 *   POST /_sim/agent-connection {"cluster", "containerInstance", "connected"}
 * Signatures are not checked: the access key id names the caller (see identity.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EcsError, InvalidParameterException } from '../errors.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import { dispatch } from './dispatcher.js';
import { principalFromAuthorization } from './identity.js';
import { RequestIds } from './request-ids.js';

export interface EndpointOptions {
  /** TCP port; default 4599; 0 picks a free one. */
  readonly port?: number;
  /** Address to bind; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Largest request body accepted, in bytes; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Access key ids that act as the account root (besides `root`). */
  readonly rootAccessKeys?: readonly string[];
}

const JSON_TYPE = 'application/x-amz-json-1.1';

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A running endpoint; `sim` is the simulator it currently serves (reset/restore replace it). */
export class SimEndpoint {
  private readonly server: Server;
  private readonly ids = new RequestIds();

  constructor(public sim: EcsSimulator, private readonly options: EndpointOptions = {}) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => this.send(res, 500, { __type: 'ServerException', message: `internal error in the simulator: ${(e as Error)?.message}` }));
    });
  }

  /** Starts listening; resolves to the endpoint URL. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 4599, this.options.host ?? '127.0.0.1', () => {
        const { address, port } = this.server.address() as AddressInfo;
        resolve(`http://${address.includes(':') ? `[${address}]` : address}:${port}`);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private send(res: ServerResponse, status: number, body: unknown, raw?: string): void {
    const text = raw ?? JSON.stringify(body);
    res.writeHead(status, { 'content-type': JSON_TYPE, 'x-amzn-requestid': this.ids.next(), 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: string;
    try {
      body = await readBody(req, this.options.maxBodyBytes ?? 1 << 20);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        this.send(res, 413, { __type: 'SerializationException', message: `the request body exceeds ${this.options.maxBodyBytes ?? 1 << 20} bytes` });
        return;
      }
      throw e;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/' && req.method === 'POST') {
      const principal = principalFromAuthorization(req.headers.authorization, { accountId: this.sim.state.ctx.accountId, rootAccessKeys: this.options.rootAccessKeys ?? [] });
      const target = req.headers['x-amz-target'];
      const answer = dispatch(this.sim, Array.isArray(target) ? target[0] : target, body, principal);
      this.send(res, answer.status, null, answer.body);
      return;
    }
    if (path.startsWith('/_sim/')) {
      try {
        this.send(res, 200, this.control(req.method ?? 'GET', path.slice('/_sim/'.length), body));
      } catch (e) {
        if (e instanceof EcsError) this.send(res, e.httpStatus, { __type: e.name, message: e.message });
        else if (e instanceof SyntaxError) this.send(res, 400, { __type: 'SerializationException', message: `the request body is not valid JSON: ${e.message}` });
        else throw e;
      }
      return;
    }
    this.send(res, 404, { __type: 'UnknownOperationException', message: `no route ${req.method} ${path}; ECS requests are POST /` });
  }

  /** The control API; each call has a library equivalent on EcsSimulator. */
  private control(method: string, name: string, body: string): unknown {
    const json = () => (body.trim() === '' ? {} : (JSON.parse(body) as Record<string, unknown>));
    const Sim = this.sim.constructor as typeof import('../ecs/simulator.js').EcsSimulator;
    switch (`${method} ${name}`) {
      case 'POST advance': {
        const ms = json()['ms'];
        if (typeof ms !== 'number') throw new InvalidParameterException('advance: ms must be a number of milliseconds');
        this.sim.advance(ms);
        return { now: this.sim.now / 1000 };
      }
      case 'POST reset':
        this.sim.reset();
        return {};
      case 'GET snapshot':
        return this.sim.snapshot();
      case 'POST restore':
        this.sim = Sim.restore(body);
        return {};
      case 'POST agent-connection': {
        const { cluster, containerInstance, connected } = json();
        if (typeof cluster !== 'string' || typeof containerInstance !== 'string' || typeof connected !== 'boolean') {
          throw new InvalidParameterException('agent-connection takes {"cluster": string, "containerInstance": string, "connected": boolean}');
        }
        return { containerInstance: this.sim.setAgentConnection(cluster, containerInstance, connected) };
      }
      default:
        throw new EcsError('UnknownOperationException', `no control operation ${method} /_sim/${name}`);
    }
  }
}

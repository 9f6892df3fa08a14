/**
 * The endpoint's control API (`/_sim/*`), for harnesses in other languages, as moto and
 * LocalStack have one. Each operation has a library equivalent; each checks everything it takes
 * (members, types, ranges) and names the member it refuses.
 *
 *   POST /_sim/advance {"ms": N}            every region's clock moves N ms (0 ≤ N ≤ ten years)
 *   POST /_sim/reset                         every region back to empty, the clock at its start
 *   GET  /_sim/snapshot[?region=R]           one region's state as JSON (default: the default region)
 *   POST /_sim/restore[?region=R] <snapshot> replaces the state of the region the snapshot names
 *   POST /_sim/agent-connection[?region=R] {"cluster", "containerInstance", "connected"}
 *   POST /moto-api/reset                     as /_sim/reset, answered as moto answers it
 */
import { EcsError, InvalidParameterException, quote, ServerException } from '../errors.js';
import { MAX_ADVANCE_MS } from '../ecs/arguments.js';
import type { EcsSimulator } from '../ecs/simulator.js';
import { requestObject } from './dispatcher.js';
import { toWire } from './wire.js';
import { advanceRegions, resetRegions, restoreRegion, roomToAdvance, simulatorIn } from './regions.js';

export { MAX_ADVANCE_MS } from '../ecs/arguments.js';

/** One control request: `name` is the path after `/_sim/`. */
export interface ControlRequest {
  readonly method: string;
  readonly name: string;
  readonly query: URLSearchParams;
  readonly body: string;
}

type Json = Record<string, unknown>;

/** `input`, refusing members other than `allowed` (a typo should not pass silently). */
function onlyMembers(operation: string, input: Json, allowed: readonly string[]): Json {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      throw new InvalidParameterException(`${operation}: unknown member ${quote(key)}; it takes ${allowed.length === 0 ? 'no members' : allowed.join(', ')}`);
    }
  }
  return input;
}

function member<T>(operation: string, input: Json, name: string, type: 'string' | 'boolean'): T {
  const value = input[name];
  if (typeof value !== type) {
    throw new InvalidParameterException(`${operation}: ${name} must be a ${type}; got ${value === undefined ? 'nothing' : quote(value)}`);
  }
  return value as T;
}

/** The query parameters an operation takes: `region` where it picks one region, nothing else. */
function queryRegion(operation: string, query: URLSearchParams, takesRegion: boolean): string | undefined {
  for (const key of new Set(query.keys())) {
    if (key !== 'region' || !takesRegion) {
      throw new InvalidParameterException(`${operation}: unknown query parameter ${quote(key)}${takesRegion ? '; it takes region' : key === 'region' ? ' (it covers every region)' : ''}`);
    }
  }
  const all = query.getAll('region');
  if (all.length > 1) throw new InvalidParameterException(`${operation}: region given ${all.length} times`);
  return all[0];
}

/** The simulator of the `?region=` a request names (a region is made on first use), else the default region's. */
function regionOf(home: EcsSimulator, region: string | undefined): EcsSimulator {
  return region === undefined ? home : simulatorIn(home, region);
}

function advance(home: EcsSimulator, input: Json): unknown {
  const ms = onlyMembers('advance', input, ['ms'])['ms'];
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
    throw new InvalidParameterException(`advance: ms must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS} (ten years); got ${ms === undefined ? 'nothing' : quote(ms)}`);
  }
  if (ms > roomToAdvance(home)) throw new InvalidParameterException(`advance: ms ${ms} would take the clock past the last time a date can hold (+275760-09-13)`);
  advanceRegions(home, ms);
  return { now: home.now / 1000 };
}

function snapshotText(sim: EcsSimulator): string {
  try {
    return JSON.stringify(sim.snapshot());
  } catch (e) {
    if (e instanceof RangeError) throw new ServerException('snapshot: the state is larger than one JSON text can hold (about 512 MiB in V8)');
    throw e;
  }
}

function restore(home: EcsSimulator, region: string | undefined, body: string): void {
  const snapshot = requestObject(body);
  const Sim = home.constructor as typeof EcsSimulator;
  const restored = Sim.restore(snapshot as unknown as Parameters<typeof Sim.restore>[0]);
  const named = restored.state.options.region;
  if (region !== undefined && region !== named) throw new InvalidParameterException(`restore: the snapshot is of region ${named}, not ${quote(region, 64)}`);
  restoreRegion(home, restored);
}

function agentConnection(home: EcsSimulator, region: string | undefined, input: Json): unknown {
  const op = 'agent-connection';
  onlyMembers(op, input, ['cluster', 'containerInstance', 'connected']);
  const cluster = member<string>(op, input, 'cluster', 'string');
  const containerInstance = member<string>(op, input, 'containerInstance', 'string');
  const connected = member<boolean>(op, input, 'connected', 'boolean');
  return { containerInstance: regionOf(home, region).setAgentConnection(cluster, containerInstance, connected) };
}

/** A URL path for a message: percent-encoded already, only cut. */
const shortPath = (path: string) => (path.length > 80 ? `${path.slice(0, 80)}…` : path);

/**
 * Answers one control request with the response body (JSON text); throws an EcsError for
 * anything the client got wrong.
 * @example answerControl(sim, { method: 'POST', name: 'advance', query: new URLSearchParams(), body: '{"ms": 1000}' })
 */
export function answerControl(home: EcsSimulator, request: ControlRequest): string {
  const { method, name, query, body } = request;
  switch (`${method} ${name}`) {
    case 'POST advance':
      queryRegion('advance', query, false);
      return JSON.stringify(advance(home, requestObject(body)));
    case 'POST reset':
      queryRegion('reset', query, false);
      onlyMembers('reset', requestObject(body), []);
      resetRegions(home);
      return '{}';
    case 'GET snapshot':
      return snapshotText(regionOf(home, queryRegion('snapshot', query, true)));
    case 'POST restore':
      restore(home, queryRegion('restore', query, true), body);
      return '{}';
    case 'POST agent-connection':
      return JSON.stringify(toWire(agentConnection(home, queryRegion('agent-connection', query, true), requestObject(body))));
    default:
      throw new EcsError('UnknownOperationException', `no control operation ${method} ${shortPath(`/_sim/${name}`)}; the control API has POST advance, POST reset, GET snapshot, POST restore, POST agent-connection`, 404);
  }
}

// Every method of EcsSimulator, operations included, refuses arguments of the wrong type and
// values JSON cannot carry (NaN, BigInt, functions, symbols, cycles, Dates, Maps, deep nesting)
// with an EcsError naming the argument (or the option), never a TypeError, RangeError or
// DataCloneError, and a refused call changes nothing. The method list is read from the class
// (prototype and statics), so a method added later without an entry in CALLS fails here.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EcsError } from '../../src/errors.js';
import { methodName } from '../../src/ecs/operation.js';
import { ECS_OPERATIONS } from '../../src/ecs/operations.js';
import { EcsSimulator } from '../../src/index.js';
import type { OperationName } from '../../src/model/operations.generated.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';
import { prepare } from './fuzz/prepared.js';

const prepared = prepare();
const snapshotText = JSON.stringify(prepared.sim.snapshot());
const [i0] = prepared.byMember['containerInstances']!;
const ROOT = { principalArn: prepared.sim.rootArn };
const describeOutput = { containerInstances: prepared.sim.describeContainerInstances({ cluster: 'c', containerInstances: [i0!] }).containerInstances };

/** A valid call of each method: its parameters' names and arguments that work on the prepared state. */
interface Call {
  params: readonly string[];
  args: () => unknown[];
  /** static: called on the class */
  static?: true;
}

const filterCall = (params: readonly string[]): Call => ({ params, args: () => ['attribute:stack == prod', { cluster: 'c', settleMs: 1_000 }] });
const CALLS: Record<string, Call> = {
  reset: { params: [], args: () => [] },
  // (members beyond the required ones, so that each is mutated too)
  placeTasks: { params: ['request', 'call'], args: () => [{ cluster: 'c', taskDefinition: 'web', count: 2, group: 'g', overrides: { containerOverrides: [] }, placementStrategy: [{ type: 'binpack', field: 'memory' }], placementConstraints: [] }, ROOT] },
  advance: { params: ['ms'], args: () => [1_000] },
  injectFault: { params: ['kind', 'count'], args: () => ['trunk-failure', 1] },
  setAgentConnection: { params: ['cluster', 'containerInstance', 'connected'], args: () => ['c', i0, true] },
  query: { params: ['filter', 'options'], args: () => ['attribute:stack == prod', { cluster: 'c', status: ['ACTIVE'] }] },
  explain: { params: ['filter', 'options'], args: () => ['attribute:stack == prod', { cluster: 'c', status: 'ACTIVE' }] },
  fork: { params: [], args: () => [] },
  drainWhatIf: filterCall(['filter', 'options']),
  failWhatIf: filterCall(['filter', 'options']),
  drainInstancesWhatIf: { params: ['containerInstances', 'options'], args: () => [[i0], { cluster: 'c', settleMs: 1_000 }] },
  failInstancesWhatIf: { params: ['containerInstances', 'options'], args: () => [[i0], { cluster: 'c', settleMs: 1_000 }] },
  headroom: { params: ['request', 'options'], args: () => [{ taskDefinition: 'web', count: 5, overrides: { containerOverrides: [] }, placementStrategy: [{ type: 'spread', field: 'instanceId' }] }, { cluster: 'c', settleMs: 1_000, losing: 'attribute:ecs.availability-zone' }] },
  whatIfSweep: { params: ['scenarios', 'options'], args: () => [{ each: 'attribute:ecs.availability-zone', what: 'drain' }, { cluster: 'c', settleMs: 1_000, workers: 1, shard: { index: 0, count: 1 } }] },
  snapshot: { params: [], args: () => [] },
  sdkHandler: { params: ['options'], args: () => [{ rootAccessKeys: ['admin'] }] },
  listen: { params: ['options'], args: () => [{ port: 0, host: '127.0.0.1', maxBodyBytes: 1024, rootAccessKeys: ['admin'] }] },
  inRegion: { params: ['region'], args: () => ['us-east-2'] },
  restore: { params: ['snapshot'], args: () => [snapshotText], static: true },
  fromDescribeOutput: { params: ['json', 'options'], args: () => [describeOutput, { cluster: 'x', seed: 3 }], static: true },
  // every operation: its request is the model's business (fuzz.test.ts); here, the call context
  ...Object.fromEntries(ECS_OPERATIONS.map((op) => [methodName(op.name), { params: ['request', 'call'], args: () => [prepared.examples[op.name as OperationName][0], ROOT] }])),
};

/** The class's methods: what a caller can call. */
function methodsOf(cls: typeof EcsSimulator): string[] {
  const names = new Set<string>();
  for (let proto = cls.prototype as object; proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (name !== 'constructor' && typeof d.value === 'function') names.add(name);
  }
  for (let c = cls as object; c !== Function.prototype; c = Object.getPrototypeOf(c) as object) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(c))) if (typeof d.value === 'function') names.add(name);
  }
  return [...names].sort();
}

const cyclic: Record<string, unknown> = { a: 1 };
cyclic['self'] = cyclic;
let deep: unknown = 'x';
for (let i = 0; i < 20_000; i++) deep = [deep];

/** Values of every kind, JSON's and not. */
const HOSTILE: readonly unknown[] = [
  undefined, null, 7, -1, 0.5, NaN, Infinity, -Infinity, 1e300, 2 ** 53, 10n, Symbol('s'), () => 1, true, false,
  '', 'x', 'x'.repeat(100_000), [], [7], [null], {}, { a: 1 }, new Date(Number.NaN), new Map([['a', 1]]), cyclic, deep,
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'), Object.create(null),
];

/** Whether `value` is of another kind than the valid `base` (so the message must name where it went). */
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const wrongKind = (value: unknown, base: unknown) => kind(value) !== kind(base) || (typeof base === 'number' && !Number.isFinite(value as number));

const endpoints: SimEndpoint[] = [];
afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
});

/** Calls `name` with `args` on a simulator in the prepared state; what went wrong, or null. */
async function attempt(name: string, args: unknown[], mustName: readonly string[] | null): Promise<string | null> {
  const sim = EcsSimulator.restore(snapshotText);
  const before = JSON.stringify(sim.snapshot());
  const call = CALLS[name]!;
  const target = (call.static ? EcsSimulator : sim) as unknown as Record<string, (...a: unknown[]) => unknown>;
  try {
    let out = target[name]!.apply(target, args);
    if (out instanceof Promise) out = await out;
    if (name === 'listen') endpoints.push((out as { endpoint: SimEndpoint }).endpoint);
    return null;
  } catch (e) {
    if (!(e instanceof EcsError)) return `threw ${(e as Error)?.name ?? typeof e}: ${String((e as Error)?.message ?? e).slice(0, 200)}`;
    if (!e.isClientFault) return `a ${e.httpStatus} ${e.name}: ${e.message.slice(0, 200)}`;
    if (JSON.stringify(sim.snapshot()) !== before) return `refused (${e.name}) but changed the state`;
    if (mustName !== null && !mustName.some((n) => e.message.includes(n))) return `${e.name} does not name ${mustName.join(' or ')}: ${e.message.slice(0, 200)}`;
    return null;
  }
}

/** One wrong argument: a whole argument replaced, or one member of an options argument. */
const mutation = fc.record({ method: fc.constantFrom(...Object.keys(CALLS)), position: fc.nat(), member: fc.nat(), whole: fc.boolean(), value: fc.constantFrom(...HOSTILE) });

describe('library arguments', () => {
  it('every method of the class has a call here', () => {
    expect(methodsOf(EcsSimulator).filter((m) => !(m in CALLS))).toEqual([]);
  });

  it('each valid call works', async () => {
    for (const name of Object.keys(CALLS)) expect(await attempt(name, CALLS[name]!.args(), null), name).toBeNull();
  });

  it('a wrong argument or option is an EcsError naming it, and changes nothing', async () => {
    const faults = new Set<string>();
    await fc.assert(fc.asyncProperty(mutation, async ({ method, position, member, whole, value }) => {
      const call = CALLS[method]!;
      if (call.params.length === 0) return;
      const args = call.args();
      const i = position % call.params.length;
      const base = args[i];
      const options = typeof base === 'object' && base !== null && !Array.isArray(base) ? Object.keys(base) : [];
      let mustName: readonly string[] | null;
      if (whole || options.length === 0) {
        args[i] = value;
        mustName = wrongKind(value, base) && value !== undefined && value !== null ? [call.params[i]!] : null;
      } else {
        const key = options[member % options.length]!;
        args[i] = { ...(base as object), [key]: value };
        const inner = (base as Record<string, unknown>)[key];
        mustName = wrongKind(value, inner) && value !== undefined && value !== null ? [key, call.params[i]!] : null;
      }
      // (listen without a port would bind the default one, 4599, on a shared machine)
      if (method === 'listen' && (args[0] === undefined || args[0] === null || (args[0] as { port?: unknown }).port === undefined)) return;
      const fault = await attempt(method, args, mustName);
      if (fault !== null) faults.add(`${method}(${call.params[i]}${whole || options.length === 0 ? '' : '.…'} = ${kind(value)}): ${fault}`);
    }), { seed: 12, numRuns: Number(process.env['ARGUMENT_RUNS'] ?? 1000) });
    expect([...faults].sort()).toEqual([]);
  }, 120_000);

  it('listen takes an IP address or a host name DNS could hold as its host, and refuses anything else before binding', async () => {
    const sim = new EcsSimulator();
    for (const host of ['x'.repeat(254), 'a b', '-bad', 'under_score.example']) {
      await expect(sim.listen({ port: 0, host })).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('options.host must be an IP address or a host name') });
    }
    for (const host of ['127.0.0.1', 'localhost']) {
      const { endpoint } = await sim.listen({ port: 0, host });
      endpoints.push(endpoint);
    }
  });
});

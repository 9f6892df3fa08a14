// Spec-driven fuzzing: every operation of the model gets requests generated from its input shape
// (fuzz/requests.ts), seeded, against a state with clusters, instances, tasks, services and task
// sets (fuzz/prepared.ts), in process (the library method, given the object) and over HTTP (raw
// JSON bodies to `serve`, so types the SDK would refuse reach the simulator). Each call must:
// - answer 200, or an ECS error (4xx) whose `__type` the model documents for the operation, or one
//   the JSON 1.1 protocol sends before any operation runs (PROTOCOL_ERRORS); never a 5xx, never a
//   JavaScript error;
// - when rejected, leave the snapshot byte-identical; when accepted, keep every invariant;
// - carry a message no longer than MESSAGE_LIMIT, and never one cut by the safety net (values are
//   echoed through quote()).
// Every CHUNK calls the state goes back to the prepared one, after checking that the state the
// calls left restores from its snapshot. Failures are collected by class and reported together.
//
// Small in CI (FUZZ_CALLS defaults to 20 calls per operation and transport); `FUZZ_CALLS=100000
// npx vitest run test/protocol/fuzz.test.ts` makes at least 100,000 calls; FUZZ_SEED picks the seed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsError, MESSAGE_LIMIT } from '../../src/errors.js';
import { errorsOf, methodName, type Operation } from '../../src/ecs/operation.js';
import { ECS_OPERATIONS } from '../../src/ecs/operations.js';
import { EcsSimulator } from '../../src/index.js';
import { OPERATIONS, type OperationName } from '../../src/model/operations.generated.js';
import type { SimEndpoint } from '../../src/protocol/http-endpoint.js';
import { checkInvariants } from '../../src/testing/invariants.js';
import { prepare } from './fuzz/prepared.js';
import { RequestGenerator } from './fuzz/requests.js';

/**
 * Over HTTP, a body over the endpoint's limit is refused before any operation runs (413). The
 * errors an operation may answer (`errorsOf`) are the model's list for it, the one ECS is known
 * to answer beyond it, and SerializationException. The model has no list of common errors
 * (botocore's service-2.json carries none; the API reference's "Common Errors" page lists
 * signature, throttling and availability errors the simulator never sends to a caller signed as
 * root, or not at all).
 */
const HTTP_ERRORS = ['RequestEntityTooLargeException'];

const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];
const TRANSPORTS = 2;
const TOTAL = Number(process.env['FUZZ_CALLS'] ?? OPERATION_NAMES.length * TRANSPORTS * 20);
const PER_OPERATION = Math.max(1, Math.ceil(TOTAL / OPERATION_NAMES.length / TRANSPORTS));
const SEED = Number(process.env['FUZZ_SEED'] ?? 12);
/** Calls between returns to the prepared state. */
const CHUNK = 25;
const MUTATES = new Map((ECS_OPERATIONS as readonly Operation[]).map((op) => [op.name, op.mutates]));

interface Answer {
  status: number;
  type?: string;
  message?: string;
  /** what went wrong that is not an ECS answer at all */
  broken?: string;
}

/** One transport: a call, the state as snapshot text, and a return to the prepared state. */
interface Target {
  call(operation: OperationName, request: unknown): Promise<Answer>;
  snapshot(): Promise<string>;
  reset(): Promise<void>;
  sim(): EcsSimulator;
}

interface Failure {
  transport: string;
  operation: string;
  what: string;
  request: string;
}

const failures: Failure[] = [];
let calls = 0;
/** Answers by operation and `__type` ('200' for accepted calls): the fuzz must reach each operation's handler. */
const answers = new Map<string, Map<string, number>>();
const tally = (operation: string, type: string) => {
  const byType = answers.get(operation) ?? new Map<string, number>();
  byType.set(type, (byType.get(type) ?? 0) + 1);
  answers.set(operation, byType);
};

const seedOf = (operation: string, chunk: number) => {
  let h = SEED;
  for (const c of operation) h = (h * 31 + c.charCodeAt(0)) | 0;
  return (h + chunk * 7919) | 0;
};

/** A request as a failure report shows it: JSON, long strings shortened. */
function shown(request: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(request, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v)) ?? String(request);
  } catch {
    text = typeof request === 'object' && request !== null ? `{${Object.keys(request).join(', ')}} (too deep to print)` : String(request);
  }
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** A failure's class: the same fault with other values is the same class. */
const classOf = (f: Failure) => `${f.transport} ${f.operation}: ${f.what.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N')}`;

async function fuzz(transport: string, target: Target, operation: OperationName): Promise<void> {
  const allowed = new Set([...errorsOf(operation), ...(transport === 'http' ? HTTP_ERRORS : [])]);
  const fail = (what: string, request: unknown) => failures.push({ transport, operation, what, request: shown(request) });
  for (let chunk = 0; chunk * CHUNK < PER_OPERATION; chunk++) {
    await target.reset();
    const n = Math.min(CHUNK, PER_OPERATION - chunk * CHUNK);
    // Each chunk opens with the operation's accepted requests, so even a short run reaches its writes.
    const requests = [...prepared.examples[operation], ...fc.sample(requestsOf(operation), { seed: seedOf(operation, chunk), numRuns: n })].slice(0, n);
    let before = await target.snapshot();
    for (const request of requests) {
      calls++;
      const answer = await target.call(operation, request);
      const after = await target.snapshot();
      tally(operation, answer.status === 200 ? '200' : answer.type ?? 'broken');
      if (answer.broken !== undefined) fail(answer.broken, request);
      else if (answer.status >= 500) fail(`${answer.status} ${answer.type}: ${answer.message}`, request);
      else if (answer.status !== 200) {
        if (!allowed.has(answer.type ?? '')) fail(`undeclared error ${answer.type}: ${answer.message}`, request);
        if (after !== before) fail(`rejected (${answer.type}) but the state changed: ${answer.message}`, request);
      }
      if (answer.message !== undefined && answer.message.length > MESSAGE_LIMIT) fail(`message of ${answer.message.length} characters: ${answer.message.slice(0, 120)}`, request);
      if (answer.message?.includes('(message cut;')) fail(`message echoes a value without quote(): ${answer.message.slice(0, 120)}`, request);
      if (answer.status === 200 && MUTATES.get(operation) === true) {
        try {
          checkInvariants(target.sim());
        } catch (e) {
          fail(`accepted, then an invariant broke: ${(e as Error).message.slice(0, 300)}`, request);
          break;
        }
      }
      before = after;
    }
    try {
      EcsSimulator.restore(before);
    } catch (e) {
      fail(`the state after the calls does not restore: ${(e as Error).name}: ${(e as Error).message.slice(0, 300)}`, '(the chunk)');
    }
  }
}

const prepared = prepare();
const preparedText = JSON.stringify(prepared.sim.snapshot());
const generator = new RequestGenerator(prepared);
/** Half the calls spoil an accepted request, a quarter are hostile throughout, a quarter plausible. */
const requestsOf = (operation: OperationName) => fc.oneof(
  { weight: 2, arbitrary: generator.requestOf(operation, 'mutated') },
  { weight: 1, arbitrary: generator.requestOf(operation, 'hostile') },
  { weight: 1, arbitrary: generator.requestOf(operation, 'plausible') },
);

function inProcess(): Target {
  let sim = EcsSimulator.restore(preparedText);
  return {
    async call(operation, request) {
      const method = (sim as unknown as Record<string, (r: unknown) => unknown>)[methodName(operation)]!;
      try {
        method.call(sim, request);
        return { status: 200 };
      } catch (e) {
        if (!(e instanceof EcsError)) return { status: 0, broken: `threw ${(e as Error)?.name}: ${(e as Error)?.message?.slice(0, 200)}` };
        return { status: e.httpStatus, type: e.name, message: e.message };
      }
    },
    async snapshot() {
      return JSON.stringify(sim.snapshot());
    },
    async reset() {
      sim = EcsSimulator.restore(preparedText);
    },
    sim: () => sim,
  };
}

let endpoint: SimEndpoint | undefined;
const logged: string[] = [];

async function overHttp(): Promise<Target> {
  const sim = EcsSimulator.restore(preparedText);
  const started = await sim.listen({ port: 0, maxBodyBytes: 8 << 20, log: (line) => logged.push(line) });
  endpoint = started.endpoint;
  const url = started.url;
  return {
    async call(operation, request) {
      let body: string;
      try {
        body = JSON.stringify(request) ?? '';
      } catch {
        body = '[' .repeat(10_000); // nesting JSON.stringify cannot write: the server must refuse it anyway
      }
      const res = await fetch(url, { method: 'POST', headers: { 'x-amz-target': OPERATIONS[operation].target, 'content-type': 'application/x-amz-json-1.1' }, body });
      const text = await res.text();
      if (res.status === 200) return { status: 200 };
      try {
        const json = JSON.parse(text) as { __type?: unknown; message?: unknown };
        if (typeof json.__type !== 'string' || typeof json.message !== 'string') return { status: res.status, broken: `error body without __type and message: ${text.slice(0, 200)}` };
        return { status: res.status, type: json.__type, message: json.message };
      } catch {
        return { status: res.status, broken: `error body not JSON: ${text.slice(0, 200)}` };
      }
    },
    async snapshot() {
      return (await fetch(`${url}/_sim/snapshot`)).text();
    },
    async reset() {
      const res = await fetch(`${url}/_sim/restore`, { method: 'POST', body: preparedText });
      if (res.status !== 200) throw new Error(`restore answered ${res.status}: ${await res.text()}`);
    },
    sim: () => sim,
  };
}

const timeout = 60_000 + PER_OPERATION * 100;

describe(`fuzzing every operation from the model (${PER_OPERATION} calls per operation and transport, seed ${SEED})`, () => {
  let http: Target;
  const local = inProcess();
  beforeAll(async () => {
    http = await overHttp();
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it('starts from requests every operation accepts in the prepared state', () => {
    const refused: string[] = [];
    for (const operation of OPERATION_NAMES) {
      for (const example of prepared.examples[operation]) {
        const sim = EcsSimulator.restore(preparedText);
        try {
          (sim as unknown as Record<string, (r: unknown) => unknown>)[methodName(operation)]!.call(sim, example);
        } catch (e) {
          refused.push(`${operation}: ${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  for (const operation of OPERATION_NAMES) {
    it(`${operation} in process`, async () => {
      await fuzz('in-process', local, operation);
    }, timeout);
    it(`${operation} over HTTP`, async () => {
      await fuzz('http', http, operation);
    }, timeout);
  }

  it('met no failure (each class once, with an example)', () => {
    const classes = new Map<string, { count: number; example: Failure }>();
    for (const f of failures) {
      const key = classOf(f);
      const seen = classes.get(key);
      if (seen === undefined) classes.set(key, { count: 1, example: f });
      else seen.count++;
    }
    const report = [...classes].map(([key, { count, example }]) => `${count} × ${key}\n    e.g. ${example.what.slice(0, 300)}\n    request ${example.request}`);
    console.log(`fuzz: ${calls} calls, ${failures.length} failures in ${classes.size} classes; ${logged.length} internal errors logged`);
    for (const [operation, byType] of [...answers].sort()) console.log(`  ${operation}: ${[...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    expect(report).toEqual([]);
    expect(OPERATION_NAMES.filter((op) => !answers.get(op)?.has('200')), 'operations no call reached the end of').toEqual([]);
    expect(logged).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(Math.min(TOTAL, OPERATION_NAMES.length * TRANSPORTS * PER_OPERATION));
  });
});

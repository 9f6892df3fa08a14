// Properties of the resource accountant under random sequences of addInstance / reserve /
// release / removeInstance, checked step by step against a plain model (sums over the live
// reservations) — the accountant's incremental bookkeeping must always agree with it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountantError, MAX_RESERVED_PORTS, ResourceAccountant, ResourceUnavailableError } from '../../src/resources/accountant.js';
import type { Reservation, ResourceReason, TaskRequirements } from '../../src/resources/types.js';
import type { Resource } from '../../src/shapes.js';
import { InstanceStore } from '../../src/store/store.js';

const SMALL_PORTS = [22, 53, 80, 443, 2375, 8080, 9000];

interface InstanceSpec {
  cpu: number;
  memory: number;
  tcp: number[];
  udp: number[];
  gpus: number;
  eniLimit: number;
}

type Op =
  | { kind: 'add'; spec: InstanceSpec }
  | { kind: 'reserve'; pick: number; req: TaskRequirements }
  | { kind: 'release'; pick: number }
  | { kind: 'releaseDead'; pick: number }
  | { kind: 'remove'; pick: number };

const portSet = fc.uniqueArray(fc.constantFrom(...SMALL_PORTS), { maxLength: 3 });
/** Sometimes a block of many ports (blocks do not overlap), so the 100-port cap is reached. */
const portBlock = fc.oneof(
  { weight: 4, arbitrary: fc.constant([] as number[]) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 5, max: 49 })).map(([b, n]) => Array.from({ length: n }, (_, i) => 10000 + b * 50 + i)) },
);

const requirements: fc.Arbitrary<TaskRequirements> = fc.record({
  cpu: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
  memory: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2500 })),
  // Occasionally a port repeated within the request: reserved once.
  tcpPorts: fc.tuple(portSet, portBlock, fc.boolean()).map(([a, b, repeat]) => (repeat ? [...a, ...b, ...a.slice(0, 1)] : [...a, ...b])),
  udpPorts: portSet,
  gpus: fc.integer({ min: 0, max: 2 }),
  eni: fc.boolean(),
  attributes: fc.constant([] as string[]),
});

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ cpu: fc.integer({ min: 0, max: 4096 }), memory: fc.integer({ min: 0, max: 8192 }), tcp: portSet, udp: portSet, gpus: fc.integer({ min: 0, max: 3 }), eniLimit: fc.integer({ min: 0, max: 3 }) }).map((spec) => ({ kind: 'add' as const, spec })) },
  { weight: 6, arbitrary: fc.record({ pick: fc.nat(), req: requirements }).map((o) => ({ kind: 'reserve' as const, ...o })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'release' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'releaseDead' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'remove' as const, pick })) },
);

interface ModelInstance {
  slot: number;
  arn: string;
  spec: InstanceSpec;
  gpuIds: string[];
  live: Reservation[];
}

function registered(spec: InstanceSpec): Resource[] {
  return [
    { name: 'CPU', type: 'INTEGER', integerValue: spec.cpu },
    { name: 'MEMORY', type: 'INTEGER', integerValue: spec.memory },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: spec.tcp.map(String) },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: spec.udp.map(String) },
  ];
}

const sum = (rs: readonly Reservation[], f: (r: Reservation) => number) => rs.reduce((n, r) => n + f(r), 0);

/** What the model says `fits` must answer. */
function expectedReason(m: ModelInstance, req: TaskRequirements): ResourceReason | null {
  if (req.cpu > m.spec.cpu - sum(m.live, (r) => r.cpu)) return 'RESOURCE:CPU';
  if (req.memory > m.spec.memory - sum(m.live, (r) => r.memory)) return 'RESOURCE:MEMORY';
  const tcp = new Set([...m.spec.tcp, ...m.live.flatMap((r) => r.tcpPorts)]);
  const udp = new Set([...m.spec.udp, ...m.live.flatMap((r) => r.udpPorts)]);
  if (req.tcpPorts.some((p) => tcp.has(p))) return 'RESOURCE:PORTS';
  if (req.udpPorts.some((p) => udp.has(p))) return 'RESOURCE:PORTS_UDP';
  const added = new Set(req.tcpPorts).size + new Set(req.udpPorts).size;
  if (added > 0 && tcp.size + udp.size + added > MAX_RESERVED_PORTS) return 'RESOURCE:PORTS';
  if (req.gpus > m.gpuIds.length - sum(m.live, (r) => r.gpuIds.length)) return 'RESOURCE:GPU';
  if (req.eni && m.live.filter((r) => r.eni).length >= m.spec.eniLimit) return 'RESOURCE:ENI';
  return null;
}

function checkInvariants(store: InstanceStore, accountant: ResourceAccountant, instances: readonly ModelInstance[]): void {
  for (const m of instances) {
    const { slot, live } = m;
    // remaining = registered − Σ live reservations; never negative
    const cpu = m.spec.cpu - sum(live, (r) => r.cpu);
    const memory = m.spec.memory - sum(live, (r) => r.memory);
    expect(store.remainingCpu[slot]).toBe(cpu);
    expect(store.remainingMemory[slot]).toBe(memory);
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(memory).toBeGreaterThanOrEqual(0);
    // a port is held by at most one live reservation per protocol, never an agent-reserved one
    for (const [protocol, agent] of [['tcpPorts', m.spec.tcp], ['udpPorts', m.spec.udp]] as const) {
      const held = live.flatMap((r) => r[protocol]);
      expect(new Set(held).size).toBe(held.length);
      expect(held.filter((p) => agent.includes(p))).toEqual([]);
    }
    const remaining = accountant.remainingResources(slot);
    const occupied = (agent: number[], p: 'tcpPorts' | 'udpPorts') => [...new Set([...agent, ...live.flatMap((r) => r[p])])].sort((a, b) => a - b).map(String);
    expect(remaining[2]!.stringSetValue).toEqual(occupied(m.spec.tcp, 'tcpPorts'));
    expect(remaining[3]!.stringSetValue).toEqual(occupied(m.spec.udp, 'udpPorts'));
    if (live.some((r) => r.tcpPorts.length + r.udpPorts.length > 0)) {
      expect(remaining[2]!.stringSetValue!.length + remaining[3]!.stringSetValue!.length).toBeLessThanOrEqual(MAX_RESERVED_PORTS);
    }
    // a GPU id by at most one live reservation, and only the instance's own
    const gpus = live.flatMap((r) => r.gpuIds);
    expect(new Set(gpus).size).toBe(gpus.length);
    for (const id of gpus) expect(m.gpuIds).toContain(id);
    expect(accountant.freeGpus(slot)).toBe(m.gpuIds.length - gpus.length);
    // ENIs in use = live awsvpc reservations ≤ limit
    const enis = live.filter((r) => r.eni).length;
    expect(store.enisInUse[slot]).toBe(enis);
    expect(enis).toBeLessThanOrEqual(m.spec.eniLimit);
    expect(new Set(accountant.reservations(slot))).toEqual(new Set(live));
  }
}

/**
 * shortageAfter(slot, req, j), asked of the untouched instance, is what shortage answers after j
 * reserves of req — checked by reserving them (up to 40), then giving them back.
 */
function checkShortageAfter(accountant: ResourceAccountant, slot: number, req: TaskRequirements): void {
  const predicted: number[] = [];
  for (let j = 0; j < 40; j++) {
    predicted.push(accountant.shortageAfter(slot, req, j));
    if (predicted[j] !== 0) break;
  }
  const taken: Reservation[] = [];
  for (const verdict of predicted) {
    expect(accountant.shortage(slot, req)).toBe(verdict);
    if (verdict === 0) taken.push(accountant.reserve(slot, req));
  }
  for (const r of taken.reverse()) accountant.release(r);
}

function run(ops: readonly Op[]): void {
  const store = new InstanceStore();
  const accountant = new ResourceAccountant(store);
  const instances: ModelInstance[] = [];
  /** released, or of a removed instance */
  const dead: Reservation[] = [];
  let serial = 0;
  for (const o of ops) {
    switch (o.kind) {
      case 'add': {
        const arn = `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${(serial++).toString(16).padStart(32, '0')}`;
        const slot = store.register({ containerInstanceArn: arn });
        const gpuIds = Array.from({ length: o.spec.gpus }, (_, i) => `GPU-${serial}-${i}`);
        accountant.addInstance(slot, registered(o.spec), gpuIds, o.spec.eniLimit);
        instances.push({ slot, arn, spec: o.spec, gpuIds, live: [] });
        break;
      }
      case 'reserve': {
        if (instances.length === 0) break;
        const m = instances[o.pick % instances.length]!;
        const reason = accountant.fits(m.slot, o.req);
        expect(reason).toBe(expectedReason(m, o.req));
        checkShortageAfter(accountant, m.slot, o.req);
        // fits === null ⇔ reserve succeeds
        let reservation: Reservation | undefined;
        try {
          reservation = accountant.reserve(m.slot, o.req);
        } catch (e) {
          expect(e).toBeInstanceOf(ResourceUnavailableError);
          expect((e as ResourceUnavailableError).reason).toBe(reason);
        }
        expect(reservation === undefined).toBe(reason !== null);
        if (reservation !== undefined) m.live.push(reservation);
        break;
      }
      case 'release': {
        const holders = instances.filter((m) => m.live.length > 0);
        if (holders.length === 0) break;
        const m = holders[o.pick % holders.length]!;
        const [r] = m.live.splice(o.pick % m.live.length, 1);
        accountant.release(r!);
        dead.push(r!);
        // releasing twice is an error (and, checked below, no double credit)
        expect(() => accountant.release(r!)).toThrow(AccountantError);
        break;
      }
      case 'releaseDead': {
        if (dead.length === 0) break;
        expect(() => accountant.release(dead[o.pick % dead.length]!)).toThrow(AccountantError);
        break;
      }
      case 'remove': {
        if (instances.length === 0) break;
        const [m] = instances.splice(o.pick % instances.length, 1);
        accountant.removeInstance(m!.slot);
        store.deregister(m!.arn);
        dead.push(...m!.live);
        break;
      }
    }
    checkInvariants(store, accountant, instances);
  }
}

describe('ResourceAccountant properties', () => {
  it('agrees with the model after every step of random add / reserve / release / remove sequences', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), run), { seed: 20190606, numRuns: 1500 });
  });

  it('fits === null exactly when reserve succeeds, on crowded instances', () => {
    // Few instances, many reservations: most answers are shortages.
    const crowded = fc.array(fc.oneof({ weight: 1, arbitrary: op.filter((o) => o.kind === 'add') }, { weight: 12, arbitrary: op.filter((o) => o.kind === 'reserve') }), { minLength: 1, maxLength: 80 });
    fc.assert(fc.property(crowded, run), { seed: 42, numRuns: 1000 });
  });

  it('a fork (cloneFor) follows its own sequence without touching the original', () => {
    fc.assert(
      fc.property(fc.array(requirements, { maxLength: 20 }), fc.array(requirements, { maxLength: 20 }), (before, after) => {
        const store = new InstanceStore();
        const accountant = new ResourceAccountant(store);
        const slot = store.register({ containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0' });
        accountant.addInstance(slot, registered({ cpu: 4096, memory: 8192, tcp: [22], udp: [], gpus: 2, eniLimit: 3 }), ['GPU-0', 'GPU-1'], 3);
        const held: Reservation[] = [];
        for (const r of before) if (accountant.fits(slot, r) === null) held.push(accountant.reserve(slot, r));
        const snapshot = JSON.stringify([accountant.remainingResources(slot), store.remainingCpu[slot], store.remainingMemory[slot], store.enisInUse[slot]]);

        const forkStore = new InstanceStore();
        forkStore.register({ containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0' });
        const fork = accountant.cloneFor(forkStore);
        for (const r of held) fork.release(r);
        for (const r of after) if (fork.fits(slot, r) === null) fork.reserve(slot, r);

        expect(JSON.stringify([accountant.remainingResources(slot), store.remainingCpu[slot], store.remainingMemory[slot], store.enisInUse[slot]])).toBe(snapshot);
        for (const r of held) accountant.release(r);
        expect(store.remainingCpu[slot]).toBe(4096);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

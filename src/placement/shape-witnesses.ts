/**
 * Witness calls (PlacementEngine.warmUp, opt-in): a few small placements on a private cluster,
 * whose per-call structures (rank trees, levels, constraints, slot sets, value indexes) the engine
 * keeps for its life.
 *
 * Why: V8 optimizes the placement loop for the object shapes (hidden classes) and type feedback
 * it has seen. A call's structures die with it; once the last object of a shape is collected, the
 * collector drops the shape, the optimized code and feedback that depended on it are discarded,
 * and the next call starts over in the slower tiers, deoptimizing again each time it meets a path
 * whose feedback is gone (`--trace-deopt`, 4 calls of 100,000 tasks at 5,000 instances: 19
 * "insufficient type feedback" deoptimizations inside the calls without witnesses, 5 with). With
 * the witnesses alive (same machine, load ~2): binpack(memory) ~1.0M → ~1.4–1.7M placements/s,
 * spread(AZ) + spread(instanceId) ~0.8M → ~1.1–1.4M. Results are unchanged: same code, same draws.
 *
 * The calls cover each kind of structure: binpack (slot levels, a leaf past the list size so it
 * turns into a bitset), spreads over few- and many-valued attributes (scanned, indexed, nested
 * indexes: 60 racks, 270 power domains, 300 hosts), constraints of both types, a host port.
 */
import { ResourceAccountant } from '../resources/accountant.js';
import type { TaskRequirements } from '../resources/types.js';
import { InstanceStore } from '../store/store.js';
import type { PlacementContext, PlacementOutcome, PlacementRequest, RandomSource } from './types.js';

const INSTANCES = 300;

function requirements(tcpPorts: number[]): TaskRequirements {
  return Object.freeze({ cpu: 1, memory: 1, tcpPorts: Object.freeze(tcpPorts), udpPorts: Object.freeze([] as number[]), gpus: 0, eni: false, attributes: Object.freeze([] as string[]) });
}

const AZ = 'attribute:ecs.availability-zone';
const CALLS: readonly Omit<PlacementRequest, 'requirements' | 'group'>[] = [
  { count: 100, constraints: [], strategies: [{ type: 'binpack', field: 'memory' }] },
  { count: 100, constraints: [], strategies: [{ type: 'binpack', field: 'cpu' }, { type: 'spread', field: 'instanceId' }] },
  { count: 100, constraints: [], strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'instanceId' }] },
  { count: 100, constraints: [], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: AZ }] },
  { count: 100, constraints: [], strategies: [{ type: 'spread', field: 'attribute:pdu' }, { type: 'spread', field: 'attribute:host' }] },
  {
    count: 100,
    constraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'not(task:group == database)' }],
    strategies: [{ type: 'spread', field: AZ }, { type: 'binpack', field: 'memory' }],
  },
];

/** A fixed sequence of draws for the witness calls (which instances they pick does not matter). */
function witnessRandom(): RandomSource {
  return {
    state: 1,
    next() {
      // a Weyl sequence over [0, 1): spread out, deterministic, no generator state to share
      this.state = (this.state + 0x9e3779b9) >>> 0;
      return this.state / 4294967296;
    },
  };
}

/** Makes the witness calls through `place` (the engine, which keeps their structures). */
export function makeWitnessCalls(place: (ctx: PlacementContext, request: PlacementRequest) => PlacementOutcome): void {
  const store = new InstanceStore();
  const accountant = new ResourceAccountant(store);
  for (let i = 0; i < INSTANCES; i++) {
    const slot = store.register({
      containerInstanceArn: `arn:aws:ecs:us-east-1:000000000000:container-instance/witness/${i}`,
      status: 'ACTIVE',
      agentConnected: true,
      attributes: [
        { name: 'ecs.availability-zone', value: `az-${i % 3}` },
        { name: 'rack', value: `rack-${i % 60}` },
        { name: 'pdu', value: `pdu-${Math.floor(i * 0.9)}` },
        { name: 'host', value: `host-${i}` },
      ],
    });
    accountant.addInstance(slot, [
      { name: 'CPU', type: 'INTEGER', integerValue: 4096 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 8192 },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22'] },
    ], [], 2);
  }
  const ctx: PlacementContext = { store, accountant, random: witnessRandom() };
  const plain = requirements([]);
  CALLS.forEach((call, i) => place(ctx, { ...call, requirements: plain, group: `service:witness-${i}` }));
  place(ctx, { requirements: requirements([8080]), group: 'service:witness-port', count: 50, constraints: [{ type: 'distinctInstance' }], strategies: [] });
}

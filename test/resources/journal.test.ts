// Rolling back a transaction must leave the accountant (and the store columns it sets) as if the
// rolled-back reservations, releases, joins and removals never happened.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/collections/journal.js';
import { ResourceAccountant } from '../../src/resources/accountant.js';
import type { Reservation, TaskRequirements } from '../../src/resources/types.js';
import type { Resource } from '../../src/shapes.js';
import { InstanceStore } from '../../src/store/store.js';

const REGISTERED: Resource[] = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 },
  { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '51678'] },
  { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
];

const REQUIREMENTS: readonly TaskRequirements[] = [
  { cpu: 256, memory: 512, tcpPorts: [], udpPorts: [], gpus: 0, eni: false, attributes: [] },
  { cpu: 512, memory: 1024, tcpPorts: [80], udpPorts: [53], gpus: 0, eni: false, attributes: [] },
  { cpu: 128, memory: 256, tcpPorts: [], udpPorts: [], gpus: 1, eni: true, attributes: [] },
  { cpu: 1024, memory: 300, tcpPorts: [8080, 8081], udpPorts: [], gpus: 2, eni: true, attributes: [] },
].map((r) => Object.freeze({ ...r, tcpPorts: Object.freeze(r.tcpPorts), udpPorts: Object.freeze(r.udpPorts) }));

type Op =
  | { op: 'join' }
  | { op: 'leave'; pick: number }
  | { op: 'reserve'; pick: number; req: number }
  | { op: 'release'; pick: number }
  | { op: 'restore'; pick: number }
  | { op: 'begin' } | { op: 'commit' } | { op: 'rollback' } | { op: 'fork' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ op: 'join' as const }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('leave' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('reserve' as const), pick: fc.nat(), req: fc.nat(REQUIREMENTS.length - 1) }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('release' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ op: 'begin' as const }), weight: 2 },
  { arbitrary: fc.constant({ op: 'commit' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'rollback' as const }), weight: 2 },
  { arbitrary: fc.constant({ op: 'fork' as const }), weight: 1 },
);

/** One accountant over its store, the instances it knows and the reservations live on them (in order taken). */
class World {
  readonly store = new InstanceStore();
  readonly accountant = new ResourceAccountant(this.store);
  slots: number[] = [];
  held: Reservation[] = [];
  /** Reservations released, which `restore` may take again. */
  released: Reservation[] = [];
  private next = 0;

  apply(o: Op): void {
    const { store, accountant } = this;
    if (o.op === 'join') {
      const slot = store.register({ containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${this.next++}` });
      accountant.addInstance(slot, REGISTERED, ['GPU-0', 'GPU-1', 'GPU-2'], 2);
      this.slots.push(slot);
    } else if (o.op === 'leave' && this.slots.length > 0) {
      const [slot] = this.slots.splice(o.pick % this.slots.length, 1);
      accountant.removeInstance(slot!);
      store.deregister(store.arns[slot!]!);
      this.held = this.held.filter((r) => r.slot !== slot);
      this.released = this.released.filter((r) => r.slot !== slot);
    } else if (o.op === 'reserve' && this.slots.length > 0) {
      const slot = this.slots[o.pick % this.slots.length]!;
      const req = REQUIREMENTS[o.req]!;
      if (accountant.fits(slot, req) === null) this.held.push(accountant.reserve(slot, req));
    } else if (o.op === 'release' && this.held.length > 0) {
      const [r] = this.held.splice(o.pick % this.held.length, 1);
      accountant.release(r!);
      this.released.push(r!);
    } else if (o.op === 'restore' && this.released.length > 0) {
      const r = this.released[o.pick % this.released.length]!;
      try {
        this.held.push(accountant.restore(r));
      } catch {
        // taken meanwhile: a rejected restore changes nothing
      }
    }
  }

  image(): unknown {
    return this.slots.map((slot) => ({
      slot,
      remaining: this.accountant.remainingResources(slot),
      gpus: this.accountant.freeGpus(slot),
      columns: [this.store.remainingCpu[slot], this.store.remainingMemory[slot], this.store.enisInUse[slot]],
      reservations: this.accountant.reservations(slot).map((r) => ({ ...r })),
    }));
  }
}

describe('ResourceAccountant under a journal', () => {
  it('a rollback restores every slot state, reservation list and store column; forks keep theirs', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 80 }), (ops) => {
        const world = new World();
        for (let i = 0; i < 3; i++) world.apply({ op: 'join' });
        const journal = new Journal();
        world.store.useJournal(journal);
        world.accountant.useJournal(journal);
        // Per open transaction: the world's lists and its image when it began.
        const saved: { slots: number[]; held: Reservation[]; released: Reservation[]; image: unknown }[] = [];
        const forks: { accountant: ResourceAccountant; slots: number[]; image: unknown }[] = [];
        for (const o of ops) {
          if (o.op === 'begin') {
            journal.begin();
            saved.push({ slots: [...world.slots], held: [...world.held], released: [...world.released], image: world.image() });
          } else if (o.op === 'commit') {
            if (saved.pop() !== undefined) journal.commit();
          } else if (o.op === 'rollback') {
            const s = saved.pop();
            if (s === undefined) continue;
            journal.rollback();
            Object.assign(world, { slots: s.slots, held: s.held, released: s.released });
            expect(world.image()).toEqual(s.image);
            // The restored reservations are the live ones again: each can be released once.
            for (const slot of world.slots) expect(world.accountant.reservations(slot)).toEqual(world.held.filter((r) => r.slot === slot));
          } else if (o.op === 'fork') {
            const accountant = world.accountant.cloneFor(world.store.clone());
            forks.push({ accountant, slots: [...world.slots], image: world.slots.map((slot) => accountant.remainingResources(slot)) });
          } else world.apply(o);
        }
        for (const f of forks) expect(f.slots.map((slot) => f.accountant.remainingResources(slot))).toEqual(f.image);
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});

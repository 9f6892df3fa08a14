// The live-reservation list (order taken, identity, holes and compaction, independent clones), and
// the accountant's unfiled reservations: taken in bulk without touching the instance's list, yet
// listed, released once and copied into forks as if they had been filed at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountantError, ResourceAccountant } from '../../src/resources/accountant.js';
import { HeldReservation, LiveReservations } from '../../src/resources/live-reservations.js';
import type { Reservation, TaskRequirements } from '../../src/resources/types.js';
import { InstanceStore } from '../../src/store/store.js';

const NONE: readonly never[] = Object.freeze([]);
const held = (slot = 0) => new HeldReservation(slot, 1, 1, NONE, NONE, NONE, false);
const REQ: TaskRequirements = Object.freeze({ cpu: 1, memory: 1, tcpPorts: NONE, udpPorts: NONE, gpus: 0, eni: false, attributes: NONE });

describe('LiveReservations', () => {
  it('behaves like a Set of the reservations in the order they were taken (random adds and deletes)', () => {
    const op = fc.oneof(fc.record({ add: fc.constant(true) }), fc.record({ remove: fc.nat() }), fc.record({ again: fc.nat() }), fc.record({ copy: fc.constant(true) }));
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      let list = new LiveReservations();
      let model = new Set<Reservation>();
      const gone: Reservation[] = [];
      const check = () => {
        expect([...list]).toEqual([...model]);
        expect(list.size).toBe(model.size);
        for (const r of model) expect(list.has(r)).toBe(true);
        for (const r of gone) if (!model.has(r)) expect(list.has(r)).toBe(false);
      };
      for (const o of ops) {
        if ('add' in o) {
          const r = held();
          list.add(r);
          model.add(r);
        } else if ('remove' in o) {
          if (model.size === 0) continue;
          const r = [...model][o.remove % model.size]!;
          expect(list.delete(r)).toBe(true);
          model.delete(r);
          gone.push(r);
        } else if ('again' in o) {
          if (gone.length === 0) continue;
          const r = gone[o.again % gone.length]!;
          expect(list.delete(r)).toBe(model.delete(r));
        } else {
          // A clone is independent both ways; carry on with the clone.
          const copy = list.clone();
          const r = held();
          copy.add(r);
          expect(list.has(r)).toBe(false);
          if (model.size > 0) {
            const first = [...model][0]!;
            expect(list.delete(first)).toBe(true);
            expect(copy.has(first)).toBe(true);
          }
          list = copy;
          model = new Set([...model, r]);
        }
        check();
      }
    }), { seed: 7, numRuns: 200 });
  });

  it('holds only the reservations the accountant made: a copy of one is not live', () => {
    const list = new LiveReservations();
    const r = held();
    list.add(r);
    expect(list.has({ ...r })).toBe(false);
    expect(list.delete({ ...r })).toBe(false);
    expect(HeldReservation.sequenceOf({ ...r })).toBe(-1);
    expect(list.has(r)).toBe(true);
  });

  it('compacts its holes once they outnumber the live entries, keeping the order', () => {
    const list = new LiveReservations();
    const rs = Array.from({ length: 40 }, () => held());
    for (const r of rs) list.add(r);
    for (let i = 0; i < 40; i += 4) for (let j = i; j < i + 3; j++) list.delete(rs[j]!);
    const left = rs.filter((_, i) => i % 4 === 3);
    expect([...list]).toEqual(left);
    expect(list.size).toBe(10);
    for (const r of left) expect(list.delete(r)).toBe(true);
    expect([...list]).toEqual([]);
  });

  it('freezes reservations and lets each serve as its own placement', () => {
    const r = held(7);
    expect(Object.isFrozen(r)).toBe(true);
    expect(r.reservation).toBe(r);
    expect({ ...r }).toEqual({ slot: 7, cpu: 1, memory: 1, tcpPorts: [], udpPorts: [], gpuIds: [], eni: false });
  });
});

describe('ResourceAccountant: reservations taken in bulk', () => {
  function cluster(instances: number) {
    const store = new InstanceStore();
    const accountant = new ResourceAccountant(store);
    const slots = Array.from({ length: instances }, (_, i) => {
      const slot = store.register({ containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${i}` });
      accountant.addInstance(slot, [{ name: 'CPU', type: 'INTEGER', integerValue: 1000 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 1000 }], [], 2);
      return slot;
    });
    return { store, accountant, slots };
  }

  it('lists, releases and forks reservations not yet filed under their instance', () => {
    const { store, accountant, slots } = cluster(3);
    const taken = [0, 1, 0, 2, 0].map((i) => accountant.reserve(slots[i]!, REQ));
    // Listing files them: each instance's in the order taken.
    expect(accountant.reservations(slots[0]!)).toEqual([taken[0], taken[2], taken[4]]);
    const more = accountant.reserve(slots[1]!, REQ);
    // Releasing files the rest first: the one taken just now is live, and released once only.
    accountant.release(more);
    expect(() => accountant.release(more)).toThrow(AccountantError);
    // A fork sees what was taken before it, unfiled or not, and each side releases on its own.
    const last = accountant.reserve(slots[2]!, REQ);
    const fork = accountant.cloneFor(store.clone());
    expect(fork.reservations(slots[2]!)).toEqual([taken[3], last]);
    accountant.release(last);
    expect(fork.reservations(slots[2]!)).toEqual([taken[3], last]);
    fork.release(last);
    expect(() => fork.release(last)).toThrow(AccountantError);
    expect(accountant.reservations(slots[2]!)).toEqual([taken[3]]);
    // Removing an instance ends its reservations, filed or not.
    const doomed = accountant.reserve(slots[1]!, REQ);
    accountant.removeInstance(slots[1]!);
    expect(() => accountant.release(doomed)).toThrow(AccountantError);
    expect(() => accountant.release(taken[1]!)).toThrow(AccountantError);
  });
});

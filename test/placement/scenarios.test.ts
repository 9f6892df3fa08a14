// Placement scenarios, run against both implementations: the incremental engine and the naive
// oracle.
import { describe, expect, it } from 'vitest';
import { buildCluster, context, PLACERS, plain, req, request, type InstanceSpec } from './fixtures.js';

const AZ = 'ecs.availability-zone';

describe.each(PLACERS)('placement scenarios (%s)', (_, place) => {
  describe('rejection reasons', () => {
    // One instance per reason; the task needs 512 CPU, 512 MiB, port 80, 1 GPU, an ENI, and the
    // attribute ecs.capability.task-eni.
    const task = req({ cpu: 512, memory: 512, tcpPorts: [80], udpPorts: [53], gpus: 1, eni: true, attributes: ['ecs.capability.task-eni'] });
    const ok: InstanceSpec = { cpu: 1024, memory: 1024, gpus: 1, eniLimit: 2, attributes: { 'ecs.capability.task-eni': null, role: 'x' } };
    const specs: InstanceSpec[] = [
      { ...ok, status: 'DRAINING', cpu: 0 },             // STATUS first, even though CPU also fails
      { ...ok, agentConnected: false },                  // AGENT
      { ...ok, agentConnected: null },                   // AGENT: not recorded counts as disconnected
      { ...ok, attributes: { role: 'x' } },              // ATTRIBUTE
      { ...ok, cpu: 256, memory: 0 },                    // RESOURCE:CPU before MEMORY
      { ...ok, memory: 256 },                            // RESOURCE:MEMORY
      { ...ok, ports: [22, 80], udpPorts: [53] },        // RESOURCE:PORTS before PORTS_UDP
      { ...ok, udpPorts: [53] },                         // RESOURCE:PORTS_UDP
      { ...ok, gpus: 0 },                                // RESOURCE:GPU
      { ...ok, eniLimit: 0 },                            // RESOURCE:ENI
      { ...ok, groups: ['service:web'] },                // CONSTRAINT:distinctInstance
      { ...ok, attributes: { 'ecs.capability.task-eni': null, role: 'y' } }, // CONSTRAINT:memberOf
      { ...ok, status: 'REGISTERING' },                  // STATUS
    ];
    const expected = [
      'STATUS', 'AGENT', 'AGENT', 'ATTRIBUTE', 'RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'RESOURCE:PORTS_UDP',
      'RESOURCE:GPU', 'RESOURCE:ENI', 'CONSTRAINT:distinctInstance', 'CONSTRAINT:memberOf', 'STATUS',
    ];
    const constraints = [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:role == x' }];

    it('names the first failing stage of every instance', () => {
      const c = buildCluster(specs);
      const out = place(context(c), request({ requirements: task, count: 1, constraints }));
      expect(out.placements).toEqual([]);
      expect(out.unplaced).toBe(1);
      expect([...out.rejections]).toEqual(c.slots.map((slot, i) => [slot, expected[i]]));
      expect([...out.tally]).toEqual([
        ['STATUS', 2], ['AGENT', 2], ['ATTRIBUTE', 1], ['RESOURCE:CPU', 1], ['RESOURCE:MEMORY', 1], ['RESOURCE:PORTS', 1],
        ['RESOURCE:PORTS_UDP', 1], ['RESOURCE:GPU', 1], ['RESOURCE:ENI', 1], ['CONSTRAINT:distinctInstance', 1], ['CONSTRAINT:memberOf', 1],
      ]);
    });

    it('counts every task of the call in the tally, and reports rejections for the first failure', () => {
      // One good instance: the first task goes there, the second finds it taken (port 80, distinct).
      const c = buildCluster([...specs, ok]);
      const out = place(context(c), request({ requirements: task, count: 3, constraints }));
      expect(out.placements.map((p) => p.slot)).toEqual([c.slots[13]]);
      expect(out.unplaced).toBe(2);
      // The good instance now fails on its port (resources come before constraints).
      expect(out.rejections.get(c.slots[13]!)).toBe('RESOURCE:PORTS');
      expect(out.rejections.size).toBe(14);
      const tally = Object.fromEntries(out.tally);
      expect(tally['STATUS']).toBe(2 * 3);
      expect(tally['RESOURCE:PORTS']).toBe(1 * 3 + 2);
      expect(tally['CONSTRAINT:memberOf']).toBe(3);
    });

    it('reports constraints in list order', () => {
      const c = buildCluster([{ groups: ['service:web'], attributes: { role: 'y' } }]);
      const memberFirst = place(context(c), request({ constraints: [constraints[1]!, constraints[0]!] }));
      expect([...memberFirst.rejections.values()]).toEqual(['CONSTRAINT:memberOf']);
      const distinctFirst = place(context(c), request({ constraints }));
      expect([...distinctFirst.rejections.values()]).toEqual(['CONSTRAINT:distinctInstance']);
    });

    it('turns nobody down when every task is placed', () => {
      const c = buildCluster([{}, {}]);
      const out = place(context(c), request({ count: 2 }));
      expect(out.unplaced).toBe(0);
      expect(out.rejections.size).toBe(0);
      expect(out.tally.size).toBe(0);
    });

    it('places nothing on an empty cluster, with no rejections', () => {
      const c = buildCluster([]);
      expect(plain(place(context(c), request({ count: 2 })))).toEqual({ placements: [], unplaced: 2, rejections: [], tally: [] });
    });
  });

  describe('distinctInstance', () => {
    it('puts each task of the call on a different instance', () => {
      const c = buildCluster([{}, {}, {}]);
      const out = place(context(c), request({ count: 5, constraints: [{ type: 'distinctInstance' }] }));
      expect(new Set(out.placements.map((p) => p.slot)).size).toBe(3);
      expect(out.unplaced).toBe(2);
      expect([...out.rejections.values()]).toEqual(Array(3).fill('CONSTRAINT:distinctInstance'));
      // Task k (0-based) sees k instances taken: 0 + 1 + 2 + 3 + 3.
      expect([...out.tally]).toEqual([['CONSTRAINT:distinctInstance', 9]]);
    });

    it('avoids instances that already run a task of the group (earlier calls)', () => {
      const c = buildCluster([{ groups: ['service:web'] }, { groups: ['service:api'] }, {}]);
      const ctx = context(c);
      const out = place(ctx, request({ count: 2, constraints: [{ type: 'distinctInstance' }] }));
      expect(out.placements.map((p) => p.slot).sort()).toEqual([c.slots[1], c.slots[2]]);
      const again = place(ctx, request({ count: 1, constraints: [{ type: 'distinctInstance' }] }));
      expect(again.unplaced).toBe(1);
    });
  });

  describe('memberOf and task:group', () => {
    it('anti-affinity with its own group: tasks placed earlier in the call count', () => {
      const c = buildCluster([{}, {}, {}, { groups: ['service:web'] }]);
      const out = place(context(c), request({ count: 4, constraints: [{ type: 'memberOf', expression: 'not(task:group == service:web)' }] }));
      expect(out.placements.map((p) => p.slot).sort()).toEqual(c.slots.slice(0, 3));
      expect(out.unplaced).toBe(1);
      expect([...out.rejections.values()]).toEqual(Array(4).fill('CONSTRAINT:memberOf'));
    });

    it('affinity with another group', () => {
      const c = buildCluster([{ groups: ['database'] }, {}, { groups: ['database', 'service:web'] }, {}]);
      const out = place(context(c), request({ count: 6, constraints: [{ type: 'memberOf', expression: 'task:group == database' }], strategies: [{ type: 'spread', field: 'instanceId' }] }));
      const slots = out.placements.map((p) => p.slot);
      // spread(instanceId) evens out the group's tasks: slot 2 already had one web task.
      expect(slots.filter((s) => s === c.slots[0]).length).toBe(4);
      expect(slots.filter((s) => s === c.slots[2]).length).toBe(2);
    });

    it('affinity with its own group follows the tasks the call places', () => {
      // Either an instance tagged seed, or one already running the group: after the first task
      // lands on a seed, that instance qualifies through task:group as well; after the seed's
      // attribute is gone (second call), only task:group keeps it eligible.
      const c = buildCluster([{ attributes: { seed: 'yes' } }, {}, {}]);
      const ctx = context(c);
      const expression = 'task:group == service:web or attribute:seed == yes';
      const first = place(ctx, request({ count: 1, constraints: [{ type: 'memberOf', expression }] }));
      expect(first.placements.map((p) => p.slot)).toEqual([c.slots[0]]);
      c.store.deleteAttribute(c.store.arns[c.slots[0]!]!, 'seed');
      const second = place(ctx, request({ count: 3, constraints: [{ type: 'memberOf', expression }] }));
      expect(second.placements.map((p) => p.slot)).toEqual([c.slots[0], c.slots[0], c.slots[0]]);
    });

    it('a group the call creates becomes visible to task:group for later tasks', () => {
      // "task:group exists" on an empty cluster: nothing qualifies, even as tasks are placed,
      // because nothing is placed; with an OR on one instance the first task seeds it.
      const c = buildCluster([{ attributes: { first: 'yes' } }, {}]);
      const out = place(context(c), request({ count: 3, constraints: [{ type: 'memberOf', expression: 'attribute:first == yes or task:group exists' }], strategies: [{ type: 'spread', field: 'instanceId' }] }));
      expect(out.placements.map((p) => p.slot)).toEqual([c.slots[0], c.slots[0], c.slots[0]]);
      expect(out.unplaced).toBe(0);
    });

    it('combines with attribute expressions', () => {
      const c = buildCluster([{ attributes: { [AZ]: 'us-east-1a' } }, { attributes: { [AZ]: 'us-east-1b' } }]);
      const out = place(context(c), request({ count: 3, constraints: [{ type: 'memberOf', expression: `attribute:${AZ} == us-east-1b` }] }));
      expect(out.placements.map((p) => p.slot)).toEqual([c.slots[1], c.slots[1], c.slots[1]]);
      expect(out.tally.get('CONSTRAINT:memberOf')).toBe(3);
    });
  });

  describe('binpack', () => {
    it('picks the least remaining memory that fits', () => {
      const c = buildCluster([{ memory: 1000 }, { memory: 2000 }, { memory: 500 }, { memory: 1500 }]);
      const out = place(context(c), request({ requirements: req({ memory: 600 }), count: 4, strategies: [{ type: 'binpack', field: 'memory' }] }));
      // 1000 (→400), then 1500 (→900), then 900 of it (→300), then 2000.
      expect(out.placements.map((p) => p.slot)).toEqual([c.slots[0], c.slots[3], c.slots[3], c.slots[1]]);
      expect(out.tally.get('RESOURCE:MEMORY')).toBe(1 + 2 + 2 + 3);
    });

    it('binpack(cpu) reads CPU, not memory', () => {
      const c = buildCluster([{ cpu: 4096, memory: 500 }, { cpu: 1024, memory: 8000 }]);
      const out = place(context(c), request({ requirements: req({ cpu: 256 }), count: 2, strategies: [{ type: 'binpack', field: 'cpu' }] }));
      expect(out.placements.map((p) => p.slot)).toEqual([c.slots[1], c.slots[1]]);
    });
  });

  describe('spread', () => {
    const nine: InstanceSpec[] = ['us-east-1a', 'us-east-1b', 'us-east-1c'].flatMap((az) => Array.from({ length: 3 }, () => ({ attributes: { [AZ]: az } })));

    it('spread(AZ) then spread(instanceId): 6 tasks over 3 AZs land 2/2/2 on distinct instances', () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const c = buildCluster(nine);
        const out = place(context(c, seed), request({ count: 6, strategies: [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'spread', field: 'instanceId' }] }));
        const perAz = new Map<string, number>();
        for (const p of out.placements) {
          const az = c.store.attributes.get(AZ)!.get(p.slot)!;
          perAz.set(az, (perAz.get(az) ?? 0) + 1);
        }
        expect([...perAz.values()]).toEqual([2, 2, 2]);
        expect(new Set(out.placements.map((p) => p.slot)).size).toBe(6);
      }
    });

    it('counts existing tasks of the group per AZ (any status), not other groups', () => {
      const c = buildCluster([
        { attributes: { [AZ]: 'a' }, groups: ['service:web', 'service:web'] },
        { attributes: { [AZ]: 'b' }, status: 'DRAINING', groups: ['service:web'] },
        { attributes: { [AZ]: 'b' } },
        { attributes: { [AZ]: 'c' }, groups: ['service:api', 'service:api', 'service:api'] },
      ]);
      const out = place(context(c), request({ count: 3, strategies: [{ type: 'spread', field: `attribute:${AZ}` }] }));
      // counts a=2, b=1, c=0 → c, then b or c tie at 1 … c=1,b=1 → one of them, then the other.
      const azs = out.placements.map((p) => c.store.attributes.get(AZ)!.get(p.slot));
      expect(azs[0]).toBe('c');
      expect(new Set(azs.slice(1))).toEqual(new Set(['b', 'c']));
    });

    it('instances without the attribute are one more value', () => {
      const c = buildCluster([{ attributes: { rack: 'r1' } }, {}, {}]);
      const out = place(context(c), request({ count: 3, strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'host' }] }));
      const slots = out.placements.map((p) => p.slot);
      // r1 and "absent" alternate: the absent pair gets 2 tasks, r1 gets 1 — not 1 each on the three.
      expect(slots.filter((s) => s === c.slots[0]).length).toBe(1);
      expect(new Set(slots).size).toBe(3);
      const out2 = place(context(c), request({ count: 2, strategies: [{ type: 'spread', field: 'attribute:rack' }] }));
      // now r1 has 1, absent 2 → r1 first.
      expect(out2.placements[0]!.slot).toBe(c.slots[0]);
    });

    it('spread(AZ) then binpack(memory) packs within the emptiest AZ', () => {
      const c = buildCluster([
        { attributes: { [AZ]: 'a' }, memory: 4000 },
        { attributes: { [AZ]: 'a' }, memory: 3000 },
        { attributes: { [AZ]: 'b' }, memory: 8000 },
        { attributes: { [AZ]: 'b' }, memory: 2000 },
      ]);
      const out = place(context(c), request({ requirements: req({ memory: 500 }), count: 4, strategies: [{ type: 'spread', field: `attribute:${AZ}` }, { type: 'binpack', field: 'memory' }] }));
      const slots = out.placements.map((p) => p.slot);
      // a and b alternate; within a: 3000 then 2500; within b: 2000 then 1500.
      expect(new Set([slots[0], slots[1]])).toEqual(new Set([c.slots[1], c.slots[3]]));
      expect(new Set([slots[2], slots[3]])).toEqual(new Set([c.slots[1], c.slots[3]]));
    });

    it('binpack then spread: spread only breaks binpack ties', () => {
      const c = buildCluster([{ memory: 1000, groups: ['service:web'] }, { memory: 1000 }, { memory: 5000 }]);
      const out = place(context(c), request({ requirements: req({ memory: 100 }), count: 1, strategies: [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }] }));
      expect(out.placements[0]!.slot).toBe(c.slots[1]);
    });
  });

  describe('random and seeds', () => {
    const twenty: InstanceSpec[] = Array.from({ length: 20 }, () => ({ memory: 100_000 }));
    const run = (seed: number, strategies = [{ type: 'random' }]) =>
      place(context(buildCluster(twenty), seed), request({ count: 10, strategies })).placements.map((p) => p.slot);

    it('the same seed makes the same choices', () => {
      expect(run(7)).toEqual(run(7));
      expect(run(7, [])).toEqual(run(7));
    });

    it('different seeds usually make different choices', () => {
      const distinct = new Set([1, 2, 3, 4, 5].map((s) => run(s).join(',')));
      expect(distinct.size).toBeGreaterThan(1);
    });

    it('random keeps every candidate: all instances get picked eventually', () => {
      const c = buildCluster(twenty);
      const out = place(context(c, 3), request({ count: 400, strategies: [{ type: 'random' }] }));
      expect(new Set(out.placements.map((p) => p.slot)).size).toBe(20);
    });
  });

  describe('onlySlots and misuse', () => {
    it('considers only the named slots (each once)', () => {
      const c = buildCluster([{}, {}, {}, { status: 'DRAINING' }]);
      const out = place(context(c), request({ count: 3, onlySlots: [c.slots[3]!, c.slots[1]!, c.slots[1]!], constraints: [{ type: 'distinctInstance' }] }));
      expect(out.placements.map((p) => p.slot)).toEqual([c.slots[1]]);
      expect([...out.rejections]).toEqual([[c.slots[1], 'CONSTRAINT:distinctInstance'], [c.slots[3], 'STATUS']]);
    });

    it('throws on programming errors', () => {
      const c = buildCluster([{}, { removed: true }]);
      const ctx = context(c);
      expect(() => place(ctx, request({ count: -1 }))).toThrow(/count/);
      expect(() => place(ctx, request({ count: 1.5 }))).toThrow(/count/);
      expect(() => place(ctx, request({ onlySlots: [c.slots[1]!] }))).toThrow(/onlySlots/);
      expect(() => place(ctx, request({ strategies: [{ type: 'pack' }] }))).toThrow(/placementStrategy\[0\]\.type must be binpack, spread, random or plugin:<name>; got "pack"/);
      expect(() => place(ctx, request({ strategies: [{ type: 'plugin:nobody' }] }))).toThrow(/no placement plug-in named "nobody" is registered/);
      expect(() => place(ctx, request({ strategies: [{ type: 'binpack', field: 'gpu' }] }))).toThrow(/binpack/);
      expect(() => place(ctx, request({ strategies: [{ type: 'spread', field: 'az' }] }))).toThrow(/spread/);
      expect(() => place(ctx, request({ constraints: [{ type: 'memberOf' }] }))).toThrow(/expression/);
      expect(() => place(ctx, request({ constraints: [{ type: 'sameInstance' }] }))).toThrow(/constraint/);
    });

    it('count 0 places nothing and draws nothing', () => {
      const c = buildCluster([{}]);
      const ctx = context(c, 9);
      expect(plain(place(ctx, request({ count: 0 })))).toEqual({ placements: [], unplaced: 0, rejections: [], tally: [] });
      expect(ctx.random.state).toBe(9);
    });

    it('records each placed task in the store and the accountant', () => {
      const c = buildCluster([{ memory: 1000 }]);
      const out = place(context(c), request({ requirements: req({ memory: 300, tcpPorts: [80] }), count: 1 }));
      expect(out.placements[0]!.reservation).toMatchObject({ slot: c.slots[0], memory: 300, tcpPorts: [80] });
      expect(c.store.remainingMemory[c.slots[0]!]).toBe(700);
      expect(c.store.taskGroupsAt(c.slots[0]!)).toEqual(['service:web']);
    });

    it('works across holes and reused slots', () => {
      const c = buildCluster([{}, { removed: true }, {}, { removed: true }], [{ memory: 100 }]);
      const out = place(context(c), request({ count: 3, constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'binpack', field: 'memory' }] }));
      expect(out.placements.map((p) => p.slot)[0]).toBe(c.slots[4]);
      expect(out.placements.length).toBe(3);
    });
  });
});

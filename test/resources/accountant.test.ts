import { describe, expect, it } from 'vitest';
import { AccountantError, MAX_RESERVED_PORTS, ResourceAccountant, ResourceUnavailableError } from '../../src/resources/accountant.js';
import { eniTaskLimit, maxNetworkInterfaces } from '../../src/resources/eni-limits.js';
import { RESOURCE_REASONS, type TaskRequirements } from '../../src/resources/types.js';
import type { Resource } from '../../src/shapes.js';
import { InstanceStore } from '../../src/store/store.js';

/** What the Linux agent registers on a c5.large (reference §2.5.1). */
const C5_LARGE: Resource[] = [
  { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 3705 },
  { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2376', '2375', '51678', '51679'] },
  { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
];

function req(over: Partial<TaskRequirements> = {}): TaskRequirements {
  return { cpu: 0, memory: 0, tcpPorts: [], udpPorts: [], gpus: 0, eni: false, attributes: [], ...over };
}

let next = 0;
function instance(store: InstanceStore): number {
  return store.register({ containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${(next++).toString(16).padStart(32, '0')}` });
}

function setup(registered: Resource[] = C5_LARGE, gpuIds: string[] = [], eniLimit = 2) {
  const store = new InstanceStore();
  const accountant = new ResourceAccountant(store);
  const slot = instance(store);
  accountant.addInstance(slot, registered, gpuIds, eniLimit);
  return { store, accountant, slot };
}

function reasonOfReserve(accountant: ResourceAccountant, slot: number, r: TaskRequirements): string | null {
  try {
    accountant.reserve(slot, r);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ResourceUnavailableError);
    return (e as ResourceUnavailableError).reason;
  }
}

describe('ResourceAccountant: joining', () => {
  it('starts an instance with its registered CPU and memory in the store columns and no ENIs in use', () => {
    const { store, slot } = setup();
    expect(store.remainingCpu[slot]).toBe(2048);
    expect(store.remainingMemory[slot]).toBe(3705);
    expect(store.enisInUse[slot]).toBe(0);
  });

  it('refuses a slot that is not live in the store, or one it already knows', () => {
    const { store, accountant, slot } = setup();
    expect(() => accountant.addInstance(slot, C5_LARGE, [], 2)).toThrow(/already accounted/);
    expect(() => accountant.addInstance(store.size + 5, C5_LARGE, [], 2)).toThrow(/not a live container instance/);
    const other = instance(store);
    expect(() => accountant.addInstance(other, C5_LARGE, ['GPU-a', 'GPU-a'], 2)).toThrow(/GPU ids must be unique/);
    expect(() => accountant.addInstance(other, C5_LARGE, [], -1)).toThrow(AccountantError);
    expect(() => accountant.addInstance(other, [{ name: 'CPU', type: 'INTEGER', integerValue: -5 }], [], 2)).toThrow(/registered CPU/);
    expect(accountant.has(other)).toBe(false);
  });

  it('reads LONG and DOUBLE resources, and treats a missing CPU or MEMORY as 0', () => {
    const { store, accountant } = setup();
    const s = instance(store);
    accountant.addInstance(s, [{ name: 'CPU', type: 'LONG', longValue: 4096 }, { name: 'MEMORY', type: 'DOUBLE', doubleValue: 1000.7 }], [], 0);
    expect(accountant.registered(s)).toEqual({ cpu: 4096, memory: 1000 });
    const t = instance(store);
    accountant.addInstance(t, [], [], 0);
    expect(accountant.fits(t, req({ cpu: 1 }))).toBe('RESOURCE:CPU');
    expect(accountant.fits(t, req())).toBeNull();
  });

  it('throws on slots it does not know and on malformed requirements', () => {
    const { accountant, slot } = setup();
    expect(() => accountant.fits(slot + 1, req())).toThrow(/not a container instance the accountant knows/);
    expect(() => accountant.fits(slot, req({ cpu: -1 }))).toThrow(/cpu must be a non-negative integer/);
    expect(() => accountant.fits(slot, req({ memory: 1.5 }))).toThrow(/memory/);
    expect(() => accountant.reserve(slot, req({ tcpPorts: [0] }))).toThrow(/port numbers/);
    expect(() => accountant.reserve(slot, req({ udpPorts: [70000] }))).toThrow(/port numbers/);
    // An unfrozen requirements object is checked on every call (it may have changed since).
    const mutable = { ...req({ cpu: 1 }) } as { cpu: number } & TaskRequirements;
    expect(accountant.fits(slot, mutable)).toBeNull();
    mutable.cpu = -1;
    expect(() => accountant.fits(slot, mutable)).toThrow(/cpu must be a non-negative integer/);
  });
});

describe('ResourceAccountant: each failure reason', () => {
  it('shortage is fits as a number: 0 when the task fits, else 1 + the index of fits\' reason in RESOURCE_REASONS', () => {
    const { accountant, slot } = setup(C5_LARGE, ['GPU-a'], 1);
    accountant.reserve(slot, req({ cpu: 2000, memory: 3000, tcpPorts: [80], udpPorts: [53], gpus: 1, eni: true }));
    const asks = [req(), req({ cpu: 49 }), req({ memory: 706 }), req({ tcpPorts: [80] }), req({ udpPorts: [53] }), req({ gpus: 1 }), req({ eni: true })];
    const verdicts = asks.map((r) => accountant.shortage(slot, r));
    expect(verdicts).toEqual([0, 1, 2, 3, 4, 5, 6]);
    asks.forEach((r, i) => expect(accountant.fits(slot, r)).toBe(i === 0 ? null : RESOURCE_REASONS[verdicts[i]! - 1]));
  });

  it('RESOURCE:CPU when the remaining CPU units are short', () => {
    const { accountant, slot, store } = setup();
    accountant.reserve(slot, req({ cpu: 1024 }));
    accountant.reserve(slot, req({ cpu: 1024 }));
    expect(store.remainingCpu[slot]).toBe(0);
    expect(accountant.fits(slot, req({ cpu: 1 }))).toBe('RESOURCE:CPU');
    expect(reasonOfReserve(accountant, slot, req({ cpu: 1 }))).toBe('RESOURCE:CPU');
    expect(accountant.fits(slot, req({ cpu: 0, memory: 100 }))).toBeNull();
  });

  it('RESOURCE:MEMORY when the remaining MiB are short', () => {
    const { accountant, slot } = setup();
    accountant.reserve(slot, req({ memory: 3000 }));
    expect(accountant.fits(slot, req({ memory: 706 }))).toBe('RESOURCE:MEMORY');
    expect(accountant.fits(slot, req({ memory: 705 }))).toBeNull();
  });

  it('RESOURCE:PORTS for an agent-reserved port and for a port another task holds', () => {
    const { accountant, slot } = setup();
    expect(accountant.fits(slot, req({ tcpPorts: [22] }))).toBe('RESOURCE:PORTS');
    expect(accountant.fits(slot, req({ tcpPorts: [51679] }))).toBe('RESOURCE:PORTS');
    const web = accountant.reserve(slot, req({ tcpPorts: [80] }));
    expect(reasonOfReserve(accountant, slot, req({ tcpPorts: [443, 80] }))).toBe('RESOURCE:PORTS');
    accountant.release(web);
    expect(accountant.fits(slot, req({ tcpPorts: [443, 80] }))).toBeNull();
  });

  it('RESOURCE:GPU: three 1-GPU tasks on a 2-GPU instance, the third fails (amazon-ecs-agent#3852)', () => {
    const { accountant, slot } = setup(C5_LARGE, ['GPU-b1', 'GPU-a2']);
    const first = accountant.reserve(slot, req({ gpus: 1 }));
    const second = accountant.reserve(slot, req({ gpus: 1 }));
    expect(first.gpuIds).toEqual(['GPU-b1']);
    expect(second.gpuIds).toEqual(['GPU-a2']);
    expect(accountant.fits(slot, req({ gpus: 1 }))).toBe('RESOURCE:GPU');
    expect(reasonOfReserve(accountant, slot, req({ gpus: 1 }))).toBe('RESOURCE:GPU');
    accountant.release(first);
    // Lowest-first in registration order: the freed first GPU is handed out again.
    expect(accountant.reserve(slot, req({ gpus: 1 })).gpuIds).toEqual(['GPU-b1']);
  });

  it('RESOURCE:GPU for a GPU task on an instance without GPUs, and for more GPUs than it has', () => {
    const { accountant, slot } = setup();
    expect(accountant.fits(slot, req({ gpus: 1 }))).toBe('RESOURCE:GPU');
    const gpu = setup(C5_LARGE, ['GPU-0', 'GPU-1']);
    expect(gpu.accountant.fits(gpu.slot, req({ gpus: 3 }))).toBe('RESOURCE:GPU');
    expect(gpu.accountant.reserve(gpu.slot, req({ gpus: 2 })).gpuIds).toEqual(['GPU-0', 'GPU-1']);
  });

  it('RESOURCE:ENI once the awsvpc task limit is reached; other tasks still fit', () => {
    const { accountant, slot, store } = setup(C5_LARGE, [], eniTaskLimit('c5.large', false));
    accountant.reserve(slot, req({ eni: true }));
    accountant.reserve(slot, req({ eni: true }));
    expect(store.enisInUse[slot]).toBe(2);
    expect(accountant.fits(slot, req({ eni: true }))).toBe('RESOURCE:ENI');
    expect(accountant.fits(slot, req({ eni: false, cpu: 10 }))).toBeNull();
  });

  it('reports the first failing reason in the order CPU, MEMORY, PORTS, PORTS_UDP, GPU, ENI', () => {
    expect(RESOURCE_REASONS).toEqual(['RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'RESOURCE:PORTS_UDP', 'RESOURCE:GPU', 'RESOURCE:ENI']);
    const { accountant, slot } = setup(C5_LARGE, [], 0);
    const all = { cpu: 4096, memory: 9999, tcpPorts: [22], gpus: 1, eni: true };
    expect(accountant.fits(slot, req(all))).toBe('RESOURCE:CPU');
    expect(accountant.fits(slot, req({ ...all, cpu: 1 }))).toBe('RESOURCE:MEMORY');
    expect(accountant.fits(slot, req({ ...all, cpu: 1, memory: 1 }))).toBe('RESOURCE:PORTS');
    accountant.reserve(slot, req({ udpPorts: [53] }));
    expect(accountant.fits(slot, req({ ...all, cpu: 1, memory: 1, udpPorts: [53] }))).toBe('RESOURCE:PORTS');
    expect(accountant.fits(slot, req({ ...all, cpu: 1, memory: 1, tcpPorts: [80], udpPorts: [53] }))).toBe('RESOURCE:PORTS_UDP');
    expect(accountant.fits(slot, req({ ...all, cpu: 1, memory: 1, tcpPorts: [80] }))).toBe('RESOURCE:GPU');
    expect(accountant.fits(slot, req({ ...all, cpu: 1, memory: 1, tcpPorts: [80], gpus: 0 }))).toBe('RESOURCE:ENI');
    expect(accountant.fits(slot, req({ ...all, cpu: 1, memory: 1, tcpPorts: [80], gpus: 0, eni: false }))).toBeNull();
  });
});

describe('ResourceAccountant: ports', () => {
  it('lets one port be held by a TCP task and a UDP task at once, but not twice per protocol', () => {
    const { accountant, slot } = setup();
    const dnsTcp = accountant.reserve(slot, req({ tcpPorts: [53] }));
    const dnsUdp = accountant.reserve(slot, req({ udpPorts: [53] }));
    expect(dnsTcp.tcpPorts).toEqual([53]);
    expect(dnsUdp.udpPorts).toEqual([53]);
    // A UDP conflict has its own code (ECS clients are told RESOURCE:PORTS: placement/reasons.ts).
    expect(accountant.fits(slot, req({ udpPorts: [53] }))).toBe('RESOURCE:PORTS_UDP');
    expect(accountant.fits(slot, req({ tcpPorts: [53] }))).toBe('RESOURCE:PORTS');
    const ports = accountant.remainingResources(slot);
    expect(ports[2]!.stringSetValue).toContain('53');
    expect(ports[3]!.stringSetValue).toEqual(['53']);
  });

  it('treats agent-reserved UDP ports as occupied', () => {
    const registered = C5_LARGE.map((r) => (r.name === 'PORTS_UDP' ? { ...r, stringSetValue: ['161'] } : r));
    const { accountant, slot } = setup(registered);
    expect(accountant.fits(slot, req({ udpPorts: [161] }))).toBe('RESOURCE:PORTS_UDP');
    expect(accountant.fits(slot, req({ tcpPorts: [161] }))).toBeNull();
  });

  it('caps reserved ports at 100 per instance, agent defaults included, TCP and UDP together', () => {
    expect(MAX_RESERVED_PORTS).toBe(100);
    const { accountant, slot } = setup();
    // 5 agent ports + 94 TCP + 1 UDP = 100: fits exactly.
    const tcp = Array.from({ length: 94 }, (_, i) => 10000 + i);
    accountant.reserve(slot, req({ tcpPorts: tcp, udpPorts: [9000] }));
    expect(accountant.fits(slot, req({ tcpPorts: [20000] }))).toBe('RESOURCE:PORTS');
    expect(accountant.fits(slot, req({ udpPorts: [20000] }))).toBe('RESOURCE:PORTS');
    // Tasks without static ports (dynamic bridge ports, awsvpc) are not affected by the cap.
    expect(accountant.fits(slot, req({ cpu: 1 }))).toBeNull();
    const registered = accountant.remainingResources(slot);
    expect(registered[2]!.stringSetValue).toHaveLength(99);
    expect(registered[3]!.stringSetValue).toEqual(['9000']);
  });

  it('a task that would take an instance from 99 to 101 ports fails; from 99 to 100 fits', () => {
    const { accountant, slot } = setup();
    accountant.reserve(slot, req({ tcpPorts: Array.from({ length: 94 }, (_, i) => 10000 + i) }));
    expect(accountant.fits(slot, req({ tcpPorts: [30000, 30001] }))).toBe('RESOURCE:PORTS');
    expect(accountant.fits(slot, req({ tcpPorts: [30000] }))).toBeNull();
    // A port repeated within the request counts once.
    expect(accountant.fits(slot, req({ tcpPorts: [30000, 30000] }))).toBeNull();
  });

  it('an instance that registered more than 100 ports takes no task with static ports', () => {
    const many = Array.from({ length: 101 }, (_, i) => String(1000 + i));
    const { accountant, slot } = setup([C5_LARGE[0]!, C5_LARGE[1]!, { name: 'PORTS', type: 'STRINGSET', stringSetValue: many }]);
    expect(accountant.fits(slot, req({ tcpPorts: [80] }))).toBe('RESOURCE:PORTS');
    expect(accountant.fits(slot, req({ cpu: 100 }))).toBeNull();
  });

  it('reserves a port listed twice in one request once', () => {
    const { accountant, slot } = setup();
    const r = accountant.reserve(slot, req({ tcpPorts: [8080, 80, 8080] }));
    expect(r.tcpPorts).toEqual([80, 8080]);
    accountant.release(r);
    expect(accountant.remainingResources(slot)[2]!.stringSetValue).toEqual(['22', '2375', '2376', '51678', '51679']);
  });
});

describe('ResourceAccountant: remainingResources', () => {
  it('has exactly the shape of DescribeContainerInstances (reference §2.5.1): every numeric member, occupied ports as sorted strings', () => {
    const { accountant, slot } = setup();
    expect(accountant.remainingResources(slot)).toEqual([
      { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 3705 },
      { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
      { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
    ]);
    accountant.reserve(slot, req({ cpu: 256, memory: 256, tcpPorts: [8080, 80], udpPorts: [5353] }));
    expect(accountant.remainingResources(slot)).toEqual([
      { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 1792 },
      { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 3449 },
      // numerically sorted: 80 before 2375, 8080 before 51678
      { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '80', '2375', '2376', '8080', '51678', '51679'] },
      { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['5353'] },
    ]);
  });

  it('adds GPU (INTEGER, GPUs no task holds) only on instances with GPUs', () => {
    const { accountant, slot } = setup(C5_LARGE, ['GPU-0', 'GPU-1']);
    expect(accountant.remainingResources(slot)[4]).toEqual({ name: 'GPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2 });
    accountant.reserve(slot, req({ gpus: 1 }));
    expect(accountant.remainingResources(slot)[4]).toEqual({ name: 'GPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 1 });
    expect(accountant.freeGpus(slot)).toBe(1);
  });

  it('keeps registered port entries that are not numbers, after the numbers, and counts them toward the cap', () => {
    const { accountant, slot } = setup([{ name: 'PORTS', type: 'STRINGSET', stringSetValue: ['ssh', '22', '022'] }]);
    expect(accountant.remainingResources(slot)[2]!.stringSetValue).toEqual(['22', 'ssh', '022']);
    expect(accountant.fits(slot, req({ tcpPorts: [22] }))).toBe('RESOURCE:PORTS');
  });

  it('returns fresh objects: changing them changes nothing', () => {
    const { accountant, slot } = setup();
    const r = accountant.remainingResources(slot);
    r[2]!.stringSetValue!.push('80');
    expect(accountant.fits(slot, req({ tcpPorts: [80] }))).toBeNull();
  });
});

describe('ResourceAccountant: release', () => {
  it('restores everything exactly', () => {
    const { accountant, slot, store } = setup(C5_LARGE, ['GPU-0', 'GPU-1'], 3);
    const before = { resources: accountant.remainingResources(slot), eni: store.enisInUse[slot] };
    const r = accountant.reserve(slot, req({ cpu: 512, memory: 1024, tcpPorts: [80], udpPorts: [53], gpus: 2, eni: true }));
    expect(accountant.remainingResources(slot)).not.toEqual(before.resources);
    expect(accountant.reservations(slot)).toEqual([r]);
    accountant.release(r);
    expect({ resources: accountant.remainingResources(slot), eni: store.enisInUse[slot] }).toEqual(before);
    expect(accountant.reservations(slot)).toEqual([]);
  });

  it('releasing twice throws and never credits twice', () => {
    const { accountant, slot, store } = setup();
    const a = accountant.reserve(slot, req({ cpu: 1024, tcpPorts: [80] }));
    const b = accountant.reserve(slot, req({ cpu: 512 }));
    accountant.release(a);
    expect(() => accountant.release(a)).toThrow(/not live/);
    expect(store.remainingCpu[slot]).toBe(2048 - 512);
    accountant.release(b);
    expect(store.remainingCpu[slot]).toBe(2048);
  });

  it('a reservation of a removed instance cannot be released, even when the slot is reused', () => {
    const { accountant, slot, store } = setup();
    const r = accountant.reserve(slot, req({ cpu: 100 }));
    const arn = store.arns[slot]!;
    accountant.removeInstance(slot);
    store.deregister(arn);
    expect(() => accountant.release(r)).toThrow(/not live/);
    const reused = instance(store);
    expect(reused).toBe(slot);
    accountant.addInstance(reused, C5_LARGE, [], 2);
    expect(() => accountant.release(r)).toThrow(/not live/);
    expect(store.remainingCpu[reused]).toBe(2048);
  });

  it('removeInstance forgets the instance and zeroes its columns; removing twice throws', () => {
    const { accountant, slot, store } = setup();
    accountant.reserve(slot, req({ eni: true }));
    accountant.removeInstance(slot);
    expect([store.remainingCpu[slot], store.remainingMemory[slot], store.enisInUse[slot]]).toEqual([0, 0, 0]);
    expect(accountant.has(slot)).toBe(false);
    expect(() => accountant.removeInstance(slot)).toThrow(AccountantError);
  });

  it('reservations are frozen (they cannot be edited into a bigger credit)', () => {
    const { accountant, slot } = setup();
    const r = accountant.reserve(slot, req({ cpu: 10, tcpPorts: [80] }));
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.tcpPorts)).toBe(true);
    expect(() => ((r as { cpu: number }).cpu = 2000)).toThrow(TypeError);
  });

  it('a reservation from another accountant is not accepted', () => {
    const a = setup();
    const b = setup();
    const r = a.accountant.reserve(a.slot, req({ cpu: 100 }));
    expect(() => b.accountant.release(r)).toThrow(/not live/);
  });
});

describe('ResourceAccountant: the store', () => {
  it('reads and writes the store columns current at call time, across store growth', () => {
    const store = new InstanceStore();
    const accountant = new ResourceAccountant(store);
    const first = instance(store);
    accountant.addInstance(first, C5_LARGE, [], 2);
    const oldColumn = store.remainingCpu;
    for (let i = 0; i < 200; i++) accountant.addInstance(instance(store), C5_LARGE, [], 2);
    expect(store.remainingCpu).not.toBe(oldColumn);
    accountant.reserve(first, req({ cpu: 48, eni: true }));
    expect(store.remainingCpu[first]).toBe(2000);
    expect(store.enisInUse[first]).toBe(1);
    expect(accountant.remainingResources(first)[0]!.integerValue).toBe(2000);
  });

  it('cloneFor makes an independent copy over a clone of the store', () => {
    const { accountant, slot, store } = setup(C5_LARGE, ['GPU-0'], 2);
    const held = accountant.reserve(slot, req({ cpu: 1000, tcpPorts: [80], gpus: 1, eni: true }));
    const forkStore = store.clone();
    const fork = accountant.cloneFor(forkStore);
    expect(fork.remainingResources(slot)).toEqual(accountant.remainingResources(slot));
    expect(forkStore.enisInUse[slot]).toBe(1);

    // The fork releases a task placed before the fork; the original still holds it.
    fork.release(held);
    expect(fork.fits(slot, req({ tcpPorts: [80], gpus: 1 }))).toBeNull();
    expect(accountant.fits(slot, req({ tcpPorts: [80] }))).toBe('RESOURCE:PORTS');
    expect(store.remainingCpu[slot]).toBe(1048);
    expect(forkStore.remainingCpu[slot]).toBe(2048);

    // And the original's changes do not reach the fork.
    accountant.reserve(slot, req({ cpu: 1048 }));
    expect(fork.fits(slot, req({ cpu: 2048 }))).toBeNull();
    expect(() => accountant.cloneFor(new InstanceStore())).toThrow(/not a clone/);
  });

  it('restore takes a recorded reservation again, with the same GPU ids', () => {
    const { accountant, slot } = setup(C5_LARGE, ['GPU-0', 'GPU-1', 'GPU-2'], 2);
    accountant.reserve(slot, req({ gpus: 1 }));
    const r = accountant.reserve(slot, req({ cpu: 10, gpus: 1, tcpPorts: [80], eni: true }));
    expect(r.gpuIds).toEqual(['GPU-1']);
    const recorded = JSON.parse(JSON.stringify(r));
    const other = setup(C5_LARGE, ['GPU-0', 'GPU-1', 'GPU-2'], 2);
    const again = other.accountant.restore({ ...recorded, slot: other.slot });
    expect(again.gpuIds).toEqual(['GPU-1']);
    expect(other.accountant.reserve(other.slot, req({ gpus: 1 })).gpuIds).toEqual(['GPU-0']);
    expect(() => other.accountant.restore({ ...recorded, slot: other.slot })).toThrow(ResourceUnavailableError);
    expect(() => other.accountant.restore({ ...recorded, slot: other.slot, tcpPorts: [], gpuIds: ['GPU-9'] })).toThrow(/no GPU GPU-9/);
    other.accountant.release(again);
  });
});

describe('eniTaskLimit (reference §2.5.6)', () => {
  it('without trunking: maximum ENIs minus the primary one', () => {
    expect(eniTaskLimit('c5.large', false)).toBe(2);
    expect(eniTaskLimit('c5.xlarge', false)).toBe(3);
    expect(eniTaskLimit('c5.2xlarge', false)).toBe(3);
    expect(eniTaskLimit('c5.4xlarge', false)).toBe(7);
    expect(eniTaskLimit('m5.large', false)).toBe(2);
    expect(eniTaskLimit('r5.4xlarge', false)).toBe(7);
    expect(eniTaskLimit('c5.18xlarge', false)).toBe(14);
    expect(eniTaskLimit('m4.large', false)).toBe(1);
    expect(eniTaskLimit('t2.micro', false)).toBe(1);
    expect(eniTaskLimit('m6g.medium', false)).toBe(1);
    expect(eniTaskLimit('a1.medium', false)).toBe(1);
    expect(eniTaskLimit('p3.2xlarge', false)).toBe(3);
  });

  it('with trunking: the guide\'s table (c5.large: 10 tasks, whether its ENI limit is called 12 or 10)', () => {
    expect(eniTaskLimit('c5.large', true)).toBe(10);
    expect(eniTaskLimit('c5.xlarge', true)).toBe(20);
    expect(eniTaskLimit('m5.2xlarge', true)).toBe(40);
    expect(eniTaskLimit('r5.4xlarge', true)).toBe(60);
    expect(eniTaskLimit('c5.9xlarge', true)).toBe(60);
    expect(eniTaskLimit('m5.12xlarge', true)).toBe(60);
    expect(eniTaskLimit('c5.18xlarge', true)).toBe(120);
    expect(eniTaskLimit('r5.24xlarge', true)).toBe(120);
    expect(eniTaskLimit('p3.2xlarge', true)).toBe(40);
    expect(eniTaskLimit('p3.8xlarge', true)).toBe(60);
    expect(eniTaskLimit('m6g.medium', true)).toBe(4);
    expect(eniTaskLimit('a1.medium', true)).toBe(10);
  });

  it('falls back by size suffix for types not in the tables, and to the smallest EC2 count without a type', () => {
    expect(maxNetworkInterfaces('c9.large')).toBe(3);
    expect(eniTaskLimit('c9.4xlarge', false)).toBe(7);
    expect(eniTaskLimit('x9.24xlarge', false)).toBe(14);
    expect(eniTaskLimit('m5.8xlarge', true)).toBe(60);
    expect(eniTaskLimit('p3dn.24xlarge', true)).toBe(120);
    expect(eniTaskLimit('zz.medium', true)).toBe(2);
    expect(eniTaskLimit('weird', false)).toBe(1);
    expect(eniTaskLimit(undefined, false)).toBe(1);
    expect(eniTaskLimit(undefined, true)).toBe(1);
  });

  it('c5.large: 2 awsvpc tasks without trunking, 10 with', () => {
    for (const [trunked, limit] of [[false, 2], [true, 10]] as const) {
      const { accountant, slot } = setup(C5_LARGE, [], eniTaskLimit('c5.large', trunked));
      for (let i = 0; i < limit; i++) accountant.reserve(slot, req({ eni: true, memory: 100 }));
      expect(accountant.fits(slot, req({ eni: true }))).toBe('RESOURCE:ENI');
      expect(accountant.eniLimit(slot)).toBe(limit);
    }
  });
});

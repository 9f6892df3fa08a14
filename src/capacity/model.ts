/**
 * The fast model a plan is searched with: tasks packed first-fit-decreasing onto what the
 * existing instances have free and onto the planned instances, per scenario, class by class
 * (a class's tasks go onto an instance as many at a time as fit). It is an approximation of the
 * scheduler (which places one task at a time by its strategies) — good enough to choose a plan,
 * never trusted to accept one: every plan is verified on a fork (`verify.ts`).
 */
import { MAX_RESERVED_PORTS } from '../resources/accountant.js';
import type { ClusterRecord } from '../ecs/clusters/record.js';
import type { TaskClass } from './demand.js';
import { eligible, emptyFit, staticPorts, type Kind } from './kinds.js';
import type { Scenario } from './scenarios.js';

/** What is free on each existing instance that could take tasks (ACTIVE or REGISTERING, agent connected), by slot. */
interface Existing {
  readonly cpu: Float64Array;
  readonly memory: Float64Array;
  readonly gpus: Float64Array;
  readonly enis: Float64Array;
  readonly ports: Float64Array;
}

/** A planned instance while packing. */
interface PlannedBin {
  readonly kind: Kind;
  cpu: number;
  memory: number;
  gpus: number;
  enis: number;
  ports: Set<number> | undefined;
  groups: Set<string> | undefined;
}

/** Per class: the existing slots it may use and the kinds it may use. */
interface ClassInfo {
  readonly cls: TaskClass;
  readonly slots: Int32Array;
  readonly kinds: Uint8Array;
  /** the key of the decreasing order (see `info`) */
  readonly size: number;
}

function binSize(k: Kind): number {
  return k.type.gpus * 1e6 + k.type.cpu / 1024 + k.type.memory / 4096;
}

function conjunction(cls: TaskClass): string | null {
  const parts = [...cls.memberOf.map((m) => `(${m})`), ...cls.requirements.attributes.map((a) => `attribute:${a} exists`), 'agentConnected == true'];
  return parts.join(' and ');
}

function portsOf(values: readonly string[] | undefined): number[] {
  return (values ?? []).flatMap((v) => (/^\d+$/.test(v) ? [Number(v)] : []));
}

/** The packing model of a cluster for a set of kinds; classes are added as scenarios name them. */
export class PackingModel {
  private readonly existing: Existing;
  private readonly classes = new Map<string, ClassInfo>();
  /** used ports per slot, read from the accountant on first need */
  private readonly usedPorts = new Map<number, Set<number>>();

  constructor(private readonly cluster: ClusterRecord, readonly kinds: readonly Kind[]) {
    const n = cluster.store.arns.length;
    const e: Existing = { cpu: new Float64Array(n), memory: new Float64Array(n), gpus: new Float64Array(n), enis: new Float64Array(n), ports: new Float64Array(n) };
    const { store, accountant } = cluster;
    for (const slot of store.querySlots('agentConnected == true', { status: ['ACTIVE', 'REGISTERING'] })) {
      e.cpu[slot] = store.remainingCpu[slot]!;
      e.memory[slot] = store.remainingMemory[slot]!;
      e.gpus[slot] = accountant.freeGpus(slot);
      let enis = 0;
      for (const r of accountant.reservations(slot)) if (r.eni) enis++;
      e.enis[slot] = accountant.eniLimit(slot) - enis;
      e.ports[slot] = this.portsAt(slot).size;
    }
    this.existing = e;
  }

  private portsAt(slot: number): Set<number> {
    let s = this.usedPorts.get(slot);
    if (s === undefined) {
      const remaining = this.cluster.accountant.remainingResources(slot);
      s = new Set([...portsOf(remaining.find((r) => r.name === 'PORTS')?.stringSetValue), ...portsOf(remaining.find((r) => r.name === 'PORTS_UDP')?.stringSetValue).map((p) => -p)]);
      this.usedPorts.set(slot, s);
    }
    return s;
  }

  /** The model's view of a class (built once). */
  info(cls: TaskClass): ClassInfo {
    let info = this.classes.get(cls.key);
    if (info === undefined) {
      const slots = Int32Array.from(this.cluster.store.querySlots(conjunction(cls), { status: ['ACTIVE', 'REGISTERING'] }));
      const kinds = new Uint8Array(this.kinds.length);
      for (const k of this.kinds) kinds[k.index] = eligible(cls, k) ? 1 : 0;
      const r = cls.requirements;
      // Decreasing order: GPU tasks, then the classes with fewest kinds to go to (memberOf
      // constraints), then one-per-instance classes, then the biggest.
      const choices = kinds.reduce((n, x) => n + x, 0);
      const size = (r.gpus > 0 ? 1e9 : 0) + (this.kinds.length - choices) * 1e5 + (staticPorts(cls) > 0 || cls.distinct ? 1e4 : 0) + r.cpu / 1024 + r.memory / 4096;
      info = { cls, slots, kinds, size };
      this.classes.set(cls.key, info);
    }
    return info;
  }

  /** Whether some allowed kind could hold a task of `cls`. */
  placeable(cls: TaskClass): boolean {
    return this.info(cls).kinds.includes(1);
  }

  /**
   * Packs a scenario's demand onto the existing instances it leaves (unless `existing` is false)
   * and the planned ones it does not take away (`counts[k]` instances of kind k). Returns the
   * tasks left over, per class key.
   */
  pack(scenario: Pick<Scenario, 'demand' | 'lostSlots'>, counts: ArrayLike<number>, lostKinds: Uint8Array, existing = true): Map<string, { cls: TaskClass; count: number }> {
    const e = this.existing;
    const cpu = e.cpu.slice();
    const memory = e.memory.slice();
    const gpus = e.gpus.slice();
    const enis = e.enis.slice();
    const ports = e.ports.slice();
    const addedPorts = new Map<number, Set<number>>();
    const addedGroups = new Map<number, Set<string>>();
    const bins: PlannedBin[] = [];
    for (const k of this.kinds) {
      if (lostKinds[k.index]) continue;
      for (let i = 0; i < (counts[k.index] ?? 0); i++) bins.push({ kind: k, cpu: k.type.cpu, memory: k.type.memory, gpus: k.type.gpus, enis: k.enis, ports: undefined, groups: undefined });
    }
    // Smallest first (GPU instances last): small tasks fill small instances and leave the big
    // ones to the tasks only they can hold.
    bins.sort((a, b) => binSize(a.kind) - binSize(b.kind) || a.kind.index - b.kind.index);
    const demand = [...scenario.demand].map((d) => ({ d, info: this.info(d.cls) })).sort((a, b) => b.info.size - a.info.size || (a.d.cls.key < b.d.cls.key ? -1 : 1));
    const left = new Map<string, { cls: TaskClass; count: number }>();
    const store = this.cluster.store;
    for (const { d, info } of demand) {
      const r = d.cls.requirements;
      const portList = [...r.tcpPorts, ...r.udpPorts.map((p) => -p)];
      const single = portList.length > 0 || d.cls.distinct;
      let rem = d.count;
      const fit = (c: number, m: number, g: number, n: number): number => {
        let x = rem;
        if (r.cpu > 0) x = Math.min(x, Math.floor(c / r.cpu));
        if (r.memory > 0) x = Math.min(x, Math.floor(m / r.memory));
        if (r.gpus > 0) x = Math.min(x, Math.floor(g / r.gpus));
        if (r.eni) x = Math.min(x, n);
        return single ? Math.min(x, 1) : x;
      };
      for (let i = 0; existing && i < info.slots.length && rem > 0; i++) {
        const slot = info.slots[i]!;
        if (scenario.lostSlots.has(slot)) continue;
        let x = fit(cpu[slot]!, memory[slot]!, gpus[slot]!, enis[slot]!);
        if (x <= 0) continue;
        if (portList.length > 0) {
          const used = this.portsAt(slot);
          const added = addedPorts.get(slot);
          if (ports[slot]! + portList.length > MAX_RESERVED_PORTS || portList.some((p) => used.has(p) || added?.has(p))) continue;
        }
        if (d.cls.distinct && (store.groupCountAt(slot, d.cls.group) > 0 || addedGroups.get(slot)?.has(d.cls.group))) continue;
        x = Math.min(x, rem);
        cpu[slot] = cpu[slot]! - x * r.cpu;
        memory[slot] = memory[slot]! - x * r.memory;
        gpus[slot] = gpus[slot]! - x * r.gpus;
        if (r.eni) enis[slot] = enis[slot]! - x;
        if (portList.length > 0) {
          ports[slot] = ports[slot]! + portList.length;
          let s = addedPorts.get(slot);
          if (s === undefined) addedPorts.set(slot, (s = new Set()));
          for (const p of portList) s.add(p);
        }
        if (d.cls.distinct) {
          let s = addedGroups.get(slot);
          if (s === undefined) addedGroups.set(slot, (s = new Set()));
          s.add(d.cls.group);
        }
        rem -= x;
      }
      for (let i = 0; i < bins.length && rem > 0; i++) {
        const b = bins[i]!;
        if (!info.kinds[b.kind.index]) continue;
        let x = fit(b.cpu, b.memory, b.gpus, b.enis);
        if (x <= 0) continue;
        if (portList.length > 0 && b.ports !== undefined && portList.some((p) => b.ports!.has(p))) continue;
        if (d.cls.distinct && b.groups?.has(d.cls.group)) continue;
        x = Math.min(x, rem);
        b.cpu -= x * r.cpu;
        b.memory -= x * r.memory;
        b.gpus -= x * r.gpus;
        if (r.eni) b.enis -= x;
        if (portList.length > 0) for (const p of portList) (b.ports ??= new Set()).add(p);
        if (d.cls.distinct) (b.groups ??= new Set()).add(d.cls.group);
        rem -= x;
      }
      if (rem > 0) left.set(d.cls.key, { cls: d.cls, count: rem });
    }
    return left;
  }

  /**
   * Instances to add so that `left` (tasks the model could not place in one scenario) fits on new
   * instances alone: class by class, fill the instances opened so far, then open the kind with the
   * lowest price per task it takes (ties: the AZ with fewest planned instances, then the order of
   * kinds). `usable[k]` says which kinds the scenario leaves standing; `allowed` may narrow the
   * kinds a class opens (the baseline's one template per class).
   */
  openFor(
    left: Iterable<{ cls: TaskClass; count: number }>, usable: Uint8Array, planned: ArrayLike<number>,
    allowed: (cls: TaskClass, kind: Kind) => boolean = () => true,
  ): Map<number, number> {
    const added = new Map<number, number>();
    const bins: PlannedBin[] = [];
    const perAz = new Map<string, number>();
    for (const k of this.kinds) perAz.set(k.availabilityZone, (perAz.get(k.availabilityZone) ?? 0) + (planned[k.index] ?? 0));
    const order = [...left].map((l) => ({ l, info: this.info(l.cls) })).sort((a, b) => b.info.size - a.info.size || (a.l.cls.key < b.l.cls.key ? -1 : 1));
    for (const { l, info } of order) {
      const r = l.cls.requirements;
      const single = staticPorts(l.cls) > 0 || l.cls.distinct;
      let rem = l.count;
      const take = (b: PlannedBin): void => {
        let x = rem;
        if (r.cpu > 0) x = Math.min(x, Math.floor(b.cpu / r.cpu));
        if (r.memory > 0) x = Math.min(x, Math.floor(b.memory / r.memory));
        if (r.gpus > 0) x = Math.min(x, Math.floor(b.gpus / r.gpus));
        if (r.eni) x = Math.min(x, b.enis);
        if (single) {
          if (b.groups?.has(l.cls.key)) return;
          x = Math.min(x, 1);
        }
        if (x <= 0) return;
        b.cpu -= x * r.cpu;
        b.memory -= x * r.memory;
        b.gpus -= x * r.gpus;
        if (r.eni) b.enis -= x;
        if (single) (b.groups ??= new Set()).add(l.cls.key);
        rem -= x;
      };
      for (const b of bins) {
        if (rem <= 0) break;
        if (info.kinds[b.kind.index]) take(b);
      }
      while (rem > 0) {
        let best: Kind | undefined;
        let bestScore = Infinity;
        for (const k of this.kinds) {
          if (!info.kinds[k.index] || !usable[k.index] || !allowed(l.cls, k)) continue;
          const n = Math.min(rem, emptyFit(l.cls, k));
          if (n <= 0) continue;
          const score = k.price / n;
          const better = score < bestScore - 1e-12
            || (score <= bestScore + 1e-12 && best !== undefined && (perAz.get(k.availabilityZone)! < perAz.get(best.availabilityZone)!));
          if (better) {
            best = k;
            bestScore = score;
          }
        }
        if (best === undefined) break;
        const b: PlannedBin = { kind: best, cpu: best.type.cpu, memory: best.type.memory, gpus: best.type.gpus, enis: best.enis, ports: undefined, groups: undefined };
        bins.push(b);
        added.set(best.index, (added.get(best.index) ?? 0) + 1);
        perAz.set(best.availabilityZone, perAz.get(best.availabilityZone)! + 1);
        const before = rem;
        take(b);
        if (rem === before) break;
      }
    }
    return added;
  }
}

/**
 * The resource accountant: what each container instance has registered, what placed tasks hold,
 * and what is left (reference §2.5). Remaining CPU and memory and the ENIs in use live in the
 * store's typed-array columns (`remainingCpu`, `remainingMemory`, `enisInUse`) so placement can
 * scan them; ports, GPU ids and the live reservations live here, per slot.
 *
 * Decisions where the reference is silent, each marked [INF]:
 * - The 100 reserved-port limit counts TCP and UDP together: the limit is stated per container
 *   instance ("100 host ports per container instance"), with no per-protocol split, so the safe
 *   reading is one budget for both lists [INF]. Only a task that adds static ports can hit it.
 * - A UDP port conflict is `RESOURCE:PORTS_UDP`, a TCP conflict or a cap overrun (one budget
 *   for both) `RESOURCE:PORTS`. ECS documents no PORTS_UDP reason (reference §2.5.7, §6 item 11),
 *   so callers report it to ECS clients as RESOURCE:PORTS (placement/reasons.ts); the code keeps
 *   the two apart in tallies and what-if reports [INF].
 * - GPUs in `remainingResources` are one `GPU` resource of type INTEGER holding the number of
 *   GPUs no task holds, present only on instances that registered GPUs. Nothing documents the
 *   ECS representation (§2.5.5, §6 item 10); the agent's own bookkeeping
 *   (`agent/engine/host_resource_manager.go`) models GPU as an INTEGER count, and a count reads
 *   the same way as CPU and MEMORY (what is left), unlike PORTS (what is taken) [INF, AG].
 * - GPU ids are handed out lowest-first in the order the instance registered them
 *   (`platformDevices` order) [INF].
 * - Registered PORTS / PORTS_UDP entries that are not port numbers are kept as they are: listed
 *   (after the numbers) and counted toward the 100, but never matched by a task's ports [INF].
 */
import type { Resource } from '../shapes.js';
import { ChangeLog, type ForkOrigin } from '../collections/change-log.js';
import { recording, type Journal } from '../collections/journal.js';
import type { ContainerInstanceStore } from '../store/types.js';
import { HeldReservation, LiveReservations } from './live-reservations.js';
import { RESOURCE_REASONS, type Reservation, type ResourceReason, type TaskRequirements } from './types.js';

/** An instance holds at most this many reserved host ports, the agent's defaults included [API]. */
export const MAX_RESERVED_PORTS = 100;

const INT32_MAX = 2 ** 31 - 1;
const PORT_TEXT = /^(0|[1-9]\d{0,4})$/;

/** Misuse of the accountant (unknown slot, double release, malformed requirements). */
export class AccountantError extends Error {
  override readonly name: string = 'AccountantError';
}

/** `reserve` on an instance the task does not fit; `reason` is what `fits` reported. */
export class ResourceUnavailableError extends AccountantError {
  override readonly name: string = 'ResourceUnavailableError';
  constructor(
    readonly slot: number,
    readonly reason: ResourceReason,
  ) {
    super(`the task does not fit container instance slot ${slot}: ${reason}`);
  }
}

/** Everything the accountant keeps about one instance besides the store columns. */
interface SlotState {
  readonly registeredCpu: number;
  readonly registeredMemory: number;
  /** occupied TCP / UDP ports: agent-reserved + static host ports of live reservations */
  readonly tcp: Set<number>;
  readonly udp: Set<number>;
  /** registered PORTS / PORTS_UDP entries that are not port numbers (kept verbatim) */
  readonly otherTcp: readonly string[];
  readonly otherUdp: readonly string[];
  readonly gpuIds: readonly string[];
  /** 1 where the GPU at the same index of gpuIds is held by a task */
  readonly gpuHeld: Uint8Array;
  gpuFree: number;
  readonly eniLimit: number;
  readonly live: LiveReservations;
}

/** The GPU flags of every instance without GPUs (most): nothing is ever written to an empty array. */
const NO_GPU_FLAGS = new Uint8Array(0);

function cloneSlot(s: SlotState): SlotState {
  return {
    ...s,
    tcp: new Set(s.tcp),
    udp: new Set(s.udp),
    gpuHeld: s.gpuHeld.length === 0 ? NO_GPU_FLAGS : s.gpuHeld.slice(),
    // Reservations are frozen, so the copy may share them; the list itself is the fork's own.
    live: s.live.clone(),
  };
}

/**
 * The amount a registered INTEGER / LONG / DOUBLE resource carries, as the accountant holds it: a
 * whole number from 0 to 2^31 − 1 (its columns are 32-bit); AccountantError otherwise. Registration
 * checks with it before anything is stored.
 * @example registeredAmount({ name: 'CPU', type: 'LONG', longValue: 2 ** 31 }, 'CPU') // throws AccountantError
 */
export function registeredAmount(r: Resource | undefined, name: string): number {
  return numberOf(r, name);
}

/** The number a registered INTEGER / LONG / DOUBLE resource carries. */
function numberOf(r: Resource | undefined, name: string): number {
  if (r === undefined) return 0;
  const v = r.type === 'LONG' ? r.longValue : r.type === 'DOUBLE' ? r.doubleValue : (r.integerValue ?? r.longValue ?? r.doubleValue);
  const n = Math.floor(v ?? 0);
  if (!Number.isFinite(n) || n < 0 || n > INT32_MAX) throw new AccountantError(`registered ${name} must be a whole number between 0 and ${INT32_MAX}; got ${String(v)}`);
  return n;
}

/** The port numbers of a PORTS / PORTS_UDP resource, and its entries that are not port numbers (each once, in order). */
export function portsOf(r: Resource | undefined): { ports: Set<number>; other: string[] } {
  const ports = new Set<number>();
  const other: string[] = [];
  for (const text of r?.stringSetValue ?? []) {
    const n = PORT_TEXT.test(text) ? Number(text) : NaN;
    if (n >= 0 && n <= 65535) ports.add(n);
    else if (!other.includes(text)) other.push(text);
  }
  return { ports, other };
}

/** Whether no id appears twice (most instances and tasks have no GPU, so no Set is made for them). */
function unique(ids: readonly string[]): boolean {
  return ids.length < 2 || new Set(ids).size === ids.length;
}

/** The last resource of a name (as a map by name would keep it), or undefined. */
function lastNamed(resources: readonly Resource[], name: string): Resource | undefined {
  for (let i = resources.length - 1; i >= 0; i--) if (resources[i]!.name === name) return resources[i];
  return undefined;
}

function checkPorts(ports: readonly number[], what: string): void {
  // (an index loop: a restore checks every task's, mostly empty)
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i]!;
    if (!Number.isInteger(p) || p < 1 || p > 65535) throw new AccountantError(`${what} must be port numbers 1-65535; got ${String(p)}`);
  }
}

function checkAmount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new AccountantError(`${what} must be a non-negative integer; got ${String(n)}`);
}

/** Distinct entries of `ports` not yet in `taken`; null if one of them is taken. */
function newPortCount(ports: readonly number[], taken: ReadonlySet<number>): number | null {
  let n = 0;
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i]!;
    if (taken.has(p)) return null;
    // Requirements list each port once (requirementsOf sorts and dedupes); a hand-made list may
    // repeat one, which still reserves it once.
    if (ports.indexOf(p) === i) n++;
  }
  return n;
}

const NO_PORTS: readonly number[] = Object.freeze([]);

/** `shortage`'s verdicts: FITS, or 1 + the index of the reason in RESOURCE_REASONS. */
const FITS = 0;
const SHORT_OF_CPU = 1 + RESOURCE_REASONS.indexOf('RESOURCE:CPU');
const SHORT_OF_MEMORY = 1 + RESOURCE_REASONS.indexOf('RESOURCE:MEMORY');
const SHORT_OF_PORTS = 1 + RESOURCE_REASONS.indexOf('RESOURCE:PORTS');
const SHORT_OF_PORTS_UDP = 1 + RESOURCE_REASONS.indexOf('RESOURCE:PORTS_UDP');
const SHORT_OF_GPU = 1 + RESOURCE_REASONS.indexOf('RESOURCE:GPU');
const SHORT_OF_ENI = 1 + RESOURCE_REASONS.indexOf('RESOURCE:ENI');
const NO_GPUS: readonly string[] = Object.freeze([]);
/** Port lists already sorted, by the list they came from (requirements are frozen and shared by every task). */
const sortedLists = new WeakMap<readonly number[], readonly number[]>();

/** The ports sorted, each once, frozen; computed once per frozen input list (placement reserves in a hot loop). */
function sortedUnique(ports: readonly number[]): readonly number[] {
  if (ports.length === 0) return NO_PORTS;
  let sorted = sortedLists.get(ports);
  if (sorted === undefined) {
    sorted = Object.freeze([...new Set(ports)].sort((a, b) => a - b));
    if (Object.isFrozen(ports)) sortedLists.set(ports, sorted);
  }
  return sorted;
}

function integerResource(name: string, value: number): Resource {
  return { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

function stringSetResource(name: string, ports: ReadonlySet<number>, other: readonly string[]): Resource {
  const numbers = [...ports].sort((a, b) => a - b).map(String);
  return { name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [...numbers, ...other] };
}

/**
 * Per-instance resource bookkeeping over an ContainerInstanceStore's slots.
 *
 * @example
 * const accountant = new ResourceAccountant(store);
 * accountant.addInstance(slot, registeredResources, ['GPU-0', 'GPU-1'], eniTaskLimit('p3.8xlarge', false));
 * const why = accountant.fits(slot, requirements);            // null, or 'RESOURCE:MEMORY', ...
 * const r = accountant.reserve(slot, requirements);           // when the task is placed
 * accountant.release(r);                                      // when it stops
 */
export class ResourceAccountant {
  private slots: (SlotState | undefined)[] = [];
  /**
   * Copy-on-write after a fork (`cloneFor`): the slot array and every slot state start shared
   * with the other side; `slotsShared` says the array is, `ownedStates` holds the states this
   * side has copied or made since (null: never forked, everything is this side's).
   */
  private slotsShared = false;
  private ownedStates: WeakSet<SlotState> | null = null;

  /**
   * Reservations taken but not yet added to their slot's live list, in the order taken. Bulk
   * placement reserves on a different instance each time; appending here instead of to that
   * instance's list saves a cache miss or two per task. Everything that reads or replaces live
   * lists or slot states files them first (`file`); each belongs to the state its slot has then,
   * which `take` made this side's own.
   */
  private readonly unfiled: HeldReservation[] = [];

  private journal: Journal | null = null;

  /** Which slots' resources changed (reservations taken or given back, instances added or removed, undos), for placement's reused structures. */
  readonly changes = new ChangeLog();
  /** The accountant this one was cloned from (`cloneFor`), and its change-log revision then (null: not a clone). */
  origin: ForkOrigin<ResourceAccountant> | null = null;

  constructor(readonly store: ContainerInstanceStore) {}

  /**
   * Journals every later change in `journal`'s open transactions (null: none): instances added
   * and removed, reservations taken and released. The remaining CPU, memory and ENI columns are
   * the store's and journaled by it (give both the same journal). A clone starts without one.
   */
  useJournal(journal: Journal | null): void {
    this.journal = journal;
  }

  /** Adds the unfiled reservations to their slots' live lists. */
  private file(): void {
    const unfiled = this.unfiled;
    if (unfiled.length === 0) return;
    for (let i = 0; i < unfiled.length; i++) this.slots[unfiled[i]!.slot]!.live.add(unfiled[i]!);
    unfiled.length = 0;
  }

  /** Whether `slot` is an instance the accountant knows. */
  has(slot: number): boolean {
    return this.slots[slot] !== undefined;
  }

  /**
   * An instance joins with its registered resources (CPU, MEMORY, PORTS, PORTS_UDP; agent-reserved
   * ports are occupied from the start), GPU ids (platformDevices) and ENI task limit. The slot
   * must be live in the store and new to the accountant.
   */
  addInstance(slot: number, registered: readonly Resource[], gpuIds: readonly string[], eniLimit: number): void {
    if (!this.store.isLive(slot)) throw new AccountantError(`slot ${slot} is not a live container instance of the store`);
    if (this.slots[slot] !== undefined) throw new AccountantError(`slot ${slot} is already accounted for`);
    checkAmount(eniLimit, 'eniLimit');
    if (!unique(gpuIds)) throw new AccountantError('GPU ids must be unique');
    const cpu = numberOf(lastNamed(registered, 'CPU'), 'CPU');
    const memory = numberOf(lastNamed(registered, 'MEMORY'), 'MEMORY');
    const tcp = portsOf(lastNamed(registered, 'PORTS'));
    const udp = portsOf(lastNamed(registered, 'PORTS_UDP'));
    if (recording(this.journal)) this.recordPutState(this.journal, slot, undefined);
    this.ownSlotArray();
    const state: SlotState = {
      registeredCpu: cpu,
      registeredMemory: memory,
      tcp: tcp.ports,
      udp: udp.ports,
      otherTcp: tcp.other,
      otherUdp: udp.other,
      gpuIds: Object.freeze([...gpuIds]),
      gpuHeld: gpuIds.length === 0 ? NO_GPU_FLAGS : new Uint8Array(gpuIds.length),
      gpuFree: gpuIds.length,
      eniLimit,
      live: new LiveReservations(),
    };
    this.slots[slot] = state;
    this.ownedStates?.add(state);
    this.store.setRemainingResources(slot, cpu, memory, 0);
    this.changes.note(slot);
  }

  private recordPutState(journal: Journal, slot: number, state: SlotState | undefined): void {
    journal.record(() => this.putState(slot, state));
  }

  /** Sets a slot's state (for undos; the state object itself is left as it is). */
  private putState(slot: number, state: SlotState | undefined): void {
    this.file();
    this.ownSlotArray();
    this.slots[slot] = state;
    this.changes.note(slot);
  }

  /**
   * The instance leaves (deregistered). Its reservations die with it: releasing one later throws
   * rather than crediting an instance that is gone (or a new one in the reused slot).
   */
  removeInstance(slot: number): void {
    const state = this.slotState(slot);
    this.file();
    // (A removed state is never changed again, so the undo may put the same object back.)
    if (recording(this.journal)) this.recordPutState(this.journal, slot, state);
    this.ownSlotArray();
    this.slots[slot] = undefined;
    if (slot < this.store.capacity) this.store.setRemainingResources(slot, 0, 0, 0);
    this.changes.note(slot);
  }

  /** null if the task fits, else the first failing reason in the order CPU, MEMORY, PORTS, PORTS_UDP, GPU, ENI. */
  fits(slot: number, req: TaskRequirements): ResourceReason | null {
    const shortage = this.shortage(slot, req);
    return shortage === FITS ? null : RESOURCE_REASONS[shortage - 1]!;
  }

  /**
   * `fits` as a number: 0 (FITS) if the task fits, else 1 + the reason's index in
   * RESOURCE_REASONS — for placement, which asks this of every instance of the fleet when it
   * prepares a request, and keeps reasons as codes.
   */
  shortage(slot: number, req: TaskRequirements): number {
    const s = this.slotState(slot);
    checkRequirements(req);
    return this.firstShortage(slot, s, req, 0);
  }

  /**
   * `shortage` of one more task as if `copies` tasks of the same requirements had been reserved
   * on the instance first (each of which fitted: the caller asked for 0, 1, … in turn), without
   * reserving them: for a headroom, which fills every instance to the brim and needs only the
   * counts. Equal to `shortage` after `copies` calls of `reserve` (property-tested).
   */
  shortageAfter(slot: number, req: TaskRequirements, copies: number): number {
    const s = this.slotState(slot);
    checkRequirements(req);
    return this.firstShortage(slot, s, req, copies);
  }

  /** The verdict of one more task after `copies` earlier ones of the same requirements (0: `shortage`). */
  private firstShortage(slot: number, s: SlotState, req: TaskRequirements, copies: number): number {
    const store = this.store;
    const n = copies + 1;
    if (n * req.cpu > store.remainingCpu[slot]!) return SHORT_OF_CPU;
    if (n * req.memory > store.remainingMemory[slot]!) return SHORT_OF_MEMORY;
    if (req.tcpPorts.length > 0 || req.udpPorts.length > 0) {
      // An earlier copy holds every port the task asks for.
      if (copies > 0) return req.tcpPorts.length > 0 ? SHORT_OF_PORTS : SHORT_OF_PORTS_UDP;
      const newTcp = newPortCount(req.tcpPorts, s.tcp);
      const newUdp = newPortCount(req.udpPorts, s.udp);
      if (newTcp === null) return SHORT_OF_PORTS;
      if (newUdp === null) return SHORT_OF_PORTS_UDP;
      const held = s.tcp.size + s.udp.size + s.otherTcp.length + s.otherUdp.length;
      if (newTcp + newUdp > 0 && held + newTcp + newUdp > MAX_RESERVED_PORTS) return SHORT_OF_PORTS;
    }
    // `s` is read only when the task needs ports, GPUs or an ENI: placement asks this for
    // thousands of instances, and most tasks need none of them (one cache miss less each).
    if (req.gpus > 0 && n * req.gpus > s.gpuFree) return SHORT_OF_GPU;
    if (req.eni && store.enisInUse[slot]! + copies >= s.eniLimit) return SHORT_OF_ENI;
    return FITS;
  }

  /**
   * Reserves what the task needs (throws ResourceUnavailableError if it does not fit) and returns
   * what was taken: ports sorted, GPU ids chosen lowest-first. The reservation is frozen; hand it
   * back to `release` when the task stops.
   */
  reserve(slot: number, req: TaskRequirements): Reservation {
    const s = this.slotState(slot);
    checkRequirements(req);
    const shortage = this.firstShortage(slot, s, req, 0);
    if (shortage !== FITS) throw new ResourceUnavailableError(slot, RESOURCE_REASONS[shortage - 1]!);
    let gpuIds = NO_GPUS;
    if (req.gpus > 0) {
      const chosen: string[] = [];
      for (let i = 0; chosen.length < req.gpus; i++) {
        if (s.gpuHeld[i] === 0) chosen.push(s.gpuIds[i]!);
      }
      gpuIds = Object.freeze(chosen);
    }
    return this.take(slot, s, new HeldReservation(slot, req.cpu, req.memory, sortedUnique(req.tcpPorts), sortedUnique(req.udpPorts), gpuIds, req.eni));
  }

  /**
   * Takes again a reservation recorded earlier — the same CPU, memory, ports, GPU ids and ENI —
   * for example when restoring tasks from a snapshot. Throws if any of it is not available.
   * Returns the new live reservation (the argument itself stays whatever it was).
   */
  restore(recorded: Reservation): Reservation {
    const slot = recorded.slot;
    const s = this.slotState(slot);
    const req: TaskRequirements = {
      cpu: recorded.cpu, memory: recorded.memory, tcpPorts: recorded.tcpPorts, udpPorts: recorded.udpPorts,
      gpus: recorded.gpuIds.length, eni: recorded.eni, attributes: [],
    };
    checkRequirements(req);
    const shortage = this.firstShortage(slot, s, req, 0);
    if (shortage !== FITS) throw new ResourceUnavailableError(slot, RESOURCE_REASONS[shortage - 1]!);
    if (!unique(recorded.gpuIds)) throw new AccountantError('restore: a GPU id appears twice in the reservation');
    for (const id of recorded.gpuIds) {
      const i = s.gpuIds.indexOf(id);
      if (i < 0) throw new AccountantError(`restore: slot ${slot} has no GPU ${id}`);
      if (s.gpuHeld[i] === 1) throw new ResourceUnavailableError(slot, 'RESOURCE:GPU');
    }
    const gpuIds = recorded.gpuIds.length === 0 ? NO_GPUS : Object.freeze([...recorded.gpuIds]);
    return this.take(slot, s, new HeldReservation(slot, recorded.cpu, recorded.memory, sortedUnique(recorded.tcpPorts), sortedUnique(recorded.udpPorts), gpuIds, recorded.eni));
  }

  /** Applies a reservation already checked to fit. */
  private take(slot: number, shared: SlotState, r: HeldReservation): Reservation {
    if (recording(this.journal)) this.recordTake(this.journal, r, shared.gpuFree);
    const s = this.writable(slot, shared);
    const store = this.store;
    store.setRemainingResources(slot, store.remainingCpu[slot]! - r.cpu, store.remainingMemory[slot]! - r.memory, store.enisInUse[slot]! + (r.eni ? 1 : 0));
    // Index loops: most tasks hold no ports or GPUs, and for-of over an empty array still costs.
    const { tcpPorts, udpPorts, gpuIds } = r;
    for (let i = 0; i < tcpPorts.length; i++) s.tcp.add(tcpPorts[i]!);
    for (let i = 0; i < udpPorts.length; i++) s.udp.add(udpPorts[i]!);
    if (gpuIds.length > 0) {
      for (let i = 0; i < gpuIds.length; i++) s.gpuHeld[s.gpuIds.indexOf(gpuIds[i]!)] = 1;
      s.gpuFree -= gpuIds.length;
    }
    this.unfiled.push(r);
    this.changes.note(slot);
    return r;
  }

  // (Undos are made in methods of their own: a closure over a hot method's parameters would make
  // V8 allocate a context on every call, journal or not.)
  private recordTake(journal: Journal, r: HeldReservation, gpuFree: number): void {
    journal.record(() => this.untake(r, gpuFree));
  }

  /** The undo of `take`: the reservation's ports, GPUs and live entry gone (the store undoes its columns). */
  private untake(r: HeldReservation, gpuFree: number): void {
    const i = this.unfiled.lastIndexOf(r);
    if (i >= 0) this.unfiled.splice(i, 1);
    const current = this.slots[r.slot];
    if (current === undefined) return;
    const s = this.writable(r.slot, current);
    s.live.delete(r);
    for (const p of r.tcpPorts) s.tcp.delete(p);
    for (const p of r.udpPorts) s.udp.delete(p);
    for (const id of r.gpuIds) s.gpuHeld[s.gpuIds.indexOf(id)] = 0;
    s.gpuFree = gpuFree;
    this.changes.note(r.slot);
  }

  /**
   * Gives back a reservation. Releasing one twice, one of a removed instance, or one this
   * accountant never handed out throws — never a double credit.
   */
  release(r: Reservation): void {
    this.file();
    const current = this.slots[r.slot];
    if (current === undefined || !current.live.has(r)) {
      throw new AccountantError(`release: the reservation on slot ${r.slot} is not live (released already, its instance was removed, or it is from another accountant)`);
    }
    if (recording(this.journal)) this.recordRelease(this.journal, r as HeldReservation, current.gpuFree);
    const s = this.writable(r.slot, current);
    s.live.delete(r);
    const store = this.store;
    store.setRemainingResources(r.slot, store.remainingCpu[r.slot]! + r.cpu, store.remainingMemory[r.slot]! + r.memory, store.enisInUse[r.slot]! - (r.eni ? 1 : 0));
    for (const p of r.tcpPorts) s.tcp.delete(p);
    for (const p of r.udpPorts) s.udp.delete(p);
    for (const id of r.gpuIds) s.gpuHeld[s.gpuIds.indexOf(id)] = 0;
    s.gpuFree += r.gpuIds.length;
    this.changes.note(r.slot);
  }

  private recordRelease(journal: Journal, r: HeldReservation, gpuFree: number): void {
    journal.record(() => this.unrelease(r, gpuFree));
  }

  /** The undo of `release`: the reservation live again, in its place, with its ports and GPUs. */
  private unrelease(r: HeldReservation, gpuFree: number): void {
    const current = this.slots[r.slot];
    if (current === undefined) return;
    const s = this.writable(r.slot, current);
    s.live.restore(r);
    for (const p of r.tcpPorts) s.tcp.add(p);
    for (const p of r.udpPorts) s.udp.add(p);
    for (const id of r.gpuIds) s.gpuHeld[s.gpuIds.indexOf(id)] = 1;
    s.gpuFree = gpuFree;
    this.changes.note(r.slot);
  }

  /**
   * `remainingResources` as DescribeContainerInstances shows it: CPU and MEMORY (INTEGER, what is
   * left), PORTS and PORTS_UDP (STRINGSET of the *occupied* ports, numerically sorted), every
   * numeric member present (0 when unused), and — on instances with GPUs — GPU (INTEGER, GPUs no
   * task holds; a representation ECS does not document, see the file comment).
   *
   * @example
   * [{ name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 1792 },
   *  { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 3449 },
   *  { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '80', '2375', '2376', '51678', '51679'] },
   *  { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] }]
   */
  remainingResources(slot: number): Resource[] {
    const s = this.slotState(slot);
    const out = [
      integerResource('CPU', this.store.remainingCpu[slot]!),
      integerResource('MEMORY', this.store.remainingMemory[slot]!),
      stringSetResource('PORTS', s.tcp, s.otherTcp),
      stringSetResource('PORTS_UDP', s.udp, s.otherUdp),
    ];
    if (s.gpuIds.length > 0) out.push(integerResource('GPU', s.gpuFree));
    return out;
  }

  /** Registered CPU units and MiB of an instance (what `remainingCpu` / `remainingMemory` start from). */
  registered(slot: number): { cpu: number; memory: number } {
    const s = this.slotState(slot);
    return { cpu: s.registeredCpu, memory: s.registeredMemory };
  }

  /** GPUs of an instance that no task holds. */
  freeGpus(slot: number): number {
    return this.slotState(slot).gpuFree;
  }

  /** How many awsvpc tasks the instance can run at once. */
  eniLimit(slot: number): number {
    return this.slotState(slot).eniLimit;
  }

  /** The reservations live on an instance, in the order they were taken. */
  reservations(slot: number): readonly Reservation[] {
    this.file();
    return [...this.slotState(slot).live];
  }

  /**
   * An independent copy over `store`, which must be a clone of this accountant's store (for
   * what-if forks). Nothing is copied now: both sides share the slot states, and each copies a
   * state the first time it changes it.
   */
  cloneFor(store: ContainerInstanceStore): ResourceAccountant {
    this.file(); // both sides must see every live reservation in the shared states
    if (store.size !== this.store.size || store.liveCount !== this.store.liveCount) {
      throw new AccountantError('cloneFor: the target store is not a clone of this accountant\'s store');
    }
    const copy = new ResourceAccountant(store);
    copy.origin = { parent: new WeakRef(this), revision: this.changes.revision };
    copy.slots = this.slots;
    for (const side of [this, copy]) {
      side.slotsShared = true;
      side.ownedStates = new WeakSet();
    }
    return copy;
  }

  /** The slot array, this side's own (copied once after a fork). */
  private ownSlotArray(): void {
    if (!this.slotsShared) return;
    this.slots = this.slots.slice();
    this.slotsShared = false;
  }

  /** The slot's state, this side's own: a state shared with a fork is copied before a change. */
  private writable(slot: number, s: SlotState): SlotState {
    const owned = this.ownedStates;
    if (owned === null || owned.has(s)) return s;
    this.ownSlotArray();
    const copy = cloneSlot(s);
    this.slots[slot] = copy;
    owned.add(copy);
    return copy;
  }

  private slotState(slot: number): SlotState {
    const s = this.slots[slot];
    if (s === undefined) throw new AccountantError(`slot ${slot} is not a container instance the accountant knows`);
    return s;
  }
}

/**
 * Requirements already checked. `fits` runs once per candidate instance, so a frozen
 * requirements object (as requirementsOf returns) is checked once, not once per instance; an
 * unfrozen one could change between calls and is checked every time.
 */
const checked = new WeakSet<TaskRequirements>();
/** The last one found in `checked`: placement asks about the same requirements many times in a row. */
let lastChecked: TaskRequirements | null = null;

function checkRequirements(req: TaskRequirements): void {
  if (req === lastChecked) return;
  if (checked.has(req)) {
    lastChecked = req;
    return;
  }
  checkAmount(req.cpu, 'cpu');
  checkAmount(req.memory, 'memory');
  checkAmount(req.gpus, 'gpus');
  checkPorts(req.tcpPorts, 'tcpPorts');
  checkPorts(req.udpPorts, 'udpPorts');
  if (Object.isFrozen(req) && Object.isFrozen(req.tcpPorts) && Object.isFrozen(req.udpPorts)) checked.add(req);
}

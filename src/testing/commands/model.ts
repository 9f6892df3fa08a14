/**
 * The model of the model-based suite, the real system it is compared with, and the checks every
 * command runs after it: the model agrees with what the API reports, and every invariant of
 * `invariants.ts` holds.
 *
 * The model is deliberately simple — what a careful user would track by hand: each instance's
 * status, agent connection and custom attributes, the task-definition families, each service's
 * desired count. Tasks are not modelled: where a command's outcome depends on them (deregister
 * without force, RunTask), the command reads the simulator and checks the outcome against that
 * reading and the placement oracle.
 */
import { EcsError } from '../../errors.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import { checkInvariants } from '../invariants.js';

export type ModelStatus = 'ACTIVE' | 'DRAINING' | 'INACTIVE';

export interface ModelInstance {
  status: ModelStatus;
  agentConnected: boolean;
  /** custom attributes: name → value (`undefined`: valueless) */
  readonly custom: Map<string, string | undefined>;
}

export interface EcsModel {
  /** ARN → instance, in registration order */
  readonly instances: Map<string, ModelInstance>;
  /** task-definition families registered so far */
  readonly families: string[];
  /**
   * service name → desired count; `deleted` once DeleteService was accepted; `kind` DAEMON (its
   * desired count is the simulator's to keep: one task per instance) or EXTERNAL (task sets)
   */
  readonly services: Map<string, { desiredCount: number; deleted: boolean; kind?: 'DAEMON' | 'EXTERNAL' }>;
  /** resource ARN → its user tags (key → value), for the resources TagResource has touched */
  readonly tags: Map<string, Map<string, string>>;
  /** services created so far (names are `svc-<n>`, never reused) */
  servicesCreated: number;
}

export interface EcsReal {
  /** The simulator commands act on (Fork and Restore replace it). */
  sim: EcsSimulator;
  readonly cluster: string;
  /** Simulators left behind by Fork, each with the snapshot it must still have at the end. */
  readonly parked: { readonly sim: EcsSimulator; readonly snapshot: string }[];
  /** Checks after every command (see `afterCommand`). */
  readonly checks: { readonly invariants: boolean };
}

/** The model disagrees with the simulator, or a call did not do what it must. */
export class ModelMismatch extends Error {
  override readonly name = 'ModelMismatch';
}

export function mismatch(message: string): never {
  throw new ModelMismatch(message);
}

/** The state as a string, for "nothing changed" comparisons. */
export function snapshotText(sim: EcsSimulator): string {
  return JSON.stringify(sim.snapshot());
}

/**
 * Calls `call`, which must throw an EcsError named `name` and change nothing.
 */
export function expectRejected(sim: EcsSimulator, call: () => unknown, name: string, what: string): void {
  const before = snapshotText(sim);
  try {
    call();
  } catch (e) {
    if (!(e instanceof EcsError)) throw e;
    if (e.name !== name) mismatch(`${what}: expected ${name}, got ${e.name}: ${e.message}`);
    if (snapshotText(sim) !== before) mismatch(`${what}: the rejected call (${name}) changed the state`);
    return;
  }
  mismatch(`${what}: expected ${name}, but the call succeeded`);
}

/**
 * Attributes a user sets (what the model tracks): not ECS's and the agent's `ecs.*` and
 * `com.amazonaws.ecs.*`. The model's own reading of the rule, apart from the simulator's.
 */
export function isCustomAttributeName(name: string): boolean {
  return !name.startsWith('ecs.') && !name.startsWith('com.amazonaws.ecs.');
}

/** Model instances that are not INACTIVE, in registration order. */
export function liveInstances(m: EcsModel): string[] {
  return [...m.instances].filter(([, i]) => i.status !== 'INACTIVE').map(([arn]) => arn);
}

/** The `n`-th (modulo) element, or undefined for an empty list. */
export function nth<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/**
 * The model agrees with DescribeContainerInstances, DescribeServices and ListTagsForResource, and
 * no DAEMON service has two tasks on one instance.
 */
export function checkModel(m: EcsModel, r: EcsReal): void {
  const arns = [...m.instances.keys()];
  for (let i = 0; i < arns.length; i += 100) {
    const { containerInstances = [], failures = [] } = r.sim.describeContainerInstances({ cluster: r.cluster, containerInstances: arns.slice(i, i + 100) });
    if (failures.length > 0) mismatch(`DescribeContainerInstances: failures ${JSON.stringify(failures)}`);
    for (const ci of containerInstances) {
      const mi = m.instances.get(ci.containerInstanceArn!)!;
      if (ci.status !== mi.status) mismatch(`${ci.containerInstanceArn}: status ${ci.status}, the model says ${mi.status}`);
      if (ci.agentConnected !== mi.agentConnected) mismatch(`${ci.containerInstanceArn}: agentConnected ${ci.agentConnected}, the model says ${mi.agentConnected}`);
      const custom = (ci.attributes ?? []).filter((a) => isCustomAttributeName(a.name!));
      const expected = [...mi.custom].map(([name, value]) => `${name}=${value ?? ''}`).sort();
      const actual = custom.map((a) => `${a.name}=${a.value ?? ''}`).sort();
      if (actual.join('\n') !== expected.join('\n')) mismatch(`${ci.containerInstanceArn}: custom attributes ${JSON.stringify(actual)}, the model says ${JSON.stringify(expected)}`);
    }
  }
  const names = [...m.services.keys()];
  for (let i = 0; i < names.length; i += 10) {
    const { services = [], failures = [] } = r.sim.describeServices({ cluster: r.cluster, services: names.slice(i, i + 10) });
    if (failures.length > 0) mismatch(`DescribeServices: failures ${JSON.stringify(failures)}`);
    for (const s of services) {
      const ms = m.services.get(s.serviceName!)!;
      const statusOk = ms.deleted ? s.status === 'DRAINING' || s.status === 'INACTIVE' : s.status === 'ACTIVE';
      if (!statusOk) mismatch(`service ${s.serviceName}: status ${s.status}, the model says ${ms.deleted ? 'deleted' : 'ACTIVE'}`);
      if (ms.kind === 'DAEMON') checkDaemon(r, s.serviceName!);
      else if (s.desiredCount !== (ms.deleted ? 0 : ms.desiredCount)) mismatch(`service ${s.serviceName}: desiredCount ${s.desiredCount}, the model says ${ms.desiredCount}`);
    }
  }
  for (const [arn, tags] of m.tags) {
    const actual = (r.sim.listTagsForResource({ resourceArn: arn }).tags ?? []).map((t) => `${t.key}=${t.value}`).sort();
    const expected = [...tags].map(([k, v]) => `${k}=${v}`).sort();
    if (actual.join('\n') !== expected.join('\n')) mismatch(`${arn}: tags ${JSON.stringify(actual)}, the model says ${JSON.stringify(expected)}`);
  }
}

/** A DAEMON service never has two tasks (not told to stop) on one instance, nor one on an INACTIVE instance. */
function checkDaemon(r: EcsReal, name: string): void {
  const arns = r.sim.listTasks({ cluster: r.cluster, serviceName: name }).taskArns ?? [];
  const seen = new Set<string>();
  for (let i = 0; i < arns.length; i += 100) {
    for (const t of r.sim.describeTasks({ cluster: r.cluster, tasks: arns.slice(i, i + 100) }).tasks ?? []) {
      const instance = t.containerInstanceArn!;
      if (seen.has(instance)) mismatch(`DAEMON service ${name}: two tasks on ${instance}`);
      seen.add(instance);
    }
  }
  if (seen.size === 0) return;
  for (const ci of r.sim.describeContainerInstances({ cluster: r.cluster, containerInstances: [...seen].slice(0, 100) }).containerInstances ?? []) {
    if (ci.status === 'INACTIVE') mismatch(`DAEMON service ${name}: a task on INACTIVE ${ci.containerInstanceArn}`);
  }
}

/** What every command runs after itself: the model check, then the invariants. */
export function afterCommand(m: EcsModel, r: EcsReal): void {
  checkModel(m, r);
  if (r.checks.invariants) checkInvariants(r.sim);
}

/**
 * Every simulator a Fork left behind still has the state it had then, and its accountant and
 * indexes still agree with it (a fork sharing a column with its original shows there, not in
 * the snapshot, which records tasks rather than what they left).
 */
export function checkParked(r: EcsReal): void {
  r.parked.forEach((p, i) => {
    if (snapshotText(p.sim) !== p.snapshot) mismatch(`parked simulator ${i} changed after the fork: the fork and its original share state`);
    if (r.checks.invariants) checkInvariants(p.sim);
  });
}

// Every call that may change the state is atomic: a fault injected at any write point of it (the
// k-th undo the journal would record) throws InjectedFault and leaves the state byte-identical,
// hidden parts included (indexes, accountant, scheduler notes: the invariants hold, and the call
// then gives the same result as on a state that never saw the fault). The scenarios are keyed by
// the operation table, so an operation added later without one fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InjectedFault } from '../../src/collections/journal.js';
import { ECS_OPERATIONS } from '../../src/ecs/operations.js';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { checkInvariants } from '../../src/testing/invariants.js';
import { identity, RESOURCES } from './fixtures.js';
import { apply, setup, step } from './random-steps.js';

/** What a scenario's call may name in the prepared state. */
interface Prepared {
  sim: EcsSimulator;
  /** ACTIVE instances running service and standalone tasks, agent 1.20.0 (update available) */
  busy: string[];
  /** a DRAINING instance */
  draining: string;
  /** an instance whose agent is disconnected, with an agent update paused in STAGING */
  paused: string;
  /** an ACTIVE trunked instance, and the id of its trunk ENI attachment */
  trunked: string;
  trunkAttachment: string;
  /** a trunked instance still REGISTERING (its trunk ENI is being provisioned) */
  registering: string;
  /** a RUNNING standalone task */
  task: string;
  /** the task sets of service `ext` (EXTERNAL deployment controller): blue is PRIMARY */
  blue: string;
  green: string;
  alice: string;
}

const ALICE = 'arn:aws:iam::123456789012:user/alice';

/**
 * A state with a bit of everything pending: tasks starting and stopping, services with tasks
 * (one waiting for room), draining, trunked and registering instances, a paused agent update, an
 * INACTIVE and an empty cluster, principal settings, task definitions and faults armed.
 */
function prepare(): Prepared {
  const sim = setup();
  sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' });
  sim.putAccountSetting({ name: 'serviceLongArnFormat', value: 'disabled', principalArn: ALICE });
  sim.createCluster({ clusterName: 'gone' });
  sim.deleteCluster({ cluster: 'gone' });
  sim.createCluster({ clusterName: 'empty' });
  sim.createService({ cluster: 'c', serviceName: 'big', taskDefinition: 'a', desiredCount: 40 });
  sim.runTask({ cluster: 'c', taskDefinition: 'c', count: 3 });
  const trunkedReg = (n: number) => sim.registerContainerInstance({
    cluster: 'c',
    instanceIdentityDocument: identity(`i-0000000000000000${n}`, 'c5.large', 'us-east-1b'),
    totalResources: RESOURCES,
    versionInfo: { agentVersion: '1.29.0' },
    tags: [{ key: 'k', value: 'v' }],
  }).containerInstance!.containerInstanceArn!;
  sim.createService({ cluster: 'c', serviceName: 'ext', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } });
  const blue = sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'c', externalId: 'blue' }).taskSet!.id!;
  sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'ext', primaryTaskSet: blue });
  const green = sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'c', scale: { value: 50, unit: 'PERCENT' } }).taskSet!.id!;
  const trunked = trunkedReg(7);
  sim.advance(40_000);
  const registering = trunkedReg(8);
  sim.injectFault('agent-update-failure', 1);
  const cluster = () => sim.state.clusters.peek('c')!;
  const busy = [...cluster().instances.values()].filter((i) => i.status === 'ACTIVE' && !i.trunked).map((i) => i.arn);
  const draining = busy.pop()!;
  sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [draining], status: 'DRAINING' });
  const paused = busy.pop()!;
  sim.updateContainerAgent({ cluster: 'c', containerInstance: paused });
  sim.advance(6_000);
  sim.setAgentConnection('c', paused, false);
  sim.advance(3_000);
  const task = sim.listTasks({ cluster: 'c', startedBy: undefined, family: 'c' }).taskArns![0]!;
  const trunkAttachment = cluster().instances.peek(trunked)!.attachments[0]!.id!;
  return { sim, busy, draining, paused, trunked, trunkAttachment, registering, task, blue, green, alice: ALICE };
}

type Call = (p: Prepared) => unknown;

/** What random-steps.ts registers its instances with. */
const SETUP_RESOURCES = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 2000 },
  { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375'] },
];

/** One or more calls per mutating operation (by wire name) and per mutating simulator method. */
const SCENARIOS: Record<string, Record<string, Call>> = {
  CreateCluster: {
    'a new cluster': ({ sim }) => sim.createCluster({ clusterName: 'new' }),
    'the name of an INACTIVE cluster': ({ sim }) => sim.createCluster({ clusterName: 'gone' }),
  },
  DeleteCluster: { 'an empty cluster': ({ sim }) => sim.deleteCluster({ cluster: 'empty' }) },
  RegisterContainerInstance: {
    'a trunked instance (REGISTERING, ENI scheduled)': ({ sim }) => sim.registerContainerInstance({
      cluster: 'c', instanceIdentityDocument: identity('i-00000000000000009', 'c5.large'), totalResources: RESOURCES,
      versionInfo: { agentVersion: '1.29.0' }, attributes: [{ name: 'stack', value: 'x' }], tags: [{ key: 'k', value: 'v' }],
    }),
    'a re-registration that reconnects a paused agent update': ({ sim, paused }) => sim.registerContainerInstance({
      cluster: 'c', containerInstanceArn: paused, totalResources: SETUP_RESOURCES, versionInfo: { agentVersion: '1.20.0' },
    }),
  },
  UpdateContainerInstancesState: {
    'draining instances with service tasks': ({ sim, busy }) => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: busy, status: 'DRAINING' }),
    'activating a draining instance': ({ sim, draining }) => sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [draining], status: 'ACTIVE' }),
  },
  DeregisterContainerInstance: {
    'forced, with tasks': ({ sim, busy }) => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: busy[0]!, force: true }),
    'a trunked instance (DEREGISTERING)': ({ sim, trunked }) => sim.deregisterContainerInstance({ cluster: 'c', containerInstance: trunked, force: true }),
  },
  UpdateContainerAgent: { 'an old agent': ({ sim, busy }) => sim.updateContainerAgent({ cluster: 'c', containerInstance: busy[0]! }) },
  SubmitAttachmentStateChanges: {
    'the trunk ENI': ({ sim, trunkAttachment }) => sim.submitAttachmentStateChanges({
      cluster: 'c', attachments: [{ attachmentArn: `arn:aws:ecs:us-east-1:123456789012:attachment/${trunkAttachment}`, status: 'DETACHING' }],
    }),
  },
  PutAttributes: {
    'several instances': ({ sim, busy }) => sim.putAttributes({
      cluster: 'c', attributes: busy.map((targetId, i) => ({ name: i % 2 === 0 ? 'team' : 'stack', value: `v${i}`, targetId })),
    }),
  },
  DeleteAttributes: { 'the stack attribute': ({ sim, busy }) => sim.deleteAttributes({ cluster: 'c', attributes: busy.map((targetId) => ({ name: 'stack', targetId })) }) },
  PutAccountSetting: {
    "a principal's own": ({ sim, alice }) => sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'disabled', principalArn: alice }),
    'a new principal': ({ sim }) => sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'disabled', principalArn: 'arn:aws:iam::123456789012:user/bob' }),
  },
  PutAccountSettingDefault: { 'the account default': ({ sim }) => sim.putAccountSettingDefault({ name: 'containerInstanceLongArnFormat', value: 'disabled' }) },
  DeleteAccountSetting: { "a principal's last": ({ sim, alice }) => sim.deleteAccountSetting({ name: 'serviceLongArnFormat', principalArn: alice }) },
  RegisterTaskDefinition: {
    'a new family': ({ sim }) => sim.registerTaskDefinition({ family: 'new', containerDefinitions: [{ name: 'x', image: 'i', memory: 64 }], tags: [{ key: 'k', value: 'v' }] }),
    'a new revision': ({ sim }) => sim.registerTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'x', image: 'i', memory: 64 }] }),
  },
  DeregisterTaskDefinition: { 'revision 1': ({ sim }) => sim.deregisterTaskDefinition({ taskDefinition: 'a:1' }) },
  RunTask: { 'ten tasks, spread': ({ sim }) => sim.runTask({ cluster: 'c', taskDefinition: 'c', count: 10, placementStrategy: [{ type: 'spread', field: 'instanceId' }] }) },
  StartTask: { 'on named instances': ({ sim, busy }) => sim.startTask({ cluster: 'c', taskDefinition: 'b', containerInstances: busy }) },
  StopTask: { 'a running task': ({ sim, task }) => sim.stopTask({ cluster: 'c', task }) },
  CreateService: { 'a service': ({ sim }) => sim.createService({ cluster: 'c', serviceName: 'new', taskDefinition: 'c', desiredCount: 3, tags: [{ key: 'k', value: 'v' }] }) },
  UpdateService: { 'a new deployment': ({ sim }) => sim.updateService({ cluster: 'c', service: 'svc', taskDefinition: 'c', desiredCount: 4 }) },
  DeleteService: { 'forced': ({ sim }) => sim.deleteService({ cluster: 'c', service: 'svc', force: true }) },
  SubmitTaskStateChange: { 'a task reported STOPPED': ({ sim, task }) => sim.submitTaskStateChange({ cluster: 'c', task, status: 'STOPPED', reason: 'crashed', containers: [{ containerName: 'x', status: 'STOPPED', exitCode: 1 }] }) },
  SubmitContainerStateChange: { 'an essential container exits': ({ sim, task }) => sim.submitContainerStateChange({ cluster: 'c', task, containerName: 'x', status: 'STOPPED', exitCode: 2 }) },
  CreateTaskSet: { 'a third task set': ({ sim }) => sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'b', scale: { value: 100, unit: 'PERCENT' }, tags: [{ key: 'k', value: 'v' }] }) },
  UpdateTaskSet: { 'a new scale': ({ sim, green }) => sim.updateTaskSet({ cluster: 'c', service: 'ext', taskSet: green, scale: { value: 100, unit: 'PERCENT' } }) },
  DeleteTaskSet: { 'the non-primary one': ({ sim, green }) => sim.deleteTaskSet({ cluster: 'c', service: 'ext', taskSet: green, force: true }) },
  UpdateServicePrimaryTaskSet: { 'switching to green': ({ sim, green }) => sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'ext', primaryTaskSet: green }) },
  TagResource: {
    'a container instance': ({ sim, busy }) => sim.tagResource({ resourceArn: busy[0]!, tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] }),
    'the cluster': ({ sim }) => sim.tagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/c', tags: [{ key: 'a', value: '1' }] }),
  },
  UntagResource: { 'a registered tag': ({ sim, trunked }) => sim.untagResource({ resourceArn: trunked, tagKeys: ['k'] }) },
  PlaceTasks: { 'thirty tasks': ({ sim }) => sim.placeTasks({ cluster: 'c', taskDefinition: 'b', count: 30 }) },
  advance: {
    'through starts, stops, passes, trunk ENIs and agent stages': ({ sim }) => sim.advance(60_000),
  },
  setAgentConnection: {
    'reconnecting a paused update': ({ sim, paused }) => sim.setAgentConnection('c', paused, true),
    'disconnecting': ({ sim, busy }) => sim.setAgentConnection('c', busy[0]!, false),
  },
  injectFault: { 'a trunk failure': ({ sim }) => sim.injectFault('trunk-failure', 2) },
};

const text = (sim: EcsSimulator) => JSON.stringify(sim.snapshot());

/**
 * For k = 0, 1, ...: a fault at the k-th write point of the call throws InjectedFault and leaves
 * the snapshot as it was; stops at the first k the call completes. Returns the write points seen.
 */
function faultEveryWritePoint(p: Prepared, call: Call): number {
  const { sim } = p;
  const before = text(sim);
  for (let k = 0; ; k++) {
    sim.state.journal.injectFault(k);
    let thrown: unknown;
    try {
      call(p);
    } catch (e) {
      thrown = e;
    }
    if (sim.state.journal.faultArmed) {
      // The call completed with fewer than k + 1 write points.
      sim.state.journal.clearFault();
      if (thrown !== undefined) throw thrown;
      return k;
    }
    expect(thrown, `write point ${k}`).toBeInstanceOf(InjectedFault);
    expect(text(sim), `state after a fault at write point ${k}`).toBe(before);
  }
}

describe('a fault at any write point of a call leaves the state as it was', () => {
  it('every mutating operation of the table has a scenario', () => {
    const mutating = (ECS_OPERATIONS as readonly { name: string; mutates: boolean }[]).filter((op) => op.mutates).map((op) => op.name);
    expect(mutating.filter((name) => SCENARIOS[name] === undefined)).toEqual([]);
  });

  for (const [operation, scenarios] of Object.entries(SCENARIOS)) {
    for (const [what, call] of Object.entries(scenarios)) {
      it(`${operation}: ${what}`, () => {
        const p = prepare();
        const writePoints = faultEveryWritePoint(p, call);
        expect(writePoints).toBeGreaterThan(0);
        // Nothing hidden was left behind: the invariants hold, and the state goes on exactly as
        // one that never saw a fault (the call was made above, once, to completion).
        checkInvariants(p.sim);
        const clean = prepare();
        call(clean);
        expect(text(p.sim)).toBe(text(clean.sim));
        p.sim.advance(120_000);
        clean.sim.advance(120_000);
        expect(text(p.sim)).toBe(text(clean.sim));
        checkInvariants(p.sim);
      });
    }
  }

  it('advance after a drain: every write point of the tasks moving', () => {
    const p = prepare();
    p.sim.updateContainerInstancesState({ cluster: 'c', containerInstances: p.busy.slice(0, 2), status: 'DRAINING' });
    const writePoints = faultEveryWritePoint(p, ({ sim }) => sim.advance(30_000));
    expect(writePoints).toBeGreaterThan(50);
    checkInvariants(p.sim);
  });
});

describe('random sequences with faults at random write points', () => {
  it('end where the same sequence without the faulted calls ends', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.option(fc.nat(60), { freq: 2 })), { minLength: 5, maxLength: 30 }), (steps) => {
        const faulted = setup();
        const kept: number[] = [];
        steps.forEach(([s, fault], n) => {
          if (fault !== null) faulted.state.journal.injectFault(fault);
          try {
            apply(faulted, s, n);
          } catch (e) {
            if (!(e instanceof InjectedFault)) throw e;
          }
          // A fault still armed did not fire: the call completed.
          if (fault === null || faulted.state.journal.faultArmed) kept.push(n);
          faulted.state.journal.clearFault();
        });
        const plain = setup();
        for (const n of kept) apply(plain, steps[n]![0], n);
        expect(text(faulted)).toBe(text(plain));
        checkInvariants(faulted);
      }),
      { seed: 1212, numRuns: 150 },
    );
  });
});

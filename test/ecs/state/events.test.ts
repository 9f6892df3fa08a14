// The state's event bus: tasks and container instances tell it what changed (with the service and
// instance they touched), the service scheduler listens, and every fork has its own bus and its
// own subscriptions.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { EventBus, type SimEvent } from '../../../src/ecs/state/events.js';
import { identity, RESOURCES } from '../fixtures.js';

function recorder(sim: EcsSimulator): SimEvent[] {
  const seen: SimEvent[] = [];
  sim.state.events.subscribe((e) => seen.push(e));
  return seen;
}

/** A cluster `c` with two instances and a service `web` of 2 tasks, settled (nothing pending). */
function settled() {
  const sim = new EcsSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'c' });
  const arns = [0, 1].map((i) =>
    sim.registerContainerInstance({ cluster: 'c', instanceIdentityDocument: identity(`i-${i}`), totalResources: RESOURCES, versionInfo: { agentVersion: '1.29.0' } })
      .containerInstance!.containerInstanceArn!,
  );
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 256 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
  sim.advance(60_000);
  return { sim, arns };
}

const reconcilePending = (sim: EcsSimulator) => sim.state.clock.pending().some((e) => e.kind === 'services-reconcile');

describe('EventBus', () => {
  it('delivers each event to every subscriber in subscription order, until it unsubscribes', () => {
    const bus = new EventBus<number>();
    const seen: string[] = [];
    const stopA = bus.subscribe((n) => seen.push(`a${n}`));
    bus.subscribe((n) => seen.push(`b${n}`));
    bus.emit(1);
    stopA();
    bus.emit(2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });
});

describe('the state tells its bus', () => {
  it('when a task is placed, told to stop, becomes RUNNING or STOPPED, with its service and container instance', () => {
    const { sim } = settled();
    const seen = recorder(sim);
    const [taskArn] = sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns!;
    const task = sim.describeTasks({ cluster: 'c', tasks: [taskArn!] }).tasks![0]!;
    sim.stopTask({ cluster: 'c', task: taskArn! });
    sim.advance(60_000);
    const told = { kind: 'task-state-change', cluster: 'c', taskArn, serviceName: 'web', containerInstanceArn: task.containerInstanceArn };
    expect(seen.filter((e) => e.kind === 'task-state-change' && e.taskArn === taskArn)).toEqual([
      { ...told, lastStatus: 'RUNNING', desiredStatus: 'STOPPED' },
      { ...told, lastStatus: 'STOPPED', desiredStatus: 'STOPPED' },
    ]);
    // The replacement was placed (PENDING) before it ran.
    expect(seen.filter((e) => e.kind === 'task-state-change' && e.lastStatus === 'PENDING')).toHaveLength(1);
    // The scheduler replaced it: a new task of the service became RUNNING.
    const started = seen.filter((e) => e.kind === 'task-state-change' && e.lastStatus === 'RUNNING' && e.desiredStatus === 'RUNNING');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ serviceName: 'web', cluster: 'c' });
  });

  it('when a container instance registers or changes status, with its ARN and the status before', () => {
    const { sim, arns } = settled();
    const seen = recorder(sim);
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' }); // no change, no event
    const added = sim.registerContainerInstance({ cluster: 'c', instanceIdentityDocument: identity('i-2'), totalResources: RESOURCES }).containerInstance!;
    const changes = seen.filter((e) => e.kind === 'container-instance-state-change');
    expect(changes).toEqual([
      { kind: 'container-instance-state-change', cluster: 'c', containerInstanceArn: arns[0], status: 'DRAINING', previousStatus: 'ACTIVE' },
      { kind: 'container-instance-state-change', cluster: 'c', containerInstanceArn: added.containerInstanceArn, status: 'ACTIVE', previousStatus: undefined },
    ]);
  });
});

describe('the service scheduler', () => {
  it('looks at the cluster when an event arrives on the bus (it is not called by tasks or instances)', () => {
    const { sim, arns } = settled();
    expect(reconcilePending(sim)).toBe(false);
    sim.state.events.emit({ kind: 'container-instance-state-change', cluster: 'c', containerInstanceArn: arns[0]!, status: 'DRAINING', previousStatus: 'ACTIVE' });
    expect(reconcilePending(sim)).toBe(true);
  });

  it('ignores a task of no service becoming RUNNING', () => {
    const { sim, arns } = settled();
    sim.state.events.emit({ kind: 'task-state-change', cluster: 'c', taskArn: 'x', lastStatus: 'RUNNING', desiredStatus: 'RUNNING', serviceName: undefined, containerInstanceArn: arns[0]! });
    expect(reconcilePending(sim)).toBe(false);
  });

  it("of a fork listens to the fork's bus only, and the original's to the original's", () => {
    const { sim, arns } = settled();
    const onOriginal = recorder(sim);
    const what = sim.fork();
    expect(what.state.events).not.toBe(sim.state.events);
    what.updateContainerInstancesState({ cluster: 'c', containerInstances: [arns[0]!], status: 'DRAINING' });
    expect(reconcilePending(what)).toBe(true);
    expect(reconcilePending(sim)).toBe(false);
    expect(onOriginal).toEqual([]);
    what.advance(60_000);
    // The fork moved the service's tasks off the drained instance; the original did nothing.
    const onDrained = (s: EcsSimulator) => s.listTasks({ cluster: 'c', containerInstance: arns[0]! }).taskArns!.length;
    expect(onDrained(what)).toBe(0);
    expect(onDrained(sim)).toBeGreaterThan(0);
    expect(onOriginal).toEqual([]);
  });
});

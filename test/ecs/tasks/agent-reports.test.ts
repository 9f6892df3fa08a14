// SubmitTaskStateChange / SubmitContainerStateChange: how a harness makes a task crash. A task
// reported STOPPED releases what it held at once; an essential container that exits stops its
// task; a service replaces the task; the reports show in DescribeTasks.
import { describe, expect, it } from 'vitest';
import { describeOne, expectRejected, register, simWithCluster } from '../fixtures.js';

function world() {
  const sim = simWithCluster();
  const instance = register(sim, 1);
  sim.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [
      { name: 'app', image: 'nginx', cpu: 512, memory: 1024, portMappings: [{ containerPort: 80, hostPort: 8080 }] },
      { name: 'sidecar', image: 'log', memory: 64, essential: false },
    ],
  });
  const task = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!.taskArn!;
  sim.advance(6_000);
  return { sim, instance, task };
}

const remaining = (sim: ReturnType<typeof world>['sim'], instance: string, name: string) =>
  describeOne(sim, instance).remainingResources!.find((r) => r.name === name)!;
const describe1 = (sim: ReturnType<typeof world>['sim'], task: string) => sim.describeTasks({ cluster: 'c', tasks: [task] }).tasks![0]!;

describe('SubmitTaskStateChange', () => {
  it('STOPPED: the task stops now with the reason and exit codes, its resources and ports are free', () => {
    const { sim, instance, task } = world();
    expect(remaining(sim, instance, 'MEMORY').integerValue).toBe(7681 - 1088);
    expect(sim.submitTaskStateChange({ cluster: 'c', task, status: 'STOPPED', reason: 'OutOfMemoryError: Container killed due to memory usage', containers: [{ containerName: 'app', status: 'STOPPED', exitCode: 137, reason: 'OOM' }] }))
      .toEqual({ acknowledgment: 'ACK' });
    const t = describe1(sim, task);
    expect(t).toMatchObject({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: 'OutOfMemoryError: Container killed due to memory usage' });
    expect(t.containers!.find((c) => c.name === 'app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 137, reason: 'OOM' });
    expect(t.containers!.find((c) => c.name === 'sidecar')!.exitCode).toBeUndefined();
    expect(remaining(sim, instance, 'MEMORY').integerValue).toBe(7681);
    expect(remaining(sim, instance, 'PORTS').stringSetValue).not.toContain('8080');
    expect(describeOne(sim, instance).runningTasksCount).toBe(0);
  });

  it('a reported exit without a reason stops the task as "Essential container in task exited"', () => {
    const { sim, task } = world();
    sim.submitTaskStateChange({ cluster: 'c', task, status: 'STOPPED', containers: [{ containerName: 'app', status: 'STOPPED', exitCode: 1 }] });
    expect(describe1(sim, task).stoppedReason).toBe('Essential container in task exited');
  });

  it('RUNNING starts a PENDING task at once; a report on a STOPPED task changes nothing', () => {
    const sim = simWithCluster();
    register(sim, 1);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] });
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!.taskArn!;
    sim.submitTaskStateChange({ cluster: 'c', task, status: 'RUNNING' });
    expect(describe1(sim, task)).toMatchObject({ lastStatus: 'RUNNING', startedAt: new Date(sim.now) });
    sim.submitTaskStateChange({ cluster: 'c', task, status: 'STOPPED' });
    const before = sim.snapshot();
    expect(sim.submitTaskStateChange({ cluster: 'c', task, status: 'RUNNING' })).toEqual({ acknowledgment: 'ACK' });
    expect(sim.snapshot()).toEqual(before);
  });

  it('refuses unknown tasks, containers and statuses, changing nothing', () => {
    const { sim, task } = world();
    expectRejected(sim, () => sim.submitTaskStateChange({ cluster: 'c', task: '0123456789abcdef0123456789abcdef', status: 'STOPPED' }), 'ClientException', /task was not found/);
    expectRejected(sim, () => sim.submitTaskStateChange({ cluster: 'c', task, status: 'EXPLODED' }), 'InvalidParameterException', /status must be one of PENDING, RUNNING, STOPPED/);
    expectRejected(sim, () => sim.submitTaskStateChange({ cluster: 'c', task, status: 'STOPPED', containers: [{ containerName: 'nope', status: 'STOPPED' }] }), 'InvalidParameterException', /containers\[0\]\.containerName/);
    expectRejected(sim, () => sim.submitTaskStateChange({ cluster: 'c', status: 'STOPPED' }), 'InvalidParameterException', /task is required/);
    // The model lists no ClusterNotFoundException for SubmitTaskStateChange: its catch-all, ClientException.
    expectRejected(sim, () => sim.submitTaskStateChange({ cluster: 'nope', task, status: 'STOPPED' }), 'ClientException', /Cluster not found/);
  });
});

describe('SubmitContainerStateChange', () => {
  it('an essential container exiting stops the task after the stop timeout; a service replaces it', () => {
    const { sim } = world();
    sim.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'web', desiredCount: 1, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } });
    sim.advance(1_000);
    // The standalone task holds port 8080: stop it so the service's task can place.
    const standalone = sim.listTasks({ cluster: 'c' }).taskArns!.find((t) => !sim.listTasks({ cluster: 'c', serviceName: 'api' }).taskArns!.includes(t))!;
    sim.stopTask({ cluster: 'c', task: standalone });
    sim.advance(15_000);
    const [first] = sim.listTasks({ cluster: 'c', serviceName: 'api' }).taskArns!;
    expect(describe1(sim, first!).lastStatus).toBe('RUNNING');
    sim.submitContainerStateChange({ cluster: 'c', task: first, containerName: 'app', status: 'STOPPED', exitCode: 2, reason: 'crashed' });
    expect(describe1(sim, first!)).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited' });
    sim.advance(5_000);
    expect(describe1(sim, first!).lastStatus).toBe('STOPPED');
    sim.advance(7_000);
    const now = sim.listTasks({ cluster: 'c', serviceName: 'api' }).taskArns!;
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
    expect(describe1(sim, now[0]!).lastStatus).toBe('RUNNING');
  });

  it('a non-essential container exiting is recorded and the task keeps running', () => {
    const { sim, task } = world();
    sim.submitContainerStateChange({ cluster: 'c', task, containerName: 'sidecar', status: 'STOPPED', exitCode: 0 });
    const t = describe1(sim, task);
    expect(t).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' });
    expect(t.containers!.find((c) => c.name === 'sidecar')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    expect(t.containers!.find((c) => c.name === 'app')!.lastStatus).toBe('RUNNING');
  });

  it('refuses what names nothing, changing nothing', () => {
    const { sim, task } = world();
    // The model lists no InvalidParameterException for SubmitContainerStateChange: its catch-all, ClientException.
    expectRejected(sim, () => sim.submitContainerStateChange({ cluster: 'c', task, containerName: 'ghost', status: 'STOPPED' }), 'ClientException', /not a container of task/);
    expectRejected(sim, () => sim.submitContainerStateChange({ cluster: 'c', task: 'arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef', containerName: 'app', status: 'STOPPED' }), 'ClientException');
    expectRejected(sim, () => sim.submitContainerStateChange({ cluster: 'c', task, containerName: 'app', status: 'STOPPED', exitCode: 'x' as never }), 'SerializationException');
  });
});

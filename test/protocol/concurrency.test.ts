// Many clients at once over HTTP: 200 SDK clients register instances, run and stop tasks and move
// the clock, interleaved; afterwards every instance's accounting is exact.
import { ECSClient, RegisterContainerInstanceCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';

const CLIENTS = 200;
const TASK_CPU = 128;
const TASK_MEMORY = 256;
const CPU = 2048;
const MEMORY = 4096;

/** All pages of a list operation. */
function allPages<T>(page: (nextToken: string | undefined) => { items: T[]; nextToken?: string }): T[] {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const r = page(token);
    out.push(...r.items);
    token = r.nextToken;
  } while (token !== undefined);
  return out;
}

const resource = (resources: { name?: string; integerValue?: number }[] | undefined, name: string) => resources?.find((r) => r.name === name)?.integerValue;

describe('200 clients in parallel over HTTP', () => {
  it('register, run, stop and advance interleaved; the accounting is exact at the end', async () => {
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
    const sim = new EcsSimulator({ seed: 11 });
    sim.createCluster({ clusterName: 'c' });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: TASK_CPU, memory: TASK_MEMORY }] });
    const { url, endpoint } = await sim.listen({ port: 0 });
    const started: string[] = [];
    const stopped: string[] = [];
    try {
      await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
        const client = new ECSClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: `user${i}`, secretAccessKey: 'x' }, maxAttempts: 1 });
        const identity = JSON.stringify({ instanceId: `i-${i.toString(16).padStart(17, '0')}`, instanceType: 'm5.large', availabilityZone: `us-east-1${'abc'[i % 3]}` });
        await client.send(new RegisterContainerInstanceCommand({
          cluster: 'c',
          instanceIdentityDocument: identity,
          totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: CPU }, { name: 'MEMORY', type: 'INTEGER', integerValue: MEMORY }],
        }));
        const mine: string[] = [];
        for (let round = 0; round < 3; round++) {
          const run = await client.send(new RunTaskCommand({ cluster: 'c', taskDefinition: 'web', count: 1 + ((i + round) % 3) }));
          for (const task of run.tasks ?? []) mine.push(task.taskArn!);
          if ((i + round) % 2 === 0 && mine.length > 0) {
            const arn = mine.shift()!;
            await client.send(new StopTaskCommand({ cluster: 'c', task: arn }));
            stopped.push(arn);
          }
          if (i % 10 === 0) await fetch(`${url}/_sim/advance`, { method: 'POST', body: '{"ms": 1000}' });
        }
        started.push(...mine);
        client.destroy();
      }));
      // Let every task reach RUNNING or STOPPED.
      await fetch(`${url}/_sim/advance`, { method: 'POST', body: '{"ms": 60000}' });
    } finally {
      await endpoint.close();
    }
    expect(started.length).toBeGreaterThan(800);
    expect(stopped.length).toBeGreaterThan(200);
    const running = new Set(started);
    expect(running.size).toBe(started.length);
    for (const arn of stopped) expect(running.has(arn)).toBe(false);

    const listed = allPages((nextToken) => {
      const r = sim.listTasks({ cluster: 'c', desiredStatus: 'RUNNING', ...(nextToken ? { nextToken } : {}) });
      return { items: r.taskArns ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
    });
    expect(new Set(listed)).toEqual(running);

    const perInstance = new Map<string, number>();
    for (let k = 0; k < started.length; k += 100) {
      for (const task of sim.describeTasks({ cluster: 'c', tasks: started.slice(k, k + 100) }).tasks ?? []) {
        expect(task.lastStatus).toBe('RUNNING');
        perInstance.set(task.containerInstanceArn!, (perInstance.get(task.containerInstanceArn!) ?? 0) + 1);
      }
    }
    for (let k = 0; k < stopped.length; k += 100) {
      for (const task of sim.describeTasks({ cluster: 'c', tasks: stopped.slice(k, k + 100) }).tasks ?? []) expect(task.lastStatus).toBe('STOPPED');
    }

    const instances = sim.query(null, { cluster: 'c' });
    expect(instances).toHaveLength(CLIENTS);
    let counted = 0;
    for (let k = 0; k < instances.length; k += 100) {
      for (const ci of sim.describeContainerInstances({ cluster: 'c', containerInstances: instances.slice(k, k + 100) }).containerInstances ?? []) {
        const n = perInstance.get(ci.containerInstanceArn!) ?? 0;
        counted += ci.runningTasksCount!;
        expect({ arn: ci.containerInstanceArn, running: ci.runningTasksCount, pending: ci.pendingTasksCount, cpu: resource(ci.remainingResources, 'CPU'), memory: resource(ci.remainingResources, 'MEMORY') })
          .toEqual({ arn: ci.containerInstanceArn, running: n, pending: 0, cpu: CPU - n * TASK_CPU, memory: MEMORY - n * TASK_MEMORY });
      }
    }
    expect(counted).toBe(running.size);
  }, 300_000);
});

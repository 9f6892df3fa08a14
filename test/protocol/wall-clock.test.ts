// Simulated time that follows the wall clock at the endpoint (timeScale): tasks start while a
// client waits, every region moves, the fraction of a millisecond carries, the clock never
// passes the last date, and the library's default keeps it still. The wall clock is the test's.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/index.js';
import type { EndpointOptions, SimEndpoint } from '../../src/protocol/http-endpoint.js';
import { WallClockFollower } from '../../src/protocol/wall-clock.js';
import { runCli } from '../cli/run-cli.js';

let endpoint: SimEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** A wall clock the test moves by hand. */
function handClock(): { wall: () => number; move: (ms: number) => void } {
  let t = 1_000;
  return { wall: () => t, move: (ms) => { t += ms; } };
}

async function serve(sim: EcsSimulator, options: EndpointOptions): Promise<string> {
  const started = await sim.listen({ port: 0, ...options });
  endpoint = started.endpoint;
  return started.url;
}

async function ecs(url: string, target: string, body: unknown, region = 'us-east-1'): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AmazonEC2ContainerServiceV20141113.${target}`,
      authorization: `AWS4-HMAC-SHA256 Credential=root/20190606/${region}/ecs/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** The default region's simulated time, in ms, without moving it. */
async function simulatedNow(url: string): Promise<number> {
  const res = await fetch(`${url}/_sim/advance`, { method: 'POST', body: '{"ms":0}' });
  return ((await res.json()) as { now: number }).now * 1000;
}

function withInstance(): EcsSimulator {
  const sim = new EcsSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'c' });
  sim.registerContainerInstance({
    cluster: 'c',
    totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 }],
  });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  return sim;
}

describe('an endpoint whose simulated time follows the wall clock', () => {
  it('starts a task while the client waits: PENDING when run, RUNNING once 5 simulated seconds have passed', async () => {
    const clock = handClock();
    const url = await serve(withInstance(), { timeScale: 60, wallClock: clock.wall });
    const arn = (await ecs(url, 'RunTask', { cluster: 'c', taskDefinition: 'web' })).tasks[0].taskArn;
    expect((await ecs(url, 'DescribeTasks', { cluster: 'c', tasks: [arn] })).tasks[0].lastStatus).toBe('PENDING');
    clock.move(50); // 3 simulated seconds
    expect((await ecs(url, 'DescribeTasks', { cluster: 'c', tasks: [arn] })).tasks[0].lastStatus).toBe('PENDING');
    clock.move(50); // 6
    expect((await ecs(url, 'DescribeTasks', { cluster: 'c', tasks: [arn] })).tasks[0].lastStatus).toBe('RUNNING');
  });

  it('moves every region by the same amount, and /_sim/advance moves them further', async () => {
    const clock = handClock();
    const sim = new EcsSimulator({ startTime: '2020-01-01T00:00:00Z' });
    const url = await serve(sim, { timeScale: 2, wallClock: clock.wall });
    await ecs(url, 'ListClusters', {}, 'us-east-2'); // the region is made now
    clock.move(1_000);
    await ecs(url, 'ListClusters', {});
    expect(sim.now).toBe(Date.UTC(2020, 0, 1) + 2_000);
    expect(sim.inRegion('us-east-2').now).toBe(Date.UTC(2020, 0, 1) + 2_000);
    await fetch(`${url}/_sim/advance`, { method: 'POST', body: '{"ms":500}' });
    expect(sim.inRegion('us-east-2').now).toBe(Date.UTC(2020, 0, 1) + 2_500);
  });

  it('carries fractions of a millisecond, so many quick requests lose no time', () => {
    const clock = handClock();
    const follower = new WallClockFollower(0.25, clock.wall);
    let total = 0;
    for (let i = 0; i < 10; i++) {
      clock.move(1);
      total += follower.take();
    }
    expect(total).toBe(2); // 2.5 simulated ms, of which the whole ones
    clock.move(2);
    expect(follower.take()).toBe(1); // 0.5 carried + 0.5
  });

  it('keeps the clock still by default (the library endpoint) and with timeScale 0', async () => {
    for (const options of [{}, { timeScale: 0 }]) {
      const clock = handClock();
      const url = await serve(withInstance(), { ...options, wallClock: clock.wall });
      const before = await simulatedNow(url);
      clock.move(60_000);
      await ecs(url, 'ListClusters', {});
      expect(await simulatedNow(url)).toBe(before);
      await endpoint!.close();
      endpoint = undefined;
    }
  });

  it('never takes the clock past the last time a date holds', async () => {
    const clock = handClock();
    const last = 8.64e15;
    const url = await serve(new EcsSimulator({ startTime: last - 1_000 }), { timeScale: 1, wallClock: clock.wall });
    clock.move(10_000);
    const answer = await ecs(url, 'ListClusters', {});
    expect(answer).toEqual({ clusterArns: [] });
    expect(await simulatedNow(url)).toBe(last);
  });

  it('refuses a time scale that is not a number from 0 to 10,000, in the library and on the command line', async () => {
    for (const timeScale of [-1, Number.NaN, 10_001, '1' as unknown as number]) {
      await expect(new EcsSimulator().listen({ port: 0, timeScale })).rejects.toThrow(/timeScale must be a number from 0/);
    }
    const r = await runCli(['serve', '--port', '0', '--time-scale', 'fast']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^InvalidParameterException: serve: --time-scale takes a number from 0 .* got "fast"/);
  });
});

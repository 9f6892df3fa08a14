// Every service kind of the 2019 API survives a dump: a simulator running REPLICA and DAEMON
// services, FARGATE tasks and a service deployed by task sets (EXTERNAL), described as the API
// describes it and loaded with fromDescribeOutput, describes exactly as before.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { checkInvariants } from '../../../src/testing/invariants.js';
import { register, simWithCluster } from '../fixtures.js';
import { answers, dumpOf } from './dump-fixtures.js';

const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

/** A cluster `c` with a task of every kind, some RUNNING, some PENDING, one STOPPED. */
function running(): EcsSimulator {
  const sim = simWithCluster();
  for (let n = 0; n < 4; n++) register(sim, n, { attributes: [{ name: 'role', value: n < 3 ? 'worker' : 'edge' }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  sim.registerTaskDefinition({ family: 'agent', placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == worker' }], containerDefinitions: [{ name: 'agent', image: 'datadog', cpu: 64, memory: 128 }] });
  sim.registerTaskDefinition({ family: 'fg', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
  sim.registerTaskDefinition({ family: 'ext', containerDefinitions: [{ name: 'ext', image: 'app', cpu: 128, memory: 256 }] });
  sim.registerTaskDefinition({ family: 'ext', containerDefinitions: [{ name: 'ext', image: 'app:2', cpu: 128, memory: 256 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, enableECSManagedTags: true, tags: [{ key: 'team', value: 'a' }], propagateTags: 'SERVICE' });
  sim.createService({ cluster: 'c', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
  sim.createService({ cluster: 'c', serviceName: 'fg', taskDefinition: 'fg', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: network });
  sim.createService({ cluster: 'c', serviceName: 'ext', desiredCount: 4, deploymentController: { type: 'EXTERNAL' } });
  const blue = sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'ext:1', externalId: 'blue', scale: { value: 50, unit: 'PERCENT' } }).taskSet!;
  sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'ext:2', scale: { value: 50, unit: 'PERCENT' } });
  sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'ext', primaryTaskSet: blue.id! });
  sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network, startedBy: 'batch' });
  sim.advance(60_000);
  const [standalone] = sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 1, startedBy: 'cron' }).tasks!;
  sim.stopTask({ cluster: 'c', task: standalone!.taskArn!, reason: 'done' });
  sim.advance(60_000);
  sim.runTask({ cluster: 'c', taskDefinition: 'ext:2', count: 1 }); // still PENDING when dumped
  return sim;
}

describe('a dump of every service kind loads back to the same describe answers', () => {
  const sim = running();
  const loaded = EcsSimulator.fromDescribeOutput(dumpOf(sim), { startTime: sim.now, seed: 8 });

  it('the original has a task of every kind (so the round trip covers them)', () => {
    const all = [...sim.state.clusters.get('c')!.tasks.values()];
    expect(all.some((t) => t.launchType === 'FARGATE' && t.serviceName === 'fg' && t.lastStatus === 'RUNNING')).toBe(true);
    expect(all.some((t) => t.launchType === 'FARGATE' && t.serviceName === undefined)).toBe(true);
    expect(all.filter((t) => t.serviceName === 'agent' && t.lastStatus === 'RUNNING')).toHaveLength(3);
    expect(new Set(all.filter((t) => t.serviceName === 'ext').map((t) => t.taskSetId)).size).toBe(2);
    expect(all.some((t) => t.lastStatus === 'STOPPED')).toBe(true);
    expect(all.some((t) => t.lastStatus === 'PENDING')).toBe(true);
    expect(all.some((t) => t.tags.some((x) => x.key?.startsWith('aws:')))).toBe(true);
  });

  it('describes the same instances, tasks, services and task sets', () => {
    expect(answers(loaded, 'c', 'ext')).toEqual(answers(sim, 'c', 'ext'));
    checkInvariants(loaded);
  });

  it('keeps the same state as the simulator goes on: daemons on new instances, task sets scaled', () => {
    for (const s of [sim, loaded]) {
      register(s, 9, { attributes: [{ name: 'role', value: 'worker' }] });
      s.updateService({ cluster: 'c', service: 'ext', desiredCount: 6 });
      s.advance(120_000);
    }
    const counts = (s: EcsSimulator) => {
      const a = answers(s, 'c', 'ext');
      return {
        services: a.services.services!.map((x) => [x.serviceName, x.desiredCount, x.runningCount, x.pendingCount]),
        taskSets: a.taskSets!.taskSets!.map((x) => [x.id, x.computedDesiredCount, x.runningCount, x.stabilityStatus]),
        daemons: s.listTasks({ cluster: 'c', serviceName: 'agent' }).taskArns!.length,
      };
    };
    expect(counts(loaded)).toEqual(counts(sim));
    expect(counts(loaded).daemons).toBe(4);
    checkInvariants(loaded);
  });

  it('survives a snapshot too (managed aws: tags included)', () => {
    const again = EcsSimulator.restore(JSON.parse(JSON.stringify(loaded.snapshot())));
    expect(answers(again, 'c', 'ext')).toEqual(answers(loaded, 'c', 'ext'));
  });
});

// Client tokens (CreateService, CreateTaskSet): a retry with the same token and parameters answers
// what the first call made and changes nothing; the same token with other parameters is refused;
// without a token a taken service name stays "not idempotent"; snapshots keep the tokens.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

function world() {
  const sim = simWithCluster();
  register(sim, 1);
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  return sim;
}

describe('client tokens', () => {
  it('CreateService retried with the same token and parameters (in any member order) answers the same service and changes nothing', () => {
    const sim = world();
    const first = sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, clientToken: '3f1c2a9e-7d2b-4c1e-9a51-2b8f0d6e4c17' }).service!;
    sim.advance(10_000);
    const before = JSON.stringify(sim.snapshot());
    const retry = sim.createService({ clientToken: '3f1c2a9e-7d2b-4c1e-9a51-2b8f0d6e4c17', desiredCount: 2, taskDefinition: 'web', serviceName: 'web', cluster: 'c' }).service!;
    expect(retry.serviceArn).toBe(first.serviceArn);
    expect(retry.runningCount).toBe(2);
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });

  it('the same token with other parameters, another token, or none: the name is taken', () => {
    const sim = world();
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, clientToken: 't1' });
    for (const other of [{ desiredCount: 3, clientToken: 't1' }, { desiredCount: 2, clientToken: 't2' }, { desiredCount: 2 }]) {
      expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', ...other }), 'InvalidParameterException', /^Creation of service was not idempotent\.$/);
    }
  });

  it('a token that is not up to 36 printable ASCII characters is refused', () => {
    const sim = world();
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, clientToken: 'x'.repeat(37) }), 'InvalidParameterException', /^clientToken: up to 36 ASCII characters/);
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, clientToken: 'with space' }), 'InvalidParameterException', /clientToken/);
  });

  it('CreateTaskSet retried answers the same task set; the same token with another scale is refused; a snapshot keeps the tokens', () => {
    const sim = world();
    sim.createService({ cluster: 'c', serviceName: 'ext', desiredCount: 4, deploymentController: { type: 'EXTERNAL' } });
    const request = { cluster: 'c', service: 'ext', taskDefinition: 'web', scale: { value: 50, unit: 'PERCENT' as const }, clientToken: 'blue-1' };
    const first = sim.createTaskSet(request).taskSet!;
    const before = JSON.stringify(sim.snapshot());
    expect(sim.createTaskSet({ ...request }).taskSet!.id).toBe(first.id);
    expect(JSON.stringify(sim.snapshot())).toBe(before);
    expectRejected(sim, () => sim.createTaskSet({ ...request, scale: { value: 60, unit: 'PERCENT' } }), 'InvalidParameterException', /clientToken "blue-1" was used to create task set ecs-svc\/\d+ with other parameters/);
    const restored = EcsSimulator.restore(JSON.parse(before));
    expect(restored.createTaskSet({ ...request }).taskSet!.id).toBe(first.id);
    expect(restored.describeTaskSets({ cluster: 'c', service: 'ext' }).taskSets).toHaveLength(1);
  });
});

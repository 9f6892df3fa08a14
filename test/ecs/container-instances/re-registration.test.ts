// A re-registration (an agent restart, containerInstanceArn given) refreshes the registered
// resources and devices only while no task holds resources on the instance: with tasks placed,
// the instance keeps the amounts their reservations were made against, so remainingResources is
// always registeredResources minus the tasks' holds.
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/testing/invariants.js';
import { identity, register, RESOURCES, simWithCluster } from '../fixtures.js';

const withResource = (name: string, change: Record<string, unknown>) => RESOURCES.map((r) => (r.name === name ? { ...r, ...change } : r));

describe('re-registration under running tasks', () => {
  for (const [what, totalResources] of [
    ['less CPU than the tasks hold', withResource('CPU', { integerValue: 1 })],
    ['agent-reserved UDP ports', withResource('PORTS_UDP', { stringSetValue: ['53', 'default'] })],
    ['other reserved TCP ports', withResource('PORTS', { stringSetValue: ['22', 'abc'] })],
  ] as const) {
    it(`with ${what}: keeps the registered resources, and the books stay exact`, () => {
      const sim = simWithCluster();
      const arn = register(sim, 1);
      sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
      sim.runTask({ cluster: 'c', taskDefinition: 'web' });
      const before = sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!;
      const again = sim.registerContainerInstance({ cluster: 'c', containerInstanceArn: arn, instanceIdentityDocument: identity('i-00000000000000001'), totalResources, versionInfo: { agentVersion: '1.30.0' } }).containerInstance!;
      expect(again.registeredResources).toEqual(before.registeredResources);
      expect(again.remainingResources).toEqual(before.remainingResources);
      expect(again.versionInfo?.agentVersion).toBe('1.30.0');
      checkInvariants(sim);
    });
  }

  it('with no task placed, takes the new resources', () => {
    const sim = simWithCluster();
    const arn = register(sim, 1);
    const again = sim.registerContainerInstance({ cluster: 'c', containerInstanceArn: arn, instanceIdentityDocument: identity('i-00000000000000001'), totalResources: withResource('CPU', { integerValue: 1024 }) }).containerInstance!;
    expect(again.registeredResources?.find((r) => r.name === 'CPU')?.integerValue).toBe(1024);
    expect(again.remainingResources?.find((r) => r.name === 'CPU')?.integerValue).toBe(1024);
    checkInvariants(sim);
  });
});

describe('registered string sets', () => {
  it('an entry twice in a STRINGSET is refused, naming it (it would be held twice)', async () => {
    const { expectRejected } = await import('../fixtures.js');
    const sim = simWithCluster();
    for (const set of [['22', '22'], ['', 'x', '']]) {
      expectRejected(sim, () => sim.registerContainerInstance({ cluster: 'c', instanceIdentityDocument: identity('i-00000000000000001'), totalResources: withResource('PORTS', { stringSetValue: set }) }), 'InvalidParameterException', /stringSetValue: ".*" appears twice/);
    }
  });
});

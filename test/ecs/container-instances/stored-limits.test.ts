// Limits on what a registration stores (README, "Limits on stored values"): each value the
// accountant, the store or a describe keeps is bounded, so no registration can make a later query
// or call expensive, and a value the accountant cannot hold is refused before anything is stored.
import { describe, expect, it } from 'vitest';
import { BAD_INPUT, expectRejected, identity, RESOURCES, simWithCluster } from '../fixtures.js';

const doc = (fields: Record<string, unknown>) => JSON.stringify({ instanceId: 'i-0123456789abcdef0', instanceType: 'm5.large', availabilityZone: 'us-east-1a', region: 'us-east-1', ...fields });
const resources = (extra: Record<string, unknown>[]) => [...RESOURCES.filter((r) => !extra.some((e) => e['name'] === r.name)), ...extra];

describe('RegisterContainerInstance refuses what it could not store, changing nothing', () => {
  const cases: [string, Record<string, unknown>, string | readonly string[], RegExp][] = [
    ['CPU integerValue 2^31 (a 32-bit integer in the model)', { totalResources: resources([{ name: 'CPU', type: 'INTEGER', integerValue: 2 ** 31 }]) }, 'SerializationException', /integerValue must be a 32-bit integer/],
    ['MEMORY longValue 2^31 (the accountant holds 32 bits)', { totalResources: resources([{ name: 'MEMORY', type: 'LONG', longValue: 2 ** 31 }]) }, 'InvalidParameterException', /MEMORY must be a whole number from 0 to 2147483647; got 2147483648/],
    ['CPU doubleValue 1e300', { totalResources: resources([{ name: 'CPU', type: 'DOUBLE', doubleValue: 1e300 }]) }, 'InvalidParameterException', /CPU must be a whole number/],
    ['GPU longValue −1', { totalResources: resources([{ name: 'GPU', type: 'LONG', longValue: -1 }]) }, 'InvalidParameterException', /GPU must be a whole number/],
    ['an instanceId of 10,000 characters', { instanceIdentityDocument: doc({ instanceId: `i-${'a'.repeat(9998)}` }) }, 'InvalidParameterException', /instanceId must be an EC2 instance id.*\(10000 characters\)/],
    ['an instanceId of 18 characters', { instanceIdentityDocument: doc({ instanceId: 'i-0123456789abcdef01' }) }, 'InvalidParameterException', /instanceId must be an EC2 instance id/],
    ['an instanceId with upper case or punctuation', { instanceIdentityDocument: doc({ instanceId: 'i-ABC;' }) }, 'InvalidParameterException', /instanceId/],
    ['an instanceType of 200 characters', { instanceIdentityDocument: doc({ instanceType: 'm'.repeat(200) }) }, 'InvalidParameterException', /instanceIdentityDocument\.instanceType/],
    ['an availabilityZone with a semicolon', { instanceIdentityDocument: doc({ availabilityZone: 'us-east-1a;x' }) }, 'InvalidParameterException', /instanceIdentityDocument\.availabilityZone/],
    ['a region that is not one', { instanceIdentityDocument: doc({ region: 'moon-base' }) }, 'InvalidParameterException', /instanceIdentityDocument\.region/],
    ['an identity document of 20,000 characters', { instanceIdentityDocument: doc({ pad: 'x'.repeat(20_000) }) }, 'InvalidParameterException', /identity document is at most 16384/],
    ['101 attributes (built-in names too)', { attributes: Array.from({ length: 101 }, (_, i) => ({ name: `ecs.capability.c${i}` })) }, BAD_INPUT, /attributes may hold at most 100/],
    ['21 resources', { totalResources: Array.from({ length: 21 }, (_, i) => ({ name: `R${i}`, type: 'INTEGER', integerValue: 1 })) }, 'InvalidParameterException', /at most 20 resources/],
    ['a PORTS list of 101 entries', { totalResources: resources([{ name: 'PORTS', type: 'STRINGSET', stringSetValue: Array.from({ length: 101 }, (_, i) => String(1000 + i)) }]) }, 'InvalidParameterException', /at most 100 entries/],
    ['a PORTS entry of 256 characters', { totalResources: resources([{ name: 'PORTS', type: 'STRINGSET', stringSetValue: ['x'.repeat(256)] }]) }, 'InvalidParameterException', /stringSetValue\[0\] is 256 characters long/],
    ['a resource name of 256 characters', { totalResources: [{ name: 'R'.repeat(256), type: 'INTEGER', integerValue: 1 }] }, 'InvalidParameterException', /name is 256 characters long/],
    ['65 platform devices', { platformDevices: Array.from({ length: 65 }, (_, i) => ({ id: `g${i}`, type: 'GPU' })) }, 'InvalidParameterException', /at most 64 devices/],
    ['a device id of 256 characters', { platformDevices: [{ id: 'g'.repeat(256), type: 'GPU' }] }, 'InvalidParameterException', /id is 256 characters long/],
    ['an agentVersion of 256 characters', { versionInfo: { agentVersion: '1'.repeat(256) } }, 'InvalidParameterException', /versionInfo\.agentVersion is 256 characters long/],
  ];
  for (const [what, extra, name, message] of cases) {
    it(what, () => {
      const sim = simWithCluster();
      expectRejected(sim, () => sim.registerContainerInstance({ cluster: 'c', instanceIdentityDocument: identity('i-0123456789abcdef0'), totalResources: RESOURCES, ...extra } as never), name, message);
      expect(sim.query(null, { cluster: 'c' })).toEqual([]);
    });
  }

  it('a re-registration with an amount the accountant cannot hold leaves the instance as it was', () => {
    const sim = simWithCluster();
    const arn = sim.registerContainerInstance({ cluster: 'c', instanceIdentityDocument: identity('i-0123456789abcdef0'), totalResources: RESOURCES }).containerInstance!.containerInstanceArn!;
    expectRejected(sim, () => sim.registerContainerInstance({ cluster: 'c', containerInstanceArn: arn, totalResources: resources([{ name: 'CPU', type: 'LONG', longValue: 2 ** 40 }]) }), 'InvalidParameterException', /CPU must be a whole number/);
    // The cluster still places tasks (the issue: every later RunTask answered 500).
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] });
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks).toHaveLength(1);
  });

  it('accepts the largest values of each bound', () => {
    const sim = simWithCluster();
    sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: doc({ instanceId: 'i-12345678', instanceType: 't'.repeat(128) }),
      totalResources: resources([{ name: 'CPU', type: 'INTEGER', integerValue: 2 ** 31 - 1 }, { name: 'MEMORY', type: 'LONG', longValue: 2 ** 31 - 1 }]),
      attributes: Array.from({ length: 100 }, (_, i) => ({ name: i < 10 ? `custom${i}` : `ecs.capability.c${i}` })),
      versionInfo: { agentVersion: '1'.repeat(255) },
      platformDevices: Array.from({ length: 64 }, (_, i) => ({ id: `g${i}`, type: 'GPU' })),
    });
    expect(sim.query('ec2InstanceId == i-12345678', { cluster: 'c' })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { identity, register, RESOURCES, simWithCluster } from '../fixtures.js';

describe('RegisterContainerInstance', () => {
  it('registers an ACTIVE instance with its resources, versions and the built-in attributes of its identity document', () => {
    const sim = simWithCluster();
    const { containerInstance: ci } = sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity('i-0abc', 'c5.large', 'us-east-1b'),
      totalResources: RESOURCES,
      versionInfo: { agentVersion: '1.29.0' },
      attributes: [{ name: 'stack', value: 'prod' }, { name: 'ecs.capability.task-eni' }],
    });
    expect(ci!.status).toBe('ACTIVE');
    expect(ci!.agentConnected).toBe(true);
    expect(ci!.ec2InstanceId).toBe('i-0abc');
    expect(ci!.version).toBe(1);
    expect(ci!.registeredAt).toEqual(new Date('2019-06-06T00:00:00Z'));
    expect(ci!.containerInstanceArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/c\/[0-9a-f]{32}$/);
    expect(ci!.attributes).toEqual([
      { name: 'ecs.ami-id', value: 'ami-0123456789abcdef0' },
      { name: 'ecs.availability-zone', value: 'us-east-1b' },
      { name: 'ecs.instance-type', value: 'c5.large' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'stack', value: 'prod' },
      { name: 'ecs.capability.task-eni' },
    ]);
    expect(ci!.registeredResources).toEqual([
      { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 7681 },
      { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
      { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
    ]);
    expect(ci!.remainingResources).toEqual(ci!.registeredResources);
    expect(ci!.tags).toBeUndefined();
  });

  it('makes the new instance visible to CQL at once', () => {
    const sim = simWithCluster();
    const arn = register(sim, 1, { attributes: [{ name: 'stack', value: 'prod' }] });
    expect(sim.query('attribute:stack == prod and attribute:ecs.instance-type == m5.large', { cluster: 'c' })).toEqual([arn]);
  });

  it('uses the short ARN format when the registering principal has containerInstanceLongArnFormat disabled', () => {
    const sim = simWithCluster({ longArnFormatDefault: 'disabled' });
    const arn = register(sim, 1);
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses tags on an instance that gets the short ARN format', () => {
    const sim = simWithCluster({ longArnFormatDefault: 'disabled' });
    expect(() => register(sim, 1, { tags: [{ key: 'team', value: 'a' }] })).toThrow('Long arn format must be used for tagging operations');
    expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([]);
  });

  it('gives the same ids for the same seed', () => {
    const a = register(simWithCluster(), 1);
    const b = register(simWithCluster(), 1);
    expect(a).toBe(b);
    expect(register(simWithCluster({ seed: 8 }), 1)).not.toBe(a);
  });

  it('re-registration by containerInstanceArn refreshes resources and versions, keeping id, attributes and registeredAt', () => {
    const sim = simWithCluster();
    const arn = register(sim, 1, { attributes: [{ name: 'stack', value: 'prod' }] });
    sim.advance(60_000);
    const { containerInstance: again } = sim.registerContainerInstance({
      cluster: 'c',
      containerInstanceArn: arn,
      totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 4096 }],
      versionInfo: { agentVersion: '1.30.0' },
      attributes: [{ name: 'stack', value: 'dev' }],
    });
    expect(again!.containerInstanceArn).toBe(arn);
    expect(again!.version).toBe(2);
    expect(again!.registeredAt).toEqual(new Date('2019-06-06T00:00:00Z'));
    expect(again!.registeredResources?.[0]?.integerValue).toBe(4096);
    expect(again!.attributes).toContainEqual({ name: 'stack', value: 'prod' });
    expect(sim.query('agentVersion == 1.30.0', { cluster: 'c' })).toEqual([arn]);
    expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([arn]);
  });

  it('enters REGISTERING with a trunk ENI when awsvpcTrunking is effective for a supported type, then ACTIVE', () => {
    const sim = simWithCluster();
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    const arn = register(sim, 1, { instanceType: 'c5.large' });
    const describe = () => sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!;
    expect(describe().status).toBe('REGISTERING');
    expect(describe().attachments).toMatchObject([{ type: 'ElasticNetworkInterface', status: 'PRECREATED' }]);
    expect(sim.query('attribute:ecs.awsvpc-trunk-id exists', { cluster: 'c' })).toEqual([]);
    sim.advance(29_999);
    expect(describe().status).toBe('REGISTERING');
    sim.advance(1);
    expect(describe().status).toBe('ACTIVE');
    expect(describe().attachments?.[0]?.status).toBe('ATTACHED');
    expect(sim.query('attribute:ecs.awsvpc-trunk-id exists', { cluster: 'c' })).toEqual([arn]);
    expect(describe().version).toBe(2);
  });

  it('does not trunk unsupported instance types even with awsvpcTrunking enabled', () => {
    const sim = simWithCluster();
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    const arn = register(sim, 1, { instanceType: 't2.small' });
    expect(sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!.status).toBe('ACTIVE');
  });

  it('ends in REGISTRATION_FAILED with a statusReason when trunk provisioning fails', () => {
    const sim = simWithCluster();
    sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
    sim.injectFault('trunk-failure');
    const arn = register(sim, 1, { instanceType: 'm5.xlarge' });
    sim.advance(30_000);
    const ci = sim.describeContainerInstances({ cluster: 'c', containerInstances: [arn] }).containerInstances![0]!;
    expect(ci.status).toBe('REGISTRATION_FAILED');
    expect(ci.statusReason).toMatch(/^Unexpected EC2 error while attempting to Create Network Interface in subnet 'subnet-[0-9a-f]+': InvalidParameterValue$/);
    expect(sim.listContainerInstances({ cluster: 'c', status: 'REGISTRATION_FAILED' }).containerInstanceArns).toEqual([arn]);
  });

  describe('refuses bad input, changing nothing', () => {
    const cases: Array<[string, Record<string, unknown>, RegExp | string]> = [
      ['an unknown cluster', { cluster: 'nope' }, 'Cluster not found.'],
      ['a malformed identity document', { instanceIdentityDocument: '{' }, /instanceIdentityDocument is not valid JSON/],
      ['a resource without a name', { totalResources: [{ type: 'INTEGER', integerValue: 1 }] }, /totalResources\[0\]\.name is required/],
      ['a resource of an unknown type', { totalResources: [{ name: 'CPU', type: 'FLOAT' }] }, /totalResources\[0\]\.type must be one of INTEGER, DOUBLE, LONG, STRINGSET/],
      ['a duplicate resource', { totalResources: [{ name: 'CPU', integerValue: 1 }, { name: 'CPU', integerValue: 2 }] }, /resource 'CPU' appears twice/],
      ['a negative CPU', { totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: -1 }] }, /non-negative integer/],
      ['an attribute name with a space', { attributes: [{ name: 'a b', value: 'x' }] }, /attributes\[0\]\.name/],
      ['an attribute value with a leading space', { attributes: [{ name: 'a', value: ' x' }] }, /attributes\[0\]\.value/],
      ['11 custom attributes', { attributes: Array.from({ length: 11 }, (_, i) => ({ name: `a${i}`, value: 'x' })) }, /at most 10 custom attributes/],
      ['a platform device that is not a GPU', { platformDevices: [{ id: 'x', type: 'FPGA' }] }, /platformDevices\[0\]\.type must be one of GPU/],
      ['a tag with a reserved aws: key', { tags: [{ key: 'AWS:x', value: 'y' }] }, /aws: prefix is reserved/],
      ['51 tags', { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }, /tags must hold 0 to 50 items/],
      ['an unknown containerInstanceArn', { containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123456789abcdef0123456789abcdef' }, /is not a container instance of cluster c/],
      ['a versionInfo that is not an object', { versionInfo: 'x' }, /versionInfo must be an object/],
    ];
    for (const [what, request, message] of cases) {
      it(what, () => {
        const sim = simWithCluster();
        const before = sim.snapshot();
        expect(() => sim.registerContainerInstance({ cluster: 'c', ...request })).toThrow(message);
        expect(sim.snapshot()).toEqual(before);
      });
    }
    it('names the error as ECS does', () => {
      const sim = simWithCluster();
      try {
        sim.registerContainerInstance({ cluster: 'c', totalResources: 'x' } as never);
        expect.unreachable();
      } catch (e) {
        // A value of the wrong JSON type: the JSON 1.1 front end's error (src/model/README.md).
        expect((e as Error).name).toBe('SerializationException');
      }
    });
  });

  it('registers into the default cluster when no cluster is named', () => {
    const sim = new EcsSimulator();
    sim.createCluster({});
    const { containerInstance } = sim.registerContainerInstance({ totalResources: RESOURCES });
    expect(containerInstance!.containerInstanceArn).toContain(':container-instance/default/');
  });
});

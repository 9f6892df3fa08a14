// PutAttributes, DeleteAttributes and ListAttributes (reference §3.9, §1.10, §5).
import type { DeleteAttributesCommandOutput, ListAttributesCommandOutput, PutAttributesCommandOutput } from '@aws-sdk/client-ecs';
import { BAD_INPUT } from '../fixtures.js';
import { describe, expect, it } from 'vitest';
import type { ListAttributesResponse } from '../../../src/shapes.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { EcsError } from '../../../src/errors.js';

// What the simulator answers (the SDK-mirrored responses of src/shapes.ts).
type PutAttributesOutput = ReturnType<EcsSimulator['putAttributes']>;
type DeleteAttributesOutput = ReturnType<EcsSimulator['deleteAttributes']>;
type ListAttributesOutput = ReturnType<EcsSimulator['listAttributes']>;

// ---- fixtures ------------------------------------------------------------------------------

const TARGET = 'container-instance';

function identity(instanceId: string): string {
  return JSON.stringify({ instanceId, instanceType: 'm5.large', availabilityZone: 'us-east-1a', imageId: 'ami-1' });
}

const RESOURCES = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
];

interface Fixture {
  sim: EcsSimulator;
  /** ARN of i-1 in cluster c (attribute stack=prod) */
  arn: string;
  /** its short id */
  id: string;
  register(instanceId: string, options?: { cluster?: string; attributes?: { name: string; value?: string }[] }): string;
}

function setup(): Fixture {
  const sim = new EcsSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'c' });
  const register: Fixture['register'] = (instanceId, options = {}) =>
    sim.registerContainerInstance({
      cluster: options.cluster ?? 'c',
      instanceIdentityDocument: identity(instanceId),
      totalResources: RESOURCES,
      attributes: options.attributes ?? [{ name: 'stack', value: 'prod' }],
    }).containerInstance!.containerInstanceArn!;
  const arn = register('i-1');
  return { sim, arn, id: shortId(arn), register };
}

function shortId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function describeOne(sim: EcsSimulator, arn: string, cluster = 'c') {
  const { containerInstances } = sim.describeContainerInstances({ cluster, containerInstances: [arn] });
  expect(containerInstances).toHaveLength(1);
  return containerInstances![0]!;
}

function attributesOf(sim: EcsSimulator, arn: string, cluster = 'c') {
  return describeOne(sim, arn, cluster).attributes;
}

function versionOf(sim: EcsSimulator, arn: string, cluster = 'c'): number {
  return describeOne(sim, arn, cluster).version!;
}

/** Everything a rejected call must leave as it was: every instance as described, and what CQL sees. */
function observe(sim: EcsSimulator) {
  const out: Record<string, unknown> = {};
  for (const [name, cluster] of sim.state.clusters) {
    const arns = [...cluster.instances.keys()];
    out[name] = {
      described: arns.length === 0 ? [] : JSON.parse(JSON.stringify(sim.describeContainerInstances({ cluster: name, containerInstances: arns }))),
      stackInCql: sim.query('attribute:stack exists', { cluster: name }),
    };
  }
  return out;
}

/** Runs a call that must fail with `code`, and checks it changed nothing. */
function rejects(sim: EcsSimulator, call: () => unknown, code: string | readonly string[], message?: RegExp): EcsError {
  const before = observe(sim);
  let thrown: unknown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected ${code}`).toBeInstanceOf(EcsError);
  const error = thrown as EcsError;
  expect(typeof code === 'string' ? [code] : code).toContain(error.name);
  if (message) expect(error.message).toMatch(message);
  expect(observe(sim)).toEqual(before);
  return error;
}

function listAll(sim: EcsSimulator, request: Record<string, unknown> = {}) {
  return sim.listAttributes({ cluster: 'c', targetType: TARGET, ...request }).attributes!;
}

// ---- PutAttributes -------------------------------------------------------------------------

describe('PutAttributes', () => {
  it('adds an attribute to the instance its ARN names and answers it with the ARN and target type', () => {
    const { sim, arn } = setup();
    const out = sim.putAttributes({ cluster: 'c', attributes: [{ name: 'team', value: 'payments', targetId: arn }] });
    expect(out).toEqual({ attributes: [{ name: 'team', value: 'payments', targetType: TARGET, targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'team', value: 'payments' });
  });

  it('accepts a short id with targetType and answers with the full ARN', () => {
    const { sim, arn, id } = setup();
    const out = sim.putAttributes({ cluster: 'c', attributes: [{ name: 'team', value: 'a', targetType: TARGET, targetId: id }] });
    expect(out.attributes).toEqual([{ name: 'team', value: 'a', targetType: TARGET, targetId: arn }]);
  });

  it('accepts an ARN together with targetType container-instance', () => {
    const { sim, arn } = setup();
    expect(() => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'team', value: 'a', targetType: TARGET, targetId: arn }] })).not.toThrow();
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'team', value: 'a' });
  });

  it('overwrites the value of an attribute of the same name in place, without duplicating it', () => {
    const { sim, arn } = setup();
    const before = attributesOf(sim, arn)!;
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetId: arn }] });
    const after = attributesOf(sim, arn)!;
    expect(after.filter((a) => a.name === 'stack')).toEqual([{ name: 'stack', value: 'dev' }]);
    expect(after.map((a) => a.name)).toEqual(before.map((a) => a.name));
  });

  it('makes a valueless attribute when value is missing, and removes the value of an existing one', () => {
    const { sim, arn } = setup();
    const out = sim.putAttributes({ cluster: 'c', attributes: [{ name: 'gpu-ready', targetId: arn }, { name: 'stack', targetId: arn }] });
    expect(out.attributes![0]).toEqual({ name: 'gpu-ready', targetType: TARGET, targetId: arn });
    expect(out.attributes![0]).not.toHaveProperty('value');
    const attributes = attributesOf(sim, arn)!;
    expect(attributes).toContainEqual({ name: 'gpu-ready' });
    expect(attributes.find((a) => a.name === 'stack')).toEqual({ name: 'stack' });
    expect(sim.query('attribute:gpu-ready exists', { cluster: 'c' })).toEqual([arn]);
    expect(sim.query('attribute:stack == prod', { cluster: 'c' })).toEqual([]);
  });

  it('is seen by CQL in query and ListContainerInstances filters', () => {
    const { sim, arn, register } = setup();
    const other = register('i-2');
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetId: arn }] });
    expect(sim.query('attribute:stack == dev', { cluster: 'c' })).toEqual([arn]);
    expect(sim.query('attribute:stack == prod', { cluster: 'c' })).toEqual([other]);
    expect(sim.listContainerInstances({ cluster: 'c', filter: 'attribute:stack == dev' }).containerInstanceArns).toEqual([arn]);
    expect(sim.listContainerInstances({ cluster: 'c', filter: 'attribute:stack != dev' }).containerInstanceArns).toEqual([other]);
  });

  it('raises the version of each changed instance by exactly one per call', () => {
    const { sim, arn, register } = setup();
    const other = register('i-2');
    const v1 = versionOf(sim, arn);
    const v2 = versionOf(sim, other);
    sim.putAttributes({
      cluster: 'c',
      attributes: [
        { name: 'a', value: '1', targetId: arn },
        { name: 'b', value: '2', targetId: arn },
        { name: 'stack', value: 'dev', targetId: arn },
        { name: 'a', value: '1', targetId: other },
      ],
    });
    expect(versionOf(sim, arn)).toBe(v1 + 1);
    expect(versionOf(sim, other)).toBe(v2 + 1);
  });

  it('leaves the version alone when an attribute is put with the value it already has', () => {
    const { sim, arn } = setup();
    const v = versionOf(sim, arn);
    const out = sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'prod', targetId: arn }] });
    expect(out.attributes).toEqual([{ name: 'stack', value: 'prod', targetType: TARGET, targetId: arn }]);
    expect(versionOf(sim, arn)).toBe(v);
  });

  it('lets the last item win when a request puts the same name on the same instance twice', () => {
    const { sim, arn } = setup();
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'x', value: 'first', targetId: arn }, { name: 'x', value: 'second', targetId: arn }] });
    expect(attributesOf(sim, arn)!.filter((a) => a.name === 'x')).toEqual([{ name: 'x', value: 'second' }]);
    expect(sim.query('attribute:x == second', { cluster: 'c' })).toEqual([arn]);
    expect(sim.query('attribute:x == first', { cluster: 'c' })).toEqual([]);
  });

  it('uses the default cluster when cluster is omitted', () => {
    const sim = new EcsSimulator({ seed: 1 });
    sim.createCluster({});
    const arn = sim.registerContainerInstance({ instanceIdentityDocument: identity('i-9'), totalResources: RESOURCES }).containerInstance!.containerInstanceArn!;
    sim.putAttributes({ attributes: [{ name: 'stack', value: 'dev', targetId: arn }] });
    expect(sim.query('attribute:stack == dev')).toEqual([arn]);
  });

  it('rejects an unknown cluster with ClusterNotFoundException', () => {
    const { sim, arn } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'nope', attributes: [{ name: 'a', value: 'b', targetId: arn }] }), 'ClusterNotFoundException');
  });

  it('requires 1 to 10 attributes', () => {
    const { sim, arn } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'c' } as never), 'InvalidParameterException', /attributes/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [] }), 'InvalidParameterException', /attributes/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: 'stack=dev' } as never), 'SerializationException', /attributes/);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `n${i}`, value: 'v', targetId: arn }));
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: eleven }), 'InvalidParameterException', /at most 10/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [null] } as never), 'SerializationException', /attributes\[0\]/);
  });

  it('requires targetId (attributes always target a container instance)', () => {
    const { sim } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b' }] }), 'InvalidParameterException', /targetId is required/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: '' }] }), 'InvalidParameterException', /targetId is required/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: 42 }] } as never), 'SerializationException', /targetId/);
  });

  it('requires targetType when targetId is a short id', () => {
    const { sim, id } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: id }] }), 'InvalidParameterException', /targetType is required/);
  });

  it('accepts container-instance as the only targetType', () => {
    const { sim, arn, id } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetType: 'task', targetId: id }] } as never), 'InvalidParameterException', /targetType/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetType: 'CONTAINER-INSTANCE', targetId: arn }] } as never), 'InvalidParameterException', /targetType/);
  });

  it('answers an unknown target with TargetNotFoundException naming it', () => {
    const { sim, arn } = setup();
    const missingId = '0123456789abcdef0123456789abcdef';
    const missingArn = arn.replace(shortId(arn), missingId);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetType: TARGET, targetId: missingId }] }), 'TargetNotFoundException', new RegExp(missingId));
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: missingArn }] }), 'TargetNotFoundException', new RegExp(missingArn.replace(/[/.]/g, '\\$&')));
  });

  it('does not find an instance of another cluster, by ARN or by id', () => {
    const { sim, register } = setup();
    sim.createCluster({ clusterName: 'c2' });
    const elsewhere = register('i-7', { cluster: 'c2' });
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: elsewhere }] }), 'TargetNotFoundException', /c2/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetType: TARGET, targetId: shortId(elsewhere) }] }), 'TargetNotFoundException');
    // The same instance is found in its own cluster.
    sim.putAttributes({ cluster: 'c2', attributes: [{ name: 'a', value: 'b', targetId: elsewhere }] });
    expect(attributesOf(sim, elsewhere, 'c2')).toContainEqual({ name: 'a', value: 'b' });
  });

  it('does not find an instance by an ARN of another Region or account', () => {
    const { sim, arn } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: arn.replace('us-east-1', 'eu-west-1') }] }), 'TargetNotFoundException');
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: arn.replace('123456789012', '210987654321') }] }), 'TargetNotFoundException');
  });

  it('rejects a targetId that is neither an id nor a container instance ARN', () => {
    const { sim } = setup();
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetType: TARGET, targetId: 'not an id' }] }), 'InvalidParameterException', /targetId/);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: 'arn:aws:ecs:us-east-1:123456789012:task/c/abc' }] }), 'InvalidParameterException', /targetId/);
  });

  it('treats a deregistered (INACTIVE) instance as no target', () => {
    const { sim, arn } = setup();
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: arn }] }), 'TargetNotFoundException');
  });

  it('accepts names of 128 characters and rejects 129, empty names and characters outside the set', () => {
    const { sim, arn } = setup();
    const longest = 'n'.repeat(128);
    sim.putAttributes({ cluster: 'c', attributes: [{ name: longest, value: 'v', targetId: arn }, { name: 'a-b_c/d\\e.f', value: 'v', targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: longest, value: 'v' });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'a-b_c/d\\e.f', value: 'v' });
    for (const name of ['n'.repeat(129), '', 'has space', 'at@sign', 'colon:', 'é', undefined, 7]) {
      rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name, value: 'v', targetId: arn }] } as never), BAD_INPUT, /name/);
    }
  });

  it('accepts values of 128 characters and rejects 129, empty values, edge spaces and characters outside the set', () => {
    const { sim, arn } = setup();
    const longest = 'v'.repeat(128);
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'long', value: longest, targetId: arn }, { name: 'mixed', value: 'a-b_c.d@e/f\\g:h i', targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'long', value: longest });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'mixed', value: 'a-b_c.d@e/f\\g:h i' });
    for (const value of ['v'.repeat(129), '', ' lead', 'trail ', 'semi;colon', 'quote"', 3]) {
      rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'x', value, targetId: arn }] } as never), BAD_INPUT, /value/);
    }
  });

  it('stores __proto__ and constructor as ordinary attribute names', () => {
    const { sim, arn } = setup();
    sim.putAttributes({ cluster: 'c', attributes: [{ name: '__proto__', value: 'polluted', targetId: arn }, { name: 'constructor', value: 'ctor', targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: '__proto__', value: 'polluted' });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'constructor', value: 'ctor' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(sim.query('attribute:__proto__ == polluted', { cluster: 'c' })).toEqual([arn]);
    expect(sim.query('attribute:constructor == ctor', { cluster: 'c' })).toEqual([arn]);
    expect(listAll(sim, { attributeName: '__proto__' })).toEqual([{ name: '__proto__', value: 'polluted', targetType: TARGET, targetId: arn }]);
    sim.deleteAttributes({ cluster: 'c', attributes: [{ name: '__proto__', targetId: arn }, { name: 'constructor', targetId: arn }] });
    expect(attributesOf(sim, arn)!.map((a) => a.name)).not.toContain('__proto__');
    expect(attributesOf(sim, arn)!.map((a) => a.name)).not.toContain('constructor');
    expect(sim.query('attribute:constructor exists', { cluster: 'c' })).toEqual([]);
  });

  it('allows exactly 10 custom attributes per instance and rejects the 11th with AttributeLimitExceededException', () => {
    const { sim, arn } = setup(); // 1 custom (stack) and 4 built-ins
    const nine = Array.from({ length: 9 }, (_, i) => ({ name: `c${i}`, value: 'v', targetId: arn }));
    sim.putAttributes({ cluster: 'c', attributes: nine });
    const custom = attributesOf(sim, arn)!.filter((a) => !a.name!.startsWith('ecs.'));
    expect(custom).toHaveLength(10);
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'eleventh', value: 'v', targetId: arn }] }), 'AttributeLimitExceededException', /11/);
    // Overwriting one of the ten, or making it valueless, stays within the limit.
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'c0', value: 'w', targetId: arn }, { name: 'c1', targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'c0', value: 'w' });
  });

  it('counts the limit after the whole call, so one call that would reach 11 changes nothing', () => {
    const { sim, arn } = setup();
    const ten = Array.from({ length: 10 }, (_, i) => ({ name: `c${i}`, value: 'v', targetId: arn }));
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: ten }), 'AttributeLimitExceededException', new RegExp(shortId(arn)));
  });

  it('does not count built-in attributes toward the limit', () => {
    const { sim, register } = setup();
    const bare = register('i-3', { attributes: [] });
    expect(attributesOf(sim, bare)!.filter((a) => a.name!.startsWith('ecs.')).length).toBeGreaterThanOrEqual(4);
    const ten = Array.from({ length: 10 }, (_, i) => ({ name: `c${i}`, value: 'v', targetId: bare }));
    sim.putAttributes({ cluster: 'c', attributes: ten });
    expect(attributesOf(sim, bare)!.length).toBeGreaterThanOrEqual(14);
  });

  it('refuses to put built-in attribute names (ecs.*, com.amazonaws.ecs.*)', () => {
    const { sim, arn } = setup();
    for (const name of ['ecs.instance-type', 'ecs.brand-new', 'com.amazonaws.ecs.capability.docker-remote-api.1.19']) {
      rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name, value: 'x', targetId: arn }] }), 'InvalidParameterException', /built-in/);
    }
    // A name that merely contains "ecs." is custom.
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'my.ecs.thing', value: 'x', targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'my.ecs.thing', value: 'x' });
  });

  it('changes nothing when any item or target of the call is invalid', () => {
    const { sim, arn, register } = setup();
    const other = register('i-2', { attributes: Array.from({ length: 10 }, (_, i) => ({ name: `c${i}`, value: 'v' })) });
    const good = { name: 'stack', value: 'dev', targetId: arn };
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [good, { name: 'a', value: 'b', targetType: TARGET, targetId: 'ffffffffffffffffffffffffffffffff' }] }), 'TargetNotFoundException');
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [good, { name: 'bad name', value: 'b', targetId: arn }] }), 'InvalidParameterException');
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [good, { name: 'one-too-many', value: 'b', targetId: other }] }), 'AttributeLimitExceededException');
    expect(sim.query('attribute:stack == dev', { cluster: 'c' })).toEqual([]);
  });
});

// ---- DeleteAttributes ----------------------------------------------------------------------

describe('DeleteAttributes', () => {
  it('removes the attribute, answers it with the value it had, and CQL no longer sees it', () => {
    const { sim, arn } = setup();
    const v = versionOf(sim, arn);
    const out = sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: arn }] });
    expect(out).toEqual({ attributes: [{ name: 'stack', value: 'prod', targetType: TARGET, targetId: arn }] });
    expect(attributesOf(sim, arn)!.map((a) => a.name)).not.toContain('stack');
    expect(sim.query('attribute:stack exists', { cluster: 'c' })).toEqual([]);
    expect(sim.listContainerInstances({ cluster: 'c', filter: 'attribute:stack == prod' }).containerInstanceArns).toEqual([]);
    expect(versionOf(sim, arn)).toBe(v + 1);
  });

  it('accepts a short id with targetType and raises the version once for several names', () => {
    const { sim, arn, id } = setup();
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: '1', targetId: arn }, { name: 'b', targetId: arn }] });
    const v = versionOf(sim, arn);
    const out = sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'a', targetType: TARGET, targetId: id }, { name: 'b', targetType: TARGET, targetId: id }] });
    expect(out.attributes).toEqual([
      { name: 'a', value: '1', targetType: TARGET, targetId: arn },
      { name: 'b', targetType: TARGET, targetId: arn },
    ]);
    expect(versionOf(sim, arn)).toBe(v + 1);
  });

  it('answers an attribute the instance does not have without error, without a value, and changes nothing', () => {
    const { sim, arn } = setup();
    const before = observe(sim);
    const out = sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'never-set', targetId: arn }] });
    expect(out.attributes).toEqual([{ name: 'never-set', targetType: TARGET, targetId: arn }]);
    expect(observe(sim)).toEqual(before);
  });

  it('deletes by name, ignoring a value given in the request', () => {
    const { sim, arn } = setup();
    const out = sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'something-else', targetId: arn }] });
    expect(out.attributes).toEqual([{ name: 'stack', value: 'prod', targetType: TARGET, targetId: arn }]);
    expect(sim.query('attribute:stack exists', { cluster: 'c' })).toEqual([]);
  });

  it('frees room under the custom-attribute limit', () => {
    const { sim, arn } = setup();
    sim.putAttributes({ cluster: 'c', attributes: Array.from({ length: 9 }, (_, i) => ({ name: `c${i}`, value: 'v', targetId: arn })) });
    rejects(sim, () => sim.putAttributes({ cluster: 'c', attributes: [{ name: 'new', value: 'v', targetId: arn }] }), 'AttributeLimitExceededException');
    sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'c0', targetId: arn }] });
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'new', value: 'v', targetId: arn }] });
    expect(attributesOf(sim, arn)).toContainEqual({ name: 'new', value: 'v' });
  });

  it('validates like PutAttributes: 1 to 10 items, targetId, targetType with short ids, names', () => {
    const { sim, arn, id } = setup();
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c' } as never), 'InvalidParameterException', /attributes/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [] }), 'InvalidParameterException', /attributes/);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `n${i}`, targetId: arn }));
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: eleven }), 'InvalidParameterException', /at most 10/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack' }] }), 'InvalidParameterException', /targetId is required/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: id }] }), 'InvalidParameterException', /targetType is required/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetType: 'task', targetId: id }] } as never), 'InvalidParameterException', /targetType/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'n'.repeat(129), targetId: arn }] }), 'InvalidParameterException', /name/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'nope', attributes: [{ name: 'stack', targetId: arn }] }), 'ClusterNotFoundException');
  });

  it('answers an unknown target, or one of another cluster, with TargetNotFoundException', () => {
    const { sim, register } = setup();
    sim.createCluster({ clusterName: 'c2' });
    const elsewhere = register('i-7', { cluster: 'c2' });
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetType: TARGET, targetId: 'ffffffffffffffffffffffffffffffff' }] }), 'TargetNotFoundException', /ffffffffffffffffffffffffffffffff/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: elsewhere }] }), 'TargetNotFoundException');
    expect(attributesOf(sim, elsewhere, 'c2')).toContainEqual({ name: 'stack', value: 'prod' });
  });

  it('refuses to delete built-in attributes', () => {
    const { sim, arn } = setup();
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'ecs.ami-id', targetId: arn }] }), 'InvalidParameterException', /built-in/);
    rejects(sim, () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs', targetId: arn }] }), 'InvalidParameterException', /built-in/);
  });

  it('changes nothing when any target of the call is unknown', () => {
    const { sim, arn } = setup();
    rejects(
      sim,
      () => sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: arn }, { name: 'stack', targetType: TARGET, targetId: 'ffffffffffffffffffffffffffffffff' }] }),
      'TargetNotFoundException',
    );
    expect(sim.query('attribute:stack == prod', { cluster: 'c' })).toEqual([arn]);
  });
});

// ---- ListAttributes ------------------------------------------------------------------------

describe('ListAttributes', () => {
  function threeInstances() {
    const f = setup();
    const second = f.register('i-2', { attributes: [{ name: 'stack', value: 'dev' }, { name: 'flag' }] });
    const third = f.register('i-3', { attributes: [] });
    return { ...f, second, third };
  }

  it('lists every attribute of every instance, built-in and custom: instances in registration order, names in the order they first appeared', () => {
    const { sim, arn, second, third } = threeInstances();
    const firstSeen = [...new Set([arn, second, third].flatMap((a) => attributesOf(sim, a)!.map((x) => x.name!)))];
    const expected = [arn, second, third].flatMap((a) =>
      attributesOf(sim, a)!
        .sort((x, y) => firstSeen.indexOf(x.name!) - firstSeen.indexOf(y.name!))
        .map((x) => ({ ...x, targetType: TARGET, targetId: a })),
    );
    const out = sim.listAttributes({ cluster: 'c', targetType: TARGET });
    expect(out).toEqual({ attributes: expected });
    expect(out).not.toHaveProperty('nextToken');
    expect(out.attributes!.some((a) => a.name === 'ecs.instance-type')).toBe(true);
  });

  it('filters by attributeName, and by attributeName with attributeValue', () => {
    const { sim, arn, second } = threeInstances();
    expect(listAll(sim, { attributeName: 'stack' })).toEqual([
      { name: 'stack', value: 'prod', targetType: TARGET, targetId: arn },
      { name: 'stack', value: 'dev', targetType: TARGET, targetId: second },
    ]);
    expect(listAll(sim, { attributeName: 'stack', attributeValue: 'dev' })).toEqual([{ name: 'stack', value: 'dev', targetType: TARGET, targetId: second }]);
    expect(listAll(sim, { attributeName: 'flag' })).toEqual([{ name: 'flag', targetType: TARGET, targetId: second }]);
    expect(listAll(sim, { attributeName: 'flag', attributeValue: 'x' })).toEqual([]);
    expect(listAll(sim, { attributeName: 'absent' })).toEqual([]);
    // A name ECS would not take is refused, naming the request member itself.
    expect(() => sim.listAttributes({ cluster: 'c', targetType: TARGET, attributeName: 'a b' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/^attributeName: an attribute name has/) }));
  });

  it('reflects PutAttributes and DeleteAttributes', () => {
    const { sim, arn, second } = threeInstances();
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'stack', value: 'dev', targetId: arn }] });
    sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: second }] });
    expect(listAll(sim, { attributeName: 'stack' })).toEqual([{ name: 'stack', value: 'dev', targetType: TARGET, targetId: arn }]);
  });

  it('leaves out deregistered (INACTIVE) instances and other clusters', () => {
    const { sim, arn, second, register } = threeInstances();
    sim.createCluster({ clusterName: 'c2' });
    register('i-8', { cluster: 'c2' });
    sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
    expect(listAll(sim, { attributeName: 'stack' })).toEqual([{ name: 'stack', value: 'dev', targetType: TARGET, targetId: second }]);
  });

  it('uses the default cluster when cluster is omitted and rejects an unknown one', () => {
    const { sim } = setup();
    rejects(sim, () => sim.listAttributes({ targetType: TARGET }), 'ClusterNotFoundException');
    rejects(sim, () => sim.listAttributes({ cluster: 'nope', targetType: TARGET }), 'ClusterNotFoundException');
    sim.createCluster({});
    expect(sim.listAttributes({ targetType: TARGET })).toEqual({ attributes: [] });
  });

  it('requires targetType container-instance', () => {
    const { sim } = setup();
    rejects(sim, () => sim.listAttributes({ cluster: 'c' } as never), 'InvalidParameterException', /targetType is required/);
    rejects(sim, () => sim.listAttributes({ cluster: 'c', targetType: 'task' } as never), 'InvalidParameterException', /targetType/);
  });

  it('allows attributeValue only together with attributeName', () => {
    const { sim } = setup();
    rejects(sim, () => sim.listAttributes({ cluster: 'c', targetType: TARGET, attributeValue: 'prod' }), 'InvalidParameterException', /attributeValue/);
  });

  it('rejects an attributeName or attributeValue that no attribute could have', () => {
    const { sim } = setup();
    rejects(sim, () => sim.listAttributes({ cluster: 'c', targetType: TARGET, attributeName: 'has space' }), 'InvalidParameterException', /attributeName/);
    rejects(sim, () => sim.listAttributes({ cluster: 'c', targetType: TARGET, attributeName: 'stack', attributeValue: ' prod' }), 'InvalidParameterException', /attributeValue/);
  });

  it('accepts maxResults from 1 to 100 only', () => {
    const { sim } = setup();
    for (const maxResults of [0, 101, -1, 1.5, '10']) {
      rejects(sim, () => sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults } as never), BAD_INPUT, /maxResults/);
    }
    expect(listAll(sim, { maxResults: 100 }).length).toBeGreaterThan(0);
  });

  it('pages with maxResults 1 to the end, returning every attribute exactly once and no token on the last page', () => {
    const { sim } = threeInstances();
    const all = listAll(sim);
    const seen: unknown[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page: ListAttributesResponse = sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 1, ...(nextToken === undefined ? {} : { nextToken }) });
      expect(page.attributes!.length).toBeLessThanOrEqual(1);
      seen.push(...page.attributes!);
      nextToken = page.nextToken;
      pages++;
      expect(pages).toBeLessThanOrEqual(all.length);
    } while (nextToken !== undefined);
    expect(seen).toEqual(all);
    expect(pages).toBe(all.length);
  });

  it('pages with a filter and a default page size of 100', () => {
    const { sim, register } = setup();
    for (let i = 0; i < 120; i++) register(`i-f${i}`);
    const first = sim.listAttributes({ cluster: 'c', targetType: TARGET, attributeName: 'stack' });
    expect(first.attributes).toHaveLength(100);
    expect(first.nextToken).toBeDefined();
    const second = sim.listAttributes({ cluster: 'c', targetType: TARGET, attributeName: 'stack', nextToken: first.nextToken });
    expect(second.attributes).toHaveLength(21);
    expect(second).not.toHaveProperty('nextToken');
  });

  it('neither skips nor repeats an attribute when one before the cursor on the same instance is deleted between pages', () => {
    const { sim, second } = threeInstances();
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'late', value: 'yes', targetId: second }] });
    const all = listAll(sim);
    // Stop the first page just after 'flag' on the second instance, then delete 'stack', listed
    // before it on that instance.
    const onSecond = all.filter((a) => a.targetId === second).map((a) => a.name);
    expect(onSecond.indexOf('stack')).toBeLessThan(onSecond.indexOf('flag'));
    expect(onSecond.indexOf('flag')).toBeLessThan(onSecond.indexOf('late'));
    const cut = all.findIndex((a) => a.targetId === second && a.name === 'flag') + 1;
    const page1 = sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: cut });
    sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: second }] });
    const rest: unknown[] = [];
    let nextToken = page1.nextToken;
    while (nextToken !== undefined) {
      const page: ListAttributesResponse = sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 1, nextToken });
      rest.push(...page.attributes!);
      nextToken = page.nextToken;
    }
    expect(rest).toEqual(all.slice(cut));
  });

  it('keeps paging stable while attributes are added to instances ahead', () => {
    const { sim, third } = threeInstances();
    const page1 = sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 2 });
    sim.putAttributes({ cluster: 'c', attributes: [{ name: 'late', value: 'yes', targetId: third }] });
    const rest: unknown[] = [...page1.attributes!];
    let nextToken = page1.nextToken;
    while (nextToken !== undefined) {
      const page: ListAttributesResponse = sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 2, nextToken });
      rest.push(...page.attributes!);
      nextToken = page.nextToken;
    }
    expect(rest).toEqual(listAll(sim));
    expect(rest.filter((a) => (a as { name: string }).name === 'late')).toHaveLength(1);
  });

  it('rejects a forged, edited or foreign nextToken', () => {
    const { sim } = threeInstances();
    const { nextToken } = sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 1 });
    expect(nextToken).toBeDefined();
    const [payload, mac] = nextToken!.split('.') as [string, string];
    const forgedBody = Buffer.from(JSON.stringify({ o: 'ListAttributes', q: 'x', k: 5 })).toString('base64url');
    const list = (token: string, extra: Record<string, unknown> = {}) => () =>
      sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 1, nextToken: token, ...extra });
    rejects(sim, list('not-a-token'), 'InvalidParameterException', /nextToken/);
    rejects(sim, list(`${forgedBody}.${mac}`), 'InvalidParameterException', /nextToken/);
    rejects(sim, list(`${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`), 'InvalidParameterException', /nextToken/);
    rejects(sim, list(nextToken!, { attributeName: 'stack' }), 'InvalidParameterException', /nextToken/);
    const other = sim.listContainerInstances({ cluster: 'c', maxResults: 1 }).nextToken!;
    rejects(sim, list(other), 'InvalidParameterException', /nextToken/);
    // The genuine token still works.
    expect(sim.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 1, nextToken }).attributes).toHaveLength(1);
  });

  it('does not accept a token from a simulator with another seed', () => {
    const a = threeInstances().sim;
    const b = new EcsSimulator({ seed: 2 });
    b.createCluster({ clusterName: 'c' });
    const { nextToken } = a.listAttributes({ cluster: 'c', targetType: TARGET, maxResults: 1 });
    rejects(b, () => b.listAttributes({ cluster: 'c', targetType: TARGET, nextToken }), 'InvalidParameterException', /nextToken/);
  });
});

// ---- types ---------------------------------------------------------------------------------

type Assignable<A, B> = [A] extends [B] ? true : false;
type WithoutMetadata<T> = Omit<T, '$metadata'>;

describe('response types', () => {
  it('are assignable to the @aws-sdk/client-ecs outputs without $metadata', () => {
    // Checked by the type checker (tsc --noEmit); the runtime part keeps vitest counting it.
    const checks: [
      Assignable<PutAttributesOutput, WithoutMetadata<PutAttributesCommandOutput>>,
      Assignable<DeleteAttributesOutput, WithoutMetadata<DeleteAttributesCommandOutput>>,
      Assignable<ListAttributesOutput, WithoutMetadata<ListAttributesCommandOutput>>,
    ] = [true, true, true];
    expect(checks).toEqual([true, true, true]);

    const { sim, arn } = setup();
    const put: WithoutMetadata<PutAttributesCommandOutput> = sim.putAttributes({ cluster: 'c', attributes: [{ name: 'a', value: 'b', targetId: arn }] });
    const deleted: WithoutMetadata<DeleteAttributesCommandOutput> = sim.deleteAttributes({ cluster: 'c', attributes: [{ name: 'a', targetId: arn }] });
    const listed: WithoutMetadata<ListAttributesCommandOutput> = sim.listAttributes({ cluster: 'c', targetType: TARGET });
    expect(put.attributes?.[0]?.targetType).toBe(TARGET);
    expect(deleted.attributes?.[0]?.value).toBe('b');
    expect(listed.attributes?.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { EcsError } from '../../src/errors.js';
import { checkRequest, checkShape, ECHO_LIMIT, validateRequest, validateShape } from '../../src/model/validate.js';

const thrown = (f: () => unknown): EcsError => {
  try {
    f();
  } catch (e) {
    if (e instanceof EcsError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

describe('validateRequest', () => {
  it('returns the request typed, and an empty one for a missing request', () => {
    const r = validateRequest('RunTask', { taskDefinition: 'web:1', count: 2 });
    expect(r.count).toBe(2);
    expect(validateRequest('ListClusters', undefined)).toEqual({});
  });

  it('answers SerializationException for a value of the wrong JSON type, naming the member path', () => {
    const e = thrown(() => validateRequest('RegisterContainerInstance', {
      attributes: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: ['x'] }],
    }));
    expect(e.name).toBe('SerializationException');
    expect(e.httpStatus).toBe(400);
    expect(e.message).toBe('attributes[3].name must be a string; got a list of 1');
  });

  it('answers InvalidParameterException for a missing required member, an unknown enum value, a length or a range', () => {
    expect(thrown(() => validateRequest('RunTask', {})).name).toBe('InvalidParameterException');
    expect(thrown(() => validateRequest('RunTask', {})).message).toBe('taskDefinition is required');
    const e = thrown(() => validateRequest('UpdateContainerInstancesState', { containerInstances: ['i'], status: 'RUNNING' }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', 'status must be one of ACTIVE, DRAINING, REGISTERING, DEREGISTERING, REGISTRATION_FAILED; got "RUNNING"']);
    expect(thrown(() => validateRequest('TagResource', { resourceArn: 'a', tags: [{ key: '' }] })).message).toBe('tags[0].key must be 1 to 128 characters long; got 0');
    expect(thrown(() => validateRequest('CreateService', { serviceName: 's', capacityProviderStrategy: [{ capacityProvider: 'p', weight: 1001 }] })).message)
      .toBe('capacityProviderStrategy[0].weight must be from 0 to 1000; got 1001');
    expect(thrown(() => validateRequest('TagResource', { resourceArn: 'a', tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}` })) })).message)
      .toBe('tags must hold 0 to 50 items; got 51');
  });

  it('says what a request that is not an object is', () => {
    const e = thrown(() => validateRequest('ListClusters', 'clusters'));
    expect([e.name, e.message]).toEqual(['SerializationException', 'the ListClusters request must be an object; got the string "clusters"']);
  });

  it('accepts the model\'s enum values only: the SDK\'s newer ones are InvalidParameterException', () => {
    expect(checkRequest('RunTask', { taskDefinition: 't', launchType: 'EXTERNAL' })).toBeNull();
    expect(checkRequest('RunTask', { taskDefinition: 't', launchType: 'MANAGED_INSTANCES' })).toMatchObject({ kind: 'enum', path: 'launchType' });
  });

  it('ignores members the model does not know, and takes null as an absent member', () => {
    expect(checkRequest('RunTask', { taskDefinition: 't', enableFaultInjection: 'yes', count: null })).toBeNull();
    expect(checkRequest('RunTask', { taskDefinition: null })).toMatchObject({ kind: 'required', path: 'taskDefinition' });
  });

  it('checks integers as 32-bit integers and timestamps as epoch seconds, Dates or date strings', () => {
    expect(checkRequest('RunTask', { taskDefinition: 't', count: 1.5 })).toMatchObject({ kind: 'type', path: 'count' });
    expect(checkRequest('RunTask', { taskDefinition: 't', count: 2 ** 31 })).toMatchObject({ kind: 'type', path: 'count' });
    for (const pullStartedAt of [1_700_000_000, new Date(0), '2019-06-06T00:00:00Z']) {
      expect(checkRequest('SubmitTaskStateChange', { pullStartedAt })).toBeNull();
    }
    expect(checkRequest('SubmitTaskStateChange', { pullStartedAt: 'yesterday' })).toMatchObject({ kind: 'type', path: 'pullStartedAt' });
    expect(checkRequest('SubmitTaskStateChange', { pullStartedAt: new Date(NaN) })).toMatchObject({ kind: 'type', path: 'pullStartedAt' });
  });

  it('rejects a null list item or map value', () => {
    expect(checkRequest('DescribeClusters', { clusters: ['a', null] })).toMatchObject({ kind: 'type', path: 'clusters[1]' });
    expect(checkRequest('RegisterTaskDefinition', { family: 'f', containerDefinitions: [{ dockerLabels: { a: null } }] }))
      .toMatchObject({ kind: 'type', path: 'containerDefinitions[0].dockerLabels["a"]' });
  });
});

describe('hostile input', () => {
  it('rejects input nested thousands of levels deep where a string is expected, without exhausting the stack', () => {
    let list: unknown = 'x';
    let object: unknown = 'x';
    for (let i = 0; i < 200_000; i++) {
      list = [list];
      object = { a: object };
    }
    expect(checkRequest('RegisterContainerInstance', { cluster: list })).toMatchObject({ kind: 'type', path: 'cluster' });
    expect(checkRequest('RegisterTaskDefinition', { family: 'f', containerDefinitions: [{ dockerLabels: { k: object } }] }))
      .toMatchObject({ kind: 'type', path: 'containerDefinitions[0].dockerLabels["k"]' });
    // Nested structures where the model nests structures: bounded by the model's depth.
    expect(checkRequest('RegisterContainerInstance', { attributes: [{ name: 'a', value: list }] })).toMatchObject({ path: 'attributes[0].value' });
  });

  it('terminates on cyclic input', () => {
    const cyclic: Record<string, unknown> = { cluster: 'c' };
    cyclic['attributes'] = [cyclic];
    expect(checkRequest('PutAttributes', cyclic)).toMatchObject({ kind: 'required', path: 'attributes[0].name' });
    const list: unknown[] = [];
    list.push(list);
    expect(checkRequest('DescribeClusters', { clusters: list })).toMatchObject({ kind: 'type', path: 'clusters[0]' });
  });

  it('cuts echoed values to ECHO_LIMIT characters', () => {
    const long = 'v'.repeat(100_000);
    const issue = checkRequest('UpdateContainerInstancesState', { containerInstances: ['i'], status: long })!;
    expect(issue.message.length).toBeLessThan(ECHO_LIMIT + 200);
    expect(issue.message).toContain('(100000 characters)');
    const key = checkRequest('RegisterTaskDefinition', { family: 'f', containerDefinitions: [{ dockerLabels: { [long]: 5 } }] })!;
    expect(key.path.length).toBeLessThan(ECHO_LIMIT + 100);
  });

  it('treats __proto__, constructor and toString as ordinary data: map keys are kept, absent members are absent', () => {
    const body = JSON.parse('{"family":"f","containerDefinitions":[{"name":"a","dockerLabels":{"__proto__":"x","constructor":"y","toString":"z"},'
      + '"logConfiguration":{"logDriver":"awslogs","options":{"__proto__":"1","constructor":"2"}}}]}') as unknown;
    expect(checkRequest('RegisterTaskDefinition', body)).toBeNull();
    const bad = JSON.parse('{"family":"f","containerDefinitions":[{"dockerLabels":{"__proto__":{"polluted":true}}}]}') as unknown;
    expect(checkRequest('RegisterTaskDefinition', bad)).toMatchObject({ kind: 'type', path: 'containerDefinitions[0].dockerLabels["__proto__"]' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // A required member is not found on the prototype chain.
    const inherited = Object.create({ taskDefinition: 'web' }) as object;
    expect(checkRequest('RunTask', inherited)).toMatchObject({ kind: 'required', path: 'taskDefinition' });
  });
});

describe('validateShape (for fromDescribeOutput)', () => {
  it('names the member under the given path and answers InvalidParameterException', () => {
    const instance = { containerInstanceArn: 'arn', attributes: [{ name: 'a' }, { name: 'b', value: 3 }] };
    const e = thrown(() => validateShape('ContainerInstance', instance, { where: 'containerInstances[3]' }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', 'containerInstances[3].attributes[1].value must be a string; got the number 3']);
  });

  it('accepts the SDK\'s newer enum values when asked (a dump of today\'s ECS)', () => {
    const task = { taskArn: 'arn', launchType: 'MANAGED_INSTANCES' };
    expect(checkShape('Task', task)).toMatchObject({ kind: 'enum', path: 'launchType' });
    expect(checkShape('Task', task, { newerEnumValues: true })).toBeNull();
  });

  it('checks a response as the SDK returns it (Dates for timestamps)', () => {
    expect(checkShape('DescribeContainerInstancesResponse', {
      containerInstances: [{ containerInstanceArn: 'a', registeredAt: new Date(), agentConnected: true, remainingResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }] }],
      failures: [],
    })).toBeNull();
  });
});

describe('null members (absent, as the model reads them)', () => {
  it('reach the operation as absent: validateRequest returns a copy without them, sharing the rest', () => {
    const tags = [{ key: 'a', value: 'b' }];
    const request = { cluster: 'c', service: 's', taskDefinition: 'web', scale: null, tags, loadBalancers: [{ containerName: null, containerPort: 80 }] };
    const checked = validateRequest('CreateTaskSet', request) as unknown as Record<string, unknown>;
    expect(checked).toEqual({ cluster: 'c', service: 's', taskDefinition: 'web', tags, loadBalancers: [{ containerPort: 80 }] });
    expect('scale' in checked).toBe(false);
    expect(checked['tags']).toBe(tags);
    expect(request.scale).toBeNull(); // the caller's object is left alone
  });

  it('keep `__proto__` map keys as ordinary keys in the copy', () => {
    const options = JSON.parse('{"__proto__": "x", "max-size": "10m"}') as Record<string, string>;
    const checked = validateRequest('RegisterTaskDefinition', {
      family: 'f', networkMode: null, containerDefinitions: [{ name: 'a', image: 'i', memory: 64, cpu: null, logConfiguration: { logDriver: 'json-file', options } }],
    }) as { containerDefinitions: { cpu?: number; logConfiguration: { options: Record<string, string> } }[] };
    expect('cpu' in checked.containerDefinitions[0]!).toBe(false);
    expect(Object.keys(checked.containerDefinitions[0]!.logConfiguration.options)).toEqual(['__proto__', 'max-size']);
  });

  it('leave a request without one as it is (no copy)', () => {
    const request = { cluster: 'c', service: 's', taskDefinition: 'web' };
    expect(validateRequest('CreateTaskSet', request)).toBe(request);
  });
});

describe('members the model does not know', () => {
  it('never reach the operation, however deep or named: validateRequest copies the parts that have one', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const extra = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "awsvpcConfiguration": {"subnets": ["s"], "x": 2}}') as Record<string, unknown>;
    extra['deep'] = deep;
    const overrides = { containerOverrides: [] };
    const request = { cluster: 'c', taskDefinition: 'web', containerInstances: ['i'], networkConfiguration: extra, overrides };
    const checked = validateRequest('StartTask', request) as unknown as Record<string, unknown>;
    expect(checked['networkConfiguration']).toEqual({ awsvpcConfiguration: { subnets: ['s'] } });
    expect(Object.keys(checked['networkConfiguration'] as object)).toEqual(['awsvpcConfiguration']);
    expect(checked['overrides']).toBe(overrides);
    expect(Object.keys(extra)).toContain('deep'); // the caller's object is left alone
  });
});

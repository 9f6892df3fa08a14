// The semantics decisions of grammar/README.md, each pinned against the reference evaluator
// and the compiled filter.
import { describe, expect, it } from 'vitest';
import { compileFilter, evaluate, parseFilter } from '../../src/cql/index.js';
import type { ContainerInstance } from '../../src/shapes.js';

function both(expression: string, instance: ContainerInstance, taskGroups: string[] = []): boolean {
  const reference = evaluate(parseFilter(expression), instance, { taskGroups });
  const compiled = compileFilter(expression).matches(instance, { taskGroups });
  expect(compiled).toBe(reference);
  return reference;
}

const withStack = (value?: string): ContainerInstance => ({ attributes: [value === undefined ? { name: 'stack' } : { name: 'stack', value }] });
const bare: ContainerInstance = { attributes: [] };

describe('absent attributes (reference §1.10)', () => {
  it('attribute:stack != prod excludes instances without stack', () => {
    expect(both('attribute:stack != prod', bare)).toBe(false);
    expect(both('attribute:stack != prod', withStack('dev'))).toBe(true);
    expect(both('attribute:stack != prod', withStack('prod'))).toBe(false);
  });
  it('not(attribute:stack == prod) includes instances without stack', () => {
    expect(both('not(attribute:stack == prod)', bare)).toBe(true);
  });
  it('!in and !~ also need the attribute present', () => {
    expect(both('attribute:stack !in [prod]', bare)).toBe(false);
    expect(both('attribute:stack !in [prod]', withStack('dev'))).toBe(true);
    expect(both('attribute:stack !~ pr.*', bare)).toBe(false);
    expect(both('attribute:stack !~ pr.*', withStack('dev'))).toBe(true);
  });
  it('exists and !exists test presence only', () => {
    expect(both('attribute:stack exists', withStack())).toBe(true);
    expect(both('attribute:stack exists', bare)).toBe(false);
    expect(both('attribute:stack !exists', bare)).toBe(true);
    expect(both('attribute:stack !exists', withStack('x'))).toBe(false);
  });
  it('an attribute without a value compares as the empty string', () => {
    expect(both("attribute:stack == ''", withStack())).toBe(true);
    expect(both('attribute:stack == prod', withStack())).toBe(false);
    expect(both('attribute:stack != prod', withStack())).toBe(true);
    expect(both("attribute:stack =~ '.*'", withStack())).toBe(true);
  });
  it('a missing attributes list is the same as an empty one', () => {
    expect(both('attribute:stack != prod', {})).toBe(false);
  });
  it('attribute names are ordinary strings, __proto__ included', () => {
    const i: ContainerInstance = { attributes: [{ name: '__proto__', value: 'x' }, { name: 'constructor' }] };
    expect(both('attribute:__proto__ == x', i)).toBe(true);
    expect(both('attribute:constructor exists', i)).toBe(true);
    expect(both('attribute:toString exists', i)).toBe(false);
    expect(both('attribute:hasOwnProperty exists', {})).toBe(false);
  });
});

describe('string comparison', () => {
  it('is case-sensitive', () => {
    expect(both('attribute:stack == Prod', withStack('prod'))).toBe(false);
  });
  it('matches anchors the pattern to the whole value', () => {
    expect(both('attribute:stack =~ pro', withStack('prod'))).toBe(false);
    expect(both('attribute:stack =~ pro.', withStack('prod'))).toBe(true);
    expect(both('attribute:stack =~ rod', withStack('prod'))).toBe(false);
  });
  it('g2.* is a regular expression, not a glob: it also matches g2 and g2x', () => {
    const type = (v: string): ContainerInstance => ({ attributes: [{ name: 'ecs.instance-type', value: v }] });
    expect(both('attribute:ecs.instance-type =~ g2.*', type('g2'))).toBe(true);
    expect(both('attribute:ecs.instance-type =~ g2.*', type('g2x'))).toBe(true);
    expect(both('attribute:ecs.instance-type =~ g2\\..*', type('g2x'))).toBe(false);
  });
});

describe('task:group over the set of groups on the instance', () => {
  it('== means some task on the instance has the group', () => {
    expect(both('task:group == web', {}, ['api', 'web'])).toBe(true);
    expect(both('task:group == web', {}, ['api'])).toBe(false);
  });
  it('!= means the instance has tasks and none of them has the group', () => {
    expect(both('task:group != web', {}, ['api'])).toBe(true);
    expect(both('task:group != web', {}, ['api', 'web'])).toBe(false);
    expect(both('task:group != web', {}, [])).toBe(false);
  });
  it('in / !in / =~ / !~ follow the same some / none rule', () => {
    expect(both('task:group in [a, web]', {}, ['web'])).toBe(true);
    expect(both('task:group !in [a, web]', {}, ['b'])).toBe(true);
    expect(both('task:group !in [a, web]', {}, ['b', 'a'])).toBe(false);
    expect(both('task:group =~ service:.*', {}, ['x', 'service:web'])).toBe(true);
    expect(both('task:group !~ service:.*', {}, ['x', 'service:web'])).toBe(false);
    expect(both('task:group !~ service:.*', {}, [])).toBe(false);
  });
  it('exists means the instance has at least one task', () => {
    expect(both('task:group exists', {}, ['x'])).toBe(true);
    expect(both('task:group exists', {}, [])).toBe(false);
    expect(both('task:group !exists', {}, [])).toBe(true);
  });
  it('the anti-affinity form not(task:group == X) selects empty instances', () => {
    expect(both('not(task:group == database)', {}, [])).toBe(true);
  });
});

describe('typed subjects', () => {
  it('agentConnected compares as true / false', () => {
    expect(both('agentConnected == true', { agentConnected: true })).toBe(true);
    expect(both('agentConnected != true', { agentConnected: false })).toBe(true);
    expect(both('agentConnected in [false]', { agentConnected: false })).toBe(true);
    expect(both('agentConnected !in [false]', { agentConnected: false })).toBe(false);
    expect(both('agentConnected =~ t.*', { agentConnected: true })).toBe(true);
    expect(both('agentConnected !~ t.*', { agentConnected: true })).toBe(false);
    expect(both('agentConnected != true', {})).toBe(false);
  });
  it('agentVersion compares component-wise as numbers, missing components as 0', () => {
    const v = (agentVersion: string): ContainerInstance => ({ versionInfo: { agentVersion } });
    expect(both('agentVersion < 1.14.5', v('1.9.9'))).toBe(true);
    expect(both('agentVersion > 1.9', v('1.14.0'))).toBe(true);
    expect(both('agentVersion == 1.14', v('1.14.0'))).toBe(true);
    expect(both('agentVersion >= 1.14.5', v('1.14.5'))).toBe(true);
    expect(both('agentVersion <= 1.14.4', v('1.14.5'))).toBe(false);
    expect(both('agentVersion != 1.14.5', v('1.14.5'))).toBe(false);
  });
  it('an unknown or unreadable agent version satisfies no comparison', () => {
    expect(both('agentVersion != 1.0.0', {})).toBe(false);
    expect(both('agentVersion != 1.0.0', { versionInfo: { agentVersion: 'dev' } })).toBe(false);
  });
  it('runningTasksCount compares as an integer', () => {
    expect(both('runningTasksCount > 9', { runningTasksCount: 10 })).toBe(true);
    expect(both('runningTasksCount <= 9', { runningTasksCount: 10 })).toBe(false);
    expect(both('runningTasksCount != 0', { runningTasksCount: 0 })).toBe(false);
  });
  it('ec2InstanceId compares as text', () => {
    expect(both('ec2InstanceId =~ i-.*', { ec2InstanceId: 'i-abc' })).toBe(true);
    expect(both('ec2InstanceId =~ i-.*', { ec2InstanceId: 'mi-abc' })).toBe(false);
    expect(both('ec2InstanceId != i-abc', {})).toBe(false);
  });
});

describe('registeredAt operands are intervals at the precision written', () => {
  const at = (iso: string): ContainerInstance => ({ registeredAt: new Date(iso) });
  it('a date is the whole UTC day', () => {
    expect(both('registeredAt == 2018-02-13', at('2018-02-13T00:00:00Z'))).toBe(true);
    expect(both('registeredAt == 2018-02-13', at('2018-02-13T23:59:59.999Z'))).toBe(true);
    expect(both('registeredAt == 2018-02-13', at('2018-02-14T00:00:00Z'))).toBe(false);
    expect(both('registeredAt > 2018-02-13', at('2018-02-13T12:00:00Z'))).toBe(false);
    expect(both('registeredAt > 2018-02-13', at('2018-02-14T00:00:00Z'))).toBe(true);
    expect(both('registeredAt >= 2018-02-13', at('2018-02-13T00:00:00Z'))).toBe(true);
    expect(both('registeredAt <= 2018-02-13', at('2018-02-13T23:00:00Z'))).toBe(true);
    expect(both('registeredAt < 2018-02-13', at('2018-02-13T00:00:00Z'))).toBe(false);
    expect(both('registeredAt != 2018-02-13', at('2018-02-12T23:59:59Z'))).toBe(true);
  });
  it('a date-time is the whole second; zone-less forms are UTC; offsets are honoured', () => {
    expect(both('registeredAt == 2018-06-18T22:28:28Z', at('2018-06-18T22:28:28.507Z'))).toBe(true);
    expect(both('registeredAt == 2018-06-18T22:28:28', at('2018-06-18T22:28:28.000Z'))).toBe(true);
    expect(both('registeredAt == 2018-06-18T23:28:28+01:00', at('2018-06-18T22:28:28.100Z'))).toBe(true);
    expect(both('registeredAt == 2018-06-18T17:28:28-05:00', at('2018-06-18T22:28:28Z'))).toBe(true);
    expect(both('registeredAt > 2018-06-18T22:28:28Z', at('2018-06-18T22:28:28.999Z'))).toBe(false);
    expect(both('registeredAt > 2018-06-18T22:28:28Z', at('2018-06-18T22:28:29Z'))).toBe(true);
  });
  it('accepts 29 February only in leap years', () => {
    expect(() => parseFilter('registeredAt < 2020-02-29')).not.toThrow();
    expect(() => parseFilter('registeredAt < 2019-02-29')).toThrow(/needs a date/);
  });
});

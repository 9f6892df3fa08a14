import { describe, expect, it } from 'vitest';
import { InstanceStore } from '../../src/store/store.js';

const arn = (n: number) => `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${n}`;

function store(n: number, attrs: (i: number) => Record<string, string>): InstanceStore {
  const s = new InstanceStore();
  for (let i = 1; i <= n; i++) {
    s.register({
      containerInstanceArn: arn(i),
      ec2InstanceId: `i-${i}`,
      status: 'ACTIVE',
      runningTasksCount: i % 5,
      attributes: Object.entries(attrs(i)).map(([name, value]) => ({ name, value })),
    });
  }
  return s;
}

describe('cached plans stay correct as the store changes', () => {
  it('a pattern sees attribute values added after the plan was cached', () => {
    const s = store(3, () => ({ type: 't2.small' }));
    expect(s.query('attribute:type =~ t3.*')).toEqual([]);
    s.putAttribute(arn(2), 'type', 't3.large');
    expect(s.query('attribute:type =~ t3.*')).toEqual([arn(2)]);
    s.putAttribute(arn(2), 'type', 't2.micro');
    expect(s.query('attribute:type =~ t3.*')).toEqual([]);
  });
  it('an attribute that did not exist when the plan was cached is found once it does', () => {
    const s = store(2, () => ({}));
    expect(s.query('attribute:zone == a')).toEqual([]);
    expect(s.query('attribute:zone !exists')).toEqual([arn(1), arn(2)]);
    s.putAttribute(arn(1), 'zone', 'a');
    expect(s.query('attribute:zone == a')).toEqual([arn(1)]);
    expect(s.query('attribute:zone !exists')).toEqual([arn(2)]);
  });
  it('a group pattern sees groups created after the plan was cached', () => {
    const s = store(2, () => ({}));
    expect(s.query('task:group =~ service:.*')).toEqual([]);
    s.addTask(arn(2), 'service:web');
    expect(s.query('task:group =~ service:.*')).toEqual([arn(2)]);
  });
  it('columns keep their contents when the store grows past its initial capacity', () => {
    const s = store(1000, (i) => ({ k: `v${i % 7}` }));
    const expected = Array.from({ length: 1000 }, (_, i) => i + 1).filter((i) => i % 7 === 3 && i % 5 === 3).map(arn);
    expect(s.query('attribute:k == v3 and runningTasksCount == 3')).toEqual(expected);
    expect(s.query('ec2InstanceId == i-999')).toEqual([arn(999)]);
  });
});

describe('explain', () => {
  it('shows each node with its strategy and estimated and actual counts', () => {
    const s = store(100, (i) => ({ stack: i <= 10 ? 'prod' : 'dev' }));
    const plan = s.explain('attribute:stack == prod and runningTasksCount > 2');
    expect(plan.node).toBe('and');
    expect(plan.actual).toBe(4);
    const [eq, range] = plan.children;
    expect(eq).toMatchObject({ node: 'attribute:stack == prod', estimated: 10, actual: 10 });
    expect(eq!.strategy).toMatch(/dictionary/);
    expect(range).toMatchObject({ node: 'runningTasksCount > 2', actual: 40 });
    expect(range!.strategy).toMatch(/scan/);
  });
  it('includes the status filter as a node', () => {
    const s = store(4, () => ({}));
    s.setStatus(arn(1), 'DRAINING');
    const plan = s.explain('runningTasksCount >= 0', { status: 'DRAINING' });
    expect(plan.actual).toBe(1);
    expect(plan.children.map((c) => c.node)).toContain('status in [DRAINING]');
  });
  it('uses the ec2InstanceId index for lookups', () => {
    const s = store(10, () => ({}));
    const plan = s.explain("ec2InstanceId in ['i-3', 'i-4', 'i-404']");
    expect(plan).toMatchObject({ estimated: 2, actual: 2 });
    expect(plan.strategy).toMatch(/index/);
  });
});

describe('query input', () => {
  it('a bad filter raises the CQL error and changes nothing', () => {
    const s = store(2, () => ({}));
    expect(() => s.query('runningTasksCount > many')).toThrow(/line 1, column 21/);
    expect(s.query(null)).toEqual([arn(1), arn(2)]);
  });
  it('a blank filter selects every instance', () => {
    expect(store(2, () => ({})).query('  ')).toEqual([arn(1), arn(2)]);
  });
});

describe('clone', () => {
  it('copies a store of 300,000 instances (no argument-spreading limits)', () => {
    const s = new InstanceStore();
    for (let i = 0; i < 300_000; i++) s.register({ containerInstanceArn: `a${i}`, ec2InstanceId: `i-${i}`, attributes: [{ name: 'k', value: `v${i}` }] });
    s.deregister('a5');
    const c = s.clone();
    expect(c.query('attribute:k == v299999')).toEqual(['a299999']);
    expect(c.query('ec2InstanceId == i-7')).toEqual(['a7']);
    expect(c.liveCount).toBe(299_999);
  });
});

describe('range merging', () => {
  it('two ranges on one column inside an and become one scan, with the same answer', () => {
    const s = store(50, () => ({}));
    const plan = s.explain('runningTasksCount >= 1 and runningTasksCount < 3');
    expect(plan).toMatchObject({ node: 'runningTasksCount >= 1 and runningTasksCount < 3', actual: 20 });
    expect(plan.children).toEqual([]);
    const expected = Array.from({ length: 50 }, (_, i) => i + 1).filter((i) => i % 5 >= 1 && i % 5 < 3).map(arn);
    expect(s.query('runningTasksCount >= 1 and runningTasksCount < 3')).toEqual(expected);
    expect(s.query('runningTasksCount > 3 and runningTasksCount < 2')).toEqual([]);
    expect(s.query('runningTasksCount != 1 and runningTasksCount < 3')).toEqual(Array.from({ length: 50 }, (_, i) => i + 1).filter((i) => i % 5 === 0 || i % 5 === 2).map(arn));
  });
});

// The work budget of a query's pattern tests (src/store/work-meter.ts): a filter whose `=~` / `!~`
// tests would cost more than the budget is refused before testing, naming the leaf, and leaves
// every memo as it was; the simulator's API queries are metered, its own are not.
import { describe, expect, it } from 'vitest';
import { EcsError } from '../../src/errors.js';
import { InstanceStore } from '../../src/store/store.js';
import { FILTER_WORK_BUDGET } from '../../src/store/work-meter.js';
import { EcsSimulator } from '../../src/ecs/simulator.js';

const THRASH = '.*(?:a.{10}|b.{20}|c.{40}).*z';

function storeWith(values: number, length: number): InstanceStore {
  const store = new InstanceStore();
  for (let i = 0; i < values; i++) {
    const v = `${String(i).padStart(6, '0')}${'a'.repeat(length - 7)}z`;
    store.register(
      { containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${String(i).padStart(32, '0')}`, ec2InstanceId: `i-${i.toString(16)}`, status: 'ACTIVE', agentConnected: true, attributes: [{ name: 'a', value: v }] },
      [`g${v}`],
    );
  }
  return store;
}

function refusal(f: () => unknown): EcsError {
  try {
    f();
  } catch (e) {
    if (e instanceof EcsError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the pattern-work budget of a filter', () => {
  it('refuses a pattern test over many long distinct values, naming the leaf and the work', () => {
    const store = storeWith(3000, 128);
    for (const filter of [`attribute:a =~ '${THRASH}'`, `task:group =~ '${THRASH}'`]) {
      const e = refusal(() => store.querySlots(filter, { workBudget: FILTER_WORK_BUDGET }));
      expect(e.name).toBe('InvalidParameterException');
      expect(e.message).toMatch(/^filter: ".*=~.*" would test \d+ stored values? \(\d+ characters\) with a \d+-instruction pattern/);
    }
  });

  it('counts the work of every leaf of the filter together', () => {
    const store = storeWith(1000, 128);
    // One .*foo.* leaf over 1,000 values fits; ten of them on the same column do not (each leaf tests anew).
    expect(store.querySlots("attribute:a =~ '.*foo.*'", { workBudget: FILTER_WORK_BUDGET })).toHaveLength(0);
    const ten = Array.from({ length: 10 }, (_, k) => `attribute:a =~ '.*foo${k}.*'`).join(' or ');
    expect(refusal(() => store.querySlots(ten, { workBudget: FILTER_WORK_BUDGET })).message).toMatch(/pattern-matching work/);
  });

  it('a refused query leaves the memos as they were: the same filter unmetered gives the exact answer', () => {
    const store = storeWith(3000, 128);
    const filter = `attribute:a =~ '0000.*z' or task:group =~ 'g0001.*'`;
    refusal(() => store.querySlots(filter, { workBudget: 1_000 }));
    const metered = store.querySlots(filter);
    expect([...metered]).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // And metered again with a budget it fits in: only values it has not tested yet cost anything.
    expect([...store.querySlots(filter, { workBudget: 1 })]).toEqual([...metered]);
  });

  it('the API meters its queries (ListContainerInstances, query, explain) and answers InvalidParameterException', () => {
    const sim = new EcsSimulator();
    sim.createCluster({ clusterName: 'c' });
    const store = sim.state.clusters.peek('c')!.store;
    // Stored values at ECS's limits, put straight into the store (registering 3,000 instances is slow).
    for (let i = 0; i < 3000; i++) {
      store.register({ containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${String(i).padStart(32, '0')}`, status: 'ACTIVE', agentConnected: true, attributes: [{ name: 'a', value: `${i}${'b'.repeat(120)}` }] });
    }
    const filter = `attribute:a =~ '${THRASH}'`;
    expect(refusal(() => sim.listContainerInstances({ cluster: 'c', filter })).name).toBe('InvalidParameterException');
    expect(refusal(() => sim.query(filter, { cluster: 'c' })).name).toBe('InvalidParameterException');
    expect(refusal(() => sim.explain(filter, { cluster: 'c' })).name).toBe('InvalidParameterException');
    // Unmetered (the simulator's own use), the same query runs.
    expect(store.query(filter)).toEqual([]);
  });
});

// planConsolidation: what it removes verifies (drained, deregistered, every service at desired
// count, the target's what-ifs clean), standalone tasks pin their instance, a target that does not
// hold is said so, and the baseline estimate uses its one template type.
import { describe, expect, it } from 'vitest';
import { baselineEstimate } from '../../src/capacity/baseline.js';
import { planConsolidation } from '../../src/capacity/plan-consolidation.js';
import { generated } from './fixtures.js';

describe('planConsolidation', () => {
  it('removes under-used instances, never one with a standalone task, and verifies', () => {
    const sim = generated(40, 11, 0.3);
    const plan = planConsolidation({ sim, cluster: 'sample' });
    expect(plan.status).toBe('planned');
    if (plan.status !== 'planned') return;
    expect(plan.remove.length).toBeGreaterThan(0);
    expect(plan.verification.verified).toBe(true);
    expect(plan.hourlySaving).toBeCloseTo(plan.remove.reduce((n, r) => n + r.hourlyPrice, 0), 6);
    const standalone = new Set(sim.describeTasks({ cluster: 'sample', tasks: sim.listTasks({ cluster: 'sample', maxResults: 100 }).taskArns ?? [] }).tasks!
      .filter((t) => !t.group?.startsWith('service:')).map((t) => t.containerInstanceArn));
    for (const r of plan.remove) expect(standalone.has(r.containerInstanceArn)).toBe(false);
  });

  it('keeps a resilience target, or says it does not hold', () => {
    const sim = generated(40, 11, 0.3);
    const plan = planConsolidation({ sim, cluster: 'sample', survive: { losing: 'attribute:ecs.availability-zone' } });
    if (plan.status === 'planned') {
      expect(plan.verification.verified).toBe(true);
      expect(plan.verification.scenarios.length).toBe(4);
    } else {
      expect(plan.verification.verified).toBe(false);
    }
    const fewer = planConsolidation({ sim, cluster: 'sample', maxInstances: 2 });
    expect(fewer.status === 'planned' && fewer.remove.length).toBeLessThanOrEqual(2);
  });
});

describe('baselineEstimate', () => {
  it('adds only the template type for tasks it can hold', () => {
    const sim = generated(30, 4);
    const estimate = baselineEstimate({ scale: { factor: 2 } }, { sim, cluster: 'sample' });
    expect(estimate.instanceType).toBeDefined();
    const types = new Set(estimate.add.map((a) => a.instanceType));
    expect(types.has(estimate.instanceType!)).toBe(true);
    expect(estimate.hourlyCost).toBeCloseTo(estimate.add.reduce((n, a) => n + a.hourlyCost, 0), 6);
  });
});

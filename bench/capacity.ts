/**
 * Capacity planning on the bundled medium dataset (5,000 instances): for each scenario the plan's
 * time, whether it verified, its hourly cost against the lower bound (ratio), and the ratio of a
 * Cluster-Autoscaler-style first fit over the cluster's most common type (baselineEstimate).
 * Targets (issue #15): every plan verified, cost ≤ 1.10 × the bound, a plan for medium in ≤ 2 s.
 *   node --import tsx bench/capacity.ts [--only az,k3,x3,gpu,vpc] [--no-baseline]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { baselineEstimate, EcsSimulator, planCapacity, type CapacityGoal, type CapacityOptions } from '../src/index.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-baseline': { type: 'boolean' } } });
const sim = EcsSimulator.fromDescribeOutput(JSON.parse(readFileSync(new URL('../datasets/medium.json', import.meta.url), 'utf8')));
sim.registerTaskDefinition({ family: 'gpu-train', containerDefinitions: [{ name: 'train', image: 'train', cpu: 4096, memory: 16384, resourceRequirements: [{ type: 'GPU', value: '1' }] }] });
sim.registerTaskDefinition({ family: 'vpc-api', networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'api', image: 'api', portMappings: [{ containerPort: 8080 }] }] });

const SCENARIOS: Record<string, { title: string; goal: CapacityGoal; options?: Partial<CapacityOptions> }> = {
  az: { title: 'losing any one AZ', goal: { survive: { losing: 'attribute:ecs.availability-zone' } } },
  k3: { title: 'losing any 3 instances', goal: { survive: { instances: 3 } } },
  x3: { title: 'every service scaled ×3', goal: { scale: { factor: 3 } } },
  gpu: { title: 'a GPU workload added (40 × 1 GPU, 4 vCPU, 16 GiB)', goal: { place: { cluster: 'sample', taskDefinition: 'gpu-train', count: 40 } } },
  vpc: { title: 'an awsvpc workload, trunking off (30,000 × 0.25 vCPU, 512 MiB)', goal: { place: { cluster: 'sample', taskDefinition: 'vpc-api', count: 30_000 } }, options: { trunking: false } },
};

const ratio = (cost: number, bound: number) => (cost <= 1e-9 ? 1 : bound <= 1e-9 ? Infinity : cost / bound);
const fmt = (r: number) => (Number.isFinite(r) ? r.toFixed(3) : '∞');
const money = (n: number) => `$${n.toFixed(2)}`;
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores)`);
console.log('| scenario | plan time | status | verified | added | cost $/h | lower bound $/h | ratio | baseline $/h | baseline ratio | baseline verifies |');
console.log('|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|');
for (const key of values.only?.split(',') ?? Object.keys(SCENARIOS)) {
  const s = SCENARIOS[key]!;
  const options = { sim, cluster: 'sample', ...s.options };
  const t0 = performance.now();
  const plan = planCapacity(s.goal, options);
  const ms = performance.now() - t0;
  const base = values['no-baseline'] ? undefined : baselineEstimate(s.goal, options);
  const cost = plan.status === 'planned' ? plan.hourlyCost : NaN;
  const bound = plan.status === 'planned' ? plan.lowerBound.hourlyCost : NaN;
  const added = plan.status === 'planned' ? plan.add.reduce((n, a) => n + a.count, 0) : 0;
  console.log(`| ${s.title} | ${(ms / 1000).toFixed(1)} s | ${plan.status} | ${plan.status === 'impossible' ? '-' : plan.verification.verified ? 'yes' : 'no'} | ${added} | ${money(cost)} | ${money(bound)}${plan.status === 'planned' && !plan.lowerBound.exact ? ' (proven)' : ''} | ${fmt(ratio(cost, bound))} | ${base ? money(base.hourlyCost) : '-'} | ${base ? fmt(ratio(base.hourlyCost, bound)) : '-'} | ${base ? (base.verification.verified ? 'yes' : `no (${base.verification.short + base.verification.stuck} short/stuck)`) : '-'} |`);
}
console.log(`load average at end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

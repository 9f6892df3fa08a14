/**
 * `plan-capacity`: what to add so a goal holds — instances per AZ and type, the hourly cost, the
 * lower bound beside it, and the verification (the goal's what-ifs re-run with them registered).
 */
import { baselineEstimate, type BaselineEstimate } from '../../capacity/baseline.js';
import type { CapacityGoal } from '../../capacity/goal.js';
import type { PlaceTasksRequest } from '../../ecs/tasks/place-tasks.js';
import { planCapacity, type CapacityPlan } from '../../capacity/plan-capacity.js';
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args.js';
import { CAPACITY_HELP, CAPACITY_OPTIONS, capacityOptions, dollars, TARGET_HELP, targetFlag } from '../capacity-flags.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { printJson } from '../io.js';
import { answeredStatus, FAIL_ON_SHORT_OPTION } from '../outcome.js';
import { constraintFlag } from '../placement-flags.js';
import { writeCapacityReport } from '../report/capacity.js';
import { count, formatTable } from '../table.js';
import { TASK_DEFINITION_OPTIONS, workloadTaskDefinition } from '../task-definition.js';

const USAGE = 'ecs-cluster-sim plan-capacity (--survive-losing <attribute:name> | --survive-instances <k> | --scale-factor <f> | --scale-to <n> | [<task-definition.json>] --memory <MiB> ... --count <n>) [--types <t,...>] [--az <az,...>] [--prices <file>] [--trunking on|off] [--baseline] [--report <file>] [--fail-on-short] [--data <file>] [--seed <n>] [--json]';

export const planCapacityCommand: Command = {
  name: 'plan-capacity',
  summary: 'what to add (per AZ and type, at what hourly cost) so a failure, a scale-up or a workload fits, verified',
  usage: USAGE,
  help: `Usage: ${USAGE}

Plans the cheapest instances to add so a goal holds, and verifies the plan: the goal's what-ifs
are re-run on a fork with the instances registered as their agents would register them, and a
plan is only given when they leave no task short or stuck. Beside the cost: a lower bound no
plan can beat (the ratio shows how close the plan is), and with --baseline the estimate of a
Cluster-Autoscaler-style first fit over the cluster's most common instance type.

The goal (one of):
${TARGET_HELP}
  --scale-factor <f>   every service (or each --service) scaled to f × its desired count
  --scale-to <n>       each --service scaled to n tasks
  --service <name>     a service to scale (repeatable)
  a workload: a task definition file or container flags (--memory <MiB>, --cpu <units>,
  --port <p>, --network-mode <m>, --gpu <n>, --family <name>) with --count <n> and
  --constraint <c> (repeatable), placed as placeTasks places them

Options:
${CAPACITY_HELP}
  --baseline         also estimate as Cluster Autoscaler would, for comparison
  --report <file>    write the plan as an HTML page
  --fail-on-short    exit with status 3 when there is no verified plan (impossible or unverified)
${DATA_HELP}

Exit status: 0 when answered — a plan, or why there is none (a task no allowed type can hold is
an answer, not an error); 3 with --fail-on-short when there is no verified plan; 2 for bad input;
1 for a fault of the simulator itself.

Examples:
  ecs-cluster-sim plan-capacity --survive-losing attribute:ecs.availability-zone
  ecs-cluster-sim plan-capacity --scale-factor 3 --baseline --json
  ecs-cluster-sim plan-capacity --memory 16384 --cpu 4096 --gpu 1 --count 40
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('plan-capacity', USAGE, argv, {
      ...DATA_OPTIONS,
      ...CAPACITY_OPTIONS,
      'scale-factor': { type: 'string' },
      'scale-to': { type: 'string' },
      service: { type: 'string', multiple: true },
      ...TASK_DEFINITION_OPTIONS,
      count: { type: 'string' },
      constraint: { type: 'string', multiple: true },
      baseline: { type: 'boolean' },
      report: { type: 'string' },
      ...FAIL_ON_SHORT_OPTION,
    });
    atMostPositionals('plan-capacity', USAGE, positionals, 1);
    const target = targetFlag(values);
    const workload = positionals[0] !== undefined || values.memory !== undefined;
    const scale = values['scale-factor'] !== undefined || values['scale-to'] !== undefined;
    if ([target !== undefined, workload, scale].filter(Boolean).length !== 1) {
      throw new UsageError('plan-capacity: give one goal: --survive-losing, --survive-instances, --scale-factor, --scale-to, or a workload (a task definition file or --memory)', USAGE);
    }
    const options = capacityOptions(values);
    const { sim, cluster } = loadCluster(values);
    let goal: CapacityGoal;
    if (target !== undefined) goal = { survive: target };
    else if (scale) {
      if (values['scale-factor'] !== undefined && values['scale-to'] !== undefined) throw new UsageError('plan-capacity: give --scale-factor or --scale-to, not both', USAGE);
      const factor = values['scale-factor'] === undefined ? undefined : Number(values['scale-factor']);
      if (factor !== undefined && !Number.isFinite(factor)) throw new UsageError(`plan-capacity: --scale-factor must be a number; got '${values['scale-factor']}'`, USAGE);
      goal = { scale: { ...(values.service === undefined ? {} : { services: values.service }), ...(factor === undefined ? { desiredCount: integerOption(values['scale-to'], 'scale-to', 0, 0, 10_000_000) } : { factor }) } };
    } else {
      const request = workloadTaskDefinition('plan-capacity', USAGE, positionals[0], values);
      const { taskDefinition } = sim.registerTaskDefinition(request);
      goal = { place: { cluster, taskDefinition: taskDefinition!.taskDefinitionArn!, count: integerOption(values.count, 'count', 1, 1, 10_000_000), placementConstraints: (values.constraint ?? []).map(constraintFlag) } as PlaceTasksRequest };
    }
    const plan = planCapacity(goal, { sim, cluster, ...options });
    const baseline = values.baseline ? baselineEstimate(goal, { sim, cluster, ...options }) : undefined;
    if (values.report !== undefined) process.stderr.write(`report written to ${writeCapacityReport(values.report, plan, baseline)}\n`);
    const status = answeredStatus(values['fail-on-short'], plan.status === 'planned' ? 0 : 1);
    if (values.json) {
      printJson(baseline === undefined ? plan : { ...plan, baseline });
      return status;
    }
    process.stdout.write(planText(plan, baseline));
    return status;
  },
};

/** The plan as text: what to add, its cost and bound, and how it was checked. */
export function planText(plan: CapacityPlan, baseline?: BaselineEstimate): string {
  const out: string[] = [`Goal checked against: ${plan.scenarios.join('; ') || '(nothing)'}`];
  if (plan.status === 'impossible') {
    out.push('', 'No plan: these tasks fit no allowed instance type.', formatTable([
      ['scenario', 'task', 'count', 'reason', 'why'],
      ...plan.tasks.map((t) => [t.scenario, t.name, count(t.count), t.reason, t.message]),
    ]));
    return `${out.join('\n')}\n`;
  }
  if (plan.status === 'unverified') {
    out.push('', `No verified plan: the last attempt still left ${count(plan.verification.short)} tasks short and ${count(plan.verification.stuck)} stuck.`);
    return `${out.join('\n')}\n`;
  }
  if (plan.add.length === 0) out.push('', 'Nothing to add: the goal holds as the cluster is (verified).');
  else {
    out.push('', formatTable([
      ['AZ', 'instance type', 'count', 'attributes', '$/h each', '$/h'],
      ...plan.add.map((a) => [a.availabilityZone, a.instanceType, count(a.count), a.attributes.map((x) => (x.value === undefined ? x.name : `${x.name}=${x.value}`)).join(' ') || '-', dollars(a.hourlyPrice), dollars(a.hourlyCost)]),
    ]));
  }
  const ratio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(3)}×` : 'n/a');
  out.push('', `Hourly cost: ${dollars(plan.hourlyCost)}   lower bound: ${dollars(plan.lowerBound.hourlyCost)}${plan.lowerBound.exact ? '' : ' (best proven)'}   ratio: ${ratio(plan.lowerBound.ratio)}`);
  if (baseline !== undefined) {
    const bound = plan.lowerBound.hourlyCost;
    out.push(`Baseline (first fit on ${baseline.instanceType ?? '-'}): ${dollars(baseline.hourlyCost)}   ratio: ${ratio(baseline.hourlyCost <= 1e-9 ? 1 : bound <= 1e-9 ? Infinity : baseline.hourlyCost / bound)}   ${baseline.verification.verified ? 'verifies' : `does not verify (${count(baseline.verification.short + baseline.verification.stuck)} tasks short or stuck)`}${baseline.unplaceable > 0 ? `, ${count(baseline.unplaceable)} tasks no template holds` : ''}`);
  }
  out.push(`Verified: ${plan.verification.scenarios.length} what-if${plan.verification.scenarios.length === 1 ? '' : 's'} re-run with the instances registered, 0 tasks short or stuck.`);
  return `${out.join('\n')}\n`;
}

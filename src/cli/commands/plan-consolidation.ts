/**
 * `plan-consolidation`: which instances can be drained and deregistered while every service stays
 * at its desired count (and a resilience target still holds), and the hourly saving, verified.
 */
import { planConsolidation, type ConsolidationPlan } from '../../capacity/plan-consolidation.js';
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs } from '../args.js';
import { CAPACITY_HELP, CAPACITY_OPTIONS, capacityOptions, dollars, TARGET_HELP, targetFlag } from '../capacity-flags.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { printJson } from '../io.js';
import { answeredStatus, FAIL_ON_SHORT_OPTION } from '../outcome.js';
import { count, formatTable } from '../table.js';

const USAGE = 'ecs-cluster-sim plan-consolidation [--survive-losing <attribute:name> | --survive-instances <k>] [--max <n>] [--fail-on-short] [--data <file>] [--seed <n>] [--json]';

export const planConsolidationCommand: Command = {
  name: 'plan-consolidation',
  summary: 'which instances can go (drained, deregistered) while services and a resilience target hold, and the saving',
  usage: USAGE,
  help: `Usage: ${USAGE}

Finds the container instances that can be drained and deregistered while every service stays at
its desired count and, with a target, while losing any AZ (or any k instances) still leaves
nothing short — least used first, never one running a standalone task — and verifies it on a
fork: the instances drained for the settle time, deregistered, then the target's what-ifs run.

Options:
${TARGET_HELP}
  --max <n>          remove at most n instances
${CAPACITY_HELP}
  --fail-on-short    exit with status 3 when the target does not hold even with nothing removed
${DATA_HELP}

Exit status: 0 when answered (nothing removable is an answer); 3 with --fail-on-short when the
target does not hold as the cluster is; 2 for bad input; 1 for a fault of the simulator itself.

Examples:
  ecs-cluster-sim plan-consolidation
  ecs-cluster-sim plan-consolidation --survive-losing attribute:ecs.availability-zone --json
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('plan-consolidation', USAGE, argv, { ...DATA_OPTIONS, ...CAPACITY_OPTIONS, max: { type: 'string' }, ...FAIL_ON_SHORT_OPTION });
    atMostPositionals('plan-consolidation', USAGE, positionals, 0);
    const target = targetFlag(values);
    const options = capacityOptions(values);
    const max = values.max === undefined ? undefined : integerOption(values.max, 'max', 0, 0, 10_000_000);
    const { sim, cluster } = loadCluster(values);
    const plan = planConsolidation({ sim, cluster, ...options, ...(target === undefined ? {} : { survive: target }), ...(max === undefined ? {} : { maxInstances: max }) });
    const status = answeredStatus(values['fail-on-short'], plan.status === 'planned' ? 0 : 1);
    if (values.json) printJson(plan);
    else process.stdout.write(consolidationText(plan));
    return status;
  },
};

/** The consolidation as text: instances per AZ and type, the saving, the check. */
export function consolidationText(plan: ConsolidationPlan): string {
  const out: string[] = [];
  if (plan.status === 'target-not-met') {
    out.push(`The target does not hold even with nothing removed (${count(plan.verification.short)} tasks short): plan capacity for it first (plan-capacity).`);
    return `${out.join('\n')}\n`;
  }
  if (plan.remove.length === 0) out.push('Nothing can go: every instance is needed.');
  else {
    const groups = new Map<string, { az: string; type: string; n: number; tasks: number; saving: number }>();
    for (const r of plan.remove) {
      const key = `${r.availabilityZone}|${r.instanceType}`;
      const g = groups.get(key) ?? { az: r.availabilityZone ?? '-', type: r.instanceType, n: 0, tasks: 0, saving: 0 };
      g.n++;
      g.tasks += r.tasks;
      g.saving += r.hourlyPrice;
      groups.set(key, g);
    }
    out.push(formatTable([
      ['AZ', 'instance type', 'remove', 'tasks moved', '$/h saved'],
      ...[...groups.values()].sort((a, b) => (a.az < b.az ? -1 : a.az > b.az ? 1 : a.type < b.type ? -1 : 1)).map((g) => [g.az, g.type, count(g.n), count(g.tasks), dollars(g.saving)]),
    ]));
  }
  out.push('', `Remove ${count(plan.remove.length)} instance${plan.remove.length === 1 ? '' : 's'}: saves ${dollars(plan.hourlySaving)} an hour.`);
  out.push(`Verified: drained and deregistered on a fork${plan.scenarios.length > 0 ? `, then ${plan.scenarios.join('; ')}` : ''}: 0 tasks short or stuck.`);
  return `${out.join('\n')}\n`;
}

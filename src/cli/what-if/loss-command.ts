/**
 * `drain` and `fail`, one command shape: the instances a filter selects (or named with
 * --instance) are drained or lost abruptly on a fork, the service scheduler works for --settle
 * seconds, and the what-if report says, per service, what is running, short and stuck and why.
 * `--strategy` places the replacements with a strategy of the user's instead of each service's own.
 */
import { compileFilter, print } from '../../cql/index.js';
import { ClientException } from '../../errors.js';
import type { WhatIfReport } from '../../ecs/what-if/report.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import type { PlacementStrategy } from '../../placement/types.js';
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { describeWithFailures } from '../describe-all.js';
import { filterText, printJson } from '../io.js';
import { answeredStatus, FAIL_ON_SHORT_HELP, FAIL_ON_SHORT_OPTION, warnNothingSelected } from '../outcome.js';
import { strategyFlags } from '../placement-flags.js';
import { count } from '../table.js';
import { DEFAULT_SETTLE_SECONDS } from './drain.js';
import { reportLines } from './report-text.js';

type Loss = 'drain' | 'fail';

const TEXT: Record<Loss, { summary: string; does: string; selects: string; done: string }> = {
  drain: {
    summary: 'what if these instances were drained: per service running, short and stuck, and why',
    does: `Sets the ACTIVE instances a filter selects (or the instances named with --instance) to DRAINING
on a fork of the cluster`,
    selects: 'ACTIVE instances',
    done: 'set to DRAINING',
  },
  fail: {
    summary: 'what if these instances were lost abruptly (EC2 terminated): per service running and short, and why',
    does: `Terminates the EC2 instances behind the ACTIVE and DRAINING container instances a filter selects
(or named with --instance) on a fork of the cluster: their tasks stop ("Host EC2 (instance
i-…) terminated."), the container instances go INACTIVE, standalone tasks are lost`,
    selects: 'ACTIVE and DRAINING instances',
    done: 'lost',
  },
};

/**
 * Every ACTIVE service of the cluster places with `strategies` from now on (on this simulator) —
 * but DAEMON and FARGATE services, which take no placement strategy.
 */
export function overrideStrategies(sim: EcsSimulator, cluster: string, strategies: readonly PlacementStrategy[]): void {
  if (strategies.length === 0) return;
  for (const name of [...sim.state.clusters.get(cluster)!.services.keys()]) {
    const s = sim.state.clusters.get(cluster)!.services.peek(name)!;
    if (s.status !== 'ACTIVE' || s.schedulingStrategy === 'DAEMON' || s.launchType === 'FARGATE') continue;
    sim.updateService({ cluster, service: name, placementStrategy: strategies as never });
  }
}

export function lossCommand(what: Loss): Command {
  const text = TEXT[what];
  const usage = `ecs-cluster-sim ${what} <filter|-> | --instance <id|arn>... [--settle <seconds>] [--strategy <s>]... [--fail-on-short] [--data <file>] [--seed <n>] [--json]`;
  return {
    name: what,
    summary: text.summary,
    usage,
    help: `Usage: ${usage}

${text.does}, lets the service scheduler work for --settle seconds of simulated time, and
reports per service: desired, running, short (replacements not placed), stuck (tasks still
on the ${what === 'drain' ? 'draining' : 'lost'} instances) and why — a reason code (RESOURCE:MEMORY,
CONSTRAINT:memberOf, DEPLOYMENT:minimumHealthyPercent, …) with ECS's service event beside it —
the standalone tasks ${what === 'drain' ? 'left on the drained instances (ECS does not move them)' : 'lost'}, totals by reason, and reserved CPU
and memory per Availability Zone and instance type before and after. The loaded data is never
changed.

Options:
  --instance <i>   a container instance id or ARN (repeatable), instead of a filter
  --settle <s>     simulated seconds to let the scheduler work (default ${DEFAULT_SETTLE_SECONDS})
  --strategy <s>   place replacements with this strategy instead of each service's own:
                   binpack:cpu, binpack:memory, spread:<field>, random, plugin:<name|module>;
                   repeatable, applied in order
${FAIL_ON_SHORT_HELP}
${DATA_HELP}

Examples:
  ecs-cluster-sim ${what} 'attribute:ecs.availability-zone == us-east-1a'
  ecs-cluster-sim ${what} --instance 0c1b8a2e4f5d4c7e9a0b1c2d3e4f5a6b --json
`,
    async run(argv) {
      const { values, positionals } = parseCommandArgs(what, usage, argv, {
        ...DATA_OPTIONS,
        instance: { type: 'string', multiple: true },
        settle: { type: 'string' },
        strategy: { type: 'string', multiple: true },
        ...FAIL_ON_SHORT_OPTION,
      });
      const ids = values.instance ?? [];
      atMostPositionals(what, usage, positionals, 1);
      if (ids.length > 0 && positionals.length > 0) throw new UsageError(`${what}: give a filter or --instance, not both`, usage);
      if (ids.length === 0 && positionals.length === 0) throw new UsageError(`${what}: give a filter (e.g. 'attribute:ecs.availability-zone == us-east-1a') or --instance <id>`, usage);
      const settle = integerOption(values.settle, 'settle', DEFAULT_SETTLE_SECONDS, 0, 7 * 86_400);
      const filter = positionals[0] === undefined ? undefined : filterText(positionals[0]);
      // Checked before the data is read, so a typo is reported at once.
      const normalised = filter === undefined ? undefined : print(compileFilter(filter).ast);
      const { sim, cluster } = loadCluster(values);
      overrideStrategies(sim, cluster, await strategyFlags(values.strategy ?? [], sim.placement.plugins));
      const options = { cluster, settleMs: settle * 1000 };
      const withoutFork = ({ fork: _fork, ...rest }: WhatIfReport & { fork: unknown }): WhatIfReport => rest;
      let report: WhatIfReport;
      if (filter !== undefined) {
        report = withoutFork(what === 'drain' ? sim.drainWhatIf(filter, options) : sim.failWhatIf(filter, options));
      } else {
        const { containerInstances, failures } = describeWithFailures(sim, cluster, ids);
        if (failures.length > 0) throw new ClientException(`${what}: ${failures.map((f) => f.arn).join(', ')} ${failures.length === 1 ? 'is' : 'are'} not a container instance of cluster ${cluster}`);
        const arns = [...new Set(containerInstances.map((i) => i.containerInstanceArn!))];
        report = withoutFork(what === 'drain' ? sim.drainInstancesWhatIf(arns, options) : sim.failInstancesWhatIf(arns, options));
      }
      if (normalised !== undefined && report.containerInstanceArns.length === 0) warnNothingSelected(what, `${text.selects} matching ${normalised}`);
      const status = answeredStatus(values['fail-on-short'], report.totals.short + report.totals.stuck + report.standalone.left.length);
      if (values.json) {
        printJson(report);
        return status;
      }
      const which = normalised !== undefined ? `the ${text.selects} matching ${normalised}` : 'the instances named';
      const out = [`${what} what-if: ${count(report.containerInstanceArns.length)} instances (${which}) ${text.done}, then ${count(settle)} s of simulated time`, ...reportLines(report)];
      process.stdout.write(`${out.join('\n')}\n`);
      return status;
    },
  };
}

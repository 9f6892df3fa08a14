/**
 * `drain`: what if these instances were drained? Runs on a fork: which service tasks move where,
 * what cannot be placed and why, utilisation before and after.
 */
import { compileFilter, print } from '../../cql/index.js';
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { utilisationTable } from '../format.js';
import { filterText, printJson } from '../io.js';
import { answeredStatus, FAIL_ON_SHORT_HELP, FAIL_ON_SHORT_OPTION, warnNothingSelected } from '../outcome.js';
import { reasonOfServiceEvent } from '../reasons.js';
import { count, formatTable } from '../table.js';
import { newShortfall, serviceShortfall } from '../what-if/shortfall.js';
import { DEFAULT_SETTLE_SECONDS, drainByFilter, drainByReference, movedByService, notableServices } from '../what-if/drain.js';

const USAGE = 'ecs-cluster-sim drain <filter|-> | --instance <id|arn>... [--settle <seconds>] [--fail-on-short] [--data <file>] [--seed <n>] [--json]';

export const drain: Command = {
  name: 'drain',
  summary: 'what if these instances were drained: tasks moved where, unplaceable ones and why, utilisation',
  usage: USAGE,
  help: `Usage: ${USAGE}

Sets the ACTIVE instances a filter selects (or the instances named with --instance) to DRAINING
on a fork of the cluster, lets the service scheduler work for --settle seconds of simulated
time, and reports which service tasks moved where, which services are left short and why,
the standalone tasks left behind (ECS does not move them), and reserved CPU and memory per
Availability Zone and instance type before and after. The loaded data is never changed.

Options:
  --instance <i>   a container instance id or ARN (repeatable), instead of a filter
  --settle <s>     simulated seconds to let the scheduler work (default ${DEFAULT_SETTLE_SECONDS})
${FAIL_ON_SHORT_HELP}
${DATA_HELP}

Examples:
  ecs-cluster-sim drain 'attribute:ecs.availability-zone == us-east-1a'
  ecs-cluster-sim drain --instance 0c1b8a2e4f5d4c7e9a0b1c2d3e4f5a6b --json
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('drain', USAGE, argv, {
      ...DATA_OPTIONS,
      instance: { type: 'string', multiple: true },
      settle: { type: 'string' },
      ...FAIL_ON_SHORT_OPTION,
    });
    const ids = values.instance ?? [];
    atMostPositionals('drain', USAGE, positionals, 1);
    if (ids.length > 0 && positionals.length > 0) throw new UsageError('drain: give a filter or --instance, not both', USAGE);
    if (ids.length === 0 && positionals.length === 0) throw new UsageError("drain: give a filter (e.g. 'attribute:ecs.availability-zone == us-east-1a') or --instance <id>", USAGE);
    const settle = integerOption(values.settle, 'settle', DEFAULT_SETTLE_SECONDS, 0, 7 * 86_400);
    const filter = positionals[0] === undefined ? undefined : filterText(positionals[0]);
    // Checked before the data is read, so a typo is reported at once.
    const normalised = filter === undefined ? undefined : print(compileFilter(filter).ast);
    const { sim, cluster } = loadCluster(values);
    const before = serviceShortfall(sim, cluster);
    const { report, fork } = filter !== undefined ? drainByFilter(sim, cluster, filter, settle) : drainByReference(sim, cluster, ids, settle);
    if (normalised !== undefined && report.containerInstanceArns.length === 0) warnNothingSelected('drain', `ACTIVE instances matching ${normalised}`);
    const services = movedByService(report, newShortfall(before, serviceShortfall(fork, cluster)));
    const missing = services.reduce((n, s) => n + s.missing, 0);
    const status = answeredStatus(values['fail-on-short'], missing + report.standaloneLeft.length);
    if (values.json) {
      printJson(report);
      return status;
    }
    const moved = services.reduce((n, s) => n + s.tasks, 0);
    const what = normalised !== undefined ? `the ACTIVE instances matching ${normalised}` : 'the instances named';
    const out = [
      `drain what-if: ${count(report.containerInstanceArns.length)} instances (${what}) set to DRAINING, then ${count(settle)} s of simulated time`,
      `service tasks moved: ${count(moved)}; service tasks that could not be placed: ${count(missing)}; standalone tasks left on drained instances: ${count(report.standaloneLeft.length)}`,
    ];
    if (services.length > 0) {
      const { shown, omitted } = notableServices(services, 20);
      out.push('', formatTable([
        ['SERVICE', 'TASKS MOVED', 'FROM INSTANCES', 'TO INSTANCES', 'NOT PLACED', 'WHY'],
        ...shown.map((s) => [s.service, count(s.tasks), count(s.from), count(s.to), count(s.missing), s.missing > 0 ? reasonOfServiceEvent(s.reason) : '']),
      ]));
      if (omitted > 0) out.push(`(and ${count(omitted)} more services, none left short; --json lists them all)`);
      for (const s of shown) if (s.missing > 0 && s.reason) out.push(`  ${s.reason}`);
    }
    out.push('', utilisationTable(report.utilisation.before, report.utilisation.after));
    process.stdout.write(`${out.join('\n')}\n`);
    return status;
  },
};

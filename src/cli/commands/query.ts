/** `query`: the container instances a CQL filter selects, and with `--explain` the query plan. */
import { compileFilter, print } from '../../cql/index.js';
import { atMostPositionals, DATA_OPTIONS, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { describeAll } from '../describe-all.js';
import { INSTANCE_HEADER, INSTANCE_STATUSES, instanceRow, planTable } from '../format.js';
import { filterText, printJson } from '../io.js';
import { warnNothingSelected } from '../outcome.js';
import { count, formatTable } from '../table.js';

const USAGE = 'ecs-cluster-sim query <filter|-> [--explain] [--status <status>]... [--data <file>] [--seed <n>] [--json]';

export const query: Command = {
  name: 'query',
  summary: 'the container instances a CQL filter selects (--explain: the query plan)',
  usage: USAGE,
  help: `Usage: ${USAGE}

Lists the container instances a Cluster Query Language filter selects, in registration order,
as ListContainerInstances would (without its page limit). '-' reads the filter from stdin.

Options:
  --explain        also show the query plan: which index each part uses, estimated and actual counts
  --status <s>     only instances in this status (repeatable; default every status but INACTIVE)
${DATA_HELP}

Examples:
  ecs-cluster-sim query 'attribute:ecs.instance-type =~ m5.* and runningTasksCount < 3' --explain
  echo 'agentConnected == false' | ecs-cluster-sim query - --json
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('query', USAGE, argv, {
      ...DATA_OPTIONS,
      explain: { type: 'boolean' },
      status: { type: 'string', multiple: true },
    });
    atMostPositionals('query', USAGE, positionals, 1);
    if (positionals[0] === undefined) throw new UsageError("query: give a filter, e.g. query 'attribute:stack == prod', or '-' to read it from stdin", USAGE);
    for (const s of values.status ?? []) {
      if (!INSTANCE_STATUSES.includes(s)) throw new UsageError(`query: --status must be one of ${INSTANCE_STATUSES.join(', ')}; got '${s}'`, USAGE);
    }
    const filter = filterText(positionals[0]);
    // Checked before the data is read, so a typo is reported at once.
    const normalised = print(compileFilter(filter).ast);
    const { sim, cluster } = loadCluster(values);
    const status = values.status ?? undefined;
    const arns = sim.query(filter, { cluster, ...(status ? { status } : {}) });
    const plan = values.explain ? sim.explain(filter, { cluster, ...(status ? { status } : {}) }) : undefined;
    if (arns.length === 0) warnNothingSelected('query', normalised);
    if (values.json) {
      printJson({ filter: normalised, count: arns.length, containerInstanceArns: arns, ...(plan ? { plan } : {}) });
      return 0;
    }
    const instances = describeAll(sim, cluster, arns);
    const total = sim.query(null, { cluster }).length;
    process.stdout.write(`${formatTable([INSTANCE_HEADER, ...instances.map(instanceRow)])}\n`);
    process.stdout.write(`${count(arns.length)} of ${count(total)} instances match ${normalised}\n`);
    if (plan) process.stdout.write(`\n${planTable(plan)}\n`);
    return 0;
  },
};

/**
 * `describe`: container instances by id or ARN, or those a filter selects, as
 * DescribeContainerInstances returns them (`--json`: the response on the wire, as the aws CLI
 * prints it) or as a table.
 */
import { ClientException } from '../../errors.js';
import { toWire } from '../../protocol/wire.js';
import { DATA_OPTIONS, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { describeWithFailures } from '../describe-all.js';
import { INSTANCE_HEADER, instanceRow } from '../format.js';
import { filterText, printJson, readText } from '../io.js';
import { warnNothingSelected } from '../outcome.js';
import { count, formatTable } from '../table.js';

const USAGE = 'ecs-cluster-sim describe [<id|arn>...|-] [--filter <filter|->] [--data <file>] [--seed <n>] [--json]';

export const describe: Command = {
  name: 'describe',
  summary: 'container instances by id, ARN or filter, as DescribeContainerInstances returns them',
  usage: USAGE,
  help: `Usage: ${USAGE}

Describes container instances named by container-instance id or ARN (a lone '-' reads them
from stdin, separated by white space), or the instances a filter selects, or every instance.
--json prints the DescribeContainerInstances response as the aws CLI prints it (unknown ids
are listed in 'failures' with reason MISSING); otherwise a table with free CPU and memory.
Either way an unknown id is bad input: the instances found are printed, the unknown ones named
on stderr, and the exit status is 2.

Options:
  --filter <f>     the instances a CQL filter selects ('-' reads the filter from stdin)
${DATA_HELP}

Examples:
  ecs-cluster-sim describe --filter 'attribute:ecs.availability-zone == us-east-1a and runningTasksCount == 0'
  ecs-cluster-sim query 'agentConnected == false' --json | jq -r '.containerInstanceArns[]' | ecs-cluster-sim describe - --json
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('describe', USAGE, argv, { ...DATA_OPTIONS, filter: { type: 'string' } });
    if (values.filter !== undefined && positionals.length > 0) throw new UsageError('describe: give ids or --filter, not both', USAGE);
    if (values.filter === '-' && positionals.includes('-')) throw new UsageError('describe: only one of the ids and the filter can come from stdin', USAGE);
    const ids = positionals.length === 1 && positionals[0] === '-' ? readText('-', 'ids').split(/\s+/).filter((s) => s !== '') : positionals;
    const filter = values.filter === undefined ? null : filterText(values.filter);
    const { sim, cluster } = loadCluster(values);
    const references = filter !== null || ids.length === 0 ? sim.query(filter, { cluster }) : ids;
    if (filter !== null && references.length === 0) warnNothingSelected('describe', filter);
    const { containerInstances, failures } = describeWithFailures(sim, cluster, references);
    if (values.json) printJson(toWire({ containerInstances, failures }));
    else process.stdout.write(`${formatTable([INSTANCE_HEADER, ...containerInstances.map(instanceRow)])}\n${count(containerInstances.length)} instances\n`);
    if (failures.length > 0) {
      for (const f of failures) process.stderr.write(`${f.arn}: ${f.reason}\n`);
      throw new ClientException(`describe: ${failures.length} of the ${references.length} instances named are not in cluster ${cluster}`);
    }
    return 0;
  },
};

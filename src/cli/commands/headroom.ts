/**
 * `headroom`: how many more tasks of a shape fit — in total, per AZ and instance type, and what
 * runs out first; with --losing attribute:<name>, the worst case over losing each value (N+1).
 */
import type { Headroom } from '../../ecs/what-if/headroom.js';
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { printJson } from '../io.js';
import { constraintFlag, strategyFlag, strategyFlags } from '../placement-flags.js';
import { count, formatTable } from '../table.js';
import { TASK_DEFINITION_OPTIONS, workloadTaskDefinition } from '../task-definition.js';
import { DEFAULT_SETTLE_SECONDS } from '../what-if/drain.js';

const USAGE = 'ecs-cluster-sim headroom [<task-definition.json>|-] [--cpu <units>] [--memory <MiB>] [--port <p>]... [--strategy <s>]... [--constraint <c>]... [--losing attribute:<name>] [--settle <seconds>] [--max <n>] [--data <file>] [--seed <n>] [--json]';

function headroomLines(h: Headroom): string[] {
  const out = [`${count(h.tasks)}${h.capped ? '+ (the --max cap)' : ''} more tasks fit${h.runsOutFirst === undefined ? '' : `; what runs out first: ${h.runsOutFirst}`}`];
  const rows = (title: string, r: Record<string, number>) => (Object.keys(r).length === 0 ? [] : ['', formatTable([[title, 'TASKS'], ...Object.entries(r).map(([k, n]) => [k, count(n)])])]);
  out.push(...rows('AVAILABILITY ZONE', h.byAvailabilityZone), ...rows('INSTANCE TYPE', h.byInstanceType));
  const turned = Object.entries(h.turnedDown);
  if (turned.length > 0) out.push('', 'the instances that turned down the next task', formatTable([['REASON', 'INSTANCES'], ...turned.map(([r, n]) => [r, count(n)])]));
  return out;
}

export const headroom: Command = {
  name: 'headroom',
  summary: 'how many more tasks of a shape fit, per AZ and instance type, what runs out first; N+1 with --losing',
  usage: USAGE,
  help: `Usage: ${USAGE}

Places tasks of the task definition on a fork, one after another as RunTask would (its
constraints and strategies), until the first that cannot be placed, and reports how many fit,
per Availability Zone and instance type, and what runs out first (the reason that turned down
most of the instances that got past status, agent and attributes). The task definition is a
file or flags, as for place (--family, --cpu, --memory, --port, --udp-port, --network-mode, --gpu).

With --losing attribute:<name> (e.g. attribute:ecs.availability-zone): for each value, a fork
loses every instance with that value abruptly, the services replace what they can for --settle
seconds, and the headroom is measured there; the answer is the worst value's, each value shown.

Options:
  --strategy <s>     as for place (plugin:<name|module> too); repeatable
  --constraint <c>   distinctInstance or 'memberOf:<cql>'; repeatable
  --losing <a>       attribute:<name>: the worst case over losing each of its values
  --settle <s>       simulated seconds services get after a loss (default ${DEFAULT_SETTLE_SECONDS})
  --max <n>          stop counting at n tasks (default 1,000,000)
${DATA_HELP}

Examples:
  ecs-cluster-sim headroom --cpu 512 --memory 1024
  ecs-cluster-sim headroom --cpu 512 --memory 1024 --constraint distinctInstance --losing attribute:ecs.availability-zone
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('headroom', USAGE, argv, {
      ...DATA_OPTIONS,
      ...TASK_DEFINITION_OPTIONS,
      strategy: { type: 'string', multiple: true },
      constraint: { type: 'string', multiple: true },
      group: { type: 'string' },
      losing: { type: 'string' },
      settle: { type: 'string' },
      max: { type: 'string' },
    });
    atMostPositionals('headroom', USAGE, positionals, 1);
    const request = workloadTaskDefinition('headroom', USAGE, positionals[0], values);
    const max = integerOption(values.max, 'max', 1_000_000, 1, 10_000_000);
    const settle = integerOption(values.settle, 'settle', DEFAULT_SETTLE_SECONDS, 0, 7 * 86_400);
    if (values.losing !== undefined && !/^attribute:.+/.test(values.losing)) throw new UsageError(`headroom: --losing takes attribute:<name>; got '${values.losing}'`, USAGE);
    (values.strategy ?? []).forEach((s, i) => (s.startsWith('plugin:') ? undefined : strategyFlag(s, i)));
    const placementConstraints = (values.constraint ?? []).map(constraintFlag);
    const { sim, cluster } = loadCluster(values);
    const placementStrategy = await strategyFlags(values.strategy ?? [], sim.placement.plugins);
    const { taskDefinition } = sim.registerTaskDefinition(request);
    const answer = sim.headroom(
      { taskDefinition: taskDefinition!.taskDefinitionArn!, count: max, placementStrategy, placementConstraints, ...(values.group ? { group: values.group } : {}) } as never,
      { cluster, settleMs: settle * 1000, ...(values.losing === undefined ? {} : { losing: values.losing }) },
    );
    if (values.json) {
      printJson({ taskDefinitionArn: taskDefinition!.taskDefinitionArn, ...answer });
      return 0;
    }
    const out: string[] = [];
    if (answer.losing === undefined) out.push(...headroomLines(answer));
    else {
      const l = answer.losing;
      out.push(`headroom of ${taskDefinition!.taskDefinitionArn!.split('/').pop()} after losing any one ${l.attribute}: ${count(answer.tasks)} tasks (the worst: losing ${l.worst ?? 'nothing'}); with nothing lost: ${count(l.intact.tasks)}`);
      out.push('', formatTable([
        ['LOSING', 'INSTANCES', 'SERVICE TASKS SHORT', 'STUCK', 'HEADROOM', 'RUNS OUT FIRST'],
        ...l.byValue.map((v) => [v.value, count(v.instances), count(v.short), count(v.stuck), count(v.headroom.tasks), v.headroom.runsOutFirst ?? '']),
      ]));
      out.push('', `the worst case, losing ${l.worst}:`, ...headroomLines(answer));
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};

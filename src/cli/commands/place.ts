/**
 * `place`: places tasks of a task definition (a file, or flags for one container) as RunTask
 * would, any number of them (the bulk `placeTasks`), and says where they went and why instances
 * were turned down.
 */
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { describeAll } from '../describe-all.js';
import { attributeOf, shortId } from '../format.js';
import { printJson } from '../io.js';
import { constraintFlag, strategyFlag, strategyFlags } from '../placement-flags.js';
import { answeredStatus, FAIL_ON_SHORT_HELP, FAIL_ON_SHORT_OPTION } from '../outcome.js';
import { headlineReason } from '../reasons.js';
import { count, formatTable } from '../table.js';
import { TASK_DEFINITION_OPTIONS, workloadTaskDefinition } from '../task-definition.js';
import { placeWithFailures } from '../what-if/place.js';

const USAGE = 'ecs-cluster-sim place [<task-definition.json>|-] [--cpu <units>] [--memory <MiB>] [--port <p>]... [--count <n>] [--strategy <s>]... [--constraint <c>]... [--fail-on-short] [--data <file>] [--seed <n>] [--json]';
const SHOWN_INSTANCES = 20;

export const place: Command = {
  name: 'place',
  summary: 'place tasks as RunTask would (any count): where they go and why instances were turned down',
  usage: USAGE,
  help: `Usage: ${USAGE}

Places --count tasks one after another, as RunTask places them (candidates, resources,
constraints, then strategies as tie-breakers, then a seeded pick), without RunTask's limit of
10. Prints where they went and, when tasks are left over, how many, and why not here: the
instances that turned down the first task that could not be placed, by reason (its RunTask
failures; every later task is turned down the same way, since nothing changed in between),
headed by the reason that turned down the most instances.

The task definition is a file (a RegisterTaskDefinition request or a DescribeTaskDefinition
response; '-' reads it from stdin) or one container given by flags:
  --family <name>        family name (default cli-task)
  --cpu <units>          CPU units (1024 = 1 vCPU; default 0)
  --memory <MiB>         memory (required without a file)
  --port <p>             a static TCP host port (repeatable)
  --udp-port <p>         a static UDP host port (repeatable)
  --network-mode <m>     bridge (default), host, awsvpc (one ENI per task) or none
  --gpu <n>              GPUs

Placement:
  --count <n>            tasks to place (default 1)
  --strategy <s>         binpack:cpu, binpack:memory, spread:<field> (instanceId, host,
                         attribute:<name>), random, or plugin:<module path> (a placement
                         plug-in module); repeatable, applied in order
  --constraint <c>       distinctInstance or 'memberOf:<cql>'; repeatable
  --group <g>            the task group (default family:<family>)
${FAIL_ON_SHORT_HELP}
${DATA_HELP}

Examples:
  ecs-cluster-sim place --memory 512 --cpu 256 --count 500 --strategy spread:attribute:ecs.availability-zone --strategy binpack:memory
  ecs-cluster-sim place --memory 1024 --port 8080 --count 50 --constraint distinctInstance --constraint 'memberOf:attribute:stack == prod'
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('place', USAGE, argv, {
      ...DATA_OPTIONS,
      ...TASK_DEFINITION_OPTIONS,
      count: { type: 'string' },
      strategy: { type: 'string', multiple: true },
      constraint: { type: 'string', multiple: true },
      group: { type: 'string' },
      ...FAIL_ON_SHORT_OPTION,
    });
    atMostPositionals('place', USAGE, positionals, 1);
    const request = workloadTaskDefinition('place', USAGE, positionals[0], values);
    const countWanted = integerOption(values.count, 'count', 1, 1, 10_000_000);
    // Checked before the data is read (a plug-in's name is checked once it is loaded).
    (values.strategy ?? []).forEach((s, i) => (s.startsWith('plugin:') ? undefined : strategyFlag(s, i)));
    const placementConstraints = (values.constraint ?? []).map(constraintFlag);
    const { sim, cluster } = loadCluster(values);
    const placementStrategy = await strategyFlags(values.strategy ?? [], sim.placement.plugins);
    const { taskDefinition } = sim.registerTaskDefinition(request);
    const taskDefinitionArn = taskDefinition!.taskDefinitionArn!;
    const params = { cluster, taskDefinition: taskDefinitionArn, placementStrategy, placementConstraints, ...(values.group ? { group: values.group } : {}) };
    const { result, failures, failureTally } = placeWithFailures(sim, params, countWanted);
    const reason = headlineReason(failureTally);
    const status = answeredStatus(values['fail-on-short'], result.unplaced);
    if (values.json) {
      printJson({
        taskDefinitionArn,
        requested: countWanted,
        placed: result.taskArns.map((taskArn, i) => ({ taskArn, containerInstanceArn: result.containerInstanceArns[i] })),
        unplaced: result.unplaced,
        ...(result.unplaced > 0 ? { reason, turnedDown: failureTally, failures } : {}),
      });
      return status;
    }
    const perInstance = new Map<string, number>();
    for (const arn of result.containerInstanceArns) perInstance.set(arn, (perInstance.get(arn) ?? 0) + 1);
    const instances = describeAll(sim, cluster, [...perInstance.keys()]);
    const perAz = new Map<string, { tasks: number; instances: number }>();
    for (const i of instances) {
      const az = attributeOf(i, 'ecs.availability-zone') || '(none)';
      const entry = perAz.get(az) ?? { tasks: 0, instances: 0 };
      entry.tasks += perInstance.get(i.containerInstanceArn!)!;
      entry.instances++;
      perAz.set(az, entry);
    }
    const out: string[] = [];
    out.push(`placed ${count(result.taskArns.length)} of ${count(countWanted)} tasks of ${taskDefinitionArn.split('/').pop()} on ${count(perInstance.size)} instances`);
    if (result.unplaced > 0) {
      const instancesSeen = Object.values(failureTally).reduce((n, k) => n + k, 0);
      out.push(`${count(result.unplaced)} tasks could not be placed: ${reason === undefined
        ? 'the cluster has no container instances'
        : `the first of them fits on none of the ${count(instancesSeen)} instances; ${count(failureTally[reason]!)} turned it down for ${reason}`}`);
    }
    if (perAz.size > 0) {
      out.push('', formatTable([['AVAILABILITY ZONE', 'TASKS', 'INSTANCES'], ...[...perAz].sort(([a], [b]) => a.localeCompare(b)).map(([az, e]) => [az, count(e.tasks), count(e.instances)])]));
      const busiest = [...instances].sort((a, b) => perInstance.get(b.containerInstanceArn!)! - perInstance.get(a.containerInstanceArn!)!).slice(0, SHOWN_INSTANCES);
      out.push('', formatTable([
        ['INSTANCE', 'EC2 INSTANCE', 'TYPE', 'AZ', 'TASKS PLACED'],
        ...busiest.map((i) => [shortId(i.containerInstanceArn!), i.ec2InstanceId ?? '', attributeOf(i, 'ecs.instance-type'), attributeOf(i, 'ecs.availability-zone'), count(perInstance.get(i.containerInstanceArn!)!)]),
      ]));
      if (instances.length > SHOWN_INSTANCES) out.push(`(the ${SHOWN_INSTANCES} instances with most tasks; ${count(instances.length - SHOWN_INSTANCES)} more — --json lists every placement)`);
    }
    if (result.unplaced > 0) {
      out.push('', 'why not here: the instances that turned down the first task that could not be placed', formatTable([['REASON', 'INSTANCES'], ...Object.entries(failureTally).map(([r, n]) => [r, count(n)])]));
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return status;
  },
};

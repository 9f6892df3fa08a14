#!/usr/bin/env node
/**
 * ecs-cluster-sim command line.
 *   ecs-cluster-sim query '<filter>' [--data file] [--json]   instances a CQL filter selects
 *   ecs-cluster-sim demo [--data file]                          a tour of CQL on the bundled cluster
 * Errors go to stderr as "<ECS error name>: <message>", exit code 2 for bad input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileFilter, print } from '../cql/index.js';
import { EcsError } from '../errors.js';
import type { ContainerInstance } from '../shapes.js';
import { EcsSimulator } from '../protocol/simulator.js';
import { loadDescribeOutput, type LoadedCluster } from './load.js';
import { formatTable } from './table.js';

const DEFAULT_DATA = fileURLToPath(new URL('../../datasets/small.json', import.meta.url));

const HELP = `Usage: ecs-cluster-sim <command> [options]

Commands:
  query <filter>   list the container instances a CQL filter selects ('-' reads the filter from stdin)
  demo             run example CQL filters against the bundled sample cluster
  serve            serve an ECS endpoint on loopback (POST / with the ECS JSON 1.1 protocol, /_sim/* control)

Options:
  --data <file>    a DescribeContainerInstances JSON response (default: the bundled sample)
  --json           machine-readable output
  --port <n>       serve: TCP port (default 4599; 0 picks a free one)
  --host <addr>    serve: address to bind (default 127.0.0.1)
  --start-time <t> serve: simulated start time, ISO-8601 (default 2019-06-06T00:00:00Z)
  --seed <n>       serve: seed of every random choice (default 1)
  --root-key <id>  serve: an access key id that acts as the account root (besides 'root'); repeatable
  -h, --help       this text
`;

function attribute(instance: ContainerInstance, name: string): string {
  return instance.attributes?.find((a) => a.name === name)?.value ?? '';
}

function select(cluster: LoadedCluster, filter: string): ContainerInstance[] {
  const compiled = compileFilter(filter);
  return cluster.instances.filter((i) => compiled.matches(i, { taskGroups: cluster.taskGroups.get(i.containerInstanceArn ?? '') ?? [] }));
}

function instanceRows(cluster: LoadedCluster, instances: ContainerInstance[]): string[][] {
  return [
    ['EC2 INSTANCE', 'TYPE', 'AZ', 'STATUS', 'AGENT', 'TASKS', 'GROUPS'],
    ...instances.map((i) => [
      i.ec2InstanceId ?? '',
      attribute(i, 'ecs.instance-type'),
      attribute(i, 'ecs.availability-zone'),
      i.status ?? '',
      `${i.versionInfo?.agentVersion ?? '?'}${i.agentConnected === false ? ' (disconnected)' : ''}`,
      String(i.runningTasksCount ?? 0),
      [...new Set(cluster.taskGroups.get(i.containerInstanceArn ?? '') ?? [])].join(','),
    ]),
  ];
}

const DEMO_FILTERS = [
  'attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a',
  'attribute:stack != prod',
  'agentVersion < 1.29.0 or agentConnected == false',
  'task:group == service:web and not(task:group == database)',
  "runningTasksCount >= 6 and registeredAt < 2019-07-01 and attribute:team in [payments, 'search']",
];

function integerOption(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new EcsError('InvalidParameterException', `--${name} takes a non-negative integer; got '${text}'`);
  return Number(text);
}

async function serve(values: { data?: string; port?: string; host?: string; 'start-time'?: string; seed?: string; 'root-key'?: string[] }): Promise<void> {
  const options = {
    seed: integerOption(values.seed, 'seed', 1),
    ...(values['start-time'] === undefined ? {} : { startTime: values['start-time'] }),
  };
  const sim = values.data === undefined
    ? new EcsSimulator(options)
    : EcsSimulator.fromDescribeOutput(JSON.parse(readFileSync(values.data, 'utf8')), options);
  const { url } = await sim.listen({
    port: integerOption(values.port, 'port', 4599),
    host: values.host ?? '127.0.0.1',
    rootAccessKeys: values['root-key'] ?? [],
  });
  process.stderr.write(`ecs-cluster-sim: ECS endpoint at ${url} (signatures are not checked; access key 'root' acts as the account root)\n`);
}

function run(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      port: { type: 'string' },
      host: { type: 'string' },
      'start-time': { type: 'string' },
      seed: { type: 'string' },
      'root-key': { type: 'string', multiple: true },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'serve') {
    void serve(values);
    return 0;
  }
  const cluster = loadDescribeOutput(values.data ?? DEFAULT_DATA);
  switch (command) {
    case 'query': {
      const text = rest[0] === '-' ? readFileSync(0, 'utf8').trim() : rest[0];
      if (text === undefined) throw new EcsError('InvalidParameterException', 'query needs a filter, e.g. ecs-cluster-sim query "attribute:stack == prod"');
      const selected = select(cluster, text);
      if (values.json) process.stdout.write(JSON.stringify({ filter: print(compileFilter(text).ast), containerInstances: selected }, null, 2) + '\n');
      else process.stdout.write(`${formatTable(instanceRows(cluster, selected))}\n${selected.length} of ${cluster.instances.length} instances\n`);
      return 0;
    }
    case 'demo': {
      process.stdout.write(`ecs-cluster-sim: ${cluster.instances.length} container instances loaded from ${values.data ?? 'the bundled sample cluster'}\n`);
      for (const filter of DEMO_FILTERS) {
        const selected = select(cluster, filter);
        process.stdout.write(`\n$ ecs-cluster-sim query '${filter}'\n${formatTable(instanceRows(cluster, selected.slice(0, 5)))}\n`);
        process.stdout.write(`${selected.length} of ${cluster.instances.length} instances${selected.length > 5 ? ' (first 5 shown)' : ''}\n`);
      }
      const bad = "attribute:ecs.instance-type == t2.small and runningTasksCount > few";
      process.stdout.write(`\n$ ecs-cluster-sim query '${bad}'\n`);
      try {
        select(cluster, bad);
      } catch (e) {
        process.stdout.write(`${(e as Error).name}: ${(e as Error).message}\n`);
      }
      return 0;
    }
    default:
      throw new EcsError('InvalidParameterException', `unknown command '${command}'; see ecs-cluster-sim --help`);
  }
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  if (e instanceof EcsError || (e instanceof Error && (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')) {
    process.stderr.write(`${e.name}: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}

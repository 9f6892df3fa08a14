/**
 * `sweep`: many what-ifs of one cluster — every instance, every value of an attribute, seeded
 * random sets of instances, or a list from a file — one row each, worst first; on worker threads
 * (--workers) and, beyond one machine, in shards (--shard i/N, or auto/N under a Kubernetes
 * Indexed Job or an AWS Batch array job) that `sweep-merge` combines.
 */
import { writeFileSync } from 'node:fs';
import type { SweepScenarios } from '../../ecs/what-if/sweep.js';
import { InvalidParameterException } from '../../errors.js';
import { atMostPositionals, DATA_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { parseJson, printJson, readText } from '../io.js';
import { strategyFlags } from '../placement-flags.js';
import { DEFAULT_SETTLE_SECONDS } from '../what-if/drain.js';
import { overrideStrategies } from '../what-if/loss-command.js';
import { sweepLines } from '../what-if/sweep-text.js';

const USAGE = 'ecs-cluster-sim sweep (--each instance|attribute:<name> | --random <instances>:<count>[:<seed>] | --scenarios <file>) [--what drain|fail] [--filter <cql>] [--settle <s>] [--workers <n>] [--shard <i/N|auto/N>] [--out <file>] [--top <n>] [--strategy <s>]... [--data <file>] [--seed <n>] [--json]';

/** The environment variables of batch engines that give a worker its index. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/** `i/N`, or `auto/N` (the index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX). */
export function shardOption(text: string | undefined, env: NodeJS.ProcessEnv = process.env): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+|auto)\/(\d+)$/.exec(text.trim());
  if (m === null) throw new InvalidParameterException(`--shard takes i/N or auto/N (N: the number of shards); got '${text}'`);
  const count = Number(m[2]);
  let index: number;
  if (m[1] === 'auto') {
    const variable = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== '');
    if (variable === undefined) throw new InvalidParameterException(`--shard auto/${count}: neither ${SHARD_INDEX_VARIABLES.join(' nor ')} is set (run it as a Kubernetes Indexed Job or an AWS Batch array job, or give --shard i/${count})`);
    if (!/^\d+$/.test(env[variable]!)) throw new InvalidParameterException(`--shard auto: ${variable} is '${env[variable]}', not a whole number`);
    index = Number(env[variable]);
  } else index = Number(m[1]);
  if (count < 1 || index >= count) throw new InvalidParameterException(`--shard ${text}: the index must be below the number of shards`);
  return { index, count };
}

function scenariosOf(values: { each?: string | undefined; random?: string | undefined; scenarios?: string | undefined; what?: string | undefined; filter?: string | undefined }): SweepScenarios {
  const given = (['each', 'random', 'scenarios'] as const).filter((k) => values[k] !== undefined);
  if (given.length !== 1) throw new UsageError(`sweep: give exactly one of --each, --random and --scenarios${given.length > 1 ? `; got --${given.join(' and --')}` : ''}`, USAGE);
  const what = (values.what ?? 'drain') as 'drain' | 'fail';
  if (what !== 'drain' && what !== 'fail') throw new UsageError(`sweep: --what takes drain or fail; got '${values.what}'`, USAGE);
  const filter = values.filter === undefined ? {} : { filter: values.filter };
  if (values.each !== undefined) return { each: values.each as 'instance', what, ...filter };
  if (values.random !== undefined) {
    const m = /^(\d+):(\d+)(?::(-?\d+))?$/.exec(values.random);
    if (m === null) throw new UsageError(`sweep: --random takes <instances>:<count>[:<seed>], e.g. 3:1000:7; got '${values.random}'`, USAGE);
    return { random: { instances: Number(m[1]), count: Number(m[2]), seed: Number(m[3] ?? 1) }, what, ...filter };
  }
  return parseJson(readText(values.scenarios!, '--scenarios'), `--scenarios ${values.scenarios}`) as SweepScenarios;
}

export const sweep: Command = {
  name: 'sweep',
  summary: 'many what-ifs (every instance, every AZ, random sets): one row each, worst first; workers and shards',
  usage: USAGE,
  help: `Usage: ${USAGE}

Runs many independent what-ifs of the cluster, each on its own fork — drain (default) or fail
(--what fail: abrupt loss) — and prints one row per scenario, worst first: service tasks short
and stuck, standalone tasks lost or left, the services at risk and the reason behind most of it.

Scenarios (one of):
  --each instance            every ACTIVE instance (ACTIVE or DRAINING with --what fail), alone
  --each attribute:<name>    the instances of each value of an attribute (e.g. each AZ)
  --random <k>:<n>[:<seed>]  n seeded random sets of k instances
  --scenarios <file>         JSON: a list [{ "what", "name", "containerInstances" | "filter" }]
                             or a description { "each" | "random", "what", "filter" }
  --filter <cql>             draw instances only from those the filter selects

Running:
  --settle <s>     simulated seconds per scenario (default ${DEFAULT_SETTLE_SECONDS})
  --workers <n>    worker threads (default 1); the rows are the same for any number
  --shard <i/N>    run only shard i of N (every N-th scenario from i); auto/N takes i from
                   JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX
                   (AWS Batch array job); combine the parts with sweep-merge
  --out <file>     write the JSON answer (a part, with --shard) to a file
  --top <n>        rows shown (default 20)
  --strategy <s>   place replacements with this strategy instead of each service's own (as drain)
${DATA_HELP}

Examples:
  ecs-cluster-sim sweep --each instance --workers 2
  ecs-cluster-sim sweep --each attribute:ecs.availability-zone --what fail
  ecs-cluster-sim sweep --random 3:1000:7 --what fail --shard auto/10 --out part.json
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('sweep', USAGE, argv, {
      ...DATA_OPTIONS,
      each: { type: 'string' },
      random: { type: 'string' },
      scenarios: { type: 'string' },
      what: { type: 'string' },
      filter: { type: 'string' },
      settle: { type: 'string' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      out: { type: 'string' },
      top: { type: 'string' },
      strategy: { type: 'string', multiple: true },
    });
    atMostPositionals('sweep', USAGE, positionals, 0);
    const scenarios = scenariosOf(values);
    const settle = integerOption(values.settle, 'settle', DEFAULT_SETTLE_SECONDS, 0, 7 * 86_400);
    const workers = integerOption(values.workers, 'workers', 1, 1, 256);
    const top = integerOption(values.top, 'top', 20, 0);
    const shard = shardOption(values.shard);
    const { sim, cluster } = loadCluster(values);
    overrideStrategies(sim, cluster, await strategyFlags(values.strategy ?? [], sim.placement.plugins));
    const result = await sim.whatIfSweep(scenarios, { cluster, settleMs: settle * 1000, workers, ...(shard === undefined ? {} : { shard }) });
    if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
    if (values.json) printJson(result);
    else process.stdout.write(`${sweepLines(result, top).join('\n')}\n`);
    return 0;
  },
};

/**
 * `generate`: a seeded cluster dataset (DescribeContainerInstances JSON plus the tasks, task
 * definitions and services on it), written piece by piece so a million instances never sit in
 * memory as one string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { InvalidParameterException } from '../../errors.js';
import { MAX_GENERATED_INSTANCES, resolveOptions, writeCluster, type GenerateClusterOptions } from '../../sim/cluster-generator.js';
import { atMostPositionals, integerOption, parseCommandArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { seedOption } from '../data.js';
import { startProgress } from '../progress.js';

const USAGE = 'ecs-cluster-sim generate --instances <n> [--seed <n>] [--out <file>] [--region <r>] [--account-id <id>] [--cluster <name>] [--utilization <0..0.9>] [--at <iso>] [--compact] [--indent <n>]';
const FLUSH_BYTES = 1 << 20;
/** Instances between progress updates (the bar redraws at most this often). */
const PROGRESS_EVERY = 500;

export const generate: Command = {
  name: 'generate',
  summary: 'write a seeded cluster dataset (instances, tasks, task definitions, services) as JSON',
  usage: USAGE,
  help: `Usage: ${USAGE}

Generates a realistic cluster as an 'aws ecs describe-container-instances' dump with the
tasks, task definitions and services on it (loadable with --data, or with
EcsSimulator.fromDescribeOutput). The same options give byte-identical output.

Options:
  --instances <n>      container instances, 0 to 1,000,000 (required)
  --seed <n>           seed (default 1)
  --out <file>         where to write (default stdout)
  --region <r>         AWS Region of ARNs and AZs (default us-east-1)
  --account-id <id>    12-digit account id (default 123456789012)
  --cluster <name>     cluster name (default sample)
  --utilization <u>    mean share of memory reserved on ACTIVE instances, 0 to 0.9 (default 0.6)
  --at <time>          when the dump is taken, ISO-8601 (default 2019-06-06T00:00:00.000Z)
  --compact            leave out what placement does not need (Docker API and logging-driver
                       flags, per-container details), as the bundled medium dataset does
  --indent <n>         spaces per JSON level (default 0: compact)
  -h, --help           this text

Examples:
  ecs-cluster-sim generate --instances 100000 --seed 7 --compact --out /tmp/large.json
  ecs-cluster-sim generate --instances 5000 --seed 2019 --utilization 0.5 --compact   # = datasets/medium.json
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('generate', USAGE, argv, {
      instances: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      region: { type: 'string' },
      'account-id': { type: 'string' },
      cluster: { type: 'string' },
      utilization: { type: 'string' },
      indent: { type: 'string' },
      at: { type: 'string' },
      compact: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    atMostPositionals('generate', USAGE, positionals, 0);
    if (values.instances === undefined) throw new UsageError('generate: --instances <n> is required', USAGE);
    const utilization = values.utilization === undefined ? undefined : Number(values.utilization);
    if (utilization !== undefined && !Number.isFinite(utilization)) throw new InvalidParameterException(`--utilization takes a number from 0 to 0.9; got '${values.utilization}'`);
    const options: GenerateClusterOptions = {
      instances: integerOption(values.instances, 'instances', 0, 0, MAX_GENERATED_INSTANCES),
      seed: seedOption(values.seed),
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(values['account-id'] === undefined ? {} : { accountId: values['account-id'] }),
      ...(values.cluster === undefined ? {} : { cluster: values.cluster }),
      ...(utilization === undefined ? {} : { utilization }),
      ...(values.at === undefined ? {} : { at: values.at }),
      ...(values.compact ? { compact: true } : {}),
    };
    const indent = integerOption(values.indent, 'indent', 0, 0, 8);
    try {
      resolveOptions(options);
    } catch (e) {
      if (e instanceof RangeError) throw new InvalidParameterException(e.message);
      throw e;
    }
    const fd = values.out === undefined ? null : openOut(values.out);
    const progress = startProgress('generate');
    let buffer = '';
    const flush = () => {
      if (fd === null) process.stdout.write(buffer);
      else writeSync(fd, buffer);
      buffer = '';
    };
    try {
      writeCluster(options, (chunk) => {
        buffer += chunk;
        if (buffer.length >= FLUSH_BYTES) flush();
      }, indent, (done, total) => {
        // Both passes over the instances, so the bar runs from 0% to 100% once.
        if (done % PROGRESS_EVERY === 0 || done === total) progress.update(done, total, done <= options.instances ? '(pass 1 of 2: instances)' : '(pass 2 of 2: tasks)');
      });
      buffer += '\n';
      flush();
    } finally {
      progress.finish();
      if (fd !== null) closeSync(fd);
    }
    if (values.out !== undefined) process.stderr.write(`ecs-cluster-sim: wrote ${options.instances} instances (seed ${options.seed}) to ${values.out}\n`);
    return 0;
  },
};

function openOut(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (e) {
    throw new InvalidParameterException(`--out: cannot write '${path}': ${(e as Error).message}`);
  }
}

#!/usr/bin/env node
/**
 * ecs-cluster-sim: the command line. One file per subcommand in `commands/`; this file picks the
 * subcommand and turns errors into `<ECS error name>: <message>` on stderr with exit status 2 for
 * bad input (1 for a fault of the simulator itself); outcome.ts has the whole rule.
 */
import { readFileSync } from 'node:fs';
import { EcsError, messageWithMember } from '../errors.js';
import { UsageError } from './args.js';
import { wantsHelp, type Command } from './command.js';
import { benchmark } from './commands/benchmark.js';
import { demo } from './commands/demo.js';
import { describe } from './commands/describe.js';
import { drain } from './commands/drain.js';
import { fail } from './commands/fail.js';
import { generate } from './commands/generate.js';
import { headroom } from './commands/headroom.js';
import { place } from './commands/place.js';
import { planCapacityCommand } from './commands/plan-capacity.js';
import { planConsolidationCommand } from './commands/plan-consolidation.js';
import { query } from './commands/query.js';
import { serve } from './commands/serve.js';
import { sweepMerge } from './commands/sweep-merge.js';
import { sweep } from './commands/sweep.js';
import { whatif } from './commands/whatif.js';
import { EXIT, EXIT_STATUS_HELP } from './outcome.js';

const COMMANDS: readonly Command[] = [query, describe, place, drain, fail, headroom, sweep, sweepMerge, whatif, planCapacityCommand, planConsolidationCommand, benchmark, demo, generate, serve];

const USAGE = 'ecs-cluster-sim <command> [options]   (ecs-cluster-sim <command> --help for its options)';

function programHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: ${USAGE}

Simulates the Amazon ECS container-instance control plane in memory: query a cluster with the
Cluster Query Language, place tasks, and ask what-if questions on forks of it.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command that reads a cluster takes --data <file> (default: the bundled medium dataset),
--seed <n> and --json. Errors go to stderr as '<ECS error name>: <message>'.

${EXIT_STATUS_HELP}
`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(programHelp());
    return EXIT.badInput;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(programHelp());
    return EXIT.complete;
  }
  if (name === '--version') {
    process.stdout.write(`${version()}\n`);
    return EXIT.complete;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const what = name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`;
    throw new UsageError(`${what}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`, USAGE);
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`${command.help}\n${EXIT_STATUS_HELP}\n`);
    return EXIT.complete;
  }
  return command.run(rest);
}

// `ecs-cluster-sim query … | head` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  if (e instanceof EcsError && e.isClientFault) {
    process.stderr.write(`${e.name}: ${messageWithMember(e)}\n`);
    if (e instanceof UsageError) process.stderr.write(`usage: ${e.usage}\n`);
    process.exitCode = EXIT.badInput;
  } else {
    const error = e as Error;
    process.stderr.write(`ServerException: ecs-cluster-sim failed: ${error.name}: ${error.message}\n${process.env['ECS_SIM_DEBUG'] ? `${error.stack}\n` : ''}`);
    process.exitCode = EXIT.fault;
  }
}

/** What a subcommand is: its name, the lines of help that describe it, and how to run it. */
export interface Command {
  readonly name: string;
  /** one line, for the program's own help */
  readonly summary: string;
  /** `ecs-cluster-sim <name> …`, shown with usage errors */
  readonly usage: string;
  /** the whole `--help` text */
  readonly help: string;
  /** Runs with the arguments after the subcommand's name; answers the exit code. */
  run(argv: string[]): number | Promise<number>;
}

/** The options every cluster-reading subcommand documents, for help texts. */
export const DATA_HELP = `  --data <file>    a DescribeContainerInstances JSON response, optionally with tasks, task
                   definitions and services (default: the bundled medium dataset, 5,000 instances)
  --seed <n>       seed of every random choice (default 1); the same seed gives the same answer
  --json           machine-readable output on stdout
  -h, --help       this text`;

/** True when the user asked for help (checked before strict parsing, so help always works). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

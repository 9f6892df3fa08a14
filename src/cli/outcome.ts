/**
 * How every command ends, one rule for all: the exit status, and the warnings that are not
 * errors. `--help` and the README show `EXIT_STATUS_HELP`; main.ts maps errors to 2 and 1.
 */

/** Exit statuses. A command that answered exits 0 even when its answer is "these tasks fit nowhere". */
export const EXIT = {
  /** the command answered in full */
  complete: 0,
  /** a fault of the simulator itself (a bug) */
  fault: 1,
  /** bad input: usage, a bad filter, file or number, an unknown instance */
  badInput: 2,
  /** with --fail-on-short: tasks were left short or stuck */
  shortOrStuck: 3,
} as const;

export const EXIT_STATUS_HELP = `Exit status: 0 when the command answered (tasks that could not be placed are part of the
answer); 3 with --fail-on-short when tasks are left short or stuck (place: tasks not placed;
drain, whatif, demo: service tasks that could not be placed, or standalone tasks left on drained
instances; benchmark: any run left tasks short or stuck); 2 for bad input (usage, a bad filter,
file or number, an unknown instance id); 1 for a fault of the simulator itself. A filter that
selects no instances is not an error: it gets a warning on stderr.`;

/** The option of the commands whose answer can leave tasks short or stuck. */
export const FAIL_ON_SHORT_OPTION = { 'fail-on-short': { type: 'boolean' } } as const;

export const FAIL_ON_SHORT_HELP = '  --fail-on-short  exit with status 3 when tasks are left short or stuck (see Exit status)';

/** The exit status of a command that answered, `shortOrStuck` tasks left short or stuck. */
export function answeredStatus(failOnShort: boolean | undefined, shortOrStuck: number): number {
  return failOnShort === true && shortOrStuck > 0 ? EXIT.shortOrStuck : EXIT.complete;
}

/** A warning on stderr: something the user probably did not mean, that is not an error. */
export function warn(message: string): void {
  process.stderr.write(`ecs-cluster-sim: warning: ${message}\n`);
}

/** The warning for a filter that selects no instances (often a typo in a value). */
export function warnNothingSelected(where: string, filter: string): void {
  warn(`${where}: the filter selects no instances: ${filter}`);
}

/**
 * Command-line arguments: node's `parseArgs` in strict mode, with its errors turned into usage
 * errors (exit code 2) that name the subcommand and show its usage line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidParameterException } from '../errors.js';

/** Bad command-line input: printed as `InvalidParameterException: …` followed by the usage line. */
export class UsageError extends InvalidParameterException {
  constructor(message: string, readonly usage: string) {
    super(message);
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every subcommand that reads a cluster takes. */
export const DATA_OPTIONS = {
  data: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface Parsed<O extends OptionSpec> {
  values: { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string };
  positionals: string[];
}

/** Parses `argv` for `command`, refusing unknown options and options without their value. */
export function parseCommandArgs<O extends OptionSpec>(command: string, usage: string, argv: readonly string[], options: O): Parsed<O> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as Parsed<O>['values'], positionals };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = (e as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`${command}: unknown option '${option}'`, usage);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${command}: ${message.replace(/\.$/, '')}`, usage);
    throw e;
  }
}

/** A whole number from an option's text, within bounds, or the fallback when the option is absent. */
export function integerOption(text: string | undefined, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw new InvalidParameterException(`--${name} takes a whole number; got '${text}'`);
  const n = Number(text);
  if (n < min || n > max) throw new InvalidParameterException(`--${name} must be between ${min} and ${max}; got ${n}`);
  return n;
}

/** Refuses positionals beyond the `max` a subcommand takes. */
export function atMostPositionals(command: string, usage: string, positionals: readonly string[], max: number): void {
  if (positionals.length > max) {
    throw new UsageError(`${command}: unexpected argument '${positionals[max]}' (quote a filter that contains spaces)`, usage);
  }
}

/** Errors while reading a pattern: each names what was wrong and its offset. */

export class PatternError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

export const LINEAR_TIME = 'matching must run in linear time';

export function unsupported(construct: string, what: string, reason: string, index: number): PatternError {
  return new PatternError(
    `unsupported regular expression construct '${construct}' (${what}) at offset ${index}: ${reason}`,
    index,
  );
}

/** Throws `error`; usable where an expression is expected. */
export function fail(error: PatternError): never {
  throw error;
}

export function invalid(description: string, index: number, hint?: string): PatternError {
  return new PatternError(`${description} at offset ${index}${hint ? `: ${hint}` : ''}`, index);
}

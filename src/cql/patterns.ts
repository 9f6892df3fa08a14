/**
 * Compiled `=~` patterns, cached by pattern text: the checker validates a pattern and the
 * compilers then need the same matcher, so each pattern is compiled once.
 */
import { LRUMap } from 'mnemonist';
import { compileJavaRegex, type RegexCompileResult } from '../java-regex/index.js';

const cache = new LRUMap<string, RegexCompileResult>(1024);

export function compilePattern(pattern: string): RegexCompileResult {
  let result = cache.get(pattern);
  if (result === undefined) {
    result = compileJavaRegex(pattern);
    cache.set(pattern, result);
  }
  return result;
}

/** The program size of a pattern already known to be valid: what one character of a test may cost. */
export function patternSize(pattern: string): number {
  const result = compilePattern(pattern);
  if (!result.ok) throw new Error(`pattern was not checked: ${result.message}`);
  return result.size;
}

/** The matcher of a pattern already known to be valid (it passed the checker). */
export function patternMatcher(pattern: string): (value: string) => boolean {
  const result = compilePattern(pattern);
  if (!result.ok) throw new Error(`pattern was not checked: ${result.message}`);
  return result.test;
}

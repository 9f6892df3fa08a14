/**
 * Java regular expressions matched in linear time: a Java pattern is read as `java.util.regex`
 * reads it and re-emitted in RE2 syntax for re2js (see compile.ts for what is translated, what is
 * refused and why). Knows nothing of CQL; CQL's `=~` uses it.
 */
export { compileJavaRegex, translateJavaRegex, type RegexCompileResult, type RegexTranslateResult } from './compile.js';
export { MAX_EXPANDED_SIZE, MAX_GROUP_NESTING, MAX_PROGRAM_SIZE, MAX_REPETITION } from './limits.js';
export { SUPPORTED_SCRIPTS } from './properties.js';

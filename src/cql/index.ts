// The CQL front end's facade: what the rest of the library (and the public API) imports.
export type { AndNode, CompareNode, CompareOp, ExistsNode, Expr, ExprKind, ExprVisitor, Field, InNode, Leaf, NotNode, OrNode, Subject } from './ast.js';
export { FIELDS, subjectText, visit } from './ast.js';
export { OPERATORS_BY_FIELD, MAX_LIST_LENGTH, operatorName, type OperatorName } from './check.js';
export { compile, compileFilter, groupTest, presentValueTest, type CompiledFilter, type TextTest } from './compile.js';
export { evaluate, type EvaluationContext } from './evaluate.js';
export { MAX_EXPRESSION_LENGTH, parseFilter, type ParseOptions } from './parse.js';
export { MAX_DEPTH } from './parser.js';
export { patternSize } from './patterns.js';
export { print, printValue } from './print.js';
export { CqlSyntaxError, type CqlErrorDetails, type CqlErrorKind } from './syntax-error.js';
export { compareVersions, readBoolean, readRegisteredAt, readTaskCount, readVersion, REGISTERED_AT_FORMATS, type TimeInterval } from './values.js';

/**
 * CQL tokens. The lexer has three modes so that values need quoting only where they
 * would be ambiguous:
 * - `default`: subjects, operators, connectives, parentheses;
 * - `value`: entered after a single-value operator (`==`, `>`, `=~`, ...); one value (bare or
 *   quoted) is read and the lexer returns to `default`, so a value may contain `=`, `!`,
 *   `*`, `:`, keywords and subject names without quotes (`attribute:x =~ ^a.*$`);
 * - `list`: entered after `in` / `!in`; reads `[`, values, `,` and returns at `]`.
 * Keywords come before `Identifier` and name it as `longer_alt`, so `instanceType` never lexes
 * as `in` + `stanceType` and `notable` never as `not` + `able`.
 *
 * The lexer never fails: every mode ends with the error token {@link Unexpected}, which takes
 * whatever no other token matches. No grammar rule consumes it, so the parser stops there and
 * `messages.ts` words one message for every problem ("expected … after … but found …"), with the
 * context of the tokens before it, instead of a bare "unexpected character".
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

// ---- categories the parser consumes --------------------------------------------------
export const Subject = createToken({ name: 'Subject', pattern: Lexer.NA });
export const CompareOperator = createToken({ name: 'CompareOperator', pattern: Lexer.NA });
export const ExistsOperator = createToken({ name: 'ExistsOperator', pattern: Lexer.NA });
export const ListOperator = createToken({ name: 'ListOperator', pattern: Lexer.NA });
export const AndOperator = createToken({ name: 'AndOperator', pattern: Lexer.NA });
export const OrOperator = createToken({ name: 'OrOperator', pattern: Lexer.NA });
export const NotOperator = createToken({ name: 'NotOperator', pattern: Lexer.NA });
export const Value = createToken({ name: 'Value', pattern: Lexer.NA });

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** Any other word: never valid, but lexed whole so the error can name it. */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_.:\-]*/ });

function keyword(name: string, word: string, categories: TokenType[], modeChange: 'value' | 'list' | null = null): TokenType {
  return createToken({
    name,
    pattern: word,
    longer_alt: Identifier,
    categories,
    ...(modeChange ? { push_mode: modeChange } : {}),
  });
}

function symbol(name: string, image: string, categories: TokenType[], modeChange: 'value' | 'list' | null = null): TokenType {
  return createToken({
    name,
    pattern: image,
    categories,
    ...(modeChange ? { push_mode: modeChange } : {}),
  });
}

// ---- subjects ---------------------------------------------------------------------------
export const AgentConnected = keyword('AgentConnected', 'agentConnected', [Subject]);
export const AgentVersion = keyword('AgentVersion', 'agentVersion', [Subject]);
export const Ec2InstanceId = keyword('Ec2InstanceId', 'ec2InstanceId', [Subject]);
export const RegisteredAt = keyword('RegisteredAt', 'registeredAt', [Subject]);
export const RunningTasksCount = keyword('RunningTasksCount', 'runningTasksCount', [Subject]);
export const TaskGroup = keyword('TaskGroup', 'task:group', [Subject]);
/**
 * `attribute:` and everything up to a delimiter; the name's characters are checked later so
 * that `attribute:a@b` gets a message about the name rather than about a stray `@`.
 */
export const AttributeSubject = createToken({
  name: 'AttributeSubject',
  pattern: /attribute:[^\s()\[\],'"=!<>~&|]*/,
  start_chars_hint: ['a'.charCodeAt(0)],
  categories: [Subject],
});

// ---- operators ----------------------------------------------------------------------------
// Longest spellings first: the first pattern that matches wins.
export const NotExistsSymbol = createToken({
  name: 'NotExistsSymbol',
  pattern: /!exists(?![A-Za-z0-9_])/,
  start_chars_hint: ['!'.charCodeAt(0)],
  categories: [ExistsOperator],
});
export const NotInSymbol = createToken({
  name: 'NotInSymbol',
  pattern: /!in(?![A-Za-z0-9_])/,
  start_chars_hint: ['!'.charCodeAt(0)],
  categories: [ListOperator],
  push_mode: 'list',
});
export const Equals = symbol('Equals', '==', [CompareOperator], 'value');
export const NotEquals = symbol('NotEquals', '!=', [CompareOperator], 'value');
export const GreaterThanEqual = symbol('GreaterThanEqual', '>=', [CompareOperator], 'value');
export const LessThanEqual = symbol('LessThanEqual', '<=', [CompareOperator], 'value');
export const GreaterThan = symbol('GreaterThan', '>', [CompareOperator], 'value');
export const LessThan = symbol('LessThan', '<', [CompareOperator], 'value');
export const Matches = symbol('Matches', '=~', [CompareOperator], 'value');
export const NotMatches = symbol('NotMatches', '!~', [CompareOperator], 'value');
export const AndSymbol = symbol('AndSymbol', '&&', [AndOperator]);
export const OrSymbol = symbol('OrSymbol', '||', [OrOperator]);
export const NotSymbol = symbol('NotSymbol', '!', [NotOperator]);
export const LParen = symbol('LParen', '(', []);
export const RParen = symbol('RParen', ')', []);

export const GreaterThanEqualWord = keyword('GreaterThanEqualWord', 'greater_than_equal', [CompareOperator], 'value');
export const GreaterThanWord = keyword('GreaterThanWord', 'greater_than', [CompareOperator], 'value');
export const LessThanEqualWord = keyword('LessThanEqualWord', 'less_than_equal', [CompareOperator], 'value');
export const LessThanWord = keyword('LessThanWord', 'less_than', [CompareOperator], 'value');
export const NotEqualsWord = keyword('NotEqualsWord', 'not_equals', [CompareOperator], 'value');
export const EqualsWord = keyword('EqualsWord', 'equals', [CompareOperator], 'value');
export const NotMatchesWord = keyword('NotMatchesWord', 'not_matches', [CompareOperator], 'value');
export const MatchesWord = keyword('MatchesWord', 'matches', [CompareOperator], 'value');
export const NotExistsWord = keyword('NotExistsWord', 'not_exists', [ExistsOperator]);
export const ExistsWord = keyword('ExistsWord', 'exists', [ExistsOperator]);
export const NotInWord = keyword('NotInWord', 'not_in', [ListOperator], 'list');
export const InWord = keyword('InWord', 'in', [ListOperator], 'list');
export const AndWord = keyword('AndWord', 'and', [AndOperator]);
export const OrWord = keyword('OrWord', 'or', [OrOperator]);
export const NotWord = keyword('NotWord', 'not', [NotOperator]);

// ---- values -------------------------------------------------------------------------------
/**
 * Every UTF-16 code unit, as the `start_chars_hint` of patterns that may start with almost any
 * character (a bare value may start with 'ü' or '∧'). Chevrotain uses a hint only to pick the
 * candidate patterns for a first character; the pattern itself still decides, and the tokens
 * before it in the mode (white space, quotes, delimiters) have taken their characters already.
 */
const ANY_CHAR: number[] = Array.from({ length: 0x10000 }, (_, c) => c);

/**
 * A bare value: no white space, quotes, parentheses or commas, and no `&&` / `||` (so
 * `a==b&&c==d` still splits). After a single-value operator, brackets may appear after the
 * first character (`us-east-1[ab]` is a pattern, `[a, b]` a misplaced list); inside a list they
 * delimit. Anything else must be quoted.
 */
export const BARE_VALUE = /(?:[^\s'"()\[\],&|]|&(?!&)|\|(?!\|))(?:[^\s'"(),&|]|&(?!&)|\|(?!\|))*/;
export const BARE_LIST_ITEM = /(?:[^\s'"()\[\],&|]|&(?!&)|\|(?!\|))+/;
const QUOTED_VALUE = /'(?:[^'\\]|\\[\s\S])*'|"(?:[^"\\]|\\[\s\S])*"/;

export const BareValue = createToken({ name: 'BareValue', pattern: BARE_VALUE, categories: [Value], pop_mode: true, line_breaks: false, start_chars_hint: ANY_CHAR });
export const QuotedValue = createToken({ name: 'QuotedValue', pattern: QUOTED_VALUE, categories: [Value], pop_mode: true, line_breaks: true, start_chars_hint: ["'".charCodeAt(0), '"'.charCodeAt(0)] });
export const ListBareValue = createToken({ name: 'ListBareValue', pattern: BARE_LIST_ITEM, categories: [Value], line_breaks: false, start_chars_hint: ANY_CHAR });
export const ListQuotedValue = createToken({ name: 'ListQuotedValue', pattern: QUOTED_VALUE, categories: [Value], line_breaks: true, start_chars_hint: ["'".charCodeAt(0), '"'.charCodeAt(0)] });
export const LBracket = symbol('LBracket', '[', []);
export const Comma = symbol('Comma', ',', []);
export const RBracket = createToken({ name: 'RBracket', pattern: ']', pop_mode: true });

/**
 * Characters that cannot start a value in `value` mode. Lexed as one token (and the mode
 * left) so the parser can say "expected a value after '==' but found ')'".
 */
export const NotAValue = createToken({ name: 'NotAValue', pattern: /&&|\|\||['"()\[\],]/, pop_mode: true });
/** The same inside a list (a stray `(` or an unterminated quote). */
export const NotAListItem = createToken({ name: 'NotAListItem', pattern: /&&|\|\||['"()]/ });

/**
 * The error token: whatever no other token of the mode matches, so the lexer never reports an
 * error and the parser words every message (`messages.ts`). Never consumed by a grammar rule.
 * Tried last, it takes, in this order:
 * - a whole quoted value (`'x' == y`: a quoted value where a subject belongs);
 * - a run of the characters operators are spelled with (`=`, `=>`, `=!`, `&`, `|`, `~`), so a
 *   near miss is shown whole and can be answered with "did you mean '>='?";
 * - a run of other characters up to a delimiter (`22:28:28`, `1`, `#x`), shown whole;
 * - any single other character: `[`, `]`, `,`, an unterminated quote, an invisible character or
 *   white space other than space, tab, carriage return and line feed (U+00A0, U+2028, …).
 * In `value` and `list` mode only the last case can arise (every other character starts a value
 * or a `NotAValue` / `NotAListItem` token).
 */
export const Unexpected = createToken({
  name: 'Unexpected',
  // quoted value | operator characters | other characters up to a delimiter | one character.
  // The third class also leaves out invisible characters (controls, soft hyphen, zero-width and
  // direction marks, byte order mark), so a message can name each one by its code point.
  pattern:
    /'(?:[^'\\]|\\[\s\S])*'|"(?:[^"\\]|\\[\s\S])*"|[=!<>~&|]+|[^\s()\[\],'"=!<>~&|\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]+|[\s\S]/,
  line_breaks: true,
  start_chars_hint: ANY_CHAR,
});

export const defaultModeTokens: TokenType[] = [
  WhiteSpace,
  NotExistsSymbol, NotInSymbol,
  Equals, NotEquals, GreaterThanEqual, LessThanEqual, GreaterThan, LessThan, Matches, NotMatches,
  AndSymbol, OrSymbol, NotSymbol, LParen, RParen,
  AttributeSubject, AgentConnected, AgentVersion, Ec2InstanceId, RegisteredAt, RunningTasksCount, TaskGroup,
  GreaterThanEqualWord, GreaterThanWord, LessThanEqualWord, LessThanWord,
  NotEqualsWord, EqualsWord, NotMatchesWord, MatchesWord, NotExistsWord, ExistsWord,
  NotInWord, InWord, AndWord, OrWord, NotWord,
  Identifier,
  Unexpected,
];

export const lexerDefinition = {
  modes: {
    default: defaultModeTokens,
    value: [WhiteSpace, QuotedValue, NotAValue, BareValue, Unexpected],
    list: [WhiteSpace, LBracket, RBracket, Comma, ListQuotedValue, NotAListItem, ListBareValue, Unexpected],
  },
  defaultMode: 'default',
};

/** Every token type, categories included: what the parser is built over. */
export const allTokens: TokenType[] = [
  Subject, CompareOperator, ExistsOperator, ListOperator, AndOperator, OrOperator, NotOperator, Value,
  ...defaultModeTokens,
  QuotedValue, NotAValue, BareValue, LBracket, RBracket, Comma, ListQuotedValue, NotAListItem, ListBareValue,
];

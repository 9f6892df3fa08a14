/** Character properties (`\p{...}`): POSIX, Java, Unicode categories and scripts, as RE2 class text. */
import { ALL_TERMINATORS, C0_TERMINATORS, CR_LF } from './code-points.js';

/** A property as RE2 class-body text; `neg` is its complement as one class item, when RE2 has one. */
export interface Property {
  readonly pos: string;
  readonly neg: string | null;
  /** The TERMINATORS bits of `pos`. */
  readonly terminators: number;
  /** Java changes its meaning under CASE_INSENSITIVE (differently across versions). */
  readonly caseSensitive: boolean;
}

export const GENERAL_CATEGORIES = [
  'Cn', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Me', 'Mc', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf',
  'Co', 'Cs', 'Pd', 'Ps', 'Pe', 'Pc', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Pi', 'Pf', 'L', 'M', 'N', 'Z',
  'C', 'P', 'S',
] as const;

/** General categories holding line terminators: \n, \r and \u0085 are Cc, \u2028 Zl, \u2029 Zp. */
export const CATEGORY_TERMINATORS: Readonly<Record<string, number>> = {
  Cc: C0_TERMINATORS,
  C: C0_TERMINATORS,
  Zl: 0b01000,
  Zp: 0b10000,
  Z: 0b11000,
};

/** Java's `CharPredicates.forProperty` names (case-sensitive), minus the java* ones. */
export const PROPERTIES: ReadonlyMap<string, Property> = new Map<string, Property>([
  ...GENERAL_CATEGORIES.map((name): [string, Property] => [
    name,
    {
      pos: `\\p{${name}}`,
      neg: `\\P{${name}}`,
      terminators: CATEGORY_TERMINATORS[name] ?? 0,
      caseSensitive: name === 'Lu' || name === 'Ll' || name === 'Lt',
    },
  ]),
  ['LC', { pos: '\\p{Lu}\\p{Ll}\\p{Lt}', neg: null, terminators: 0, caseSensitive: false }],
  ['LD', { pos: '\\p{L}\\p{Nd}', neg: null, terminators: 0, caseSensitive: false }],
  ['L1', { pos: '\\x{0}-\\x{FF}', neg: null, terminators: C0_TERMINATORS, caseSensitive: false }],
  ['all', { pos: '\\x{0}-\\x{10FFFF}', neg: null, terminators: ALL_TERMINATORS, caseSensitive: false }],
  // Java's POSIX classes are ASCII-only, exactly like RE2's [:name:] classes.
  ...(
    [
      ['ASCII', 'ascii'],
      ['Alnum', 'alnum'],
      ['Alpha', 'alpha'],
      ['Blank', 'blank'],
      ['Cntrl', 'cntrl'],
      ['Digit', 'digit'],
      ['Graph', 'graph'],
      ['Lower', 'lower'],
      ['Print', 'print'],
      ['Punct', 'punct'],
      ['Space', 'space'],
      ['Upper', 'upper'],
      ['XDigit', 'xdigit'],
    ] as const
  ).map(([java, posix]): [string, Property] => [
    java,
    {
      pos: `[:${posix}:]`,
      neg: `[:^${posix}:]`,
      terminators: posix === 'ascii' || posix === 'cntrl' || posix === 'space' ? CR_LF : 0,
      caseSensitive: java === 'Lower' || java === 'Upper',
    },
  ]),
]);

export const JAVA_PROPERTIES: ReadonlySet<string> = new Set([
  'javaLowerCase', 'javaUpperCase', 'javaAlphabetic', 'javaIdeographic', 'javaTitleCase', 'javaDigit',
  'javaDefined', 'javaLetter', 'javaLetterOrDigit', 'javaJavaIdentifierStart', 'javaJavaIdentifierPart',
  'javaUnicodeIdentifierStart', 'javaUnicodeIdentifierPart', 'javaIdentifierIgnorable', 'javaSpaceChar',
  'javaWhitespace', 'javaISOControl', 'javaMirrored',
]);

/**
 * Names (upper-cased) that `\p{IsName}` resolves to a Unicode binary property or a Unicode-aware
 * POSIX class in current JDKs (`CharPredicates.forUnicodeProperty`); older JDKs read some of them
 * as ASCII classes, and RE2 has none of them.
 */
export const UNICODE_BINARY_PROPERTIES: ReadonlySet<string> = new Set([
  'ALPHABETIC', 'ASSIGNED', 'CONTROL', 'HEXDIGIT', 'HEX_DIGIT', 'IDEOGRAPHIC', 'JOINCONTROL', 'JOIN_CONTROL',
  'LETTER', 'LOWERCASE', 'NONCHARACTERCODEPOINT', 'NONCHARACTER_CODE_POINT', 'TITLECASE', 'PUNCTUATION',
  'UPPERCASE', 'WHITESPACE', 'WHITE_SPACE', 'WORD', 'EMOJI', 'EMOJI_PRESENTATION', 'EMOJI_MODIFIER',
  'EMOJI_MODIFIER_BASE', 'EMOJI_COMPONENT', 'EXTENDED_PICTOGRAPHIC', 'ALPHA', 'LOWER', 'UPPER', 'SPACE',
  'PUNCT', 'XDIGIT', 'ALNUM', 'CNTRL', 'DIGIT', 'BLANK', 'GRAPH', 'PRINT',
]);

/** Unicode scripts known to re2js, by RE2 name; Java names them case-insensitively (enum constant names). */
export const SCRIPT_NAMES = [
  'Adlam', 'Ahom', 'Anatolian_Hieroglyphs', 'Arabic', 'Armenian', 'Avestan', 'Balinese', 'Bamum',
  'Bassa_Vah', 'Batak', 'Bengali', 'Beria_Erfe', 'Bhaiksuki', 'Bopomofo', 'Brahmi', 'Braille', 'Buginese',
  'Buhid', 'Canadian_Aboriginal', 'Carian', 'Caucasian_Albanian', 'Chakma', 'Cham', 'Cherokee',
  'Chorasmian', 'Common', 'Coptic', 'Cuneiform', 'Cypriot', 'Cypro_Minoan', 'Cyrillic', 'Deseret',
  'Devanagari', 'Dives_Akuru', 'Dogra', 'Duployan', 'Egyptian_Hieroglyphs', 'Elbasan', 'Elymaic',
  'Ethiopic', 'Garay', 'Georgian', 'Glagolitic', 'Gothic', 'Grantha', 'Greek', 'Gujarati', 'Gunjala_Gondi',
  'Gurmukhi', 'Gurung_Khema', 'Han', 'Hangul', 'Hanifi_Rohingya', 'Hanunoo', 'Hatran', 'Hebrew', 'Hiragana',
  'Imperial_Aramaic', 'Inherited', 'Inscriptional_Pahlavi', 'Inscriptional_Parthian', 'Javanese', 'Kaithi',
  'Kannada', 'Katakana', 'Kawi', 'Kayah_Li', 'Kharoshthi', 'Khitan_Small_Script', 'Khmer', 'Khojki',
  'Khudawadi', 'Kirat_Rai', 'Lao', 'Latin', 'Lepcha', 'Limbu', 'Linear_A', 'Linear_B', 'Lisu', 'Lycian',
  'Lydian', 'Mahajani', 'Makasar', 'Malayalam', 'Mandaic', 'Manichaean', 'Marchen', 'Masaram_Gondi',
  'Medefaidrin', 'Meetei_Mayek', 'Mende_Kikakui', 'Meroitic_Cursive', 'Meroitic_Hieroglyphs', 'Miao', 'Modi',
  'Mongolian', 'Mro', 'Multani', 'Myanmar', 'Nabataean', 'Nag_Mundari', 'Nandinagari', 'New_Tai_Lue', 'Newa',
  'Nko', 'Nushu', 'Nyiakeng_Puachue_Hmong', 'Ogham', 'Ol_Chiki', 'Ol_Onal', 'Old_Hungarian', 'Old_Italic',
  'Old_North_Arabian', 'Old_Permic', 'Old_Persian', 'Old_Sogdian', 'Old_South_Arabian', 'Old_Turkic',
  'Old_Uyghur', 'Oriya', 'Osage', 'Osmanya', 'Pahawh_Hmong', 'Palmyrene', 'Pau_Cin_Hau', 'Phags_Pa',
  'Phoenician', 'Psalter_Pahlavi', 'Rejang', 'Runic', 'Samaritan', 'Saurashtra', 'Sharada', 'Shavian',
  'Siddham', 'Sidetic', 'SignWriting', 'Sinhala', 'Sogdian', 'Sora_Sompeng', 'Soyombo', 'Sundanese',
  'Sunuwar', 'Syloti_Nagri', 'Syriac', 'Tagalog', 'Tagbanwa', 'Tai_Le', 'Tai_Tham', 'Tai_Viet', 'Tai_Yo',
  'Takri', 'Tamil', 'Tangsa', 'Tangut', 'Telugu', 'Thaana', 'Thai', 'Tibetan', 'Tifinagh', 'Tirhuta',
  'Todhri', 'Tolong_Siki', 'Toto', 'Tulu_Tigalari', 'Ugaritic', 'Vai', 'Vithkuqi', 'Wancho', 'Warang_Citi',
  'Yezidi', 'Yi', 'Zanabazar_Square',
] as const;

/** Exposed for tests: every script this module maps must be known to re2js. */
export const SUPPORTED_SCRIPTS: readonly string[] = SCRIPT_NAMES;

export const SCRIPTS: ReadonlyMap<string, string> = new Map(SCRIPT_NAMES.map((name) => [name.toUpperCase(), name]));

export function scriptProperty(name: string): Property | undefined {
  const re2 = SCRIPTS.get(name.toUpperCase());
  if (re2 === undefined) return undefined;
  // All of Java's line terminators belong to the Common script.
  const terminators = re2 === 'Common' ? ALL_TERMINATORS : 0;
  return { pos: `\\p{${re2}}`, neg: `\\P{${re2}}`, terminators, caseSensitive: false };
}

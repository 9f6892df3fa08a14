/** The syntax tree, already in RE2 terms at the leaves. */

export type Node = EmptyNode | CharNode | AssertNode | ConcatNode | AltNode | GroupNode | RepeatNode;

// `terminator`: whether the node can match a Java line terminator (needed to place `$` safely).
// `nullable`: whether it can match the empty string; `asserts`: whether it holds a zero-width
// assertion (both needed to spot Java's early exit from repeated empty iterations).
export interface Facts {
  readonly terminator: boolean;
  readonly nullable: boolean;
  readonly asserts: boolean;
}
export interface EmptyNode extends Facts {
  readonly kind: 'empty';
}
/** Matches exactly one character; `re` is a single RE2 atom (literal, class, `(?s:.)`). */
export interface CharNode extends Facts {
  readonly kind: 'char';
  readonly re: string;
  readonly pos: number;
}
/** A zero-width assertion; `re` is a single RE2 atom. */
export interface AssertNode extends Facts {
  readonly kind: 'assert';
  readonly re: string;
  readonly pos: number;
  readonly dollar: boolean;
}
export interface ConcatNode extends Facts {
  readonly kind: 'concat';
  readonly items: readonly Node[];
}
export interface AltNode extends Facts {
  readonly kind: 'alt';
  readonly alts: readonly Node[];
}
export interface GroupNode extends Facts {
  readonly kind: 'group';
  readonly body: Node;
  readonly pos: number;
}
export interface RepeatNode extends Facts {
  readonly kind: 'repeat';
  readonly sub: CharNode | AssertNode | GroupNode;
  readonly min: number;
  readonly max: number; // -1: unbounded
  readonly counted: boolean; // written as {n}, {n,} or {n,m}
  readonly op: string; // RE2 spelling of the quantifier
  readonly text: string; // the quantifier as written
  readonly pos: number;
}

export const EMPTY: EmptyNode = { kind: 'empty', terminator: false, nullable: true, asserts: false };

/** `terminators`: which of Java's line terminators the character can match (TERMINATOR bits). */
export const charNode = (re: string, pos: number, terminators: number): CharNode => ({
  kind: 'char',
  terminator: terminators !== 0,
  nullable: false,
  asserts: false,
  re,
  pos,
});
export const assertNode = (re: string, pos: number, dollar = false): AssertNode => ({
  kind: 'assert',
  terminator: false,
  nullable: true,
  asserts: true,
  re,
  pos,
  dollar,
});

export function concatNode(items: Node[]): Node {
  const kept = items.filter((item) => item.kind !== 'empty');
  if (kept.length === 0) return EMPTY;
  if (kept.length === 1) return kept[0]!;
  return {
    kind: 'concat',
    terminator: kept.some((item) => item.terminator),
    nullable: kept.every((item) => item.nullable),
    asserts: kept.some((item) => item.asserts),
    items: kept,
  };
}

export function altNode(alts: Node[]): Node {
  if (alts.length === 1) return alts[0]!;
  return {
    kind: 'alt',
    terminator: alts.some((alt) => alt.terminator),
    nullable: alts.some((alt) => alt.nullable),
    asserts: alts.some((alt) => alt.asserts),
    alts,
  };
}

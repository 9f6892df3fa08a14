/** Emitting RE2 syntax from the tree, with a map from output offsets back to the user's pattern. */
import { isAsciiAlnum, isLower, isUpper } from './code-points.js';
import { AltNode, Node } from './tree.js';

/** A code point as an RE2 literal, valid both inside and outside a class. */
export function re2Literal(c: number): string {
  if (isAsciiAlnum(c)) return String.fromCharCode(c);
  if (c >= 0x21 && c <= 0x7e) return `\\${String.fromCharCode(c)}`;
  return `\\x{${c.toString(16).toUpperCase()}}`;
}

/** Java's ASCII-only case-insensitivity: the other case of an ASCII letter, or null. */
export function otherCase(c: number): number | null {
  if (isUpper(c)) return c + 0x20;
  if (isLower(c)) return c - 0x20;
  return null;
}

export function literalRe(c: number, caseInsensitive: boolean): string {
  const other = caseInsensitive ? otherCase(c) : null;
  if (other === null) return re2Literal(c);
  return `[${re2Literal(Math.min(c, other))}${re2Literal(Math.max(c, other))}]`;
}

export class Emitter {
  private readonly parts: string[] = [];
  private length = 0;
  readonly map: SourceMapEntry[] = [];

  source(): string {
    return this.parts.join('');
  }

  private push(text: string, src?: number): void {
    if (src !== undefined) this.map.push({ out: this.length, src });
    this.parts.push(text);
    this.length += text.length;
  }

  private emitAlternatives(node: AltNode): void {
    node.alts.forEach((alt, k) => {
      if (k > 0) this.push('|');
      this.emit(alt);
    });
  }

  emit(node: Node): void {
    switch (node.kind) {
      case 'empty':
        return;
      case 'char':
      case 'assert':
        this.push(node.re, node.pos);
        return;
      case 'concat':
        for (const item of node.items) this.emit(item);
        return;
      case 'alt':
        this.push('(?:');
        this.emitAlternatives(node);
        this.push(')');
        return;
      case 'group':
        this.push('(?:', node.pos);
        if (node.body.kind === 'alt') this.emitAlternatives(node.body);
        else this.emit(node.body);
        this.push(')');
        return;
      case 'repeat':
        this.emit(node.sub);
        this.push(node.op, node.pos);
        return;
    }
  }
}


/** Where an offset of the emitted RE2 source came from in the user's pattern. */
export interface SourceMapEntry {
  readonly out: number; // offset in the RE2 source
  readonly src: number; // offset in the user's pattern
}

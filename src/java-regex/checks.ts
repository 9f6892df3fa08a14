/** Checks on the whole tree: counted repetitions in total, the expanded size, where `$` may stand. */
import { MAX_EXPANDED_SIZE, MAX_REPETITION } from './limits.js';
import { unsupported } from './errors.js';
import { Node, RepeatNode } from './tree.js';

/**
 * RE2 refuses counted repetitions whose counts, multiplied along any nesting path, exceed 1000
 * (Go's `repeatIsValid`). Checked here to name the repetition in the message.
 */
export function checkRepetitionTotals(node: Node, budget: number, outer: RepeatNode | null): void {
  switch (node.kind) {
    case 'concat':
      for (const item of node.items) checkRepetitionTotals(item, budget, outer);
      return;
    case 'alt':
      for (const alt of node.alts) checkRepetitionTotals(alt, budget, outer);
      return;
    case 'group':
      checkRepetitionTotals(node.body, budget, outer);
      return;
    case 'repeat': {
      if (!node.counted) {
        checkRepetitionTotals(node.sub, budget, outer);
        return;
      }
      if (node.max === 0) return;
      const count = node.max === -1 ? node.min : node.max;
      if (count > budget) {
        if (outer === null || count > MAX_REPETITION) {
          throw unsupported(
            node.text,
            `repetition count above ${MAX_REPETITION}`,
            `the linear-time engine supports counts up to ${MAX_REPETITION}`,
            node.pos,
          );
        }
        throw unsupported(
          outer.text,
          `nested counted repetitions above ${MAX_REPETITION} in total`,
          `counted repetitions nested inside one another may repeat at most ${MAX_REPETITION} times in total`,
          outer.pos,
        );
      }
      checkRepetitionTotals(node.sub, count > 0 ? Math.floor(budget / count) : budget, outer ?? node);
      return;
    }
    default:
      return;
  }
}

/**
 * The number of single-character and assertion elements the RE2 program will hold once counted
 * repetitions are expanded. A counted repetition whose expansion alone exceeds the limit is
 * reported at its own offset.
 */
export function expandedSize(node: Node): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'char':
    case 'assert':
      return 1;
    case 'concat':
      return node.items.reduce((sum, item) => sum + expandedSize(item), 0);
    case 'alt':
      return node.alts.reduce((sum, alt) => sum + expandedSize(alt), 0);
    case 'group':
      return expandedSize(node.body);
    case 'repeat': {
      const sub = expandedSize(node.sub);
      if (!node.counted) return sub;
      const copies = node.max === -1 ? node.min + 1 : node.max;
      const size = sub * copies;
      if (size > MAX_EXPANDED_SIZE) {
        throw unsupported(
          node.text,
          `repetition expanding to more than ${MAX_EXPANDED_SIZE} elements`,
          'use a smaller count or repeat a shorter sub-pattern',
          node.pos,
        );
      }
      return size;
    }
  }
}

/**
 * Java's `$` (without MULTILINE) matches at the end of the input and also just before a line
 * terminator that ends the input; RE2 has no such assertion. Under whole-value matching `$` can
 * only differ from `\z` when what may follow it matches that final line terminator, so `$` is
 * translated to `\z` unless something after it (or, inside a repetition, the repeated part itself)
 * can match a line terminator, and rejected then.
 */
export function checkDollars(node: Node, followed: boolean): void {
  switch (node.kind) {
    case 'assert':
      if (node.dollar && followed) {
        throw unsupported(
          '$',
          'end-of-input anchor followed by pattern that can match a line terminator',
          "Java's '$' also matches just before a line terminator that ends the value, which the linear-time engine cannot express; use '\\z' for the very end of the value",
          node.pos,
        );
      }
      return;
    case 'concat': {
      let after = followed;
      for (let k = node.items.length - 1; k >= 0; k--) {
        const item = node.items[k]!;
        checkDollars(item, after);
        after = after || item.terminator;
      }
      return;
    }
    case 'alt':
      for (const alt of node.alts) checkDollars(alt, followed);
      return;
    case 'group':
      checkDollars(node.body, followed);
      return;
    case 'repeat': {
      const repeats = node.max === -1 || node.max > 1;
      checkDollars(node.sub, followed || (repeats && node.sub.terminator));
      return;
    }
    default:
      return;
  }
}

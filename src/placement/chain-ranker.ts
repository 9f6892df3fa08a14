/**
 * The ranker of a chain with strategy plug-ins. A plug-in's score may depend on anything, so
 * nothing about it can be kept incrementally: the built-in strategies before the first plug-in
 * rank in the tree (rank-tree.ts), and on each pick their best candidates go through the rest of
 * the chain one strategy at a time — built-ins read their levels, plug-ins score the candidates
 * left — keeping the lowest scores. What is left is listed in the canonical order (the chain's
 * spread attributes by value rank, then slot), as the naive placer lists it.
 *
 * Cost per pick: the tree's best set, enumerated, times the rest of the chain; a plug-in first in
 * the chain scores every feasible instance on every pick (bench/placement.ts measures it).
 */
import { pluginScores } from './plugins/calls.js';
import type { PlacementView } from './plugins/types.js';
import type { BestSet, Ranker } from './ranking.js';
import type { PluginStrategy } from './strategies/index.js';
import type { Level, ValueLevel } from './strategies/level.js';

/** One step after the tree: a built-in level, or a plug-in. */
export type ChainStep = { readonly level: Level } | { readonly plugin: PluginStrategy };

/** The best candidates of the last pick, as a list. */
class ListBest implements BestSet {
  list = new Int32Array(64);
  size = 0;

  kth(k: number): number {
    return this.list[k]!;
  }

  copyTo(out: Int32Array): void {
    out.set(this.list.subarray(0, this.size));
  }
}

export class ChainRanker implements Ranker {
  private readonly best_ = new ListBest();
  private scores = new Float64Array(64);

  /**
   * `tree`: ranks the levels before the first plug-in; `rest`: the steps after it, in order;
   * `order`: the chain's per-value levels in chain order (the canonical order's keys).
   */
  constructor(
    private readonly tree: Ranker,
    private readonly rest: readonly ChainStep[],
    private readonly order: readonly ValueLevel[],
    private readonly view: PlacementView,
  ) {}

  get size(): number {
    return this.tree.size;
  }

  add(slot: number): void {
    this.tree.add(slot);
  }

  remove(slot: number): void {
    this.tree.remove(slot);
  }

  touch(slot: number): void {
    this.tree.touch(slot);
  }

  best(): BestSet {
    const best = this.tree.best();
    let n = best.size;
    const out = this.best_;
    if (out.list.length < n) {
      out.list = new Int32Array(n * 2);
      this.scores = new Float64Array(n * 2);
    }
    best.copyTo(out.list);
    for (const step of this.rest) {
      if (n <= 1) break;
      n = 'level' in step ? this.keepBestOfLevel(step.level, n) : this.keepBestOfPlugin(step.plugin, n);
    }
    out.size = n;
    this.sortCanonical(n);
    return out;
  }

  private get candidates(): Int32Array {
    return this.best_.list;
  }

  private keepBestOfLevel(level: Level, n: number): number {
    const scores = this.scores;
    const c = this.candidates;
    if (level.kind === 'slot') for (let i = 0; i < n; i++) scores[i] = level.score(c[i]!);
    else for (let i = 0; i < n; i++) scores[i] = level.counts[level.code(c[i]!)]!;
    return this.keepLowest(n);
  }

  private keepBestOfPlugin(step: PluginStrategy, n: number): number {
    pluginScores(step, this.candidates.slice(0, n), this.view, this.scores);
    return this.keepLowest(n);
  }

  /** Keeps, in place and in order, the candidates whose score is the lowest; returns how many. */
  private keepLowest(n: number): number {
    const scores = this.scores;
    const c = this.candidates;
    let min = Infinity;
    for (let i = 0; i < n; i++) if (scores[i]! < min) min = scores[i]!;
    let m = 0;
    for (let i = 0; i < n; i++) if (scores[i] === min) c[m++] = c[i]!;
    return m;
  }

  /** By the value ranks of the chain's per-value levels (chain order), then slot. */
  private sortCanonical(n: number): void {
    const order = this.order;
    const view = this.candidates.subarray(0, n);
    if (order.length === 0) {
      view.sort();
      return;
    }
    const sorted = Array.from(view).sort((a, b) => {
      for (let j = 0; j < order.length; j++) {
        const level = order[j]!;
        const d = level.rank[level.code(a)]! - level.rank[level.code(b)]!;
        if (d !== 0) return d;
      }
      return a - b;
    });
    view.set(sorted);
  }
}

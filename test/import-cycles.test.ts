// No import cycles anywhere in src/, not even through types: the layers import downward only
// (cli, protocol → ecs → sim → placement → resources → store → cql). The same reading of imports
// as /work/shared/hooks/import-cycles.py: every relative `import` / `export ... from`, value or
// type, resolved to a file of src/; cycles are the strongly connected components of more than one
// file (Tarjan).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;

/** Cycles that are known and being removed elsewhere; each must match a cycle found exactly. */
const ALLOWED: readonly (readonly string[])[] = [];

/** Files (relative to the root, `/`-separated) → the files they import. */
function importGraph(sources: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const resolve = (from: string, spec: string): string | undefined => {
    const p = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    return [p, p.replace(/\.js$/, '.ts'), `${p}.ts`, `${p}/index.ts`].find((c) => sources.has(c));
  };
  const graph = new Map<string, Set<string>>();
  for (const [file, text] of sources) {
    const targets = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(file, m[1]!);
      if (target !== undefined) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components of more than one file, each sorted, in a stable order. */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function sourcesUnder(dir: string, root = dir, out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) sourcesUnder(full, root, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

describe('imports', () => {
  it('form no cycle anywhere in src/, types included', () => {
    const found = cycles(importGraph(sourcesUnder(SRC)));
    const allowed = (c: readonly string[]) => ALLOWED.some((a) => a.length === c.length && a.every((f, i) => f === c[i]));
    expect(found.filter((c) => !allowed(c))).toEqual([]);
  });

  it('are read as the cycle check needs: value and type imports, re-exports, index files', () => {
    const sources = new Map([
      ['a.ts', "import { b } from './b.js';\nexport const a = b;"],
      ['b.ts', "import type { C } from './c/index.js';\nexport const b = 1 as unknown as C;"],
      ['c/index.ts', "export { a } from '../a.js';\nexport type C = number;"],
      ['d.ts', "import { a } from './a.js';\nimport fs from 'node:fs';"],
    ]);
    expect(cycles(importGraph(sources))).toEqual([['a.ts', 'b.ts', 'c/index.ts']]);
    expect(cycles(importGraph(new Map([...sources, ['c/index.ts', 'export type C = number;']])))).toEqual([]);
  });
});

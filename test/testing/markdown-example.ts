// Runs a TypeScript example from a Markdown file as it is written there, so documented
// examples cannot drift from the API: its imports are resolved to this repository's modules.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** The first ```ts block after `heading` in `file` (a URL). */
export function exampleAfter(file: URL, heading: string): string {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(heading);
  if (at < 0) throw new Error(`${file.pathname}: no heading ${JSON.stringify(heading)}`);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  if (block === null) throw new Error(`${file.pathname}: no ts block after ${JSON.stringify(heading)}`);
  return block[1]!;
}

/**
 * Runs `code`: each `import` is served from `modules` (specifier → module namespace); names
 * not imported come from `globals`. The code is transpiled (types erased), not type-checked.
 */
export function runExample(code: string, modules: Readonly<Record<string, Record<string, unknown>>>, globals: Readonly<Record<string, unknown>> = {}): void {
  const bindings = new Map<string, unknown>(Object.entries(globals));
  const body = code.replace(/^import\s+(.*?)\s+from\s+'([^']+)';\n/gms, (_, clause: string, specifier: string) => {
    const module = modules[specifier];
    if (module === undefined) throw new Error(`the example imports ${specifier}, which runExample was not given`);
    const named = /\{([^}]*)\}/.exec(clause);
    const defaultName = clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim();
    if (defaultName !== '') bindings.set(defaultName, module['default'] ?? module);
    for (const part of named?.[1]!.split(',') ?? []) {
      const name = part.trim();
      if (name === '' || name.startsWith('type ')) continue;
      if (!(name in module)) throw new Error(`the example imports ${name} from ${specifier}, which does not export it`);
      bindings.set(name, module[name]);
    }
    return '';
  });
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the example is this repository's own text
  new Function(...bindings.keys(), js)(...bindings.values());
}

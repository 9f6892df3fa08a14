// `--strategy` flags: the built-in forms, plug-ins by name, and plug-ins loaded from a module path
// (the user's own module, imported; its plug-in registered under its own name).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strategyFlag, strategyFlags } from '../../src/cli/placement-flags.js';
import { PluginRegistry } from '../../src/placement/plugins/registry.js';

function moduleFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h-placement-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('--strategy', () => {
  it('reads the built-in forms and refuses others, naming the flag', () => {
    expect(strategyFlag('binpack:memory', 0)).toEqual({ type: 'binpack', field: 'memory' });
    expect(strategyFlag('spread:attribute:ecs.availability-zone', 1)).toEqual({ type: 'spread', field: 'attribute:ecs.availability-zone' });
    expect(strategyFlag('random', 0)).toEqual({ type: 'random' });
    expect(strategyFlag('plugin:my-binpack', 0)).toEqual({ type: 'plugin:my-binpack' });
    expect(() => strategyFlag('binpack:disk', 0)).toThrow("--strategy 1 ('binpack:disk'): binpack takes cpu or memory, as in binpack:memory");
    expect(() => strategyFlag('spread:az', 2)).toThrow(`--strategy 3 ('spread:az'): spread takes the field instanceId, host or attribute:<name>; got "az"`);
    expect(() => strategyFlag('pack', 0)).toThrow("--strategy 1 ('pack'): the strategy types are binpack, spread, random or plugin:<name>");
    expect(() => strategyFlag('plugin:a b', 0)).toThrow(/"a b" is not a plug-in name/);
  });

  it('loads plugin:<module path> into the registry and names the plug-in it exports', async () => {
    const file = moduleFile('least-memory.mjs', 'export default { name: "least-memory", score: (c, view) => Array.from(c, (s) => view.remainingMemory(s)) };\n');
    const registry = new PluginRegistry();
    const strategies = await strategyFlags([`plugin:${file}`, 'spread:instanceId', 'plugin:least-memory'], registry);
    expect(strategies).toEqual([{ type: 'plugin:least-memory' }, { type: 'spread', field: 'instanceId' }, { type: 'plugin:least-memory' }]);
    expect(registry.names()).toEqual(['least-memory']);
    await expect(strategyFlags(['plugin:unknown'], registry)).rejects.toThrow(`--strategy 1 ('plugin:unknown').type: no placement plug-in named "unknown" is registered`);
  });

  it('refuses a module that exports no plug-in, or cannot be loaded', async () => {
    const file = moduleFile('empty.mjs', 'export const x = 1;\n');
    await expect(strategyFlags([`plugin:${file}`], new PluginRegistry())).rejects.toThrow(/\(its default or "plugin" export\) must be an object \{ name, score \} or \{ name, place \}/);
    await expect(strategyFlags(['plugin:./no/such/module.js'], new PluginRegistry())).rejects.toThrow(/plug-in \.\/no\/such\/module\.js: cannot load the module/);
  });
});

// The table of operations (src/ecs/operations.ts) is the one place an operation is declared:
// the simulator's methods, the dispatcher's map and the README's list must all be exactly it, and
// every operation's request and response must be the SDK's.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { methodName, type Operation } from '../../src/ecs/operation.js';
import { ECS_OPERATIONS, type EcsOperation } from '../../src/ecs/operations.js';
import { EcsSimulator } from '../../src/ecs/simulator.js';
import { OPERATIONS } from '../../src/protocol/dispatcher.js';
import type { OperationTypes } from '../../src/model/operations.generated.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const names = ECS_OPERATIONS.map((op) => op.name);

/** The operation names the project README lists after "Operations (N of ...):". */
function readmeOperations(): { count: number; names: string[] } {
  const text = readFileSync(path.join(root, 'README.md'), 'utf8');
  const paragraph = text.split(/\n\s*\n/).find((p) => p.startsWith('Operations (')) ?? '';
  const m = /^Operations \((\d+) of the API's \d+\): ([^.]+)\.$/.exec(paragraph.replace(/\s*\n\s*/g, ' ').trim());
  if (m === null) throw new Error('README.md has no "Operations (N of the API\'s M): ..." paragraph');
  return { count: Number(m[1]), names: m[2]!.split(',').map((s) => s.trim()) };
}

/** Every module under src/ecs, with its path relative to src/ecs. */
function ecsModules(dir = path.join(root, 'src/ecs')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ecsModules(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const isOperation = (v: unknown): v is Operation =>
  typeof v === 'object' && v !== null && typeof (v as Operation).name === 'string' && typeof (v as Operation).handler === 'function' && typeof (v as Operation).mutates === 'boolean';

describe('the table of operations', () => {
  it('names each operation once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it('is what the README lists, in its order, and the count the README states', () => {
    const readme = readmeOperations();
    expect(readme.names).toEqual(names);
    expect(readme.count).toBe(ECS_OPERATIONS.length);
  });

  it('gives the simulator one method per operation, and the dispatcher one entry per operation', () => {
    const sim = new EcsSimulator();
    for (const name of names) expect(typeof (sim as unknown as Record<string, unknown>)[methodName(name)], name).toBe('function');
    expect(Object.keys(OPERATIONS).sort()).toEqual([...names].sort());
  });

  it('holds every operation module: one module per operation, named after it, exporting only the declaration', async () => {
    const declared = new Map<Operation, string>();
    for (const file of ecsModules()) {
      const exports = Object.values((await import(file)) as Record<string, unknown>);
      const ops = exports.filter(isOperation);
      if (ops.length === 0) continue;
      const relative = path.relative(path.join(root, 'src/ecs'), file);
      expect(exports, `${relative} exports an operation and something else`).toHaveLength(1);
      const kebab = ops[0]!.name.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '-') + c.toLowerCase());
      expect(path.basename(file, '.ts'), relative).toBe(kebab);
      declared.set(ops[0]!, relative);
    }
    // Every module's operation is in the table, except the simulator's own bulk placement.
    const notInTable = [...declared].filter(([op]) => !(ECS_OPERATIONS as readonly Operation[]).includes(op)).map(([, file]) => file);
    expect(notInTable).toEqual(['tasks/place-tasks.ts']);
    expect([...declared.keys()].filter((op) => (ECS_OPERATIONS as readonly Operation[]).includes(op))).toHaveLength(ECS_OPERATIONS.length);
  });

  it('marks only List, Describe and Discover operations as not changing the state', () => {
    const readOnly = ECS_OPERATIONS.filter((op) => !op.mutates).map((op) => op.name);
    expect(readOnly.every((n) => /^(List|Describe|Discover)/.test(n))).toBe(true);
    expect(names.filter((n) => /^(List|Describe|Discover)/.test(n))).toEqual(readOnly);
  });

  it("declares the model's request and response types for every operation", () => {
    // Each operation's request and response are exactly the generated model's types for its wire
    // name; test/model/sdk-compat.generated.ts checks those against the SDK's, both ways.
    type Ours<O> = O extends Operation<string, infer Req, infer Res> ? { input: Req; output: Res } : never;
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;
    type Mismatched = {
      [O in EcsOperation as O['name']]: Same<Ours<O>['input'], OperationTypes[O['name']]['input']> extends true
        ? Same<Ours<O>['output'], OperationTypes[O['name']]['output']> extends true
          ? never
          : O['name']
        : O['name'];
    }[EcsOperation['name']];
    expectTypeOf<Mismatched>().toBeNever();
    // The check can fail: a narrower response than the model's is not the same type.
    expectTypeOf<Same<{ clusterArns?: string[] }, OperationTypes['ListClusters']['output']>>().toEqualTypeOf<false>();
    expect(names).toHaveLength(ECS_OPERATIONS.length);
  });
});

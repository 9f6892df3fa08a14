import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../src/model/generator/generate.js';
import type { ModelData } from '../../src/model/generator/model-data.js';
import { firstSentence, readSdkEnums, readSdkRequired } from '../../src/model/generator/trim-model.js';
import { SHAPE_TABLES } from '../../src/model/tables.generated.js';
import type { ShapeTable } from '../../src/model/table-types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/model/generator/ecs-model.json'), 'utf8')) as ModelData;

describe('generated model files', () => {
  it('are exactly what the committed model data generates (run `npm run model:generate` after changing either)', () => {
    for (const [file, text] of Object.entries(generateFiles(data))) {
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).toBe(text);
    }
  });

  it('are marked generated, not to be edited', () => {
    for (const file of Object.keys(generateFiles(data))) {
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n')[0]).toMatch(/^\/\/ GENERATED .* do not edit\.$/);
    }
  });

  it('describe a model without cycles, at most 11 levels deep (the validator recurses only that deep)', () => {
    const children = (t: ShapeTable): string[] =>
      t.type === 'structure' ? Object.values(t.members) : t.type === 'list' ? [t.member] : t.type === 'map' ? [t.key, t.value] : [];
    const depth = new Map<string, number>();
    const depthOf = (name: string, onPath: Set<string>): number => {
      if (onPath.has(name)) throw new Error(`cycle through ${name}`);
      const known = depth.get(name);
      if (known !== undefined) return known;
      onPath.add(name);
      const d = 1 + Math.max(0, ...children(SHAPE_TABLES[name as keyof typeof SHAPE_TABLES]).map((c) => depthOf(c, onPath)));
      onPath.delete(name);
      depth.set(name, d);
      return d;
    };
    expect(Math.max(...Object.keys(SHAPE_TABLES).map((n) => depthOf(n, new Set())))).toBe(11);
  });

  it('hold patterns that compile as JavaScript regexes', () => {
    for (const t of Object.values(SHAPE_TABLES)) if (t.type === 'string' && t.pattern !== undefined) expect(() => new RegExp(t.pattern!, 'u')).not.toThrow();
  });
});

describe('stage 1 helpers', () => {
  it('cut a model doc to its first sentence, as plain text', () => {
    expect(firstSentence('<p>Starts a new task. You can allow <code>ECS</code> to place it.</p>')).toBe('Starts a new task.');
    expect(firstSentence('<p>A value, e.g. <b>1</b> or 2. More.</p>')).toBe('A value, e.g. 1 or 2.');
    expect(firstSentence('<p>Uses &lt;tags&gt; &amp; more</p>')).toBe('Uses <tags> & more');
    expect(firstSentence('<p></p>')).toBeUndefined();
  });

  it('read the SDK\'s enums and required members as text', () => {
    expect(readSdkEnums('export const LaunchType = {\n    EC2: "EC2",\n    FARGATE: "FARGATE",\n};\n').get('LaunchType')).toEqual(['EC2', 'FARGATE']);
    const schema = 'const _A = "Attribute";\nconst _n = "name";\nconst _v = "value";\nexport var Attribute$ = [3, n0, _A,\n    0,\n    [_n, _v],\n    [0, 0], 1\n];\n';
    expect(readSdkRequired(schema).get('Attribute')).toEqual(['name']);
  });
});

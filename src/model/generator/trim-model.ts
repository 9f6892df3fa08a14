/**
 * Stage 1: trims botocore's ECS service model to the simulated operations and the shapes they
 * reach, docs cut to their first sentence, and records where the installed SDK's types differ from
 * it (enum values newer than the model; members whose requiredness changed since). The result is the committed data file stage 2 generates from, so the
 * generated files can be checked (and regenerated) where botocore is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ModelData, ModelOperation, ModelShape } from './model-data.js';
import { SIMULATED_OPERATIONS } from './operations.js';

interface BotocoreRef { shape: string; documentation?: string }
interface BotocoreShape {
  type: ModelShape['type'];
  documentation?: string;
  members?: Record<string, BotocoreRef>;
  required?: string[];
  member?: BotocoreRef;
  key?: BotocoreRef;
  value?: BotocoreRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  fault?: boolean;
}
interface BotocoreModel {
  metadata: { apiVersion: string; targetPrefix: string; jsonVersion: string };
  operations: Record<string, { input?: BotocoreRef; output?: BotocoreRef; errors?: BotocoreRef[]; documentation?: string }>;
  shapes: Record<string, BotocoreShape>;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };
const ABBREVIATIONS = /(?:e\.g|i\.e|etc|vs|approx|Inc|No)\.$/;

/** The first sentence of a model doc, as plain text on one line. */
export function firstSentence(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const text = html
    // Block tags part words; inline ones (<code>, <i>, <a>) sit inside a sentence.
    .replace(/<\/?(?:p|li|ul|ol|br|note|important|div)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  const re = /[.!?](?=\s+[A-Z(`"])/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const upTo = text.slice(0, m.index + 1);
    if (!ABBREVIATIONS.test(upTo)) return upTo;
  }
  return text;
}

/** Enum name → values, read as text from the SDK's `dist-es/models/enums.js` (never run). */
export function readSdkEnums(source: string): Map<string, string[]> {
  const enums = new Map<string, string[]>();
  for (const m of source.matchAll(/export const (\w+) = \{([^}]*)\}/g)) {
    enums.set(m[1]!, [...m[2]!.matchAll(/:\s*"([^"]*)"/g)].map((v) => v[1]!));
  }
  return enums;
}

/**
 * Structure name → its required members, read as text from the SDK's `dist-es/schemas/schemas_0.js`
 * (never run): a structure schema lists its members required ones first and ends with their count.
 */
export function readSdkRequired(source: string): Map<string, string[]> {
  const names = new Map([...source.matchAll(/^const (_\w+) = "([^"]*)";$/gm)].map((m) => [m[1]!, m[2]!]));
  const required = new Map<string, string[]>();
  const structure = /^export var \w+\$ = \[3, n0, (_\w+),\n\s+[^\n]*,\n\s+\[([^\]\n]*)\],\n([\s\S]*?)\n\];$/gm;
  for (const m of source.matchAll(structure)) {
    const members = m[2]!.trim() === '' ? [] : m[2]!.split(',').map((c) => names.get(c.trim()) ?? '');
    const count = Number(/\], (\d+)$/.exec(m[3]!)?.[1] ?? 0);
    required.set(names.get(m[1]!) ?? '', members.slice(0, count));
  }
  if (required.size === 0) throw new Error('no structure schemas found in the SDK schema file; has its layout changed?');
  return required;
}

interface SdkView { enums: ReadonlyMap<string, string[]>; required: ReadonlyMap<string, string[]> }

function trimShape(s: BotocoreShape, sdk: SdkView, name: string): ModelShape {
  const out: ModelShape = { type: s.type };
  const doc = firstSentence(s.documentation);
  if (doc !== undefined) out.doc = doc;
  if (s.members !== undefined) {
    out.members = {};
    for (const [m, ref] of Object.entries(s.members)) {
      const d = firstSentence(ref.documentation);
      out.members[m] = d === undefined ? { shape: ref.shape } : { shape: ref.shape, doc: d };
    }
  }
  if (s.required !== undefined && s.required.length > 0) out.required = [...s.required];
  const sdkRequired = sdk.required.get(name);
  if (s.type === 'structure' && sdkRequired !== undefined) {
    const modelRequired = s.required ?? [];
    const optional = modelRequired.filter((m) => !sdkRequired.includes(m));
    const required = sdkRequired.filter((m) => !modelRequired.includes(m) && s.members?.[m] !== undefined);
    if (optional.length > 0) out.sdkOptional = optional;
    if (required.length > 0) out.sdkRequired = required;
  }
  if (s.member !== undefined) out.member = s.member.shape;
  if (s.key !== undefined) out.key = s.key.shape;
  if (s.value !== undefined) out.value = s.value.shape;
  if (s.enum !== undefined) {
    out.enum = [...s.enum];
    const newer = (sdk.enums.get(name) ?? []).filter((v) => !s.enum!.includes(v));
    if (newer.length > 0) out.sdkOnlyEnum = newer;
  }
  if (s.min !== undefined) out.min = s.min;
  if (s.max !== undefined) out.max = s.max;
  if (s.pattern !== undefined) out.pattern = s.pattern;
  if (s.exception === true) out.exception = true;
  if (s.fault === true) out.fault = true;
  return out;
}

/** The model trimmed to the simulated operations (see the file comment). */
export function trimModel(model: BotocoreModel, sdkEnumsSource: string, sdkSchemaSource: string, source: ModelData['source']): ModelData {
  const sdk: SdkView = { enums: readSdkEnums(sdkEnumsSource), required: readSdkRequired(sdkSchemaSource) };
  const reached = new Set<string>();
  const pending: string[] = [];
  const reach = (name: string) => {
    if (reached.has(name)) return;
    if (model.shapes[name] === undefined) throw new Error(`the model has no shape ${name}`);
    reached.add(name);
    pending.push(name);
  };
  const operations: Record<string, ModelOperation> = {};
  for (const name of [...SIMULATED_OPERATIONS].sort()) {
    const op = model.operations[name];
    if (op === undefined) throw new Error(`the model has no operation ${name}`);
    if (op.input === undefined || op.output === undefined) throw new Error(`${name} has no input or output shape`);
    const doc = firstSentence(op.documentation);
    operations[name] = {
      ...(doc === undefined ? {} : { doc }),
      input: op.input.shape,
      output: op.output.shape,
      errors: (op.errors ?? []).map((e) => e.shape),
    };
    reach(op.input.shape);
    reach(op.output.shape);
    for (const e of op.errors ?? []) reach(e.shape);
  }
  // An explicit work list: the walk is as deep as the model, whatever that is.
  while (pending.length > 0) {
    const s = model.shapes[pending.pop()!]!;
    for (const ref of Object.values(s.members ?? {})) reach(ref.shape);
    for (const ref of [s.member, s.key, s.value]) if (ref !== undefined) reach(ref.shape);
  }
  const shapes: Record<string, ModelShape> = {};
  for (const name of [...reached].sort()) shapes[name] = trimShape(model.shapes[name]!, sdk, name);
  const { apiVersion, targetPrefix, jsonVersion } = model.metadata;
  return { source, metadata: { apiVersion, targetPrefix, jsonVersion }, operations, shapes };
}

/** Reads botocore's model and the SDK's enums and schema (`sdkDir`: the package folder) and trims. */
export function trimModelFiles(botocoreModelPath: string, botocoreVersion: string, sdkDir: string): ModelData {
  const model = JSON.parse(fs.readFileSync(botocoreModelPath, 'utf8')) as BotocoreModel;
  const sdkVersion = (JSON.parse(fs.readFileSync(path.join(sdkDir, 'package.json'), 'utf8')) as { version: string }).version;
  const read = (file: string) => fs.readFileSync(path.join(sdkDir, file), 'utf8');
  return trimModel(model, read('dist-es/models/enums.js'), read('dist-es/schemas/schemas_0.js'), {
    model: `botocore ${botocoreVersion} data/ecs/2014-11-13/service-2.json`,
    sdk: `@aws-sdk/client-ecs ${sdkVersion} dist-es/models/enums.js and dist-es/schemas/schemas_0.js`,
  });
}

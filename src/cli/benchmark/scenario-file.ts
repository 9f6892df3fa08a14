/**
 * Benchmark scenario files (`bench/scenarios/<name>.json`): a what-if scenario (the `steps` the
 * CLI's `whatif` runs, checked by its own parser) over a generated dataset, at two sizes:
 *
 *     { "description": "...",
 *       "dataset": { "utilization": 0.2 },          // generateCluster options but instances and seed
 *       "sizes": { "small": { "instances": 90, "vars": { "perService": 4 } },
 *                  "full":  { "instances": 2000, "vars": { "perService": 80 } } },
 *       "steps": [ ... { "desiredCount": "$perService" } ... ] }
 *
 * A string that is exactly `"$<name>"` anywhere in the steps stands for that variable of the
 * size being run (a number); both sizes declare the same variables. Nothing else is substituted
 * and nothing is evaluated. The dataset's seed is the run's `--seed`.
 */
import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidParameterException, quote } from '../../errors.js';
import type { GenerateClusterOptions } from '../../sim/cluster-generator.js';
import { parseJson, readText } from '../io.js';
import { parseScenario } from '../scenario/validate.js';
import type { Scenario } from '../scenario/steps.js';

export const SIZES = ['small', 'full'] as const;
export type Size = (typeof SIZES)[number];

/** The generateCluster options a file may set (instances come from the size, the seed from the run). */
const DATASET_OPTIONS = ['utilization', 'region', 'accountId', 'cluster', 'at'] as const;
const MAX_INSTANCES = 5_000;
const VARIABLE = /^\$([A-Za-z][A-Za-z0-9_]*)$/;

/** The directory of the bundled scenarios; the same from `src/cli/benchmark` and `dist/cli/benchmark`. */
export const BUNDLED_SCENARIOS = fileURLToPath(new URL('../../../bench/scenarios/', import.meta.url));

/** A benchmark scenario read for one size: its dataset options and its checked what-if scenario. */
export interface BenchmarkScenario {
  readonly name: string;
  readonly description: string;
  readonly size: Size;
  /** generateCluster options, the seed left to the run */
  readonly dataset: Omit<GenerateClusterOptions, 'seed'>;
  readonly scenario: Scenario;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces each `"$name"` string with its value; an unknown name is an error naming where it is. */
function substitute(value: unknown, vars: ReadonlyMap<string, number>, path: string): unknown {
  if (typeof value === 'string') {
    const m = VARIABLE.exec(value);
    if (m === null) return value;
    const v = vars.get(m[1]!);
    if (v === undefined) throw new InvalidParameterException(`${path}: "${value}" names no variable of the sizes (${[...vars.keys()].join(', ') || 'none declared'})`);
    return v;
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, vars, `${path}[${i}]`));
  if (isObject(value)) {
    // Own properties only, defined (not assigned), so "__proto__" stays an ordinary member.
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: substitute(v, vars, `${path}.${k}`), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function sizeOf(sizes: Json, size: Size): { instances: number; vars: Map<string, number> } {
  const s = sizes[size];
  if (!isObject(s)) throw new InvalidParameterException(`sizes.${size}: expected {"instances": n, "vars": {...}}; got ${quote(s)}`);
  for (const k of Object.keys(s)) if (k !== 'instances' && k !== 'vars') throw new InvalidParameterException(`sizes.${size}.${k}: unknown member; a size has instances and vars`);
  const instances = s['instances'];
  if (typeof instances !== 'number' || !Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES) {
    throw new InvalidParameterException(`sizes.${size}.instances: expected a whole number from 1 to ${MAX_INSTANCES} (ECS's limit per cluster); got ${quote(instances)}`);
  }
  const raw = s['vars'] ?? {};
  if (!isObject(raw)) throw new InvalidParameterException(`sizes.${size}.vars: expected an object of numbers`);
  const vars = new Map<string, number>();
  for (const [k, v] of Object.entries(raw)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k)) throw new InvalidParameterException(`sizes.${size}.vars.${k}: a variable name is letters, digits and _, starting with a letter`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidParameterException(`sizes.${size}.vars.${k}: expected a number; got ${quote(v)}`);
    vars.set(k, v);
  }
  return { instances, vars };
}

function datasetOf(raw: unknown): Omit<GenerateClusterOptions, 'seed' | 'instances'> {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new InvalidParameterException('dataset: expected an object of generateCluster options');
  for (const k of Object.keys(raw)) {
    if (!(DATASET_OPTIONS as readonly string[]).includes(k)) throw new InvalidParameterException(`dataset.${k}: unknown member; the dataset takes ${DATASET_OPTIONS.join(', ')} (instances come from the size, the seed from --seed)`);
  }
  return raw as Omit<GenerateClusterOptions, 'seed' | 'instances'>;
}

/**
 * A benchmark scenario from parsed JSON, for one size. `source` names it in errors.
 *
 * @example readBenchmarkScenario(JSON.parse(text), 'az-lost', 'small').scenario.steps.length
 */
export function readBenchmarkScenario(json: unknown, name: string, size: Size, source = name): BenchmarkScenario {
  try {
    if (!isObject(json)) throw new InvalidParameterException('expected {"description", "dataset", "sizes", "steps"}');
    for (const k of Object.keys(json)) {
      if (!['description', 'dataset', 'sizes', 'steps'].includes(k)) throw new InvalidParameterException(`${k}: unknown member; a benchmark scenario has description, dataset, sizes and steps`);
    }
    const description = json['description'];
    if (typeof description !== 'string' || description === '') throw new InvalidParameterException('description: expected a non-empty string');
    const sizes = json['sizes'];
    if (!isObject(sizes)) throw new InvalidParameterException(`sizes: expected {"small": {...}, "full": {...}}`);
    for (const k of Object.keys(sizes)) if (!(SIZES as readonly string[]).includes(k)) throw new InvalidParameterException(`sizes.${k}: unknown size; the sizes are ${SIZES.join(' and ')}`);
    const [small, full] = SIZES.map((s) => sizeOf(sizes, s));
    const names = (m: Map<string, number>) => [...m.keys()].sort().join(', ');
    if (names(small!.vars) !== names(full!.vars)) throw new InvalidParameterException(`sizes: small declares (${names(small!.vars)}) and full (${names(full!.vars)}); both sizes declare the same variables`);
    const chosen = size === 'small' ? small! : full!;
    const steps = substitute(json['steps'], chosen.vars, 'steps');
    const scenario = parseScenario({ description, steps }, source);
    return { name, description, size, dataset: { ...datasetOf(json['dataset']), instances: chosen.instances }, scenario };
  } catch (e) {
    if (e instanceof InvalidParameterException && !e.message.startsWith('scenario ')) throw new InvalidParameterException(`benchmark scenario ${source}: ${e.message}`);
    throw e;
  }
}

/** The names of the bundled scenarios, in name order. */
export function bundledScenarioNames(): string[] {
  return readdirSync(BUNDLED_SCENARIOS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
}

/**
 * A `--scenario`: a bundled scenario's name, or the path of a scenario file (ends in `.json`).
 *
 * @example loadBenchmarkScenario('az-lost', 'small').dataset.instances
 */
export function loadBenchmarkScenario(reference: string, size: Size): BenchmarkScenario {
  if (extname(reference) === '.json') {
    return readBenchmarkScenario(parseJson(readText(reference, '--scenario'), `--scenario ${reference}`), basename(reference, '.json'), size, reference);
  }
  const names = bundledScenarioNames();
  if (!names.includes(reference)) throw new InvalidParameterException(`--scenario: no bundled scenario named '${reference}'; they are ${names.join(', ')} (or give a .json file)`);
  const file = `${BUNDLED_SCENARIOS}${reference}.json`;
  return readBenchmarkScenario(parseJson(readText(file, '--scenario'), `scenario ${reference}`), reference, size);
}

/**
 * The cluster a subcommand works on: a DescribeContainerInstances response (optionally with the
 * tasks, task definitions and services the dataset generator writes), loaded with
 * `EcsSimulator.fromDescribeOutput`. Default: the bundled medium dataset (5,000 instances).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidParameterException } from '../errors.js';
import { EcsSimulator } from '../protocol/simulator.js';
import { integerOption } from './args.js';
import { parseJson, readText } from './io.js';

/** A bundled dataset by name; the path is the same from `src/cli` and from `dist/cli`. */
export function bundledDataset(name: 'small' | 'medium'): string {
  return fileURLToPath(new URL(`../../datasets/${name}.json`, import.meta.url));
}

export const DEFAULT_DATASET = bundledDataset('medium');

export interface LoadedCluster {
  readonly sim: EcsSimulator;
  /** the cluster the data's instances are in */
  readonly cluster: string;
  /** where the data came from, for messages */
  readonly source: string;
  readonly seed: number;
}

/** The seed of `--seed` (default 1): every random choice of the run draws from it. */
export function seedOption(text: string | undefined): number {
  return integerOption(text, 'seed', 1, 0, 2 ** 31 - 1);
}

/** Loads `--data` (default: the bundled medium dataset) into a simulator seeded with `--seed`. */
export function loadCluster(options: { data?: string | undefined; seed?: string | undefined }): LoadedCluster {
  const seed = seedOption(options.seed);
  const path = options.data ?? DEFAULT_DATASET;
  if (options.data === undefined && !existsSync(path)) {
    throw new InvalidParameterException(`--data: the bundled dataset ${path} is missing; give --data <file>`);
  }
  const json = parseJson(readText(path, '--data'), `--data ${path === '-' ? 'stdin' : path}`);
  let sim: EcsSimulator;
  try {
    sim = EcsSimulator.fromDescribeOutput(json, { seed });
  } catch (e) {
    if (e instanceof InvalidParameterException) throw new InvalidParameterException(`--data ${path}: ${e.message}`);
    throw e;
  }
  const clusters = sim.listClusters().clusterArns ?? [];
  const cluster = clusters[0]?.split('/').pop() ?? 'default';
  const source = options.data === undefined ? `the bundled ${path.endsWith('medium.json') ? 'medium' : 'small'} dataset` : path;
  return { sim, cluster, source, seed };
}

/**
 * Writes generated clusters (`generateCluster`, src/sim/cluster-generator.ts) as JSON files that
 * `EcsSimulator.fromDescribeOutput` loads.
 *
 *   npx tsx datasets/generate.ts --instances 100000 --seed 7 --out cluster.json
 *   npx tsx datasets/generate.ts --bundled        # regenerates datasets/small.json and medium.json
 *
 * Options: --instances N, --seed N, --out FILE (default: stdout), --region, --account, --cluster,
 * --at ISO-TIME, --utilization 0..0.9, --compact, --pretty. Output is streamed, so a million
 * instances (several GB) need no more memory than a thousand.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCluster, type GenerateClusterOptions } from '../src/sim/cluster-generator.js';

/** The bundled datasets: file, JSON indentation (0: compact) and the options they are generated with. */
export const BUNDLED: readonly { file: string; indent: number; options: GenerateClusterOptions }[] = [
  // Small enough to read: every member a real dump has, pretty-printed.
  { file: 'small.json', indent: 2, options: { instances: 50, seed: 104 } },
  // The ECS quota of 5,000 instances per cluster; compact (see GenerateClusterOptions.compact)
  // and half full, so what-ifs have room to place.
  { file: 'medium.json', indent: 0, options: { instances: 5000, seed: 2019, utilization: 0.5, compact: true } },
];

/** The JSON text of a generated cluster, as the files hold it (with a final newline). */
export function clusterText(options: GenerateClusterOptions, indent: number): string {
  const parts: string[] = [];
  writeCluster(options, (chunk) => parts.push(chunk), indent);
  return `${parts.join('')}\n`;
}

function writeTo(path: string | undefined, options: GenerateClusterOptions, indent: number): Promise<void> {
  if (path === undefined) {
    writeCluster(options, (chunk) => process.stdout.write(chunk), indent);
    process.stdout.write('\n');
    return Promise.resolve();
  }
  // Chunks are batched into ~1 MB writes; the stream is drained before more are queued.
  const out = createWriteStream(path);
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    out.write(buffer.join(''));
    buffer = [];
    size = 0;
  };
  writeCluster(options, (chunk) => {
    buffer.push(chunk);
    size += chunk.length;
    if (size > 1 << 20) flush();
  }, indent);
  buffer.push('\n');
  flush();
  return new Promise((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function numberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new RangeError(`--${name} takes a number; got '${text}'`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      instances: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
      region: { type: 'string' }, account: { type: 'string' }, cluster: { type: 'string' }, at: { type: 'string' },
      utilization: { type: 'string' }, compact: { type: 'boolean' }, pretty: { type: 'boolean' }, bundled: { type: 'boolean' },
    },
  });
  if (values.bundled) {
    for (const b of BUNDLED) {
      const path = fileURLToPath(new URL(b.file, import.meta.url));
      const started = performance.now();
      writeFileSync(path, clusterText(b.options, b.indent));
      process.stderr.write(`datasets/${b.file}: ${b.options.instances} instances, seed ${b.options.seed} (${Math.round(performance.now() - started)} ms)\n`);
    }
    return;
  }
  const options: GenerateClusterOptions = {
    instances: numberOption(values.instances ?? values.count, 'instances') ?? 50,
    seed: numberOption(values.seed, 'seed') ?? 1,
    ...(values.region === undefined ? {} : { region: values.region }),
    ...(values.account === undefined ? {} : { accountId: values.account }),
    ...(values.cluster === undefined ? {} : { cluster: values.cluster }),
    ...(values.at === undefined ? {} : { at: values.at }),
    ...(values.utilization === undefined ? {} : { utilization: numberOption(values.utilization, 'utilization')! }),
    ...(values.compact ? { compact: true } : {}),
  };
  await writeTo(values.out, options, values.pretty ? 2 : 0);
}

if (process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: Error) => {
    process.stderr.write(`${e.name}: ${e.message}\n`);
    process.exitCode = 2;
  });
}

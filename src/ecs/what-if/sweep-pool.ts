/**
 * Running a sweep's scenarios on `workers` threads: this one and `workers - 1` worker threads —
 * this thread on the state itself (its placement structures are warm), each worker on the base
 * state restored once from a snapshot. The threads take the scenarios a chunk at a time from a
 * shared counter (`runSharedScenarios`), so this thread works on while the workers start and a
 * slower thread takes fewer; a row depends on its scenario alone, so which thread ran it does not
 * show. The rows are put in scenario order. Workers run the compiled module beside this one, or — when this
 * module runs from the TypeScript sources (tests, tsx) — the .ts module through tsx's loader,
 * registered in the worker, so they run the same code as this thread and can load the same .ts
 * plug-ins. (Starting source-mode workers from a build that looked as new as the sources saved
 * ~1 s a worker, but ran other code than this thread's whenever file times misled, and could not
 * load a .ts plug-in: a fresh clone's CI failed on it.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SimState } from '../state/state.js';
import { CALLED_OFF, NOT_STARTED, runSharedScenarios, SWEEP_JOB, type SweepJob, type SweepRow, type SweepScenario } from './sweep.js';

/** The URL of tsx's ESM register API (its "import" export, which require.resolve would not give). */
function tsxEsmApi(): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const exports = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(path.join(root, exports['./esm/api']!.import.default)).href;
}

/**
 * What a worker runs: the worker module beside this one — from the sources, a small bootstrap
 * that registers tsx's loader in the worker first (`--import` in a worker's execArgv is not
 * honoured), then imports the .ts module.
 */
function newWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sweep-worker.js', import.meta.url), { workerData });
  // tsx is a development dependency: the sources only run where it is installed.
  const api = tsxEsmApi();
  const entry = new URL('./sweep-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Runs `scenarios` on this thread (over `state`) and `workers - 1` worker threads (over a
 * snapshot of the same state, which `snapshot` takes: after the workers are started, so that
 * they load their modules meanwhile); rows in the scenarios' order. With `onThisThread: false`
 * this thread only waits, so the workers run every scenario (the tests hold their rows to this
 * thread's).
 */
export async function runOnWorkers(
  state: SimState,
  snapshot: () => string,
  cluster: string,
  scenarios: readonly SweepScenario[],
  settleMs: number,
  workers: number,
  plugins: readonly string[],
  { onThisThread = true }: { onThisThread?: boolean } = {},
): Promise<SweepRow[]> {
  const remoteCount = Math.min(workers, scenarios.length) - 1;
  // [scenarios handed out, then per worker: 0 not started, 1 running, -1 called off]
  const shared = new SharedArrayBuffer(4 * (1 + remoteCount));
  const counter = new Int32Array(shared);
  // Small enough that the threads end within a chunk of each other, large enough that taking one is rare.
  const chunk = Math.max(1, Math.min(16, Math.floor(scenarios.length / (8 * workers))));
  const started: Worker[] = [];
  const remote = Array.from(
    { length: remoteCount },
    (_, w) =>
      new Promise<SweepRow[]>((resolve, reject) => {
        const job: SweepJob = { kind: SWEEP_JOB, cluster, settleMs, scenarios, shared, worker: w + 1, chunk, plugins };
        const worker = newWorker(job);
        started.push(worker);
        worker.once('message', (rows: SweepRow[]) => resolve(rows));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (counter[w + 1] === CALLED_OFF) resolve([]);
          else if (code !== 0) reject(new Error(`sweep worker exited with code ${code}`));
        });
      }),
  );
  let local: SweepRow[];
  try {
    if (started.length > 0) {
      const text = snapshot();
      for (const worker of started) worker.postMessage(text);
    }
    // The workers start meanwhile; their rows wait in the message queue until this thread is done.
    local = onThisThread ? runSharedScenarios(state, cluster, scenarios, settleMs, counter, chunk) : [];
  } catch (error) {
    // Nothing is left for the workers to take: they stop at their current chunk.
    Atomics.store(counter, 0, scenarios.length);
    for (const worker of started) void worker.terminate();
    throw error;
  }
  // A worker still starting (restoring the snapshot) when this thread ran out has taken nothing: it is called off, not waited for.
  if (onThisThread) started.forEach((worker, w) => {
    if (Atomics.compareExchange(counter, w + 1, NOT_STARTED, CALLED_OFF) === NOT_STARTED) void worker.terminate();
  });
  const parts = await Promise.all(remote);
  return [local, ...parts].flat().sort((a, b) => a.index - b.index);
}

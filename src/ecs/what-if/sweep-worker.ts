/**
 * A sweep worker (worker_threads): restores the base state from the snapshot it is sent (its first
 * message: the thread that starts it takes the snapshot while this one loads its modules), runs
 * the scenarios no thread has taken yet (each on its own fork) and posts their rows back. Loaded by
 * `sweep-pool.ts`, from dist as JavaScript or from the sources through tsx's loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EcsSimulator } from '../simulator.js';
import { NOT_STARTED, RUNNING, runSharedScenarios, SWEEP_JOB, type SweepJob } from './sweep.js';

const job = workerData as SweepJob | null;
if (parentPort !== null && job?.kind === SWEEP_JOB) {
  const snapshot = await new Promise<string>((resolve) => parentPort!.once('message', resolve));
  const sim = EcsSimulator.restore(snapshot);
  for (const path of job.plugins) await sim.placement.load(path);
  const shared = new Int32Array(job.shared);
  // Called off meanwhile (the other threads ran every scenario): nothing to do.
  const go = Atomics.compareExchange(shared, job.worker, NOT_STARTED, RUNNING) === NOT_STARTED;
  parentPort.postMessage(go ? runSharedScenarios(sim.state, job.cluster, job.scenarios, job.settleMs, shared, job.chunk) : []);
}

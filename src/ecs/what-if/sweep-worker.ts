/**
 * A sweep worker (worker_threads): restores the base state from the snapshot it is given, runs
 * the scenarios it is given (each on its own fork) and posts their rows back. Loaded by
 * `sweep-pool.ts`, from dist as JavaScript or from the sources through tsx's loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EcsSimulator } from '../simulator.js';
import { runScenarios, type SweepScenario } from './sweep.js';

interface Job {
  readonly snapshot: string;
  readonly cluster: string;
  readonly settleMs: number;
  readonly scenarios: readonly SweepScenario[];
  /** module paths of placement plug-ins to load before running */
  readonly plugins: readonly string[];
}

const job = workerData as Job;
const sim = EcsSimulator.restore(job.snapshot);
for (const path of job.plugins) await sim.placement.load(path);
parentPort!.postMessage(runScenarios(sim.state, job.cluster, job.scenarios, job.settleMs));

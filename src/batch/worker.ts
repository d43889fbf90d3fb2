/**
 * The piscina worker: one replicate per task. Returns the series, moved (not copied) back to the
 * main thread, which knows which task it sent. A batch's pool gives each worker the model and the
 * economies once, at start (`BatchData` in `workerData`), so that its tasks carry only indices; a
 * task that carries its own model (experiments, calibration) is run as it is.
 */
import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { measureTask, runTask } from './replicate.ts';
import type { BatchData, ReplicateTask, SlimTask } from './task.ts';

const batch = (workerData as { batch?: BatchData } | undefined)?.batch;

export default function simulateTask(sent: ReplicateTask | SlimTask): Float64Array {
  const task: ReplicateTask = 'model' in sent ? sent : { ...sent, model: batch!.sets[sent.set].model, economy: batch!.sets[sent.set].economies[sent.scenarioIndex] };
  if (task.measureTargets) return move(measureTask(task)) as unknown as Float64Array;
  return move(runTask(task).series) as unknown as Float64Array;
}

/** The replicate runner itself, for the benchmark's single-thread figures (the same bundle the workers run). */
export { runTask } from './replicate.ts';

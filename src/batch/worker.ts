/**
 * The piscina worker: one replicate per task. Returns the series, moved (not copied) back to the
 * main thread, which knows which task it sent.
 */
import { move } from 'piscina';
import { measureTask, runTask } from './replicate.ts';
import type { ReplicateTask } from './task.ts';

export default function simulateTask(task: ReplicateTask): Float64Array {
  if (task.measureTargets) return move(measureTask(task)) as unknown as Float64Array;
  return move(runTask(task).series) as unknown as Float64Array;
}
